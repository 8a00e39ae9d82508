/**
 * Subjects of personal data — a person, an enterprise, a parcel, a household business — as typed values (kind and
 * id), never as text to parse. Every read is recorded against its subject, and a subject's id must have its kind's
 * shape before anything is recorded: a malformed id is a typed error for its own request only, never a row the
 * audit trail cannot hold (which would fail every request committed with it).
 */
import { PARCEL_ID_PATTERN, PERSONAL_ID_PATTERN, TAX_CODE_PATTERN } from "../../shared/codes.js";
import { GatewayError } from "../../platform/errors.js";

export const SUBJECT_KINDS = ["CITIZEN", "ENTERPRISE", "LAND_PARCEL", "HOUSEHOLD_BUSINESS"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface Subject {
  kind: SubjectKind;
  id: string;
}

/** Household business registration numbers: letters, digits and separators, as commune registers issue them. */
export const HOUSEHOLD_BUSINESS_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$/;

const SHAPES: Record<SubjectKind, { pattern: RegExp; what: string }> = {
  CITIZEN: { pattern: PERSONAL_ID_PATTERN, what: "a personal identification number (12 digits)" },
  ENTERPRISE: { pattern: TAX_CODE_PATTERN, what: "an enterprise code (10 digits)" },
  LAND_PARCEL: {
    pattern: PARCEL_ID_PATTERN,
    what: 'a parcel id ("<5-digit commune code>-<map sheet>-<parcel number>", e.g. "00004-12-345")',
  },
  HOUSEHOLD_BUSINESS: {
    pattern: HOUSEHOLD_BUSINESS_NUMBER_PATTERN,
    what: "a household business registration number (up to 40 letters, digits, '.', '/' or '-')",
  },
};

/** A short, printable rendering of what was sent, for messages (never the whole of a hostile value). */
export function shown(value: string): string {
  const clipped = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `${JSON.stringify(clipped)}${value.length > 40 ? ` (${value.length} characters)` : ""}`;
}

/** The subject when its id has its kind's shape; a typed INVALID_ARGUMENT error otherwise. */
export function checkedSubject(kind: SubjectKind, id: string, where: string): Subject {
  const shape = SHAPES[kind];
  if (!shape.pattern.test(id))
    throw new GatewayError("INVALID_ARGUMENT", `${where}: expected ${shape.what}; got ${shown(id)}.`, { argument: where });
  return { kind, id };
}

export function isWellFormed(subject: Subject): boolean {
  return SHAPES[subject.kind].pattern.test(subject.id);
}

export const subjectKey = (subject: Subject): string => `${subject.kind}:${subject.id}`;

export const sameSubject = (a: Subject, b: Subject): boolean => a.kind === b.kind && a.id === b.id;
