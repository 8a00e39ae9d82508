/**
 * The procedure catalogue (seeds/procedures/catalogue.json): real National Public Service Portal procedures with
 * their dossier components, each either replaceable by data (naming the rule that checks it) or a document only
 * (with the reason). Loaded and validated once at start; public reference data.
 *
 * What people read of it is written in both languages side by side: each component's `note` and `noteVi`, each
 * subject's `description` and `descriptionVi` (the names and the field are the portal's Vietnamese already; `nameEn`
 * is the English name on purpose). An answer shows the one of its request's language (`noteOf`, `subjectDescriptionOf`);
 * a catalogue whose Vietnamese is missing does not load.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Language, language } from "../../platform/i18n.js";
import { enumOf, type EnumValue } from "../../shared/enums.js";
import { RULES, type RuleName, type SubjectRole } from "./rules.js";

// The catalogue's closed sets, each one object: the TS type is derived from it and enums.ts registers it as the
// GraphQL enum of the same name.
export const ProcedureLevel = { COMMUNE: "COMMUNE", PROVINCE: "PROVINCE", MINISTRY: "MINISTRY" } as const;
export type ProcedureLevel = EnumValue<typeof ProcedureLevel>;
export const ApplicantKind = { CITIZEN: "CITIZEN", ENTERPRISE: "ENTERPRISE" } as const;
export type ApplicantKind = EnumValue<typeof ApplicantKind>;
export const ComponentKind = { DATA: "DATA", DOCUMENT: "DOCUMENT" } as const;
export type ComponentKind = EnumValue<typeof ComponentKind>;
export const DOCUMENT_REASONS = [
  "APPLICATION_FORM",
  "SIGNED_AGREEMENT",
  "ISSUED_BY_OTHER_BODY",
  "TECHNICAL_DOCUMENT",
  "AUTHORISATION",
  "PHOTO",
  "FOREIGN_DOCUMENT",
  "OTHER",
] as const;
export const DocumentReason = enumOf(DOCUMENT_REASONS);
export type DocumentReason = EnumValue<typeof DocumentReason>;

export interface CatalogueComponent {
  id: string;
  name: string;
  kind: ComponentKind;
  rule?: RuleName;
  reason?: DocumentReason;
  /** What the data replaces, or why the document is needed: in English, and in Vietnamese. */
  note: string;
  noteVi: string;
}

/**
 * What identifies a dossier's subject, as the catalogue and the GraphQL enum ProcedureSubjectKind spell it (PARCEL,
 * which clients already use); a certificate stands for its parcel and is never declared in the catalogue. The access
 * module's subject kind of each, the one the audit trail records (LAND_PARCEL for a parcel), comes from the one table
 * in disclosure.ts.
 */
export const ProcedureSubjectKind = { CITIZEN: "CITIZEN", PARCEL: "PARCEL", ENTERPRISE: "ENTERPRISE", CERTIFICATE: "CERTIFICATE" } as const;
export type ProcedureSubjectKind = EnumValue<typeof ProcedureSubjectKind>;
export type CatalogueSubjectKind = Exclude<ProcedureSubjectKind, "CERTIFICATE">;

export interface CatalogueSubject {
  role: SubjectRole;
  kind: CatalogueSubjectKind;
  /** What it is in this procedure: in English, and in Vietnamese. */
  description: string;
  descriptionVi: string;
}

/** A component's note in `lang` (the current request's by default). */
export function noteOf(component: Pick<CatalogueComponent, "note" | "noteVi">, lang: Language = language()): string {
  return lang === "vi" ? component.noteVi : component.note;
}

/** A subject's description in `lang` (the current request's by default). */
export function subjectDescriptionOf(
  subject: Pick<CatalogueSubject, "description" | "descriptionVi">,
  lang: Language = language(),
): string {
  return lang === "vi" ? subject.descriptionVi : subject.description;
}

/**
 * A stored document-only message (a component's note, as the dossier recorded it in its submitter's language) in
 * the reader's language: the component's note in `lang` when the stored text is its note in either language; as
 * stored otherwise (the catalogue's note has changed since, or it was never a note).
 */
export function restateNote(
  stored: string | null,
  component: Pick<CatalogueComponent, "note" | "noteVi">,
  lang: Language = language(),
): string | null {
  return stored !== null && (stored === component.note || stored === component.noteVi) ? noteOf(component, lang) : stored;
}

/** Whether a text is written in Vietnamese: it carries a letter only Vietnamese uses. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const translated = (vi: unknown): boolean => typeof vi === "string" && VIETNAMESE.test(vi);

export interface CatalogueProcedure {
  code: string;
  name: string;
  nameEn: string;
  level: ProcedureLevel;
  field: string;
  decision: string;
  url: string;
  legalBasis: string[];
  applicant: ApplicantKind;
  subjects: CatalogueSubject[];
  components: CatalogueComponent[];
}

export const CATALOGUE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../seeds/procedures/catalogue.json");

/** Checks the catalogue's structure; a broken catalogue stops the gateway at start, naming the entry. */
export function validateCatalogue(entries: CatalogueProcedure[]): CatalogueProcedure[] {
  const codes = new Set<string>();
  for (const p of entries) {
    const where = `procedure ${p.code ?? "?"}`;
    if (!/^\d\.\d{6}$/.test(p.code)) throw new Error(`${where}: code must look like 1.001193`);
    if (codes.has(p.code)) throw new Error(`${where}: duplicate code`);
    codes.add(p.code);
    if (!p.name || !p.field || !Array.isArray(p.components) || p.components.length === 0)
      throw new Error(`${where}: name, field and components are required`);
    for (const s of p.subjects ?? [])
      if (s.description && !translated(s.descriptionVi))
        throw new Error(`${where}, subject ${s.role}: descriptionVi (the description in Vietnamese) is required`);
    const roles = new Set((p.subjects ?? []).map((s) => s.role));
    const ids = new Set<string>();
    for (const c of p.components) {
      if (ids.has(c.id)) throw new Error(`${where}: duplicate component ${c.id}`);
      ids.add(c.id);
      if (c.note && !translated(c.noteVi)) throw new Error(`${where}, component ${c.id}: noteVi (the note in Vietnamese) is required`);
      if (c.kind === "DATA") {
        const rule = c.rule && RULES[c.rule];
        if (!rule) throw new Error(`${where}, component ${c.id}: unknown rule ${c.rule}`);
        for (const role of rule.needs)
          if (!roles.has(role)) throw new Error(`${where}, component ${c.id}: rule ${c.rule} needs a ${role} subject`);
      } else if (c.kind === "DOCUMENT") {
        if (!c.reason || !DOCUMENT_REASONS.includes(c.reason))
          throw new Error(`${where}, component ${c.id}: unknown document reason ${c.reason}`);
      } else {
        throw new Error(`${where}, component ${c.id}: kind must be DATA or DOCUMENT`);
      }
    }
  }
  return [...entries].sort((a, b) => a.code.localeCompare(b.code));
}

export class ProcedureCatalogue {
  readonly byCode: Map<string, CatalogueProcedure>;

  constructor(readonly procedures: CatalogueProcedure[]) {
    this.byCode = new Map(procedures.map((p) => [p.code, p]));
  }

  static load(file = CATALOGUE_FILE): ProcedureCatalogue {
    return new ProcedureCatalogue(validateCatalogue(JSON.parse(fs.readFileSync(file, "utf8")) as CatalogueProcedure[]));
  }

  get(code: string): CatalogueProcedure | undefined {
    return this.byCode.get(code);
  }

  /** Sources a procedure's data components read. */
  sourcesOf(procedure: CatalogueProcedure): Set<string> {
    return new Set(procedure.components.flatMap((c) => (c.kind === "DATA" && c.rule ? RULES[c.rule].sources : [])));
  }
}

export function replaceableShare(components: number, replaceable: number): number {
  return components === 0 ? 0 : Math.round((replaceable / components) * 1000) / 1000;
}
