/**
 * In-memory registry of administrative units. The map is reference data (3,321 communes, 10,000-odd legacy
 * units) that changes only by decree, so it is read once from the gateway database at start-up and every
 * address in every answer resolves against it with no further query.
 */
import { asc } from "drizzle-orm";
import type { Source } from "../../platform/db/source.js";
import { enumOf, type EnumValue } from "../../shared/enums.js";
import {
  communeKindEnum,
  communes,
  legacyCommunes,
  legacyCommuneSuccessors,
  legacyDistricts,
  legacyProvinces,
  mergeTypeEnum,
  provinces,
} from "./tables.js";

// Each closed set once: the Postgres enum's values where the table has one; types.ts registers each as a GraphQL enum.
export const CommuneKind = enumOf(communeKindEnum.enumValues);
export type CommuneKind = EnumValue<typeof CommuneKind>;
export const MergeType = enumOf(mergeTypeEnum.enumValues);
export type MergeType = EnumValue<typeof MergeType>;

export interface ProvinceRecord {
  code: string;
  name: string;
  nameEn: string;
  communeCount: number;
}

export interface CommuneRecord {
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
  kind: CommuneKind;
  provinceCode: string;
}

export const LegacyLevel = { PROVINCE: "PROVINCE", DISTRICT: "DISTRICT", COMMUNE: "COMMUNE" } as const;
export type LegacyLevel = EnumValue<typeof LegacyLevel>;

export interface Succession {
  code: string;
  mergeType: MergeType;
}

export interface LegacyUnitRecord {
  code: string;
  level: LegacyLevel;
  name: string;
  nameEn: string;
  /** Old province the unit belonged to (its own code for a province). */
  legacyProvinceCode: string;
  /** For a commune: the pre-2025 district it belonged to ('000' when the sources do not say). */
  districtCode?: string;
  /** The 2025 units that took over this one's territory. */
  successors: Succession[];
}

/** The registry's maps as they are: what a worker thread is handed (structured cloning keeps Maps). */
export interface AdminUnitSnapshot {
  provinces: Map<string, ProvinceRecord>;
  communes: Map<string, CommuneRecord>;
  communesByProvince: Map<string, CommuneRecord[]>;
  legacy: Map<string, LegacyUnitRecord>;
}

export class AdminUnitRegistry {
  readonly provinces = new Map<string, ProvinceRecord>();
  readonly communes = new Map<string, CommuneRecord>();
  readonly communesByProvince = new Map<string, CommuneRecord[]>();
  readonly legacy = new Map<string, LegacyUnitRecord>();

  snapshot(): AdminUnitSnapshot {
    return { provinces: this.provinces, communes: this.communes, communesByProvince: this.communesByProvince, legacy: this.legacy };
  }

  /** The registry another thread took a snapshot of: the same units, with no database at hand. */
  static fromSnapshot(snapshot: AdminUnitSnapshot): AdminUnitRegistry {
    const registry = new AdminUnitRegistry();
    for (const key of ["provinces", "communes", "communesByProvince", "legacy"] as const) {
      for (const [code, value] of snapshot[key]) (registry[key] as Map<string, unknown>).set(code, value);
    }
    return registry;
  }

  static async load(gateway: Source): Promise<AdminUnitRegistry> {
    const db = gateway.db;
    const [provinceRows, communeRows, legacyProvinceRows, legacyDistrictRows, legacyCommuneRows, successionRows] = await Promise.all([
      db.select().from(provinces).orderBy(asc(provinces.code)),
      db.select().from(communes).orderBy(asc(communes.code)),
      db.select().from(legacyProvinces).orderBy(asc(legacyProvinces.code)),
      db.select().from(legacyDistricts).orderBy(asc(legacyDistricts.code)),
      db.select().from(legacyCommunes).orderBy(asc(legacyCommunes.code)),
      db
        .select()
        .from(legacyCommuneSuccessors)
        .orderBy(asc(legacyCommuneSuccessors.legacyCode), asc(legacyCommuneSuccessors.successorCode)),
    ]);
    return AdminUnitRegistry.build({
      provinceRows,
      communeRows,
      legacyProvinceRows,
      legacyDistrictRows,
      legacyCommuneRows,
      successionRows,
    });
  }

  /** A registry from the map's rows, from the database (load) or from the reference files (the seed's geography). */
  static build(rows: {
    provinceRows: ProvinceRecord[];
    communeRows: CommuneRecord[];
    legacyProvinceRows: { code: string; name: string; nameEn: string; successorCode: string }[];
    legacyDistrictRows: { code: string; name: string; nameEn: string; provinceCode: string }[];
    legacyCommuneRows: { code: string; name: string; nameEn: string; districtCode: string; provinceCode: string }[];
    successionRows: { legacyCode: string; successorCode: string; mergeType: MergeType }[];
  }): AdminUnitRegistry {
    const registry = new AdminUnitRegistry();
    const { provinceRows, communeRows, legacyProvinceRows, legacyDistrictRows, legacyCommuneRows, successionRows } = rows;
    for (const row of provinceRows) registry.provinces.set(row.code, row);
    for (const row of communeRows) {
      registry.communes.set(row.code, row);
      const list = registry.communesByProvince.get(row.provinceCode) ?? [];
      list.push(row);
      registry.communesByProvince.set(row.provinceCode, list);
    }
    for (const row of legacyProvinceRows) {
      registry.legacy.set(`P${row.code}`, {
        code: row.code,
        level: "PROVINCE",
        name: row.name,
        nameEn: row.nameEn,
        legacyProvinceCode: row.code,
        successors: [{ code: row.successorCode, mergeType: "FULL" }],
      });
    }
    const successorsByCommune = new Map<string, Succession[]>();
    for (const row of successionRows) {
      const list = successorsByCommune.get(row.legacyCode) ?? [];
      list.push({ code: row.successorCode, mergeType: row.mergeType });
      successorsByCommune.set(row.legacyCode, list);
    }
    const successorsByDistrict = new Map<string, Map<string, Succession>>();
    for (const row of legacyCommuneRows) {
      const successors = successorsByCommune.get(row.code) ?? [];
      registry.legacy.set(`C${row.code}`, {
        code: row.code,
        level: "COMMUNE",
        name: row.name,
        nameEn: row.nameEn,
        legacyProvinceCode: row.provinceCode,
        districtCode: row.districtCode,
        successors,
      });
      const district = successorsByDistrict.get(row.districtCode) ?? new Map<string, Succession>();
      for (const s of successors) if (!district.has(s.code)) district.set(s.code, { code: s.code, mergeType: "PARTIAL" });
      successorsByDistrict.set(row.districtCode, district);
    }
    // Districts were abolished on 1 July 2025: their territory is spread over the new communes of their communes.
    for (const row of legacyDistrictRows) {
      registry.legacy.set(`D${row.code}`, {
        code: row.code,
        level: "DISTRICT",
        name: row.name,
        nameEn: row.nameEn,
        legacyProvinceCode: row.provinceCode,
        successors: [...(successorsByDistrict.get(row.code)?.values() ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
      });
    }
    return registry;
  }

  province(code: string): ProvinceRecord | undefined {
    return this.provinces.get(code);
  }

  commune(code: string): CommuneRecord | undefined {
    return this.communes.get(code);
  }

  /** A pre-2025 unit by code: 2 digits → province, 3 → district, 5 → commune. */
  legacyUnit(code: string): LegacyUnitRecord | undefined {
    const prefix = code.length === 2 ? "P" : code.length === 3 ? "D" : code.length === 5 ? "C" : "";
    return prefix ? this.legacy.get(`${prefix}${code}`) : undefined;
  }

  /** Province of a 2025 commune, or of the successors of a legacy commune when they agree. */
  provinceOfCommune(code: string): string | undefined {
    return this.communes.get(code)?.provinceCode;
  }
}

/** What resolvers of administrative units read of the request: the map, loaded once per process. */
export interface AdminUnitsContext {
  adminUnits: AdminUnitRegistry;
}
