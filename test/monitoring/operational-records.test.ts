/**
 * Operational records through the real endpoint, on both drivers: requests counted per operation and outcome after
 * a flush (refusals before GraphQL included), each client reading only its own unless it holds `oversight`, the
 * window checked, hostile operation names made safe, and two flushes into one minute added up by the upsert.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ALL_CLIENT_ID, DEMO_PURPOSE } from "../../src/modules/access/demo.js";
import { cellWriter, OperationalRecorder } from "../../src/modules/monitoring/index.js";
import { clientHeaders, DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
let personalId: string;
/** A system with a basic population grant under the demo procedure, and no role. */
let basic: { id: string; headers: Record<string, string> };
/** A system holding `oversight`, and no grant. */
let oversight: { id: string; headers: Record<string, string> };
/** A system allowed one request a minute. */
let limited: { id: string; headers: Record<string, string> };

const RECORDS = `query Records($from: DateTime!, $to: DateTime!, $clientId: String, $operation: String, $first: Int, $after: String) {
  operationalRecords(from: $from, to: $to, clientId: $clientId, operation: $operation, first: $first, after: $after) {
    totalCount
    totals { requests errors averageMs maxMs p50Ms p95Ms p99Ms }
    edges { cursor node { clientId operation procedureCode outcome errorCode requests errors averageMs maxMs p50Ms p95Ms p99Ms } }
    pageInfo { hasNextPage endCursor }
  }
}`;

function window(): { from: string; to: string } {
  const now = Date.now();
  return { from: new Date(now - 10 * 60_000).toISOString(), to: new Date(now + 2 * 60_000).toISOString() };
}

async function records(headers: Record<string, string>, filter: Record<string, unknown> = {}) {
  await gw.app.monitoring.flush();
  const reply = await gw.query(RECORDS, { ...window(), first: 100, ...filter }, headers);
  expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
  return reply.body.data.operationalRecords as {
    totalCount: number;
    totals: Record<string, number | null>;
    edges: { cursor: string; node: Record<string, any> }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function register(id: string, options: { grants?: any[]; roles?: string[]; rateLimitPerMinute?: number } = {}) {
  const { key } = await gw.app.clients.register({ id, name: id, ...options });
  return { id, headers: clientHeaders(key) };
}

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 300 });
  [{ personal_id: personalId }] = await gw.app.sources.population.raw<{ personal_id: string }>(
    "select personal_id from population.citizens order by personal_id limit 1",
  );
  basic = await register("VN:GOV:TEST:MONITORED", {
    grants: [{ sources: ["population"], classes: ["basic"], procedures: [DEMO_PURPOSE.procedure] }],
  });
  oversight = await register("VN:GOV:TEST:OVERSIGHT", { roles: ["oversight"] });
  limited = await register("VN:GOV:TEST:LIMITED", { rateLimitPerMinute: 1 });
});

afterAll(async () => {
  await gw?.close();
});

describe("recording", () => {
  it("counts a client's requests per operation, procedure and outcome once flushed", async () => {
    const before = await records(basic.headers, { operation: "MonitoredName" });
    expect(before.edges).toEqual([]);
    for (let i = 0; i < 3; i++) {
      const reply = await gw.query(
        `query MonitoredName($id: PersonalId!) { citizen(personalId: $id) { fullName } }`,
        { id: personalId },
        basic.headers,
      );
      expect(reply.body.errors).toBeUndefined();
    }
    const page = await records(basic.headers, { operation: "MonitoredName" });
    expect(page.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        clientId: basic.id,
        operation: "MonitoredName",
        procedureCode: DEMO_PURPOSE.procedure,
        outcome: "OK",
        errorCode: null,
        requests: 3,
        errors: 0,
      }),
    ]);
    const node = page.edges[0]!.node;
    expect(node.averageMs).toBeGreaterThan(0);
    expect(node.p50Ms).toBeGreaterThan(0);
    expect(node.p50Ms).toBeLessThanOrEqual(node.p99Ms);
    expect(node.p99Ms).toBeLessThanOrEqual(node.maxMs);
    expect(page.totals).toMatchObject({ requests: 3, errors: 0 });
  });

  it("counts errors by code: a field not granted, an unauthenticated read, a rate limit, a body that is not JSON", async () => {
    const sensitive = await gw.query(
      `query Sensitive($id: PersonalId!) { citizen(personalId: $id) { religion } }`,
      { id: personalId },
      basic.headers,
    );
    expect(sensitive.body.errors?.[0]?.extensions.code).toBe("FIELD_NOT_GRANTED");
    const anonymous = await gw.query(
      `query AnonymousRead($id: PersonalId!) { citizen(personalId: $id) { fullName } }`,
      { id: personalId },
      {},
    );
    expect(anonymous.body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    await gw.query(`query Once { __typename }`, {}, limited.headers);
    const second = await gw.query(`query Once { __typename }`, {}, limited.headers);
    expect(second.body.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
    const notJson = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
    await notJson.text();

    const own = await records(basic.headers, { operation: "Sensitive" });
    expect(own.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        operation: "Sensitive",
        outcome: "FIELD_NOT_GRANTED",
        errorCode: "FIELD_NOT_GRANTED",
        requests: 1,
        errors: 1,
      }),
    ]);
    const anon = (await records(oversight.headers, { clientId: "anonymous" })).edges.map((e) => e.node);
    expect(anon).toContainEqual(expect.objectContaining({ operation: "AnonymousRead", outcome: "UNAUTHENTICATED", requests: 1 }));
    expect(anon).toContainEqual(expect.objectContaining({ operation: "(unread)", outcome: "BAD_REQUEST" }));
    const capped = (await records(oversight.headers, { clientId: limited.id })).edges.map((e) => e.node);
    expect(capped).toContainEqual(expect.objectContaining({ clientId: limited.id, operation: "Once", outcome: "OK", requests: 1 }));
    expect(capped).toContainEqual(
      expect.objectContaining({ clientId: limited.id, operation: "(unread)", outcome: "RATE_LIMITED", requests: 1 }),
    );
  });
});

describe("reading", () => {
  it("shows a client only its own records, and another client's only with the oversight role", async () => {
    await gw.query(`query DemoOwn { __typename }`, {}, DEMO_HEADERS);
    const own = await records(basic.headers);
    expect(own.edges.length).toBeGreaterThan(0);
    expect(new Set(own.edges.map((e) => e.node.clientId))).toEqual(new Set([basic.id]));

    await gw.app.monitoring.flush();
    const refused = await gw.query(RECORDS, { ...window(), clientId: DEMO_ALL_CLIENT_ID }, basic.headers);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "ROLE_REQUIRED", role: "oversight" });
    expect(refused.body.data?.operationalRecords ?? null).toBeNull();

    const demo = await records(oversight.headers, { clientId: DEMO_ALL_CLIENT_ID, operation: "DemoOwn" });
    expect(demo.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ clientId: DEMO_ALL_CLIENT_ID, operation: "DemoOwn", requests: 1 }),
    ]);
    const everyone = await records(oversight.headers);
    const clients = new Set(everyone.edges.map((e) => e.node.clientId));
    for (const id of [basic.id, DEMO_ALL_CLIENT_ID, limited.id, "anonymous"]) expect(clients).toContain(id);
    // The all-grants demo client holds every role, oversight included.
    expect((await records(DEMO_HEADERS, { clientId: basic.id })).edges.length).toBeGreaterThan(0);
  });

  it("refuses an anonymous reader", async () => {
    const reply = await gw.query(RECORDS, window(), {});
    expect(reply.body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("pages through the records with keyset cursors, the totals over the whole window", async () => {
    const all = await records(oversight.headers);
    expect(all.edges.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: Awaited<ReturnType<typeof records>> = await records(oversight.headers, { first: 2, after });
      expect(page.edges.length).toBeLessThanOrEqual(2);
      expect(page.totals.requests).toBeGreaterThanOrEqual(all.totals.requests!);
      seen.push(...page.edges.map((e) => `${e.node.clientId}|${e.node.operation}|${e.node.procedureCode}|${e.node.outcome}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(all.edges.length);
  });

  it("checks the window: from before to, at most 31 days", async () => {
    const at = new Date();
    const cases = [
      { from: at.toISOString(), to: at.toISOString(), says: "must be before" },
      { from: at.toISOString(), to: new Date(at.getTime() - 1000).toISOString(), says: "must be before" },
      { from: new Date(at.getTime() - 32 * 86_400_000).toISOString(), to: at.toISOString(), says: "31 days" },
    ];
    for (const { from, to, says } of cases) {
      const reply = await gw.query(RECORDS, { from, to }, basic.headers);
      expect(reply.body.errors?.[0]?.extensions.code, JSON.stringify(reply.body)).toBe("INVALID_ARGUMENT");
      expect(reply.body.errors?.[0]?.message).toContain(says);
    }
    const thirtyOne = await gw.query(
      RECORDS,
      { from: new Date(at.getTime() - 31 * 86_400_000).toISOString(), to: at.toISOString() },
      basic.headers,
    );
    expect(thirtyOne.body.errors).toBeUndefined();
  });
});

describe("what a record may hold", () => {
  it("cuts a hostile 10,000-character name, and drops a personal id from a name", async () => {
    const long = "N".repeat(10_000);
    expect((await gw.query(`query ${long} { __typename }`, {}, basic.headers)).body.errors).toBeUndefined();
    expect((await gw.query(`query getCitizen${personalId} { __typename }`, {}, basic.headers)).body.errors).toBeUndefined();
    // Named in the body only (the document names no such operation): refused, and the name still made safe.
    const mismatch = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...basic.headers },
      body: JSON.stringify({ query: "query A { __typename }", operationName: `who-${personalId}-!` }),
    });
    await mismatch.text();
    await gw.app.monitoring.flush();

    const rows = await gw.app.sources.gateway.raw<{ operation: string; client_id: string; procedure_code: string }>(
      "select operation, client_id, procedure_code from gateway.operational_records",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.operation).toMatch(/^([A-Za-z0-9_]{1,64}|\((unnamed|other|unread)\))$/);
      expect(`${row.operation} ${row.client_id} ${row.procedure_code}`).not.toMatch(/\d{12}/);
    }
    const names = new Set(rows.map((r) => r.operation));
    expect(names).toContain("N".repeat(64));
    expect(names).toContain("getCitizen");
    expect(names, [...names].join(" ")).toContain("who");
  });

  it("adds two flushes into the same minute to one row (the upsert)", async () => {
    const minute = Date.UTC(2026, 0, 5, 10, 30);
    let now = minute + 5_000;
    const recorder = new OperationalRecorder(cellWriter(gw.app.sources.gateway.db), { flushIntervalMs: 0, now: () => now });
    const client = { id: "VN:GOV:TEST:UPSERT", kind: "SYSTEM" as const };
    recorder.record({ client, operation: "Twice", procedure: null, durationMs: 3 });
    recorder.record({ client, operation: "Twice", procedure: null, durationMs: 70 });
    await recorder.flush();
    now = minute + 50_000;
    recorder.record({ client, operation: "Twice", procedure: null, durationMs: 20_000 });
    await recorder.flush();
    // Another replica's recorder, writing the same minute.
    const replica = new OperationalRecorder(cellWriter(gw.app.sources.gateway.db), { flushIntervalMs: 0, now: () => now });
    replica.record({ client, operation: "Twice", procedure: null, durationMs: 4 });
    await replica.stop();

    const rows = await gw.app.sources.gateway.raw<Record<string, any>>(
      "select window_start, requests, duration_ms_sum, duration_ms_max, latency_buckets from gateway.operational_records where client_id = $1",
      [client.id],
    );
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]!.window_start).getTime()).toBe(minute);
    expect(Number(rows[0]!.requests)).toBe(4);
    expect(Number(rows[0]!.duration_ms_sum)).toBe(20_077);
    expect(Number(rows[0]!.duration_ms_max)).toBe(20_000);
    expect(rows[0]!.latency_buckets.map(Number)).toEqual([2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);

    const page = await records(oversight.headers, {
      clientId: client.id,
      from: new Date(minute).toISOString(),
      to: new Date(minute + 60_000).toISOString(),
    });
    expect(page.edges.map((e) => e.node)).toEqual([expect.objectContaining({ operation: "Twice", requests: 4, maxMs: 20_000 })]);
    expect(page.totals.p99Ms).toBeGreaterThan(10_000);
    expect(page.totals.p50Ms).toBeLessThanOrEqual(100);
  });
});
