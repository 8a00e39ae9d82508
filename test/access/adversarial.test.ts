/**
 * The trust boundary tried as an attacker would, one class at a time, each beside the legitimate request that
 * still works: a citizen reading other people through a dossier, personal ids leaving without their audit row
 * (cursors, ids inside records, dossier evidence), one client's arguments harming the trail, dossier paths without
 * a purpose, a purpose naming no procedure, and a citizen's own household.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CITIZEN_KEY, DEMO_CIVIL_STATUS_KEY } from "../../src/modules/access/demo.js";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
let me: string;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 1500 });
  me = gw.app.demo!.citizenPersonalId!;
});
afterAll(() => gw?.close());

const pop = <T = Record<string, any>>(sql: string, params: unknown[] = []) => gw.app.sources.population.raw<T>(sql, params);
const CITIZEN = { authorization: `Bearer ${DEMO_CITIZEN_KEY}` };
const agency = (procedure: string, caseId = "HS-ADV-0001") => ({
  ...DEMO_HEADERS,
  "x-purpose-procedure": procedure,
  "x-purpose-case": caseId,
});

/** POST with the response's request id, to read that request's audit rows. */
async function send(query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) {
  const response = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    requestId: response.headers.get("x-request-id")!,
    body: (await response.json()) as { data?: any; errors?: any[] },
  };
}

async function trail(requestId: string) {
  return gw.app.sources.gateway.raw<{
    action: string;
    subject_kind: string | null;
    subject_id: string | null;
    fields: string[];
    procedure_code: string | null;
    case_id: string | null;
  }>(
    "select action, subject_kind, subject_id, fields, procedure_code, case_id from gateway.audit_subjects where request_id = $1 order by seq, subject_index",
    [requestId],
  );
}

/** A procedure of the catalogue using this rule, filed by a citizen (and naming this subject role, when given). */
function procedureWith(rule: string, role?: string): string {
  const found = gw.app.procedures.procedures.find(
    (p) => p.applicant === "CITIZEN" && p.components.some((c) => c.rule === rule) && (!role || p.subjects.some((s) => s.role === role)),
  );
  expect(found, `a procedure with rule ${rule}`).toBeDefined();
  return found!.code;
}

const EVALUATE = `query($input: DossierInput!) { evaluateDossier(input: $input) {
  status components { component { key rule } status reason message evidence { source record fact value } }
} }`;

describe("a citizen client and other people named in a dossier", () => {
  let other: { personal_id: string; full_name: string; date_of_birth: string };
  beforeAll(async () => {
    [other] = await pop(
      "select personal_id, full_name, date_of_birth::text from population.citizens where personal_id <> $1 and date_of_death is null and date_of_birth <= current_date - interval '20 years' order by personal_id offset 7 limit 1",
      [me],
    );
  });

  it("learns only the verdict about a spouse; the agency handling the case sees the facts", async () => {
    const code = procedureWith("SPOUSE_SINGLE");
    const input = { procedureCode: code, applicant: { personalId: me }, subjects: { spouse: other.personal_id } };
    const mine = await send(EVALUATE, { input }, CITIZEN);
    expect(mine.body.errors).toBeUndefined();
    const text = JSON.stringify(mine.body.data);
    expect(text).not.toContain(other.full_name);
    expect(text).not.toContain(other.date_of_birth);
    expect(text).not.toContain(other.personal_id);
    const spouse = mine.body.data.evaluateDossier.components.find((c: any) => c.component.rule === "SPOUSE_SINGLE");
    expect(["FULFILLED_BY_DATA", "FAILED_CHECK"]).toContain(spouse.status);
    expect(spouse.evidence).toEqual([]);
    // The verdict about the spouse is recorded against the spouse.
    const rows = await trail(mine.requestId);
    const aboutOther = rows.find((r) => r.subject_id === other.personal_id);
    expect(aboutOther?.fields).toContain(`Procedure:${code}:${spouse.component.key}`);

    const official = await send(
      EVALUATE,
      { input },
      { authorization: `Bearer ${DEMO_CIVIL_STATUS_KEY}`, "x-purpose-procedure": code, "x-purpose-case": "HS-ADV-2" },
    );
    expect(official.body.errors).toBeUndefined();
    const facts = official.body.data.evaluateDossier.components.find((c: any) => c.component.rule === "SPOUSE_SINGLE").evidence;
    expect(facts.map((e: any) => e.value)).toContain(other.full_name);
    const officialRows = await trail(official.requestId);
    expect(officialRows.find((r) => r.subject_id === other.personal_id)?.fields).toEqual(expect.arrayContaining(["population.fullName"]));
  });

  it("learns nothing of a buyer, a child, a deceased person or a parcel through aliases", async () => {
    const roles: [string, string][] = [
      ["BUYER_IDENTITY", "buyer"],
      ["SPOUSE_SINGLE", "spouse"],
      ["DECEASED_PERSON", "deceased"],
    ];
    const people = await pop<{ personal_id: string; full_name: string }>(
      "select personal_id, full_name from population.citizens where personal_id <> $1 order by personal_id desc limit 10",
      [me],
    );
    const [parcel] = await gw.app.sources.land.raw<{ id: string }>("select id from land.parcels order by id limit 1");
    const fields = people.flatMap((p, i) =>
      roles.map(([rule, role]) => {
        const code = procedureWith(rule, role.toUpperCase());
        const needs = gw.app.procedures.get(code)!.subjects.map((s) => s.role);
        const subjects: Record<string, string> = { [role]: p.personal_id };
        if (needs.includes("PARCEL")) subjects.parcel = parcel.id;
        return `a${i}_${role}: evaluateDossier(input: ${JSON.stringify({ procedureCode: code, applicant: { personalId: me }, subjects }).replace(/"(\w+)":/g, "$1:")}) { components { status message evidence { value record } } }`;
      }),
    );
    const { body } = await send(`{ ${fields.slice(0, 30).join("\n")} }`, undefined, CITIZEN);
    const text = JSON.stringify(body);
    for (const p of people) {
      expect(text).not.toContain(p.full_name);
      expect(text).not.toContain(p.personal_id);
    }
    expect(text).not.toMatch(/mortgag|lender/i);
    // What facts the citizen sees are their own.
    const records = [...text.matchAll(/"record":"([^"]+)"/g)].map((m) => m[1]);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record).toMatch(new RegExp(`^(citizen|identity card) ${me}$`));
    expect(Object.keys(body.data ?? {}).length).toBeGreaterThan(0);
  });

  it("reads back a stored dossier with other people's ids and facts withheld, on submit, by id and in the list", async () => {
    const code = procedureWith("SPOUSE_SINGLE");
    const query = `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) {
      dossier { id dossierId subjectsJson subjects { role kind id withheld } applicantId components { evidence { value } message } } } }`;
    const submitted = await send(
      query,
      { input: { procedureCode: code, applicant: { personalId: me }, subjects: { spouse: other.personal_id } }, key: `adv-${Date.now()}` },
      CITIZEN,
    );
    expect(submitted.body.errors).toBeUndefined();
    const dossier = submitted.body.data.submitDossier.dossier;
    expect(JSON.parse(dossier.subjectsJson)).toEqual({ SPOUSE: "[withheld]" });
    expect(dossier.subjects).toEqual([{ role: "SPOUSE", kind: "CITIZEN", id: null, withheld: true }]);
    const read = await send(
      `query($id: ID!, $node: ID!) { dossier(id: $id) { subjectsJson subjects { id withheld } components { evidence { value } message } }
         node(id: $node) { ... on Dossier { subjects { id withheld } components { evidence { value } } } }
         dossiers { edges { node { id components { evidence { value } } } } } }`,
      { id: dossier.dossierId, node: dossier.id },
      CITIZEN,
    );
    expect(read.body.errors).toBeUndefined();
    const text = JSON.stringify(read.body.data);
    expect(text).not.toContain(other.full_name);
    expect(text).not.toContain(other.personal_id);
    expect(read.body.data.dossiers.edges.map((e: any) => e.node.id)).toContain(dossier.id);
    expect(read.body.data.node.subjects).toEqual([{ id: null, withheld: true }]);
  });

  it("still files as the applicant only", async () => {
    const { body } = await send(
      EVALUATE,
      { input: { procedureCode: procedureWith("IDENTITY"), applicant: { personalId: other.personal_id } } },
      CITIZEN,
    );
    expect(body.errors?.[0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
    expect(body.data?.evaluateDossier ?? null).toBeNull();
  });
});

describe("personal ids leave only with an audit row naming the person", () => {
  it("seals cursors: no personal id inside, forged or altered ones refused, real ones page on", async () => {
    const first = await send(`{ citizens(first: 5) { edges { cursor } pageInfo { endCursor } } }`, undefined, DEMO_HEADERS);
    const cursors: string[] = first.body.data.citizens.edges.map((e: any) => e.cursor);
    expect(cursors).toHaveLength(5);
    for (const cursor of cursors) expect(Buffer.from(cursor, "base64url").toString("latin1")).not.toMatch(/\d{12}/);
    const next = await send(
      `query($a: String) { citizens(first: 5, after: $a) { edges { node { personalId } } } }`,
      { a: first.body.data.citizens.pageInfo.endCursor },
      DEMO_HEADERS,
    );
    const [page] = await pop<{ personal_id: string }>("select personal_id from population.citizens order by personal_id offset 5 limit 1");
    expect(next.body.data.citizens.edges[0].node.personalId).toBe(page.personal_id);

    const forged = Buffer.from(`citizen:${page.personal_id}`).toString("base64url");
    const refused = await send(
      `query($a: String) { citizens(first: 5, after: $a) { edges { node { personalId } } } }`,
      { a: forged },
      DEMO_HEADERS,
    );
    expect(refused.body.errors?.[0].extensions.code).toBe("INVALID_CURSOR");
    // One bit of the sealed bytes flipped (editing the text's last character could touch only padding bits).
    const bytes = Buffer.from(cursors[0], "base64url");
    bytes[bytes.length - 1] ^= 1;
    const altered = bytes.toString("base64url");
    expect(
      (await send(`query($a: String) { citizens(after: $a) { edges { cursor } } }`, { a: altered }, DEMO_HEADERS)).body.errors?.[0]
        .extensions.code,
    ).toBe("INVALID_CURSOR");
    // A parcel cursor is not a citizen cursor.
    const parcels = await send(`{ landParcels(first: 1) { pageInfo { endCursor } } }`, undefined, DEMO_HEADERS);
    const crossed = await send(
      `query($a: String) { citizens(after: $a) { edges { cursor } } }`,
      { a: parcels.body.data.landParcels.pageInfo.endCursor },
      DEMO_HEADERS,
    );
    expect(crossed.body.errors?.[0].extensions.code).toBe("INVALID_CURSOR");
  });

  it("records a household business's owner against the owner", async () => {
    const [business] = await gw.app.sources.business.raw<{ registration_number: string; owner_personal_id: string }>(
      "select registration_number, owner_personal_id from business.household_businesses order by registration_number limit 1",
    );
    const { body, requestId } = await send(
      `query($n: String!) { householdBusiness(registrationNumber: $n) { ownerPersonalId } }`,
      { n: business.registration_number },
      DEMO_HEADERS,
    );
    expect(body.data.householdBusiness.ownerPersonalId).toBe(business.owner_personal_id);
    const rows = await trail(requestId);
    expect(rows.find((r) => r.subject_kind === "CITIZEN" && r.subject_id === business.owner_personal_id)?.fields).toContain(
      "HouseholdBusiness.ownerPersonalId",
    );
    expect(rows.find((r) => r.subject_kind === "HOUSEHOLD_BUSINESS")?.subject_id).toBe(business.registration_number);
  });

  it("records a co-holder's id on a parcel against the co-holder", async () => {
    const [holder] = await gw.app.sources.land.raw<{ parcel_id: string; personal_id: string }>(
      "select c.parcel_id, h.personal_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE' where h.personal_id is not null order by c.parcel_id limit 1",
    );
    const { body, requestId } = await send(
      `query($id: ID!) { landParcel(id: $id) { holders { personalId } } }`,
      { id: holder.parcel_id },
      DEMO_HEADERS,
    );
    expect(body.data.landParcel.holders.map((h: any) => h.personalId)).toContain(holder.personal_id);
    const rows = await trail(requestId);
    expect(rows.some((r) => r.subject_kind === "CITIZEN" && r.subject_id === holder.personal_id)).toBe(true);
  });

  it("records a household head named in dossier evidence against the head, not the applicant", async () => {
    const [member] = await pop<{ personal_id: string; head: string }>(
      `select c.personal_id, h.head_personal_id as head from population.citizens c join population.households h on h.id = c.household_id
       where c.personal_id <> h.head_personal_id and c.date_of_death is null order by c.personal_id limit 1`,
    );
    const code = procedureWith("HOUSEHOLD");
    const [parcel] = await gw.app.sources.land.raw<{ id: string }>("select id from land.parcels order by id limit 1");
    const result = await send(
      EVALUATE,
      { input: { procedureCode: code, applicant: { personalId: member.personal_id }, subjects: { parcel: parcel.id } } },
      agency(code),
    );
    expect(result.body.errors).toBeUndefined();
    const household = result.body.data.evaluateDossier.components.find((c: any) => c.component.rule === "HOUSEHOLD");
    expect(household.evidence.find((e: any) => e.fact === "head").value).toBe(member.head);
    const rows = await trail(result.requestId);
    expect(rows.find((r) => r.subject_id === member.head)?.fields).toContain("population.head");
    expect(rows.every((r) => r.case_id === "HS-ADV-0001" && r.procedure_code === code)).toBe(true);
  });
});

describe("one client's arguments cannot harm the trail", () => {
  it("refuses a 3,000-character parcel id and a NUL byte with a typed error before anything is recorded", async () => {
    const long = await send(`query($id: ID!) { landParcel(id: $id) { id } }`, { id: "1".repeat(3000) }, DEMO_HEADERS);
    expect(long.body.errors?.[0].extensions.code).toBe("INVALID_ARGUMENT");
    expect(long.body.errors?.[0].message.length).toBeLessThan(300);
    expect(await trail(long.requestId)).toEqual([]);
    const nul = await send(
      `query($n: String!) { householdBusiness(registrationNumber: $n) { name } }`,
      { n: "01A8\u0000123" },
      DEMO_HEADERS,
    );
    expect(nul.status).toBe(400);
    expect(nul.body.errors?.[0].extensions.code).toBe("INVALID_ARGUMENT");
    const literal = await send(`{ householdBusiness(registrationNumber: "${"x".repeat(2000)}") { name } }`, undefined, DEMO_HEADERS);
    expect(literal.body.errors?.[0].extensions.code).toBe("INVALID_ARGUMENT");
    expect(await trail(literal.requestId)).toEqual([]);

    const [parcel] = await gw.app.sources.land.raw<{ id: string }>("select id from land.parcels order by id limit 1");
    const fine = await send(`query($id: ID!) { landParcel(id: $id) { parcelId } }`, { id: parcel.id }, DEMO_HEADERS);
    expect(fine.body).toEqual({ data: { landParcel: { parcelId: parcel.id } } });
  });
});

describe("purpose on every dossier path", () => {
  // Identity only, no other subject.
  const identity = () =>
    gw.app.procedures.procedures.find(
      (p) => p.applicant === "CITIZEN" && p.subjects.length === 0 && p.components.some((c) => c.rule === "IDENTITY"),
    )!.code;
  let applicant: string;
  beforeAll(async () => {
    [{ personal_id: applicant }] = await pop<{ personal_id: string }>(
      "select personal_id from population.citizens where date_of_death is null order by personal_id offset 11 limit 1",
    );
  });

  it("asks an agency for the purpose, and for the dossier's own procedure; records the declared case", async () => {
    const input = { procedureCode: "1.000656", applicant: { personalId: applicant }, subjects: {} };
    const code = input.procedureCode;
    const needs = gw.app.procedures.get(code)!.subjects.filter((s) => s.role === "DECEASED");
    const [dead] = await pop<{ personal_id: string }>(
      "select personal_id from population.citizens where date_of_death is not null limit 1",
    );
    const full = { ...input, subjects: needs.length ? { deceased: dead.personal_id } : {} };
    const civil = { authorization: `Bearer ${DEMO_CIVIL_STATUS_KEY}` };
    expect((await send(EVALUATE, { input: full }, civil)).body.errors?.[0].extensions.code).toBe("PURPOSE_REQUIRED");
    const other = await send(EVALUATE, { input: full }, { ...civil, "x-purpose-procedure": "1.001193", "x-purpose-case": "HS-1" });
    expect(other.body.errors?.[0].extensions).toMatchObject({ code: "PURPOSE_MISMATCH", procedure: code });
    const right = await send(EVALUATE, { input: full }, { ...civil, "x-purpose-procedure": code, "x-purpose-case": "HS-DEATH-7" });
    expect(right.body.errors).toBeUndefined();
    const rows = await trail(right.requestId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.procedure_code === code && r.case_id === "HS-DEATH-7")).toBe(true);
  });

  it("asks for it on submit, on reading a stored dossier and on the list", async () => {
    const code = identity();
    const noPurpose = { authorization: DEMO_HEADERS.authorization };
    const submit = `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) { dossier { dossierId } } }`;
    const input = { procedureCode: code, applicant: { personalId: applicant } };
    expect((await send(submit, { input, key: `adv-p-${Date.now()}` }, noPurpose)).body.errors?.[0].extensions.code).toBe(
      "PURPOSE_REQUIRED",
    );
    const stored = await send(submit, { input, key: `adv-p2-${Date.now()}` }, agency(code));
    const id = stored.body.data.submitDossier.dossier.dossierId;
    expect((await send(`query($id: ID!) { dossier(id: $id) { dossierId } }`, { id }, noPurpose)).body.errors?.[0].extensions.code).toBe(
      "PURPOSE_REQUIRED",
    );
    expect(
      (await send(`query($id: ID!) { dossier(id: $id) { dossierId } }`, { id }, agency("1.001193"))).body.errors?.[0].extensions.code,
    ).toBe("PURPOSE_MISMATCH");
    expect((await send(`query($id: ID!) { dossier(id: $id) { dossierId } }`, { id }, agency(code))).body.data.dossier.dossierId).toBe(id);
    expect((await send(`{ dossiers { totalCount } }`, undefined, noPurpose)).body.errors?.[0].extensions.code).toBe("PURPOSE_REQUIRED");
    expect(
      (await send(`query($c: String) { dossiers(procedureCode: $c) { totalCount } }`, { c: "1.001193" }, agency(code))).body.errors?.[0]
        .extensions.code,
    ).toBe("PURPOSE_MISMATCH");
    const listed = await send(`{ dossiers(first: 100) { edges { node { dossierId procedure { code } } } } }`, undefined, agency(code));
    expect(listed.body.data.dossiers.edges.map((e: any) => e.node.dossierId)).toContain(id);
    expect(listed.body.data.dossiers.edges.every((e: any) => e.node.procedure.code === code)).toBe(true);
  });

  it("refuses a purpose naming no catalogued procedure, even to a wildcard grant", async () => {
    const query = `query($p: PersonalId!) { citizen(personalId: $p) { fullName } }`;
    const refused = await send(query, { p: applicant }, agency("9.999999"));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: "INVALID_PURPOSE", procedure: "9.999999" });
    expect((await send(query, { p: applicant }, agency("1.001193"))).body.data.citizen.fullName).toBeTruthy();
  });
});

describe("a citizen's own household", () => {
  it("keeps the household and their own member entry; other members' fields are refused one by one", async () => {
    const { body } = await send(
      `{ citizen(personalId: "${me}") { household { id members { relationToHead personalId } } } }`,
      undefined,
      CITIZEN,
    );
    const household = body.data.citizen.household;
    expect(household).not.toBeNull();
    const own = household.members.find((m: any) => m.personalId === me);
    expect(own.relationToHead).toBeTruthy();
    const others = household.members.filter((m: any) => m.personalId !== me);
    for (const m of others) expect(m).toEqual({ relationToHead: null, personalId: null });
    if (others.length > 0) expect(body.errors?.every((e: any) => e.extensions.code === "SUBJECT_NOT_PERMITTED")).toBe(true);
  });

  it("keeps their own record when a child, a co-holder or a fellow representative is refused", async () => {
    const { body } = await send(
      `{ citizen(personalId: "${me}") { fullName children { fullName } landParcels { parcel { holders { personalId } } }
         enterpriseRoles { enterprise { name legalRepresentatives { personalId } } } } }`,
      undefined,
      CITIZEN,
    );
    expect(body.data.citizen.fullName).toBeTruthy();
    for (const child of body.data.citizen.children) expect(child).toBeNull();
    const holders = (body.data.citizen.landParcels ?? []).flatMap((h: any) => h.parcel.holders);
    expect(holders.filter((h: any) => h?.personalId).every((h: any) => h.personalId === me)).toBe(true);
    for (const error of body.errors ?? []) expect(error.extensions.code).toBe("SUBJECT_NOT_PERMITTED");
  });
});

describe("found by the attack review", () => {
  it("does not name another citizen who read a person's data in that person's access log", async () => {
    // A second citizen previews a marriage naming the demo citizen as spouse: that read is in the demo citizen's log.
    const [other] = await pop<{ personal_id: string }>(
      "select personal_id from population.citizens where personal_id <> $1 and date_of_death is null and date_of_birth <= current_date - interval '20 years' order by personal_id offset 3 limit 1",
      [me],
    );
    await gw.app.clients.register({
      id: `VN:CIT:${other.personal_id}`,
      kind: "CITIZEN",
      personalId: other.personal_id,
      name: "Test citizen",
      key: "test-citizen-two-key",
    });
    const code = procedureWith("SPOUSE_SINGLE");
    const filed = await send(
      EVALUATE,
      { input: { procedureCode: code, applicant: { personalId: other.personal_id }, subjects: { spouse: me } } },
      { authorization: "Bearer test-citizen-two-key" },
    );
    expect(filed.body.errors).toBeUndefined();
    const log = await send(`{ accessLog(first: 20) { edges { node { clientId clientName action } } } }`, undefined, CITIZEN);
    expect(log.body.errors).toBeUndefined();
    const entry = log.body.data.accessLog.edges
      .map((e: any) => e.node)
      .find((n: any) => n.action === "DOSSIER_EVALUATE" && n.clientId.startsWith("VN:CIT:"));
    expect(entry).toEqual({ clientId: "VN:CIT:[citizen]", clientName: "A citizen (their own filing)", action: "DOSSIER_EVALUATE" });
    expect(JSON.stringify(log.body)).not.toContain(other.personal_id);
  });

  it("refuses a case id holding a personal id, which every subject's access log would show", async () => {
    const refused = await send(`{ provinces { code } }`, undefined, { ...DEMO_HEADERS, "x-purpose-case": `HS-${me}` });
    expect(refused.body.errors?.[0].extensions.code).toBe("INVALID_PURPOSE");
    expect(
      (await send(`{ provinces { code } }`, undefined, { ...DEMO_HEADERS, "x-purpose-case": "HS-2026-000123" })).body.errors,
    ).toBeUndefined();
  });

  it("asks for a grant naming the procedure even when it reads no source", async () => {
    const code = gw.app.procedures.procedures.find((p) => p.applicant === "CITIZEN" && p.components.every((c) => c.kind !== "DATA"))!.code;
    const { body } = await send(
      EVALUATE,
      { input: { procedureCode: code, applicant: { personalId: me } } },
      { authorization: `Bearer ${DEMO_CIVIL_STATUS_KEY}`, "x-purpose-procedure": code, "x-purpose-case": "HS-ADV-9" },
    );
    expect(body.errors?.[0].extensions).toMatchObject({ code: "PURPOSE_NOT_GRANTED", procedure: code });
    expect(
      (await send(EVALUATE, { input: { procedureCode: code, applicant: { personalId: me } } }, agency(code))).body.errors,
    ).toBeUndefined();
  });

  it("answers a birth-date filter in the year 0000 with a typed error, not an internal one", async () => {
    const { body } = await send(`{ citizens(filter: { bornFrom: "0000-01-01" }) { totalCount } }`, undefined, DEMO_HEADERS);
    expect(body.errors?.[0].extensions.code).toBe("INVALID_ARGUMENT");
  });
});
