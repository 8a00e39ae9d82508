/**
 * The router in the caller's language: it negotiates Accept-Language as the gateway does (Content-Language, Vary),
 * says graphql-js's English again, keeps no cached refusal across languages (Yoga caches a document's parse error
 * and validation result), and asks each subgraph in the same language, so a subgraph's refusal (a page size, an
 * unknown administrative unit) reaches the caller in it. Codes and extensions do not change. Postgres only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PURPOSE } from "../../src/modules/access/index.js";
import { DEFAULT_DEMO_API_KEY } from "../../src/modules/access/demo.js";
import { loadConfig, SOURCE_NAMES, URL_VARIABLES } from "../../src/platform/config.js";
import { createApp, type App } from "../../src/app.js";
import { type RouterService, startRouter } from "../../src/federation/router.js";
import { type SubgraphService, startSubgraph } from "../../src/federation/subgraph-server.js";
import type { SubgraphName } from "../../src/federation/ownership.js";
import { DEFAULT_LIMITS } from "../../src/modules/access/index.js";
import { createThrowawayDatabases, type ThrowawayDatabases } from "../../scripts/lib/throwaway-db.js";

const SECRET = "federation-i18n-secret-0123456789abcdef";
const HEADERS = {
  "content-type": "application/json",
  authorization: `Bearer ${DEFAULT_DEMO_API_KEY}`,
  "x-purpose-procedure": DEMO_PURPOSE.procedure,
  "x-purpose-case": DEMO_PURPOSE.caseId,
};

let databases: ThrowawayDatabases<(typeof SOURCE_NAMES)[number]>;
let app: App;
const subgraphs = {} as Record<SubgraphName, SubgraphService>;
const urls = {} as Record<SubgraphName, string>;
let router: RouterService;
let routerUrl: string;

beforeAll(async () => {
  databases = await createThrowawayDatabases("ndaf_fed_i18n", SOURCE_NAMES);
  const env = { ...process.env, NODE_ENV: "test", ...Object.fromEntries(SOURCE_NAMES.map((n) => [URL_VARIABLES[n], databases.urls[n]])) };
  const config = loadConfig(env);
  app = await createApp(config, { seedIfEmpty: 60 });
  for (const name of ["population", "land", "business"] as const) {
    subgraphs[name] = await startSubgraph({ name, config, secret: SECRET });
    urls[name] = `http://127.0.0.1:${await subgraphs[name].listen(0, "127.0.0.1")}/graphql`;
  }
  subgraphs.gateway = await startSubgraph({
    name: "gateway",
    config,
    secret: SECRET,
    sourceUrls: { population: urls.population, land: urls.land, business: urls.business },
  });
  urls.gateway = `http://127.0.0.1:${await subgraphs.gateway.listen(0, "127.0.0.1")}/graphql`;
  router = await startRouter({ config, secret: SECRET, urls, subgraphTimeoutMs: 3_000 });
  routerUrl = `http://127.0.0.1:${await router.listen(0, "127.0.0.1")}/graphql`;
}, 240_000);

afterAll(async () => {
  await router?.close();
  for (const service of Object.values(subgraphs)) await service?.close().catch(() => {});
  await app?.close();
  await databases?.close();
});

async function ask(query: string, variables: Record<string, unknown>, language: "en" | "vi") {
  const headers: Record<string, string> = language === "vi" ? { ...HEADERS, "accept-language": "vi" } : HEADERS;
  const response = await fetch(routerUrl, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
  expect(response.headers.get("content-language")).toBe(language);
  expect(response.headers.get("vary") ?? "").toMatch(/accept-language/i);
  if (process.env.SHOW_MESSAGES) console.log(response.status, JSON.stringify(body.errors![0]));
  return { status: response.status, error: body.errors![0] };
}

/** English, Vietnamese, then English and Vietnamese again: the same code and extensions, each in its words. */
async function bothLanguages(query: string, variables: Record<string, unknown> = {}) {
  const en = await ask(query, variables, "en");
  const vi = await ask(query, variables, "vi");
  const [enAgain, viAgain] = [await ask(query, variables, "en"), await ask(query, variables, "vi")];
  expect(vi.error.extensions).toEqual(en.error.extensions);
  expect(vi.status).toBe(en.status);
  expect(enAgain.error.message).toBe(en.error.message);
  expect(viAgain.error.message).toBe(vi.error.message);
  return { en: en.error.message, vi: vi.error.message, code: en.error.extensions?.code };
}

describe("the router in the caller's language", () => {
  it("a subgraph's refusal: INVALID_PAGINATION (first: 500)", async () => {
    const { en, vi, code } = await bothLanguages("{ citizens(first: 500) { totalCount } }");
    expect(code).toBe("INVALID_PAGINATION");
    expect(en).toBe('"first" must be between 1 and 100; got 500. Page through longer lists with "after".');
    expect(vi).toBe(
      '"first" phải nằm trong khoảng từ 1 đến 100; nhận được 500. Với danh sách dài hơn, hãy xem tiếp từng trang bằng "after".',
    );
  });

  it("an unknown administrative unit", async () => {
    const { en, vi, code } = await bothLanguages('{ administrativeUnit(code: "99") { __typename } }');
    expect(code).toBe("UNKNOWN_ADMINISTRATIVE_UNIT");
    expect(en).toContain("No province or commune has code 99 on the 2025 administrative map.");
    expect(vi).toContain("Không có tỉnh/thành phố hay xã/phường nào mang mã 99 trên bản đồ hành chính năm 2025.");
  });

  it("the router's own scalar refusal, as a variable (graphql-js's wrapper said again) and as a literal", async () => {
    const variable = await bothLanguages("query ($id: PersonalId!) { citizen(personalId: $id) { fullName } }", { id: "123" });
    expect(variable.code).toBe("INVALID_PERSONAL_ID");
    expect(variable.en).toContain("Invalid PersonalId: a personal identification number is exactly 12 digits");
    expect(variable.vi).toBe(
      'Biến "$id" nhận giá trị không hợp lệ "123"; PersonalId không hợp lệ: số định danh cá nhân gồm đúng 12 chữ số; nhận được "123" (3 ký tự).',
    );
    const literal = await bothLanguages('{ citizen(personalId: "12345") { fullName } }');
    expect(literal.code).toBe("INVALID_PERSONAL_ID");
    expect(literal.vi).toContain("PersonalId không hợp lệ: số định danh cá nhân gồm đúng 12 chữ số");
  });

  it("graphql-js's validation and the token limit, cached per document by Yoga, in each language", async () => {
    const unknown = await bothLanguages("{ citizenz { fullName } }");
    expect(unknown.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(unknown.vi).toMatch(/^Kiểu "Query" không có trường "citizenz"\./);
    const long = await bothLanguages(`{ ${"__typename ".repeat(DEFAULT_LIMITS.maxTokens + 10)}}`);
    expect(long.code).toBe("TOO_MANY_TOKENS");
    expect(long.vi).toMatch(/^Truy vấn quá dài/);
  });
});
