/**
 * Attacks on consent (organisation clients) and on the data-correction loop, as an outside client would try them.
 * A failing test here shows a hole; see the report for which ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientHeaders, startTestGateway, type TestGateway } from "../support/gateway.js";
import { auditedCitizens, personalIdsIn } from "../support/personal-ids.js";

let gw: TestGateway;
const BANK = "VN:ORG:0100100015:attack";
const OTHER_BANK = "VN:ORG:0100100015:other";
let bank: Record<string, string>;
let otherBank: Record<string, string>;
let owner: Record<string, string>;
const inAYear = () => new Date(Date.now() + 300 * 86_400_000).toISOString();
const REQUEST = `mutation($input: ConsentRequestInput!) { requestConsent(input: $input) { id status } }`;

/** Every personal-data field an ORG could ask for about one person and what hangs off their record. */
const BROAD = [
  "Citizen.fullName",
  "Citizen.personalId",
  "Citizen.id",
  "Citizen.father",
  "Citizen.mother",
  "Citizen.spouse",
  "Citizen.children",
  "Citizen.household",
  "Citizen.landParcels",
  "Citizen.enterpriseRoles",
  "Citizen.householdBusinesses",
  "Citizen.identityCards",
  "Household.code",
  "Household.head",
  "Household.members",
  "Household.id",
  "HouseholdMember.personalId",
  "HouseholdMember.citizen",
  "HouseholdMember.relationToHead",
  "ParcelHolding.parcel",
  "ParcelHolding.sharePercent",
  "LandParcel.parcelId",
  "LandParcel.holders",
  "LandParcel.activeCertificate",
  "LandParcel.transfers",
  "LandParcel.certificates",
  "LandHolder.personalId",
  "LandHolder.sharePercent",
  "LandHolder.subject",
  "LandHolder.kind",
  "LandCertificate.holders",
  "LandCertificate.serial",
  "LandTransfer.fromCertificate",
  "LandTransfer.toCertificate",
  "EnterpriseRole.enterprise",
  "EnterpriseRole.personalId",
  "EnterpriseRole.citizen",
  "Enterprise.owners",
  "Enterprise.legalRepresentatives",
  "Enterprise.name",
  "Enterprise.code",
  "EnterprisePerson.personalId",
  "EnterprisePerson.citizen",
  "EnterprisePerson.sharePercent",
  "HouseholdBusiness.ownerPersonalId",
  "HouseholdBusiness.owner",
  "HouseholdBusiness.name",
];

async function consentOf(personalId: string, fields = BROAD, headers = bank): Promise<string> {
  const asked = await gw.send(REQUEST, { input: { personalId, fields, purpose: "attack", validUntil: inAYear() } }, headers);
  expect(asked.body.errors, JSON.stringify(asked.body.errors)).toBeUndefined();
  const id = asked.body.data.requestConsent.id as string;
  await gw.app.consents.approve(personalId, id, fields);
  return id;
}

/** The invariant: only `allowed` people's ids leave, and each one that leaves is audited in that request. */
async function onlyThese(reply: { body: any; requestIds: string[] }, allowed: string[]) {
  const ids = [...new Set(personalIdsIn(reply.body).map((o) => o.id))];
  const audited = await auditedCitizens(gw.app.sources.gateway, reply.requestIds);
  expect(
    ids.filter((id) => !allowed.includes(id)),
    "personal ids of people who gave no consent",
  ).toEqual([]);
  expect(
    ids.filter((id) => !audited.has(id)),
    "personal ids without an audit row",
  ).toEqual([]);
}

const pop = <T>(sql: string, p: unknown[] = []) => gw.app.sources.population.raw<T>(sql, p);
const land = <T>(sql: string, p: unknown[] = []) => gw.app.sources.land.raw<T>(sql, p);

let family: { id: string; relative: string };
let coHolders: { a: string; b: string } | undefined;
let houseMates: { a: string; b: string } | undefined;
let coOwners: { a: string; b: string } | undefined;

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 400 });
  const { key } = await gw.app.clients.register({
    id: BANK,
    kind: "ORGANIZATION",
    name: "Attack bank",
    grants: [{ sources: ["population", "land", "business"], classes: ["basic"], procedures: ["*"] }],
  });
  bank = clientHeaders(key, null);
  const { key: k2 } = await gw.app.clients.register({
    id: OTHER_BANK,
    kind: "ORGANIZATION",
    name: "Other bank",
    grants: [{ sources: ["population"], classes: ["basic"], procedures: ["*"] }],
  });
  otherBank = clientHeaders(k2, null);
  const { key: k3 } = await gw.app.clients.register({ id: "VN:GOV:TEST:ATTACK-OWNER", name: "owner", roles: ["owner:population"] });
  owner = clientHeaders(k3, null);

  const [f] = await pop<{ id: string; rel: string }>(
    `select c.personal_id as id, coalesce(s.personal_id, p.personal_id) as rel from population.citizens c
     left join population.citizens s on s.personal_id = c.spouse_id
     left join population.citizens p on p.personal_id = c.father_id
     where coalesce(s.personal_id, p.personal_id) is not null order by c.personal_id limit 1`,
  );
  family = { id: f.id, relative: f.rel };
  const [h] = await land<{ a: string; b: string }>(
    `select h1.personal_id as a, h2.personal_id as b from land.holders h1
     join land.holders h2 on h2.certificate_serial = h1.certificate_serial and h2.personal_id <> h1.personal_id
     join land.certificates c on c.serial = h1.certificate_serial and c.status = 'ACTIVE'
     where h1.personal_id is not null order by 1, 2 limit 1`,
  );
  coHolders = h;
  const [m] = await pop<{ a: string; b: string }>(
    `select m1.personal_id as a, m2.personal_id as b from population.household_members m1
     join population.household_members m2 on m2.household_id = m1.household_id and m2.personal_id <> m1.personal_id
     order by 1, 2 limit 1`,
  );
  houseMates = m;
  const [o] = await gw.app.sources.business.raw<{ a: string; b: string }>(
    `select p1.personal_id as a, p2.personal_id as b from business.enterprise_people p1
     join business.enterprise_people p2 on p2.enterprise_code = p1.enterprise_code and p2.personal_id <> p1.personal_id
     order by 1, 2 limit 1`,
  );
  coOwners = o;
}, 120_000);
afterAll(() => gw?.close());

describe("an ORG reaching people who gave no consent", () => {
  it("through father/mother/spouse/children: no relative's id or data", async () => {
    await consentOf(family.id);
    const reply = await gw.send(
      `query($id: PersonalId!) { citizen(personalId: $id) { personalId id
        spouse { personalId fullName id } father { personalId fullName id __typename } mother { id personalId }
        children { id personalId fullName } } }`,
      { id: family.id },
      bank,
    );
    await onlyThese(reply, [family.id]);
    // Citizen.id is an encrypted global id: a relative's must not leave either.
    const relativeId = gw.app.nodeIds.encode("Citizen", family.relative);
    expect(JSON.stringify(reply.body)).not.toContain(relativeId);
    expect(JSON.stringify(reply.body)).not.toContain(family.relative);
  });

  it("through household members and head", async () => {
    expect(houseMates).toBeDefined();
    await consentOf(houseMates!.a);
    const reply = await gw.send(
      `query($id: PersonalId!) { citizen(personalId: $id) { personalId household { id code
        head { id personalId fullName } members { personalId relationToHead citizen { id personalId fullName } } } } }`,
      { id: houseMates!.a },
      bank,
    );
    await onlyThese(reply, [houseMates!.a]);
    expect(JSON.stringify(reply.body)).not.toContain(gw.app.nodeIds.encode("Citizen", houseMates!.b));
  });

  it("through land co-holders, certificates and transfers, with fragments on the union", async () => {
    expect(coHolders).toBeDefined();
    await consentOf(coHolders!.a);
    const reply = await gw.send(
      `query($id: PersonalId!) { citizen(personalId: $id) { personalId landParcels { sharePercent parcel { parcelId
        holders { kind personalId sharePercent subject { __typename ... on Citizen { id personalId fullName } } }
        activeCertificate { serial holders { personalId sharePercent } }
        transfers { fromCertificate { holders { personalId subject { ... on Citizen { personalId } } } } } } } } }`,
      { id: coHolders!.a },
      bank,
    );
    await onlyThese(reply, [coHolders!.a]);
  });

  it("through enterprise co-owners and representatives", async () => {
    expect(coOwners).toBeDefined();
    await consentOf(coOwners!.a);
    const reply = await gw.send(
      `query($id: PersonalId!) { citizen(personalId: $id) { personalId enterpriseRoles { personalId enterprise { code name
        owners { personalId sharePercent citizen { personalId fullName } } legalRepresentatives { personalId citizen { id } } } } } }`,
      { id: coOwners!.a },
      bank,
    );
    await onlyThese(reply, [coOwners!.a]);
  });

  it("the same object reached via two people, aliased: the non-consenting one stays refused", async () => {
    expect(coHolders).toBeDefined();
    // b consents to their name only: the root lookup opens, nothing else.
    await consentOf(coHolders!.b, ["Citizen.fullName"]);
    const q = `query($a: PersonalId!, $b: PersonalId!) {
      x: citizen(personalId: $a) { landParcels { parcel { parcelId holders { personalId } } } }
      y: citizen(personalId: $b) { fullName landParcels { parcel { parcelId } } } }`;
    const reply = await gw.send(q, { a: coHolders!.a, b: coHolders!.b }, bank);
    expect(reply.body.data.y.landParcels).toBeNull();
    await onlyThese(reply, [coHolders!.a]);
  });
});

describe("node(id) / nodes(ids) with global ids", () => {
  it("refuses a Citizen's node lookup after revocation like citizen(personalId:) does, and says nothing of existence", async () => {
    const who = family.relative;
    const id = await consentOf(who, ["Citizen.fullName", "Citizen.id"]);
    const first = await gw.send(`query($p: PersonalId!) { citizen(personalId: $p) { id } }`, { p: who }, bank);
    const globalId = first.body.data.citizen.id as string;
    await gw.app.consents.revoke(who, id);
    const direct = await gw.send(`query($p: PersonalId!) { citizen(personalId: $p) { __typename } }`, { p: who }, bank);
    expect(direct.body.data.citizen).toBeNull();
    expect(direct.body.errors![0].extensions.code).toBe("CONSENT_REQUIRED");
    // An ORG's purpose headers are refused outright: its reads are recorded under consents only.
    const madeUp = await gw.send(
      `query($id: ID!) { node(id: $id) { __typename } }`,
      { id: globalId },
      clientHeaders(bank.authorization?.replace(/^Bearer /, "") ?? "", { procedure: "1.001193", caseId: "FAKE-CASE" }),
    );
    expect(madeUp.status).toBe(400);
    expect(madeUp.body).not.toHaveProperty("data");
    expect(madeUp.body.errors![0].extensions.code).toBe("INVALID_PURPOSE");
    const viaNode = await gw.send(
      `query($id: ID!, $ids: [ID!]!) { node(id: $id) { __typename } nodes(ids: $ids) { __typename } }`,
      { id: globalId, ids: [globalId] },
      bank,
    );
    const rows = await gw.app.sources.gateway.raw<{ case_id: string | null; subject_id: string }>(
      "select case_id, subject_id from gateway.audit_subjects where request_id = any($1::text[]) and action = 'READ'",
      [viaNode.requestIds],
    );
    // Every ORG read is under a consent: no read row without case consent:<id>.
    expect(rows.filter((r) => !r.case_id?.startsWith("consent:"))).toEqual([]);
    // Hole if the node lookup answers {__typename: "Citizen"} with no consent in force: node is not open to an ORG.
    expect(viaNode.body.data?.node ?? null).toBeNull();
    expect(viaNode.body.data?.nodes ?? [null]).toEqual([null]);
    expect(viaNode.body.errors?.map((e: any) => e.extensions.code)).toEqual(["SUBJECT_NOT_PERMITTED", "SUBJECT_NOT_PERMITTED"]);
    expect(rows).toEqual([]);
  });

  it("refuses household / parcel / enterprise node ids to an ORG", async () => {
    const hh = gw.app.nodeIds.encode("Household", "HH-DOES-NOT-MATTER");
    const reply = await gw.send(`query($id: ID!) { node(id: $id) { __typename } }`, { id: hh }, bank);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe("SUBJECT_NOT_PERMITTED");
  });
});

describe("consent lifecycle abuse", () => {
  it("after validUntil passes, nothing is read", async () => {
    const who = family.id;
    const id = await consentOf(who, ["Citizen.fullName"], otherBank);
    const ok = await gw.send(`query($p: PersonalId!) { citizen(personalId: $p) { fullName } }`, { p: who }, otherBank);
    expect(ok.body.data.citizen.fullName).toBeTruthy();
    await gw.app.sources.gateway.raw(`update gateway.consents set valid_until = now() - interval '1 second' where id = $1`, [id]);
    const late = await gw.send(`query($p: PersonalId!) { citizen(personalId: $p) { fullName } }`, { p: who }, otherBank);
    expect(late.body.data.citizen).toBeNull();
    expect(late.body.errors![0].extensions.code).toBe("CONSENT_REQUIRED");
  });

  it("one ORG's consent opens nothing for another ORG, and its id is unknown to it", async () => {
    const who = houseMates!.b;
    const id = await consentOf(who, ["Citizen.fullName"], bank);
    const read = await gw.send(`query($p: PersonalId!) { citizen(personalId: $p) { fullName } }`, { p: who }, otherBank);
    expect(read.body.errors![0].extensions.code).toBe("CONSENT_REQUIRED");
    const listed = await gw.send(`{ consents { totalCount edges { node { id } } } }`, {}, otherBank);
    expect(listed.body.data.consents.edges.map((e: any) => e.node.id)).not.toContain(id);
  });

  it("an ORG/agency cannot answer a consent; malformed ids give typed errors", async () => {
    const who = coOwners!.b;
    const asked = await gw.send(
      REQUEST,
      { input: { personalId: who, fields: ["Citizen.fullName"], purpose: "x", validUntil: inAYear() } },
      bank,
    );
    const id = asked.body.data.requestConsent.id;
    for (const h of [bank, owner]) {
      const r = await gw.send(`mutation($id: ID!) { approveConsent(id: $id) { status } }`, { id }, h);
      expect(r.body.errors![0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
    }
    const { key } = await gw.app.clients.register({ id: `VN:CIT:${coHolders!.b}`, kind: "CITIZEN", personalId: coHolders!.b, name: "c" });
    const citizen = clientHeaders(key, null);
    for (const bad of ["", "x".repeat(300), "\u0000", "00000000-0000-0000-0000-00000000000G", id.toUpperCase(), `${id} `]) {
      const r = await gw.send(`mutation($id: ID!) { approveConsent(id: $id) { status } }`, { id: bad }, citizen);
      expect(r.status).toBeLessThan(500);
      expect(r.body.errors![0].extensions.code).toMatch(/RECORD_NOT_FOUND|INVALID_ARGUMENT/);
    }
  });

  it("the consent list shows the ORG no personal id it did not already send", async () => {
    const listed = await gw.send(
      `{ consents(first: 100) { edges { cursor node { id clientId purpose requestedFields approvedFields status } } } }`,
      {},
      bank,
    );
    expect(listed.body.errors).toBeUndefined();
    expect(personalIdsIn(listed.body)).toEqual([]);
  });
});

describe("hostile input to requestConsent", () => {
  const send = (input: Record<string, unknown>) =>
    gw.send(
      REQUEST,
      { input: { personalId: coOwners!.b, fields: ["Citizen.fullName"], purpose: "x", validUntil: inAYear(), ...input } },
      otherBank,
    );

  it("a NUL in the purpose is a typed error, not a crash", async () => {
    const r = await send({ purpose: "Mở tài khoản\u0000" });
    expect(r.status).toBeLessThan(500);
    expect(["INVALID_ARGUMENT", "PAYLOAD_TOO_LARGE"]).toContain(r.body.errors?.[0]?.extensions?.code);
    expect(JSON.stringify(r.body)).not.toMatch(/stack|at .*\.ts:|invalid byte sequence/);
  });

  it("10k fields, 300-char purpose, weird dates: typed errors", async () => {
    const many = await send({ fields: Array.from({ length: 10_000 }, (_, i) => `Citizen.f${i}`) });
    expect(many.status).toBeLessThan(500);
    expect(many.body.errors![0].extensions.code).toMatch(/INVALID_ARGUMENT|PAYLOAD_TOO_LARGE|QUERY_TOO_COMPLEX|COST/);
    const long = await send({ purpose: "x".repeat(300) });
    expect(long.body.errors![0].extensions.code).toMatch(/INVALID_ARGUMENT|PAYLOAD_TOO_LARGE/);
    for (const d of ["0000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "2026-02-30T00:00:00Z", "9999-12-31T23:59:59Z", "", "now"]) {
      const r = await send({ validUntil: d });
      expect(r.status, d).toBeLessThan(500);
      expect(r.body.errors?.[0]?.extensions?.code, d).toBeDefined();
    }
    const badId = await send({ personalId: "001\u0000" });
    expect(badId.status).toBeLessThan(500);
  });

  it("concurrent asks for one person stay bounded at 3 pending", async () => {
    const who = "001099012345";
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        gw.send(REQUEST, { input: { personalId: who, fields: ["Citizen.fullName"], purpose: "x", validUntil: inAYear() } }, otherBank),
      ),
    );
    expect(replies.filter((r) => r.body.data?.requestConsent).length).toBeLessThanOrEqual(3);
    expect(replies.every((r) => r.status < 500)).toBe(true);
  });

  it("an answer for a person who does not exist looks like one for a person who does", async () => {
    const nobody = await gw.send(
      REQUEST,
      { input: { personalId: "001099054321", fields: ["Citizen.fullName"], purpose: "x", validUntil: inAYear() } },
      otherBank,
    );
    const somebody = await gw.send(
      REQUEST,
      { input: { personalId: houseMates!.a, fields: ["Citizen.fullName"], purpose: "x", validUntil: inAYear() } },
      otherBank,
    );
    expect(Object.keys(nobody.body.data.requestConsent)).toEqual(Object.keys(somebody.body.data.requestConsent));
    expect(nobody.body.data.requestConsent.status).toBe(somebody.body.data.requestConsent.status);
  });
});

describe("ORG on dossiers, corrections, access log", () => {
  it("is refused every procedure and correction entry point with a typed error", async () => {
    const ops: [string, Record<string, unknown>][] = [
      [`{ dossiers(first: 1) { totalCount } }`, {}],
      [`query { dossier(id: "HS-20260101-000000000000") { dossierId } }`, {}],
      [`mutation { reevaluateDossier(id: "HS-20260101-000000000000") { dossierId } }`, {}],
      [`{ dataCorrectionRequests(first: 5) { totalCount } }`, {}],
      [`mutation { resolveDataCorrection(id: "1", resolution: "x") { status } }`, {}],
      [`{ accessLog(first: 1) { totalCount } }`, {}],
      [
        `mutation($p: PersonalId!) { evaluateDossier(input: { procedureCode: "1.001193", applicant: { personalId: $p } }) { status } }`,
        { p: family.id },
      ],
    ];
    const key = bank.authorization.replace(/^Bearer /, "");
    const withPurpose = clientHeaders(key, { procedure: "1.001193", caseId: "ORG-CASE" });
    for (const [q, v, h] of [...ops.map(([q, v]) => [q, v, bank] as const), ...ops.map(([q, v]) => [q, v, withPurpose] as const)]) {
      const r = await gw.send(q, v, h);
      expect(r.status, q).toBeLessThan(500);
      if (!r.body.errors) {
        // Only a nonexistent dossier may answer plain null.
        expect(Object.values(r.body.data ?? {}), q).toEqual([null]);
        continue;
      }
      expect(r.body.errors?.[0]?.extensions?.code ?? "none", q).toMatch(
        /SUBJECT_NOT_PERMITTED|ROLE_REQUIRED|INVALID_ARGUMENT|GRAPHQL_VALIDATION_FAILED|PURPOSE_REQUIRED|INVALID_PURPOSE/,
      );
      expect(r.body.data ?? null, q).not.toMatchObject({ dossier: expect.anything() });
    }
  });

  it("cannot read a real dossier by declaring its procedure as purpose", async () => {
    const procedure = [...gw.app.procedures.procedures].find((p: any) => p.applicant === "CITIZEN" && p.subjects.length === 0)!;
    const { DEMO_HEADERS } = await import("../support/gateway.js");
    const sub = await gw.send(
      `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) { dossier { dossierId } } }`,
      { input: { procedureCode: procedure.code, applicant: { personalId: family.id } }, key: "attack-key-0001" },
      { ...DEMO_HEADERS, "x-purpose-procedure": procedure.code, "x-purpose-case": "ATTACK" },
    );
    const dossierId = sub.body.data.submitDossier.dossier.dossierId;
    const h = clientHeaders(bank.authorization.replace(/^Bearer /, ""), { procedure: procedure.code, caseId: "ORG" });
    for (const q of [
      `query($id: ID!) { dossier(id: $id) { dossierId applicantPersonalId } }`,
      `mutation($id: ID!) { reevaluateDossier(id: $id) { dossierId applicantPersonalId } }`,
    ]) {
      const r = await gw.send(q, { id: dossierId }, h);
      expect(JSON.stringify(r.body), q).not.toContain(family.id);
      // A stranger's dossier reads as none (null), or a typed refusal: either way nothing of it.
      const code = r.body.errors?.[0]?.extensions?.code ?? "null";
      expect(code, q).toMatch(/SUBJECT_NOT_PERMITTED|INVALID_PURPOSE|null/);
      if (code === "INVALID_PURPOSE") expect(r.body, q).not.toHaveProperty("data");
      else expect(Object.values(r.body.data ?? {}), q).toEqual([null]);
    }
  });

  it("a source owner closing with a NUL in the text gets a typed error, not a crash", async () => {
    const r = await gw.send(`mutation { resolveDataCorrection(id: "1", resolution: "fixed\\u0000") { status } }`, {}, owner);
    expect(r.status).toBeLessThan(500);
    expect(r.body.errors![0].extensions.code).toMatch(/INVALID_ARGUMENT|RECORD_NOT_FOUND/);
  });
});
