import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 1500 });
});
afterAll(() => gw?.close());

const NESTED = `query($first: Int!) {
  citizens(first: $first) {
    edges { node {
      fullName
      father { fullName }
      mother { fullName }
      children { fullName }
      household { members { relationToHead citizen { fullName } } }
      identityCards { number }
      landParcels {
        parcel {
          id
          encumbrances { lenderName }
          holders { subject { ... on Citizen { fullName } ... on Enterprise { name } } }
        }
      }
      enterpriseRoles { enterprise { name branches { code } owners { citizen { fullName } } } }
      householdBusinesses { name }
    } }
  }
}`;

describe("DataLoader batching", () => {
  it("runs the same number of statements for 5 and for 50 citizens", async () => {
    const run = (first: number) =>
      countStatements(gw, async () => {
        const { body } = await gw.query(NESTED, { first });
        expect(body.errors).toBeUndefined();
        expect(body.data.citizens.edges).toHaveLength(first);
      });
    const small = await run(5);
    const large = await run(50);
    // One statement per hop and source, whatever the list size. The nested query has at most 6 population hops
    // (page, parents, children, households, members, cards, people of parcels), 3 land hops and 4 business hops.
    for (const source of ["population", "land", "business"] as const) {
      expect(large[source], `${source}: ${JSON.stringify({ small, large })}`).toBeLessThanOrEqual(small[source] + 1);
    }
    const total = large.population + large.land + large.business;
    expect(total).toBeLessThanOrEqual(16);
    expect(large.gateway).toBe(0);
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
