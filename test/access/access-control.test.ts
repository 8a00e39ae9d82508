/**
 * Access control end to end over HTTP: default deny for every source, the declared purpose, field classes and
 * cross-source fields, grants per procedure, API keys (unknown, malformed, revoked, expired, rotated), the citizen
 * client's self-only rule and access log, and `viewer`. Every refusal is checked for its HTTP status, its code, the
 * facts its message names, and for serving no data; every grant that is enough is checked against the source itself.
 */
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grant } from "../../src/modules/access/clients.js";
import { clientHeaders, DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;

/** Procedures from the National Public Service Portal: birth, death and marriage registration. */
const BIRTH = "1.001193";
const DEATH = "1.000656";
const MARRIAGE = "1.000894";
const purpose = (procedure: string, caseId = `CASE-${randomUUID().slice(0, 8)}`) => ({ procedure, caseId });

interface Person {
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  religion: string | null;
  ethnicity_code: string;
  father_id: string | null;
  mother_id: string | null;
}

/** Real records, read from the sources in beforeAll. */
let person: Person; // has a father or mother on record
let other: Person; // someone else
let parcelId: string;
let parcelHolderIds: string[]; // citizens named on the parcel's certificate in force
let enterpriseCode: string;
let householdBusinessNumber: string;

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 300 });
  const population = gw.app.sources.population;
  const columns = `c.personal_id, c.full_name, c.date_of_birth::text as date_of_birth, c.religion, c.ethnicity_code, c.father_id, c.mother_id`;
  // Someone whose father or mother is in the database, not the demo citizen; one with a religion if there is one.
  [person] = await population.raw<Person>(
    `select ${columns} from population.citizens c
     where exists (select 1 from population.citizens p where p.personal_id in (c.father_id, c.mother_id))
       and c.personal_id <> $1
     order by (c.religion is null), c.personal_id limit 1`,
    [gw.app.demo?.citizenPersonalId ?? ""],
  );
  expect(person, "a seeded citizen with a parent on record").toBeDefined();
  [other] = await population.raw<Person>(
    `select ${columns} from population.citizens c where c.personal_id not in ($1, coalesce($2, ''), coalesce($3, '')) order by c.personal_id limit 1`,
    [person.personal_id, person.father_id, person.mother_id],
  );
  const holders = await gw.app.sources.land.raw<{ parcel_id: string; personal_id: string }>(
    `select c.parcel_id, h.personal_id from land.certificates c join land.holders h on h.certificate_serial = c.serial
     where c.status = 'ACTIVE' and c.parcel_id = (
       select c2.parcel_id from land.certificates c2 join land.holders h2 on h2.certificate_serial = c2.serial
       where c2.status = 'ACTIVE' and h2.personal_id is not null order by c2.parcel_id limit 1)
     and h.personal_id is not null order by h.personal_id`,
  );
  expect(holders.length, "a parcel held by a citizen").toBeGreaterThan(0);
  parcelId = holders[0].parcel_id;
  parcelHolderIds = holders.map((h) => h.personal_id);
  [{ code: enterpriseCode }] = await gw.app.sources.business.raw<{ code: string }>(
    "select code from business.enterprises order by code limit 1",
  );
  [{ registration_number: householdBusinessNumber }] = await gw.app.sources.business.raw<{ registration_number: string }>(
    "select registration_number from business.household_businesses order by registration_number limit 1",
  );
});
afterAll(() => gw?.close());

interface Reply {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: any[] };
}

/** POST an operation with exactly these headers ({} = anonymous); `extra` adds body members (operationName). */
async function send(
  query: string,
  variables: Record<string, unknown> | undefined,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<Reply> {
  const response = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables, ...extra }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Reply["body"] };
}

/** A whole-request refusal: the status, every error of this code, and no `data` at all. */
function refused(reply: Reply, status: number, code: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body).not.toHaveProperty("data");
  expect(reply.body.errors?.length).toBeGreaterThan(0);
  for (const error of reply.body.errors!) expect(error.extensions.code, JSON.stringify(error)).toBe(code);
  return reply.body.errors!;
}

/** A successful answer with no errors. */
function served(reply: Reply) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
  return reply.body.data;
}

let clientNumber = 0;
/** Registers a SYSTEM client of its own for a test; returns its id, name and key. */
async function registerSystem(grants: Grant[], options: { expiresAt?: Date; rateLimitPerMinute?: number } = {}) {
  const id = `VN:GOV:TEST:SYSTEM-${++clientNumber}`;
  const name = `Test system ${clientNumber}`;
  const { key } = await gw.app.clients.register({ id, name, grants, ...options });
  return { id, name, key };
}

const CITIZEN_BY_ID = `query($id: PersonalId!) { citizen(personalId: $id) { personalId fullName dateOfBirth } }`;
const CITIZEN_SENSITIVE = `query($id: PersonalId!) { citizen(personalId: $id) { fullName religion ethnicity { code } } }`;

describe("default deny", () => {
  const privateRoots: [string, string, () => Record<string, unknown>][] = [
    ["Query.citizen", `query($id: PersonalId!) { citizen(personalId: $id) { fullName } }`, () => ({ id: person.personal_id })],
    ["Query.citizens", `{ citizens(first: 2) { edges { node { fullName } } } }`, () => ({})],
    ["Query.landParcel", `query($id: ID!) { landParcel(id: $id) { id areaM2 } }`, () => ({ id: parcelId })],
    ["Query.landParcels", `{ landParcels(first: 2) { edges { node { id } } } }`, () => ({})],
    ["Query.enterprise", `query($code: TaxCode!) { enterprise(code: $code) { name } }`, () => ({ code: enterpriseCode })],
    ["Query.enterprises", `{ enterprises(first: 2) { edges { node { name } } } }`, () => ({})],
    [
      "Query.householdBusiness",
      `query($n: String!) { householdBusiness(registrationNumber: $n) { name } }`,
      () => ({ n: householdBusinessNumber }),
    ],
  ];

  it.each(privateRoots)(
    "refuses %s to an anonymous caller with 401 and a www-authenticate challenge, serving nothing",
    async (coordinate, query, variables) => {
      // The same request does find data for a client holding every grant, so the refusal is the access rule's.
      const granted = served(await send(query, variables(), DEMO_HEADERS));
      expect(Object.values(granted)[0]).not.toBeNull();

      const reply = await send(query, variables(), {});
      const [error] = refused(reply, 401, "UNAUTHENTICATED");
      expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
      expect(error.extensions.fields).toContain(coordinate);
      expect(error.message).toContain(coordinate);
      expect(error.message).toContain("Authorization: Bearer");
    },
  );

  it("serves public reference data to an anonymous caller: provinces, administrative units, legacy units", async () => {
    const provinces = fs
      .readFileSync("seeds/admin-units/provinces_34.csv", "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const ward = fs.readFileSync("seeds/admin-units/wards_3321.csv", "utf8").trim().split("\n")[1].split(",");
    const legacy = fs.readFileSync("seeds/admin-units/old_to_new_commune.csv", "utf8").trim().split("\n")[1].split(",");

    const data = served(
      await send(
        `query($ward: AdministrativeUnitCode!, $old: String!) {
          provinces { code name }
          administrativeUnit(code: $ward) { code name }
          legacyAdministrativeUnit(code: $old) { code name successors { unit { code } } }
          viewer { clientId }
        }`,
        { ward: ward[0], old: legacy[0] },
        {},
      ),
    );
    expect(data.provinces.map((p: { code: string }) => p.code)).toEqual(provinces.map((p) => p[0]));
    expect(data.administrativeUnit).toEqual({ code: ward[0], name: ward[1] });
    expect(data.legacyAdministrativeUnit).toMatchObject({ code: legacy[0], name: legacy[1] });
    expect(data.legacyAdministrativeUnit.successors.map((s: { unit: { code: string } }) => s.unit.code)).toContain(legacy[3]);
    expect(data.viewer).toBeNull();
  });

  it("refuses the whole request, public part included, when it also asks for personal data", async () => {
    const reply = await send(
      `query($id: PersonalId!) { provinces { code } citizen(personalId: $id) { fullName } }`,
      { id: person.personal_id },
      {},
    );
    const [error] = refused(reply, 401, "UNAUTHENTICATED");
    expect(error.extensions.fields).toEqual(["Query.citizen", "Citizen.fullName"]);
  });

  it("checks the operation that runs: a public operation is served even when the document also holds a private one", async () => {
    const document = `query Public { provinces { code } } query Private { ...People } fragment People on Query { citizens(first: 1) { totalCount } }`;
    const [error] = refused(await send(document, undefined, {}, { operationName: "Private" }), 401, "UNAUTHENTICATED");
    expect(error.extensions.fields).toEqual(["Query.citizens"]);
    const data = served(await send(document, undefined, {}, { operationName: "Public" }));
    expect(data.provinces.length).toBeGreaterThan(0);
  });
});

describe("declared purpose", () => {
  let client: Awaited<ReturnType<typeof registerSystem>>;
  beforeAll(async () => {
    client = await registerSystem([{ sources: ["population"], classes: ["basic"], procedures: [BIRTH] }]);
  });

  it("asks a registered client for a purpose before it reads personal data (400 PURPOSE_REQUIRED), not for public data", async () => {
    const [error] = refused(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, null)),
      400,
      "PURPOSE_REQUIRED",
    );
    expect(error.message).toContain("X-Purpose-Procedure");
    expect(error.message).toContain("X-Purpose-Case");
    expect(error.extensions.fields).toEqual(expect.arrayContaining(["Query.citizen", "Citizen.fullName"]));

    const data = served(await send(`{ provinces { code } }`, undefined, clientHeaders(client.key, null)));
    expect(data.provinces.length).toBeGreaterThan(0);
  });

  it("refuses half a purpose or a malformed one with 400 INVALID_PURPOSE, naming what is wrong", async () => {
    const auth = { authorization: `Bearer ${client.key}` };
    const onlyProcedure = refused(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, { ...auth, "x-purpose-procedure": BIRTH }),
      400,
      "INVALID_PURPOSE",
    );
    expect(onlyProcedure[0].message).toMatch(/X-Purpose-Case is missing/);

    const onlyCase = refused(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, { ...auth, "x-purpose-case": "HS-2026-0001" }),
      400,
      "INVALID_PURPOSE",
    );
    expect(onlyCase[0].message).toMatch(/X-Purpose-Procedure is missing/);

    const badCode = refused(
      await send(
        CITIZEN_BY_ID,
        { id: person.personal_id },
        { ...auth, "x-purpose-procedure": "1001193", "x-purpose-case": "HS-2026-0001" },
      ),
      400,
      "INVALID_PURPOSE",
    );
    expect(badCode[0].message).toContain('"1001193"');
    expect(badCode[0].message).toContain("procedure code");

    const badCase = refused(
      await send(
        CITIZEN_BY_ID,
        { id: person.personal_id },
        { ...auth, "x-purpose-procedure": BIRTH, "x-purpose-case": "case with spaces" },
      ),
      400,
      "INVALID_PURPOSE",
    );
    expect(badCase[0].message).toContain("X-Purpose-Case");
  });

  it("refuses a procedure outside the client's grants with 403 PURPOSE_NOT_GRANTED, naming the client, the procedure and its grants", async () => {
    const [error] = refused(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(MARRIAGE))),
      403,
      "PURPOSE_NOT_GRANTED",
    );
    expect(error.extensions.procedure).toBe(MARRIAGE);
    expect(error.message).toContain(client.id);
    expect(error.message).toContain(MARRIAGE);
    expect(error.message).toContain(BIRTH); // its grants
  });

  it("serves a purpose inside the grant: the record as the population source holds it", async () => {
    const data = served(await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(BIRTH))));
    expect(data.citizen).toEqual({ personalId: person.personal_id, fullName: person.full_name, dateOfBirth: person.date_of_birth });
  });
});

describe("field classes and sources", () => {
  let basic: Awaited<ReturnType<typeof registerSystem>>;
  let sensitive: Awaited<ReturnType<typeof registerSystem>>;
  let populationAndLand: Awaited<ReturnType<typeof registerSystem>>;
  beforeAll(async () => {
    basic = await registerSystem([{ sources: ["population"], classes: ["basic"], procedures: [BIRTH] }]);
    sensitive = await registerSystem([{ sources: ["population"], classes: ["basic", "sensitive"], procedures: [BIRTH] }]);
    populationAndLand = await registerSystem([{ sources: ["population", "land"], classes: ["basic"], procedures: [BIRTH] }]);
  });

  it("serves basic fields to a client with a basic population grant", async () => {
    const data = served(
      await send(
        `query($id: PersonalId!) { citizen(personalId: $id) { fullName } }`,
        { id: person.personal_id },
        clientHeaders(basic.key, purpose(BIRTH)),
      ),
    );
    expect(data.citizen.fullName).toBe(person.full_name);
  });

  it("refuses religion and ethnicity to it with 403: one FIELD_NOT_GRANTED per field, naming the missing grant", async () => {
    const errors = refused(
      await send(CITIZEN_SENSITIVE, { id: person.personal_id }, clientHeaders(basic.key, purpose(BIRTH))),
      403,
      "FIELD_NOT_GRANTED",
    );
    expect(errors.map((e) => e.extensions.field).sort()).toEqual(["Citizen.ethnicity", "Citizen.religion"]);
    for (const error of errors) {
      expect(error.extensions.missingGrant).toEqual({ source: "population", class: "sensitive", procedure: BIRTH });
      expect(error.message).toContain(error.extensions.field);
      expect(error.message).toContain(basic.id);
      expect(error.locations?.length).toBeGreaterThan(0);
    }
  });

  it("serves religion and ethnicity to a client whose grant names the sensitive class", async () => {
    const data = served(await send(CITIZEN_SENSITIVE, { id: person.personal_id }, clientHeaders(sensitive.key, purpose(BIRTH))));
    expect(data.citizen).toEqual({ fullName: person.full_name, religion: person.religion, ethnicity: { code: person.ethnicity_code } });
  });

  it("refuses a cross-source field without a grant on that source: Citizen.landParcels needs land", async () => {
    const query = `query($id: PersonalId!) { citizen(personalId: $id) { fullName landParcels { sharePercent parcel { parcelId } } } }`;
    const errors = refused(
      await send(query, { id: parcelHolderIds[0] }, clientHeaders(sensitive.key, purpose(BIRTH))),
      403,
      "FIELD_NOT_GRANTED",
    );
    const landParcels = errors.find((e) => e.extensions.field === "Citizen.landParcels");
    expect(landParcels?.extensions.missingGrant).toEqual({ source: "land", class: "basic", procedure: BIRTH });
    expect(landParcels?.message).toContain("land");
    // Only the land fields are refused; the population field the grant covers is not named.
    for (const error of errors) expect(error.extensions.missingGrant.source).toBe("land");
    expect(errors.map((e) => e.extensions.field)).not.toContain("Citizen.fullName");

    // With a land grant the same question is answered, and the holding is the one the land source records.
    const data = served(await send(query, { id: parcelHolderIds[0] }, clientHeaders(populationAndLand.key, purpose(BIRTH))));
    expect(data.citizen.landParcels.map((h: { parcel: { parcelId: string } }) => h.parcel.parcelId)).toContain(parcelId);
  });

  const holdersQuery = (selection: string, fragments = "") =>
    `query($id: ID!) { landParcel(id: $id) { holders { subject { ${selection} } } } } ${fragments}`;

  it("checks fields selected in a named fragment on a member of the LandHolderSubject union", async () => {
    const errors = refused(
      await send(
        holdersQuery("...Holder", "fragment Holder on Citizen { fullName religion }"),
        { id: parcelId },
        clientHeaders(populationAndLand.key, purpose(BIRTH)),
      ),
      403,
      "FIELD_NOT_GRANTED",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toMatchObject({
      field: "Citizen.religion",
      missingGrant: { source: "population", class: "sensitive", procedure: BIRTH },
    });
  });

  it("checks fields selected in an inline fragment on the union: Enterprise.name needs business", async () => {
    const errors = refused(
      await send(
        holdersQuery("... on Citizen { fullName } ... on Enterprise { name }"),
        { id: parcelId },
        clientHeaders(populationAndLand.key, purpose(BIRTH)),
      ),
      403,
      "FIELD_NOT_GRANTED",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toMatchObject({
      field: "Enterprise.name",
      missingGrant: { source: "business", class: "basic", procedure: BIRTH },
    });
  });

  it("serves the union's fields a grant covers: the holders the land source names", async () => {
    const data = served(
      await send(holdersQuery("... on Citizen { personalId }"), { id: parcelId }, clientHeaders(populationAndLand.key, purpose(BIRTH))),
    );
    const ids = data.landParcel.holders.map((h: { subject: { personalId?: string } }) => h.subject?.personalId).filter(Boolean);
    expect(ids.sort()).toEqual(parcelHolderIds);
  });
});

describe("grants per procedure", () => {
  let client: Awaited<ReturnType<typeof registerSystem>>;
  beforeAll(async () => {
    // Basic data for birth registration; sensitive data too, but only for death registration.
    client = await registerSystem([{ sources: ["population"], classes: ["basic"], procedures: [BIRTH] }]);
    await gw.app.clients.addGrant(client.id, { sources: ["population"], classes: ["basic", "sensitive"], procedures: [DEATH] });
  });

  it("does not let a grant for one procedure cover another: sensitive fields under birth registration are refused", async () => {
    const errors = refused(
      await send(CITIZEN_SENSITIVE, { id: person.personal_id }, clientHeaders(client.key, purpose(BIRTH))),
      403,
      "FIELD_NOT_GRANTED",
    );
    expect(errors.map((e) => e.extensions.field).sort()).toEqual(["Citizen.ethnicity", "Citizen.religion"]);
    for (const error of errors)
      expect(error.extensions.missingGrant).toEqual({ source: "population", class: "sensitive", procedure: BIRTH });
    // Basic fields under birth registration are fine.
    const data = served(await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(BIRTH))));
    expect(data.citizen.fullName).toBe(person.full_name);
  });

  it("serves sensitive fields under the procedure whose grant names them", async () => {
    const data = served(await send(CITIZEN_SENSITIVE, { id: person.personal_id }, clientHeaders(client.key, purpose(DEATH))));
    expect(data.citizen).toEqual({ fullName: person.full_name, religion: person.religion, ethnicity: { code: person.ethnicity_code } });
  });

  it("refuses a procedure neither grant names", async () => {
    const [error] = refused(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(MARRIAGE))),
      403,
      "PURPOSE_NOT_GRANTED",
    );
    expect(error.message).toContain(BIRTH);
    expect(error.message).toContain(DEATH);
  });
});

describe("API keys", () => {
  const grants: Grant[] = [{ sources: ["population"], classes: ["basic"], procedures: [BIRTH] }];

  /** A refusal before the request reaches GraphQL: 401, the code, an invalid_token challenge, no data. */
  function rejectedKey(reply: Reply, code: string) {
    const [error] = refused(reply, 401, code);
    expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer realm=.*error="invalid_token"/);
    return error;
  }

  it("refuses an unknown key with 401 INVALID_CREDENTIAL, for public data too", async () => {
    const key = `ndaf_${randomUUID().replace(/-/g, "")}`;
    rejectedKey(await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(key, purpose(BIRTH))), "INVALID_CREDENTIAL");
    const error = rejectedKey(await send(`{ provinces { code } }`, undefined, clientHeaders(key, null)), "INVALID_CREDENTIAL");
    expect(error.message).toContain("Authorization");
  });

  it.each([
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["no key", "Bearer"],
    ["a key too short", "Bearer abc"],
    ["an empty header", ""],
  ])("refuses a malformed Authorization header (%s) with 401", async (_, authorization) => {
    const error = rejectedKey(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, { authorization, "x-purpose-procedure": BIRTH, "x-purpose-case": "HS-1" }),
      "INVALID_CREDENTIAL",
    );
    expect(error.message).toContain("Bearer <API key>");
  });

  it("refuses a revoked client's key with 401 CREDENTIAL_REVOKED, naming the client", async () => {
    const client = await registerSystem(grants);
    served(await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(BIRTH))));
    await gw.app.clients.revoke(client.id);
    const error = rejectedKey(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(BIRTH))),
      "CREDENTIAL_REVOKED",
    );
    expect(error.extensions.clientId).toBe(client.id);
    expect(error.message).toContain(client.id);
  });

  it("refuses an expired client's key with 401 CREDENTIAL_EXPIRED, and serves one that expires later", async () => {
    const expired = await registerSystem(grants, { expiresAt: new Date(Date.now() - 24 * 3600_000) });
    const error = rejectedKey(
      await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(expired.key, purpose(BIRTH))),
      "CREDENTIAL_EXPIRED",
    );
    expect(error.extensions.clientId).toBe(expired.id);
    expect(error.message).toContain("expired");

    const expiresAt = new Date(Date.now() + 24 * 3600_000);
    const valid = await registerSystem(grants, { expiresAt });
    const data = served(
      await send(
        `query($id: PersonalId!) { viewer { expiresAt } citizen(personalId: $id) { fullName } }`,
        { id: person.personal_id },
        clientHeaders(valid.key, purpose(BIRTH)),
      ),
    );
    expect(new Date(data.viewer.expiresAt).getTime()).toBe(expiresAt.getTime());
    expect(data.citizen.fullName).toBe(person.full_name);
  });

  it("stops the old key at once after rotateKey, and serves the new one", async () => {
    const client = await registerSystem(grants);
    served(await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(BIRTH))));
    const newKey = await gw.app.clients.rotateKey(client.id);
    expect(newKey).not.toBe(client.key);
    rejectedKey(await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(client.key, purpose(BIRTH))), "INVALID_CREDENTIAL");
    const data = served(
      await send(
        `query($id: PersonalId!) { viewer { clientId } citizen(personalId: $id) { fullName } }`,
        { id: person.personal_id },
        clientHeaders(newKey, purpose(BIRTH)),
      ),
    );
    expect(data).toEqual({ viewer: { clientId: client.id }, citizen: { fullName: person.full_name } });
  });

  it("keeps a revoked client revoked when its key is rotated", async () => {
    const client = await registerSystem(grants);
    await gw.app.clients.revoke(client.id);
    const newKey = await gw.app.clients.rotateKey(client.id);
    rejectedKey(await send(CITIZEN_BY_ID, { id: person.personal_id }, clientHeaders(newKey, purpose(BIRTH))), "CREDENTIAL_REVOKED");
  });
});

describe("citizen client", () => {
  let citizenKey: string;
  let citizen: Record<string, string>;
  let parent: "father" | "mother";
  beforeAll(async () => {
    ({ key: citizenKey } = await gw.app.clients.register({
      id: `VN:CIT:${person.personal_id}`,
      kind: "CITIZEN",
      personalId: person.personal_id,
      name: "Test citizen",
    }));
    citizen = clientHeaders(citizenKey, null);
    const [found] = await gw.app.sources.population.raw<{ id: string }>(
      "select personal_id as id from population.citizens where personal_id = $1",
      [person.father_id],
    );
    parent = found ? "father" : "mother";
  });

  it("reads its own record, sensitive fields included, without declaring a purpose", async () => {
    const data = served(await send(CITIZEN_SENSITIVE, { id: person.personal_id }, citizen));
    expect(data.citizen).toEqual({ fullName: person.full_name, religion: person.religion, ethnicity: { code: person.ethnicity_code } });
  });

  it("gets null and SUBJECT_NOT_PERMITTED for another person's record", async () => {
    // The record exists: an agency client holding every grant finds it.
    expect(served(await send(CITIZEN_BY_ID, { id: other.personal_id }, DEMO_HEADERS)).citizen.fullName).toBe(other.full_name);

    const reply = await send(CITIZEN_BY_ID, { id: other.personal_id }, citizen);
    expect(reply.status).toBeLessThan(500);
    expect(reply.body.data).toEqual({ citizen: null });
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors![0]).toMatchObject({ path: ["citizen"], extensions: { code: "SUBJECT_NOT_PERMITTED" } });
    expect(JSON.stringify(reply.body)).not.toContain(other.full_name);
  });

  it("is refused its parent's fields at that path, and keeps its own", async () => {
    const query = `query($id: PersonalId!) { citizen(personalId: $id) { fullName ${parent} { fullName } } }`;
    const parentName = served(await send(query, { id: person.personal_id }, DEMO_HEADERS)).citizen[parent].fullName;
    expect(parentName).toEqual(expect.any(String));

    const reply = await send(query, { id: person.personal_id }, citizen);
    expect(reply.status).toBeLessThan(500);
    expect(reply.body.data).toEqual({ citizen: { fullName: person.full_name, [parent]: null } });
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors![0]).toMatchObject({
      path: ["citizen", parent, "fullName"],
      extensions: { code: "SUBJECT_NOT_PERMITTED", field: "Citizen.fullName" },
    });
    expect(JSON.stringify(reply.body)).not.toContain(parentName);
  });

  it("is refused the citizen list with 403 SUBJECT_NOT_PERMITTED, pointed to its own record", async () => {
    const [error] = refused(
      await send(`{ citizens(first: 5) { edges { node { fullName } } } }`, undefined, citizen),
      403,
      "SUBJECT_NOT_PERMITTED",
    );
    expect(error.extensions.fields).toEqual(["Query.citizens"]);
    expect(error.message).toContain(`citizen(personalId: "${person.personal_id}")`);
  });

  it("sees in its access log who read its record, for which procedure and case, and which fields", async () => {
    const reader = await registerSystem([{ sources: ["population"], classes: ["basic", "sensitive"], procedures: [BIRTH] }]);
    const declared = purpose(BIRTH);
    served(
      await send(
        `query($id: PersonalId!) { citizen(personalId: $id) { fullName religion } }`,
        { id: person.personal_id },
        clientHeaders(reader.key, declared),
      ),
    );

    const data = served(
      await send(
        `{ accessLog(first: 1) { totalCount edges { node { clientId clientName action procedureCode caseId fields requestId recordedAt } } } }`,
        undefined,
        citizen,
      ),
    );
    expect(data.accessLog.edges).toHaveLength(1);
    expect(data.accessLog.edges[0].node).toMatchObject({
      clientId: reader.id,
      clientName: reader.name,
      action: "READ",
      procedureCode: declared.procedure,
      caseId: declared.caseId,
      fields: ["Citizen.fullName", "Citizen.religion", "Query.citizen"],
    });
    // The log is the whole trail about this person, as the gateway database holds it.
    const [trail] = await gw.app.sources.gateway.raw<{ n: number; request_id: string }>(
      `select count(*)::int as n, (array_agg(request_id order by seq desc, subject_index desc))[1] as request_id from gateway.audit_subjects where subject_kind = 'CITIZEN' and subject_id = $1`,
      [person.personal_id],
    );
    expect(data.accessLog.totalCount).toBe(Number(trail.n));
    expect(data.accessLog.edges[0].node.requestId).toBe(trail.request_id);
  });

  it("is refused another person's access log", async () => {
    const reply = await send(`query($id: PersonalId!) { accessLog(personalId: $id) { totalCount } }`, { id: other.personal_id }, citizen);
    expect(reply.body.data).toEqual({ accessLog: null });
    expect(reply.body.errors?.[0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
    expect(reply.body.errors?.[0].path).toEqual(["accessLog"]);
  });

  it("keeps the access log from agency systems and anonymous callers", async () => {
    const system = await registerSystem([{ sources: ["population"], classes: ["basic"], procedures: ["*"] }]);
    const bySystem = await send(
      `query($id: PersonalId!) { accessLog(personalId: $id) { totalCount } }`,
      { id: person.personal_id },
      clientHeaders(system.key, purpose(BIRTH)),
    );
    expect(bySystem.body.data).toEqual({ accessLog: null });
    expect(bySystem.body.errors?.[0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
    expect(bySystem.body.errors?.[0].message).toContain(system.id);

    // The access log is declared @access(source: POPULATION): without a key it is refused before anything runs.
    const anonymous = await send(`query($id: PersonalId!) { accessLog(personalId: $id) { totalCount } }`, { id: person.personal_id }, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).not.toHaveProperty("data");
    expect(anonymous.body.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("viewer", () => {
  const VIEWER = `{ viewer { clientId name kind personalId grants { sources classes procedures } purpose { procedure caseId } expiresAt } }`;

  it("names the client, its grants and the declared purpose", async () => {
    const grants: Grant[] = [
      { sources: ["population", "land"], classes: ["basic"], procedures: [BIRTH, DEATH] },
      { sources: ["business"], classes: ["basic", "sensitive"], procedures: ["*"] },
    ];
    const client = await registerSystem(grants);
    const declared = purpose(DEATH);
    const data = served(await send(VIEWER, undefined, clientHeaders(client.key, declared)));
    expect(data.viewer).toEqual({
      clientId: client.id,
      name: client.name,
      kind: "SYSTEM",
      personalId: null,
      grants,
      purpose: declared,
      expiresAt: null,
    });

    const undeclared = served(await send(VIEWER, undefined, clientHeaders(client.key, null)));
    expect(undeclared.viewer.purpose).toBeNull();
  });

  it("names a citizen client's person", async () => {
    const [someone] = await gw.app.sources.population.raw<{ id: string }>(
      "select personal_id as id from population.citizens where personal_id not in ($1, $2) order by personal_id desc limit 1",
      [person.personal_id, gw.app.demo?.citizenPersonalId ?? ""],
    );
    const { key } = await gw.app.clients.register({
      id: `VN:CIT:${someone.id}`,
      kind: "CITIZEN",
      personalId: someone.id,
      name: "Viewer citizen",
    });
    const data = served(await send(VIEWER, undefined, clientHeaders(key, null)));
    expect(data.viewer).toMatchObject({
      clientId: `VN:CIT:${someone.id}`,
      kind: "CITIZEN",
      personalId: someone.id,
      grants: [],
      purpose: null,
    });
  });

  it("is null for an anonymous caller", async () => {
    expect(served(await send(VIEWER, undefined, {}))).toEqual({ viewer: null });
  });
});
