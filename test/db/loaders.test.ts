import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCE_NAMES } from "../../src/platform/config.js";
import { migrateSource } from "../../src/platform/db/migrate.js";
import { openSource, type Source } from "../../src/platform/db/source.js";
import { createPopulationLoaders } from "../../src/modules/population/loaders.js";
import { citizens } from "../../src/modules/population/tables.js";
import { boundConditions, fixedTerm, keysetFetch, term } from "../../src/shared/prepared.js";
import { and, count, eq, isNull, like } from "drizzle-orm";
import { testConfig } from "../support/databases.js";

let population: Source;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const made = await testConfig();
  cleanup = made.cleanup;
  population = await openSource(made.config.sources.population);
  await migrateSource(population);
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
