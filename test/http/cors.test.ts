/**
 * CORS through real HTTP: preflights answered before authentication and before Apollo, the allow and expose headers
 * on every answer to a permitted origin (errors sent before GraphQL runs included), none for another origin.
 * The browser's side of the same (a page on another origin reading data and x-request-id) is cors-browser.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from "../../src/http/cors.js";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

const VITE = "http://localhost:5173";
const PORTAL = "https://portal.example.gov.vn";
const STRANGER = "https://stranger.example.com";
const QUERY = JSON.stringify({ query: "{ provinces { code } }" });

/** What a browser sends before a POST with the key and purpose headers. */
function preflight(url: string, origin: string, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-purpose-case,x-purpose-procedure,x-request-id",
      ...extra,
    },
  });
}

function post(url: string, origin: string | undefined, headers: Record<string, string> = DEMO_HEADERS, body = QUERY): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(origin ? { origin } : {}), ...headers },
    body,
  });
}

function expectReadableBy(response: Response, origin: string): void {
  expect(response.headers.get("access-control-allow-origin")).toBe(origin);
  expect(response.headers.get("access-control-expose-headers")?.split(/,\s*/)).toEqual([...CORS_EXPOSED_HEADERS]);
  expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
  expect(response.headers.get("access-control-allow-credentials")).toBeNull();
}

function expectNotReadable(response: Response): void {
  expect(response.headers.get("access-control-allow-origin")).toBeNull();
  expect(response.headers.get("access-control-expose-headers")).toBeNull();
  expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
}

describe("successful CORS in development (localhost on any port by default)", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ citizens: 100 });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it("answers a localhost preflight with 204 and the allow headers, without a key and without reaching Apollo", async () => {
    for (const origin of [VITE, "http://127.0.0.1:3000", "http://[::1]:8080", "https://app.localhost"]) {
      const response = await preflight(gw.url, origin);
      expect(response.status, origin).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-methods")?.split(/,\s*/)).toEqual(["GET", "POST", "OPTIONS"]);
      const allowed = response.headers.get("access-control-allow-headers")?.split(/,\s*/) ?? [];
      for (const name of [
        "authorization",
        "content-type",
        "x-purpose-procedure",
        "x-purpose-case",
        "x-request-id",
        "apollo-require-preflight",
        "x-apollo-operation-name",
      ]) {
        expect(allowed).toContain(name);
      }
      expect(allowed).toEqual([...CORS_ALLOWED_HEADERS]);
      expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
      expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.text()).toBe("");
    }
  });

  it("lets the page read the answer and its request id", async () => {
    const response = await post(gw.url, VITE, { ...DEMO_HEADERS, "x-request-id": "trace-42" });
    expect(response.status).toBe(200);
    expectReadableBy(response, VITE);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-caller-request-id")).toBe("trace-42");
    expect((await response.json()).data.provinces.length).toBe(34);
  });

  it("carries the headers on errors answered before GraphQL runs (401, 400, 413, 404) and on GraphQL errors", async () => {
    const unauthenticated = await post(gw.url, VITE, { authorization: "Bearer not-a-key-at-all" });
    expect(unauthenticated.status).toBe(401);
    expectReadableBy(unauthenticated, VITE);
    expect((await unauthenticated.json()).errors[0].extensions.code).toBe("INVALID_CREDENTIAL");

    const badJson = await post(gw.url, VITE, {}, "{not json");
    expect(badJson.status).toBe(400);
    expectReadableBy(badJson, VITE);

    const tooLarge = await post(
      gw.url,
      VITE,
      {},
      JSON.stringify({ query: "{ provinces { code } }", variables: { pad: "x".repeat(1_100_000) } }),
    );
    expect(tooLarge.status).toBe(413);
    expectReadableBy(tooLarge, VITE);

    const missing = await fetch(`${gw.url}/nowhere`, { headers: { origin: VITE } });
    expect(missing.status).toBe(404);
    expectReadableBy(missing, VITE);

    const invalid = await post(gw.url, VITE, {}, JSON.stringify({ query: "{ nope }" }));
    expect(invalid.status).toBe(400);
    expectReadableBy(invalid, VITE);
  });

  it("answers another origin without allow headers, and its preflight with 403", async () => {
    const refused = await preflight(gw.url, STRANGER);
    expect(refused.status).toBe(403);
    expectNotReadable(refused);
    expect(refused.headers.get("access-control-allow-methods")).toBeNull();
    expect(await refused.text()).toMatch(/GATEWAY_CORS_ORIGINS/);

    // Served (CORS is the browser's rule, not an access check: the key is), but a browser will not let the page read it.
    const answered = await post(gw.url, STRANGER);
    expect(answered.status).toBe(200);
    expectNotReadable(answered);

    for (const origin of ["null", "http://localhost.example.com", "http://127.0.0.2:5173", "file://"]) {
      expect((await preflight(gw.url, origin)).status, origin).toBe(403);
    }
  });

  it("leaves requests without Origin as they were, apart from Vary", async () => {
    const response = await post(gw.url, undefined);
    expect(response.status).toBe(200);
    expectNotReadable(response);
    // An OPTIONS that is not a preflight is not answered by CORS.
    const options = await fetch(`${gw.url}/graphql`, { method: "OPTIONS" });
    expect(options.status).not.toBe(204);
  });
});

describe("successful CORS with a listed origin and localhost off (as in production)", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      citizens: 100,
      configure: (c) => ({
        ...c,
        cors: { origins: [PORTAL], anyOrigin: false, localhost: false },
        access: { ...c.access, anonymousRateLimitPerMinute: 1 },
      }),
    });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it("allows exactly the listed origin", async () => {
    expect((await preflight(gw.url, PORTAL)).status).toBe(204);
    for (const origin of [
      VITE,
      "https://portal.example.gov.vn:8443",
      "http://portal.example.gov.vn",
      "https://evil.portal.example.gov.vn",
    ]) {
      const response = await preflight(gw.url, origin);
      expect(response.status, origin).toBe(403);
      expectNotReadable(response);
    }
  });

  it("counts no preflight against the rate limit, and a 429 carries Retry-After where the page can read it", async () => {
    for (let i = 0; i < 5; i++) expect((await preflight(gw.url, PORTAL)).status).toBe(204);
    const first = await post(gw.url, PORTAL, {});
    expect(first.status).toBe(200);
    const limited = await post(gw.url, PORTAL, {});
    expect(limited.status).toBe(429);
    expectReadableBy(limited, PORTAL);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).errors[0].extensions.code).toBe("RATE_LIMITED");
  });
});
