/** Turning codes into units, and pre-2025 codes into their successors — never guessing for split communes. */
import { UnknownAdministrativeUnitError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { ADMIN_UNIT_MESSAGES } from "./messages.js";
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
    ? say(ADMIN_UNIT_MESSAGES.legacyLookupHint, { name: legacy.name, explanation: explainLegacy(registry, legacy), code })
    : say(ADMIN_UNIT_MESSAGES.checkCodeHint);
  throw new UnknownAdministrativeUnitError(code, hint);
}

function unitName(registry: AdminUnitRegistry, level: LegacyUnitRecord["level"], code: string): string {
  const unit = level === "PROVINCE" ? registry.province(code) : registry.commune(code);
  return unit ? `${unit.name} (${code})` : code;
}

/** A sentence a clerk can act on: where this old unit went, and whether the new one can be known from it. */
export function explainLegacy(registry: AdminUnitRegistry, record: LegacyUnitRecord): string {
  const names = record.successors.map((s) => unitName(registry, record.level, s.code));
  const name = record.name;
  if (record.successors.length === 0) return say(ADMIN_UNIT_MESSAGES.noSuccessor, { name });
  if (record.level === "DISTRICT") {
    return say(ADMIN_UNIT_MESSAGES.districtAbolished, { name, count: names.length, names: names.join(", ") });
  }
  if (record.successors.length === 1) {
    const [only] = record.successors;
    return say(only.mergeType === "FULL" ? ADMIN_UNIT_MESSAGES.mergedInto : ADMIN_UNIT_MESSAGES.partlyMergedInto, {
      name,
      successor: names[0],
    });
  }
  return say(ADMIN_UNIT_MESSAGES.split, { name, count: names.length, names: names.join(", ") });
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
