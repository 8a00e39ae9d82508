/**
 * The loader factories over a fake batch function: key order, one batch per tick, and the one statement shape
 * every batch uses, rendered by drizzle's Postgres dialect.
 */
import { PgDialect, char, pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { anyKey, anyOf, batchQuery, groupLoader, rowLoader } from "./loaders.js";

interface Row {
  key: string;
  value: number;
}

/** A batch function that answers in an order of its own and records each batch it is asked. */
function source(rows: Row[]) {
  const batches: string[][] = [];
  const fetch = async (keys: readonly string[]) => {
    batches.push([...keys]);
    return rows.filter((r) => keys.includes(r.key)).reverse();
  };
  return { batches, fetch };
}

describe("rowLoader", () => {
  it("answers each key its row, in key order, null for a key with none, in one batch", async () => {
    const { batches, fetch } = source([
      { key: "a", value: 1 },
      { key: "b", value: 2 },
      { key: "c", value: 3 },
    ]);
    const loader = rowLoader(fetch, (row) => row.key);
    const answers = await Promise.all(["c", "x", "a"].map((k) => loader.load(k)));
    expect(answers).toEqual([{ key: "c", value: 3 }, null, { key: "a", value: 1 }]);
    expect(batches).toEqual([["c", "x", "a"]]);
  });

  it("asks each key once per loader", async () => {
    const { batches, fetch } = source([{ key: "a", value: 1 }]);
    const loader = rowLoader(fetch, (row) => row.key);
    await Promise.all([loader.load("a"), loader.load("a")]);
    await loader.load("a");
    expect(batches).toEqual([["a"]]);
  });
});

describe("groupLoader", () => {
  it("answers each key all its rows, in the order fetched, an empty list for a key with none", async () => {
    const { batches, fetch } = source([
      { key: "a", value: 1 },
      { key: "b", value: 2 },
      { key: "a", value: 3 },
    ]);
    const loader = groupLoader(fetch, (row) => row.key);
    const answers = await Promise.all(["b", "a", "z"].map((k) => loader.load(k)));
    expect(answers).toEqual([
      [{ key: "b", value: 2 }],
      [
        { key: "a", value: 3 },
        { key: "a", value: 1 },
      ],
      [],
    ]);
    expect(batches).toHaveLength(1);
  });
});

describe("anyKey", () => {
  const people = pgTable("people", { personalId: char("personal_id", { length: 12 }).primaryKey(), name: text("name") });

  it("binds the batch's keys as one array parameter cast to the column's own type", () => {
    const query = new PgDialect().sqlToQuery(anyKey(people.personalId));
    expect(query.sql).toBe('"people"."personal_id" = any($1::char(12)[])');
    expect(new PgDialect().sqlToQuery(anyKey(people.name)).sql).toBe('"people"."name" = any($1::text[])');
  });
});

describe("batchQuery", () => {
  it("prepares a statement once per database and name, and runs it with each batch's keys", async () => {
    const prepared: string[] = [];
    const executed: unknown[] = [];
    const build = () => ({
      prepare(name: string) {
        prepared.push(name);
        return { execute: async (values: Record<string, unknown>) => (executed.push(values), [] as unknown[]) };
      },
    });
    const db1 = {};
    const db2 = {};
    await batchQuery(db1, "population.citizen", build)(["a", "b"]);
    await batchQuery(db1, "population.citizen", build)(["c"]);
    await batchQuery(db2, "population.citizen", build)(["d"]);
    await batchQuery(db1, "land.parcel", build)(["e"]);
    // Prepared statement names are identifiers: the dot is not one.
    expect(prepared).toEqual(["population_citizen", "population_citizen", "land_parcel"]);
    expect(executed).toEqual([{ keys: ["a", "b"] }, { keys: ["c"] }, { keys: ["d"] }, { keys: ["e"] }]);
  });
});

describe("anyOf", () => {
  const people = pgTable("people", { personalId: char("personal_id", { length: 12 }).primaryKey(), name: text("name") });

  it("is one statement text whatever the number of values, the values bound as one array", () => {
    const one = new PgDialect().sqlToQuery(anyOf(people.personalId, ["001090000001"]));
    const three = new PgDialect().sqlToQuery(anyOf(people.personalId, ["001090000001", "001090000002", "001090000003"]));
    expect(one.sql).toBe('"people"."personal_id" = any($1::char(12)[])');
    expect(three.sql).toBe(one.sql);
    expect(three.params).toEqual([["001090000001", "001090000002", "001090000003"]]);
  });
});
