/**
 * What the gateway knows about one request's access: the client, the declared purpose, and what the request
 * read about whom — collected while resolvers run and written to the audit trail before the answer leaves.
 */
import { GatewayError } from "../../platform/errors.js";
import { enumOf } from "../../shared/enums.js";
import type { AccessUse } from "./analyze.js";
import { PROCEDURE_CODE, type Client } from "./clients.js";
import { ConsentGate, type ConsentStore } from "./consent.js";
import { citizenMayRead } from "./policy.js";
import { isWellFormed, kindName, shown, type Subject, subjectKey } from "./subjects.js";
import { say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

export interface Purpose {
  /** National Public Service Portal code of the procedure, e.g. 1.001193 (birth registration). */
  procedure: string;
  /** The case (dossier) the data is read for. */
  caseId: string;
}

export const PURPOSE_PROCEDURE_HEADER = "x-purpose-procedure";
export const PURPOSE_CASE_HEADER = "x-purpose-case";
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/**
 * The declared purpose from the request headers: null when neither is sent, a typed error when malformed or when
 * it names no procedure of the catalogue (`known`) — whatever the client's grants, a purpose is a real procedure.
 */
export function parsePurpose(procedure: string | undefined, caseId: string | undefined, known?: (code: string) => boolean): Purpose | null {
  const p = procedure?.trim() || undefined;
  const c = caseId?.trim() || undefined;
  if (!p && !c) return null;
  if (!p || !c) {
    throw new GatewayError("INVALID_PURPOSE", say(M.purposeHeaderMissing, { missing: p ? "X-Purpose-Case" : "X-Purpose-Procedure" }));
  }
  if (!PROCEDURE_CODE.test(p)) {
    throw new GatewayError("INVALID_PURPOSE", say(M.purposeNotProcedureCode, { procedure: p.slice(0, 40) }));
  }
  if (!CASE_ID.test(c)) {
    throw new GatewayError("INVALID_PURPOSE", say(M.purposeCaseShape));
  }
  // The case is shown to every person whose data the request reads (their access log): it must name no one.
  if (/\d{12}/.test(c)) {
    throw new GatewayError("INVALID_PURPOSE", say(M.purposeCasePersonalId));
  }
  if (known && !known(p)) {
    throw new GatewayError("INVALID_PURPOSE", say(M.purposeUnknownProcedure, { procedure: p }), { procedure: p });
  }
  return { procedure: p, caseId: c };
}

export type { Subject, SubjectKind } from "./subjects.js";

/** What an audit row records: a read of fields, or an action on a dossier. */
export const AUDIT_ACTIONS = {
  READ: "Fields read about the subject (the fields name them).",
  DOSSIER_EVALUATE: "A dossier previewed (evaluateDossier): its components answered from the subject's data, nothing stored.",
  DOSSIER_SUBMIT: "A dossier submitted and stored, with the facts about the subject it used.",
  DOSSIER_READ: "A stored dossier read (dossier, dossiers, node), with what it showed about the subject.",
  DOSSIER_REEVALUATE: "A stored dossier evaluated again (reevaluateDossier) against the sources' current data, with the facts it used.",
  CONSENT_REQUESTED: "An organisation asked the citizen for consent to read fields of their data (requestConsent).",
  CONSENT_APPROVED: "The citizen approved a consent, for all or some of the fields asked for.",
  CONSENT_REJECTED: "The citizen rejected a consent request.",
  CONSENT_REVOKED: "The citizen revoked a consent: it allows no read from then on.",
  CORRECTION_READ: "Data-correction requests about the subject read by the source's owner or the citizen (dataCorrectionRequests).",
  CORRECTION_RESOLVED: "A data-correction request about the subject closed as resolved: the source's data corrected.",
  CORRECTION_REJECTED: "A data-correction request about the subject closed as rejected: the source's data stands.",
} as const;
export const AuditAction = enumOf(Object.keys(AUDIT_ACTIONS) as (keyof typeof AUDIT_ACTIONS)[]);
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntry {
  action: AuditAction;
  subject: Subject | null;
  fields: string[];
  /** The purpose of this entry when it is not the request's (a dossier action names its own procedure and case). */
  purpose?: Purpose;
  /** The consent an organisation client read under, or a consent action is about: recorded as case `consent:<id>`. */
  consentId?: string;
}

export class RequestAccess {
  /** Access-controlled fields of the operation (set once the operation is known). */
  uses: AccessUse[] = [];
  /** Objects reached from a subject, mapped to it (an identity card to its holder, a certificate to its parcel). */
  readonly owners = new WeakMap<object, Subject>();
  private readonly reads = new Map<string, { subject: Subject | null; fields: Set<string>; consentId?: string }>();
  private readonly actions: AuditEntry[] = [];
  private gate: ConsentGate | undefined;

  constructor(
    readonly client: Client | null,
    readonly purpose: Purpose | null,
  ) {}

  /** For an organisation client, the request's consent checks (built on first use); undefined for every other client. */
  consents(store: ConsentStore): ConsentGate | undefined {
    if (this.client?.kind !== "ORGANIZATION") return undefined;
    return (this.gate ??= new ConsentGate(store, this.client, () => this.uses.map((u) => u.coordinate)));
  }

  /**
   * Notes that `coordinate` (Type.field) was read about `subject` (under `consentId`, for an organisation client);
   * refuses another person's data to a citizen client, and an id that is not of its kind's shape (it could not be
   * recorded, so it is not read).
   */
  read(subject: Subject | undefined, coordinate: string, consentId?: string): void {
    if (subject && !isWellFormed(subject)) {
      throw new GatewayError(
        "INVALID_ARGUMENT",
        say(M.malformedSubject, { where: coordinate, value: shown(subject.id), kind: kindName(subject.kind) }),
        { field: coordinate },
      );
    }
    if (subject && !citizenMayRead(this.client, subject)) {
      throw new GatewayError("SUBJECT_NOT_PERMITTED", say(M.citizenOtherPerson, { field: coordinate }), {
        field: coordinate,
      });
    }
    const key = `${subject ? subjectKey(subject) : ""}|${consentId ?? ""}`;
    let entry = this.reads.get(key);
    if (!entry) {
      entry = { subject: subject ?? null, fields: new Set(), consentId };
      this.reads.set(key, entry);
    }
    entry.fields.add(coordinate);
  }

  /** Records an action (a dossier evaluated or submitted, ...) about subjects, with the facts it read about each. */
  recordAction(action: AuditAction, subjects: { subject: Subject; fields: string[] }[], purpose?: Purpose, consentId?: string): void {
    const malformed = subjects.find((s) => !isWellFormed(s.subject));
    if (malformed)
      throw new GatewayError(
        "INVALID_ARGUMENT",
        say(M.malformedSubject, { where: action, value: shown(malformed.subject.id), kind: kindName(malformed.subject.kind) }),
      );
    if (subjects.length === 0) this.actions.push({ action, subject: null, fields: [], purpose, consentId });
    for (const { subject, fields } of subjects) this.actions.push({ action, subject, fields: [...fields].sort(), purpose, consentId });
  }

  /** The audit rows this request produces: one per subject read (fields sorted), then its actions. */
  entries(): AuditEntry[] {
    const rows: AuditEntry[] = [];
    for (const { subject, fields, consentId } of this.reads.values()) {
      // A subject-less entry (a count, a list's root field) is kept only when nothing else records the read.
      if (!subject && this.reads.size > 1) continue;
      rows.push({ action: "READ", subject, fields: [...fields].sort(), ...(consentId ? { consentId } : {}) });
    }
    return [...rows, ...this.actions];
  }
}
