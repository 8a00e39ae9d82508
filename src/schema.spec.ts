/**
 * The query cost on the gateway's own schema (built from the resolvers, no database): the list sizes the fields
 * declare, what the refusal's message promises of them, and the limit against the operations it must admit or
 * refuse. Expected costs are worked out from the declared sizes, not read off the calculation.
 */
import { type GraphQLObjectType, type GraphQLSchema, parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, costError, operationCost } from "./modules/access/index.js";
import { buildGatewaySchema } from "./schema.js";
import { declaredListSize } from "./shared/cost.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];
const sizeOf = (type: string, name: string) => declaredListSize(field(type, name).extensions);
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), undefined, variables);

describe("the gateway schema's list sizes", () => {
  it("are what a costly query's refusal says they are", () => {
    const message = costError(DEFAULT_LIMITS.maxCost + 1, DEFAULT_LIMITS.maxCost)!.message;
    const provinces = Number(/provinces by (\d+)/.exec(message)?.[1]);
    const communes = Number(/communes by (\d+)/.exec(message)?.[1]);
    expect(sizeOf("Query", "provinces")).toBe(provinces);
    expect(sizeOf("Province", "communes")).toBe(communes);
  });

  it("charge connections their page", () => {
    expect(sizeOf("Query", "citizens")).toBe("first");
    expect(sizeOf("CitizenConnection", "edges")).toBe("page");
  });
});

describe("the query cost on the gateway schema", () => {
  it("multiplies nested lists by their declared sizes", () => {
    const provinces = sizeOf("Query", "provinces") as number;
    const communes = sizeOf("Province", "communes") as number;
    expect(cost("{ provinces { code communes { code name } } }")).toBe(provinces * (1 + 1 + communes * (1 + 2)));
  });

  it("charges a page of citizens by its `first`, from a literal or a variable", () => {
    const page = (first: number) => first * (1 + (1 + (1 + 1)));
    expect(cost("{ citizens(first: 10) { edges { node { fullName } } } }")).toBe(page(10));
    expect(cost("query($n: Int) { citizens(first: $n) { edges { node { fullName } } } }", { n: 7 })).toBe(page(7));
  });

  it("admits the whole public map, and refuses the map nested inside itself", () => {
    expect(cost("{ provinces { code name communes { code name } } }")).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(cost("{ provinces { communes { province { communes { code } } } } }")).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });

  it("lets a request hold one conformance check and refuses a second, whatever they select", () => {
    const check = (alias: string) => `${alias}: checkConformance(input: {}) { conformant }`;
    expect(cost(`{ ${check("a")} }`)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(cost(`{ ${check("a")} ${check("b")} }`)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });
});
