/**
 * National code formats and their checks: personal identification numbers (Decree 137/2015/NĐ-CP, art. 7),
 * enterprise / tax codes (check digit), branch codes, parcel ids, certificate serials and 2025 administrative unit
 * codes; and the folding of Vietnamese names for search. Pure functions shared by the scalars, the modules, the
 * seed generator and the conformance check. The code lists (danh mục) are in code-lists.ts.
 */
import { say } from "../platform/i18n.js";
import { SHARED_MESSAGES } from "./messages.js";

/** Digit 4 of a personal id: century of birth and sex (Decree 137/2015/NĐ-CP, art. 7 para. 2). */
export function centurySexDigit(birthYear: number, sex: "MALE" | "FEMALE"): number {
  const century = Math.floor(birthYear / 100); // 19 → 1900s, 20 → 2000s, ...
  const base = (century - 19) * 2;
  if (base < 0 || base > 8) throw new RangeError(`birth year ${birthYear} is outside 1900–2399`);
  return base + (sex === "FEMALE" ? 1 : 0);
}

export interface PersonalIdParts {
  /** 3 digits: province (or country code for births abroad) of birth registration. */
  provinceCode: string;
  sex: "MALE" | "FEMALE";
  /** Full birth year reconstructed from the century digit and the 2-digit year. */
  birthYear: number;
  serial: string;
}

export const PERSONAL_ID_PATTERN = /^\d{12}$/;

/** Splits a personal id into its parts, or returns a human reason why it is not one. */
export function parsePersonalId(value: string): PersonalIdParts | { error: string } {
  if (!PERSONAL_ID_PATTERN.test(value)) {
    return { error: say(SHARED_MESSAGES.personalIdShape, { value: JSON.stringify(value), length: value.length }) };
  }
  const centurySex = Number(value[3]);
  const birthYear = 1900 + Math.floor(centurySex / 2) * 100 + Number(value.slice(4, 6));
  return {
    provinceCode: value.slice(0, 3),
    sex: centurySex % 2 === 0 ? "MALE" : "FEMALE",
    birthYear,
    serial: value.slice(6),
  };
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The check digit for the first nine digits of a tax code, or null when the prefix can never be issued. */
export function taxCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * TAX_WEIGHTS[i];
  const check = 10 - (sum % 11);
  return check >= 10 ? null : check;
}

export const TAX_CODE_PATTERN = /^\d{10}$/;
export const BRANCH_CODE_PATTERN = /^(\d{10})-(\d{3})$/;

/** Null when valid, else a reason a person can act on. */
export function taxCodeProblem(value: string): string | null {
  if (!TAX_CODE_PATTERN.test(value)) return say(SHARED_MESSAGES.taxCodeShape, { value: JSON.stringify(value) });
  const check = taxCheckDigit(value.slice(0, 9));
  if (check === null) return say(SHARED_MESSAGES.taxCodeNoCheckDigit, { value });
  if (check !== Number(value[9])) return say(SHARED_MESSAGES.taxCodeWrongCheckDigit, { value, expected: check, found: value[9] });
  return null;
}

export function branchCodeProblem(value: string): string | null {
  const match = BRANCH_CODE_PATTERN.exec(value);
  if (!match) return say(SHARED_MESSAGES.branchCodeShape, { value: JSON.stringify(value) });
  const problem = taxCodeProblem(match[1]);
  return problem ? say(SHARED_MESSAGES.branchEnterprisePart, { value, problem }) : null;
}

/** Land parcel identifier `<5-digit commune code>-<map sheet>-<parcel number>`; the groups are those three parts. */
export const PARCEL_ID_PATTERN = /^(\d{5})-(\d{1,4})-(\d{1,5})$/;

/** Printed serial of a land-use right certificate: two capital letters, an optional space, 6–8 digits ("DA 123456"). */
export const CERTIFICATE_SERIAL_PATTERN = /^[A-Z]{2} ?\d{6,8}$/;

/** 2-digit province or 5-digit commune code (format only; existence is checked against the registry). */
export const ADMIN_UNIT_CODE_PATTERN = /^(\d{2}|\d{5})$/;

/** Lower-case and strip Vietnamese diacritics, so "Nguyễn Văn Đức" matches "nguyen van duc". */
export function foldName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
