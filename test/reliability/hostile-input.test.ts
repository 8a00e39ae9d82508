/**
 * Hostile input: thousands of generated documents, variables, bodies and headers (fast-check) against the real
 * HTTP front. The process never crashes; every answer is a well-formed GraphQL response with a typed code; no stack
 * trace, SQL or internal message leaks. Then the named cases: oversized and batched bodies, invalid UTF-8, wrong
 * content types, deep and wide documents.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DEMO_API_KEY } from "../../src/modules/access/demo.js";
import { EXAMPLE_OPERATIONS } from "../../src/http/examples.js";
import { ERROR_CODES } from "../../src/platform/errors.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const TOKENS = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ":",
  "!",
  "=",
  "$",
  "...",
  "@include(if: true)",
  "@skip",
  "query",
  "mutation",
  "subscription",
  "fragment",
  "on",
  "Citizen",
  "citizen",
  "citizens",
  "personalId",
  '"001203004567"',
  '"x"',
  "first",
  "100",
  "-1",
  "1e309",
  "after",
  '"bm90IGEgY3Vyc29y"',
  "enterprises",
  "landParcels",
  "provinces",
  "communes",
  "code",
  "name",
  "__schema",
  "__typename",
  '__type(name: "Citizen")',
  "evaluateDossier",
  "checkConformance",
  "input",
  "null",
  "true",
  '"\\u0000"',
  "#",
  "\n",
  "$id",
  "$id: PersonalId!",
  "religion",
  "fullName",
  "household",
  "members",
  "edges",
  "node",
  "totalCount",
  "filter",
  ",",
  '"""block"""',
];

const LEAKS = /\bat [\w.<>]+ \(|node_modules|Failed query|postgres:\/\/|stacktrace|SELECT |ECONNREFUSED|TypeError|ReferenceError/i;
const STATUSES = new Set([200, 400, 401, 403, 404, 405, 406, 413, 415, 429]);

const document = fc.oneof(
  fc.constantFrom(...EXAMPLE_OPERATIONS.map((o) => o.query)),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(" ")),
  // A real example with a few characters cut, repeated or replaced.
  fc
    .tuple(
      fc.constantFrom(...EXAMPLE_OPERATIONS.map((o) => o.query)),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 4 })), { maxLength: 4 }),
    )
    .map(([q, edits]) =>
      edits.reduce(
        (text, [at, cut, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + cut),
        q,
      ),
    ),
);

const headerValue = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: fc.constant(`Bearer ${DEFAULT_DEMO_API_KEY}`), weight: 4 },
  { arbitrary: fc.constantFrom("Bearer ndaf-demo-citizen", "Bearer ndaf-demo-civil-status", "Bearer x", "Basic abc"), weight: 1 },
  { arbitrary: fc.string({ maxLength: 80 }), weight: 1 },
);

const request = fc.record({
  query: document,
  variables: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    {
      arbitrary: fc.dictionary(fc.constantFrom("id", "input", "search", "province", "first", "after", "c"), fc.jsonValue({ maxDepth: 3 })),
      weight: 3,
    },
    { arbitrary: fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.constant("001203004567")) }), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  ),
  operationName: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 8 },
    { arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(null), fc.integer()), weight: 1 },
  ),
  extraField: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 }),
  rawBody: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 12 },
    {
      arbitrary: fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.constantFrom("[]", "null", '{"query":1}', '{"query":"{ provinces { code } }","variables":"x"}'),
      ),
      weight: 1,
    },
  ),
  contentType: fc.oneof(
    { arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8"), weight: 8 },
    {
      arbitrary: fc.constantFrom(
        "application/graphql-response+json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
      ),
      weight: 1,
    },
  ),
  authorization: headerValue,
  purpose: fc.oneof(
    { arbitrary: fc.constant({ procedure: undefined as string | undefined, caseId: undefined as string | undefined }), weight: 2 },
    { arbitrary: fc.constant({ procedure: "1.001193", caseId: "HS-1" }), weight: 6 },
    {
      arbitrary: fc.record({
        procedure: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        caseId: fc.option(fc.string({ maxLength: 70 }), { nil: undefined }),
      }),
      weight: 1,
    },
  ),
  requestId: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 100 })),
  method: fc.oneof({ arbitrary: fc.constant("POST"), weight: 10 }, { arbitrary: fc.constantFrom("GET", "PUT"), weight: 1 }),
});

/** HTTP header values may carry only visible ASCII, space and tab; the generator is wider. */
const headerSafe = (value: string | undefined) => (value === undefined ? undefined : value.replace(/[^\x20-\x7e\t]/g, "?"));

describe("hostile input", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      citizens: 200,
      configure: (c) => ({ ...c, access: { ...c.access, rateLimitPerMinute: 0, anonymousRateLimitPerMinute: 0 } }),
    });
  });
  afterAll(async () => {
    await gw?.close();
  });

  async function send(r: typeof request extends fc.Arbitrary<infer T> ? T : never) {
    const headers: Record<string, string> = {};
    const set = (name: string, value: string | undefined) => {
      const safe = headerSafe(value);
      if (safe !== undefined) headers[name] = safe;
    };
    set("content-type", r.contentType || undefined);
    set("authorization", r.authorization);
    set("x-purpose-procedure", r.purpose.procedure);
    set("x-purpose-case", r.purpose.caseId);
    set("x-request-id", r.requestId);
    const body =
      r.rawBody ?? JSON.stringify({ query: r.query, variables: r.variables, operationName: r.operationName, extra: r.extraField });
    const url = r.method === "GET" ? `${gw.url}/graphql?query=${encodeURIComponent(r.query)}` : `${gw.url}/graphql`;
    const response = await fetch(url, { method: r.method, headers, body: r.method === "GET" ? undefined : body });
    return { status: response.status, text: await response.text(), type: response.headers.get("content-type") ?? "" };
  }

  it("answers 2,000 generated requests with well-formed GraphQL responses, typed codes and no leaks", async () => {
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { status, text, type } = await send(r);
        expect(STATUSES.has(status), `status ${status} for ${JSON.stringify(r).slice(0, 300)}: ${text.slice(0, 300)}`).toBe(true);
        expect(type).toMatch(/json/);
        const body = JSON.parse(text) as { data?: unknown; errors?: { message: unknown; extensions?: { code?: unknown } }[] };
        expect("data" in body || Array.isArray(body.errors), text.slice(0, 200)).toBe(true);
        for (const error of body.errors ?? []) {
          expect(typeof error.message).toBe("string");
          expect(typeof error.extensions?.code, JSON.stringify(error)).toBe("string");
          expect(Object.keys(ERROR_CODES), `a code outside the schema's ErrorCode enum: ${JSON.stringify(error)}`).toContain(
            error.extensions!.code,
          );
          codes.set(String(error.extensions!.code), (codes.get(String(error.extensions!.code)) ?? 0) + 1);
        }
        expect(text).not.toMatch(LEAKS);
        expect(text).not.toContain('"INTERNAL_SERVER_ERROR"');
      }),
      { numRuns: 2_000, seed: 2025 },
    );
    console.log(`hostile input: error codes seen ${JSON.stringify(Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])))}`);
    expect(codes.size).toBeGreaterThan(8);
    const live = await fetch(`${gw.url}/health/live`);
    expect(live.status).toBe(200);
  }, 180_000);

  it("refuses invalid UTF-8, wrong content types, batches and oversized bodies with clear errors", async () => {
    const post = (body: BodyInit, contentType = "application/json") =>
      fetch(`${gw.url}/graphql`, { method: "POST", headers: { "content-type": contentType }, body });
    const invalidUtf8 = await post(
      Buffer.concat([Buffer.from('{"query":"{ provinces { name } }", "x": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
    );
    expect(invalidUtf8.status).toBe(400);
    expect((await invalidUtf8.json()).errors[0]).toMatchObject({
      extensions: { code: "BAD_REQUEST" },
      message: expect.stringContaining("UTF-8"),
    });

    const textPlain = await post("{ provinces { code } }", "text/plain");
    expect([400, 415]).toContain(textPlain.status);
    expect((await textPlain.json()).errors[0].extensions.code).toBeTypeOf("string");

    const batch = await post(JSON.stringify([{ query: "{ provinces { code } }" }, { query: "{ provinces { code } }" }]));
    expect(batch.status).toBe(400);
    expect((await batch.json()).errors[0].extensions.code).toBe("BAD_REQUEST");

    const big = await post(JSON.stringify({ query: `{ provinces { code } } # ${"x".repeat(1_100_000)}` }));
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");

    const wide = await post(
      JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, i) => `p${i}: provinces { code }`).join(" ")} }` }),
    );
    expect((await wide.json()).errors[0].extensions.code).toBe("TOO_MANY_ALIASES");
    const deep = await post(JSON.stringify({ query: `{ provinces { ${"communes { province { ".repeat(7)}code${" } }".repeat(7)} } }` }));
    expect((await deep.json()).errors[0].extensions.code).toBe("QUERY_TOO_DEEP");
  });
});
