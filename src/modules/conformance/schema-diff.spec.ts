/**
 * A provincial system's schema compared with a small national one, type by type: what would break a consumer
 * written against the national schema, and where in their file it is.
 */
import { buildSchema, getIntrospectionQuery, graphqlSync } from "graphql";
import { describe, expect, it } from "vitest";
import { ConformanceInputError } from "./inputs.js";
import { Findings } from "./report.js";
import { checkSchema, loadProvincialSchema } from "./schema-diff.js";

const NATIONAL = buildSchema(`
  enum DataSource { POPULATION LAND BUSINESS }
  enum DataClass { BASIC SENSITIVE }
  directive @access(source: DataSource!, class: DataClass! = BASIC) on OBJECT | FIELD_DEFINITION
  interface Node { id: ID! }
  type Query { citizen(personalId: String!): Citizen }
  type Citizen implements Node @access(source: POPULATION) {
    id: ID!
    personalId: String!
    fullName: String!
    dateOfBirth: String!
    religion: String @access(source: POPULATION, class: SENSITIVE)
    sex: Sex!
    address: Address
  }
  enum Sex { MALE FEMALE }
  type Address { line: String communeCode: String }
`);

async function compare(sdl: string, map: Record<string, string> = {}) {
  const findings = new Findings();
  const compared = await checkSchema({ name: "theirs.graphql", content: sdl }, NATIONAL, findings, map);
  return { compared, findings: findings.all() };
}

const CONFORMING = `
type Citizen {
  personalId: String!
  fullName: String!
  dateOfBirth: String!
  religion: String
  sex: Sex!
  address: Address
  extra: Int
}
enum Sex { MALE FEMALE }
type Address { line: String communeCode: String }
`;

describe("checkSchema", () => {
  it("finds nothing in a schema that keeps every national field, whatever it adds; the gateway's ids and @access are its own", async () => {
    expect(await compare(CONFORMING)).toEqual({ compared: 3, findings: [] });
  });

  it("reports the fields a shared type lacks once per type, naming them", async () => {
    const { findings } = await compare(CONFORMING.replace("  fullName: String!\n", "").replace("  dateOfBirth: String!\n", ""));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "SCHEMA_BREAKING", path: "Citizen", found: "FIELD_REMOVED × 2", line: 2, column: 1 });
    expect(findings[0].message).toContain("fullName, dateOfBirth");
  });

  it("reports a changed field type where it is in their file", async () => {
    const { findings } = await compare(CONFORMING.replace("dateOfBirth: String!", "dateOfBirth: Int!"));
    expect(findings).toEqual([
      expect.objectContaining({ rule: "SCHEMA_BREAKING", path: "Citizen.dateOfBirth", file: "theirs.graphql", line: 5, column: 3 }),
    ]);
  });

  it("tells what may break from what will: a value added to an enum is dangerous", async () => {
    const { findings } = await compare(CONFORMING.replace("enum Sex { MALE FEMALE }", "enum Sex { MALE FEMALE OTHER }"));
    expect(findings.map((f) => [f.rule, f.path])).toEqual([["SCHEMA_DANGEROUS", "Sex.OTHER"]]);
  });

  it("says so when no type can be compared, and compares none", async () => {
    const { compared, findings } = await compare("type CongDan { soDinhDanh: String }");
    expect(compared).toBe(0);
    expect(findings).toEqual([expect.objectContaining({ rule: "SCHEMA_NO_SHARED_TYPES", severity: "WARNING", found: "CongDan" })]);
  });

  it("compares types named otherwise once they are mapped to the national names, naming theirs in messages", async () => {
    const vietnamese = CONFORMING.replace("type Citizen", "type CongDan")
      .replace("type Address", "type DiaChi")
      .replace("address: Address", "address: DiaChi")
      .replace("  fullName: String!\n", "");
    const { compared, findings } = await compare(vietnamese, { CongDan: "Citizen", DiaChi: "Address" });
    expect(compared).toBe(3);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("(their CongDan)");
    expect(findings[0].message).toContain("fullName");
  });

  it("refuses a type map that names a type neither schema has, or that would clash", async () => {
    await expect(compare(CONFORMING, { CongDan: "Citizen" })).rejects.toThrow(/has no type CongDan/);
    await expect(compare("type CongDan { a: String }", { CongDan: "Nobody" })).rejects.toThrow(/national schema has no type Nobody/);
    await expect(compare(`${CONFORMING}\ntype CongDan { a: String }`, { CongDan: "Citizen" })).rejects.toThrow(
      /already has a type Citizen/,
    );
  });
});

describe("loadProvincialSchema", () => {
  const load = (name: string, content: string) => loadProvincialSchema({ name, content });
  const refused = (name: string, content: string) => {
    try {
      load(name, content);
    } catch (error) {
      expect(error).toBeInstanceOf(ConformanceInputError);
      return error as ConformanceInputError;
    }
    throw new Error("expected the schema to be refused");
  };

  it("reads SDL without a query root of its own", () => {
    expect(load("s.graphql", "type Citizen { personalId: String }").getType("Citizen")).toBeDefined();
  });

  it("reads an introspection result, bare or under data", () => {
    const introspection = graphqlSync({ schema: NATIONAL, source: getIntrospectionQuery() }).data!;
    expect(load("s.json", JSON.stringify(introspection)).getType("Citizen")).toBeDefined();
    expect(load("s.json", JSON.stringify({ data: introspection })).getType("Address")).toBeDefined();
  });

  it("refuses JSON that is not an introspection result", () => {
    expect(refused("s.json", '{ "types": [] }').message).toMatch(/introspection result with __schema/);
  });

  it("refuses SDL that does not parse, at the place it stops", () => {
    expect(refused("s.graphql", "type Citizen {\n  personalId String\n}").extensions).toMatchObject({
      file: "s.graphql",
      line: 2,
      column: 14,
    });
  });

  it("names an unknown type and where it is used", () => {
    const error = refused("s.graphql", "type Citizen {\n  address: Adress\n}");
    expect(error.message).toContain('unknown type "Adress"');
    expect(error.extensions).toMatchObject({ line: 2, column: 12 });
  });

  it("refuses a schema graphql-js finds invalid, with its place", () => {
    const error = refused("s.graphql", "interface Named { name: String }\ntype Citizen implements Named {\n  personalId: String\n}");
    expect(error.message).toContain("not a valid GraphQL schema");
    expect(error.extensions.line).not.toBeNull();
  });
});
