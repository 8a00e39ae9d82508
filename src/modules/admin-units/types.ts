/** GraphQL types of the 2025 administrative map and of the pre-2025 units it replaced. */
import { Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { listOf } from "../../shared/cost.js";
import { Node } from "../../shared/node.js";
import { AdministrativeUnitCodeScalar } from "../../shared/scalars.js";
import type { EnumValue } from "../../shared/enums.js";
import { type CommuneRecord, CommuneKind, LegacyLevel, type LegacyUnitRecord, MergeType, type ProvinceRecord } from "./registry.js";

export const AdministrativeLevel = { PROVINCE: "PROVINCE", COMMUNE: "COMMUNE" } as const;
export type AdministrativeLevel = EnumValue<typeof AdministrativeLevel>;
registerEnumType(AdministrativeLevel, {
  name: "AdministrativeLevel",
  description: "Level of local government on the two-level map in force since 1 July 2025.",
  valuesConfig: {
    PROVINCE: { description: "Province or centrally-run city (tỉnh / thành phố trực thuộc trung ương)." },
    COMMUNE: { description: "Commune-level unit: xã, phường or đặc khu." },
  },
});

registerEnumType(CommuneKind, {
  name: "CommuneKind",
  description: "Kind of commune-level unit.",
  valuesConfig: {
    XA: { description: "Rural commune (xã)." },
    PHUONG: { description: "Urban ward (phường)." },
    DAC_KHU: { description: "Special zone (đặc khu), an island unit." },
  },
});

registerEnumType(LegacyLevel, {
  name: "LegacyAdministrativeLevel",
  description: "Level of a unit on the pre-2025 three-level map (63 provinces, 696 districts, 10,035 communes).",
  valuesConfig: {
    PROVINCE: { description: "Old province (tỉnh), 2-digit code." },
    DISTRICT: { description: "Old district (huyện / quận / thị xã / thành phố thuộc tỉnh), 3-digit code; abolished 1 July 2025." },
    COMMUNE: { description: "Old commune (xã / phường / thị trấn), 5-digit code." },
  },
});

registerEnumType(MergeType, {
  name: "MergeType",
  description: "How an old unit's territory passed to a new one.",
  valuesConfig: {
    FULL: { description: "The whole old unit went into this new unit." },
    PARTIAL: { description: "Only part of the old unit went into this new unit (the old unit was split)." },
  },
});

@InterfaceType({
  implements: Node,
  description: "An administrative unit (đơn vị hành chính) on the 2025 two-level map: a province or a commune.",
  resolveType: (value: { level: AdministrativeLevel }) => (value.level === AdministrativeLevel.PROVINCE ? "Province" : "Commune"),
})
export abstract class AdministrativeUnit {
  @Field(() => AdministrativeUnitCodeScalar, {
    description: "Official code: 2 digits for a province, 5 for a commune (Decision 19/2025/QĐ-TTg).",
  })
  code!: string;

  @Field(() => String, { description: 'Official Vietnamese name, with its kind (e.g. "Phường Ba Đình").' })
  name!: string;

  @Field(() => String, { description: 'Name without diacritics or kind, as used in English (e.g. "Ba Dinh").' })
  nameEn!: string;

  @Field(() => AdministrativeLevel, { description: "Province or commune." })
  level!: AdministrativeLevel;
}

@ObjectType({ implements: [AdministrativeUnit, Node], description: "Province or centrally-run city (tỉnh / thành phố), one of 34." })
export class Province extends AdministrativeUnit {
  @Field(() => Int, { description: "Number of commune-level units (xã, phường, đặc khu) in the province." })
  communeCount!: number;
}

@ObjectType({ implements: [AdministrativeUnit, Node], description: "Commune-level unit (xã, phường or đặc khu), one of 3,321." })
export class Commune extends AdministrativeUnit {
  @Field(() => String, { description: 'Name without the kind (e.g. "Ba Đình").' })
  shortName!: string;

  @Field(() => CommuneKind, { description: "Xã, phường or đặc khu." })
  kind!: CommuneKind;

  provinceCode!: string;
}

@ObjectType({ description: "A 2025 unit that took over (part of) a pre-2025 unit." })
export class UnitSuccession {
  @Field(() => MergeType, { description: "Whether the whole old unit or only part of it went into this unit." })
  mergeType!: MergeType;

  @Field(() => AdministrativeUnit, { description: "The 2025 unit." })
  unit!: Province | Commune;
}

@ObjectType({
  implements: Node,
  description:
    "A unit of the pre-2025 three-level map, with the 2025 unit(s) that replaced it. A split old commune has several " +
    "successors: an address naming it cannot be placed on the new map without more information.",
})
export class LegacyAdministrativeUnit {
  @Field(() => ID, { description: "Old GSO code: 2 digits province, 3 digits district, 5 digits commune." })
  code!: string;

  @Field(() => LegacyLevel, { description: "Province, district or commune." })
  level!: LegacyLevel;

  @Field(() => String, { description: "Official name before 1 July 2025." })
  name!: string;

  @Field(() => String, { description: "Name without diacritics." })
  nameEn!: string;

  @Field(() => AdministrativeUnitCodeScalar, { description: "Code of the old province the unit belonged to." })
  legacyProvinceCode!: string;

  // A pre-2025 district is spread over the new communes of its communes: at most 14 (Huyện Yên Sơn, 075); a split
  // commune has at most 5 successors, an old province one.
  @Field(() => [UnitSuccession], { complexity: listOf(14), description: "Every 2025 unit that took over (part of) this unit's territory." })
  successors!: UnitSuccession[];

  @Field(() => Boolean, {
    description: "True when there is more than one successor: the new unit cannot be known from this code alone.",
  })
  ambiguous!: boolean;

  @Field(() => String, { description: "What a clerk should do with an address that names this unit, in plain words." })
  explanation!: string;
}

export function toProvince(record: ProvinceRecord): Province {
  return { ...record, level: AdministrativeLevel.PROVINCE };
}

export function toCommune(record: CommuneRecord): Commune {
  return { ...record, level: AdministrativeLevel.COMMUNE };
}

export type { LegacyUnitRecord };
