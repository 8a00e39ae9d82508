/** Turning codes into units, and pre-2025 codes into their successors — never guessing for split communes. */
import { UnknownAdministrativeUnitError } from "../../platform/errors.js";
import type { AdminUnitRegistry, LegacyUnitRecord } from "./registry.js";
import { type Commune, type LegacyAdministrativeUnit, type Province, toCommune, toProvince } from "./types.js";

export function findUnit(registry: AdminUnitRegistry, code: string): Province | Commune {
  if (code.length === 2) {
    const province = registry.province(code);
    if (province) return toProvince(province);
  } else {
    const commune = registry.commune(code);
    if (commune) return toCommune(commune);
  }
  const legacy = registry.legacyUnit(code);
  const hint = legacy
    ? `It is the pre-2025 code of ${legacy.name}: ${explainLegacy(registry, legacy)} Query legacyAdministrativeUnit(code: "${code}") for details.`
    : "Check the code against the list of provinces and their communes (query provinces { communes { code name } }).";
  throw new UnknownAdministrativeUnitError(code, hint);
}

function unitName(registry: AdminUnitRegistry, level: LegacyUnitRecord["level"], code: string): string {
  const unit = level === "PROVINCE" ? registry.province(code) : registry.commune(code);
  return unit ? `${unit.name} (${code})` : code;
}

/** A sentence a clerk can act on: where this old unit went, and whether the new one can be known from it. */
export function explainLegacy(registry: AdminUnitRegistry, record: LegacyUnitRecord): string {
  const names = record.successors.map((s) => unitName(registry, record.level, s.code));
  if (record.successors.length === 0) return `${record.name} has no recorded successor on the 2025 map.`;
  if (record.level === "DISTRICT") {
    return `Districts were abolished on 1 July 2025; the communes of ${record.name} now belong to ${names.length} commune(s): ${names.join(", ")}. An address must name its commune.`;
  }
  if (record.successors.length === 1) {
    const [only] = record.successors;
    return only.mergeType === "FULL"
      ? `${record.name} became part of ${names[0]}.`
      : `Part of ${record.name} went to ${names[0]}; the rest is recorded elsewhere — confirm the address with the applicant.`;
  }
  return `${record.name} was split between ${names.length} units: ${names.join(", ")}. The new unit cannot be determined from this code alone; ask for the street address or a current residence record.`;
}

export function toLegacyUnit(registry: AdminUnitRegistry, record: LegacyUnitRecord): LegacyAdministrativeUnit {
  return {
    code: record.code,
    level: record.level,
    name: record.name,
    nameEn: record.nameEn,
    legacyProvinceCode: record.legacyProvinceCode,
    ambiguous: record.successors.length > 1,
    explanation: explainLegacy(registry, record),
    successors: record.successors.flatMap((s) => {
      const unit = record.level === "PROVINCE" ? registry.province(s.code) : registry.commune(s.code);
      if (!unit) return [];
      return [{ mergeType: s.mergeType, unit: record.level === "PROVINCE" ? toProvince(unit as never) : toCommune(unit as never) }];
    }),
  };
}
