/** Checks shared by list filters: codes must name real 2025 units, so a typo is an error, not an empty page. */
import { InvalidInputError, UnknownAdministrativeUnitError } from "../../platform/errors.js";
import type { AdminUnitRegistry } from "./registry.js";

export function checkCommuneFilter(registry: AdminUnitRegistry, code: string | null | undefined): void {
  if (!code) return;
  if (code.length !== 5) {
    throw new InvalidInputError(
      "INVALID_ADMINISTRATIVE_UNIT_CODE",
      `communeCode takes a 5-digit commune code; "${code}" looks like a province code — use provinceCode.`,
    );
  }
  if (!registry.commune(code)) {
    const legacy = registry.legacyUnit(code);
    throw new UnknownAdministrativeUnitError(
      code,
      legacy
        ? `It is the pre-2025 code of ${legacy.name}; query legacyAdministrativeUnit(code: "${code}") for its 2025 successor(s).`
        : undefined,
    );
  }
}

export function checkProvinceFilter(registry: AdminUnitRegistry, code: string | null | undefined): void {
  if (!code) return;
  if (code.length !== 2) {
    throw new InvalidInputError(
      "INVALID_ADMINISTRATIVE_UNIT_CODE",
      `provinceCode takes a 2-digit province code; "${code}" looks like a commune code — use communeCode.`,
    );
  }
  if (!registry.province(code)) {
    const legacy = registry.legacyUnit(code);
    throw new UnknownAdministrativeUnitError(
      code,
      legacy ? `It is the pre-2025 code of ${legacy.name}, now part of province ${legacy.successors[0]?.code}.` : undefined,
    );
  }
}
