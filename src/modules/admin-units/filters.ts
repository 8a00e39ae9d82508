/** Checks shared by list filters: codes must name real 2025 units, so a typo is an error, not an empty page. */
import { InvalidInputError, UnknownAdministrativeUnitError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { ADMIN_UNIT_MESSAGES } from "./messages.js";
import type { AdminUnitRegistry } from "./registry.js";

export function checkCommuneFilter(registry: AdminUnitRegistry, code: string | null | undefined): void {
  if (!code) return;
  if (code.length !== 5) {
    throw new InvalidInputError("INVALID_ADMINISTRATIVE_UNIT_CODE", say(ADMIN_UNIT_MESSAGES.communeCodeLooksLikeProvince, { code }));
  }
  if (!registry.commune(code)) {
    const legacy = registry.legacyUnit(code);
    throw new UnknownAdministrativeUnitError(
      code,
      legacy ? say(ADMIN_UNIT_MESSAGES.legacyCommuneFilter, { name: legacy.name, code }) : undefined,
    );
  }
}

export function checkProvinceFilter(registry: AdminUnitRegistry, code: string | null | undefined): void {
  if (!code) return;
  if (code.length !== 2) {
    throw new InvalidInputError("INVALID_ADMINISTRATIVE_UNIT_CODE", say(ADMIN_UNIT_MESSAGES.provinceCodeLooksLikeCommune, { code }));
  }
  if (!registry.province(code)) {
    const legacy = registry.legacyUnit(code);
    throw new UnknownAdministrativeUnitError(
      code,
      legacy
        ? say(ADMIN_UNIT_MESSAGES.legacyProvinceFilter, { name: legacy.name, province: String(legacy.successors[0]?.code) })
        : undefined,
    );
  }
}
