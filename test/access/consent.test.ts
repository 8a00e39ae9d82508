/**
 * Consent end to end over HTTP, as its parties use it: an organisation client (VN:ORG:<tax code>:<system>) is
 * refused a citizen's data until it asks and the citizen approves; it then reads exactly the approved fields of
 * exactly that citizen, each read's audit row naming the consent, until the citizen revokes it. Refusals are
 * checked for their code and for what they must not say (whose data it is); the trail is read from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientHeaders, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;

/** A bank's onboarding system; 0100100015 is a tax code with a valid check digit. */
const BANK = "VN:ORG:0100100015:ekyc";
let bank: Record<string, string>;
let person: { id: string; parentId: string; parent: "father" | "mother" };
let citizen: Record<string, string>;
let stranger: Record<string, string>;
let holding: { personalId: string } | undefined;

const READ = `query($id: PersonalId!) { citizen(personalId: $id) { fullName dateOfDeath } }`;
const REQUEST = `mutation($input: ConsentRequestInput!) { requestConsent(input: $input) { id status clientId clientName purpose requestedFields approvedFields inForce validUntil } }`;
const APPROVE = `mutation($id: ID!, $fields: [String!]) { approveConsent(id: $id, fields: $fields) { id status approvedFields inForce answeredAt } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(id: $id) { id status inForce revokedAt } }`;
const inAYear = () => new Date(Date.now() + 300 * 86_400_000).toISOString();

async function ask(fields: string[], personalId = person.id, headers = bank) {
  return gw.send(REQUEST, { input: { personalId, fields, purpose: "Mở tài khoản thanh toán (eKYC)", validUntil: inAYear() } }, headers);
}

async function trail(requestIds: string[]) {
  return gw.app.sources.gateway.raw<{
    action: string;
    subject_id: string | null;
    procedure_code: string | null;
    case_id: string | null;
    fields: string[];
  }>(
    `select action, subject_id, procedure_code, case_id, fields from gateway.audit_subjects where request_id = any($1::text[]) order by seq, subject_index`,
    [requestIds],
  );
}

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 300 });
  const [row] = await gw.app.sources.population.raw<{ id: string; father_id: string | null; mother_id: string | null }>(
    `select c.personal_id as id, c.father_id, c.mother_id from population.citizens c
     where exists (select 1 from population.citizens p where p.personal_id in (c.father_id, c.mother_id))
       and $1 not in (c.personal_id, coalesce(c.father_id, ''), coalesce(c.mother_id, ''))
     order by c.personal_id limit 1`,
    [gw.app.demo?.citizenPersonalId ?? ""],
  );
  const [parentRow] = await gw.app.sources.population.raw<{ id: string }>(
    "select personal_id as id from population.citizens where personal_id = $1",
    [row.father_id],
  );
  person = { id: row.id, parentId: parentRow ? row.father_id! : row.mother_id!, parent: parentRow ? "father" : "mother" };
  const { key } = await gw.app.clients.register({
    id: BANK,
    kind: "ORGANIZATION",
    name: "Ngân hàng Thử nghiệm — eKYC",
    grants: [{ sources: ["population", "land"], classes: ["basic"], procedures: ["*"] }],
  });
  bank = clientHeaders(key, null);
  const { key: citizenKey } = await gw.app.clients.register({
    id: `VN:CIT:${person.id}`,
    kind: "CITIZEN",
    personalId: person.id,
    name: "Citizen",
  });
  citizen = clientHeaders(citizenKey, null);
  const { key: strangerKey } = await gw.app.clients.register({
    id: `VN:CIT:${person.parentId}`,
    kind: "CITIZEN",
    personalId: person.parentId,
    name: "Parent",
  });
  stranger = clientHeaders(strangerKey, null);
  const [held] = await gw.app.sources.land.raw<{ personal_id: string }>(
    `select h.personal_id from land.holders h join land.certificates c on c.serial = h.certificate_serial
     where c.status = 'ACTIVE' and h.personal_id is not null order by h.personal_id limit 1`,
  );
  holding = held ? { personalId: held.personal_id } : undefined;
});
afterAll(() => gw?.close());

describe("an organisation client", () => {
  it("is registered by its tax code, with grants for any procedure only", async () => {
    await expect(
      gw.app.clients.register({
        id: "VN:ORG:0100100016:ekyc",
        kind: "ORGANIZATION",
        name: "Wrong check digit",
      }),
    ).rejects.toThrow(/check digit/);
    await expect(
      gw.app.clients.register({
        id: "VN:ORG:0100100015:other",
        kind: "ORGANIZATION",
        name: "Bank with a procedure grant",
        grants: [{ sources: ["population"], classes: ["basic"], procedures: ["1.001193"] }],
      }),
    ).rejects.toThrow(/name no procedure/);
    const viewer = await gw.send(`{ viewer { clientId kind roles grants { procedures } } }`, {}, bank);
    expect(viewer.body.data.viewer).toEqual({ clientId: BANK, kind: "ORGANIZATION", roles: [], grants: [{ procedures: ["*"] }] });
  });

  it("is refused a citizen's data without a consent, told what to ask for, and never whose data it was", async () => {
    const reply = await gw.send(READ, { id: person.id }, bank);
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ citizen: null });
    const [error] = reply.body.errors!;
    expect(error.extensions.code).toBe("CONSENT_REQUIRED");
    expect(error.extensions.fields).toEqual(["Citizen.fullName", "Citizen.dateOfDeath"]);
    expect(error.message).toContain("requestConsent");
    expect(JSON.stringify(reply.body)).not.toContain(person.id);
    // Nothing was read, so nothing is recorded as read.
    expect((await trail(reply.requestIds)).filter((r) => r.action === "READ")).toEqual([]);
  });

  it("starts only from a person: lists and other roots are not open to it, nor dossiers", async () => {
    const list = await gw.send(`{ citizens(first: 2) { edges { node { fullName } } } }`, {}, bank);
    expect(list.status).toBe(403);
    expect(list.body.errors![0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
    expect(list.body).not.toHaveProperty("data");
    const log = await gw.send(`query($id: PersonalId) { accessLog(personalId: $id) { totalCount } }`, { id: person.id }, bank);
    expect(log.body.errors![0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
    const business = await gw.send(`{ enterprises(first: 1) { totalCount } }`, {}, bank);
    expect(business.status).toBe(403);
  });

  it("may ask only for fields of personal data its grants could open", async () => {
    const unknown = await ask(["Citizen.shoeSize"]);
    expect(unknown.body.errors![0].extensions.code).toBe("INVALID_ARGUMENT");
    const root = await ask(["Query.citizens"]);
    expect(root.body.errors![0].extensions.code).toBe("INVALID_ARGUMENT");
    const sensitive = await ask(["Citizen.religion"]);
    expect(sensitive.body.errors![0].extensions).toMatchObject({ code: "FIELD_NOT_GRANTED", field: "Citizen.religion" });
    const past = await gw.send(
      REQUEST,
      { input: { personalId: person.id, fields: ["Citizen.fullName"], purpose: "x", validUntil: "2020-01-01T00:00:00Z" } },
      bank,
    );
    expect(past.body.errors![0].extensions.code).toBe("INVALID_ARGUMENT");
    const bySystem = await gw.send(REQUEST, {
      input: { personalId: person.id, fields: ["Citizen.fullName"], purpose: "x", validUntil: inAYear() },
    });
    expect(bySystem.body.errors![0].extensions.code).toBe("SUBJECT_NOT_PERMITTED");
  });
});

describe("a consent, asked, answered and revoked", () => {
  let consentId: string;

  it("is asked for, and waits on the citizen: only that citizen sees it", async () => {
    const asked = await ask(["Citizen.fullName", "Citizen.dateOfDeath", "Citizen.landParcels", "ParcelHolding.sharePercent"]);
    expect(asked.body.errors).toBeUndefined();
    const consent = asked.body.data.requestConsent;
    expect(consent).toMatchObject({ status: "REQUESTED", clientId: BANK, approvedFields: null, inForce: false });
    expect(consent.requestedFields).toEqual([
      "Citizen.dateOfDeath",
      "Citizen.fullName",
      "Citizen.landParcels",
      "ParcelHolding.sharePercent",
    ]);
    consentId = consent.id;

    const waiting = await gw.send(
      `{ consentRequests { totalCount edges { node { id clientName purpose requestedFields } } } }`,
      {},
      citizen,
    );
    expect(waiting.body.data.consentRequests.edges.map((e: any) => e.node)).toContainEqual({
      id: consentId,
      clientName: "Ngân hàng Thử nghiệm — eKYC",
      purpose: "Mở tài khoản thanh toán (eKYC)",
      requestedFields: consent.requestedFields,
    });
    const theirs = await gw.send(`{ consentRequests { totalCount } }`, {}, stranger);
    expect(theirs.body.data.consentRequests.totalCount).toBe(0);
    // Another citizen cannot answer it: to them it does not exist.
    const meddling = await gw.send(APPROVE, { id: consentId }, stranger);
    expect(meddling.body.errors![0].extensions.code).toBe("RECORD_NOT_FOUND");
    // The asking is in the citizen's access log, naming the consent.
    const log = await gw.send(`{ accessLog(first: 5) { edges { node { action clientId consentId caseId procedureCode } } } }`, {}, citizen);
    expect(log.body.data.accessLog.edges.map((e: any) => e.node)).toContainEqual({
      action: "CONSENT_REQUESTED",
      clientId: BANK,
      consentId,
      caseId: `consent:${consentId}`,
      procedureCode: null,
    });
  });

  it("is approved for some of the fields, once: a second answer meets RECORD_NOT_OPEN", async () => {
    const tooMuch = await gw.send(APPROVE, { id: consentId, fields: ["Citizen.fullName", "Citizen.religion"] }, citizen);
    expect(tooMuch.body.errors![0].extensions.code).toBe("INVALID_ARGUMENT");
    const [a, b] = await Promise.all([
      gw.send(APPROVE, { id: consentId, fields: ["Citizen.fullName", "Citizen.landParcels"] }, citizen),
      gw.send(APPROVE, { id: consentId, fields: ["Citizen.fullName", "Citizen.landParcels"] }, citizen),
    ]);
    const answers = [a, b].map((r) => r.body.data?.approveConsent ?? r.body.errors![0].extensions);
    expect(answers.filter((x) => x.status === "APPROVED" && x.inForce)).toHaveLength(1);
    expect(answers).toContainEqual({ code: "RECORD_NOT_OPEN", status: "APPROVED" });
    const approved = answers.find((x) => x.inForce);
    expect(approved.approvedFields).toEqual(["Citizen.fullName", "Citizen.landParcels"]);
  });

  it("lets the organisation read the approved fields of that citizen only, each read naming the consent", async () => {
    const reply = await gw.send(READ, { id: person.id }, bank);
    const [expected] = await gw.app.sources.population.raw<{ full_name: string }>(
      "select full_name from population.citizens where personal_id = $1",
      [person.id],
    );
    // fullName approved; dateOfDeath (nullable) asked for but not approved: refused field by field.
    expect(reply.body.data.citizen).toEqual({ fullName: expected.full_name, dateOfDeath: null });
    expect(reply.body.errors!.map((e: any) => [e.extensions.code, e.extensions.field, e.path.join(".")])).toEqual([
      ["CONSENT_REQUIRED", "Citizen.dateOfDeath", "citizen.dateOfDeath"],
    ]);
    const rows = await trail(reply.requestIds);
    expect(rows).toEqual([
      {
        action: "READ",
        subject_id: person.id,
        procedure_code: null,
        case_id: `consent:${consentId}`,
        fields: ["Citizen.fullName", "Query.citizen"],
      },
    ]);

    // The citizen's parent has given no consent: reached through the approved person, still refused.
    const parent = await gw.send(
      `query($id: PersonalId!) { citizen(personalId: $id) { fullName ${person.parent} { fullName } } }`,
      { id: person.id },
      bank,
    );
    expect(parent.body.data.citizen.fullName).toBe(expected.full_name);
    expect(parent.body.errors!.map((e: any) => e.extensions.code)).toEqual(["CONSENT_REQUIRED"]);
    expect(JSON.stringify(parent.body)).not.toContain(person.parentId);
    const parentRows = await trail(parent.requestIds);
    expect(parentRows.map((r) => r.subject_id)).toEqual([person.id]);

    // The person's own access log shows the read under the consent.
    const log = await gw.send(`{ accessLog(first: 10) { edges { node { action clientId consentId fields requestId } } } }`, {}, citizen);
    expect(log.body.data.accessLog.edges.map((e: any) => e.node)).toContainEqual({
      action: "READ",
      clientId: BANK,
      consentId,
      fields: ["Citizen.fullName", "Query.citizen"],
      requestId: reply.requestIds[0],
    });
  });

  it("governs what is reached from the citizen's record by the fields that citizen approved", async () => {
    expect(holding, "a citizen holding land under a certificate in force").toBeDefined();
    const holder = holding!.personalId;
    const asked = await ask(["Citizen.landParcels", "ParcelHolding.parcel", "LandParcel.parcelId", "LandParcel.useTermUntil"], holder);
    const id = asked.body.data.requestConsent.id as string;
    // The holder answers (through the store: their client is not this test's subject).
    await gw.app.consents.approve(holder, id, ["Citizen.landParcels", "ParcelHolding.parcel", "LandParcel.parcelId"]);
    const reply = await gw.send(
      `query($id: PersonalId!) { citizen(personalId: $id) { landParcels { parcel { parcelId useTermUntil } } } }`,
      { id: holder },
      bank,
    );
    const parcels = await gw.app.sources.land.raw<{ parcel_id: string }>(
      `select distinct c.parcel_id from land.certificates c join land.holders h on h.certificate_serial = c.serial
       where c.status = 'ACTIVE' and h.personal_id = $1 order by c.parcel_id`,
      [holder],
    );
    const shown = (reply.body.data.citizen.landParcels as { parcel: { parcelId: string; useTermUntil: string | null } }[]).map(
      (h) => h.parcel,
    );
    expect(shown.map((p) => p.parcelId).sort()).toEqual(parcels.map((p) => p.parcel_id));
    // LandParcel.useTermUntil was asked for and not approved: refused on every parcel, the rest served.
    expect(shown.every((p) => p.useTermUntil === null)).toBe(true);
    expect(reply.body.errors!.map((e: any) => `${e.extensions.code} ${e.extensions.field}`)).toEqual(
      shown.map(() => "CONSENT_REQUIRED LandParcel.useTermUntil"),
    );
    // Each parcel's read is recorded against the parcel, under the holder's consent.
    const rows = await trail(reply.requestIds);
    expect(rows.filter((r) => r.action === "READ").every((r) => r.case_id === `consent:${id}`)).toBe(true);
    expect(
      rows
        .filter((r) => r.fields.includes("LandParcel.parcelId"))
        .map((r) => r.subject_id)
        .sort(),
    ).toEqual(parcels.map((p) => p.parcel_id));
  });

  it("is revoked by the citizen at once: the next read is refused, and a revoked consent cannot be approved", async () => {
    const revoked = await gw.send(REVOKE, { id: consentId }, citizen);
    expect(revoked.body.data.revokeConsent).toMatchObject({ id: consentId, status: "REVOKED", inForce: false });
    const reply = await gw.send(READ, { id: person.id }, bank);
    expect(reply.body.data).toEqual({ citizen: null });
    expect(reply.body.errors![0].extensions.code).toBe("CONSENT_REQUIRED");
    const again = await gw.send(APPROVE, { id: consentId }, citizen);
    expect(again.body.errors![0].extensions).toEqual({ code: "RECORD_NOT_OPEN", status: "REVOKED" });
    const listed = await gw.send(`{ consents(status: REVOKED) { edges { node { id } } } }`, {}, bank);
    expect(listed.body.data.consents.edges.map((e: any) => e.node.id)).toContain(consentId);
    const rows = await trail(revoked.requestIds);
    expect(rows).toEqual([
      {
        action: "CONSENT_REVOKED",
        subject_id: person.id,
        procedure_code: null,
        case_id: `consent:${consentId}`,
        fields: ["Citizen.fullName", "Citizen.landParcels"],
      },
    ]);
  });

  it("bounds the requests waiting on one citizen, and a rejected one allows nothing", async () => {
    const target = person.parentId;
    const asked: string[] = [];
    for (let i = 0; i < 3; i++) asked.push((await ask(["Citizen.fullName"], target)).body.data.requestConsent.id);
    const fourth = await ask(["Citizen.fullName"], target);
    expect(fourth.body.errors![0].extensions.code).toBe("INVALID_ARGUMENT");
    const rejected = await gw.send(`mutation($id: ID!) { rejectConsent(id: $id) { status } }`, { id: asked[0] }, stranger);
    expect(rejected.body.data.rejectConsent.status).toBe("REJECTED");
    const read = await gw.send(READ, { id: target }, bank);
    expect(read.body.errors![0].extensions.code).toBe("CONSENT_REQUIRED");
    // One answered, so one more may wait.
    expect((await ask(["Citizen.fullName"], target)).body.data.requestConsent.status).toBe("REQUESTED");
  });
});
