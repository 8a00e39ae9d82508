/**
 * A dossier request: the GraphQL input as a request, checked against its procedure's form, and the access
 * boundary's decision for it — before any data is read.
 */
import type { DataSourceName } from "../access/index.js";
import { checkProcedureUse } from "../access/index.js";
import type { Subject } from "../access/index.js";
import { CERTIFICATE_SERIAL_PATTERN, PARCEL_ID_PATTERN, PERSONAL_ID_PATTERN, TAX_CODE_PATTERN, taxCheckDigit } from "../../shared/codes.js";
import { say } from "../../platform/i18n.js";
import { PROCEDURES } from "./messages.js";
import { GatewayError } from "../../platform/errors.js";
import { type CatalogueProcedure, type ProcedureCatalogue, subjectDescriptionOf } from "./catalogue.js";
import { distinct, type DossierParties, roleSubjects } from "./disclosure.js";
import { type Applicant, type Evidence, RULES, type SubjectRole } from "./rules.js";
import type { DossierInput } from "./types.js";
import type { RequestAccess } from "../access/index.js";
import type { LandReader } from "../land/index.js";

/** What checking a request reads: who asks, and the land source (a certificate stands for its parcel). */
export interface RequestCheckContext {
  access: RequestAccess;
  land: { reader: Pick<LandReader, "certificate"> };
}

export interface DossierRequest {
  procedureCode: string;
  applicant: Applicant;
  subjects: Partial<Record<SubjectRole, string>>;
}

function requirePersonalId(value: string, label: string): void {
  if (!PERSONAL_ID_PATTERN.test(value))
    throw new GatewayError(
      "INVALID_PERSONAL_ID",
      say(PROCEDURES.personalIdShape, { label, value: JSON.stringify(value), length: value.length }),
    );
}

/** What is wrong with a tax code, said in the reader's language (shared/codes.ts taxCodeProblem's cases); null when valid. */
function taxCodeMessage(label: string, value: string): string | null {
  if (!TAX_CODE_PATTERN.test(value)) return say(PROCEDURES.taxCodeShape, { label, value: JSON.stringify(value) });
  const check = taxCheckDigit(value.slice(0, 9));
  if (check === null) return say(PROCEDURES.taxCodeNoCheckDigit, { label, value });
  if (check !== Number(value[9])) return say(PROCEDURES.taxCodeWrongCheckDigit, { label, value, expected: check, found: value[9] });
  return null;
}

/** Checks the request against the procedure: a typed error for anything malformed, before any data is read. */
export function findProcedure(catalogue: ProcedureCatalogue, code: string): CatalogueProcedure {
  const procedure = catalogue.get(code);
  if (!procedure)
    throw new GatewayError("UNKNOWN_PROCEDURE", say(PROCEDURES.unknownProcedure, { code }), {
      procedureCode: code,
    });
  return procedure;
}

/**
 * Access first (so a refused client learns nothing about the dossier's shape), then the request's form. A
 * certificate named instead of a parcel is looked up in the land source and stands for its parcel.
 */
export async function admit(ctx: RequestCheckContext, catalogue: ProcedureCatalogue, request: DossierRequest): Promise<CatalogueProcedure> {
  const procedure = findProcedure(catalogue, request.procedureCode);
  checkDossierAccess(ctx, catalogue, procedure, request);
  const serial = request.subjects.CERTIFICATE;
  if (serial) {
    if (!procedure.subjects.some((s) => s.kind === "PARCEL"))
      throw new GatewayError("INVALID_DOSSIER", say(PROCEDURES.certificateWithoutParcel, { code: procedure.code }));
    if (!CERTIFICATE_SERIAL_PATTERN.test(serial))
      throw new GatewayError("INVALID_DOSSIER", say(PROCEDURES.certificateSerialShape, { serial }));
    const certificate = await ctx.land.reader.certificate(serial);
    if (!certificate) throw new GatewayError("INVALID_DOSSIER", say(PROCEDURES.certificateUnknown, { serial }));
    if (request.subjects.PARCEL && request.subjects.PARCEL !== certificate.parcelId) {
      // Which parcel a certificate covers is its holders' data: a citizen client is told only that they differ.
      const parcel = request.subjects.PARCEL;
      throw new GatewayError(
        "INVALID_DOSSIER",
        ctx.access.client?.kind === "CITIZEN"
          ? say(PROCEDURES.certificateOtherParcelHidden, { serial, parcel })
          : say(PROCEDURES.certificateOtherParcel, { serial, covered: certificate.parcelId, parcel }),
      );
    }
    request.subjects.PARCEL = certificate.parcelId;
  }
  return checkRequest(catalogue, request);
}

export function checkRequest(catalogue: ProcedureCatalogue, request: DossierRequest): CatalogueProcedure {
  const procedure = findProcedure(catalogue, request.procedureCode);
  if (request.applicant.kind !== procedure.applicant) {
    throw new GatewayError(
      "INVALID_DOSSIER",
      say(procedure.applicant === "CITIZEN" ? PROCEDURES.filedByCitizen : PROCEDURES.filedByEnterprise, { code: procedure.code }),
    );
  }
  if (request.applicant.kind === "CITIZEN") requirePersonalId(request.applicant.id, "applicant.personalId");
  else {
    const problem = taxCodeMessage("applicant.enterpriseCode", request.applicant.id);
    if (problem) throw new GatewayError("INVALID_TAX_CODE", problem);
  }
  const declared = new Map(procedure.subjects.map((s) => [s.role, s]));
  for (const [role, value] of Object.entries(request.subjects) as [SubjectRole, string][]) {
    if (role === "CERTIFICATE") continue; // stands for the parcel, checked in admit()
    const subject = declared.get(role);
    if (!subject) {
      throw new GatewayError(
        "INVALID_DOSSIER",
        declared.size
          ? say(PROCEDURES.noSuchSubject, { code: procedure.code, role, roles: [...declared.keys()].join(", ") })
          : say(PROCEDURES.noSuchSubjectNone, { code: procedure.code, role }),
      );
    }
    if (subject.kind === "CITIZEN") requirePersonalId(value, role);
    if (subject.kind === "PARCEL" && !PARCEL_ID_PATTERN.test(value)) {
      throw new GatewayError("INVALID_DOSSIER", say(PROCEDURES.parcelIdShape, { role, value }));
    }
    if (subject.kind === "ENTERPRISE") {
      const problem = taxCodeMessage(role, value);
      if (problem) throw new GatewayError("INVALID_TAX_CODE", problem);
    }
  }
  for (const component of procedure.components) {
    if (component.kind !== "DATA") continue;
    for (const role of RULES[component.rule!].needs) {
      if (!request.subjects[role]) {
        const subject = declared.get(role)!;
        throw new GatewayError(
          "INVALID_DOSSIER",
          say(PROCEDURES.subjectNeeded, {
            code: procedure.code,
            role,
            description: subjectDescriptionOf(subject),
            component: component.name,
          }),
        );
      }
    }
  }
  return procedure;
}

/** The access boundary's decision for a dossier action on this procedure (purpose, grants, the citizen as applicant). */
export function checkDossierAccess(
  ctx: RequestCheckContext,
  catalogue: ProcedureCatalogue,
  procedure: CatalogueProcedure,
  request: { applicant?: Applicant },
): void {
  checkProcedureUse(
    ctx.access.client,
    ctx.access.purpose,
    procedure.code,
    [...catalogue.sourcesOf(procedure)] as DataSourceName[],
    request.applicant,
  );
}

export function partiesOf(procedure: CatalogueProcedure, request: Pick<DossierRequest, "applicant" | "subjects">): DossierParties {
  return { procedure, applicant: applicantSubjectOf(request.applicant), subjects: request.subjects };
}

function applicantSubjectOf(applicant: Applicant): Subject {
  return { kind: applicant.kind === "CITIZEN" ? "CITIZEN" : "ENTERPRISE", id: applicant.id };
}

/** What a component's outcome is about: the applicant, the roles its rule reads, its facts' subjects and mentions. */
export function aboutOf(
  procedure: CatalogueProcedure,
  request: Pick<DossierRequest, "applicant" | "subjects">,
  rule: string | undefined,
  evidence: Evidence[],
): Subject[] {
  const needs = new Set<string>(rule && rule in RULES ? RULES[rule as keyof typeof RULES].needs : []);
  const roles = roleSubjects(partiesOf(procedure, request)).filter(
    (r) => needs.has(r.role) || (r.role === "PARCEL" && needs.has("CERTIFICATE")),
  );
  return distinct([
    applicantSubjectOf(request.applicant),
    ...roles.map((r) => r.subject),
    ...evidence.flatMap((e) => (e.subject ? [e.subject, ...(e.mentions ?? [])] : [])),
  ]);
}

/** The GraphQL input as a request: exactly one applicant, subjects by role (the API and the conformance check). */
export function toRequest(input: Pick<DossierInput, "applicant" | "procedureCode" | "subjects">): DossierRequest {
  const { personalId, enterpriseCode } = input.applicant;
  if (!personalId === !enterpriseCode) {
    throw new GatewayError("INVALID_DOSSIER", say(PROCEDURES.oneApplicant));
  }
  const subjects: Partial<Record<SubjectRole, string>> = {};
  const s = input.subjects ?? {};
  const roles: [SubjectRole, string | undefined][] = [
    ["CHILD", s.child],
    ["SPOUSE", s.spouse],
    ["DECEASED", s.deceased],
    ["BUYER", s.buyer],
    ["PARCEL", s.parcel],
    ["ENTERPRISE", s.enterprise],
    ["CERTIFICATE", s.certificate],
  ];
  for (const [role, value] of roles) if (value) subjects[role] = value;
  return {
    procedureCode: input.procedureCode.trim(),
    applicant: personalId ? { kind: "CITIZEN", id: personalId } : { kind: "ENTERPRISE", id: enterpriseCode! },
    subjects,
  };
}
