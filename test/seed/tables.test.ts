/**
 * The generator's COPY column lists must follow the drizzle tables (which another module owns): every column it
 * writes exists, and every NOT NULL column without a default is written.
 */
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { adminUnitTables } from "../../src/modules/admin-units/tables.js";
import { businessTables } from "../../src/modules/business/tables.js";
import { landTables } from "../../src/modules/land/tables.js";
import { populationTables } from "../../src/modules/population/tables.js";
import { SEED_TABLES } from "../../src/seed/tables.js";

const drizzleTables = new Map<string, PgTable>();
for (const table of Object.values({ ...populationTables, ...landTables, ...businessTables, ...adminUnitTables }) as PgTable[]) {
  const config = getTableConfig(table);
  drizzleTables.set(`${config.schema}.${config.name}`, table);
}

describe("seed table specs", () => {
  for (const spec of Object.values(SEED_TABLES)) {
    it(`${spec.table} writes existing columns and every required one`, () => {
      const table = drizzleTables.get(spec.table);
      expect(table, `${spec.table} is not a drizzle table`).toBeDefined();
      const columns = getTableConfig(table!).columns;
      const names = columns.map((c) => c.name);
      expect(spec.columns.filter((c) => !names.includes(c))).toEqual([]);
      const required = columns
        .filter((c) => c.notNull && !c.hasDefault && !(spec.columns as readonly string[]).includes(c.name))
        .map((c) => c.name);
      expect(required).toEqual([]);
    });
  }
});
