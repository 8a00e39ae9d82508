/**
 * Subjects of personal data — a person, an enterprise, a parcel, a household business — as typed values (kind and
 * id), never as text to parse. Every read is recorded against its subject, and a subject's id must have its kind's
 * shape before anything is recorded: a malformed id is a typed error for its own request only, never a row the
 * audit trail cannot hold (which would fail every request committed with it).
 */
import { PARCEL_ID_PATTERN, PERSONAL_ID_PATTERN, TAX_CODE_PATTERN } from "../../shared/codes.js";
import { GatewayError } from "../../platform/errors.js";
import { type Message, say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

export const SUBJECT_KINDS = ["CITIZEN", "ENTERPRISE", "LAND_PARCEL", "HOUSEHOLD_BUSINESS"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface Subject {
  kind: SubjectKind;
  id: string;
}

/** Household business registration numbers: letters, digits and separators, as commune registers issue them. */
export const HOUSEHOLD_BUSINESS_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$/;

/** Each kind's id: its shape, what it is (said when an id is not of it) and its name in "not a well-formed … id". */
const SHAPES: Record<SubjectKind, { pattern: RegExp; what: Message; kind: Message }> = {
  CITIZEN: { pattern: PERSONAL_ID_PATTERN, what: M.shapeCitizen, kind: M.kindCitizen },
  ENTERPRISE: { pattern: TAX_CODE_PATTERN, what: M.shapeEnterprise, kind: M.kindEnterprise },
  LAND_PARCEL: { pattern: PARCEL_ID_PATTERN, what: M.shapeLandParcel, kind: M.kindLandParcel },
  HOUSEHOLD_BUSINESS: { pattern: HOUSEHOLD_BUSINESS_NUMBER_PATTERN, what: M.shapeHouseholdBusiness, kind: M.kindHouseholdBusiness },
};

/** A subject kind as the reader of a message calls it ("land parcel"). */
export const kindName = (kind: SubjectKind): string => say(SHAPES[kind].kind);

/** A short, printable rendering of what was sent, for messages (never the whole of a hostile value). */
export function shown(value: string): string {
  const clipped = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return value.length > 40 ? say(M.shownLength, { value: JSON.stringify(clipped), length: value.length }) : JSON.stringify(clipped);
}

/** The subject when its id has its kind's shape; a typed INVALID_ARGUMENT error otherwise. */
export function checkedSubject(kind: SubjectKind, id: string, where: string): Subject {
  const shape = SHAPES[kind];
  if (!shape.pattern.test(id))
    throw new GatewayError("INVALID_ARGUMENT", say(M.expectedSubject, { where, what: say(shape.what), value: shown(id) }), {
      argument: where,
    });
  return { kind, id };
}

export function isWellFormed(subject: Subject): boolean {
  return SHAPES[subject.kind].pattern.test(subject.id);
}

export const subjectKey = (subject: Subject): string => `${subject.kind}:${subject.id}`;

export const sameSubject = (a: Subject, b: Subject): boolean => a.kind === b.kind && a.id === b.id;
