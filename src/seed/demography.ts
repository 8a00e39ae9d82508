/**
 * Who lives where: ethnic groups by province (2019 census sizes placed in their home provinces) and religion
 * by region. Approximations meant to look plausible in aggregate, not statistics.
 */
import type { Geography, Province, Region } from "./geography.js";
import { Weighted } from "./random.js";

/** [GSO code, 2019 census population in thousands, 2025 home provinces]. Kinh (01) takes the remainder. */
const MINORITIES: [string, number, string[]][] = [
  ["02", 1845, ["04", "20", "08", "19", "15"]],
  ["03", 1820, ["14", "11", "12", "38", "40", "15"]],
  ["04", 750, ["79", "75", "92", "91"]],
  ["05", 1319, ["86", "92", "91", "96"]],
  ["06", 1452, ["25", "38", "14"]],
  ["07", 1083, ["20", "04", "08", "19", "24", "66"]],
  ["08", 1393, ["08", "14", "11", "12", "15"]],
  ["09", 891, ["08", "15", "04", "20", "22"]],
  ["10", 513, ["52"]],
  ["11", 1.6, ["22"]],
  ["12", 398, ["66"]],
  ["13", 286, ["52", "51"]],
  ["14", 212, ["51"]],
  ["15", 201, ["08", "19", "24"]],
  ["16", 200, ["68"]],
  ["17", 179, ["56", "91", "68"]],
  ["18", 183, ["19", "22", "24", "25"]],
  ["19", 149, ["51"]],
  ["20", 127, ["68", "66"]],
  ["21", 146, ["56"]],
  ["22", 100, ["75"]],
  ["23", 94, ["44"]],
  ["24", 91, ["40", "38"]],
  ["25", 67, ["15", "12", "08"]],
  ["26", 75, ["48", "46"]],
  ["27", 64, ["51", "48"]],
  ["28", 50, ["68", "75"]],
  ["29", 90, ["40", "14", "11"]],
  ["30", 40, ["51"]],
  ["31", 52, ["46", "44"]],
  ["32", 29, ["75"]],
  ["33", 16, ["14", "11", "12"]],
  ["34", 29, ["14"]],
  ["35", 25, ["12", "11", "15"]],
  ["36", 23, ["68"]],
  ["37", 17, ["11", "12", "14"]],
  ["38", 15, ["08"]],
  ["39", 10, ["14"]],
  ["40", 12, ["15"]],
  ["41", 12, ["12"]],
  ["42", 6.7, ["12"]],
  ["43", 4.8, ["08", "04"]],
  ["44", 7.5, ["44"]],
  ["45", 4.6, ["12"]],
  ["46", 8, ["08"]],
  ["47", 4, ["08"]],
  ["48", 2.7, ["11"]],
  ["49", 3.2, ["15"]],
  ["50", 0.9, ["12"]],
  ["51", 0.9, ["08"]],
  ["52", 0.5, ["51"]],
  ["53", 0.4, ["40"]],
  ["54", 0.6, ["51"]],
];

/** Share of each group living outside its home provinces (migration for work, mostly to the cities). */
const DISPERSED = 0.05;

/** Ethnicity pickers per 2025 province code. */
export function ethnicityByProvince(geo: Geography): Map<string, Weighted<string>> {
  const total = geo.provinces.reduce((s, p) => s + p.population, 0);
  const weights = new Map<string, Map<string, number>>(geo.provinces.map((p) => [p.code, new Map()]));
  for (const [code, thousands, home] of MINORITIES) {
    const homeProvinces = home.map((c) => geo.provinceByCode.get(c)).filter((p): p is Province => !!p);
    const homePopulation = homeProvinces.reduce((s, p) => s + p.population, 0);
    for (const p of geo.provinces) {
      let w = (DISPERSED * thousands * p.population) / total;
      if (homeProvinces.includes(p)) w += ((1 - DISPERSED) * thousands * p.population) / homePopulation;
      weights.get(p.code)!.set(code, w);
    }
  }
  const result = new Map<string, Weighted<string>>();
  for (const p of geo.provinces) {
    const w = weights.get(p.code)!;
    const minorities = [...w.values()].reduce((s, x) => s + x, 0);
    const kinh = Math.max(p.population * 1000 - minorities, p.population * 50);
    result.set(p.code, new Weighted([["01", kinh], ...w]));
  }
  return result;
}

/** Religion pickers per region; null is "no religion" (about 86% nationally). */
export function religionByRegion(): Map<Region, Weighted<string | null>> {
  const base: [string | null, number][] = [
    [null, 86.5],
    ["Công giáo", 6],
    ["Phật giáo", 5],
    ["Tin lành", 1],
    ["Cao Đài", 0.3],
    ["Phật giáo Hòa Hảo", 0.1],
    ["Hồi giáo", 0.05],
  ];
  const adjust = (changes: Record<string, number>): Weighted<string | null> =>
    new Weighted(base.map(([name, w]) => [name, name !== null && name in changes ? changes[name] : w] as const));
  return new Map<Region, Weighted<string | null>>([
    ["north-mountain", adjust({ "Tin lành": 3, "Phật giáo": 2 })],
    ["north-delta", adjust({ "Công giáo": 7, "Phật giáo": 4 })],
    ["north-central", adjust({ "Công giáo": 8 })],
    ["south-central", adjust({ "Phật giáo": 7, "Hồi giáo": 0.3 })],
    ["highlands", adjust({ "Tin lành": 5, "Công giáo": 9 })],
    ["south-east", adjust({ "Cao Đài": 2.5, "Phật giáo": 7, "Công giáo": 8 })],
    ["mekong", adjust({ "Phật giáo Hòa Hảo": 4, "Cao Đài": 1.5, "Phật giáo": 7 })],
  ]);
}
