/**
 * Seeds a small data set into in-memory PGlite (or throwaway Postgres with TEST_DB=postgres) and checks real
 * invariants by querying it: personal ids, family links, households, commune codes, land and business rules,
 * identity cards, the edge cases the API relies on, restored indexes, and determinism.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCE_NAMES } from "../../src/platform/config.js";
import { migrateSource } from "../../src/platform/db/migrate.js";
import { openSource } from "../../src/platform/db/source.js";
import { generateDataset, isSeeded, type SeedSummary, seedDatabases } from "../../src/seed/index.js";
import { testConfig } from "../support/databases.js";
import { SeedFacts, type Sources } from "./invariants.js";

const CITIZENS = 2000;
const SEED = 2025;

async function openAll(): Promise<{ sources: Sources; cleanup: () => Promise<void> }> {
  const { config, cleanup } = await testConfig();
  const sources = Object.fromEntries(
    await Promise.all(SOURCE_NAMES.map(async (name) => [name, await openSource(config.sources[name])] as const)),
  ) as Sources;
  await Promise.all(Object.values(sources).map(migrateSource));
  return {
    sources,
    cleanup: async () => {
      await Promise.allSettled(Object.values(sources).map((s) => s.close()));
      await cleanup();
    },
  };
}

async function indexNames(sources: Sources): Promise<string[]> {
  const names: string[] = [];
  for (const name of SOURCE_NAMES) {
    const rows = await sources[name].raw<{ name: string }>(
      `SELECT schemaname || '.' || indexname || ' ' || indexdef AS name FROM pg_indexes WHERE schemaname = '${name}' ORDER BY 1`,
    );
    names.push(...rows.map((r) => r.name));
  }
  return names;
}

/** A digest of every citizen row in key order (all columns, updated_at included). */
async function citizensDigest(sources: Sources): Promise<string> {
  const rows = await sources.population.raw<Record<string, unknown>>("SELECT * FROM population.citizens ORDER BY personal_id");
  const hash = createHash("sha256");
  for (const row of rows) hash.update(JSON.stringify(Object.values(row).map((v) => (v instanceof Date ? v.toISOString() : v))));
  return hash.digest("hex");
}

let first: { sources: Sources; cleanup: () => Promise<void> };
let summary: SeedSummary;
let facts: SeedFacts;
let indexesBefore: string[];

beforeAll(async () => {
  first = await openAll();
  indexesBefore = await indexNames(first.sources);
  expect(await isSeeded(first.sources)).toBe(false);
  summary = await seedDatabases(first.sources, { citizens: CITIZENS, seed: SEED, reset: true });
  facts = await SeedFacts.load(first.sources);
});

afterAll(async () => {
  await first?.cleanup();
});

describe("seeded data", () => {
  it("has the reference map and about the requested number of rows", async () => {
    expect(await isSeeded(first.sources)).toBe(true);
    expect(summary.rows["gateway.provinces"]).toBe(34);
    expect(summary.rows["gateway.communes"]).toBe(3321);
    expect(summary.rows["gateway.legacy_provinces"]).toBe(63);
    expect(summary.rows["gateway.legacy_districts"]).toBe(696);
    expect(summary.rows["gateway.legacy_communes"]).toBeGreaterThanOrEqual(10035);
    expect(summary.rows["gateway.legacy_commune_successors"]).toBe(10604);
    expect(summary.citizens).toBeGreaterThanOrEqual(CITIZENS);
    expect(summary.citizens).toBeLessThan(CITIZENS + 10);
    expect(facts.citizens.size).toBe(summary.citizens);
    const parcels = summary.rows["land.parcels"];
    expect(parcels / summary.citizens).toBeGreaterThan(0.4);
    expect(parcels / summary.citizens).toBeLessThan(0.7);
    expect(summary.rows["business.enterprises"]).toBeCloseTo(summary.citizens / 25, -1);
    expect(summary.rows["business.household_businesses"]).toBeCloseTo(summary.citizens / 40, -1);
    const [hcm] = await first.sources.gateway.raw<{ successor_code: string }>(
      "SELECT successor_code FROM gateway.legacy_provinces WHERE code = '74'",
    );
    expect(hcm.successor_code).toBe("79");
  });

  it("gives every citizen a valid personal id matching sex, birth year and birth-registration province", () => {
    expect(facts.personalIds()).toEqual([]);
  });

  it("keeps family links consistent (parents 18–45 years older, symmetric adult spouses, widowhood)", () => {
    expect(facts.family()).toEqual([]);
  });

  it("keeps households consistent with the family tree", async () => {
    expect(await facts.households()).toEqual([]);
  });

  it("uses only existing 2025 commune codes, and legacy codes only for split communes where required", async () => {
    expect(await facts.communeCodes()).toEqual([]);
  });

  it("links land holders to existing citizens and enterprises, with shares summing to 100", async () => {
    expect(await facts.land()).toEqual([]);
  });

  it("gives enterprises valid tax codes, one legal representative and owners matching the legal form", async () => {
    expect(await facts.business()).toEqual([]);
  });

  it("issues identity cards consistently with age, dates and death", async () => {
    expect(await facts.identityCards()).toEqual([]);
  });

  it("contains the edge cases the API is demonstrated on", async () => {
    const one = async (source: keyof Sources, sql: string) => Number((await first.sources[source].raw<{ n: string | number }>(sql))[0].n);
    const deceased = [...facts.citizens.values()].filter((c) => c.date_of_death).length;
    expect(deceased / facts.citizens.size).toBeGreaterThan(0.01);
    expect(deceased / facts.citizens.size).toBeLessThan(0.05);
    expect(await one("business", "SELECT count(*) AS n FROM business.enterprises WHERE status = 'DISSOLVED'")).toBeGreaterThan(0);
    expect(await one("business", "SELECT count(*) AS n FROM business.enterprises WHERE status = 'SUSPENDED'")).toBeGreaterThan(0);
    expect(await one("business", "SELECT count(*) AS n FROM business.branches")).toBeGreaterThan(0);
    expect(await one("land", "SELECT count(*) AS n FROM land.encumbrances WHERE released_on IS NULL")).toBeGreaterThan(0);
    expect(await one("land", "SELECT count(*) AS n FROM land.encumbrances WHERE released_on IS NOT NULL")).toBeGreaterThan(0);
    expect(
      await one(
        "land",
        "SELECT count(*) AS n FROM (SELECT certificate_serial FROM land.holders GROUP BY 1 HAVING count(*) = 2 AND min(share_percent) = 50) t",
      ),
    ).toBeGreaterThan(0);
    expect(await one("land", "SELECT count(*) AS n FROM land.holders WHERE kind = 'ENTERPRISE'")).toBeGreaterThan(0);
    expect(await one("land", "SELECT count(*) AS n FROM land.transfers")).toBeGreaterThan(0);
    expect(
      await one("population", "SELECT count(*) AS n FROM population.households WHERE legacy_commune_code IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(
      await one("population", "SELECT count(*) AS n FROM population.citizens WHERE hometown_legacy_commune_code IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(
      await one("population", "SELECT count(*) AS n FROM population.citizens WHERE temporary_commune_code IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(await one("population", "SELECT count(*) AS n FROM population.citizens WHERE date_of_birth >= '2025-07-01'")).toBeGreaterThan(0);
    const holders = new Set(
      (
        await first.sources.land.raw<{ id: string }>("SELECT DISTINCT personal_id AS id FROM land.holders WHERE personal_id IS NOT NULL")
      ).map((r) => r.id),
    );
    const landless = [...facts.citizens.keys()].filter((id) => !holders.has(id)).length;
    expect(landless).toBeGreaterThan(0);
    expect(holders.size).toBeGreaterThan(0);
    const kinh = [...facts.citizens.values()].filter((c) => (c as unknown as { ethnicity_code: string }).ethnicity_code === "01").length;
    expect(kinh / facts.citizens.size).toBeGreaterThan(0.7);
    expect(kinh / facts.citizens.size).toBeLessThan(0.95);
  });

  it("restores every index and moves serial sequences past the loaded ids", async () => {
    expect(await indexNames(first.sources)).toEqual(indexesBefore);
    const [card] = await first.sources.population.raw<{ id: number }>(
      "INSERT INTO population.identity_cards (personal_id, card_type, number, issued_on, issuing_authority, status) VALUES ('001090000001', 'CAN_CUOC', '001090000001', '2025-01-01', 'Bộ Công an', 'VALID') RETURNING id",
    );
    expect(card.id).toBe(summary.rows["population.identity_cards"] + 1);
    await first.sources.population.raw(`DELETE FROM population.identity_cards WHERE id = ${card.id}`);
  });

  it("refuses to seed over existing data without reset", async () => {
    await expect(seedDatabases(first.sources, { citizens: 10, seed: SEED })).rejects.toThrow(/already holds data/);
  });
});

describe("determinism", () => {
  /** A digest of the generated CSV of every table, without a database. */
  async function generatedDigest(seed: number): Promise<string> {
    const hash = createHash("sha256");
    await generateDataset({ citizens: CITIZENS, seed, onChunk: (chunk) => void hash.update(chunk.table).update(chunk.data) });
    return hash.digest("hex");
  }

  it("gives identical citizen rows when seeding again with the same seed", async () => {
    const digest = await citizensDigest(first.sources);
    await seedDatabases(first.sources, { citizens: CITIZENS, seed: SEED, reset: true });
    expect(await citizensDigest(first.sources)).toBe(digest);
  });

  it("generates byte-identical data for the same seed and different data for another", async () => {
    const digest = await generatedDigest(SEED);
    expect(await generatedDigest(SEED)).toBe(digest);
    expect(await generatedDigest(SEED + 1)).not.toBe(digest);
  });
});
