/**
 * What a dossier's answer may show its reader, and what the audit trail records of it. An agency system, under the
 * dossier's procedure, sees every component's facts. A citizen client files as the applicant: about anyone or
 * anything else named in the dossier (a spouse, a buyer, a child's record, a parcel, an enterprise) it learns at
 * most the component's verdict — never that subject's facts, nor a message that names them — and the verdict is
 * recorded against that subject. Every subject named in what leaves — evidence, the facts' values, the dossier's
 * subjects — gets its row, from typed subjects, never from text.
 */
import type { Client } from "../access/index.js";
import { sameSubject, type Subject, type SubjectKind, subjectKey } from "../access/index.js";
import type { CatalogueProcedure, CatalogueSubjectKind, ProcedureSubjectKind } from "./catalogue.js";
import type { Evidence, SubjectRole } from "./rules.js";
import { say } from "../../platform/i18n.js";
import { PROCEDURES } from "./messages.js";

/** The subject kind, as the audit trail names it, of each kind a catalogue subject is declared with. */
const SUBJECT_KIND_OF: Record<CatalogueSubjectKind, SubjectKind> = { CITIZEN: "CITIZEN", PARCEL: "LAND_PARCEL", ENTERPRISE: "ENTERPRISE" };

export interface DisclosableComponent {
  component: { id: string; name: string };
  status: string;
  reason: string | null;
  message: string | null;
  evidence: Evidence[];
  /** Every subject the outcome is about: the applicant, the roles the rule reads, the facts' subjects and mentions. */
  about: Subject[];
}

export interface DossierParties {
  procedure: CatalogueProcedure;
  applicant: Subject;
  /** The dossier's subjects by role (the certificate stands for its parcel and is not a subject of its own). */
  subjects: Partial<Record<SubjectRole, string>>;
}

/** The named subjects of a dossier, typed by the procedure's declaration of each role. */
export function roleSubjects(parties: DossierParties): { role: string; subject: Subject }[] {
  const out: { role: string; subject: Subject }[] = [];
  for (const [role, id] of Object.entries(parties.subjects)) {
    const kind = parties.procedure.subjects.find((s) => s.role === role)?.kind;
    if (!kind || !id) continue;
    out.push({ role, subject: { kind: SUBJECT_KIND_OF[kind], id } });
  }
  return out;
}

/** Distinct subjects, first occurrence first. */
export function distinct(subjects: Subject[]): Subject[] {
  const seen = new Map<string, Subject>();
  for (const s of subjects) if (!seen.has(subjectKey(s))) seen.set(subjectKey(s), s);
  return [...seen.values()];
}

function isSelf(client: Client | null, subject: Subject): boolean {
  return client?.kind === "CITIZEN" && subject.kind === "CITIZEN" && subject.id === client.personalId;
}

export interface Disclosure<T extends DisclosableComponent> {
  components: T[];
  /** Audit rows: each subject with the facts (or verdicts) about it that leave in this answer. */
  reads: { subject: Subject; fields: string[] }[];
}

/**
 * The components as `client` may see them, and what that shows about whom. Agencies see everything; a citizen
 * sees the facts whose subject and mentions are themselves, and for a component about anyone else only its status.
 */
export function disclose<T extends DisclosableComponent>(client: Client | null, parties: DossierParties, components: T[]): Disclosure<T> {
  const citizen = client?.kind === "CITIZEN";
  const reads = new Map<string, { subject: Subject; fields: Set<string> }>();
  const note = (subject: Subject, field: string) => {
    const key = subjectKey(subject);
    if (!reads.has(key)) reads.set(key, { subject, fields: new Set() });
    reads.get(key)!.fields.add(field);
  };
  const code = parties.procedure.code;
  note(parties.applicant, `Procedure:${code}`);
  for (const { role, subject } of roleSubjects(parties)) note(subject, `Procedure:${code}:${role}`);

  const shown = components.map((result) => {
    const others = citizen ? result.about.filter((s) => !isSelf(client, s) && !sameSubject(s, parties.applicant)) : [];
    const evidence = citizen
      ? result.evidence.filter((e) => e.subject && isSelf(client, e.subject) && (e.mentions ?? []).every((m) => isSelf(client, m)))
      : result.evidence;
    for (const e of evidence) {
      const subject = e.subject ?? parties.applicant; // rows stored before facts carried their subject
      note(subject, `${e.source}.${e.fact}`);
      for (const m of e.mentions ?? []) note(m, `${e.source}.${e.fact}`);
    }
    if (others.length === 0) return { ...result, evidence };
    // The verdict is what the citizen learns about each other subject: recorded against each.
    for (const s of others) note(s, `Procedure:${code}:${result.component.id}`);
    const message =
      result.status === "FAILED_CHECK"
        ? say(PROCEDURES.withheldFailed)
        : result.status === "NEEDS_DOCUMENT" && result.reason === "DATA_NOT_FOUND"
          ? say(PROCEDURES.withheldNotFound)
          : result.message;
    return { ...result, evidence, message };
  });
  return { components: shown, reads: [...reads.values()].map((r) => ({ subject: r.subject, fields: [...r.fields].sort() })) };
}

/** How the deprecated `subjectsJson` shows an id withheld from its reader. */
export const WITHHELD = "[withheld]";

export interface VisibleSubject {
  role: SubjectRole;
  /** What identifies it: the procedure's declaration of the role (a certificate stands for its parcel). */
  kind: ProcedureSubjectKind;
  /** Null when withheld from this reader. */
  id: string | null;
}

/**
 * A dossier's subjects as its reader may see them. A citizen sees every subject other than themselves withheld: other
 * people's ids, and also the parcel a certificate was resolved to (which parcel someone else's certificate covers is
 * that holder's data); what the citizen typed, they already know.
 */
export function visibleSubjects(client: Client | null, parties: DossierParties): VisibleSubject[] {
  const out: VisibleSubject[] = [];
  for (const [role, id] of Object.entries(parties.subjects) as [SubjectRole, string | undefined][]) {
    if (!id) continue;
    const kind = role === "CERTIFICATE" ? "CERTIFICATE" : parties.procedure.subjects.find((s) => s.role === role)?.kind;
    if (!kind) continue;
    const other = client?.kind === "CITIZEN" && !(kind === "CITIZEN" && id === client.personalId);
    out.push({ role, kind, id: other ? null : id });
  }
  return out;
}
