/**
 * Loads the administrative map into the gateway database: 34 provinces, 3,321 communes, the 63 / 696 / 10,052
 * pre-2025 units and the old → new commune succession (10,604 pairs). The gateway tables are emptied first, so
 * running it again gives the same content.
 */
import type { Source } from "../platform/db/source.js";
import { bare, quote } from "./csv.js";
import { loadGeography } from "./geography.js";

export interface ReferenceCounts {
  provinces: number;
  communes: number;
  legacyProvinces: number;
  legacyDistricts: number;
  legacyCommunes: number;
  legacyCommuneSuccessors: number;
}

const TABLES = [
  "gateway.provinces",
  "gateway.communes",
  "gateway.legacy_provinces",
  "gateway.legacy_districts",
  "gateway.legacy_communes",
  "gateway.legacy_commune_successors",
];

function csv<T>(rows: readonly T[], encode: (row: T) => string): string {
  let out = "";
  for (const row of rows) out += `${encode(row)}\n`;
  return out;
}

export async function loadReferenceData(gateway: Source): Promise<ReferenceCounts> {
  const geo = loadGeography();
  await gateway.raw(`TRUNCATE ${TABLES.join(", ")}`);

  const successors: [string, string, string][] = [];
  for (const legacy of geo.legacyCommunes) for (const s of legacy.successors) successors.push([legacy.code, s.code, s.mergeType]);

  await gateway.copyCsv(
    "gateway.provinces",
    ["code", "name", "name_en", "commune_count"],
    csv(geo.provinces, (p) => `${p.code},${quote(p.name)},${quote(p.nameEn)},${p.communeCount}`),
  );
  await gateway.copyCsv(
    "gateway.communes",
    ["code", "name", "short_name", "name_en", "kind", "province_code"],
    csv(geo.communes, (c) => `${c.code},${quote(c.name)},${quote(c.shortName)},${quote(c.nameEn)},${c.kind},${c.province.code}`),
  );
  await gateway.copyCsv(
    "gateway.legacy_provinces",
    ["code", "name", "name_en", "successor_code"],
    csv(geo.legacyProvinces, (p) => `${p.code},${quote(p.name)},${quote(p.nameEn)},${p.successorCode}`),
  );
  await gateway.copyCsv(
    "gateway.legacy_districts",
    ["code", "name", "name_en", "province_code"],
    csv(geo.legacyDistricts, (d) => `${d.code},${quote(d.name)},${quote(d.nameEn)},${d.provinceCode}`),
  );
  await gateway.copyCsv(
    "gateway.legacy_communes",
    ["code", "name", "name_en", "district_code", "province_code"],
    csv(geo.legacyCommunes, (c) => `${c.code},${quote(c.name)},${quote(c.nameEn)},${c.districtCode},${c.provinceCode}`),
  );
  await gateway.copyCsv(
    "gateway.legacy_commune_successors",
    ["legacy_code", "successor_code", "merge_type"],
    csv(successors, ([legacy, successor, type]) => `${legacy},${successor},${bare(type)}`),
  );

  return {
    provinces: geo.provinces.length,
    communes: geo.communes.length,
    legacyProvinces: geo.legacyProvinces.length,
    legacyDistricts: geo.legacyDistricts.length,
    legacyCommunes: geo.legacyCommunes.length,
    legacyCommuneSuccessors: successors.length,
  };
}
