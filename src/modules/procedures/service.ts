/**
 * Dossier evaluation (a preview with no side effects) and submission (persisted, idempotent): every component of
 * the procedure is answered from data where a rule can, or asked for as a document, with the reason.
 */
import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, gt, count, sql } from "drizzle-orm";
import { checkProcedureUse } from "../access/policy.js";
import type { AuditAction, Purpose } from "../access/request.js";
import type { Subject, SubjectKind } from "../access/subjects.js";
import type { GatewayContext } from "../../context.js";
import { CERTIFICATE_SERIAL_PATTERN, PARCEL_ID_PATTERN, parsePersonalId, taxCodeProblem } from "../../shared/codes.js";
import type { DataSourceName } from "../../platform/config.js";
import { todayInVietnam } from "../../platform/dates.js";
import { findGatewayError, GatewayError } from "../../platform/errors.js";
import type { EnumValue } from "../../shared/enums.js";
import { paginate } from "../../shared/pagination.js";
import { type CatalogueComponent, type CatalogueProcedure, type ProcedureCatalogue, replaceableShare } from "./catalogue.js";
import { disclose, distinct, type DossierParties, roleSubjects } from "./disclosure.js";
import { type Applicant, type Evidence, RULES, type SubjectRole } from "./rules.js";
import { dataCorrectionRequests, dossierComponents, dossiers, type DossierRow } from "./tables.js";
import type { DossierInput } from "./types.js";

// How a component and a dossier were answered: each one object, the TS type derived from it, registered by enums.ts
// as the GraphQL enum of the same name.
export const ComponentStatus = { FULFILLED_BY_DATA: "FULFILLED_BY_DATA", NEEDS_DOCUMENT: "NEEDS_DOCUMENT", FAILED_CHECK: "FAILED_CHECK", NOT_EVALUATED: "NOT_EVALUATED" } as const;
export type ComponentStatus = EnumValue<typeof ComponentStatus>;
export const ComponentStatusReason = { DOCUMENT_ONLY: "DOCUMENT_ONLY", DATA_NOT_FOUND: "DATA_NOT_FOUND", SOURCE_UNAVAILABLE: "SOURCE_UNAVAILABLE" } as const;
export type ComponentStatusReason = EnumValue<typeof ComponentStatusReason>;
export const DossierStatus = { READY: "READY", NEEDS_DOCUMENTS: "NEEDS_DOCUMENTS", BLOCKED: "BLOCKED", INCOMPLETE: "INCOMPLETE" } as const;
export type DossierStatus = EnumValue<typeof DossierStatus>;

export interface DossierRequest {
  procedureCode: string;
  applicant: Applicant;
  subjects: Partial<Record<SubjectRole, string>>;
}

export interface ComponentResult {
  component: CatalogueComponent;
  status: ComponentStatus;
  /** DOCUMENT_ONLY for a component no database replaces; DATA_NOT_FOUND when its data was missing. */
  reason: ComponentStatusReason | null;
  message: string | null;
  evidence: Evidence[];
  correction?: { source: DataSourceName; subjectKind: SubjectKind; subjectId: string };
  /** For NOT_EVALUATED: the source that was unavailable. */
  unavailableSource?: string;
  /** Every subject the outcome is about (the applicant, the roles its rule reads, its facts' subjects and mentions). */
  about: Subject[];
}

export interface Evaluation {
  procedure: CatalogueProcedure;
  request: DossierRequest;
  status: DossierStatus;
  components: ComponentResult[];
}


function requirePersonalId(value: string, label: string): void {
  const parsed = parsePersonalId(value);
  if ("error" in parsed) throw new GatewayError("INVALID_PERSONAL_ID", `${label}: ${parsed.error}.`);
}

/** Checks the request against the procedure: a typed error for anything malformed, before any data is read. */
export function findProcedure(catalogue: ProcedureCatalogue, code: string): CatalogueProcedure {
  const procedure = catalogue.get(code);
  if (!procedure) throw new GatewayError("UNKNOWN_PROCEDURE", `No procedure ${code} in the catalogue; list them with \`procedures\`.`, { procedureCode: code });
  return procedure;
}


/**
 * Access first (so a refused client learns nothing about the dossier's shape), then the request's form. A
 * certificate named instead of a parcel is looked up in the land source and stands for its parcel.
 */
export async function admit(ctx: GatewayContext, catalogue: ProcedureCatalogue, request: DossierRequest): Promise<CatalogueProcedure> {
  const procedure = findProcedure(catalogue, request.procedureCode);
  checkDossierAccess(ctx, catalogue, procedure, request);
  const serial = request.subjects.CERTIFICATE;
  if (serial) {
    if (!procedure.subjects.some((s) => s.kind === "PARCEL")) throw new GatewayError("INVALID_DOSSIER", `Procedure ${procedure.code} is about no parcel, so it takes no certificate.`);
    if (!CERTIFICATE_SERIAL_PATTERN.test(serial)) throw new GatewayError("INVALID_DOSSIER", `CERTIFICATE: "${serial}" is not a certificate serial such as "AB 123456".`);
    const certificate = await ctx.land.certificate.load(serial);
    if (!certificate) throw new GatewayError("INVALID_DOSSIER", `No certificate ${serial} in the land database; name the parcel instead (subjects.parcel).`);
    if (request.subjects.PARCEL && request.subjects.PARCEL !== certificate.parcelId) {
      // Which parcel a certificate covers is its holders' data: a citizen client is told only that they differ.
      const covers = ctx.access.client?.kind === "CITIZEN" ? "another parcel" : `parcel ${certificate.parcelId}`;
      throw new GatewayError("INVALID_DOSSIER", `Certificate ${serial} is for ${covers}, not ${request.subjects.PARCEL}.`);
    }
    request.subjects.PARCEL = certificate.parcelId;
  }
  return checkRequest(catalogue, request);
}

export function checkRequest(catalogue: ProcedureCatalogue, request: DossierRequest): CatalogueProcedure {
  const procedure = findProcedure(catalogue, request.procedureCode);
  if (request.applicant.kind !== procedure.applicant) {
    throw new GatewayError("INVALID_DOSSIER", `Procedure ${procedure.code} is filed by ${procedure.applicant === "CITIZEN" ? "a citizen (applicant.personalId)" : "an enterprise (applicant.enterpriseCode)"}.`);
  }
  if (request.applicant.kind === "CITIZEN") requirePersonalId(request.applicant.id, "applicant.personalId");
  else {
    const problem = taxCodeProblem(request.applicant.id);
    if (problem) throw new GatewayError("INVALID_TAX_CODE", `applicant.enterpriseCode: ${problem}`);
  }
  const declared = new Map(procedure.subjects.map((s) => [s.role, s]));
  for (const [role, value] of Object.entries(request.subjects) as [SubjectRole, string][]) {
    if (role === "CERTIFICATE") continue; // stands for the parcel, checked in admit()
    const subject = declared.get(role);
    if (!subject) {
      throw new GatewayError("INVALID_DOSSIER", `Procedure ${procedure.code} takes no ${role} subject${declared.size ? `; it takes ${[...declared.keys()].join(", ")}` : ""}.`);
    }
    if (subject.kind === "CITIZEN") requirePersonalId(value, role);
    if (subject.kind === "PARCEL" && !PARCEL_ID_PATTERN.test(value)) {
      throw new GatewayError("INVALID_DOSSIER", `${role}: "${value}" is not a parcel id (<commune code>-<map sheet>-<parcel number>).`);
    }
    if (subject.kind === "ENTERPRISE") {
      const problem = taxCodeProblem(value);
      if (problem) throw new GatewayError("INVALID_TAX_CODE", `${role}: ${problem}`);
    }
  }
  for (const component of procedure.components) {
    if (component.kind !== "DATA") continue;
    for (const role of RULES[component.rule!].needs) {
      if (!request.subjects[role]) {
        const subject = declared.get(role)!;
        throw new GatewayError("INVALID_DOSSIER", `Procedure ${procedure.code} needs the ${role} subject (${subject.description}) for component "${component.name}".`);
      }
    }
  }
  return procedure;
}

/** The access boundary's decision for a dossier action on this procedure (purpose, grants, the citizen as applicant). */
export function checkDossierAccess(ctx: GatewayContext, catalogue: ProcedureCatalogue, procedure: CatalogueProcedure, request: { applicant?: Applicant }): void {
  checkProcedureUse(ctx.access.client, ctx.access.purpose, procedure.code, [...catalogue.sourcesOf(procedure)] as DataSourceName[], request.applicant);
}

export function partiesOf(procedure: CatalogueProcedure, request: Pick<DossierRequest, "applicant" | "subjects">): DossierParties {
  return { procedure, applicant: applicantSubjectOf(request.applicant), subjects: request.subjects };
}

function applicantSubjectOf(applicant: Applicant): Subject {
  return { kind: applicant.kind === "CITIZEN" ? "CITIZEN" : "ENTERPRISE", id: applicant.id };
}

/** What a component's outcome is about: the applicant, the roles its rule reads, its facts' subjects and mentions. */
export function aboutOf(procedure: CatalogueProcedure, request: Pick<DossierRequest, "applicant" | "subjects">, rule: string | undefined, evidence: Evidence[]): Subject[] {
  const needs = new Set<string>(rule && rule in RULES ? RULES[rule as keyof typeof RULES].needs : []);
  const roles = roleSubjects(partiesOf(procedure, request)).filter((r) => needs.has(r.role) || (r.role === "PARCEL" && needs.has("CERTIFICATE")));
  return distinct([
    applicantSubjectOf(request.applicant),
    ...roles.map((r) => r.subject),
    ...evidence.flatMap((e) => (e.subject ? [e.subject, ...(e.mentions ?? [])] : [])),
  ]);
}

/** Components answered by data, documents asked for, failed checks. */
export function tally(components: readonly { status: string }[]) {
  const count = (status: ComponentStatus) => components.filter((c) => c.status === status).length;
  return { fulfilledByData: count("FULFILLED_BY_DATA"), documentsRequested: count("NEEDS_DOCUMENT"), failedChecks: count("FAILED_CHECK") };
}

export function overallStatus(components: ComponentResult[]): DossierStatus {
  if (components.some((c) => c.status === "FAILED_CHECK")) return "BLOCKED";
  if (components.some((c) => c.status === "NOT_EVALUATED")) return "INCOMPLETE";
  if (components.some((c) => c.status === "NEEDS_DOCUMENT" && c.reason === "DATA_NOT_FOUND")) return "NEEDS_DOCUMENTS";
  return "READY";
}

/**
 * Answers every component as a preview, disclosed as the client may see it; reads run concurrently so their loads
 * share batches. No side effect but the audit rows of what the answer shows, about whom, under the declared case.
 */
export async function evaluate(ctx: GatewayContext, catalogue: ProcedureCatalogue, request: DossierRequest, action: AuditAction): Promise<Evaluation> {
  const procedure = await admit(ctx, catalogue, request);
  const evaluation = await evaluateAdmitted(ctx, procedure, request);
  const { components, reads } = disclose(ctx.access.client, partiesOf(procedure, request), evaluation.components);
  ctx.access.recordAction(action, reads, purposeOf(ctx, procedure.code, "PREVIEW"));
  return { ...evaluation, components };
}

/** The declared purpose when there is one (an agency's, checked to be this procedure), else the procedure and `caseId`. */
export function purposeOf(ctx: GatewayContext, procedure: string, caseId: string): Purpose {
  return ctx.access.purpose ?? { procedure, caseId };
}

/** Components of a dossier already admitted (access and form checked), with everything they found. */
async function evaluateAdmitted(ctx: GatewayContext, procedure: CatalogueProcedure, request: DossierRequest): Promise<Evaluation> {
  const today = todayInVietnam();
  const components = await Promise.all(
    procedure.components.map(async (component): Promise<ComponentResult> => {
      if (component.kind === "DOCUMENT") {
        return { component, status: "NEEDS_DOCUMENT", reason: "DOCUMENT_ONLY", message: component.note, evidence: [], about: [] };
      }
      const about = (evidence: Evidence[]) => aboutOf(procedure, request, component.rule, evidence);
      let outcome;
      try {
        outcome = await RULES[component.rule!].check({ ctx, applicant: request.applicant, subjects: request.subjects, today });
      } catch (error) {
        // A source that is down leaves the component open: never fulfilled, never failed, on missing data.
        const unavailable = findGatewayError(error);
        if (unavailable?.code !== "SOURCE_UNAVAILABLE") throw error;
        const source = String(unavailable.extensions.source);
        return { component, status: "NOT_EVALUATED", reason: "SOURCE_UNAVAILABLE", message: unavailable.message, evidence: [], unavailableSource: source, about: about([]) };
      }
      if (outcome.status === "NEEDS_DOCUMENT") {
        return { component, status: "NEEDS_DOCUMENT", reason: "DATA_NOT_FOUND", message: outcome.message, evidence: [], correction: outcome.correction, about: about([]) };
      }
      return {
        component,
        status: outcome.status,
        reason: null,
        message: outcome.status === "FAILED_CHECK" ? outcome.message : null,
        evidence: outcome.evidence,
        about: about(outcome.evidence),
      };
    }),
  );

  return { procedure, request, status: overallStatus(components), components };
}

function requestHash(request: DossierRequest): string {
  const subjects = Object.entries(request.subjects).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify([request.procedureCode, request.applicant.kind, request.applicant.id, subjects])).digest("hex");
}

export function newDossierId(): string {
  const date = todayInVietnam().replace(/-/g, "");
  return `HS-${date}-${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

/**
 * Evaluates and stores a dossier. The idempotency key is per client: a retry with the same key and request returns
 * the stored dossier (never a second one); the same key with a different request is refused.
 */
export async function submit(ctx: GatewayContext, catalogue: ProcedureCatalogue, request: DossierRequest, idempotencyKey: string): Promise<{ dossier: DossierRow; replayed: boolean }> {
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new GatewayError("INVALID_ARGUMENT", "idempotencyKey must be 8–100 characters: letters, digits and . _ : - (a UUID is a good choice).");
  }
  const procedure = await admit(ctx, catalogue, request);
  const clientId = ctx.access.client!.id;
  const db = ctx.sources.gateway.db;
  const hash = requestHash(request);
  const existing = await findByKey(ctx, clientId, idempotencyKey);
  if (existing) return replay(existing, hash);

  const id = newDossierId();
  const evaluation = await evaluateAdmitted(ctx, procedure, request);
  const open = evaluation.components.filter((c) => c.status === "NOT_EVALUATED");
  if (open.length > 0) {
    // Stored, it would read as a decision; half-evaluated, it is not one. The client retries with the same key.
    const sources = [...new Set(open.map((c) => c.unavailableSource!))];
    throw new GatewayError(
      "SOURCE_UNAVAILABLE",
      `The dossier was not stored: ${open.length} component(s) could not be evaluated because the ${sources.join(" and ")} source ${sources.length > 1 ? "are" : "is"} unavailable. Submit again with the same idempotency key when it is back.`,
      { source: sources[0] ?? null, sources },
    );
  }
  const inserted = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(dossiers)
      .values({
        id,
        clientId,
        idempotencyKey,
        requestHash: hash,
        procedureCode: procedure.code,
        applicantKind: request.applicant.kind,
        applicantId: request.applicant.id,
        subjects: request.subjects as Record<string, string>,
        status: evaluation.status,
        components: evaluation.components.length,
        ...tally(evaluation.components),
      })
      .onConflictDoNothing({ target: [dossiers.clientId, dossiers.idempotencyKey] })
      .returning();
    if (rows.length === 0) return null; // a concurrent retry won: the transaction writes nothing more
    await tx.insert(dossierComponents).values(
      evaluation.components.map((c, position) => ({
        dossierId: id,
        position,
        componentId: c.component.id,
        status: c.status,
        reason: c.reason,
        message: c.message,
        evidence: c.evidence,
      })),
    );
    const corrections = evaluation.components.filter((c) => c.correction);
    if (corrections.length > 0) {
      await tx.insert(dataCorrectionRequests).values(
        corrections.map((c) => ({ dossierId: id, componentId: c.component.id, ...c.correction!, message: c.message ?? "" })),
      );
    }
    return rows[0];
  });
  // What was read and stored for the dossier, about whom: the agency handling it sees all of it.
  if (inserted) ctx.access.recordAction("DOSSIER_SUBMIT", disclose(null, partiesOf(procedure, request), evaluation.components).reads, { procedure: procedure.code, caseId: id });
  if (inserted) return { dossier: inserted, replayed: false };
  return replay((await findByKey(ctx, clientId, idempotencyKey))!, hash);
}

function replay(existing: DossierRow, hash: string): { dossier: DossierRow; replayed: boolean } {
  if (existing.requestHash !== hash) {
    throw new GatewayError("IDEMPOTENCY_CONFLICT", `Idempotency key already used for dossier ${existing.id} with a different request; use a new key for a new dossier.`, {
      dossierId: existing.id,
    });
  }
  return { dossier: existing, replayed: true };
}

async function findByKey(ctx: GatewayContext, clientId: string, key: string): Promise<DossierRow | undefined> {
  const [row] = await ctx.sources.gateway.db.select().from(dossiers).where(and(eq(dossiers.clientId, clientId), eq(dossiers.idempotencyKey, key)));
  return row;
}

/** Dossiers the client may read: its own submissions, or, for a citizen client, those where they are the applicant. */
function visibleTo(ctx: GatewayContext) {
  const client = ctx.access.client;
  if (!client) throw new GatewayError("UNAUTHENTICATED", "Dossiers hold personal data: send the API key of a registered client.");
  return client.kind === "CITIZEN"
    ? and(eq(dossiers.applicantKind, "CITIZEN"), eq(dossiers.applicantId, client.personalId!))
    : eq(dossiers.clientId, client.id);
}

/** An agency reads stored dossiers only under a declared purpose (its procedure is checked against each dossier's). */
function requireDossierPurpose(ctx: GatewayContext): void {
  const client = ctx.access.client;
  if (client && client.kind !== "CITIZEN" && !ctx.access.purpose) {
    throw new GatewayError(
      "PURPOSE_REQUIRED",
      "Stored dossiers hold personal data: declare the dossier's procedure and case with X-Purpose-Procedure and X-Purpose-Case.",
    );
  }
}

/** A stored dossier the client may read, under a purpose naming its procedure; null when there is none for this client. */
export async function findDossier(ctx: GatewayContext, catalogue: ProcedureCatalogue, id: string): Promise<DossierRow | null> {
  requireDossierPurpose(ctx);
  const [row] = await ctx.sources.gateway.db.select().from(dossiers).where(and(eq(dossiers.id, id), visibleTo(ctx)));
  if (!row) return null;
  const procedure = findProcedure(catalogue, row.procedureCode);
  checkDossierAccess(ctx, catalogue, procedure, { applicant: { kind: row.applicantKind as Applicant["kind"], id: row.applicantId } });
  return row;
}

export async function dossierComponentsOf(ctx: GatewayContext, id: string) {
  return ctx.sources.gateway.db.select().from(dossierComponents).where(eq(dossierComponents.dossierId, id)).orderBy(asc(dossierComponents.position));
}

export function listDossiers(
  ctx: GatewayContext,
  catalogue: ProcedureCatalogue,
  args: { first?: number | null; after?: string | null; procedureCode?: string | null; applicantPersonalId?: string | null; applicantEnterpriseCode?: string | null },
) {
  requireDossierPurpose(ctx);
  const declared = ctx.access.purpose?.procedure;
  if (declared && args.procedureCode && args.procedureCode !== declared) {
    throw new GatewayError("PURPOSE_MISMATCH", `The declared purpose is procedure ${declared}; dossiers of procedure ${args.procedureCode} need a purpose naming it.`, {
      procedure: args.procedureCode,
      declared,
    });
  }
  // An agency lists the dossiers of the procedure it declared, and needs its grants for that procedure.
  const procedureCode = declared ?? args.procedureCode;
  if (declared) checkDossierAccess(ctx, catalogue, findProcedure(catalogue, declared), {});
  const db = ctx.sources.gateway.db;
  const conditions = and(
    visibleTo(ctx),
    procedureCode ? eq(dossiers.procedureCode, procedureCode) : undefined,
    args.applicantPersonalId ? and(eq(dossiers.applicantKind, "CITIZEN"), eq(dossiers.applicantId, args.applicantPersonalId)) : undefined,
    args.applicantEnterpriseCode ? and(eq(dossiers.applicantKind, "ENTERPRISE"), eq(dossiers.applicantId, args.applicantEnterpriseCode)) : undefined,
  );
  return paginate<DossierRow, DossierRow>({
    cursors: ctx.cursors,
    kind: "dossier",
    first: args.first,
    after: args.after,
    keyOf: (row) => row.id,
    toNode: (row) => row,
    fetch: (afterKey, limit) =>
      db
        .select()
        .from(dossiers)
        .where(and(conditions, afterKey ? gt(dossiers.id, afterKey) : undefined))
        .orderBy(asc(dossiers.id))
        .limit(limit),
    count: async () => (await db.select({ n: count() }).from(dossiers).where(conditions))[0].n,
  });
}

export interface ProcedureTotals {
  procedureCode: string;
  dossiers: number;
  components: number;
  fulfilledByData: number;
  documentsRequested: number;
  failedChecks: number;
}

/** Submitted dossiers per procedure: what data answered and what paper was still asked for. */
export async function dossierTotals(ctx: { sources: GatewayContext["sources"] }): Promise<Map<string, ProcedureTotals>> {
  const rows = await ctx.sources.gateway.db
    .select({
      procedureCode: dossiers.procedureCode,
      dossiers: sql<number>`count(*)::int`,
      components: sql<number>`sum(${dossiers.components})::int`,
      fulfilledByData: sql<number>`sum(${dossiers.fulfilledByData})::int`,
      documentsRequested: sql<number>`sum(${dossiers.documentsRequested})::int`,
      failedChecks: sql<number>`sum(${dossiers.failedChecks})::int`,
    })
    .from(dossiers)
    .groupBy(dossiers.procedureCode);
  return new Map(rows.map((r) => [r.procedureCode, { ...r, dossiers: Number(r.dossiers), components: Number(r.components), fulfilledByData: Number(r.fulfilledByData), documentsRequested: Number(r.documentsRequested), failedChecks: Number(r.failedChecks) }]));
}

export interface ReportLine {
  code: string | null;
  name: string;
  nameEn: string;
  procedures: number;
  components: number;
  replaceable: number;
  share: number;
  dossiers: number;
  fulfilledByData: number;
  documentsRequested: number;
  failedChecks: number;
}

/** Per procedure and overall: the catalogue's components and those replaceable by data; over submitted dossiers, the paper saved. */
export function procedureReport(catalogue: ProcedureCatalogue, totals: Map<string, ProcedureTotals>): { procedures: ReportLine[]; overall: ReportLine } {
  const lines = catalogue.procedures.map((p): ReportLine => {
    const replaceable = p.components.filter((c) => c.kind === "DATA").length;
    const t = totals.get(p.code);
    return {
      code: p.code,
      name: p.name,
      nameEn: p.nameEn,
      procedures: 1,
      components: p.components.length,
      replaceable,
      share: replaceableShare(p.components.length, replaceable),
      dossiers: t?.dossiers ?? 0,
      fulfilledByData: t?.fulfilledByData ?? 0,
      documentsRequested: t?.documentsRequested ?? 0,
      failedChecks: t?.failedChecks ?? 0,
    };
  });
  const sum = (key: "procedures" | "components" | "replaceable" | "dossiers" | "fulfilledByData" | "documentsRequested" | "failedChecks") =>
    lines.reduce((n, l) => n + l[key], 0);
  return {
    procedures: lines,
    overall: {
      code: null,
      name: "All procedures",
      nameEn: "All procedures",
      procedures: sum("procedures"),
      components: sum("components"),
      replaceable: sum("replaceable"),
      share: replaceableShare(sum("components"), sum("replaceable")),
      dossiers: sum("dossiers"),
      fulfilledByData: sum("fulfilledByData"),
      documentsRequested: sum("documentsRequested"),
      failedChecks: sum("failedChecks"),
    },
  };
}

/** The GraphQL input as a request: exactly one applicant, subjects by role (the API and the conformance check). */
export function toRequest(input: Pick<DossierInput, "applicant" | "procedureCode" | "subjects">): DossierRequest {
  const { personalId, enterpriseCode } = input.applicant;
  if (!personalId === !enterpriseCode) {
    throw new GatewayError("INVALID_DOSSIER", "applicant takes exactly one of personalId (a citizen) or enterpriseCode (an enterprise).");
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
