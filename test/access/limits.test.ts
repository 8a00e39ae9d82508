/**
 * Query limits over HTTP: depth, aliases, cost, tokens and directives are refused with typed 4xx errors before
 * anything runs, while the gateway's own heavy nested question is left alone; introspection per configuration;
 * the per-client rate limit; and malformed bodies.
 */
import { randomUUID } from "node:crypto";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grant } from "../../src/modules/access/clients.js";
import { operationCost } from "../../src/modules/access/cost.js";
import { DEFAULT_LIMITS } from "../../src/modules/access/limits.js";
import { createApp } from "../../src/app.js";
import { nestedCitizensQuery } from "../support/queries.js";
import { createServer, type GatewayServer } from "../../src/http/server.js";
import { clientHeaders, DEMO_HEADERS, startTestGateway, testConfig, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
let personalId: string;

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 300 });
  [{ personal_id: personalId }] = await gw.app.sources.population.raw<{ personal_id: string }>(
    "select personal_id from population.citizens where father_id is not null order by personal_id limit 1",
  );
});
afterAll(() => gw?.close());

interface Reply {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: any[] };
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Reply["body"] };
}

/** POST an operation; headers default to the demo client holding every grant, with the demo purpose. */
function send(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = DEMO_HEADERS,
  url = gw.url,
): Promise<Reply> {
  return post(url, JSON.stringify({ query, variables }), { "content-type": "application/json", ...headers });
}

/** A refusal before anything runs: a 4xx status, an error of this code, no data. */
function refused(reply: Reply, code: string, status = 400) {
  expect(reply.status, JSON.stringify(reply.body).slice(0, 2000)).toBe(status);
  expect(reply.body).not.toHaveProperty("data");
  const error = reply.body.errors?.find((e) => e.extensions?.code === code);
  expect(error, JSON.stringify(reply.body.errors ?? null).slice(0, 2000)).toBeDefined();
  expect(error.extensions.stacktrace).toBeUndefined();
  return error;
}

function served(reply: Reply) {
  expect(reply.status, JSON.stringify(reply.body).slice(0, 2000)).toBe(200);
  expect(reply.body.errors, JSON.stringify(reply.body.errors ?? null).slice(0, 2000)).toBeUndefined();
  return reply.body.data;
}

let clientNumber = 0;
async function registerSystem(options: { rateLimitPerMinute?: number } = {}) {
  const grants: Grant[] = [{ sources: ["population"], classes: ["basic"], procedures: ["*"] }];
  const id = `VN:GOV:LIMITS:SYSTEM-${++clientNumber}`;
  const { key } = await gw.app.clients.register({ id, name: `Limits test system ${clientNumber}`, grants, ...options });
  return { id, key };
}

/** The gateway's cost of an operation (src/modules/access/cost.ts), as its refusal reports it. */
function costOf(query: string, variables?: Record<string, unknown>): number {
  return operationCost(gw.app.schema, parse(query), undefined, variables)!;
}

/** `citizen → father → father → …` with `levels` fathers, each with fullName: depth levels + 2. */
function fathers(levels: number): string {
  let selection = "fullName";
  for (let i = 0; i < levels; i++) selection = `fullName father { ${selection} }`;
  return `query($id: PersonalId!) { citizen(personalId: $id) { ${selection} } }`;
}

const NESTED = nestedCitizensQuery;

const COSTLY_NODE = `edges { node { children { children { identityCards { number } } } landParcels { parcel { holders { sharePercent } certificates { serial } } } } }`;

describe("query limits", () => {
  it("refuses a query nested deeper than the limit with 400 QUERY_TOO_DEEP, and serves one at the limit", async () => {
    const error = refused(await send(fathers(DEFAULT_LIMITS.maxDepth), { id: personalId }), "QUERY_TOO_DEEP");
    expect(error.message).toContain(`limit of ${DEFAULT_LIMITS.maxDepth}`);
    expect(error.message).toContain(`found ${DEFAULT_LIMITS.maxDepth + 2}`);
    // citizen + 10 fathers + fullName = 12 levels: allowed.
    const data = served(await send(fathers(DEFAULT_LIMITS.maxDepth - 2), { id: personalId }));
    expect(data.citizen.fullName).toEqual(expect.any(String));
  });

  it("refuses more aliases than the limit with 400 TOO_MANY_ALIASES, and serves as many as the limit", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: provinces { code }`).join(" ")} }`;
    const error = refused(await send(aliases(40), undefined, {}), "TOO_MANY_ALIASES");
    expect(error.message).toContain(`limit of ${DEFAULT_LIMITS.maxAliases}`);
    expect(error.message).toContain("found 40");
    const data = served(await send(aliases(DEFAULT_LIMITS.maxAliases), undefined, {}));
    expect(Object.keys(data)).toHaveLength(DEFAULT_LIMITS.maxAliases);
  });

  it("refuses a query costlier than the limit with 400 QUERY_TOO_COSTLY, the cost and the limit in extensions", async () => {
    const one = `citizens(first: 100) { ${COSTLY_NODE} }`;
    const query = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: ${one}`).join(" ")} }`;
    const cost = costOf(query);
    expect(cost).toBe(5 * costOf(`{ ${one} }`));
    expect(cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    const error = refused(await send(query), "QUERY_TOO_COSTLY");
    expect(error.extensions).toMatchObject({ cost, maxCost: DEFAULT_LIMITS.maxCost });
    expect(error.message).toContain(`cost ${cost}, over the limit of ${DEFAULT_LIMITS.maxCost}`);
    expect(error.message).toMatch(/smaller pages, fewer nested lists or fewer aliases/);
  });

  it("costs a page size given in a variable: refused at 100, served at 2, costed as a page of 20 when left out", async () => {
    const aliases = (first: string) => Array.from({ length: 5 }, (_, i) => `a${i}: citizens(first: ${first}) { ${COSTLY_NODE} }`).join(" ");
    const query = `query($first: Int) { ${aliases("$first")} }`;
    const atHundred = costOf(query, { first: 100 });
    expect(atHundred).toBe(costOf(`{ ${aliases("100")} }`));
    expect(atHundred).toBe(100 * costOf(query, { first: 1 }));
    expect(atHundred).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    const error = refused(await send(query, { first: 100 }), "QUERY_TOO_COSTLY");
    expect(error.extensions).toMatchObject({ cost: atHundred, maxCost: DEFAULT_LIMITS.maxCost });
    expect(served(await send(query, { first: 2 })).a4.edges).toHaveLength(2);
    expect(costOf(query, {})).toBe(costOf(query, { first: 20 }));
    expect(served(await send(query, {})).a0.edges).toHaveLength(20);
  });

  it("refuses a document of more than the token limit with a 4xx TOO_MANY_TOKENS, never a 5xx", async () => {
    const query = `{ provinces { ${"code ".repeat(DEFAULT_LIMITS.maxTokens)} } }`;
    const reply = await send(query, undefined, {});
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    const error = refused(reply, "TOO_MANY_TOKENS", reply.status);
    expect(error.message).toContain(String(DEFAULT_LIMITS.maxTokens));
  });

  it("refuses more directives than the limit with 400 TOO_MANY_DIRECTIVES", async () => {
    // One directive per inline fragment, so the document is valid but for the count.
    const query = `{ provinces { ${"... @include(if: true) { code } ".repeat(DEFAULT_LIMITS.maxDirectives + 5)} } }`;
    const error = refused(await send(query, undefined, {}), "TOO_MANY_DIRECTIVES");
    expect(error.message).toContain(`limit of ${DEFAULT_LIMITS.maxDirectives}`);
    expect(error.message).toContain(`found ${DEFAULT_LIMITS.maxDirectives + 5}`);
  });

  it("serves the standard @include and @skip directives within the limit", async () => {
    const data = served(await send(`{ provinces { code @include(if: true) name @skip(if: true) } }`, undefined, {}));
    expect(data.provinces[0]).toEqual({ code: expect.any(String) });
  });

  it("leaves real use alone: the nested question over 100 citizens is answered, page size as a variable or a literal", async () => {
    expect(costOf(NESTED("100"))).toBeLessThan(DEFAULT_LIMITS.maxCost);
    for (const first of ["$first", "100"]) {
      const data = served(await send(NESTED(first), first === "$first" ? { first: 100 } : undefined));
      expect(data.citizens.edges).toHaveLength(100);
    }
  });
});

describe("the cost of unpaged lists", () => {
  const ATTACK = `provinces { communes { province { communes { code name } } } }`;
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${ATTACK}`).join(" ")} }`;

  /** A refusal that ran nothing: it comes at once, with no data, whoever asks. */
  async function refusedAtOnce(query: string, variables?: Record<string, unknown>) {
    const started = performance.now();
    const reply = await send(query, variables, {});
    const ms = performance.now() - started;
    const error = refused(reply, "QUERY_TOO_COSTLY");
    // Answering the two-alias attack took 9 s and 29 MB; refusing it is a validation step.
    expect(ms, `refused after ${Math.round(ms)} ms`).toBeLessThan(1_000);
    expect(JSON.stringify(reply.body).length).toBeLessThan(2_000);
    return error;
  }

  it("refuses the province → communes → province → communes question before running it, anonymous, with two aliases or thirty", async () => {
    const two = await refusedAtOnce(aliased(2));
    // provinces 34 × (1 + communes 168 × (1 + province (1 + communes 168 × (1 + code + name))))
    const one = 34 * (1 + 168 * (1 + (1 + 168 * 3)));
    expect(two.extensions).toMatchObject({ cost: 2 * one, maxCost: DEFAULT_LIMITS.maxCost });
    const thirty = await refusedAtOnce(aliased(DEFAULT_LIMITS.maxAliases));
    expect(thirty.extensions.cost).toBe(DEFAULT_LIMITS.maxAliases * one);
  });

  it("costs lists inside fragments and inline fragments as where they are spread", async () => {
    const viaFragment = await refusedAtOnce(
      `{ a: provinces { ...P } b: provinces { ...P } } fragment P on Province { communes { province { communes { code name } } } }`,
    );
    const viaInline = await refusedAtOnce(
      `{ a: provinces { ... on Province { communes { ... { province { communes { code name } } } } } } b: ${ATTACK} }`,
    );
    const plain = costOf(aliased(2));
    expect(viaFragment.extensions.cost).toBe(plain);
    expect(viaInline.extensions.cost).toBe(plain);
  });

  it("refuses, at once, a document whose fragments each spread the one below many times", async () => {
    // 12^4 copies of F0 from five short lines, within the depth limit (armor counts a spread as a level).
    const spreads = (i: number) => Array.from({ length: 12 }, () => `...F${i}`).join(" ");
    const bomb = `{ ...F4 } fragment F0 on Query { provinces { code } } ${[0, 1, 2, 3].map((i) => `fragment F${i + 1} on Query { ${spreads(i)} }`).join(" ")}`;
    const error = await refusedAtOnce(bomb);
    expect(error.message).toMatch(/more than \d+ selections/);
  });

  it("holds one conformance check a request: a second alias of the check is refused at once, one is answered", async () => {
    const check = (n: number) =>
      `query($i: ConformanceInput!) { ${Array.from({ length: n }, (_, k) => `a${k}: checkConformance(input: $i) { errors }`).join(" ")} }`;
    const records = JSON.stringify({ citizens: Array.from({ length: 2_000 }, (_, i) => ({ personalId: String(i) })) });
    const input = { samples: [{ name: "c.json", content: records }] };
    const one = costOf(check(1), { i: input });
    expect(one).toBeGreaterThan(DEFAULT_LIMITS.maxCost / 2);
    expect(one).toBeLessThan(DEFAULT_LIMITS.maxCost);
    const two = await refusedAtOnce(check(2), { i: input });
    expect(two.extensions.cost).toBe(2 * one);
    expect((await refusedAtOnce(check(DEFAULT_LIMITS.maxAliases), { i: input })).extensions.cost).toBe(DEFAULT_LIMITS.maxAliases * one);
    expect(served(await send(check(1), { i: input }, {})).a0.errors).toBeGreaterThanOrEqual(2_000);
  });

  it("answers the whole public map anonymously: 34 provinces and their 3,321 communes", async () => {
    const query = `{ provinces { code name communes { code name } } }`;
    expect(costOf(query)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    const data = served(await send(query, undefined, {}));
    expect(data.provinces).toHaveLength(34);
    expect(data.provinces.reduce((n: number, p: { communes: unknown[] }) => n + p.communes.length, 0)).toBe(3321);
  });
});

describe("introspection", () => {
  let closed: { server: GatewayServer; url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    const { config, cleanup } = await testConfig();
    // Also a low limit for callers without a valid key, for the key-guessing test below.
    config.access = { ...config.access, introspection: false, anonymousRateLimitPerMinute: 8 };
    const app = await createApp(config, { seedIfEmpty: 50 });
    const server = await createServer(app);
    const port = await server.listen(0, "127.0.0.1");
    closed = {
      server,
      url: `http://127.0.0.1:${port}`,
      close: async () => {
        await server.close();
        await app.close();
        await cleanup();
      },
    };
  });
  afterAll(() => closed?.close());

  it("refuses __schema and __type with INTROSPECTION_DISABLED when it is switched off, and still answers __typename", async () => {
    const schema = refused(await send(`{ __schema { types { name } } }`, undefined, {}, closed!.url), "INTROSPECTION_DISABLED");
    expect(schema.message).toContain("schema.graphql");
    refused(await send(`{ __type(name: "Citizen") { fields { name } } }`, undefined, DEMO_HEADERS, closed!.url), "INTROSPECTION_DISABLED");
    expect(served(await send(`{ __typename }`, undefined, {}, closed!.url))).toEqual({ __typename: "Query" });
  });

  it("counts unknown keys against the caller's address: guessing keys runs into 429 RATE_LIMITED", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const reply = await send(
        `{ viewer { clientId } }`,
        undefined,
        { authorization: `Bearer ndaf_guess_${i}_${"x".repeat(20)}` },
        closed!.url,
      );
      codes.push(reply.body.errors?.[0]?.extensions?.code);
    }
    expect(codes).toContain("INVALID_CREDENTIAL");
    const first429 = codes.indexOf("RATE_LIMITED");
    expect(first429, codes.join(",")).toBeGreaterThan(0);
    expect(
      codes.slice(first429).every((c) => c === "RATE_LIMITED"),
      codes.join(","),
    ).toBe(true);
  });

  it("answers introspection with the default configuration", async () => {
    const data = served(await send(`{ __schema { types { name } } }`, undefined, {}));
    expect(data.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["Citizen", "Query", "LandParcel"]));
  });
});

describe("rate limit", () => {
  it("answers the request after a client's per-minute limit with 429 RATE_LIMITED and retry-after; other clients go on", async () => {
    const limited = await registerSystem({ rateLimitPerMinute: 3 });
    const neighbour = await registerSystem({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      expect(served(await send(`{ viewer { clientId } }`, undefined, clientHeaders(limited.key, null)))).toEqual({
        viewer: { clientId: limited.id },
      });
    }
    const reply = await send(`{ viewer { clientId } }`, undefined, clientHeaders(limited.key, null));
    const error = refused(reply, "RATE_LIMITED", 429);
    const retryAfter = reply.headers.get("retry-after");
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(error.extensions.retryAfterSeconds).toBe(Number(retryAfter));
    expect(error.message).toContain("3 a minute");

    // Another client with the same limit, and anonymous callers, are counted apart.
    expect(served(await send(`{ viewer { clientId } }`, undefined, clientHeaders(neighbour.key, null)))).toEqual({
      viewer: { clientId: neighbour.id },
    });
    expect(served(await send(`{ viewer { clientId } }`, undefined, {}))).toEqual({ viewer: null });
  });
});

describe("malformed requests", () => {
  it("refuses a batched array body with a clear 400, running none of its operations", async () => {
    const client = await registerSystem();
    const body = JSON.stringify([{ query: `{ provinces { code } }` }, { query: `{ viewer { clientId } }` }]);
    const reply = await post(gw.url, body, { "content-type": "application/json", ...clientHeaders(client.key, null) });
    const error = refused(reply, "BAD_REQUEST");
    expect(error.message).toMatch(/batching/i);
  });

  it("refuses a body that is not JSON, from an authenticated client, with a clear 400", async () => {
    const client = await registerSystem();
    const headers = clientHeaders(client.key, null);
    const asJson = refused(await post(gw.url, "{ provinces { code } }", { "content-type": "application/json", ...headers }), "BAD_REQUEST");
    expect(asJson.message).toContain("not valid JSON");
    const asText = refused(await post(gw.url, `query=${randomUUID()}`, { "content-type": "text/plain", ...headers }), "BAD_REQUEST");
    expect(asText.message).toMatch(/content-type/i);
    // An unknown key is refused first, whatever the body.
    refused(
      await post(gw.url, "not json", { "content-type": "application/json", authorization: "Bearer ndaf_unknown-key-0000" }),
      "INVALID_CREDENTIAL",
      401,
    );
  });
});
