import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCE_NAMES } from "../../src/platform/config.js";
import { migrateSource } from "../../src/platform/db/migrate.js";
import { openSource, type Source } from "../../src/platform/db/source.js";
import { createPopulationLoaders } from "../../src/modules/population/loaders.js";
import { createLandLoaders } from "../../src/modules/land/loaders.js";
import { citizens } from "../../src/modules/population/tables.js";
import { boundConditions, fixedTerm, keysetFetch, term } from "../../src/shared/prepared.js";
import { and, count, eq, isNull, like, sql } from "drizzle-orm";
import { TEST_DB, testConfig } from "../support/databases.js";
import type { SourceConfig } from "../../src/platform/config.js";

let population: Source;
let land: Source;
let populationConfig: SourceConfig;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const made = await testConfig();
  cleanup = made.cleanup;
  populationConfig = made.config.sources.population;
  population = await openSource(made.config.sources.population);
  await migrateSource(population);
  land = await openSource(made.config.sources.land);
  await migrateSource(land);
  // Parcel A: two certificates (one replaced) and two encumbrances (one released); parcel B: a certificate only.
  // The newest of each has the lowest serial, id, name and amount: only the date orders them newest first.
  await land.raw(`insert into land.parcels (id, commune_code, province_code, map_sheet_number, parcel_number, area_m2, land_use_purpose, address_line)
    values ('00004-1-1', '00004', '01', 1, 1, 120.5, 'ODT', 'A'), ('00004-1-2', '00004', '01', 1, 2, 80, 'ODT', 'B')`);
  await land.raw(`insert into land.certificates (serial, parcel_id, issued_on, issuing_authority, status) values
    ('AA 000001', '00004-1-1', '2020-06-01', 'Sở TN&MT', 'ACTIVE'), ('AA 000002', '00004-1-1', '2010-05-01', 'Sở TN&MT', 'REPLACED'),
    ('AA 000003', '00004-1-2', '2015-01-01', 'Sở TN&MT', 'ACTIVE')`);
  await land.raw(`insert into land.encumbrances (parcel_id, certificate_serial, lender_name, secured_amount, registered_on, released_on) values
    ('00004-1-1', 'AA 000001', 'Ngân hàng X', 1500000000, '2021-03-01', null),
    ('00004-1-1', 'AA 000002', 'Ngân hàng Y', 2500000000, '2012-03-01', '2018-03-01')`);
  const rows = ["001090000001", "001090000002", "001190000003"].map(
    (id, i) => `('${id}', 'Người ${i}', 'nguoi ${i}', '${i === 2 ? "FEMALE" : "MALE"}', '1990-01-0${i + 1}', '01', '01', 'SINGLE')`,
  );
  await population.raw(
    `insert into population.citizens (personal_id, full_name, search_name, sex, date_of_birth, ethnicity_code, permanent_province_code, marital_status) values ${rows.join(",")}`,
  );
  expect(SOURCE_NAMES).toContain(population.name);
});

afterAll(async () => {
  await population?.close();
  await land?.close();
  await cleanup?.();
});

describe("batched loaders", () => {
  it("answers many keys with one statement, in key order, null for unknown keys", async () => {
    const loaders = createPopulationLoaders(population.db);
    const before = population.statements.count;
    const seen: string[] = [];
    const listen = (e: { sql: string }) => seen.push(e.sql);
    population.listeners.add(listen);
    const result = await Promise.all(["001190000003", "001099999999", "001090000001"].map((id) => loaders.citizen.load(id)));
    population.listeners.delete(listen);
    expect(population.statements.count - before).toBe(1);
    expect(seen[0]).toMatch(/"personal_id" = any\(\$1::char\(12\)\[\]\)/);
    expect(result.map((r) => r?.personalId ?? null)).toEqual(["001190000003", null, "001090000001"]);
    expect(result[0]?.dateOfBirth).toBe("1990-01-03");
  });

  it("keeps the primary-key index usable for = ANY($1)", async () => {
    await population.raw("set enable_seqscan = off");
    const plan = await population.raw<Record<string, string>>(
      `explain select * from population.citizens where personal_id = any('{001090000001,001090000002}'::char(12)[])`,
    );
    await population.raw("set enable_seqscan = on");
    expect(plan.map((r) => Object.values(r)[0]).join("\n")).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
  });
});

describe.runIf(TEST_DB === "postgres")("lookups by key on Postgres", () => {
  it("keeps one generic plan per batch statement on the lookups' connections; the others plan for the values", async () => {
    // One connection a pool, so the prepared statements read back are that connection's.
    const source = await openSource({ ...populationConfig, poolSize: 1 });
    try {
      const plansOf = async (db: typeof source.db) => {
        for (let i = 0; i < 8; i++) await createPopulationLoaders(db).citizen.load(i % 2 ? "001090000001" : "001190000003");
        const rows = (await db.execute(
          sql`select generic_plans, custom_plans from pg_prepared_statements where statement like '%"population"."citizens"%= any(%' and statement not like '%pg_prepared_statements%'`,
        )) as unknown as { generic_plans: string; custom_plans: string }[];
        expect(rows).toHaveLength(1);
        return { generic: Number(rows[0].generic_plans), custom: Number(rows[0].custom_plans) };
      };
      expect(await plansOf(source.lookups)).toEqual({ generic: 8, custom: 0 });
      // The other connections keep PostgreSQL's default: the first executions at least are planned for their values.
      expect((await plansOf(source.db)).custom).toBeGreaterThanOrEqual(5);
      const [mode] = (await source.db.execute(sql`show plan_cache_mode`)) as unknown as { plan_cache_mode: string }[];
      expect(mode.plan_cache_mode).toBe("auto");
    } finally {
      await source.close();
    }
  });

  it("gives the gateway's own database, which has no loaders, one pool", async () => {
    const gateway = await openSource({ ...populationConfig, name: "gateway", poolSize: 1 });
    try {
      expect(gateway.lookups).toBe(gateway.db);
      const [mode] = (await gateway.lookups.execute(sql`show plan_cache_mode`)) as unknown as { plan_cache_mode: string }[];
      expect(mode.plan_cache_mode).toBe("auto");
    } finally {
      await gateway.close();
    }
  });
});

describe("paired group loaders", () => {
  const statementsOf = async <T>(fn: () => Promise<T>): Promise<{ result: T; seen: string[] }> => {
    const seen: string[] = [];
    const listen = (e: { sql: string }) => seen.push(e.sql);
    land.listeners.add(listen);
    try {
      return { result: await fn(), seen };
    } finally {
      land.listeners.delete(listen);
    }
  };
  const parcels = ["00004-1-1", "00004-1-2", "00004-9-9"];

  it("answers a parcel's certificates and encumbrances asked in one tick with one statement, as each alone would", async () => {
    const alone = createLandLoaders(land.db);
    const certificatesAlone = await statementsOf(() => Promise.all(parcels.map((id) => alone.certificatesOfParcel.load(id))));
    const encumbrancesAlone = await statementsOf(() => Promise.all(parcels.map((id) => alone.encumbrancesOfParcel.load(id))));
    expect(certificatesAlone.seen).toHaveLength(1);
    expect(certificatesAlone.seen[0]).not.toMatch(/union/i);
    expect(encumbrancesAlone.seen).toHaveLength(1);

    const paired = createLandLoaders(land.db);
    const together = await statementsOf(() =>
      Promise.all([
        Promise.all(parcels.map((id) => paired.certificatesOfParcel.load(id))),
        Promise.all(parcels.map((id) => paired.encumbrancesOfParcel.load(id))),
      ]),
    );
    expect(together.seen).toHaveLength(1);
    expect(together.seen[0]).toMatch(/union all/i);
    const [certificates, encumbrances] = together.result;
    expect(certificates).toEqual(certificatesAlone.result);
    expect(encumbrances).toEqual(encumbrancesAlone.result);
    // Newest first, every column typed as its own statement types it, nothing of the other table's.
    expect(certificates.map((list) => list.map((c) => c.serial))).toEqual([["AA 000001", "AA 000002"], ["AA 000003"], []]);
    expect(encumbrances.map((list) => list.map((e) => e.lenderName))).toEqual([["Ngân hàng X", "Ngân hàng Y"], [], []]);
    expect(encumbrances[0][0]).toMatchObject({ securedAmount: 1500000000, releasedOn: null, registeredOn: "2021-03-01" });
    expect(encumbrances[0][1].releasedOn).toBe("2018-03-01");
    expect(certificates[0][0].updatedAt).toBeInstanceOf(Date);
    expect(Object.keys(certificates[0][0]).sort()).toEqual(Object.keys(certificatesAlone.result[0][0]).sort());
  });

  it("caches each side on its own: a second load of either runs nothing", async () => {
    const loaders = createLandLoaders(land.db);
    await Promise.all([loaders.certificatesOfParcel.load(parcels[0]), loaders.encumbrancesOfParcel.load(parcels[1])]);
    const again = await statementsOf(() =>
      Promise.all([loaders.certificatesOfParcel.load(parcels[0]), loaders.encumbrancesOfParcel.load(parcels[1])]),
    );
    expect(again.seen).toHaveLength(0);
    expect(again.result[0].map((c) => c.serial)).toEqual(["AA 000001", "AA 000002"]);
    expect(again.result[1]).toEqual([]);
  });
});

describe("filtered keyset pages", () => {
  const page = (terms: ReturnType<typeof term>[]) =>
    keysetFetch(population.db, "test.citizens", citizens.personalId, terms, () => population.db.select().from(citizens));
  const sqlOf = async (run: () => Promise<unknown>) => {
    const seen: string[] = [];
    const listen = (e: { sql: string }) => seen.push(e.sql);
    population.listeners.add(listen);
    try {
      await run();
    } finally {
      population.listeners.delete(listen);
    }
    return seen;
  };

  it("binds every filter's value: one statement text for one set of filters, whatever the values", async () => {
    const bySex = (sex: string) => page([term("sex", sex, (v) => eq(citizens.sex, v)), fixedTerm("alive", isNull(citizens.dateOfDeath))]);
    let male: { personalId: string }[] = [];
    let female: { personalId: string }[] = [];
    const [maleSql] = await sqlOf(async () => (male = await bySex("MALE")(null, 10)));
    const [femaleSql] = await sqlOf(async () => (female = await bySex("FEMALE")(null, 10)));
    expect(male.map((r) => r.personalId)).toEqual(["001090000001", "001090000002"]);
    expect(female.map((r) => r.personalId)).toEqual(["001190000003"]);
    expect(maleSql).toBe(femaleSql);
    expect(maleSql).not.toMatch(/MALE/);
    expect(maleSql).toMatch(/"sex" = \$1/);
  });

  it("pages after a key, in key order, at most the limit, and a new shape for a new set of filters", async () => {
    const named = page([term("name", "nguoi%", (v) => like(citizens.searchName, v))]);
    expect((await named(null, 2)).map((r) => r.personalId)).toEqual(["001090000001", "001090000002"]);
    const [afterSql] = await sqlOf(async () =>
      expect((await named("001090000001", 5)).map((r) => r.personalId)).toEqual(["001090000002", "001190000003"]),
    );
    expect(afterSql).toMatch(/"personal_id" > \$2/);
    expect((await page([])("001090000002", 5)).map((r) => r.personalId)).toEqual(["001190000003"]);
  });

  it("gives a count the same conditions with their values in place", async () => {
    const terms = [term("sex", "MALE", (v) => eq(citizens.sex, v))];
    const [{ n }] = await population.db
      .select({ n: count() })
      .from(citizens)
      .where(and(...boundConditions(terms)));
    expect(n).toBe(2);
  });
});
