/**
 * The query cost without a server: every list field of the schema declares its size, the declared sizes cover
 * the data, the calculation multiplies lists (literal and variable pages, fragments, aliases), and every operation
 * the project ships — IDE examples, bench and load scripts, test queries, conformant fixtures — is within the limit.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, parse, validate } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkListSizes,
  largestInGeneratedData,
  largestInReferenceData,
  largestInSchema,
  listFields,
} from "../../scripts/lib/list-sizes.js";
import { costRefusal, MAX_COST_NODES, operationCost } from "../../src/modules/access/cost.js";
import { DEFAULT_LIMITS } from "../../src/modules/access/limits.js";
import { EXAMPLE_OPERATIONS } from "../../src/http/examples.js";
import { buildGatewaySchema } from "../../src/schema.js";
import { listOf } from "../../src/shared/cost.js";
import { pagedConnection } from "../../src/shared/pagination.js";
import { nestedCitizensQuery } from "../support/queries.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { maxCost } = DEFAULT_LIMITS;

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(query), operationName, variables);

// provinces 34 × (1 + code + name + communes 168 × (1 + code + name))
const MAP = `{ provinces { code name communes { code name } } }`;
const MAP_COST = 34 * (1 + 2 + 168 * (1 + 2));
const ATTACK_ONE = `a: provinces { communes { province { communes { code name } } } }`;
// provinces 34 × (1 + communes 168 × (1 + province (1 + communes 168 × (1 + 2))))
const ATTACK_ONE_COST = 34 * (1 + 168 * (1 + (1 + 168 * 3)));

describe("list sizes", () => {
  it("declares a size on every list-returning field, a page on every field with `first`", () => {
    const fields = listFields(schema);
    expect(fields.length).toBeGreaterThan(40);
    const missing = checkListSizes(schema, new Map()).filter((c) => !c.ok && c.declared === undefined);
    expect(missing.map((c) => c.coordinate)).toEqual([]);
    for (const field of fields.filter((f) => f.paged)) expect(field.declared, field.coordinate).toBe("first");
    for (const field of fields.filter((f) => f.coordinate.endsWith("Connection.edges")))
      expect(field.declared, field.coordinate).toBe("page");
  });

  it("finds a list field that declares nothing, and a paged field declared as a fixed list", () => {
    const item = new GraphQLObjectType({ name: "Item", fields: { code: { type: GraphQLString } } });
    const probe = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: "Query",
        fields: {
          forgotten: { type: new GraphQLNonNull(new GraphQLList(item)) },
          sized: { type: new GraphQLList(item), extensions: { complexity: listOf(3) } },
          pagedAsList: { type: new GraphQLList(item), args: { first: { type: GraphQLInt } }, extensions: { complexity: listOf(3) } },
          paged: { type: new GraphQLList(item), args: { first: { type: GraphQLInt } }, extensions: { complexity: pagedConnection } },
        },
      }),
    });
    const checks = checkListSizes(probe, new Map([["Query.sized", 2]]));
    expect(Object.fromEntries(checks.map((c) => [c.coordinate, c.ok]))).toEqual({
      "Query.forgotten": false,
      "Query.paged": true,
      "Query.pagedAsList": false,
      "Query.sized": true,
    });
    expect(
      checkListSizes(probe, new Map([["Query.sized", 4]])).find((c) => c.coordinate === "Query.sized")?.ok,
      "a declared size under the data",
    ).toBe(false);
  });

  it("declares sizes that cover the data: generated citizens, seeds/ and the schema", async () => {
    const largest = new Map([...(await largestInGeneratedData(30_000)), ...largestInReferenceData(), ...largestInSchema(schema)]);
    expect(largest.get("Province.communes")).toBe(168);
    expect(largest.get("Query.provinces")).toBe(34);
    expect(largest.get("Household.members")).toBeGreaterThan(1);
    const checks = checkListSizes(schema, largest);
    expect(checks.filter((c) => !c.ok).map((c) => `${c.coordinate}: declared ${c.declared}, largest ${c.largest}`)).toEqual([]);
  }, 120_000);
});

describe("the cost calculation", () => {
  it("multiplies every list by its declared size", () => {
    expect(cost(MAP)).toBe(MAP_COST);
    expect(cost(`{ ${ATTACK_ONE} }`)).toBe(ATTACK_ONE_COST);
    expect(cost(`{ provinces { code } }`)).toBe(34 * 2);
  });

  it("costs each alias, and the same selection through a fragment or an inline fragment", () => {
    expect(cost(`{ ${ATTACK_ONE} b: provinces { communes { province { communes { code name } } } } }`)).toBe(2 * ATTACK_ONE_COST);
    const spread = `{ provinces { communes { province { ...C } } } } fragment C on Province { communes { code name } }`;
    expect(cost(spread)).toBe(ATTACK_ONE_COST);
    expect(cost(`{ provinces { communes { ... on Commune { province { ... { communes { code name } } } } } } }`)).toBe(ATTACK_ONE_COST);
    expect(cost(`{ ...Q } fragment Q on Query { ${ATTACK_ONE} }`)).toBe(ATTACK_ONE_COST);
    // An abstract type costs its costliest member.
    expect(cost(`{ administrativeUnit(code: "79") { code ... on Province { communes { code } } } }`)).toBe(1 + 1 + 168 * 2);
  });

  it("costs a page by its `first`, literal or variable: 20 when absent, held to 1–100 when out of range", () => {
    const page = (first: string) => `query($n: Int) { citizens(first: ${first}) { edges { node { fullName } } } }`;
    // first × (1 + edges (1 + node (1 + fullName)))
    const perItem = 1 + (1 + (1 + 1));
    expect(cost(page("7"))).toBe(7 * perItem);
    expect(cost(page("$n"), { n: 7 })).toBe(7 * perItem);
    expect(cost(page("$n"), {})).toBe(20 * perItem);
    expect(cost(page("$n"), { n: 500 })).toBe(100 * perItem);
    expect(cost(page("$n"), { n: -3 })).toBe(1 * perItem);
    expect(cost(`query($n: Int!) { citizens(first: $n) { totalCount } }`, {}), "a required variable left out").toBe(20 * 2);
    expect(cost(page("$n"), { n: "many" }), "a value execution refuses").toBeNull();
  });

  it("costs an operation whose other variables are missing or invalid for their scalars", () => {
    expect(cost(`query($id: PersonalId!) { citizen(personalId: $id) { children { fullName } } }`, {})).toBe(1 + 4 * 2);
    expect(cost(`query($id: PersonalId!) { citizen(personalId: $id) { children { fullName } } }`, { id: "not an id" })).toBe(1 + 4 * 2);
  });

  it("refuses with the cost and the limit, and refuses a document that multiplies through its fragments", () => {
    const refusal = costRefusal(schema, parse(`{ ${ATTACK_ONE} }`), undefined, undefined, maxCost);
    expect(refusal?.extensions).toEqual({ code: "QUERY_TOO_COSTLY", cost: ATTACK_ONE_COST, maxCost });
    expect(refusal?.message).toContain(`${ATTACK_ONE_COST}`);
    expect(costRefusal(schema, parse(MAP), undefined, undefined, maxCost)).toBeNull();
    // Each fragment spreads the one below it twice: 2^20 copies of F0 from 21 lines.
    const bomb = `{ ...F20 } fragment F0 on Query { viewer { clientId } } ${Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(" ")}`;
    const started = performance.now();
    const refused = costRefusal(schema, parse(bomb), undefined, undefined, maxCost);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(refused?.extensions).toEqual({ code: "QUERY_TOO_COSTLY", maxCost, maxSelections: MAX_COST_NODES });
  });
});

/** Every GraphQL operation written out in these files (template or string literals without interpolation). */
function operationsIn(files: string[]): { file: string; query: string; name?: string }[] {
  const found: { file: string; query: string; name?: string }[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const literals = file.endsWith(".graphql") ? [text] : [...text.matchAll(/`([^`]*)`|"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1] ?? m[2]);
    for (const literal of literals) {
      if (!literal.includes("{") || literal.includes("${")) continue;
      let document;
      try {
        document = parse(file.endsWith(".graphql") ? literal : literal.replace(/\\"/g, '"'));
      } catch {
        continue;
      }
      if (validate(schema, document).length > 0) continue;
      for (const d of document.definitions) {
        if (d.kind === Kind.OPERATION_DEFINITION) found.push({ file, query: literal, name: d.name?.value });
      }
    }
  }
  return found;
}

describe("the operations the project ships", () => {
  it("are within the limit: IDE examples, the nested question over 100 citizens, the whole public map", () => {
    for (const op of EXAMPLE_OPERATIONS) {
      const c = cost(op.query, op.variables, op.name);
      expect(c, op.name).not.toBeNull();
      expect(c!, op.name).toBeLessThanOrEqual(maxCost);
    }
    expect(cost(nestedCitizensQuery("$first"), { first: 100 })).toBe(cost(nestedCitizensQuery("100")));
    expect(cost(nestedCitizensQuery("100"))!).toBeLessThanOrEqual(maxCost);
    expect(cost(MAP)!).toBeLessThanOrEqual(maxCost);
  });

  it("are within the limit: every operation written in bench/, scripts/, the test suites and the conformant fixtures", () => {
    const listed = execFileSync("git", ["ls-files", "bench", "scripts", "test"], { cwd: ROOT, encoding: "utf8" }).split("\n");
    const files = listed.filter(
      (f) =>
        (/\.(ts|mjs)$/.test(f) && !/^test\/access\/(limits|list-cost)\.test\.ts$/.test(f) && !f.startsWith("test/conformance/fixtures")) ||
        /^test\/conformance\/fixtures\/conformant\/.*\.graphql$/.test(f),
    );
    const operations = operationsIn(files);
    const fromFile = (prefix: string) => operations.filter((o) => o.file.startsWith(prefix)).length;
    expect(fromFile("bench/"), "bench operations found").toBeGreaterThanOrEqual(3);
    expect(fromFile("scripts/load.ts"), "load operations found").toBeGreaterThanOrEqual(5);
    expect(fromFile("test/conformance/fixtures/conformant"), "conformant fixtures found").toBeGreaterThanOrEqual(2);
    const over = operations
      .map((o) => ({ ...o, cost: operationCost(schema, parse(o.query), o.name, {}) }))
      .filter((o) => o.cost === null || o.cost > maxCost)
      .map((o) => `${o.file} ${o.name ?? "(anonymous)"}: ${o.cost}`);
    expect(over).toEqual([]);
  });
});
