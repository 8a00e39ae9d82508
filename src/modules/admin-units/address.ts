/**
 * The Address type every source shares: a free-text line plus a 2025 commune code, or — for records not yet
 * updated after 1 July 2025 — the pre-2025 commune code they still name. Resolved against the registry.
 */
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { AdminUnitsContext } from "./registry.js";
import { AdministrativeUnitCodeScalar } from "../../shared/scalars.js";
import { toLegacyUnit } from "./service.js";
import { Commune, LegacyAdministrativeUnit, Province, toCommune, toProvince } from "./types.js";

@ObjectType({ description: "A postal address on the administrative map (địa chỉ)." })
export class Address {
  @Field(() => String, {
    nullable: true,
    description: "House number, street, hamlet or residential group (số nhà, đường, thôn, tổ dân phố).",
  })
  line!: string | null;

  @Field(() => AdministrativeUnitCodeScalar, {
    nullable: true,
    description: "2025 commune code; null when the record still names a pre-2025 commune.",
  })
  communeCode!: string | null;

  @Field(() => AdministrativeUnitCodeScalar, {
    nullable: true,
    description: "Pre-2025 commune code the record names, when it has not been updated to the 2025 map.",
  })
  legacyCommuneCode!: string | null;

  /** Province known from the record itself (kept by the sources for legacy addresses). */
  provinceCode?: string | null;
}

export function address(
  line: string | null | undefined,
  communeCode: string | null | undefined,
  legacyCommuneCode?: string | null,
  provinceCode?: string | null,
): Address | null {
  if (!communeCode && !legacyCommuneCode) return null;
  return {
    line: line ?? null,
    communeCode: communeCode ?? null,
    legacyCommuneCode: legacyCommuneCode ?? null,
    provinceCode: provinceCode ?? null,
  };
}

@Resolver(() => Address)
export class AddressResolver {
  @FieldResolver(() => Commune, { nullable: true, description: "The 2025 commune (xã / phường / đặc khu); null for a legacy address." })
  commune(@Root() a: Address, @Ctx() ctx: AdminUnitsContext): Commune | null {
    const record = a.communeCode ? ctx.adminUnits.commune(a.communeCode) : undefined;
    return record ? toCommune(record) : null;
  }

  @FieldResolver(() => Province, {
    nullable: true,
    description: "The 2025 province, also for a legacy address when its successors lie in one province.",
  })
  province(@Root() a: Address, @Ctx() ctx: AdminUnitsContext): Province | null {
    const code = provinceCodeOf(a, ctx);
    const record = code ? ctx.adminUnits.province(code) : undefined;
    return record ? toProvince(record) : null;
  }

  @FieldResolver(() => Boolean, {
    description: "True when the record still names a pre-2025 commune; see `legacyCommune` for its successors.",
  })
  isLegacy(@Root() a: Address): boolean {
    return !a.communeCode && !!a.legacyCommuneCode;
  }

  @FieldResolver(() => LegacyAdministrativeUnit, {
    nullable: true,
    description: "The pre-2025 commune named by a legacy address, with its 2025 successor(s).",
  })
  legacyCommune(@Root() a: Address, @Ctx() ctx: AdminUnitsContext): LegacyAdministrativeUnit | null {
    const record = a.legacyCommuneCode ? ctx.adminUnits.legacyUnit(a.legacyCommuneCode) : undefined;
    return record ? toLegacyUnit(ctx.adminUnits, record) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Pre-2025 district (huyện / quận / thị xã) of a legacy address; null on the 2025 map, which has no districts.",
    deprecationReason:
      "Districts were abolished on 1 July 2025 (two-level local government). Use `commune` and `province`; for an address not yet updated, `legacyCommune` gives its 2025 successor(s).",
  })
  district(@Root() a: Address, @Ctx() ctx: AdminUnitsContext): string | null {
    if (a.communeCode || !a.legacyCommuneCode) return null;
    const districtCode = ctx.adminUnits.legacyUnit(a.legacyCommuneCode)?.districtCode;
    return (districtCode && ctx.adminUnits.legacyUnit(districtCode)?.name) || null;
  }

  @FieldResolver(() => String, { description: "The whole address as one line: line, commune, province." })
  text(@Root() a: Address, @Ctx() ctx: AdminUnitsContext): string {
    const commune = a.communeCode ? ctx.adminUnits.commune(a.communeCode)?.name : undefined;
    const legacy = !commune && a.legacyCommuneCode ? ctx.adminUnits.legacyUnit(a.legacyCommuneCode)?.name : undefined;
    const provinceCode = provinceCodeOf(a, ctx);
    const province = provinceCode ? ctx.adminUnits.province(provinceCode)?.name : undefined;
    return [a.line, commune ?? (legacy ? `${legacy} (pre-2025)` : undefined), province].filter(Boolean).join(", ");
  }
}

function provinceCodeOf(a: Address, ctx: AdminUnitsContext): string | undefined {
  if (a.communeCode) return ctx.adminUnits.provinceOfCommune(a.communeCode);
  if (a.provinceCode) return a.provinceCode;
  const legacy = a.legacyCommuneCode ? ctx.adminUnits.legacyUnit(a.legacyCommuneCode) : undefined;
  const provinces = new Set(legacy?.successors.map((s) => ctx.adminUnits.provinceOfCommune(s.code)));
  return provinces.size === 1 ? [...provinces][0] : undefined;
}
