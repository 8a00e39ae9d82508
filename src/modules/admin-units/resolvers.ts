import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { AdminUnitsContext } from "./registry.js";
import { listOf } from "../../shared/cost.js";
import { InvalidInputError, UnknownAdministrativeUnitError } from "../../platform/errors.js";
import { AdministrativeUnitCodeScalar } from "../../shared/scalars.js";
import { foldName } from "../../shared/codes.js";
import { say } from "../../platform/i18n.js";
import { ADMIN_UNIT_MESSAGES } from "./messages.js";
import { findUnit, toLegacyUnit } from "./service.js";
import { AdministrativeUnit, Commune, LegacyAdministrativeUnit, Province, toCommune, toProvince } from "./types.js";

@Resolver(() => Province)
export class ProvinceResolver {
  // Decision 19/2025/QĐ-TTg: 34 (seeds/admin-units/provinces_34.csv).
  @Query(() => [Province], {
    complexity: listOf(34),
    description: "The 34 provinces and centrally-run cities in force since 1 July 2025, by code.",
  })
  provinces(@Ctx() ctx: AdminUnitsContext): Province[] {
    return [...ctx.adminUnits.provinces.values()].map(toProvince);
  }

  // The largest province's communes: Hồ Chí Minh City (79) has 168 of the 3,321 (seeds/admin-units/wards_3321.csv).
  @FieldResolver(() => [Commune], {
    complexity: listOf(168),
    description: "Communes of the province, by code; `search` matches names with or without diacritics.",
  })
  communes(
    @Root() province: Province,
    @Ctx() ctx: AdminUnitsContext,
    @Arg("search", () => String, { nullable: true, description: "Part of the commune name, with or without diacritics." }) search?: string,
  ): Commune[] {
    const all = ctx.adminUnits.communesByProvince.get(province.code) ?? [];
    const needle = search ? foldName(search) : "";
    return all.filter((c) => !needle || foldName(c.name).includes(needle)).map(toCommune);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @FieldResolver(() => Province, { description: "The province the commune belongs to." })
  province(@Root() commune: Commune, @Ctx() ctx: AdminUnitsContext): Province {
    return toProvince(ctx.adminUnits.province(commune.provinceCode)!);
  }
}

@Resolver()
export class AdministrativeUnitQueries {
  @Query(() => AdministrativeUnit, {
    description:
      "A province (2-digit code) or commune (5-digit code) on the 2025 map. An unknown code is an error; a pre-2025 code is " +
      "explained in the error with its successors.",
  })
  administrativeUnit(
    @Arg("code", () => AdministrativeUnitCodeScalar, { description: "2-digit province or 5-digit commune code." }) code: string,
    @Ctx() ctx: AdminUnitsContext,
  ): Province | Commune {
    return findUnit(ctx.adminUnits, code);
  }

  @Query(() => LegacyAdministrativeUnit, {
    description:
      "A unit of the pre-2025 map (2-digit province, 3-digit district, 5-digit commune code) with the 2025 unit(s) that " +
      "replaced it, each FULL or PARTIAL; `ambiguous` is true when an old commune was split.",
  })
  legacyAdministrativeUnit(
    @Arg("code", () => String, { description: "Old code: 2 digits province, 3 digits district, 5 digits commune." }) code: string,
    @Ctx() ctx: AdminUnitsContext,
  ): LegacyAdministrativeUnit {
    if (!/^(\d{2}|\d{3}|\d{5})$/.test(code)) {
      throw new InvalidInputError(
        "INVALID_ADMINISTRATIVE_UNIT_CODE",
        say(ADMIN_UNIT_MESSAGES.legacyCodeShape, { value: JSON.stringify(code) }),
        { value: code },
      );
    }
    const record = ctx.adminUnits.legacyUnit(code);
    if (!record)
      throw new UnknownAdministrativeUnitError(
        code,
        code.length === 2 || code.length === 5 ? say(ADMIN_UNIT_MESSAGES.is2025Code, { code }) : undefined,
        say(ADMIN_UNIT_MESSAGES.noLegacyUnit, { code }),
      );
    return toLegacyUnit(ctx.adminUnits, record);
  }
}

export const adminUnitResolvers = [ProvinceResolver, CommuneResolver, AdministrativeUnitQueries] as const;
