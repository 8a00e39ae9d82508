import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCE_NAMES } from "../../src/platform/config.js";
import { migrateSource } from "../../src/platform/db/migrate.js";
import { openSource, type Source } from "../../src/platform/db/source.js";
import { createPopulationLoaders } from "../../src/modules/population/loaders.js";
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
