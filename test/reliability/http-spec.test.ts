/**
 * The HTTP front for operators and clients: graphql-http's server audit (every MUST holds; SHOULD and MAY results
 * are printed, so a regression shows in the log), health and Prometheus metrics.
 */
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

describe("GraphQL over HTTP (graphql-http audit)", () => {
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

  it("passes every MUST of the specification", async () => {
    const results = await Promise.all(
      serverAudits({ url: `${gw.url}/graphql` }).map(async (audit) => ({ ...(await audit.fn()), name: audit.name })),
    );
    const failed = results.filter((r) => r.status !== "ok");
    console.log(
      `graphql-http audit: ${results.length - failed.length}/${results.length} ok\n${failed.map((r) => `${r.status} ${r.name}: ${r.reason}`).join("\n")}`,
    );
    expect(failed.filter((r) => r.name.startsWith("MUST")).map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
  });

  it("answers liveness and readiness, and counts requests, errors and statements per source in /metrics", async () => {
    expect(await (await fetch(`${gw.url}/health/live`)).json()).toEqual({
      status: "LIVE",
      process: { host: expect.any(String), pid: process.pid },
    });
    const ready = await fetch(`${gw.url}/health/ready`);
    expect(ready.status).toBe(200);
    const body = await ready.json();
    expect(body.status).toBe("READY");
    for (const name of ["population", "land", "business", "gateway"])
      expect(body.sources[name]).toMatchObject({ state: "UP", circuit: "CLOSED" });

    const before = gw.statements().population;
    await gw.query(`{ citizens(first: 3) { edges { node { fullName } } } }`);
    await gw.query(`{ nope }`);
    const ran = gw.statements().population - before;
    const metrics = await fetch(`${gw.url}/metrics`);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await metrics.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(value(/ndaf_http_requests_total\{route="\/graphql",method="POST",status="200"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(value(/ndaf_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(value(/ndaf_source_statements_total\{source="population",outcome="ok"\} (\d+)/)).toBeGreaterThanOrEqual(ran);
    expect(text).toMatch(/ndaf_source_statement_duration_seconds_bucket\{le="0.005",source="population"\} \d+/);
    expect(text).toMatch(/ndaf_source_circuit_state\{source="land"\} 0/);
    expect(text).toMatch(/ndaf_process_resident_memory_bytes \d+/);
  });
});
