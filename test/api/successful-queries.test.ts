import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_OPERATIONS } from "../../src/http/examples.js";
import { foldName } from "../../src/shared/codes.js";
import { DEMO_CITIZEN_KEY, DEMO_ORGANIZATION_KEY } from "../../src/modules/access/demo.js";
import { clientHeaders, DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 1500 });
});
afterAll(() => gw?.close());

const one = async <T>(sourceRows: Promise<T[]>): Promise<T> => {
  const rows = await sourceRows;
  if (!rows[0]) throw new Error("the seed has no row for this scenario");
  return rows[0];
};

describe("administrative units", () => {
  it("lists the 34 provinces of the 2025 map with their commune counts", async () => {
    const { body } = await gw.query(`{ provinces { code name communeCount communes { code } } }`);
    expect(body.errors).toBeUndefined();
    const provinces = body.data.provinces;
    expect(provinces).toHaveLength(34);
    const byCode = Object.fromEntries(provinces.map((p: any) => [p.code, p]));
    expect(byCode["01"].name).toBe("Thành phố Hà Nội");
    expect(byCode["79"].name).toBe("Thành phố Hồ Chí Minh");
    expect(byCode["24"].name).toBe("Tỉnh Bắc Ninh");
    expect(provinces.reduce((n: number, p: any) => n + p.communes.length, 0)).toBe(3321);
    for (const p of provinces) expect(p.communes.length).toBe(p.communeCount);
  });

  it("resolves a commune code to the commune and its province", async () => {
    const { body } = await gw.query(
      `{ administrativeUnit(code: "00004") { __typename code name level ... on Commune { kind province { code name } } } }`,
    );
    expect(body.data.administrativeUnit).toEqual({
      __typename: "Commune",
      code: "00004",
      name: "Phường Ba Đình",
      level: "COMMUNE",
      kind: "PHUONG",
      province: { code: "01", name: "Thành phố Hà Nội" },
    });
  });

  it("maps a split old commune to every candidate and says it is ambiguous", async () => {
    const lines = fs
      .readFileSync("seeds/admin-units/old_to_new_commune.csv", "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const byOld = new Map<string, string[][]>();
    for (const l of lines) byOld.set(l[0], [...(byOld.get(l[0]) ?? []), l]);
    const [splitCode, splitRows] = [...byOld].find(([, rows]) => rows.length >= 3)!;
    const { body } = await gw.query(
      `query($c: String!) { legacyAdministrativeUnit(code: $c) { code ambiguous explanation successors { mergeType unit { code } } } }`,
      { c: splitCode },
    );
    const unit = body.data.legacyAdministrativeUnit;
    expect(unit.ambiguous).toBe(true);
    expect(unit.successors.map((s: any) => s.unit.code).sort()).toEqual(splitRows.map((r) => r[3]).sort());
    expect(unit.explanation).toMatch(/split between/);

    const [fullCode, fullRows] = [...byOld].find(([, rows]) => rows.length === 1 && rows[0][6] === "full")!;
    const full = await gw.query(
      `query($c: String!) { legacyAdministrativeUnit(code: $c) { ambiguous successors { mergeType unit { code } } } }`,
      { c: fullCode },
    );
    expect(full.body.data.legacyAdministrativeUnit).toEqual({
      ambiguous: false,
      successors: [{ mergeType: "FULL", unit: { code: fullRows[0][3] } }],
    });
  });

  it("maps an old province to the new one (Bình Dương 74 → TP Hồ Chí Minh 79)", async () => {
    const { body } = await gw.query(`{ legacyAdministrativeUnit(code: "74") { level name successors { mergeType unit { code name } } } }`);
    expect(body.data.legacyAdministrativeUnit).toEqual({
      level: "PROVINCE",
      name: "Tỉnh Bình Dương",
      successors: [{ mergeType: "FULL", unit: { code: "79", name: "Thành phố Hồ Chí Minh" } }],
    });
  });
});

describe("citizens", () => {
  it("returns a citizen's record as the population database holds it", async () => {
    const row = await one(
      gw.app.sources.population.raw<any>(
        `select personal_id, full_name, sex, date_of_birth::text as dob, permanent_commune_code from population.citizens where permanent_commune_code is not null and father_id is not null order by personal_id limit 1`,
      ),
    );
    const { body } = await gw.query(
      `query($id: PersonalId!) { citizen(personalId: $id) { personalId fullName sex dateOfBirth ethnicity { code name } permanentResidence { communeCode commune { code } province { code } } father { personalId } } }`,
      { id: row.personal_id },
    );
    expect(body.errors).toBeUndefined();
    const c = body.data.citizen;
    expect(c.personalId).toBe(row.personal_id);
    expect(c.fullName).toBe(row.full_name);
    expect(c.sex).toBe(row.sex);
    expect(c.dateOfBirth).toBe(row.dob);
    expect(c.permanentResidence.communeCode).toBe(row.permanent_commune_code);
    expect(c.permanentResidence.province.code).toBe(gw.app.adminUnits.commune(row.permanent_commune_code)!.provinceCode);
    expect(c.ethnicity.name).not.toMatch(/not in the/);
    expect(c.father.personalId).toMatch(/^\d{12}$/);
  });

  it("returns null for a well-formed id that no one has", async () => {
    const { body } = await gw.query(`{ citizen(personalId: "001099999999") { fullName } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.citizen).toBeNull();
  });

  it("answers one question across population, land and business", async () => {
    const holder = await one(
      gw.app.sources.business
        .raw<any>(
          `select personal_id, enterprise_code from business.enterprise_people where role = 'LEGAL_REPRESENTATIVE' order by enterprise_code`,
        )
        .then(async (reps) => {
          const ids = reps.map((r) => r.personal_id);
          const landHolders = await gw.app.sources.land.raw<any>(
            `select distinct h.personal_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE' where h.personal_id = any($1::char(12)[])`,
            [ids],
          );
          const set = new Set(landHolders.map((r) => r.personal_id));
          return reps.filter((r) => set.has(r.personal_id));
        }),
    );
    const parcels = await gw.app.sources.land.raw<any>(
      `select c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE' where h.personal_id = $1 order by c.parcel_id`,
      [holder.personal_id],
    );
    const { body } = await gw.query(
      `query($id: PersonalId!) { citizen(personalId: $id) {
         household { id members { citizen { personalId } } }
         landParcels { sharePercent parcel { parcelId holders { personalId subject { ... on Citizen { personalId } } } } }
         enterpriseRoles(role: LEGAL_REPRESENTATIVE) { role enterprise { code legalRepresentatives { personalId } } }
       } }`,
      { id: holder.personal_id },
    );
    expect(body.errors).toBeUndefined();
    const c = body.data.citizen;
    expect(c.landParcels.map((p: any) => p.parcel.parcelId)).toEqual(parcels.map((p) => p.parcel_id));
    for (const holding of c.landParcels) {
      expect(holding.parcel.holders.map((h: any) => h.subject?.personalId)).toContain(holder.personal_id);
    }
    expect(c.enterpriseRoles.map((r: any) => r.enterprise.code)).toContain(holder.enterprise_code);
    for (const role of c.enterpriseRoles)
      expect(role.enterprise.legalRepresentatives.map((p: any) => p.personalId)).toContain(holder.personal_id);
    expect(c.household.members.map((m: any) => m.citizen.personalId)).toContain(holder.personal_id);
  });

  it("pages through a commune's citizens with cursors, matching the source", async () => {
    const { permanent_commune_code: commune } = await one(
      gw.app.sources.population.raw<any>(
        `select permanent_commune_code from population.citizens where permanent_commune_code is not null group by 1 having count(*) >= 7 order by count(*) desc, 1 limit 1`,
      ),
    );
    const expected = (
      await gw.app.sources.population.raw<any>(
        `select personal_id from population.citizens where permanent_commune_code = $1 order by personal_id`,
        [commune],
      )
    ).map((r) => r.personal_id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { body }: { body: any } = await gw.query(
        `query($c: AdministrativeUnitCode!, $after: String) { citizens(first: 3, after: $after, filter: { communeCode: $c }) { totalCount edges { node { personalId } } pageInfo { hasNextPage endCursor } } }`,
        { c: commune, after },
      );
      expect(body.errors).toBeUndefined();
      const conn: any = body.data.citizens;
      expect(conn.totalCount).toBe(expected.length);
      seen.push(...conn.edges.map((e: any) => e.node.personalId));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("finds citizens by name with or without diacritics", async () => {
    const row = await one(
      gw.app.sources.population.raw<any>(`select personal_id, full_name from population.citizens order by personal_id limit 1 offset 17`),
    );
    const plain = foldName(row.full_name).toUpperCase();
    const { body } = await gw.query(
      `query($n: String!) { citizens(first: 100, filter: { name: $n }) { totalCount edges { node { personalId fullName } } } }`,
      { n: plain },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.citizens.edges.map((e: any) => e.node.personalId)).toContain(row.personal_id);
    for (const e of body.data.citizens.edges) expect(foldName(e.node.fullName)).toContain(foldName(row.full_name));
  });
});

describe("land and business", () => {
  it("lists mortgaged parcels, each with an unreleased registration", async () => {
    const { body } = await gw.query(
      `{ landParcels(first: 50, filter: { mortgaged: true }) { totalCount edges { node { id mortgaged encumbrances { active releasedOn } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const [{ n }] = await gw.app.sources.land.raw<any>(
      `select count(distinct parcel_id)::int as n from land.encumbrances where released_on is null`,
    );
    expect(body.data.landParcels.totalCount).toBe(n);
    expect(n).toBeGreaterThan(0);
    for (const { node } of body.data.landParcels.edges) {
      expect(node.mortgaged).toBe(true);
      expect(node.encumbrances.some((e: any) => e.active && e.releasedOn === null)).toBe(true);
    }
  });

  it("resolves an enterprise holder of a parcel through the business source", async () => {
    const row = await one(
      gw.app.sources.land.raw<any>(
        `select c.parcel_id, h.enterprise_code from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE' where h.kind = 'ENTERPRISE' order by c.parcel_id limit 1`,
      ),
    );
    const { body } = await gw.query(
      `query($id: ID!) { landParcel(id: $id) { parcelId holders { kind enterpriseCode subject { __typename ... on Enterprise { code name landParcels { parcel { parcelId } } } } } } }`,
      { id: row.parcel_id },
    );
    expect(body.errors).toBeUndefined();
    const holder = body.data.landParcel.holders.find((h: any) => h.kind === "ENTERPRISE");
    expect(holder.subject.__typename).toBe("Enterprise");
    expect(holder.subject.code).toBe(row.enterprise_code);
    expect(holder.subject.landParcels.map((p: any) => p.parcel.parcelId)).toContain(row.parcel_id);
  });

  it("filters enterprises by status, matching the registry", async () => {
    const [{ n }] = await gw.app.sources.business.raw<any>(
      `select count(*)::int as n from business.enterprises where status = 'DISSOLVED'`,
    );
    const { body } = await gw.query(
      `{ enterprises(first: 100, filter: { status: DISSOLVED }) { totalCount edges { node { code status statusChangedOn legalRepresentatives { citizen { personalId } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(n).toBeGreaterThan(0);
    expect(body.data.enterprises.totalCount).toBe(n);
    for (const { node } of body.data.enterprises.edges) {
      expect(node.status).toBe("DISSOLVED");
      expect(node.legalRepresentatives[0].citizen.personalId).toMatch(/^\d{12}$/);
    }
  });

  it("runs every example operation of the IDE without errors", async () => {
    for (const op of EXAMPLE_OPERATIONS) {
      const headers =
        op.as === "citizen"
          ? clientHeaders(DEMO_CITIZEN_KEY, null)
          : op.as === "organization"
            ? clientHeaders(DEMO_ORGANIZATION_KEY, null)
            : undefined;
      const { status, body } = await gw.query(
        op.query,
        op.variables,
        op.language ? { ...(headers ?? DEMO_HEADERS), "accept-language": op.language } : headers,
      );
      expect(status, op.name).toBe(200);
      expect(body.errors, op.name).toBeUndefined();
      expect(JSON.stringify(body.data).length, op.name).toBeGreaterThan(50);
    }
  });
});
