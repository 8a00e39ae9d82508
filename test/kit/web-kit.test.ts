/**
 * The frontend kit (examples/web/) against a real gateway: its Apollo Client setup, typed reads and error handling
 * run in Node as a browser app would run them, and its own documents pass the conformance check.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CitizenList, citizenForCase, citizenReligion, procedureComponents, provinces } from "../../examples/web/src/api.js";
import { createGatewayClient } from "../../examples/web/src/client.js";
import { errorCodes } from "../../examples/web/src/errors.js";
import { tour } from "../../examples/web/src/main.js";
import { citizenForCaseQuery } from "../../examples/web/src/queries.js";
import { DEFAULT_DEMO_API_KEY, DEMO_CIVIL_STATUS_KEY } from "../../src/modules/access/demo.js";
import { offlineEnvironment, readInputs } from "../../src/cli/conformance.js";
import { checkConformance } from "../../src/modules/conformance/service.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PURPOSE = { procedure: "1.001193", caseId: "KIT-2026-0001" };

/** fetch that remembers the headers of every request it sends. */
function recordingFetch() {
  const sent: Headers[] = [];
  const fetcher: typeof fetch = (input, init) => {
    sent.push(new Headers(init?.headers));
    return fetch(input, init);
  };
  return { fetch: fetcher, sent };
}

describe("frontend kit", () => {
  let gateway: TestGateway;
  let url: string;
  let province: { code: string; citizens: number };

  beforeAll(async () => {
    gateway = await startTestGateway({ citizens: 300 });
    url = `${gateway.url}/graphql`;
    const [row] = await gateway.app.sources.population.raw<{ code: string; n: string | number }>(
      "select permanent_province_code as code, count(*) as n from population.citizens group by 1 order by 2 desc, 1 limit 1",
    );
    province = { code: row.code, citizens: Number(row.n) };
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it("reads the public provinces without a key, once: the second call is answered from the cache", async () => {
    const recorded = recordingFetch();
    const client = createGatewayClient({ url, fetch: recorded.fetch });
    const units = await provinces(client);
    expect(units).toHaveLength(34);
    expect(units.find((p) => p.code === "01")?.name).toBe("Thành phố Hà Nội");
    expect(await provinces(client)).toEqual(units);
    expect(recorded.sent).toHaveLength(1);
    expect(recorded.sent[0].has("authorization")).toBe(false);
    expect(recorded.sent[0].has("x-purpose-procedure")).toBe(false);
    expect(client.cache.extract()).toHaveProperty('Province:{"code":"01"}');
    client.stop();
  });

  it("reads a citizen for a case with the key and purpose headers, as the database holds them", async () => {
    const [row] = await gateway.app.sources.population.raw<{ personal_id: string; full_name: string; date_of_birth: string | Date }>(
      "select personal_id, full_name, date_of_birth from population.citizens order by personal_id limit 1 offset 7",
    );
    const recorded = recordingFetch();
    const client = createGatewayClient({ url, apiKey: DEFAULT_DEMO_API_KEY, fetch: recorded.fetch });
    const citizen = await citizenForCase(client, row.personal_id, PURPOSE);
    expect(citizen).toMatchObject({ __typename: "Citizen", personalId: row.personal_id, fullName: row.full_name });
    expect(citizen!.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.fromEntries(["authorization", "x-purpose-procedure", "x-purpose-case"].map((h) => [h, recorded.sent[0].get(h)]))).toEqual(
      {
        authorization: `Bearer ${DEFAULT_DEMO_API_KEY}`,
        "x-purpose-procedure": PURPOSE.procedure,
        "x-purpose-case": PURPOSE.caseId,
      },
    );
    // Normalised by its personal id; a read for the same person under another case goes to the gateway again.
    expect(client.cache.identify({ __typename: "Citizen", personalId: row.personal_id })).toBe(
      `Citizen:{"personalId":"${row.personal_id}"}`,
    );
    expect((client.cache.extract() as Record<string, unknown>)[`Citizen:{"personalId":"${row.personal_id}"}`]).toMatchObject({
      fullName: row.full_name,
    });
    await citizenForCase(client, row.personal_id, { ...PURPOSE, caseId: "KIT-2026-0002" });
    expect(recorded.sent.map((h) => h.get("x-purpose-case"))).toEqual(["KIT-2026-0001", "KIT-2026-0002"]);
    client.stop();
  });

  it("pages through a province's citizens with fetchMore and the sealed cursor, the cache merging the pages", async () => {
    const client = createGatewayClient({ url, apiKey: DEFAULT_DEMO_API_KEY });
    const list = new CitizenList(client, province.code, 4, PURPOSE);
    try {
      const first = await list.first();
      expect(first.totalCount).toBe(province.citizens);
      expect(first.rows).toHaveLength(4);
      const second = await list.next();
      expect(second.rows).toHaveLength(4);
      const firstIds = first.rows.map((c) => c.personalId);
      const secondIds = second.rows.map((c) => c.personalId);
      expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
      expect(second.all.map((c) => c.personalId)).toEqual([...firstIds, ...secondIds]);

      const rows = await gateway.app.sources.population.raw<{ personal_id: string }>(
        `select personal_id from population.citizens where permanent_province_code = '${province.code}' order by personal_id limit 8`,
      );
      expect([...firstIds, ...secondIds]).toEqual(rows.map((r) => r.personal_id));
    } finally {
      list.close();
      client.stop();
    }
  });

  it("reports a refused field and a missing purpose by their codes", async () => {
    const [row] = await gateway.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens order by personal_id limit 1",
    );
    const civilStatus = createGatewayClient({ url, apiKey: DEMO_CIVIL_STATUS_KEY });
    const refused = await citizenReligion(civilStatus, row.personal_id, PURPOSE);
    expect(refused.religion).toBeNull();
    expect(refused.refused.map((e) => [e.code, e.field])).toEqual([["FIELD_NOT_GRANTED", "Citizen.religion"]]);
    civilStatus.stop();

    const client = createGatewayClient({ url, apiKey: DEFAULT_DEMO_API_KEY });
    const error = await client
      .query({ query: citizenForCaseQuery, variables: { personalId: row.personal_id }, fetchPolicy: "network-only" })
      .catch((e: unknown) => e);
    expect(errorCodes(error)).toEqual(["PURPOSE_REQUIRED"]);
    // Nobody with a well-formed personal id is null data, not an error.
    expect(await citizenForCase(client, "001099999999", PURPOSE)).toBeNull();
    client.stop();

    const badKey = createGatewayClient({ url, apiKey: "not-a-key" });
    const refusedKey = await provinces(badKey).then(
      () => null,
      (e: unknown) => e,
    );
    // A public read with a bad key is refused too: a key, when sent, must be valid.
    expect(errorCodes(refusedKey)).toEqual(["INVALID_CREDENTIAL"]);
    badKey.stop();
  });

  it("keeps each procedure's components apart, though component ids repeat across procedures today", async () => {
    const { body } = await gateway.query<{ procedures: { code: string; components: { id: string; name: string }[] }[] }>(
      "{ procedures { code components { id name } } }",
      undefined,
      {},
    );
    const catalogue = body.data!.procedures;
    // Keyed by its id, which repeats across procedures until the Node ids, a component would show one procedure's
    // text under another: the second loop would read it back.
    const recorded = recordingFetch();
    const client = createGatewayClient({ url, fetch: recorded.fetch });
    for (const p of catalogue) await procedureComponents(client, p.code);
    expect(recorded.sent).toHaveLength(catalogue.length);
    // Read back from the cache, after every procedure has been written to it.
    for (const p of catalogue)
      expect(
        (await procedureComponents(client, p.code)).map((c) => [c.id, c.name]),
        p.code,
      ).toEqual(p.components.map((c) => [c.id, c.name]));
    expect(recorded.sent).toHaveLength(catalogue.length);
    client.stop();
  });

  it("runs its tour end to end", async () => {
    const lines: string[] = [];
    const result = await tour({
      url,
      apiKey: DEFAULT_DEMO_API_KEY,
      purpose: PURPOSE,
      provinceCode: province.code,
      pageSize: 3,
      log: (l) => lines.push(l),
    });
    expect(result.provinces).toBe(34);
    expect(result.firstPage).toHaveLength(3);
    expect(result.secondPage).toHaveLength(3);
    expect(result.citizen?.personalId).toBe(result.firstPage[0]);
    expect(result.religion.refusedCodes).toEqual([]);
    expect(lines[0]).toMatch(/^34 provinces/);
  });

  it("has documents that pass the conformance check, read from its .ts files", async () => {
    const inputs = readInputs({ operations: ["examples/web/src"], data: [] }, ROOT);
    const report = await checkConformance(await offlineEnvironment(), inputs, {});
    expect(report.findings).toEqual([]);
    expect(report.inputs).toMatchObject({ operationFiles: 1, operations: 5 });
  });
});
