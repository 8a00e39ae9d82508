import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements, startTestGateway, TEST_DB, type TestGateway } from "../support/gateway.js";
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

  it("asks the nested question of the benchmark in exactly one statement per source and level", async () => {
    // A citizen with a household, a parcel held under an active certificate and a role in an enterprise.
    const holders = await gw.app.sources.land.raw<{ personal_id: string }>(
      `select distinct h.personal_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE'
       where h.personal_id is not null`,
    );
    const ids = holders.map((h) => h.personal_id);
    const inRoles = await gw.app.sources.business.raw<{ personal_id: string }>(
      "select distinct personal_id from business.enterprise_people where personal_id = any($1)",
      [ids],
    );
    const [citizen] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens where household_id is not null and personal_id = any($1) order by personal_id limit 1",
      [inRoles.map((r) => r.personal_id)],
    );
    expect(citizen).toBeDefined();
    const seen: Record<string, string[]> = {};
    const label = (sql: string) =>
      /^\s*insert into (\S+)/i.exec(sql)?.[1] ?? [...sql.matchAll(/ from "(\w+)"\."(\w+)"/g)].map((m) => `${m[1]}.${m[2]}`).join(" + ");
    const listener = (e: { source: string; sql: string }) => (seen[e.source] ??= []).push(label(e.sql));
    await gw.query(`{ viewer { clientId } }`); // the client's key is looked up once, then cached
    for (const s of Object.values(gw.app.sources)) s.listeners.add(listener);
    try {
      const { body } = await gw.query(
        `query Nested($id: PersonalId!) { citizen(personalId: $id) { fullName household { id members { relationToHead citizen { fullName } } }
           landParcels { sharePercent parcel { id areaM2 certificates { serial status } encumbrances { lenderName active } } }
           enterpriseRoles { role enterprise { code name status } } } }`,
        { id: citizen.personal_id },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.citizen.household.members.length).toBeGreaterThan(0);
      expect(body.data.citizen.landParcels[0].parcel.certificates.length).toBeGreaterThan(0);
      expect(body.data.citizen.enterpriseRoles.length).toBeGreaterThan(0);
    } finally {
      for (const s of Object.values(gw.app.sources)) s.listeners.delete(listener);
    }
    // The citizen, then its household, then the members with their citizen rows; the parcels held with their
    // parcel rows, then their certificates and encumbrances together; the roles with their enterprises; the audit.
    expect(seen).toEqual({
      population: ["population.citizens", "population.households", "population.household_members"],
      land: ["land.holders", "land.certificates + land.encumbrances"],
      business: ["business.enterprise_people"],
      gateway: ["gateway.audit_log"],
    });
    if (TEST_DB === "postgres") {
      // The loaders' statements went to the source's connections for lookups by key (generic plans).
      const lookups = await gw.app.sources.land.raw<{ query: string }>(
        "select query from pg_stat_activity where datname = current_database() and application_name = 'ndaf-gateway:land:lookups'",
      );
      expect(lookups.some((r) => /union all/i.test(r.query))).toBe(true);
    }
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
