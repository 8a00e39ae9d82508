/**
 * The data-correction loop: a dossier that found a record missing raises a request against the source; the
 * source's owner lists and closes it, the citizen concerned sees it, and the dossier, re-evaluated once the source
 * holds the record, answers the component from data. Who may see and close what, the typed refusals, the one
 * winner of two concurrent closers, and the audit rows of every subject an answer shows.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientHeaders, countStatements, DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";
import { auditedCitizens, auditRowsOf, personalIdsIn } from "../support/personal-ids.js";

let gw: TestGateway;
const pop = <T = Record<string, any>>(sql: string, params: unknown[] = []) => gw.app.sources.population.raw<T>(sql, params);

const KEYS = {
  populationOwner: "test-owner-population-key",
  landOwner: "test-owner-land-key",
  noRole: "test-no-role-key",
  organization: "test-organization-key",
  applicant: "test-citizen-applicant-key",
  stranger: "test-citizen-stranger-key",
};
const POPULATION_OWNER = clientHeaders(KEYS.populationOwner, null);
const LAND_OWNER = clientHeaders(KEYS.landOwner, null);
const NO_ROLE = clientHeaders(KEYS.noRole, null);
const ORGANIZATION = clientHeaders(KEYS.organization, null);
const APPLICANT = clientHeaders(KEYS.applicant, null);
const STRANGER = clientHeaders(KEYS.stranger, null);

const LIST = `query($first: Int, $after: String, $status: DataCorrectionStatus, $source: DataSource) {
  dataCorrectionRequests(first: $first, after: $after, status: $status, source: $source) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { correctionId dossierId componentKey source subjectKind subjectId subjectPersonalId withheld message status closedAt closedBy resolution reason } }
  }
}`;
const RESOLVE = `mutation($id: ID!, $text: String!) { resolveDataCorrection(id: $id, resolution: $text) { correctionId status closedBy closedAt resolution subjectPersonalId } }`;
const REJECT = `mutation($id: ID!, $text: String!) { rejectDataCorrection(id: $id, reason: $text) { correctionId status closedBy closedAt reason } }`;
const SUBMIT = `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) { dossier { dossierId } } }`;
const DOSSIER_FIELDS = `dossierId status awaitingCorrection documentsRequested fulfilledByData
  components { component { key rule } status reason awaitingCorrection }
  corrections { correctionId componentKey source status subjectPersonalId withheld }`;
const REEVALUATE = `mutation($id: ID!) { reevaluateDossier(id: $id) { ${DOSSIER_FIELDS} } }`;
const READ = `query($id: ID!) { dossier(id: $id) { ${DOSSIER_FIELDS} } }`;

/** A citizen procedure whose data components use this rule, naming the fewest other subjects. */
function procedureWith(rule: string): string {
  const found = [...gw.app.procedures.procedures]
    .filter((p) => p.applicant === "CITIZEN" && p.components.some((c) => c.rule === rule))
    .sort((a, b) => a.subjects.length - b.subjects.length || a.code.localeCompare(b.code))[0];
  expect(found, `a procedure using ${rule}`).toBeDefined();
  return found!.code;
}

const forProcedure = (code: string) => ({ ...DEMO_HEADERS, "x-purpose-procedure": code, "x-purpose-case": "CORRECTION-TEST" });

/** Submits as the demo agency system; the stored dossier's id. */
async function submit(input: Record<string, any>): Promise<string> {
  const { body } = await gw.query(SUBMIT, { input, key: randomUUID() }, forProcedure(input.procedureCode));
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data.submitDossier.dossier.dossierId;
}

async function list(headers: Record<string, string>, variables: Record<string, unknown> = {}) {
  return gw.send(LIST, { first: 100, ...variables }, headers);
}

/** Every node of the list, page after page. */
async function listAll(headers: Record<string, string>, variables: Record<string, unknown> = {}) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await list(headers, { ...variables, after });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    nodes.push(...body.data.dataCorrectionRequests.edges.map((e: any) => e.node));
    if (!body.data.dataCorrectionRequests.pageInfo.hasNextPage) return nodes;
    after = body.data.dataCorrectionRequests.pageInfo.endCursor;
  }
}

const codeOf = (body: { errors?: any[] }) => body.errors?.[0]?.extensions?.code;

/** Every personal id in the answer has an audit row naming that person, in that request. */
async function expectAudited(answer: { body: unknown; requestIds: string[] }) {
  const shown = new Set(personalIdsIn(answer.body).map((o) => o.id));
  const audited = await auditedCitizens(gw.app.sources.gateway, answer.requestIds);
  for (const id of shown) expect(audited, `audit row for ${id}`).toContain(id);
  return shown;
}

let missing: string; // the applicant whose record the population source lacks
let stranger: string;
let populationDossier: string;
let landDossier: string;
let missingParcel: string;
let identityCode: string;

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 600 });
  const [max] = await pop<{ id: string }>("select lpad((max(personal_id)::bigint + 1)::text, 12, '0') as id from population.citizens");
  missing = max.id;
  const [someone] = await pop<{ personal_id: string }>("select personal_id from population.citizens order by personal_id desc limit 1");
  stranger = someone.personal_id;
  const register = (id: string, key: string, extra: Record<string, unknown> = {}) =>
    gw.app.clients.register({ id, name: `Test ${id}`, key, ...extra });
  await register("VN:GOV:TEST:POPULATION-OWNER", KEYS.populationOwner, { roles: ["owner:population"] });
  await register("VN:GOV:TEST:LAND-OWNER", KEYS.landOwner, { roles: ["owner:land"] });
  await register("VN:GOV:TEST:NO-ROLE", KEYS.noRole, {
    grants: [{ sources: ["population"], classes: ["basic"], procedures: ["*"] }],
  });
  await register("VN:ORG:0100100015:test", KEYS.organization, { kind: "ORGANIZATION" });
  await register(`VN:CIT:${missing}`, KEYS.applicant, { kind: "CITIZEN", personalId: missing });
  await register(`VN:CIT:${stranger}`, KEYS.stranger, { kind: "CITIZEN", personalId: stranger });

  identityCode = procedureWith("IDENTITY");
  populationDossier = await submit({ procedureCode: identityCode, applicant: { personalId: missing } });
  // A parcel the land source does not hold, named by a real applicant.
  const parcelCode = procedureWith("FAMILY_HOLDS_PARCEL");
  missingParcel = "99999-99-99999";
  landDossier = await submit({ procedureCode: parcelCode, applicant: { personalId: stranger }, subjects: { parcel: missingParcel } });
});
afterAll(() => gw?.close());

describe("listing data-correction requests", () => {
  it("shows an owner the open requests of its source, never another source's, page by page, audited", async () => {
    const population = await listAll(POPULATION_OWNER, { status: "OPEN" });
    expect(population.length).toBeGreaterThan(0);
    expect(population.every((n) => n.source === "POPULATION" && n.status === "OPEN" && !n.withheld)).toBe(true);
    const mine = population.find((n) => n.dossierId === populationDossier);
    expect(mine).toMatchObject({ subjectKind: "CITIZEN", subjectId: missing, subjectPersonalId: missing, closedAt: null });
    expect(mine.message).toContain(missing);
    expect(population.some((n) => n.dossierId === landDossier && n.source === "LAND")).toBe(false);

    const land = await listAll(LAND_OWNER, { status: "OPEN" });
    expect(land.every((n) => n.source === "LAND")).toBe(true);
    expect(land.find((n) => n.dossierId === landDossier)).toMatchObject({ subjectKind: "PARCEL", subjectId: missingParcel });
    expect(land.some((n) => n.dossierId === populationDossier)).toBe(false);

    // Pages of one, continued with the sealed cursor, and the total across them.
    const first = await list(POPULATION_OWNER, { first: 1, status: "OPEN" });
    const page = first.body.data.dataCorrectionRequests;
    expect(page.totalCount).toBe(population.length);
    expect(page.edges).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(population.length > 1);
    if (population.length > 1) {
      const next = await list(POPULATION_OWNER, { first: 1, status: "OPEN", after: page.pageInfo.endCursor });
      expect(next.body.data.dataCorrectionRequests.edges[0].node.correctionId).toBe(population[1].correctionId);
    }
    const tooMany = await list(POPULATION_OWNER, { first: 101 });
    expect(codeOf(tooMany.body)).toBe("INVALID_PAGINATION");

    // The person the answer names has a CORRECTION_READ row under the dossier's case.
    const answer = await list(POPULATION_OWNER, { status: "OPEN" });
    expect(await expectAudited(answer)).toContain(missing);
    const rows = await auditRowsOf(gw.app.sources.gateway, answer.requestIds);
    expect(rows.find((r) => r.action === "CORRECTION_READ" && r.subject_id === missing)).toMatchObject({ subject_kind: "CITIZEN" });
    const [withCase] = await gw.app.sources.gateway.raw<{ case_id: string; procedure_code: string }>(
      "select case_id, procedure_code from gateway.audit_subjects where request_id = any($1::text[]) and action = 'CORRECTION_READ' and subject_id = $2",
      [answer.requestIds, missing],
    );
    expect(withCase).toEqual({ case_id: populationDossier, procedure_code: identityCode });
  });

  it("reads the components and corrections of a page of dossiers in one statement each, whatever the page's size", async () => {
    // Two more dossiers of the same procedure, each raising its own request.
    for (let i = 0; i < 2; i++) await submit({ procedureCode: identityCode, applicant: { personalId: missing } });
    const page = (first: number) =>
      gw.send(
        `query($code: String!, $first: Int!) { dossiers(procedureCode: $code, first: $first) { edges { node { dossierId components { status } corrections { correctionId dossierId } } } } }`,
        { code: identityCode, first },
        forProcedure(identityCode),
      );
    let one: Awaited<ReturnType<typeof page>> | undefined;
    let three: Awaited<ReturnType<typeof page>> | undefined;
    const forOne = await countStatements(gw, async () => (one = await page(1)));
    const forThree = await countStatements(gw, async () => (three = await page(3)));
    const nodes = three!.body.data.dossiers.edges.map((e: any) => e.node);
    expect(one!.body.errors).toBeUndefined();
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.corrections.length).toBeGreaterThan(0);
      expect(node.components.length).toBeGreaterThan(0);
      expect(node.corrections.every((c: any) => c.dossierId === node.dossierId)).toBe(true);
    }
    expect(forThree.gateway).toBe(forOne.gateway);
  });

  it("shows a citizen the requests about them, and a stranger nothing of another's", async () => {
    const own = await list(APPLICANT);
    expect(own.body.errors).toBeUndefined();
    const nodes = own.body.data.dataCorrectionRequests.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.dossierId)).toContain(populationDossier);
    expect(nodes.every((n: any) => n.subjectPersonalId === missing)).toBe(true);
    await expectAudited(own);

    // The stranger filed the land dossier: they see its parcel request withheld, and nothing about the applicant.
    const theirs = await list(STRANGER);
    expect(theirs.body.errors).toBeUndefined();
    const seen = theirs.body.data.dataCorrectionRequests.edges.map((e: any) => e.node);
    expect(seen.some((n: any) => n.dossierId === populationDossier)).toBe(false);
    expect(JSON.stringify(theirs.body)).not.toContain(missing);
    expect(seen.find((n: any) => n.dossierId === landDossier)).toMatchObject({ withheld: true, subjectId: null, subjectKind: "PARCEL" });
    expect(JSON.stringify(theirs.body)).not.toContain(missingParcel);
  });

  it("refuses anonymous callers, clients without the owner role, and an owner naming another source (typed codes)", async () => {
    expect(codeOf((await list({})).body)).toBe("UNAUTHENTICATED");
    const noRole = await list(NO_ROLE);
    expect(noRole.body.errors![0].extensions).toMatchObject({ code: "ROLE_REQUIRED" });
    expect(noRole.body.data?.dataCorrectionRequests ?? null).toBeNull();
    const organization = await list(ORGANIZATION);
    expect(organization.body.errors![0].extensions.code).toBe("ROLE_REQUIRED");
    const otherSource = await list(POPULATION_OWNER, { source: "LAND" });
    expect(otherSource.body.errors![0].extensions).toMatchObject({ code: "ROLE_REQUIRED", role: "owner:land" });
    const ownSource = await list(POPULATION_OWNER, { source: "POPULATION" });
    expect(ownSource.body.errors).toBeUndefined();
  });
});

describe("closing a request", () => {
  let landRequest: string;
  beforeAll(async () => {
    const land = await listAll(LAND_OWNER, { status: "OPEN" });
    landRequest = land.find((n) => n.dossierId === landDossier)!.correctionId;
  });

  it("is for the source's owner only: another owner gets RECORD_NOT_FOUND, others ROLE_REQUIRED, and the text is checked", async () => {
    const asPopulationOwner = await gw.query(RESOLVE, { id: landRequest, text: "Parcel recorded." }, POPULATION_OWNER);
    expect(codeOf(asPopulationOwner.body)).toBe("RECORD_NOT_FOUND");
    expect(codeOf((await gw.query(RESOLVE, { id: "2000000000", text: "x" }, LAND_OWNER)).body)).toBe("RECORD_NOT_FOUND");
    expect(codeOf((await gw.query(RESOLVE, { id: missing, text: "x" }, LAND_OWNER)).body)).toBe("RECORD_NOT_FOUND");
    expect(codeOf((await gw.query(RESOLVE, { id: landRequest, text: "x" }, NO_ROLE)).body)).toBe("ROLE_REQUIRED");
    expect(codeOf((await gw.query(RESOLVE, { id: landRequest, text: "x" }, STRANGER)).body)).toBe("ROLE_REQUIRED");
    expect(codeOf((await gw.query(RESOLVE, { id: landRequest, text: "x" }, {})).body)).toBe("UNAUTHENTICATED");
    const blank = await gw.query(REJECT, { id: landRequest, text: "   " }, LAND_OWNER);
    expect(blank.body.errors![0].extensions).toMatchObject({ code: "INVALID_ARGUMENT", argument: "reason" });
    // Nothing above closed it.
    const [row] = await gw.app.sources.gateway.raw<{ status: string }>(
      "select status from gateway.data_correction_requests where id = $1",
      [Number(landRequest)],
    );
    expect(row.status).toBe("OPEN");
  });

  it("rejects once, with who and when; closing it again is RECORD_NOT_OPEN with its status", async () => {
    const rejected = await gw.send(
      REJECT,
      { id: landRequest, text: "  The parcel was merged; the certificate is the answer.  " },
      LAND_OWNER,
    );
    expect(rejected.body.errors).toBeUndefined();
    expect(rejected.body.data.rejectDataCorrection).toMatchObject({
      correctionId: landRequest,
      status: "REJECTED",
      closedBy: "VN:GOV:TEST:LAND-OWNER",
      reason: "The parcel was merged; the certificate is the answer.",
    });
    expect(rejected.body.data.rejectDataCorrection.closedAt).toBeTruthy();
    const rows = await auditRowsOf(gw.app.sources.gateway, rejected.requestIds);
    expect(rows.find((r) => r.action === "CORRECTION_REJECTED")).toMatchObject({ subject_kind: "LAND_PARCEL", subject_id: missingParcel });

    for (const [query, text] of [
      [REJECT, "again"],
      [RESOLVE, "fixed"],
    ]) {
      const again = await gw.query(query, { id: landRequest, text }, LAND_OWNER);
      expect(again.body.errors![0].extensions).toMatchObject({ code: "RECORD_NOT_OPEN", status: "REJECTED" });
    }
    const closed = await listAll(LAND_OWNER, { status: "REJECTED" });
    expect(closed.map((n) => n.correctionId)).toContain(landRequest);
    expect((await listAll(LAND_OWNER, { status: "OPEN" })).map((n) => n.correctionId)).not.toContain(landRequest);
  });

  it("lets exactly one of two concurrent closers win", async () => {
    const [max] = await pop<{ id: string }>("select lpad((max(personal_id)::bigint + 7)::text, 12, '0') as id from population.citizens");
    const dossier = await submit({ procedureCode: identityCode, applicant: { personalId: max.id } });
    const [request] = await gw.app.sources.gateway.raw<{ id: number }>(
      "select id from gateway.data_correction_requests where dossier_id = $1 and source = 'population' order by id limit 1",
      [dossier],
    );
    const id = String(request.id);
    const answers = await Promise.all([
      gw.query(RESOLVE, { id, text: "Record added." }, POPULATION_OWNER),
      gw.query(REJECT, { id, text: "No such person." }, POPULATION_OWNER),
      gw.query(RESOLVE, { id, text: "Record added again." }, POPULATION_OWNER),
    ]);
    const winners = answers.filter((a) => !a.body.errors);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((a) => a.body.errors)) expect(codeOf(loser.body)).toBe("RECORD_NOT_OPEN");
    const [row] = await gw.app.sources.gateway.raw<Record<string, any>>("select * from gateway.data_correction_requests where id = $1", [
      request.id,
    ]);
    const won = winners[0].body.data.resolveDataCorrection ?? winners[0].body.data.rejectDataCorrection;
    expect(row.status).toBe(won.status);
    expect(row.closed_by).toBe("VN:GOV:TEST:POPULATION-OWNER");
  });
});

describe("re-evaluating a dossier waiting on a correction", () => {
  it("says it waits; once the source holds the record and the owner resolves the request, answers the component from data", async () => {
    const before = await gw.send(READ, { id: populationDossier }, forProcedure(identityCode));
    expect(before.body.errors).toBeUndefined();
    const stored = before.body.data.dossier;
    const identityOf = (d: any) => d.components.find((c: any) => c.component.rule === "IDENTITY");
    expect(identityOf(stored)).toMatchObject({ status: "NEEDS_DOCUMENT", reason: "DATA_NOT_FOUND", awaitingCorrection: true });
    expect(stored.awaitingCorrection).toBeGreaterThan(0);
    const request = stored.corrections.find((c: any) => c.componentKey === identityOf(stored).component.key);
    expect(request).toMatchObject({ source: "POPULATION", status: "OPEN", subjectPersonalId: missing });
    await expectAudited(before);

    // Re-evaluated with the record still missing: it still asks for the document, and raises no second request.
    const count = async () =>
      Number(
        (
          await gw.app.sources.gateway.raw<{ n: number }>(
            "select count(*)::int as n from gateway.data_correction_requests where dossier_id = $1",
            [populationDossier],
          )
        )[0].n,
      );
    const requests = await count();
    const still = await gw.query(REEVALUATE, { id: populationDossier }, forProcedure(identityCode));
    expect(still.body.errors).toBeUndefined();
    expect(identityOf(still.body.data.reevaluateDossier)).toMatchObject({ status: "NEEDS_DOCUMENT", awaitingCorrection: true });
    expect(await count()).toBe(requests);

    // The source's owner adds the record (a copy of a living adult's, with a valid card), then resolves the request.
    const [model] = await pop<{ personal_id: string }>(
      `select c.personal_id from population.citizens c where c.date_of_death is null and c.date_of_birth <= current_date - interval '18 years'
       and exists (select 1 from population.identity_cards k where k.personal_id = c.personal_id and k.status = 'VALID' and (k.expires_on is null or k.expires_on >= current_date))
       order by c.personal_id limit 1`,
    );
    await pop(
      `insert into population.citizens select (jsonb_populate_record(null::population.citizens, to_jsonb(c) || jsonb_build_object(
         'personal_id', $1::text, 'father_id', null, 'mother_id', null, 'spouse_id', null, 'household_id', null, 'marital_status', 'SINGLE'))).*
       from population.citizens c where c.personal_id = $2`,
      [missing, model.personal_id],
    );
    await pop(
      `insert into population.identity_cards (personal_id, card_type, number, issued_on, expires_on, issuing_authority, status)
       select $1::char(12), card_type, $1::text, issued_on, expires_on, issuing_authority, status from population.identity_cards
       where personal_id = $2 and status = 'VALID' and (expires_on is null or expires_on >= current_date) limit 1`,
      [missing, model.personal_id],
    );
    const resolved = await gw.send(
      RESOLVE,
      { id: request.correctionId, text: "Record added from the civil-status register." },
      POPULATION_OWNER,
    );
    expect(resolved.body.errors).toBeUndefined();
    expect(resolved.body.data.resolveDataCorrection).toMatchObject({ status: "RESOLVED", subjectPersonalId: missing });
    const closing = await auditRowsOf(gw.app.sources.gateway, resolved.requestIds);
    expect(closing.find((r) => r.action === "CORRECTION_RESOLVED")).toMatchObject({ subject_kind: "CITIZEN", subject_id: missing });
    await expectAudited(resolved);

    // The applicant re-evaluates their own dossier (a citizen client, no purpose): the component is answered from data.
    const after = await gw.send(REEVALUATE, { id: populationDossier }, APPLICANT);
    expect(after.body.errors, JSON.stringify(after.body.errors)).toBeUndefined();
    const dossier = after.body.data.reevaluateDossier;
    expect(identityOf(dossier)).toMatchObject({ status: "FULFILLED_BY_DATA", reason: null, awaitingCorrection: false });
    // Components the copied record still cannot answer (no household, say) keep asking for their document.
    const waiting = dossier.components.filter((c: any) => c.awaitingCorrection);
    expect(dossier.awaitingCorrection).toBe(waiting.length);
    expect(dossier.awaitingCorrection).toBeLessThan(stored.awaitingCorrection);
    for (const c of waiting) expect(c).toMatchObject({ status: "NEEDS_DOCUMENT", reason: "DATA_NOT_FOUND" });
    expect(dossier.fulfilledByData).toBeGreaterThan(stored.fulfilledByData);
    expect(dossier.corrections.find((c: any) => c.correctionId === request.correctionId)).toMatchObject({ status: "RESOLVED" });
    await expectAudited(after);
    const rows = await auditRowsOf(gw.app.sources.gateway, after.requestIds);
    expect(rows.find((r) => r.action === "DOSSIER_REEVALUATE" && r.subject_id === missing)).toBeDefined();
    expect(rows.find((r) => r.action === "DOSSIER_SUBMIT")).toBeUndefined();
    expect(rows.find((r) => r.action === "DOSSIER_READ" && r.subject_id === missing)).toBeDefined();

    // Stored: the agency reading it back sees the same.
    const read = await gw.query(READ, { id: populationDossier }, forProcedure(identityCode));
    expect(identityOf(read.body.data.dossier)).toMatchObject({ status: "FULFILLED_BY_DATA" });
    const [row] = await gw.app.sources.gateway.raw<{ status: string; fulfilled_by_data: number }>(
      "select status, fulfilled_by_data from gateway.dossiers where id = $1",
      [populationDossier],
    );
    expect(row.status).toBe(dossier.status);
    expect(Number(row.fulfilled_by_data)).toBe(dossier.fulfilledByData);
  });

  it("is under the checks of reading the dossier: a stranger gets null, an agency needs the dossier's procedure", async () => {
    const stranger = await gw.query(REEVALUATE, { id: populationDossier }, STRANGER);
    expect(stranger.body.errors).toBeUndefined();
    expect(stranger.body.data.reevaluateDossier).toBeNull();
    const noPurpose = await gw.query(REEVALUATE, { id: populationDossier }, clientHeaders("ndaf-demo-all-grants", null));
    expect(codeOf(noPurpose.body)).toBe("PURPOSE_REQUIRED");
    const otherProcedure = identityCode === "1.001193" ? "1.000894" : "1.001193";
    const mismatch = await gw.query(REEVALUATE, { id: populationDossier }, forProcedure(otherProcedure));
    expect(codeOf(mismatch.body)).toBe("PURPOSE_MISMATCH");
    expect(codeOf((await gw.query(REEVALUATE, { id: populationDossier }, {})).body)).toBe("UNAUTHENTICATED");
  });
});
