/**
 * No GraphQL answer may be kept by a browser or a proxy: an answer can hold personal data, read under one client's
 * grant and purpose. Every answer — data, a field error, a validation error, a GET, a refusal before Apollo — says
 * `Cache-Control: no-store`; and, since no type or field carries a cache hint, Apollo's per-field cache-control
 * instrumentation stays off (it would wrap every resolver of the schema to reach that same header).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 100 });
});
afterAll(async () => {
  await gw?.close();
});

describe("successful answers are never cacheable", () => {
  it("a citizen's record, with their personal data, is answered no-store", async () => {
    const [row] = await gw.app.sources.population.raw<{ personal_id: string }>(
      `select personal_id from population.citizens order by personal_id limit 1`,
    );
    const answer = await gw.send(`query($id: PersonalId!) { citizen(personalId: $id) { personalId fullName } }`, { id: row.personal_id });
    expect(answer.status).toBe(200);
    expect(answer.body.data.citizen.personalId).toBe(row.personal_id);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("a GET of public reference data is answered no-store", async () => {
    const response = await fetch(`${gw.url}/graphql?query=${encodeURIComponent("{ provinces { code } }")}`, {
      headers: { ...DEMO_HEADERS, "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.provinces.length).toBe(34);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("Apollo does not wrap the schema's resolvers for per-field plugins", async () => {
    await gw.send(`{ provinces { code } }`);
    const instrumented = Object.getOwnPropertySymbols(gw.app.schema).map((symbol) => symbol.description);
    expect(instrumented).not.toContain("apolloServerPluginsEnabled");
  });
});

describe("failing answers are never cacheable", () => {
  it("a personal-data field refused for want of a purpose is answered no-store", async () => {
    const { authorization } = DEMO_HEADERS;
    const answer = await gw.send(`{ provinces { code } citizen(personalId: "001099999999") { fullName } }`, undefined, { authorization });
    expect(answer.body.errors?.[0].extensions.code).toBe("PURPOSE_REQUIRED");
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("a refusal before GraphQL runs (a key no one holds) is answered no-store", async () => {
    const answer = await gw.send(`{ provinces { code } }`, undefined, { authorization: "Bearer not-a-key-anyone-holds" });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0].extensions.code).toBe("INVALID_CREDENTIAL");
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("a validation error is answered no-store", async () => {
    const answer = await gw.send(`{ provinces { noSuchField } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});
