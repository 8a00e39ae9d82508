/**
 * Federation end to end, over one set of Postgres databases: the all-in-one gateway, and the four subgraphs with
 * the Hive Gateway router in front of them. The same questions — the nested cross-source one, a list and its next
 * page, a dossier evaluation — get the same data from both; the router serves the same client-facing schema; a
 * subgraph refuses what the router did not sign; a citizen's access log shows the reads each subgraph recorded;
 * one subgraph down leaves a partial answer with its source's typed error. Postgres only: several services share
 * the gateway database.
 */
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { type GatewayServer, createServer } from "../../src/http/server.js";
import { DEMO_CITIZEN_KEY, DEMO_PURPOSE } from "../../src/modules/access/index.js";
import { DEFAULT_DEMO_API_KEY } from "../../src/modules/access/demo.js";
import { loadConfig, SOURCE_NAMES, URL_VARIABLES } from "../../src/platform/config.js";
import {
  IDENTITY_EXTENSION,
  identityFor,
  SIGNATURE_EXTENSION,
  sign,
  signedPayload,
  subgraphSecret,
} from "../../src/federation/identity.js";
import { type RouterService, startRouter } from "../../src/federation/router.js";
import { type SubgraphService, startSubgraph } from "../../src/federation/subgraph-server.js";
import type { SourceSubgraph, SubgraphName } from "../../src/federation/ownership.js";
import { documentsOf } from "../../src/modules/documents/index.js";
import { auditedCitizens, auditRowsOf, personalIdsIn } from "../support/personal-ids.js";
import { createThrowawayDatabases, type ThrowawayDatabases } from "../../scripts/lib/throwaway-db.js";

const SECRET = "federation-test-secret-0123456789abcdef";
const HEADERS = {
  "content-type": "application/json",
  authorization: `Bearer ${DEFAULT_DEMO_API_KEY}`,
  "x-purpose-procedure": DEMO_PURPOSE.procedure,
  "x-purpose-case": DEMO_PURPOSE.caseId,
};
const NESTED =
  "query Nested($id: PersonalId!) { citizen(personalId: $id) { personalId fullName dateOfBirth household { id code members { relationToHead citizen { fullName } } } landParcels { sharePercent parcel { id areaM2 certificates { serial status } encumbrances { lenderName active } holders { sharePercent } } } enterpriseRoles { role enterprise { code name status landParcels { sharePercent parcel { parcelId } } } } } }";
const LIST =
  "query List($p: AdministrativeUnitCode, $after: String) { citizens(first: 20, filter: { provinceCode: $p }, after: $after) { totalCount edges { cursor node { personalId fullName sex permanentResidence { commune { code name } } } } pageInfo { hasNextPage endCursor } } }";
const EVALUATE =
  "query Eval($input: DossierInput!) { evaluateDossier(input: $input) { status components { component { name } status reason message evidence { dataSource fact record value } } } }";

interface Reply {
  status: number;
  body: { data?: any; errors?: any[] };
  headers: Headers;
}

let databases: ThrowawayDatabases<(typeof SOURCE_NAMES)[number]>;
let app: App;
let monolith: GatewayServer;
let monolithUrl: string;
const subgraphs = {} as Record<SubgraphName, SubgraphService>;
const subgraphUrls = {} as Record<SubgraphName, string>;
let router: RouterService;
let routerUrl: string;
/** Citizens who hold land and a role in an enterprise: the nested question reaches all three sources. */
let holders: { personalId: string; parcelId: string }[];
let province: string;

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = HEADERS,
): Promise<Reply> {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as Reply["body"], headers: response.headers };
}

const withoutCursors = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "cursor" || key === "endCursor" ? undefined : v)));

const both = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = HEADERS) =>
  Promise.all([post(monolithUrl, query, variables, headers), post(routerUrl, query, variables, headers)]);

beforeAll(async () => {
  databases = await createThrowawayDatabases("ndaf_fed", SOURCE_NAMES);
  const env = { ...process.env, NODE_ENV: "test", ...Object.fromEntries(SOURCE_NAMES.map((n) => [URL_VARIABLES[n], databases.urls[n]])) };
  const config = loadConfig(env);
  app = await createApp(config, { seedIfEmpty: 400 });
  monolith = await createServer(app);
  monolithUrl = `http://127.0.0.1:${await monolith.listen(0, "127.0.0.1")}/graphql`;
  for (const name of ["population", "land", "business"] as const) {
    // The business subgraph as a ministry runs it: given only its own secret, not the platform's.
    const secrets = name === "business" ? { ownSecret: subgraphSecret(SECRET, "business") } : { secret: SECRET };
    subgraphs[name] = await startSubgraph({ name, config, ...secrets });
    subgraphUrls[name] = `http://127.0.0.1:${await subgraphs[name].listen(0, "127.0.0.1")}/graphql`;
  }
  subgraphs.gateway = await startSubgraph({
    name: "gateway",
    config,
    secret: SECRET,
    sourceUrls: { population: subgraphUrls.population, land: subgraphUrls.land, business: subgraphUrls.business },
  });
  subgraphUrls.gateway = `http://127.0.0.1:${await subgraphs.gateway.listen(0, "127.0.0.1")}/graphql`;
  router = await startRouter({ config, secret: SECRET, urls: subgraphUrls, subgraphTimeoutMs: 3_000 });
  routerUrl = `http://127.0.0.1:${await router.listen(0, "127.0.0.1")}/graphql`;

  // Holders of land who also hold a role in an enterprise (each source read on its own; no join across them).
  const { population, land, business } = app.sources;
  const people = new Set(
    (await business.raw<{ personal_id: string }>("select distinct personal_id from business.enterprise_people")).map((r) => r.personal_id),
  );
  const rows = await land.raw<{ personal_id: string; parcel_id: string }>(
    "select h.personal_id, c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial where h.personal_id is not null order by h.id",
  );
  holders = rows.map((r) => ({ personalId: r.personal_id, parcelId: r.parcel_id })).filter((h) => people.has(h.personalId));
  const [most] = await population.raw<{ code: string }>(
    "select permanent_province_code as code from population.citizens group by 1 order by count(*) desc limit 1",
  );
  province = most.code;
}, 240_000);

afterAll(async () => {
  await router?.close();
  for (const service of Object.values(subgraphs)) await service?.close().catch(() => {});
  await monolith?.close();
  await app?.close();
  await databases?.close();
});

describe("the router answers as the all-in-one gateway", () => {
  it("gives the same data to the nested cross-source question", async () => {
    expect(holders.length).toBeGreaterThan(2);
    for (const holder of holders.slice(0, 3)) {
      const [mono, routed] = await both(NESTED, { id: holder.personalId });
      expect(mono.body.errors).toBeUndefined();
      expect(routed.body.errors).toBeUndefined();
      expect(mono.body.data.citizen.landParcels.length).toBeGreaterThan(0);
      expect(mono.body.data.citizen.enterpriseRoles.length).toBeGreaterThan(0);
      expect(routed.body.data).toEqual(mono.body.data);
    }
  });

  it("gives the same page of a list, and the same next page from its cursor", async () => {
    const [first, routedFirst] = await both(LIST, { p: province });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.citizens.edges.length).toBe(20);
    // Cursors are sealed with a fresh nonce each time: the pages are compared without them, then each server's own
    // cursor must open its next page.
    expect(withoutCursors(routedFirst.body)).toEqual(withoutCursors(first.body));
    const [second, routedSecond] = await Promise.all([
      post(monolithUrl, LIST, { p: province, after: first.body.data.citizens.pageInfo.endCursor }),
      post(routerUrl, LIST, { p: province, after: routedFirst.body.data.citizens.pageInfo.endCursor }),
    ]);
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data.citizens.edges[0].node.personalId).not.toBe(first.body.data.citizens.edges[0].node.personalId);
    expect(withoutCursors(routedSecond.body)).toEqual(withoutCursors(second.body));
  });

  it("evaluates a dossier the same way, reading the sources through their subgraphs", async () => {
    const holder = holders[0];
    const buyer = holders[1].personalId;
    const input = { procedureCode: "1.013980", applicant: { personalId: holder.personalId }, subjects: { parcel: holder.parcelId, buyer } };
    const headers = { ...HEADERS, "x-purpose-procedure": "1.013980" };
    const [mono, routed] = await both(EVALUATE, { input }, headers);
    expect(mono.body.errors).toBeUndefined();
    const statuses = mono.body.data.evaluateDossier.components.map((c: { status: string }) => c.status);
    expect(statuses).toContain("FULFILLED_BY_DATA");
    expect(routed.body).toEqual(mono.body);
  });

  it("gives the same typed errors for a refused purpose", async () => {
    const [mono, routed] = await both(EVALUATE, {
      input: { procedureCode: "1.013980", applicant: { personalId: holders[0].personalId }, subjects: {} },
    });
    expect(mono.body.errors?.[0]?.extensions?.code).toBe("PURPOSE_MISMATCH");
    expect(routed.body.errors?.[0]?.extensions).toEqual(mono.body.errors?.[0]?.extensions);
  });

  it("answers the same with Hive Gateway's JavaScript query planner as with the Rust one", async () => {
    const javascript = await startRouter({ config: app.config, secret: SECRET, urls: subgraphUrls, queryPlanner: "javascript" });
    try {
      const url = `http://127.0.0.1:${await javascript.listen(0, "127.0.0.1")}/graphql`;
      const [mono, routed] = await Promise.all([
        post(monolithUrl, NESTED, { id: holders[1].personalId }),
        post(url, NESTED, { id: holders[1].personalId }),
      ]);
      expect(mono.body.data.citizen.landParcels.length).toBeGreaterThan(0);
      expect(routed.body).toEqual(mono.body);
    } finally {
      await javascript.close();
    }
  });

  it("refuses a malformed personal id at the router with the gateway's typed error", async () => {
    const [mono, routed] = await both(NESTED, { id: "12345" });
    expect(mono.body.errors?.[0]?.extensions?.code).toBe("INVALID_PERSONAL_ID");
    expect(routed.body.errors?.[0]?.extensions?.code).toBe("INVALID_PERSONAL_ID");
    expect(routed.body.errors?.[0]?.message).toBe(mono.body.errors?.[0]?.message);
    expect(routed.body.data).toBeUndefined();
  });

  it("serves the same client-facing schema (the access directives' definitions aside)", async () => {
    const withoutAccessDirectives = (schema: GraphQLSchema) =>
      printSchema(
        lexicographicSortSchema(
          new GraphQLSchema({
            ...schema.toConfig(),
            directives: schema.getDirectives().filter((d) => d.name !== "access" && d.name !== "subject"),
          }),
        ),
      );
    const served = withoutAccessDirectives(await router.runtime.getSchema());
    expect(served).toContain("type Citizen implements Node");
    expect(served).toBe(withoutAccessDirectives(app.schema));
  });
});

describe("the trust boundary between router and subgraphs", () => {
  const question = { query: 'query { citizen(personalId: "001090000001") { fullName } }', variables: {} };
  const identity = (audience = "population") =>
    identityFor(audience, {
      client: {
        id: "VN:GOV:DEMO:ALL-GRANTS",
        name: "signed in the test",
        kind: "SYSTEM",
        personalId: null,
        grants: [{ sources: ["population"], classes: ["basic"], procedures: ["*"] }],
      },
      purpose: DEMO_PURPOSE,
      requestId: "request-signed-in-the-test",
    });
  const POPULATION_SECRET = subgraphSecret(SECRET, "population");
  const signed = (id: ReturnType<typeof identity>, secret = POPULATION_SECRET) => ({
    ...question,
    extensions: { [IDENTITY_EXTENSION]: id, [SIGNATURE_EXTENSION]: sign(secret, signedPayload({ ...question, identity: id })) },
  });
  const send = async (body: unknown, name: SourceSubgraph = "population") => {
    const response = await fetch(subgraphUrls[name], {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Reply["body"] };
  };

  it("refuses a direct, unsigned call to a subgraph", async () => {
    const reply = await send(question);
    expect(reply.status).toBe(401);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe("INVALID_CREDENTIAL");
    expect(reply.body.data).toBeUndefined();
  });

  it("refuses a call signed with another secret, an altered one, and a stale one", async () => {
    const id = identity();
    const forged = sign("not-the-router-secret-0123456789abcdef", signedPayload({ ...question, identity: id }));
    const wrongSecret = await send({ ...question, extensions: { [IDENTITY_EXTENSION]: id, [SIGNATURE_EXTENSION]: forged } });
    expect(wrongSecret.status).toBe(401);

    const good = sign(POPULATION_SECRET, signedPayload({ ...question, identity: id }));
    const accepted = await send({ ...question, extensions: { [IDENTITY_EXTENSION]: id, [SIGNATURE_EXTENSION]: good } });
    expect(accepted.status).toBe(200);

    const widened = {
      ...id,
      client: {
        ...id.client,
        grants: [{ sources: ["population", "land", "business"], classes: ["basic", "sensitive"], procedures: ["*"] }],
      },
    };
    const altered = await send({ ...question, extensions: { [IDENTITY_EXTENSION]: widened, [SIGNATURE_EXTENSION]: good } });
    expect(altered.status).toBe(401);
    expect(altered.body.errors?.[0]?.message).toMatch(/altered/);

    const old = { ...id, issuedAt: Date.now() - 5 * 60_000 };
    const stale = await send({
      ...question,
      extensions: {
        [IDENTITY_EXTENSION]: old,
        [SIGNATURE_EXTENSION]: sign(POPULATION_SECRET, signedPayload({ ...question, identity: old })),
      },
    });
    expect(stale.status).toBe(401);
    expect(stale.body.errors?.[0]?.message).toMatch(/s old/);
  });

  it("refuses a replayed signed request, and one signed for another subgraph", async () => {
    const request = signed(identity());
    expect((await send(request)).status).toBe(200);
    const replay = await send(request);
    expect(replay.status).toBe(401);
    expect(replay.body.errors?.[0]?.message).toMatch(/replay/);
    const forLand = await send(signed(identity("land")));
    expect(forLand.status).toBe(401);
    expect(forLand.body.errors?.[0]?.message).toMatch(/signed for the land subgraph/);
    // Nor can the holder of one subgraph's secret sign for another: land verifies with its own.
    const byPopulation = await send(signed(identity("land")), "land");
    expect(byPopulation.status).toBe(401);
    expect(byPopulation.body.errors?.[0]?.message).toMatch(/altered, or signed with another secret/);
    const byLand = await send(signed(identity("land"), subgraphSecret(SECRET, "land")), "land");
    expect(byLand.status).toBe(200);
  });

  it("refuses an unsigned call to a source's reader", async () => {
    const response = await fetch(new URL("/reader", subgraphUrls.land), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "reader land.parcel", variables: { keys: [holders[0].parcelId] } }),
    });
    expect(response.status).toBe(401);
  });

  it("refuses an unknown API key at the router, as the gateway does", async () => {
    const [mono, routed] = await both(NESTED, { id: holders[0].personalId }, { ...HEADERS, authorization: "Bearer not-a-key-of-anyone" });
    expect(mono.status).toBe(401);
    expect(routed.status).toBe(401);
    expect(routed.body.errors?.[0]?.extensions?.code).toBe("INVALID_CREDENTIAL");
  });

  it("lets each subgraph enforce the grants of its own fields", async () => {
    const { key } = await app.clients.register({
      id: "VN:GOV:FEDERATION:POPULATION-ONLY",
      name: "Federation test system (population only)",
      grants: [{ sources: ["population"], classes: ["basic"], procedures: ["*"] }],
    });
    const headers = { ...HEADERS, authorization: `Bearer ${key}` };
    const query = "query($id: PersonalId!) { citizen(personalId: $id) { fullName landParcels { sharePercent } } }";
    const [mono, routed] = await both(query, { id: holders[0].personalId }, headers);
    const refusal = mono.body.errors?.[0]?.extensions?.code;
    expect(refusal).toBeTruthy();
    expect(mono.body.data?.citizen ?? null).toBeNull();
    // The router asks each subgraph for its part: population answers its field, land refuses its own with the same code.
    expect(routed.body.data.citizen.fullName).toBeTruthy();
    expect(routed.body.data.citizen.landParcels).toBeNull();
    expect(routed.body.errors?.map((e) => e.extensions.code)).toContain(refusal);
  });

  it("runs trusted documents by id, and refuses query text from a client that runs only those", async () => {
    const [document] = documentsOf([{ name: "nested.graphql", content: NESTED }]);
    const { key } = await app.clients.register({
      id: "VN:GOV:FEDERATION:TRUSTED-ONLY",
      name: "Federation test system (trusted documents only)",
      grants: [{ sources: ["population", "land", "business"], classes: ["basic"], procedures: ["*"] }],
      trustedDocumentsOnly: true,
    });
    await app.documents.publish([document], null);
    const headers = { ...HEADERS, authorization: `Bearer ${key}` };
    const byId = async (url: string) => {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ documentId: document.id, variables: { id: holders[0].personalId } }),
      });
      return (await response.json()) as Reply["body"];
    };
    const [mono, routed] = await Promise.all([byId(monolithUrl), byId(routerUrl)]);
    expect(mono.errors).toBeUndefined();
    expect(routed).toEqual(mono);
    const search = new URLSearchParams({ documentId: document.id, variables: JSON.stringify({ id: holders[0].personalId }) });
    const viaGet = await fetch(`${routerUrl}?${search}`, { headers });
    expect(await viaGet.json()).toEqual(mono);
    const text = await post(routerUrl, NESTED, { id: holders[0].personalId }, headers);
    expect(text.body.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENTS_ONLY");
    expect(text.body.data ?? null).toBeNull();
  });

  it("lets each subgraph record its own reads: the citizen's access log shows population, land and business", async () => {
    const citizen = app.demo!.citizenPersonalId;
    const read = await post(
      routerUrl,
      "query($id: PersonalId!) { citizen(personalId: $id) { fullName landParcels { sharePercent } enterpriseRoles { role } } }",
      { id: citizen },
    );
    expect(read.body.errors).toBeUndefined();
    // A citizen's record through the router is no more cacheable than through the gateway.
    expect(read.headers.get("cache-control")).toBe("no-store");
    const requestId = read.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    const log = await post(
      routerUrl,
      "{ accessLog(first: 20) { edges { node { requestId clientId fields } } } }",
      {},
      { "content-type": "application/json", authorization: `Bearer ${DEMO_CITIZEN_KEY}` },
    );
    expect(log.body.errors).toBeUndefined();
    const mine = log.body.data.accessLog.edges.map((e: any) => e.node).filter((n: any) => n.requestId === requestId);
    const fields = mine.flatMap((n: any) => n.fields as string[]);
    expect(fields).toEqual(expect.arrayContaining(["Citizen.fullName", "Citizen.landParcels", "Citizen.enterpriseRoles"]));
    // One row per subgraph that answered: population's, land's and business's, under the router's request id.
    expect(mine.length).toBe(3);
    expect(new Set(mine.map((n: any) => n.clientId))).toEqual(new Set(["VN:GOV:DEMO:ALL-GRANTS"]));
  });
});

describe("the router's own limits, as the gateway's", () => {
  it("refuses a body over 1 MB before reading on", async () => {
    const query = `{ provinces(x: [${Array.from({ length: 600_000 }, () => "2").join(",")}]) { code } }`;
    const [mono, routed] = await both(query);
    expect(mono.status).toBe(413);
    expect(routed.status).toBe(413);
    expect(routed.body.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a document of more tokens than the limit with TOO_MANY_TOKENS", async () => {
    const fragments = Array.from({ length: 1_000 }, (_, i) => `fragment F${i} on Province { code }`).join(" ");
    const [mono, routed] = await both(`{ provinces { ...F0 } } ${fragments}`);
    expect(mono.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_TOKENS");
    expect(routed.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_TOKENS");
    expect(routed.body.data ?? null).toBeNull();
  });

  it("refuses a question over the cost limit before any subgraph is asked", async () => {
    const page =
      "citizens(first: 100) { edges { node { landParcels { parcel { holders { subject { ... on Citizen { landParcels { parcel { holders { sharePercent } certificates { serial } } } enterpriseRoles { enterprise { owners { role } } } } } } } } } } }";
    const query = `{ a: ${page} b: ${page} c: ${page} d: ${page} }`;
    const [mono, routed] = await both(query);
    expect(mono.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    expect(routed.body.errors?.[0]).toEqual(mono.body.errors?.[0]);
    expect(routed.body.data ?? null).toBeNull();
  });
});

describe("the audit of records that are not subjects themselves", () => {
  it("records a household's and a certificate's fields against their owners, as the gateway does", async () => {
    const ids = await post(
      monolithUrl,
      "query($id: PersonalId!) { citizen(personalId: $id) { household { id } landParcels { parcel { certificates { id } } } } }",
      { id: holders[0].personalId },
    );
    const household = ids.body.data.citizen.household.id as string;
    const certificate = ids.body.data.citizen.landParcels[0].parcel.certificates[0].id as string;
    const query = `query($h: ID!, $c: ID!) {
      h: node(id: $h) { ... on Household { address { text } registeredOn } }
      c: node(id: $c) { ... on LandCertificate { issuedOn status } } }`;
    const [mono, routed] = await both(query, { h: household, c: certificate });
    expect(mono.body.errors).toBeUndefined();
    expect(routed.body).toEqual(mono.body);
    const fieldsBySubject = async (requestId: string | null) => {
      const out = new Map<string, Set<string>>();
      for (const row of await auditRowsOf(app.sources.gateway, [requestId!])) {
        const key = `${row.subject_kind}:${row.subject_id}`;
        for (const field of row.fields) out.set(key, (out.get(key) ?? new Set()).add(field));
      }
      return out;
    };
    const expected = await fieldsBySubject(mono.headers.get("x-request-id"));
    const recorded = await fieldsBySubject(routed.headers.get("x-request-id"));
    expect([...expected.keys()].some((k) => k.startsWith("CITIZEN:"))).toBe(true);
    expect([...expected.keys()].some((k) => k.startsWith("LAND_PARCEL:"))).toBe(true);
    for (const [subject, fields] of expected) {
      // Every field the gateway recorded against a subject, the subgraphs recorded against the same subject.
      expect([...(recorded.get(subject) ?? [])], subject).toEqual(expect.arrayContaining([...fields]));
    }
    expect([...recorded.keys()].filter((k) => k.endsWith(":null") || k.startsWith("null"))).toEqual([]);
  });
});

describe("every personal id the router answers with is audited against its person", () => {
  it("holds for the nested question, a list and a dossier evaluation", async () => {
    const evaluation = {
      procedureCode: "1.013980",
      applicant: { personalId: holders[0].personalId },
      subjects: { parcel: holders[0].parcelId, buyer: holders[1].personalId },
    };
    const asked = await Promise.all([
      ...holders.slice(0, 3).map((h) => post(routerUrl, NESTED, { id: h.personalId })),
      post(routerUrl, LIST, { p: province }),
      post(routerUrl, EVALUATE, { input: evaluation }, { ...HEADERS, "x-purpose-procedure": "1.013980" }),
    ]);
    let checked = 0;
    for (const reply of asked) {
      expect(reply.body.errors).toBeUndefined();
      const audited = await auditedCitizens(app.sources.gateway, [reply.headers.get("x-request-id")!]);
      for (const occurrence of personalIdsIn(reply.body)) {
        expect(audited.has(occurrence.id), `${occurrence.id} at ${occurrence.path}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("a subgraph that is down", () => {
  it("leaves a partial answer: its source's fields null with a typed SOURCE_UNAVAILABLE, the rest served", async () => {
    await subgraphs.land.close();
    const reply = await post(routerUrl, NESTED, { id: holders[0].personalId });
    expect(reply.status).toBe(200);
    expect(reply.body.data.citizen.fullName).toBeTruthy();
    expect(reply.body.data.citizen.enterpriseRoles.length).toBeGreaterThan(0);
    expect(reply.body.data.citizen.landParcels).toBeNull();
    const codes = reply.body.errors!.map((e) => [e.extensions.code, e.extensions.source]);
    expect(codes).toContainEqual(["SOURCE_UNAVAILABLE", "land"]);
    // Never the transport's own error: it would hold the signed subgraph request.
    expect(JSON.stringify(reply.body)).not.toMatch(/hmac|representations|ndaf/);

    const holder = holders[0];
    const input = {
      procedureCode: "1.013980",
      applicant: { personalId: holder.personalId },
      subjects: { parcel: holder.parcelId, buyer: holders[1].personalId },
    };
    const evaluated = await post(routerUrl, EVALUATE, { input }, { ...HEADERS, "x-purpose-procedure": "1.013980" });
    const reasons = evaluated.body.data.evaluateDossier.components.map((c: { reason: string | null }) => c.reason);
    expect(reasons).toContain("SOURCE_UNAVAILABLE");
  });
});
