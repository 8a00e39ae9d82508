import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements, startTestGateway, type TestGateway } from "../support/gateway.js";
import { nestedCitizensQuery } from "../support/queries.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 1500 });
});
afterAll(() => gw?.close());

const NESTED = nestedCitizensQuery("$first");

describe("DataLoader batching", () => {
  it("runs the same number of statements for 50 and for 100 citizens, one per hop", async () => {
    const run = (first: number) =>
      countStatements(gw, async () => {
        const { body } = await gw.query(NESTED, { first });
        expect(body.errors).toBeUndefined();
        expect(body.data.citizens.edges).toHaveLength(first);
      });
    await gw.query(`{ viewer { clientId } }`); // the client's key is looked up once, then cached
    const fifty = await run(50);
    const hundred = await run(100);
    // DataLoader batches by event-loop tick, so the exact split of citizen-by-id batches can vary by one or two
    // with I/O timing; a per-row query would add dozens. The bound is the number of hops, whatever the list size.
    const total = (c: typeof fifty) => c.population + c.land + c.business;
    expect(total(hundred), JSON.stringify({ fifty, hundred })).toBeLessThanOrEqual(total(fifty) + 2);
    // Hops in NESTED, per source. Population: the page; father, mother and other people by id; children;
    // households; members; identity cards (member and holder citizens may land in further id batches).
    // Land: holdings, encumbrances, parcel holders. Business: roles, household businesses, branches, owners,
    // enterprise holders.
    expect(hundred.population).toBeLessThanOrEqual(10);
    expect(hundred.land).toBeLessThanOrEqual(3);
    expect(hundred.business).toBeLessThanOrEqual(5);
    // The gateway database sees exactly one statement: the audit rows of every subject, in one INSERT.
    expect(fifty.gateway).toBe(1);
    expect(hundred.gateway).toBe(1);
  });

  it("uses one = ANY($1) statement per batch, never IN lists that grow", async () => {
    const seen: string[] = [];
    const listener = (e: { sql: string }) => seen.push(e.sql);
    for (const s of Object.values(gw.app.sources)) s.listeners.add(listener);
    try {
      await gw.query(NESTED, { first: 50 });
    } finally {
      for (const s of Object.values(gw.app.sources)) s.listeners.delete(listener);
    }
    const hops = seen.filter((sql) => /= any\(\$1/.test(sql));
    expect(hops.length).toBeGreaterThan(5);
    expect(seen.some((sql) => / in \(\$1, \$2/.test(sql))).toBe(false);
  });
});
