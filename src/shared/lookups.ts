/** Code → CodedValue lookups over the national code lists; an unknown code still answers, marked as such. */
import type { CodedValue } from "./coded-value.js";
import { ETHNICITIES, LAND_USE_PURPOSES, VSIC_INDUSTRIES } from "./code-lists.js";

interface Entry {
  code: string;
  name: string;
  nameEn?: string | null;
}

function index(list: readonly Entry[]): Map<string, CodedValue> {
  return new Map(list.map((e) => [e.code, { code: e.code, name: e.name, nameEn: e.nameEn ?? null }]));
}

const ethnicities = index(ETHNICITIES);
const purposes = index(LAND_USE_PURPOSES);
const industries = index(VSIC_INDUSTRIES);

function lookup(map: Map<string, CodedValue>, code: string, list: string): CodedValue {
  return map.get(code) ?? { code, name: `(code ${code} is not in the ${list} list)`, nameEn: null };
}

export const ethnicity = (code: string) => lookup(ethnicities, code, "ethnicity");
export const landUsePurpose = (code: string) => lookup(purposes, code, "land-use purpose");
export const industry = (code: string) => lookup(industries, code, "VSIC 2018");
export const landUsePurposeCodes = () => [...purposes.keys()];
