/**
 * GraphQL over HTTP: graphql-http's server audit against the running gateway. Every MUST holds; SHOULD and MAY
 * results are printed, so a regression in them shows in the log.
 */
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

describe("GraphQL over HTTP (graphql-http audit)", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ citizens: 200, configure: (c) => ({ ...c, access: { ...c.access, rateLimitPerMinute: 0, anonymousRateLimitPerMinute: 0 } }) });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it("passes every MUST of the specification", async () => {
    const results = await Promise.all(serverAudits({ url: `${gw.url}/graphql` }).map(async (audit) => ({ ...(await audit.fn()), name: audit.name })));
    const failed = results.filter((r) => r.status !== "ok");
    console.log(`graphql-http audit: ${results.length - failed.length}/${results.length} ok\n${failed.map((r) => `${r.status} ${r.name}: ${r.reason}`).join("\n")}`);
    expect(failed.filter((r) => r.name.startsWith("MUST")).map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
  });
});
