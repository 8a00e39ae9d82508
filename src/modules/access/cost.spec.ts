/**
 * The query cost on small documents against a small schema that declares its list sizes with the real estimators
 * (listOf, pagedConnection, connectionPage). Expected costs are worked out from the rule, not read off the code:
 * a field costs 1 plus what it selects, a list that times its size.
 */
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  parse,
} from "graphql";
import { describe, expect, it } from "vitest";
import { listOf } from "../../shared/cost.js";
import { connectionPage, pagedConnection } from "../../shared/pagination.js";
import { MAX_COST_NODES, costError, costRefusal, operationCost } from "./cost.js";

const PROVINCES = 34;
const COMMUNES = 168;
const CHILDREN = 4;

/** A scalar that refuses anything but 12 digits, as PersonalId does. */
const PersonalId = new GraphQLScalarType({
  name: "PersonalId",
  parseValue: (value) => {
    if (typeof value !== "string" || !/^\d{12}$/.test(value)) throw new TypeError("not a personal id");
    return value;
  },
});

const Commune: GraphQLObjectType = new GraphQLObjectType({
  name: "Commune",
  fields: { code: { type: GraphQLString }, name: { type: GraphQLString } },
});
const Province: GraphQLObjectType = new GraphQLObjectType({
  name: "Province",
  fields: {
    code: { type: GraphQLString },
    name: { type: GraphQLString },
    communes: { type: new GraphQLList(Commune), extensions: { complexity: listOf(COMMUNES) } },
  },
});
const Citizen: GraphQLObjectType = new GraphQLObjectType({
  name: "Citizen",
  fields: () => ({
    fullName: { type: GraphQLString },
    children: { type: new GraphQLList(Citizen), extensions: { complexity: listOf(CHILDREN) } },
  }),
});
const CitizenEdge = new GraphQLObjectType({ name: "CitizenEdge", fields: { cursor: { type: GraphQLString }, node: { type: Citizen } } });
const CitizenConnection = new GraphQLObjectType({
  name: "CitizenConnection",
  fields: { edges: { type: new GraphQLList(CitizenEdge), extensions: { complexity: connectionPage } }, totalCount: { type: GraphQLInt } },
});
const Unit = new GraphQLUnionType({ name: "Unit", types: [Province, Commune] });

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      provinces: { type: new GraphQLList(Province), extensions: { complexity: listOf(PROVINCES) } },
      citizens: { type: CitizenConnection, args: { first: { type: GraphQLInt } }, extensions: { complexity: pagedConnection } },
      citizen: { type: Citizen, args: { personalId: { type: new GraphQLNonNull(PersonalId) } } },
      unit: { type: Unit, args: { code: { type: new GraphQLNonNull(GraphQLString) } } },
    },
  }),
});

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(query), operationName, variables);

describe("operationCost", () => {
  it("charges a field 1 and a list its size times what each item selects", () => {
    expect(cost('{ citizen(personalId: "001085012345") { fullName } }')).toBe(1 + 1);
    expect(cost("{ provinces { code name } }")).toBe(PROVINCES * (1 + 2));
  });

  it("multiplies at every level of lists", () => {
    expect(cost("{ provinces { code communes { code name } } }")).toBe(PROVINCES * (1 + 1 + COMMUNES * (1 + 2)));
    expect(cost('{ citizen(personalId: "001085012345") { children { children { fullName } } } }')).toBe(
      1 + CHILDREN * (1 + CHILDREN * (1 + 1)),
    );
  });

  it("counts every alias", () => {
    expect(cost("{ a: provinces { code } b: provinces { code } c: provinces { code } }")).toBe(3 * PROVINCES * (1 + 1));
  });

  it("charges a connection its page: the `first` given, 20 when none is", () => {
    // citizens × first, each item: edges (1) + node (1) + fullName (1).
    const page = (first: number) => first * (1 + (1 + (1 + 1)));
    expect(cost("{ citizens(first: 5) { edges { node { fullName } } } }")).toBe(page(5));
    expect(cost("{ citizens { edges { node { fullName } } } }")).toBe(page(20));
  });

  it("reads the page size from the request's variables", () => {
    const query = "query($n: Int) { citizens(first: $n) { edges { node { fullName } } } }";
    const page = (first: number) => first * (1 + (1 + (1 + 1)));
    expect(cost(query, { n: 50 })).toBe(page(50));
    expect(cost(query, {})).toBe(page(20));
    // The same parsed document costs again with other variables.
    const document = parse(query);
    expect(operationCost(schema, document, undefined, { n: 2 })).toBe(page(2));
    expect(operationCost(schema, document, undefined, { n: 3 })).toBe(page(3));
  });

  it("costs one parsed document again wherever its variables change the cost, and alike where they do not", () => {
    const document = parse(
      "query($id: PersonalId, $n: Int, $full: Boolean!) { citizen(personalId: $id) { fullName } citizens(first: $n) { edges { node { fullName @include(if: $full) } } } }",
    );
    const page = (first: number, selected: number) => first * (1 + (1 + (1 + selected)));
    const costOf = (variables: Record<string, unknown>) => operationCost(schema, document, undefined, variables);
    expect(costOf({ id: "001090000001", n: 5, full: true })).toBe(2 + page(5, 1));
    // Another person: the same cost (no estimator reads a personal id).
    expect(costOf({ id: "001090000002", n: 5, full: true })).toBe(2 + page(5, 1));
    // Another page size, another cost; and a directive's variable counts too.
    expect(costOf({ id: "001090000002", n: 7, full: true })).toBe(2 + page(7, 1));
    expect(costOf({ id: "001090000002", n: 7, full: false })).toBe(2 + page(7, 0));
    expect(costOf({ id: "001090000001", n: 5, full: true })).toBe(2 + page(5, 1));
  });

  it("holds an out-of-range page to 1–100, which the list itself refuses with a better message", () => {
    const page = (first: number) => first * (1 + (1 + (1 + 1)));
    expect(cost("{ citizens(first: 1000) { edges { node { fullName } } } }")).toBe(page(100));
    expect(cost("{ citizens(first: 0) { edges { node { fullName } } } }")).toBe(page(1));
    expect(cost("{ citizens(first: -5) { edges { node { fullName } } } }")).toBe(page(1));
  });

  it("costs an operation whose required variable was left out as though it were absent", () => {
    const page = (first: number) => first * (1 + (1 + (1 + 1)));
    expect(cost("query($n: Int!) { citizens(first: $n) { edges { node { fullName } } } }", {})).toBe(page(20));
    expect(cost("query($id: PersonalId!) { citizen(personalId: $id) { fullName } }", undefined)).toBe(2);
  });

  it("costs an operation whatever its custom scalars hold: holding values to their types is execution's", () => {
    expect(cost("query($id: PersonalId!) { citizen(personalId: $id) { fullName } }", { id: "not an id" })).toBe(2);
    expect(cost('{ citizen(personalId: "x") { fullName } }')).toBe(2);
  });

  it("is null when a variable does not fit its built-in type", () => {
    expect(cost("query($n: Int) { citizens(first: $n) { totalCount } }", { n: "many" })).toBeNull();
  });

  it("counts a fragment wherever it is spread", () => {
    const query = `
      fragment Names on Commune { code name }
      { provinces { communes { ...Names } } a: provinces { communes { ...Names } } }`;
    expect(cost(query)).toBe(2 * PROVINCES * (1 + COMMUNES * (1 + 2)));
  });

  it("takes the costliest member of a union", () => {
    const query = '{ unit(code: "01") { ... on Province { communes { code } } ... on Commune { code name } } }';
    expect(cost(query)).toBe(1 + COMMUNES * (1 + 1));
  });

  it("costs the named operation, each of a document's own", () => {
    const document = parse('query Small { citizen(personalId: "001085012345") { fullName } } query Big { provinces { code } }');
    expect(operationCost(schema, document, "Small", null)).toBe(2);
    expect(operationCost(schema, document, "Big", null)).toBe(PROVINCES * 2);
    expect(operationCost(schema, document, "Small", null)).toBe(2);
    expect(operationCost(schema, document, "Missing", null)).toBeNull();
  });

  it("gives up on a document that expands past MAX_COST_NODES selections, as infinitely costly", () => {
    // Each fragment spreads the one below it twice: 2^16 copies of `code` once written out.
    const levels = 16;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Commune { ...F${i + 1} ...F${i + 1} }`).join("\n");
    const query = `${fragments}\nfragment F${levels} on Commune { code }\n{ unit(code: "01") { ... on Commune { ...F0 } } }`;
    expect(2 ** levels).toBeGreaterThan(MAX_COST_NODES);
    expect(cost(query)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("costError", () => {
  it("refuses only a cost over the limit, saying the cost and the limit", () => {
    expect(costError(null, 100)).toBeNull();
    expect(costError(100, 100)).toBeNull();
    const error = costError(101, 100);
    expect(error?.code).toBe("QUERY_TOO_COSTLY");
    expect(error?.extensions).toMatchObject({ cost: 101, maxCost: 100 });
    expect(error?.message).toContain("101");
  });

  it("says of a document past the selection bound that it expands too far, not what it costs", () => {
    const error = costError(Number.POSITIVE_INFINITY, 100);
    expect(error?.code).toBe("QUERY_TOO_COSTLY");
    expect(error?.extensions).toMatchObject({ maxCost: 100, maxSelections: MAX_COST_NODES });
    expect(error?.extensions.cost).toBeUndefined();
  });

  it("composes with the cost in costRefusal", () => {
    const document = parse("{ provinces { communes { code } } }");
    const total = PROVINCES * (1 + COMMUNES * 2);
    expect(costRefusal(schema, document, undefined, null, total)).toBeNull();
    expect(costRefusal(schema, document, undefined, null, total - 1)?.extensions).toMatchObject({ cost: total, maxCost: total - 1 });
  });
});
