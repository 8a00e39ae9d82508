/**
 * The contract frontend teams build on: global object identification (Node ids unique across types, `node` and
 * `nodes` through the same checks and audit trail as the direct lookups), every error code in the schema's
 * ErrorCode enum, every custom scalar specified in docs/scalars.md, enums and national scalars where values form
 * a closed set or hold a national code, typed dossier subjects, and @oneOf.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  getNamedType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CITIZEN_KEY, DEMO_CIVIL_STATUS_KEY } from "../../src/modules/access/demo.js";
import { costRefusal } from "../../src/modules/access/cost.js";
import { DEFAULT_LIMITS } from "../../src/modules/access/limits.js";
import { NODE_TYPES } from "../../src/modules/nodes/registry.js";
import { toRequest } from "../../src/modules/procedures/index.js";
import { ERROR_CODE_NAMES, ERROR_CODES } from "../../src/platform/errors.js";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";
import { auditRowsOf } from "../support/personal-ids.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let gw: TestGateway;
let me: string;
const CITIZEN = { authorization: `Bearer ${DEMO_CITIZEN_KEY}` };
const CIVIL_STATUS = {
  authorization: `Bearer ${DEMO_CIVIL_STATUS_KEY}`,
  "x-purpose-procedure": "1.001193",
  "x-purpose-case": "HS-CONTRACT-1",
};

/** Global ids of each kind, with the natural key each stands for. */
const ids: Record<string, { id: string; key: string }[]> = {};

beforeAll(async () => {
  gw = await startTestGateway({
    citizens: 600,
    configure: (c) => ({ ...c, access: { ...c.access, rateLimitPerMinute: 0, anonymousRateLimitPerMinute: 0 } }),
  });
  me = gw.app.demo!.citizenPersonalId!;
  const { body } = await gw.query(`{
    citizens(first: 40) { edges { node { id personalId household { id code } householdBusinesses { id registrationNumber } } } }
    landParcels(first: 5) { edges { node { id parcelId certificates { id serial } } } }
    enterprises(first: 40) { edges { node { id code branches { id code } } } }
    procedures { id code components { id key } }
    provinces { id code communes(search: "a") { id code } }
    legacyAdministrativeUnit(code: "00016") { id code }
  }`);
  expect(body.errors).toBeUndefined();
  const add = (type: string, id: string, key: string) => {
    const list = (ids[type] ??= []);
    if (!list.some((n) => n.key === key)) list.push({ id, key });
  };
  for (const { node: c } of body.data.citizens.edges) {
    add("Citizen", c.id, c.personalId);
    if (c.household) add("Household", c.household.id, c.household.code);
    for (const h of c.householdBusinesses ?? []) add("HouseholdBusiness", h.id, h.registrationNumber);
  }
  for (const { node: p } of body.data.landParcels.edges) {
    add("LandParcel", p.id, p.parcelId);
    for (const c of p.certificates) add("LandCertificate", c.id, c.serial);
  }
  for (const { node: e } of body.data.enterprises.edges) {
    add("Enterprise", e.id, e.code);
    for (const b of e.branches) add("Branch", b.id, b.code);
  }
  for (const p of body.data.procedures) {
    add("Procedure", p.id, p.code);
    for (const c of p.components) add("ProcedureComponent", c.id, `${p.code}/${c.key}`);
  }
  for (const p of body.data.provinces) {
    add("Province", p.id, p.code);
    for (const c of p.communes.slice(0, 2)) add("Commune", c.id, c.code);
  }
  add("LegacyAdministrativeUnit", body.data.legacyAdministrativeUnit.id, body.data.legacyAdministrativeUnit.code);
  const [citizenProcedure] = gw.app.procedures.procedures.filter((p) => p.applicant === "CITIZEN" && p.subjects.length === 0);
  const submitted = await gw.query(
    `mutation($input: DossierInput!) { submitDossier(input: $input, idempotencyKey: "contract-0001") { dossier { id dossierId } } }`,
    { input: { procedureCode: citizenProcedure.code, applicant: { personalId: me } } },
    { ...DEMO_HEADERS, "x-purpose-procedure": citizenProcedure.code },
  );
  expect(submitted.body.errors).toBeUndefined();
  add("Dossier", submitted.body.data.submitDossier.dossier.id, submitted.body.data.submitDossier.dossier.dossierId);
});
afterAll(() => gw?.close());

/** The natural key of a node as its type names it. */
const NATURAL_KEY: Record<string, string> = {
  Citizen: "personalId",
  Household: "code",
  HouseholdBusiness: "registrationNumber",
  LandParcel: "parcelId",
  LandCertificate: "serial",
  Enterprise: "code",
  Branch: "code",
  Procedure: "code",
  Province: "code",
  Commune: "code",
  LegacyAdministrativeUnit: "code",
  Dossier: "dossierId",
};

describe("global object identification (Relay)", () => {
  it("has a Node interface that every main entity implements, each with an entry that loads it", () => {
    const node = gw.app.schema.getType("Node");
    expect(isInterfaceType(node)).toBe(true);
    const implementations = gw.app.schema
      .getPossibleTypes(node as never)
      .map((t) => t.name)
      .sort();
    expect(implementations).toEqual(
      expect.arrayContaining([
        "Citizen",
        "Household",
        "Enterprise",
        "LandParcel",
        "LandCertificate",
        "Procedure",
        "ProcedureComponent",
        "Dossier",
        "Province",
        "Commune",
        "HouseholdBusiness",
        "Branch",
      ]),
    );
    expect(Object.keys(NODE_TYPES).sort()).toEqual(implementations);
    // A type that is a subject of personal data names the same subject from its key as it does from its record.
    for (const type of implementations) {
      const declared = (gw.app.schema.getType(type) as GraphQLObjectType).astNode?.directives?.some((d) => d.name.value === "subject");
      expect(!!NODE_TYPES[type].subject, `${type}: a @subject type names its subject from the node key`).toBe(!!declared);
    }
  });

  it("gives ids unique across every type, the same in every answer, that carry no natural key in the clear", async () => {
    const all = Object.values(ids).flat();
    expect(Object.keys(ids).sort()).toEqual(Object.keys(NATURAL_KEY).concat("ProcedureComponent").sort());
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    for (const { id, key } of all) {
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      // A 2-digit province code turns up by chance in about one random 36-character id in a hundred; from five
      // characters on, a chance match is below one in ten million.
      if (key.length < 5) continue;
      expect(id).not.toContain(key);
      expect(Buffer.from(id, "base64url").toString("latin1")).not.toContain(key);
    }
    const again = await gw.query(`{ citizens(first: 40) { edges { node { id household { id } } } } }`);
    expect(again.body.data.citizens.edges.map((e: any) => e.node.id)).toEqual(ids.Citizen.map((c) => c.id));
    // A household met through each of its members has one id.
    const households = again.body.data.citizens.edges.map((e: any) => e.node.household?.id).filter(Boolean);
    expect(new Set(households).size).toBe(ids.Household.length);
  });

  it("fetches every kind of node again by its id, as its direct lookup answers it", async () => {
    for (const [type, list] of Object.entries(ids)) {
      const key = NATURAL_KEY[type] ?? "key";
      const { body } = await gw.query(
        `query($id: ID!) { node(id: $id) { __typename id ... on ${type} { ${key} } } }`,
        { id: list[0].id },
        {
          ...DEMO_HEADERS,
          ...(type === "Dossier"
            ? {
                "x-purpose-procedure": gw.app.procedures.procedures.find((p) => p.applicant === "CITIZEN" && p.subjects.length === 0)!.code,
              }
            : {}),
        },
      );
      expect(body.errors, type).toBeUndefined();
      expect(body.data.node.__typename).toBe(type);
      expect(body.data.node.id).toBe(list[0].id);
      expect(body.data.node[key]).toBe(type === "ProcedureComponent" ? list[0].key.split("/")[1] : list[0].key);
    }
  });

  it("gives ProcedureComponent ids unique across procedures, and keeps the per-procedure key", async () => {
    const { body } = await gw.query(`{ procedures { code components { id key name } } }`, undefined, {});
    const components = body.data.procedures.flatMap((p: any) => p.components.map((c: any) => ({ ...c, procedure: p.code })));
    expect(components.length).toBeGreaterThan(200);
    expect(new Set(components.map((c: any) => c.id)).size).toBe(components.length);
    expect(new Set(components.map((c: any) => c.key)).size).toBeLessThan(components.length);
    const shared = components.find((c: any) => components.some((d: any) => d.key === c.key && d.procedure !== c.procedure));
    const { body: again } = await gw.query(
      `query($id: ID!) { node(id: $id) { ... on ProcedureComponent { key name } } }`,
      { id: shared.id },
      {},
    );
    expect(again.data.node).toEqual({ key: shared.key, name: shared.name });
  });

  it("answers nodes in the order asked, null for a record that no longer exists, an error only at a bad entry", async () => {
    const nobody = String(BigInt(ids.Citizen.at(-1)!.key) + 1n).padStart(12, "0");
    const gone = gw.app.nodeIds.encode("Citizen", nobody);
    const asked = [ids.Province[0].id, ids.Citizen[0].id, gone, "not-an-id", ids.Enterprise[0].id];
    const { status, body } = await gw.query(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: asked });
    expect(status).toBe(200);
    expect(body.data.nodes).toEqual([
      { __typename: "Province", id: asked[0] },
      { __typename: "Citizen", id: asked[1] },
      null,
      null,
      { __typename: "Enterprise", id: asked[4] },
    ]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ["nodes", 3], extensions: { code: "INVALID_NODE_ID", argument: "ids[3]" } });
  });

  it("refuses an id the gateway did not issue (forged, altered, a natural key) with INVALID_NODE_ID", async () => {
    const real = ids.Citizen[0].id;
    const altered = real.slice(0, -2) + (real.endsWith("A") ? "BB" : "AA");
    for (const id of [altered, ids.Citizen[0].key, Buffer.from(`Citizen:${ids.Citizen[0].key}`).toString("base64url"), "x".repeat(201)]) {
      const { body } = await gw.query(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(body.data.node, id).toBeNull();
      expect(body.errors![0].extensions.code, id).toBe("INVALID_NODE_ID");
      expect(body.errors![0].message).not.toContain(ids.Citizen[0].key);
    }
  });

  it("takes at most 100 ids, and counts each id towards the cost of the query", async () => {
    const many = Array.from({ length: 101 }, () => ids.Province[0].id);
    const { body } = await gw.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: many });
    expect(body.errors![0].extensions).toMatchObject({ code: "INVALID_ARGUMENT", argument: "ids", max: 100 });
    // This selection costs about 330 an object: one is cheap, a hundred cost as a page of a hundred would.
    const heavy = parse(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Citizen { fullName children { fullName household { members { citizen { fullName enterpriseRoles { enterprise { name owners { citizen { fullName } } } } } } } } } } }`,
    );
    const limit = 10_000;
    expect(limit).toBeLessThan(DEFAULT_LIMITS.maxCost);
    expect(costRefusal(gw.app.schema, heavy, undefined, { ids: [ids.Citizen[0].id] }, limit)).toBeNull();
    expect(costRefusal(gw.app.schema, heavy, undefined, { ids: many.slice(0, 100) }, limit)?.extensions.code).toBe("QUERY_TOO_COSTLY");
    const literal = parse(
      `{ nodes(ids: [${many
        .slice(0, 100)
        .map((id) => `"${id}"`)
        .join(
          ", ",
        )}]) { ... on Citizen { fullName children { fullName household { members { citizen { fullName enterpriseRoles { enterprise { name owners { citizen { fullName } } } } } } } } } } }`,
    );
    expect(costRefusal(gw.app.schema, literal, undefined, undefined, limit)?.extensions.code).toBe("QUERY_TOO_COSTLY");
  });
});

describe("node and nodes go through the access checks and the audit trail of the direct lookups", () => {
  const religion = `query($id: ID!) { node(id: $id) { id ... on Citizen { fullName religion } } }`;

  it("refuses anonymous callers before anything runs when the fragments select personal data (UNAUTHENTICATED)", async () => {
    const { status, body } = await gw.query(religion, { id: ids.Citizen[0].id }, {});
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses anonymous callers at the field when only the id is asked for, and serves public reference data", async () => {
    const { body } = await gw.query(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { id __typename } b: node(id: $b) { id ... on Province { name } } }`,
      { a: ids.Citizen[0].id, b: ids.Province[0].id },
      {},
    );
    expect(body.data.a).toBeNull();
    expect(body.errors!.map((e: any) => e.extensions.code)).toEqual(["UNAUTHENTICATED"]);
    expect(body.data.b.name).toBeTruthy();
  });

  it("refuses a sensitive field selected through a fragment on Node without a sensitive grant (FIELD_NOT_GRANTED)", async () => {
    const { status, body } = await gw.query(religion, { id: ids.Citizen[0].id }, CIVIL_STATUS);
    expect(status).toBe(403);
    expect(body.errors![0].extensions).toMatchObject({ code: "FIELD_NOT_GRANTED", field: "Citizen.religion" });
    const named = await gw.query(
      `query($id: ID!) { node(id: $id) { ...Person } } fragment Person on Citizen { fullName religion }`,
      { id: ids.Citizen[0].id },
      CIVIL_STATUS,
    );
    expect(named.body.errors![0].extensions).toMatchObject({ code: "FIELD_NOT_GRANTED", field: "Citizen.religion" });
    const basic = await gw.query(
      `query($id: ID!) { node(id: $id) { ... on Citizen { fullName } } }`,
      { id: ids.Citizen[0].id },
      CIVIL_STATUS,
    );
    expect(basic.body.errors).toBeUndefined();
    expect(basic.body.data.node.fullName).toBeTruthy();
  });

  it("refuses a node from a source the client holds no grant on, and asks for a purpose, as the lookup would", async () => {
    const parcel = await gw.query(`query($id: ID!) { node(id: $id) { id } }`, { id: ids.LandParcel[0].id }, CIVIL_STATUS);
    expect(parcel.body.data.node).toBeNull();
    expect(parcel.body.errors![0].extensions).toMatchObject({
      code: "FIELD_NOT_GRANTED",
      missingGrant: { source: "land", class: "basic" },
    });
    const noPurpose = await gw.query(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: ids.Citizen[0].id },
      { authorization: DEMO_HEADERS.authorization },
    );
    expect(noPurpose.body.errors![0].extensions.code).toBe("PURPOSE_REQUIRED");
  });

  it("lets a citizen client fetch only their own Citizen, and public reference data", async () => {
    const own = gw.app.nodeIds.encode("Citizen", me);
    const mine = await gw.query(`query($id: ID!) { node(id: $id) { id ... on Citizen { personalId } } }`, { id: own }, CITIZEN);
    expect(mine.body).toEqual({ data: { node: { id: own, personalId: me } } });
    const other = ids.Citizen.find((c) => c.key !== me)!;
    const refused = await gw.query(`query($id: ID!) { node(id: $id) { id ... on Citizen { fullName } } }`, { id: other.id }, CITIZEN);
    expect(refused.body.data.node).toBeNull();
    expect(refused.body.errors![0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
    expect(JSON.stringify(refused.body)).not.toContain(other.key);
    for (const type of ["Enterprise", "LandParcel", "Household", "LandCertificate", "Branch", "HouseholdBusiness"]) {
      const { body } = await gw.query(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        { ids: [ids[type][0].id, ids.Province[0].id] },
        CITIZEN,
      );
      expect(body.data.nodes[0], type).toBeNull();
      expect(body.data.nodes[1]).toEqual({ id: ids.Province[0].id });
      expect(
        body.errors!.map((e: any) => e.extensions.code),
        type,
      ).toEqual(["SUBJECT_NOT_PERMITTED"]);
    }
  });

  it("records every node read in the audit trail against its subject, an unknown person's lookup included", async () => {
    const household = ids.Household[0];
    const [{ head_personal_id: head }] = await gw.app.sources.population.raw<{ head_personal_id: string }>(
      "select head_personal_id from population.households where id = $1",
      [household.key],
    );
    const nobody = String(BigInt(ids.Citizen.at(-1)!.key) + 1n).padStart(12, "0");
    const answer = await gw.send(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Citizen { fullName } ... on Household { address { text } } ... on Enterprise { name } } }`,
      { ids: [ids.Citizen[1].id, household.id, ids.Enterprise[0].id, gw.app.nodeIds.encode("Citizen", nobody)] },
    );
    expect(answer.body.errors).toBeUndefined();
    const rows = await auditRowsOf(gw.app.sources.gateway, answer.requestIds);
    const about = (kind: string, id: string) => rows.find((r) => r.subject_kind === kind && r.subject_id === id)?.fields ?? [];
    expect(about("CITIZEN", ids.Citizen[1].key)).toEqual(expect.arrayContaining(["Query.nodes", "Citizen.fullName", "Citizen.id"]));
    expect(about("CITIZEN", head)).toEqual(expect.arrayContaining(["Query.nodes", "Household.address"]));
    expect(about("ENTERPRISE", ids.Enterprise[0].key)).toEqual(expect.arrayContaining(["Query.nodes", "Enterprise.name"]));
    expect(about("CITIZEN", nobody)).toEqual(["Query.nodes"]);
  });

  it("shows a stored dossier through node as dossier(id:) shows it, with its purpose checked", async () => {
    const dossier = ids.Dossier[0];
    const procedure = gw.app.procedures.procedures.find((p) => p.applicant === "CITIZEN" && p.subjects.length === 0)!.code;
    const wrong = await gw.query(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: dossier.id },
      { ...DEMO_HEADERS, "x-purpose-procedure": procedure === "1.001193" ? "1.000656" : "1.001193" },
    );
    expect(wrong.body.errors![0].extensions.code).toBe("PURPOSE_MISMATCH");
    const byNode = await gw.query(
      `query($id: ID!, $d: ID!) { node(id: $id) { ... on Dossier { dossierId status applicantPersonalId } } dossier(id: $d) { dossierId status applicantPersonalId } }`,
      { id: dossier.id, d: dossier.key },
      { ...DEMO_HEADERS, "x-purpose-procedure": procedure },
    );
    expect(byNode.body.errors).toBeUndefined();
    expect(byNode.body.data.node).toEqual(byNode.body.data.dossier);
    const asApplicant = await gw.query(`query($id: ID!) { node(id: $id) { ... on Dossier { dossierId } } }`, { id: dossier.id }, CITIZEN);
    expect(asApplicant.body.data.node).toEqual({ dossierId: dossier.key });
  });
});

/** Every ErrorCode literal the source emits: passed to a typed error, set as `code:`, sent by the HTTP front. */
function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const patterns = [
    /(?:GatewayError|InvalidInputError|ConformanceInputError|super)\(\s*"([A-Z][A-Z0-9_]+)"/g,
    /\bcode:\s*"([A-Z][A-Z0-9_]+)"/g,
    /\b(?:refusal|reject)\(\s*"([A-Z][A-Z0-9_]+)"/g,
    /sendError\([^)]*?\d{3},\s*"([A-Z][A-Z0-9_]+)"/g,
    /extensions\??\.code\s*[!=]==\s*"([A-Z][A-Z0-9_]+)"/g,
  ];
  // National code lists (land-use purposes, religions) have `code:` fields of their own.
  const notErrors = new Set(["src/shared/code-lists.ts"]);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      // Specs beside the code build by hand what they test (a composition error's own code, say): not emitted.
      else if (/\.(ts|mjs|js)$/.test(entry.name) && !entry.name.endsWith(".spec.ts") && !notErrors.has(path.relative(ROOT, file))) {
        const text = fs.readFileSync(file, "utf8");
        for (const pattern of patterns)
          for (const m of text.matchAll(pattern)) found.set(m[1], [...(found.get(m[1]) ?? []), path.relative(ROOT, file)]);
      }
    }
  };
  walk(path.join(ROOT, "src"));
  walk(path.join(ROOT, "bin"));
  return found;
}

/** Codes only Apollo Server or the protocol produce; no source line names them. */
const FROM_APOLLO = new Set([
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

describe("the ErrorCode enum", () => {
  it("is in the schema, built from ERROR_CODES, every value described", () => {
    const type = gw.app.schema.getType("ErrorCode");
    expect(isEnumType(type)).toBe(true);
    if (!isEnumType(type)) return;
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual([...ERROR_CODE_NAMES].sort());
    for (const value of type.getValues()) expect(value.description, value.name).toBeTruthy();
  });

  it("holds every code the source emits, and no code nothing emits", () => {
    const emitted = codesInSource();
    const outside = [...emitted]
      .filter(([code]) => !(code in ERROR_CODES))
      .map(([code, files]) => `${code} (${[...new Set(files)].join(", ")})`);
    expect(outside, "codes emitted outside ERROR_CODES: add them to src/platform/errors.ts").toEqual([]);
    const unused = ERROR_CODE_NAMES.filter((code) => !emitted.has(code) && !FROM_APOLLO.has(code));
    expect(unused, "codes in ERROR_CODES that nothing emits").toEqual([]);
  });

  it("holds the codes Apollo Server and the HTTP front answer with", async () => {
    const post = (body: unknown, init: { contentType?: string; path?: string; method?: string } = {}) =>
      fetch(`${gw.url}${init.path ?? "/graphql"}`, {
        method: init.method ?? "POST",
        headers: { "content-type": init.contentType ?? "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const cases: [string, Promise<Response>][] = [
      ["GRAPHQL_PARSE_FAILED", post({ query: "{ provinces { code " })],
      ["GRAPHQL_VALIDATION_FAILED", post({ query: "{ provinces { nope } }" })],
      [
        "BAD_USER_INPUT",
        post({ query: "query($code: AdministrativeUnitCode!) { administrativeUnit(code: $code) { name } }", variables: {} }),
      ],
      ["OPERATION_RESOLUTION_FAILURE", post({ query: "query A { provinces { code } } query B { provinces { name } }" })],
      ["OPERATION_RESOLUTION_FAILURE", post({ query: "query A { provinces { code } }", operationName: "C" })],
      ["PERSISTED_QUERY_NOT_FOUND", post({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } })],
      ["BAD_REQUEST", post({ variables: {} })],
      ["BAD_REQUEST", post("{ not json")],
      ["NOT_FOUND", post({ query: "{ provinces { code } }" }, { path: "/nowhere" })],
      ["PAYLOAD_TOO_LARGE", post({ query: `{ provinces { code } } # ${"x".repeat(1_100_000)}` })],
    ];
    for (const [expected, response] of cases) {
      const body = await (await response).json();
      const codes = body.errors!.map((e: any) => e.extensions?.code);
      expect(codes, expected).toContain(expected);
      for (const code of codes) expect(ERROR_CODE_NAMES).toContain(code);
    }
  });
});

/** GitHub's anchors for the headings of a Markdown file. */
function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, "utf8");
  return new Set(
    [...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-"),
    ),
  );
}

describe("custom scalars", () => {
  it("each carries @specifiedBy pointing at an existing section of docs/scalars.md", () => {
    const scalars = Object.values(gw.app.schema.getTypeMap()).filter((t) => isScalarType(t) && !isSpecifiedScalarType(t));
    expect(scalars.map((s) => s.name).sort()).toEqual([
      "AdministrativeUnitCode",
      "DateTime",
      "JSONObject",
      "LocalDate",
      "PersonalId",
      "SafeInt",
      "TaxCode",
    ]);
    const anchors = anchorsOf(path.join(ROOT, "docs/scalars.md"));
    for (const scalar of scalars) {
      const url = isScalarType(scalar) ? scalar.specifiedByURL : undefined;
      expect(url, scalar.name).toMatch(/^docs\/scalars\.md#[a-z0-9-]+$/);
      expect(anchors, `${scalar.name}: ${url}`).toContain(url!.split("#")[1]);
    }
    expect(fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8")).toContain(
      'scalar PersonalId @specifiedBy(url: "docs/scalars.md#personalid")',
    );
  });
});

/** Fields whose values form a closed set, or hold a national code: their type now says so. */
const TYPED: Record<string, string> = {
  "EvidenceFact.dataSource": "DataSource",
  "Verification.dataSource": "DataSource",
  "AccessGrant.dataSources": "DataSource",
  "AccessGrant.dataClasses": "DataClass",
  "ProcedureComponent.dataSources": "DataSource",
  "ProcedureComponent.reason": "DocumentReason",
  "ProcedureComponent.rule": "DataRule",
  "DossierComponentResult.reason": "ComponentStatusReason",
  "Viewer.kind": "ClientKind",
  "Dossier.applicantKind": "ApplicantKind",
  "Procedure.applicant": "ApplicantKind",
  "ProcedureSubject.role": "ProcedureSubjectRole",
  "ProcedureSubject.kind": "ProcedureSubjectKind",
  "DossierSubject.role": "ProcedureSubjectRole",
  "DossierSubject.kind": "ProcedureSubjectKind",
  "AccessLogEntry.action": "AuditAction",
  "Address.communeCode": "AdministrativeUnitCode",
  "Address.legacyCommuneCode": "AdministrativeUnitCode",
  "AdministrativeUnit.code": "AdministrativeUnitCode",
  "Province.code": "AdministrativeUnitCode",
  "Commune.code": "AdministrativeUnitCode",
  "LegacyAdministrativeUnit.legacyProvinceCode": "AdministrativeUnitCode",
  "Encumbrance.lenderEnterpriseCode": "TaxCode",
  "LandHolder.personalId": "PersonalId",
  "LandHolder.enterpriseCode": "TaxCode",
  "Dossier.applicantPersonalId": "PersonalId",
  "Dossier.applicantEnterpriseCode": "TaxCode",
  "Province.communeCount": "Int",
};
/** String fields whose descriptions name enum values without holding one. */
const NOT_CLOSED_SETS: Record<string, string> = {
  "IdentityCard.number": "a card number; CMND and CCCD say which number it is",
};

/** The String fields they replace, kept (deprecated) with the same value for existing clients. */
const DEPRECATED_TWINS = [
  "EvidenceFact.source",
  "Verification.source",
  "AccessGrant.sources",
  "AccessGrant.classes",
  "ProcedureComponent.sources",
  "Dossier.subjectsJson",
  "Dossier.applicantId",
];

describe("types that say what a value is", () => {
  const field = (coordinate: string) => {
    const [type, name] = coordinate.split(".");
    const parent = gw.app.schema.getType(type) as GraphQLObjectType;
    return parent.getFields()[name];
  };

  it("types closed sets as enums and national codes as the national scalars", () => {
    for (const [coordinate, type] of Object.entries(TYPED)) expect(getNamedType(field(coordinate).type).name, coordinate).toBe(type);
  });

  it("keeps the String fields they replace, deprecated, pointing at the typed field", () => {
    for (const coordinate of DEPRECATED_TWINS) {
      expect(field(coordinate).deprecationReason, coordinate).toMatch(/^Use `\w+`/);
      expect(getNamedType(field(coordinate).type).name).toBe("String");
    }
  });

  it("leaves no other String field whose values are one of these enums", () => {
    const enums = new Map(
      Object.values(gw.app.schema.getTypeMap())
        .filter(isEnumType)
        .filter((e) => !e.name.startsWith("__"))
        .map((e) => [e.name, new Set(e.getValues().map((v) => v.name))]),
    );
    const stringly: string[] = [];
    for (const type of Object.values(gw.app.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const f of Object.values(type.getFields())) {
        if (getNamedType(f.type).name !== "String" || f.deprecationReason || `${type.name}.${f.name}` in NOT_CLOSED_SETS) continue;
        // A description that lists the values of an enum ("CITIZEN or ENTERPRISE") is a closed set typed as text.
        const words = new Set(f.description?.match(/\b[A-Z][A-Z_]{2,}\b/g) ?? []);
        for (const [name, values] of enums)
          if (words.size >= 2 && [...words].filter((w) => values.has(w)).length >= 2) stringly.push(`${type.name}.${f.name} (${name})`);
      }
    }
    expect(stringly).toEqual([]);
  });

  it("shows a dossier's subjects typed to an agency, and its deprecated JSON with the same value", async () => {
    const procedure = gw.app.procedures.procedures.find((p) => p.applicant === "CITIZEN" && p.subjects.some((s) => s.role === "SPOUSE"))!;
    const [spouse] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens where personal_id <> $1 order by personal_id limit 1",
      [me],
    );
    const { body } = await gw.query(
      `mutation($input: DossierInput!) { submitDossier(input: $input, idempotencyKey: "contract-subjects-1") { dossier { subjects { role kind id withheld } subjectsJson applicantKind applicantPersonalId applicantEnterpriseCode applicantId } } }`,
      { input: { procedureCode: procedure.code, applicant: { personalId: me }, subjects: { spouse: spouse.personal_id } } },
      { ...DEMO_HEADERS, "x-purpose-procedure": procedure.code },
    );
    expect(body.errors).toBeUndefined();
    const dossier = body.data.submitDossier.dossier;
    expect(dossier.subjects).toEqual([{ role: "SPOUSE", kind: "CITIZEN", id: spouse.personal_id, withheld: false }]);
    expect(JSON.parse(dossier.subjectsJson)).toEqual({ SPOUSE: spouse.personal_id });
    expect(dossier).toMatchObject({ applicantKind: "CITIZEN", applicantPersonalId: me, applicantEnterpriseCode: null, applicantId: me });
  });

  it("answers the typed twins with the values of the old fields, upper-cased", async () => {
    const { body } = await gw.query(
      `{ viewer { kind grants { sources dataSources classes dataClasses } } procedures { applicant components { sources dataSources } } }`,
    );
    const grant = body.data.viewer.grants[0];
    expect(grant.dataSources).toEqual(grant.sources.map((s: string) => s.toUpperCase()));
    expect(grant.dataClasses).toEqual(grant.classes.map((s: string) => s.toUpperCase()));
    expect(body.data.viewer.kind).toBe("SYSTEM");
    for (const c of body.data.procedures.flatMap((p: any) => p.components))
      expect(c.dataSources).toEqual(c.sources.map((s: string) => s.toUpperCase()));
  });
});

describe("ApplicantInput is @oneOf", () => {
  it("is a oneOf input in the schema and refuses both fields (or none) before anything runs", async () => {
    const applicant = gw.app.schema.getType("ApplicantInput");
    expect(isInputObjectType(applicant) && applicant.isOneOf).toBe(true);
    const procedure = gw.app.procedures.procedures.find((p) => p.applicant === "CITIZEN" && p.subjects.length === 0)!.code;
    const query = `query($input: DossierInput!) { evaluateDossier(input: $input) { status } }`;
    const both = await gw.query(query, {
      input: { procedureCode: procedure, applicant: { personalId: me, enterpriseCode: "0100109106" } },
    });
    expect(both.body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    const none = await gw.query(query, { input: { procedureCode: procedure, applicant: {} } });
    expect(none.body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    const literal = await gw.query(
      `{ evaluateDossier(input: { procedureCode: "${procedure}", applicant: { personalId: "${me}", enterpriseCode: "0100109106" } }) { status } }`,
    );
    expect(literal.body.errors![0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const one = await gw.query(
      query,
      { input: { procedureCode: procedure, applicant: { personalId: me } } },
      { ...DEMO_HEADERS, "x-purpose-procedure": procedure },
    );
    expect(one.body.errors).toBeUndefined();
  });

  it("keeps the resolver's own exactly-one check behind the validation", () => {
    expect(() => toRequest({ procedureCode: "1.001193", applicant: { personalId: me, enterpriseCode: "0100109106" } })).toThrow(
      /exactly one/,
    );
    expect(() => toRequest({ procedureCode: "1.001193", applicant: {} })).toThrow(/exactly one/);
  });
});
