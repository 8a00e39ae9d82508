import * as drizzle from "drizzle-orm";
import { sql } from "drizzle-orm";
import { boolean, date, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { flatRowMapper, type MappedQuery, useFlatRowMapper } from "./row-mapper.js";

// drizzle's own mapper (exported at run time, not typed): what the flat mapper must agree with.
const mapResultRow = (drizzle as unknown as { mapResultRow: (fields: unknown, row: unknown[], joins?: unknown) => unknown }).mapResultRow;

const status = pgEnum("status", ["ACTIVE", "CLOSED"]);
const t = pgTable("t", {
  id: text("id").primaryKey(),
  born: date("born"),
  bornDate: date("born_date", { mode: "date" }),
  count: integer("count"),
  area: numeric("area"),
  alive: boolean("alive"),
  extra: jsonb("extra"),
  status: status("status"),
  at: timestamp("at", { withTimezone: true }),
});

const fields = [
  { path: ["id"], field: t.id },
  { path: ["born"], field: t.born },
  { path: ["bornDate"], field: t.bornDate },
  { path: ["count"], field: t.count },
  { path: ["area"], field: t.area },
  { path: ["alive"], field: t.alive },
  { path: ["extra"], field: t.extra },
  { path: ["status"], field: t.status },
  { path: ["at"], field: t.at },
  { path: ["n"], field: sql<number>`count(*)`.mapWith(Number) },
  { path: ["label"], field: sql<string>`upper(id)`.as("label") },
];
// Values as the drivers hand them over (postgres.js and PGlite give some types as text, some parsed).
const rows: unknown[][] = [
  ["a", "2025-07-01", "2025-07-01", 3, "12.50", true, { k: [1, 2] }, "ACTIVE", "2025-07-01 08:09:10.123+00", "7", "A"],
  ["b", null, null, null, null, false, null, null, null, "0", null],
];

describe("flatRowMapper", () => {
  it("maps every value as drizzle's own mapper does: columns of each kind, SQL with a decoder, aliases, nulls", () => {
    const mapper = flatRowMapper(fields)!;
    expect(mapper).toBeDefined();
    const mine = mapper(rows);
    expect(mine).toEqual(rows.map((row) => mapResultRow(fields, row)));
    expect(mine[0]).toMatchObject({
      id: "a",
      bornDate: new Date("2025-07-01"),
      n: 7,
      label: "A",
      at: new Date("2025-07-01T08:09:10.123Z"),
    });
    expect(mine[1]).toMatchObject({ born: null, n: 0, label: null });
  });

  it("maps a flat selection as drizzle does whatever its joins: drizzle nullifies only nested objects", () => {
    const mapper = flatRowMapper(fields)!;
    for (const joins of [{ t: true }, { t: true, u: false }, { t: false, u: true }])
      expect(mapper(rows), JSON.stringify(joins)).toEqual(rows.map((row) => mapResultRow(fields, row, joins)));
  });

  it("leaves nested selections to drizzle", () => {
    expect(flatRowMapper([{ path: ["person", "id"], field: t.id }])).toBeUndefined();
    expect(flatRowMapper([])).toBeUndefined();
  });
});

describe("useFlatRowMapper", () => {
  it("gives a flat query the mapper, once, joined or not, and leaves the rest as they are", () => {
    const flat: Parameters<typeof useFlatRowMapper>[0] = { fields };
    useFlatRowMapper(flat);
    expect(flat.customResultMapper).toBeTypeOf("function");
    const first = flat.customResultMapper;
    useFlatRowMapper(flat);
    expect(flat.customResultMapper).toBe(first);

    // Every select from a table carries its joins' nullability ({ t: true } with no join at all).
    const selected: MappedQuery & { joinsNotNullableMap: Record<string, boolean> } = { fields, joinsNotNullableMap: { t: true } };
    useFlatRowMapper(selected);
    expect(selected.customResultMapper).toBeTypeOf("function");
    const nested = { fields: [{ path: ["person", "id"], field: t.id }], joinsNotNullableMap: { t: true, u: false } };
    useFlatRowMapper(nested);
    expect(nested).not.toHaveProperty("customResultMapper");
    const own = () => [];
    const relational: Parameters<typeof useFlatRowMapper>[0] = { fields, customResultMapper: own };
    useFlatRowMapper(relational);
    expect(relational.customResultMapper).toBe(own);
    const raw: Parameters<typeof useFlatRowMapper>[0] = {};
    useFlatRowMapper(raw);
    expect(raw.customResultMapper).toBeUndefined();
  });
});
