/**
 * The administrative map as the generator sees it, read from seeds/admin-units/*.csv: the 34 provinces and
 * 3,321 communes of 2025, the 63 / 696 / 10,035 units before 1 July 2025, and the old → new succession.
 * The same model feeds the gateway's reference tables (reference.ts), so seeded data and the registry agree.
 */
import { readCsvRecords, seedFile } from "./csv.js";
import { AdminUnitRegistry } from "../modules/admin-units/index.js";

export type CommuneKind = "XA" | "PHUONG" | "DAC_KHU";
export type Region = "north-mountain" | "north-delta" | "north-central" | "south-central" | "highlands" | "south-east" | "mekong";

export interface Province {
  code: string;
  name: string;
  nameEn: string;
  /** Name without "Tỉnh " / "Thành phố ", e.g. "Hà Nội". */
  shortName: string;
  communeCount: number;
  /** Codes of the pre-2025 provinces merged into this one. */
  mergedFrom: string[];
  region: Region;
  /** Approximate 2025 population in millions (used as a weight). */
  population: number;
  communes: Commune[];
  /** Pre-2025 communes of the provinces merged into this one. */
  oldCommunes: LegacyCommune[];
  /** Pre-2025 communes that were split between several new communes, in this province. */
  splitOldCommunes: LegacyCommune[];
}

export interface Commune {
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
  kind: CommuneKind;
  province: Province;
  /** Pre-2025 communes (listed in old_communes.csv) merged wholly or partly into this one. */
  predecessors: LegacyCommune[];
  /** Position within its province (0-based), for codes derived from the commune. */
  indexInProvince: number;
  /** Position in the national list (0-based). */
  index: number;
}

export interface LegacyProvince {
  code: string;
  name: string;
  nameEn: string;
  successorCode: string;
}

export interface LegacyDistrict {
  code: string;
  name: string;
  nameEn: string;
  provinceCode: string;
}

export interface LegacyCommune {
  code: string;
  name: string;
  nameEn: string;
  districtCode: string;
  provinceCode: string;
  /** False for the few codes known only from the succession table (see reference.ts). */
  listed: boolean;
  successors: { code: string; mergeType: "FULL" | "PARTIAL" }[];
}

export interface Geography {
  provinces: Province[];
  provinceByCode: Map<string, Province>;
  communes: Commune[];
  communeByCode: Map<string, Commune>;
  legacyProvinces: LegacyProvince[];
  legacyProvinceByCode: Map<string, LegacyProvince>;
  legacyDistricts: LegacyDistrict[];
  legacyCommunes: LegacyCommune[];
  legacyCommuneByCode: Map<string, LegacyCommune>;
  /** All listed pre-2025 communes (birth registration places). */
  listedOldCommunes: LegacyCommune[];
}

/**
 * Approximate population of the 34 provinces in 2025, in millions: sums of the 2024 populations of the
 * provinces each was merged from (GSO estimates, rounded). Weights, not statistics.
 */
const POPULATION_MILLIONS: Record<string, number> = {
  "01": 8.7,
  "04": 0.55,
  "08": 1.87,
  "11": 0.64,
  "12": 0.48,
  "14": 1.3,
  "15": 1.78,
  "19": 1.8,
  "20": 0.8,
  "22": 1.36,
  "24": 3.6,
  "25": 4.0,
  "31": 4.1,
  "33": 3.6,
  "37": 3.8,
  "38": 3.7,
  "40": 3.4,
  "42": 1.3,
  "44": 1.6,
  "46": 1.2,
  "48": 3.0,
  "51": 2.2,
  "52": 3.6,
  "56": 2.2,
  "66": 3.3,
  "68": 3.9,
  "75": 4.4,
  "79": 14.0,
  "80": 3.2,
  "82": 3.4,
  "86": 3.3,
  "91": 3.7,
  "92": 3.2,
  "96": 2.1,
};

const REGIONS: Record<Region, string[]> = {
  "north-mountain": ["04", "08", "11", "12", "14", "15", "19", "20"],
  "north-delta": ["01", "22", "24", "25", "31", "33", "37"],
  "north-central": ["38", "40", "42", "44", "46"],
  "south-central": ["48", "51", "56"],
  highlands: ["52", "66", "68"],
  "south-east": ["75", "79", "80"],
  mekong: ["82", "86", "91", "92", "96"],
};

/** "Xã Nham Sơn" → "Nham Son": diacritics removed, case kept (for English names the sources lack). */
export function asciiName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

function stripUnitPrefix(name: string): string {
  return name.replace(/^(Thành phố|Tỉnh|Xã|Phường|Thị trấn|Đặc khu|Huyện|Quận|Thị xã) /, "");
}

function kindOf(fullName: string): CommuneKind {
  if (fullName.startsWith("Xã ")) return "XA";
  if (fullName.startsWith("Phường ")) return "PHUONG";
  if (fullName.startsWith("Đặc khu ")) return "DAC_KHU";
  throw new Error(`wards_3321.csv: cannot tell the kind of "${fullName}" (expected Xã / Phường / Đặc khu)`);
}

let cached: Geography | undefined;

/** Reads and links the reference CSVs once per process. */
export function loadGeography(): Geography {
  if (cached) return cached;
  const dir = "admin-units";
  const regionOf = new Map<string, Region>();
  for (const [region, codes] of Object.entries(REGIONS) as [Region, string[]][]) for (const c of codes) regionOf.set(c, region);

  const provinces: Province[] = readCsvRecords(seedFile(dir, "provinces_34.csv")).map((r) => ({
    code: r.code,
    name: r.full_name,
    nameEn: r.name_en,
    shortName: stripUnitPrefix(r.full_name),
    communeCount: Number(r.n_total),
    mergedFrom: r.merged_from_old.split(";").map((s) => s.trim().slice(0, 2)),
    region: regionOf.get(r.code) ?? "north-delta",
    population: POPULATION_MILLIONS[r.code] ?? 1,
    communes: [],
    oldCommunes: [],
    splitOldCommunes: [],
  }));
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));

  const communes: Commune[] = readCsvRecords(seedFile(dir, "wards_3321.csv")).map((r, index) => {
    const province = provinceByCode.get(r.province_code);
    if (!province) throw new Error(`wards_3321.csv: commune ${r.code} names unknown province ${r.province_code}`);
    const commune: Commune = {
      code: r.code,
      name: r.full_name,
      shortName: r.name,
      nameEn: r.name_en,
      kind: kindOf(r.full_name),
      province,
      predecessors: [],
      indexInProvince: province.communes.length,
      index,
    };
    province.communes.push(commune);
    return commune;
  });
  const communeByCode = new Map(communes.map((c) => [c.code, c]));

  const legacyProvinceSuccessor = new Map(readCsvRecords(seedFile(dir, "old_to_new_province.csv")).map((r) => [r.old_code, r.new_code]));
  const legacyProvinces: LegacyProvince[] = readCsvRecords(seedFile(dir, "old_provinces_63.csv")).map((r) => {
    const successorCode = legacyProvinceSuccessor.get(r.code);
    if (!successorCode) throw new Error(`old_to_new_province.csv has no successor for old province ${r.code}`);
    return { code: r.code, name: r.full_name, nameEn: r.name_en, successorCode };
  });
  const legacyProvinceByCode = new Map(legacyProvinces.map((p) => [p.code, p]));

  const legacyDistricts: LegacyDistrict[] = readCsvRecords(seedFile(dir, "old_districts.csv")).map((r) => ({
    code: r.code,
    name: r.full_name,
    nameEn: r.name_en,
    provinceCode: r.province_code,
  }));
  const districtByCode = new Map(legacyDistricts.map((d) => [d.code, d]));

  const legacyCommunes: LegacyCommune[] = readCsvRecords(seedFile(dir, "old_communes.csv")).map((r) => ({
    code: r.code,
    name: r.full_name,
    nameEn: r.name_en,
    districtCode: r.district_code,
    provinceCode: r.province_code,
    listed: true,
    successors: [],
  }));
  const legacyCommuneByCode = new Map(legacyCommunes.map((c) => [c.code, c]));
  const listedOldCommunes = legacyCommunes.slice();

  for (const r of readCsvRecords(seedFile(dir, "old_to_new_commune.csv"))) {
    let legacy = legacyCommuneByCode.get(r.old_code);
    if (!legacy) {
      // Known only from the succession table: 13 communes missing from old_communes.csv and 4 island districts
      // that had no communes (3-digit district codes such as 318 Bạch Long Vĩ). The district of the 13 is not
      // in the sources, so it is recorded as '000' (unknown); an island district is its own district.
      const district = districtByCode.get(r.old_code);
      legacy = {
        code: r.old_code,
        name: r.old_name,
        nameEn: stripUnitPrefix(asciiName(r.old_name)),
        districtCode: district ? district.code : "000",
        provinceCode: r.old_province_code || district?.provinceCode || r.new_province_code,
        listed: false,
        successors: [],
      };
      legacyCommunes.push(legacy);
      legacyCommuneByCode.set(legacy.code, legacy);
    }
    const mergeType = r.merge_type.toUpperCase() as "FULL" | "PARTIAL";
    if (!legacy.successors.some((s) => s.code === r.new_code)) legacy.successors.push({ code: r.new_code, mergeType });
    const successor = communeByCode.get(r.new_code);
    if (!successor) throw new Error(`old_to_new_commune.csv names unknown new commune ${r.new_code}`);
    if (legacy.listed) successor.predecessors.push(legacy);
  }

  for (const legacy of listedOldCommunes) {
    const province = provinceByCode.get(legacyProvinceByCode.get(legacy.provinceCode)?.successorCode ?? "");
    if (!province) continue;
    province.oldCommunes.push(legacy);
    // Split communes whose parts all stayed in this province: a legacy address there still has a known province.
    if (legacy.successors.length > 1 && legacy.successors.every((s) => communeByCode.get(s.code)?.province === province)) {
      province.splitOldCommunes.push(legacy);
    }
  }

  cached = {
    provinces,
    provinceByCode,
    communes,
    communeByCode,
    legacyProvinces,
    legacyProvinceByCode,
    legacyDistricts,
    legacyCommunes,
    legacyCommuneByCode,
    listedOldCommunes,
  };
  return cached;
}

/** The 2025 commune a legacy code resolves to when one must be chosen: the FULL successor if any, else the first. */
export function preferredSuccessor(legacy: LegacyCommune): string {
  return (legacy.successors.find((s) => s.mergeType === "FULL") ?? legacy.successors[0]).code;
}

/**
 * The same registry straight from the reference files in seeds/ (no database): what the conformance command
 * checks codes against, so a provincial CI needs nothing but this package.
 */
export function registryFromGeography(geo: Geography): AdminUnitRegistry {
  const byCode = <T extends { code: string }>(rows: T[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
  const successionRows = geo.legacyCommunes
    .flatMap((c) => c.successors.map((s) => ({ legacyCode: c.code, successorCode: s.code, mergeType: s.mergeType })))
    .sort((a, b) => a.legacyCode.localeCompare(b.legacyCode) || a.successorCode.localeCompare(b.successorCode));
  return AdminUnitRegistry.build({
    provinceRows: byCode(geo.provinces).map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, communeCount: p.communeCount })),
    communeRows: byCode(geo.communes).map((c) => ({
      code: c.code,
      name: c.name,
      shortName: c.shortName,
      nameEn: c.nameEn,
      kind: c.kind,
      provinceCode: c.province.code,
    })),
    legacyProvinceRows: byCode(geo.legacyProvinces),
    legacyDistrictRows: byCode(geo.legacyDistricts),
    legacyCommuneRows: byCode(geo.legacyCommunes),
    successionRows,
  });
}
