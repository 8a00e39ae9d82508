/**
 * Administrative units (đơn vị hành chính), held in the gateway's own database: the 2025 two-level map
 * (34 provinces, 3,321 communes — Decision 19/2025/QĐ-TTg) and the pre-2025 three-level map with its
 * old→new succession, so legacy codes in older records can be explained rather than guessed.
 */
import { char, index, integer, primaryKey, text } from "drizzle-orm/pg-core";
import { gateway } from "../../platform/db/gateway-schema.js";

export const communeKindEnum = gateway.enum("commune_kind", ["XA", "PHUONG", "DAC_KHU"]);
export const mergeTypeEnum = gateway.enum("merge_type", ["FULL", "PARTIAL"]);

export const provinces = gateway.table("provinces", {
  code: char("code", { length: 2 }).primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  communeCount: integer("commune_count").notNull(),
});

export const communes = gateway.table(
  "communes",
  {
    code: char("code", { length: 5 }).primaryKey(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    nameEn: text("name_en").notNull(),
    kind: communeKindEnum("kind").notNull(),
    provinceCode: char("province_code", { length: 2 }).notNull(),
  },
  (t) => [index("communes_province_idx").on(t.provinceCode)],
);

export const legacyProvinces = gateway.table("legacy_provinces", {
  code: char("code", { length: 2 }).primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  successorCode: char("successor_code", { length: 2 }).notNull(),
});

export const legacyDistricts = gateway.table("legacy_districts", {
  code: char("code", { length: 3 }).primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  provinceCode: char("province_code", { length: 2 }).notNull(),
});

export const legacyCommunes = gateway.table("legacy_communes", {
  code: char("code", { length: 5 }).primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  districtCode: char("district_code", { length: 3 }).notNull(),
  provinceCode: char("province_code", { length: 2 }).notNull(),
});

/** Old commune → new commune; a split old commune has several PARTIAL rows. */
export const legacyCommuneSuccessors = gateway.table(
  "legacy_commune_successors",
  {
    legacyCode: char("legacy_code", { length: 5 }).notNull(),
    successorCode: char("successor_code", { length: 5 }).notNull(),
    mergeType: mergeTypeEnum("merge_type").notNull(),
  },
  (t) => [primaryKey({ columns: [t.legacyCode, t.successorCode] })],
);

export const adminUnitTables = { provinces, communes, legacyProvinces, legacyDistricts, legacyCommunes, legacyCommuneSuccessors };
