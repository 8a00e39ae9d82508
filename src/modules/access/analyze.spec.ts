/**
 * Which access-controlled fields an operation selects, found from the document and the `@access` declarations:
 * on a small schema written for it, then on the published schema.graphql with the policy deciding, as the access
 * plugin does before anything runs.
 */
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { analyzeOperation, reachableDefinitions } from "./analyze.js";
import type { Client } from "./clients.js";
import { fieldAccess, subjectDeclarations, typeAccess } from "./directive.js";
import { checkAccess } from "./policy.js";
import { agencyClient } from "../../../test/support/clients.js";

const DIRECTIVES = `
  enum DataSource { POPULATION LAND BUSINESS }
  enum DataClass { BASIC SENSITIVE }
  enum SubjectKind { CITIZEN ENTERPRISE LAND_PARCEL HOUSEHOLD_BUSINESS }
  directive @access(source: DataSource!, class: DataClass! = BASIC) on OBJECT | FIELD_DEFINITION
  directive @subject(kind: SubjectKind!, key: String, argument: String) repeatable on OBJECT | FIELD_DEFINITION
`;

const small = buildSchema(`${DIRECTIVES}
  type Query {
    person(id: String!): Person @access(source: POPULATION) @subject(kind: CITIZEN, argument: "id")
    provinces: [Province]
  }
  type Mutation { file: Person @access(source: POPULATION) }
  type Person @access(source: POPULATION) @subject(kind: CITIZEN, key: "id") {
    id: String
    name: String
    religion: String @access(source: POPULATION, class: SENSITIVE)
    parcels: [Parcel] @access(source: LAND)
    province: Province
  }
  type Parcel @access(source: LAND) @subject(kind: CITIZEN, key: "personalId") @subject(kind: ENTERPRISE, key: "enterpriseCode") {
    id: String
    personalId: String
    enterpriseCode: String
  }
  type Province { code: String name: String }
`);

const uses = (query: string, operationName?: string) =>
  analyzeOperation(small, parse(query), operationName).map((u) => ({
    coordinate: u.coordinate,
    source: u.access.source,
    class: u.access.class,
    root: u.root,
  }));

describe("analyzeOperation", () => {
  it("finds nothing in an operation on public data", () => {
    expect(uses("{ provinces { code name } }")).toEqual([]);
  });

  it("gives a type's declaration to each of its fields, a field's own declaration first", () => {
    expect(uses('{ person(id: "1") { name religion parcels { id } province { name } } }')).toEqual([
      { coordinate: "Query.person", source: "population", class: "basic", root: true },
      { coordinate: "Person.name", source: "population", class: "basic", root: false },
      { coordinate: "Person.religion", source: "population", class: "sensitive", root: false },
      { coordinate: "Person.parcels", source: "land", class: "basic", root: false },
      { coordinate: "Parcel.id", source: "land", class: "basic", root: false },
      { coordinate: "Person.province", source: "population", class: "basic", root: false },
    ]);
  });

  it("marks mutation fields as root fields", () => {
    expect(uses("mutation { file { name } }").map((u) => [u.coordinate, u.root])).toEqual([
      ["Mutation.file", true],
      ["Person.name", false],
    ]);
  });

  it("lists a field once however often it is selected, with up to five of its places", () => {
    const aliases = Array.from({ length: 7 }, (_, i) => `p${i}: person(id: "${i}") { name }`).join("\n");
    const [root, name] = analyzeOperation(small, parse(`{\n${aliases}\n}`));
    expect(root.coordinate).toBe("Query.person");
    expect(root.locations.map((l) => l.line)).toEqual([2, 3, 4, 5, 6]);
    expect(name.coordinate).toBe("Person.name");
    expect(name.locations).toHaveLength(5);
  });

  it("reads the fragments the operation reaches, through other fragments too", () => {
    const query = `
      fragment Deep on Person { religion }
      fragment Outer on Person { name ...Deep }
      fragment Unused on Parcel { personalId }
      { person(id: "1") { ...Outer } }`;
    expect(uses(query).map((u) => u.coordinate)).toEqual(["Query.person", "Person.name", "Person.religion"]);
  });

  it("reads only the named operation and its fragments, each operation of a document on its own", () => {
    const document = parse(`
      fragment Sensitive on Person { religion }
      query Public { provinces { code } }
      query Private { person(id: "1") { ...Sensitive } }`);
    expect(analyzeOperation(small, document, "Public")).toEqual([]);
    expect(analyzeOperation(small, document, "Private").map((u) => u.coordinate)).toEqual(["Query.person", "Person.religion"]);
    expect(analyzeOperation(small, document, "Public")).toEqual([]);
    expect(analyzeOperation(small, document, "Nope")).toEqual([]);
  });

  it("survives a fragment cycle (validation refuses it later)", () => {
    const document = parse(`
      fragment A on Person { name ...B }
      fragment B on Person { religion ...A }
      { person(id: "1") { ...A } }`);
    expect(reachableDefinitions(document).map((d) => (d.kind === "FragmentDefinition" ? d.name.value : "operation"))).toEqual([
      "operation",
      "A",
      "B",
    ]);
    expect(analyzeOperation(small, document).map((u) => u.coordinate)).toEqual(["Query.person", "Person.name", "Person.religion"]);
  });
});

describe("the declarations", () => {
  it("reads @access on a type and on a field", () => {
    const person = small.getType("Person")!;
    const province = small.getType("Province")!;
    expect(typeAccess(person)).toEqual({ source: "population", class: "basic" });
    expect(typeAccess(province)).toBeUndefined();
    const fields = small.getQueryType()!.getFields();
    expect(fieldAccess(small.getQueryType()!, fields.provinces)).toBeUndefined();
    expect(fieldAccess(small.getQueryType()!, fields.person)).toEqual({ source: "population", class: "basic" });
  });

  it("reads every @subject of a type in order, and a root field's argument", () => {
    expect(subjectDeclarations(small.getType("Parcel")!.astNode)).toEqual([
      { kind: "CITIZEN", key: "personalId" },
      { kind: "ENTERPRISE", key: "enterpriseCode" },
    ]);
    expect(subjectDeclarations(small.getQueryType()!.getFields().person.astNode)).toEqual([{ kind: "CITIZEN", argument: "id" }]);
    expect(subjectDeclarations(small.getType("Province")!.astNode)).toEqual([]);
  });
});

describe("the published schema, decided by the policy", () => {
  const published = buildSchema(fs.readFileSync(path.resolve(import.meta.dirname, "../../../schema.graphql"), "utf8"));
  const agency = (grants: Client["grants"]) => agencyClient(...grants);
  const BIRTH = { procedure: "1.001193", caseId: "HS-1" };
  const query = parse(`{ citizen(personalId: "001085012345") {
    fullName dateOfBirth religion ethnicity { code } identityCards { number }
    landParcels { sharePercent parcel { areaM2 } } } }`);

  it("holds religion and ethnic origin as sensitive data (Decree 13/2023/NĐ-CP, art. 2)", () => {
    const refusal = checkAccess(
      analyzeOperation(published, query),
      agency([{ sources: ["population", "land"], classes: ["basic"], procedures: [BIRTH.procedure] }]),
      BIRTH,
    );
    expect(refusal?.errors.map((e) => e.extensions?.field)).toEqual(["Citizen.religion", "Citizen.ethnicity"]);
  });

  it("holds land held by a person as land data, needing a land grant", () => {
    const refusal = checkAccess(
      analyzeOperation(published, query),
      agency([{ sources: ["population"], classes: ["basic", "sensitive"], procedures: [BIRTH.procedure] }]),
      BIRTH,
    );
    const missing = refusal?.errors.map((e) => e.extensions?.missingGrant as { source: string }) ?? [];
    expect(missing.length).toBeGreaterThan(0);
    expect(new Set(missing.map((m) => m.source))).toEqual(new Set(["land"]));
    expect(refusal?.errors.map((e) => e.extensions?.field)).toContain("Citizen.landParcels");
  });

  it("lets a client holding every grant the operation needs read it", () => {
    const everything = agency([{ sources: ["population", "land"], classes: ["basic", "sensitive"], procedures: [BIRTH.procedure] }]);
    expect(checkAccess(analyzeOperation(published, query), everything, BIRTH)).toBeNull();
  });
});
