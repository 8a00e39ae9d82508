/**
 * A national source fails while the gateway runs (real Postgres): the land database is reached through a TCP proxy
 * that the test takes down, makes slow, and brings back. The rest of each answer is served, land fields are null
 * with SOURCE_UNAVAILABLE naming the source, dossier components that read land are NOT_EVALUATED, the breaker
 * opens and fails fast, readiness says so, and everything recovers without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_ADMIN_URL } from "../support/databases.js";
import { startTestGateway, TEST_DB, type TestGateway } from "../support/gateway.js";
import { startSourceProxy, type SourceProxy } from "../support/proxy.js";

const NESTED = `query($id: PersonalId!) { citizen(personalId: $id) {
  fullName
  household { id }
  landParcels { sharePercent parcel { parcelId } }
  enterpriseRoles { role }
} }`;

const TIMEOUT_MS = 800;
const RESET_MS = 1_500;

async function until<T>(what: string, attempt: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(TEST_DB !== "postgres")("a source failing while the gateway runs", () => {
  let gw: TestGateway;
  let proxy: SourceProxy;
  let holder: string;
  let parcel: string;
  let buyer: string;

  beforeAll(async () => {
    const admin = new URL(POSTGRES_ADMIN_URL);
    proxy = await startSourceProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    gw = await startTestGateway({
      seedFirst: true,
      citizens: 400,
      configure: (config) => {
        const resilience = { queryTimeoutMs: TIMEOUT_MS, resetTimeoutMs: RESET_MS, errorThresholdPercentage: 50, volumeThreshold: 3 };
        const land = new URL(config.sources.land.url!);
        const sources = Object.fromEntries(
          Object.entries(config.sources).map(([name, s]) => [name, { ...s, resilience }]),
        ) as typeof config.sources;
        sources.land = { ...sources.land, url: proxy.url(land.pathname.slice(1), config.sources.land.url!) };
        return { ...config, sources, access: { ...config.access, rateLimitPerMinute: 0, anonymousRateLimitPerMinute: 0 } };
      },
    });
    const [row] = await gw.app.sources.land.raw<{ personal_id: string; parcel_id: string }>(
      `select h.personal_id, c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE'
       where h.personal_id is not null and not exists (select 1 from land.encumbrances e where e.parcel_id = c.parcel_id and e.released_on is null)
       order by h.personal_id limit 1`,
    );
    holder = row.personal_id;
    parcel = row.parcel_id;
    const [other] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens where personal_id <> $1 and date_of_death is null order by personal_id limit 1",
      [holder],
    );
    buyer = other.personal_id;
  }, 180_000);

  afterAll(async () => {
    proxy?.up();
    await gw?.close();
    await proxy?.close();
  });

  const evaluateTransfer = () =>
    gw.query(
      `query($input: DossierInput!) { evaluateDossier(input: $input) { status components { component { rule } status reason message } } }`,
      { input: { procedureCode: "1.013980", applicant: { personalId: holder }, subjects: { parcel, buyer } } },
      { authorization: "Bearer ndaf-demo-all-grants", "x-purpose-procedure": "1.013980", "x-purpose-case": "HS-RELIABILITY" },
    );

  it("answers in full while every source is up", async () => {
    const { status, body } = await gw.query(NESTED, { id: holder });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.citizen.landParcels.map((h: { parcel: { parcelId: string } }) => h.parcel.parcelId)).toContain(parcel);
  });

  it("serves the rest of the answer when land is down: its fields null, each with SOURCE_UNAVAILABLE naming land", async () => {
    proxy.down();
    const { status, body } = await gw.query(NESTED, { id: holder });
    expect(status).toBe(200);
    expect(body.data.citizen.fullName).toBeTruthy();
    expect(body.data.citizen.household).not.toBeNull();
    expect(Array.isArray(body.data.citizen.enterpriseRoles)).toBe(true);
    expect(body.data.citizen.landParcels).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ["citizen", "landParcels"], extensions: { code: "SOURCE_UNAVAILABLE", source: "land" } });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|stack|postgres:\/\//i);

    const list = await gw.query(`{ landParcels(first: 2) { totalCount } provinces { code } }`);
    expect(list.body.data.landParcels).toBeNull();
    expect(list.body.data.provinces).toHaveLength(34);
    expect(list.body.errors![0].extensions).toMatchObject({ code: "SOURCE_UNAVAILABLE", source: "land" });
  });

  it("marks the dossier components that read land NOT_EVALUATED, never fulfilled or failed, and stores no dossier", async () => {
    const { body } = await evaluateTransfer();
    expect(body.errors).toBeUndefined();
    const evaluation = body.data.evaluateDossier;
    expect(evaluation.status).toBe("INCOMPLETE");
    const byRule = Object.fromEntries(evaluation.components.filter((c: any) => c.component.rule).map((c: any) => [c.component.rule, c]));
    for (const rule of ["CERTIFICATE_HELD", "PARCEL_UNENCUMBERED"]) {
      expect(byRule[rule], rule).toMatchObject({ status: "NOT_EVALUATED", reason: "SOURCE_UNAVAILABLE" });
      expect(byRule[rule].message).toContain("land source is unavailable");
    }
    expect(byRule.BUYER_IDENTITY.status).toBe("FULFILLED_BY_DATA"); // population is up

    const before = await gw.app.sources.gateway.raw<{ n: string }>("select count(*)::text as n from gateway.dossiers");
    const submitted = await gw.query(
      `mutation($input: DossierInput!) { submitDossier(input: $input, idempotencyKey: "reliability-0001") { dossier { id } } }`,
      { input: { procedureCode: "1.013980", applicant: { personalId: holder }, subjects: { parcel, buyer } } },
      { authorization: "Bearer ndaf-demo-all-grants", "x-purpose-procedure": "1.013980", "x-purpose-case": "HS-RELIABILITY" },
    );
    expect(submitted.body.errors![0].extensions).toMatchObject({ code: "SOURCE_UNAVAILABLE", source: "land" });
    const after = await gw.app.sources.gateway.raw<{ n: string }>("select count(*)::text as n from gateway.dossiers");
    expect(after[0].n).toBe(before[0].n);
  });

  it("opens the breaker after repeated failures and fails fast; readiness reports land down, the gateway degraded", async () => {
    await until("the land breaker to open", async () => {
      await gw.query(NESTED, { id: holder });
      return gw.app.sources.land.guard.state === "OPEN" ? true : undefined;
    });
    const started = performance.now();
    const { body } = await gw.query(NESTED, { id: holder });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
    expect(body.errors![0].message).toContain("failed repeatedly");

    const ready = await fetch(`${gw.url}/health/ready`);
    expect(ready.status).toBe(200);
    const health = await ready.json();
    expect(health.status).toBe("DEGRADED");
    expect(health.sources.land).toMatchObject({ state: "DOWN", circuit: "OPEN" });
    expect(health.sources.population).toMatchObject({ state: "UP", circuit: "CLOSED" });

    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    expect(metrics).toMatch(/ndaf_source_circuit_state\{source="land"\} 2/);
    expect(metrics).toMatch(/ndaf_source_statements_total\{source="land",outcome="unavailable"\} [1-9]/);
    expect(metrics).toMatch(/ndaf_graphql_errors_total\{code="SOURCE_UNAVAILABLE"\} [1-9]/);
  });

  it("recovers without a restart once land is back", async () => {
    proxy.up();
    const body = await until("land fields to come back", async () => {
      const reply = await gw.query(NESTED, { id: holder });
      return reply.body.errors ? undefined : reply.body;
    });
    expect(body.data.citizen.landParcels.map((h: { parcel: { parcelId: string } }) => h.parcel.parcelId)).toContain(parcel);
    expect(gw.app.sources.land.guard.state).toBe("CLOSED");
    const evaluation = (await evaluateTransfer()).body.data.evaluateDossier;
    expect(evaluation.status).toBe("READY");
    const ready = await (await fetch(`${gw.url}/health/ready`)).json();
    expect(ready.status).toBe("READY");
  });

  it("gives up on a source that answers too slowly, within the query timeout", async () => {
    proxy.slow(TIMEOUT_MS * 3);
    try {
      const started = performance.now();
      const { body } = await gw.query(NESTED, { id: holder });
      const elapsed = performance.now() - started;
      expect(body.data.citizen.fullName).toBeTruthy();
      expect(body.data.citizen.landParcels).toBeNull();
      expect(body.errors![0]).toMatchObject({ extensions: { code: "SOURCE_UNAVAILABLE", source: "land" } });
      expect(body.errors![0].message).toContain(`did not answer within ${TIMEOUT_MS} ms`);
      expect(elapsed).toBeLessThan(TIMEOUT_MS * 2.5);
    } finally {
      proxy.up();
    }
    await until("land to answer again", async () => ((await gw.query(NESTED, { id: holder })).body.errors ? undefined : true));
  });

  it("still refuses personal data without a purpose while a source is down (access is checked first)", async () => {
    proxy.down();
    try {
      const { status, body } = await gw.query(NESTED, { id: holder }, { authorization: "Bearer ndaf-demo-all-grants" });
      expect(status).toBe(400);
      expect(body.errors![0].extensions.code).toBe("PURPOSE_REQUIRED");
    } finally {
      proxy.up();
    }
  });
});

describe.skipIf(TEST_DB !== "postgres")("the gateway's own database failing", () => {
  let gw: TestGateway;
  let proxy: SourceProxy;
  let personalId: string;

  beforeAll(async () => {
    const admin = new URL(POSTGRES_ADMIN_URL);
    proxy = await startSourceProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    gw = await startTestGateway({
      seedFirst: true,
      citizens: 200,
      configure: (config) => {
        const resilience = { queryTimeoutMs: TIMEOUT_MS, resetTimeoutMs: RESET_MS, errorThresholdPercentage: 50, volumeThreshold: 3 };
        const gateway = new URL(config.sources.gateway.url!);
        const sources = Object.fromEntries(
          Object.entries(config.sources).map(([name, s]) => [name, { ...s, resilience }]),
        ) as typeof config.sources;
        sources.gateway = { ...sources.gateway, url: proxy.url(gateway.pathname.slice(1), config.sources.gateway.url!) };
        return { ...config, access: { ...config.access, rateLimitPerMinute: 0, anonymousRateLimitPerMinute: 0 }, sources };
      },
    });
    [{ personal_id: personalId }] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens order by personal_id limit 1",
    );
  }, 180_000);

  afterAll(async () => {
    proxy?.up();
    await gw?.close();
    await proxy?.close();
  });

  it("serves public data, withholds personal data it cannot audit, reports not ready, and recovers", async () => {
    const personal = () => gw.query(`query($id: PersonalId!) { citizen(personalId: $id) { fullName } }`, { id: personalId });
    expect((await personal()).status).toBe(200); // the key is now verified and cached

    proxy.down();
    const publicData = await gw.query(`{ provinces { code } }`, undefined, {});
    expect(publicData.status).toBe(200);
    expect(publicData.body.data.provinces).toHaveLength(34);

    const withheld = await personal();
    expect(withheld.status).toBe(503);
    expect(withheld.body.data).toBeUndefined();
    expect(withheld.body.errors![0].extensions.code).toBe("AUDIT_UNAVAILABLE");

    const unknownKey = await gw.query(`{ provinces { code } }`, undefined, { authorization: "Bearer ndaf_not-a-key-but-long-enough" });
    expect(unknownKey.status).toBe(503);
    expect(unknownKey.body.errors![0].extensions).toMatchObject({ code: "SOURCE_UNAVAILABLE", source: "gateway" });

    const ready = await fetch(`${gw.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).status).toBe("NOT_READY");

    proxy.up();
    const back = await until("personal data to be served again", async () => {
      const reply = await personal();
      return reply.status === 200 ? reply : undefined;
    });
    expect(back.body.data.citizen.fullName).toBeTruthy();
    expect((await fetch(`${gw.url}/health/ready`)).status).toBe(200);
  });
});
