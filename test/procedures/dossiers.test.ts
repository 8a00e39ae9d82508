/**
 * Dossiers answered from shared data, scenario by scenario on seeded records: which components data fulfils (with
 * which facts), which fall back to a document, which checks fail and why; submission, idempotency, read-back.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 1500 });
});
afterAll(() => gw?.close());

const pop = <T = Record<string, any>>(sql: string, params: unknown[] = []) => gw.app.sources.population.raw<T>(sql, params);
const land = <T = Record<string, any>>(sql: string, params: unknown[] = []) => gw.app.sources.land.raw<T>(sql, params);
const biz = <T = Record<string, any>>(sql: string, params: unknown[] = []) => gw.app.sources.business.raw<T>(sql, params);

/** Living adults with a valid identity card and a 2025 residence: applicants the common rules accept. */
const GOOD_APPLICANT = `
  c.date_of_death is null and c.date_of_birth <= current_date - interval '18 years' and c.permanent_legacy_commune_code is null
  and c.permanent_commune_code is not null
  and exists (select 1 from population.identity_cards k where k.personal_id = c.personal_id and k.status = 'VALID' and (k.expires_on is null or k.expires_on >= current_date))`;

const EVALUATE = `query($input: DossierInput!) { evaluateDossier(input: $input) {
  status fulfilledByData documentsRequested failedChecks
  procedure { code componentCount replaceableCount }
  components { component { id kind rule reason } status reason message evidence { source record fact value recordUpdatedAt } }
} }`;

const SUBMIT = `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) {
  replayed
  dossier { dossierId status applicantId fulfilledByData documentsRequested failedChecks components { component { id rule } status reason message evidence { fact value } } }
} }`;

/** The demo agency client, declaring the dossier's own procedure as its purpose (dossier paths check it). */
const forProcedure = (procedureCode: string) => ({ ...DEMO_HEADERS, "x-purpose-procedure": procedureCode });

/** As the demo agency client under the procedure of the dossier in the variables (`input.procedureCode`, or `c`). */
function ask(query: string, variables: Record<string, any>) {
  const code = variables.input?.procedureCode ?? variables.c;
  return gw.query(query, variables, code && gw.app.procedures.get(code) ? forProcedure(code) : DEMO_HEADERS);
}

async function evaluate(input: Record<string, unknown>) {
  const { status, body } = await ask(EVALUATE, { input });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data.evaluateDossier;
}

function byRule(evaluation: any, rule: string) {
  const found = evaluation.components.find((c: any) => c.component.rule === rule);
  expect(found, `component with rule ${rule} in ${evaluation.procedure.code}`).toBeDefined();
  return found;
}

function facts(component: any): Record<string, string> {
  return Object.fromEntries(component.evidence.map((e: any) => [e.fact, e.value]));
}

function catalogueRules(code: string): string[] {
  return gw.app.procedures
    .get(code)!
    .components.filter((c) => c.kind === "DATA")
    .map((c) => c.rule!);
}

/** A procedure of the catalogue whose data components use every one of these rules. */
function procedureWith(...rules: string[]): string {
  // The one naming the fewest other subjects, so a test needs to supply only what its rules read.
  const found = [...gw.app.procedures.procedures]
    .filter((p) => p.applicant === "CITIZEN" && rules.every((r) => p.components.some((c) => c.rule === r)))
    .sort((a, b) => a.subjects.length - b.subjects.length || a.code.localeCompare(b.code))[0];
  expect(found, `a catalogue procedure using ${rules.join(", ")}`).toBeDefined();
  return found!.code;
}

describe("dossier evaluation", () => {
  it("birth registration by a parent: identity, marriage and residence from data; the form and the medical certificate as documents", async () => {
    const [row] =
      await pop(`select c.personal_id, c.full_name, c.date_of_birth, c.spouse_id, c.permanent_commune_code from population.citizens c
      where c.marital_status = 'MARRIED' and c.spouse_id is not null and ${GOOD_APPLICANT}
      and exists (select 1 from population.citizens k where k.father_id = c.personal_id or k.mother_id = c.personal_id) order by c.personal_id limit 1`);
    expect(row).toBeDefined();
    const [child] = await pop("select personal_id from population.citizens where father_id = $1 or mother_id = $1 limit 1", [
      row.personal_id,
    ]);
    const code = "1.001193";
    const rules = catalogueRules(code);
    const subjects = gw.app.procedures.get(code)!.subjects.some((s) => s.role === "CHILD") ? { child: child.personal_id } : {};
    const result = await evaluate({ procedureCode: code, applicant: { personalId: row.personal_id }, subjects });

    expect(result.status).toBe("READY");
    const identity = byRule(result, "IDENTITY");
    expect(identity.status).toBe("FULFILLED_BY_DATA");
    expect(facts(identity)).toMatchObject({ fullName: row.full_name, dateOfBirth: row.date_of_birth, alive: "yes" });
    expect(identity.evidence.every((e: any) => e.source === "population" && e.recordUpdatedAt)).toBe(true);
    // Only the facts the component needs: no religion, no ethnicity, no address in the identity evidence.
    expect(Object.keys(facts(identity)).sort()).toEqual(["alive", "dateOfBirth", "fullName", "identityCard"]);
    if (rules.includes("MARRIAGE_RECORD")) expect(facts(byRule(result, "MARRIAGE_RECORD")).spouse).toContain(row.spouse_id);
    if (rules.includes("RESIDENCE")) expect(facts(byRule(result, "RESIDENCE")).permanentCommuneCode).toBe(row.permanent_commune_code);
    const documents = result.components.filter((c: any) => c.component.kind === "DOCUMENT");
    expect(documents.length).toBeGreaterThan(0);
    for (const d of documents) expect(d).toMatchObject({ status: "NEEDS_DOCUMENT", reason: "DOCUMENT_ONLY" });
    expect(result.fulfilledByData).toBe(rules.length);
    expect(result.documentsRequested).toBe(documents.length);
  });

  it("refuses a deceased applicant and a pre-2025 residence code, naming the new commune(s)", async () => {
    const [dead] = await pop(
      `select personal_id, full_name, date_of_death from population.citizens where date_of_death is not null order by personal_id limit 1`,
    );
    const code = procedureWith("IDENTITY", "RESIDENCE");
    const deadResult = await evaluate({ procedureCode: code, applicant: { personalId: dead.personal_id } });
    expect(deadResult.status).toBe("BLOCKED");
    const identity = byRule(deadResult, "IDENTITY");
    expect(identity.status).toBe("FAILED_CHECK");
    expect(identity.message).toContain("deceased");
    expect(identity.message).toContain(dead.date_of_death);

    const [legacy] = await pop(
      `select personal_id, permanent_legacy_commune_code from population.citizens where permanent_legacy_commune_code is not null and date_of_death is null limit 1`,
    );
    expect(legacy, "the seed has legacy addresses").toBeDefined();
    const legacyResult = await evaluate({ procedureCode: code, applicant: { personalId: legacy.personal_id } });
    const residence = byRule(legacyResult, "RESIDENCE");
    expect(residence.status).toBe("FAILED_CHECK");
    const successors = gw.app.adminUnits.legacyUnit(legacy.permanent_legacy_commune_code)!.successors.map((s) => s.code);
    expect(successors.length).toBeGreaterThan(0);
    for (const s of successors) expect(residence.message).toContain(s);
    expect(facts(residence).successorCommunes).toBe(successors.join(", "));
  });

  it("permanent residence at an address the family holds: proof of legal residence from land data; elsewhere, the lease is asked for", async () => {
    const code = procedureWith("FAMILY_HOLDS_PARCEL");
    const holders = await land<{ personal_id: string; parcel_id: string; address_line: string }>(
      `select h.personal_id, c.parcel_id, p.address_line from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE'
       join land.parcels p on p.id = c.parcel_id where h.personal_id is not null order by h.personal_id`,
    );
    const ids = holders.map((h) => h.personal_id);
    // A household member of a holder (not the holder), with a household and good papers.
    const [member] = await pop(
      `select m.personal_id, h.personal_id as holder from population.household_members m
       join population.household_members h on h.household_id = m.household_id and h.personal_id <> m.personal_id
       join population.citizens c on c.personal_id = m.personal_id
       where h.personal_id = any($1::text[]) and m.personal_id <> all($1::text[]) and ${GOOD_APPLICANT} order by m.personal_id limit 1`,
      [ids],
    );
    expect(member, "a household member of a land holder").toBeDefined();
    const parcel = holders.find((h) => h.personal_id === member.holder)!;
    const ok = await evaluate({
      procedureCode: code,
      applicant: { personalId: member.personal_id },
      subjects: { parcel: parcel.parcel_id },
    });
    const proof = byRule(ok, "FAMILY_HOLDS_PARCEL");
    expect(proof.status).toBe("FULFILLED_BY_DATA");
    expect(facts(proof)).toEqual({ address: parcel.address_line, holder: `household member ${member.holder}` });

    const stranger = holders.find((h) => h.personal_id !== member.holder && h.personal_id !== member.personal_id)!;
    const elsewhere = await evaluate({
      procedureCode: code,
      applicant: { personalId: member.personal_id },
      subjects: { parcel: stranger.parcel_id },
    });
    const lease = byRule(elsewhere, "FAMILY_HOLDS_PARCEL");
    expect(lease).toMatchObject({ status: "NEEDS_DOCUMENT", reason: "DATA_NOT_FOUND" });
    expect(lease.message).toContain(stranger.parcel_id);
    expect(elsewhere.status).toBe("NEEDS_DOCUMENTS");
  });

  describe("land-use right transfer", () => {
    let code: string;
    let holder: { personal_id: string; parcel_id: string };
    let buyer: string;
    beforeAll(async () => {
      code = procedureWith("CERTIFICATE_HELD", "PARCEL_UNENCUMBERED", "BUYER_IDENTITY");
      const rows = await land<{ personal_id: string; parcel_id: string }>(
        `select h.personal_id, c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE'
         where h.personal_id is not null and not exists (select 1 from land.encumbrances e where e.parcel_id = c.parcel_id and e.released_on is null)
         order by h.personal_id`,
      );
      const good = await pop<{ personal_id: string }>(
        `select c.personal_id from population.citizens c where c.personal_id = any($1::text[]) and ${GOOD_APPLICANT}`,
        [rows.map((r) => r.personal_id)],
      );
      const goodIds = new Set(good.map((g) => g.personal_id));
      holder = rows.find((r) => goodIds.has(r.personal_id))!;
      const [b] = await pop(
        `select c.personal_id from population.citizens c where ${GOOD_APPLICANT} and c.personal_id <> $1 order by c.personal_id desc limit 1`,
        [holder.personal_id],
      );
      buyer = b.personal_id;
    });

    it("goes through when the seller holds the certificate, no mortgage is open and the buyer exists", async () => {
      const result = await evaluate({
        procedureCode: code,
        applicant: { personalId: holder.personal_id },
        subjects: { parcel: holder.parcel_id, buyer },
      });
      for (const rule of ["CERTIFICATE_HELD", "PARCEL_UNENCUMBERED", "BUYER_IDENTITY"])
        expect(byRule(result, rule).status, rule).toBe("FULFILLED_BY_DATA");
      const [certificate] = await land("select serial from land.certificates where parcel_id = $1 and status = 'ACTIVE'", [
        holder.parcel_id,
      ]);
      expect(facts(byRule(result, "CERTIFICATE_HELD")).certificate).toContain(certificate.serial);
      expect(facts(byRule(result, "PARCEL_UNENCUMBERED")).openMortgages).toBe("none");
      expect(result.status).toBe("READY");
    });

    it("takes the certificate instead of the parcel, and refuses a certificate no longer in force", async () => {
      const [certificate] = await land<{ serial: string }>(
        "select serial from land.certificates where parcel_id = $1 and status = 'ACTIVE'",
        [holder.parcel_id],
      );
      const byCertificate = await evaluate({
        procedureCode: code,
        applicant: { personalId: holder.personal_id },
        subjects: { certificate: certificate.serial, buyer },
      });
      expect(byRule(byCertificate, "CERTIFICATE_HELD").status).toBe("FULFILLED_BY_DATA");
      expect(facts(byRule(byCertificate, "CERTIFICATE_HELD")).parcel).toContain(holder.parcel_id);

      const [old] = await land<{ serial: string; parcel_id: string; current: string }>(
        `select r.serial, r.parcel_id, a.serial as current from land.certificates r join land.certificates a on a.parcel_id = r.parcel_id and a.status = 'ACTIVE'
         where r.status = 'REPLACED' order by r.serial limit 1`,
      );
      expect(old, "the seed has replaced certificates").toBeDefined();
      const [oldHolder] = await land<{ personal_id: string }>(
        "select personal_id from land.holders where certificate_serial = $1 and personal_id is not null",
        [old.serial],
      );
      const stale = await evaluate({
        procedureCode: code,
        applicant: { personalId: oldHolder?.personal_id ?? holder.personal_id },
        subjects: { certificate: old.serial, buyer },
      });
      const check = byRule(stale, "CERTIFICATE_HELD");
      expect(check.status).toBe("FAILED_CHECK");
      expect(check.message).toContain(`now ${old.current}`);

      const unknown = await ask(EVALUATE, {
        input: { procedureCode: code, applicant: { personalId: holder.personal_id }, subjects: { certificate: "ZZ 000000", buyer } },
      });
      expect(unknown.body.errors![0].extensions.code).toBe("INVALID_DOSSIER");
      expect(unknown.body.errors![0].message).toContain("No certificate ZZ 000000");
    });

    it("is blocked by an unreleased mortgage, naming the lender", async () => {
      const [mortgaged] = await land<{ personal_id: string; parcel_id: string; lender_name: string }>(
        `select h.personal_id, c.parcel_id, e.lender_name from land.encumbrances e join land.certificates c on c.parcel_id = e.parcel_id and c.status = 'ACTIVE'
         join land.holders h on h.certificate_serial = c.serial where e.released_on is null and h.personal_id is not null order by e.id limit 1`,
      );
      expect(mortgaged, "the seed has open mortgages").toBeDefined();
      const result = await evaluate({
        procedureCode: code,
        applicant: { personalId: mortgaged.personal_id },
        subjects: { parcel: mortgaged.parcel_id, buyer },
      });
      const check = byRule(result, "PARCEL_UNENCUMBERED");
      expect(check.status).toBe("FAILED_CHECK");
      expect(check.message).toContain(mortgaged.lender_name);
      expect(result.status).toBe("BLOCKED");
    });

    it("is blocked when the seller is not a holder", async () => {
      const result = await evaluate({
        procedureCode: code,
        applicant: { personalId: buyer },
        subjects: { parcel: holder.parcel_id, buyer: holder.personal_id },
      });
      const check = byRule(result, "CERTIFICATE_HELD");
      expect(check.status).toBe("FAILED_CHECK");
      expect(check.message).toContain("not named on the certificate");
      expect(result.status).toBe("BLOCKED");
    });
  });

  it("private enterprise registration by a living adult who owns none; refused to an owner of one", async () => {
    const code = procedureWith("NO_OTHER_PRIVATE_ENTERPRISE");
    const owners = await biz<{ personal_id: string; code: string; name: string }>(
      `select p.personal_id, e.code, e.name from business.enterprise_people p join business.enterprises e on e.code = p.enterprise_code
       where p.role = 'OWNER' and e.legal_form = 'PRIVATE_ENTERPRISE' and e.status in ('ACTIVE', 'SUSPENDED')`,
    );
    const households = await biz<{ owner_personal_id: string }>("select owner_personal_id from business.household_businesses");
    const busy = [...owners.map((o) => o.personal_id), ...households.map((h) => h.owner_personal_id)];
    const [free] = await pop(
      `select c.personal_id from population.citizens c where ${GOOD_APPLICANT} and c.personal_id <> all($1::text[]) order by c.personal_id limit 1`,
      [busy],
    );
    const ok = await evaluate({ procedureCode: code, applicant: { personalId: free.personal_id } });
    for (const rule of catalogueRules(code)) expect(byRule(ok, rule).status, rule).toBe("FULFILLED_BY_DATA");
    expect(ok.status).toBe("READY");

    expect(owners.length, "the seed has private enterprises").toBeGreaterThan(0);
    const owner = owners[0];
    const refused = await evaluate({ procedureCode: code, applicant: { personalId: owner.personal_id } });
    const check = byRule(refused, "NO_OTHER_PRIVATE_ENTERPRISE");
    expect(check.status).toBe("FAILED_CHECK");
    expect(check.message).toContain(owner.code);
  });

  it("household business registration: fulfilled for a founder without one, refused to an owner of an active one", async () => {
    const code = procedureWith("NO_OTHER_HOUSEHOLD_BUSINESS");
    const households = await biz<{ owner_personal_id: string; registration_number: string }>(
      "select owner_personal_id, registration_number from business.household_businesses where status <> 'CLOSED' order by registration_number",
    );
    const [free] = await pop(
      `select c.personal_id from population.citizens c where ${GOOD_APPLICANT} and c.personal_id <> all($1::text[]) order by c.personal_id desc limit 1`,
      [households.map((h) => h.owner_personal_id)],
    );
    const ok = await evaluate({ procedureCode: code, applicant: { personalId: free.personal_id } });
    expect(byRule(ok, "NO_OTHER_HOUSEHOLD_BUSINESS")).toMatchObject({ status: "FULFILLED_BY_DATA" });
    const owner = households[0];
    const refused = await evaluate({ procedureCode: code, applicant: { personalId: owner.owner_personal_id } });
    const check = byRule(refused, "NO_OTHER_HOUSEHOLD_BUSINESS");
    expect(check.status).toBe("FAILED_CHECK");
    expect(check.message).toContain(owner.registration_number);
  });

  it("states a married applicant's status for the marital-status certificate rather than blocking it", async () => {
    const code = procedureWith("MARITAL_STATUS");
    const [married] = await pop(
      `select c.personal_id, c.spouse_id from population.citizens c where c.marital_status = 'MARRIED' and ${GOOD_APPLICANT} limit 1`,
    );
    const result = await evaluate({ procedureCode: code, applicant: { personalId: married.personal_id } });
    const status = byRule(result, "MARITAL_STATUS");
    expect(status.status).toBe("FULFILLED_BY_DATA");
    expect(facts(status)).toMatchObject({ maritalStatus: "MARRIED", spouse: married.spouse_id });
  });

  it("lets a suspended enterprise dissolve, and refuses one already dissolved", async () => {
    const procedure = gw.app.procedures.procedures.find(
      (p) => p.applicant === "ENTERPRISE" && p.components.some((c) => c.rule === "ENTERPRISE_REGISTERED"),
    )!;
    expect(procedure).toBeDefined();
    const rows = await biz<{ code: string; status: string }>(
      "select code, status from business.enterprises where status in ('SUSPENDED', 'DISSOLVED', 'ACTIVE') order by code",
    );
    for (const status of ["ACTIVE", "SUSPENDED", "DISSOLVED"]) {
      const enterprise = rows.find((r) => r.status === status);
      if (!enterprise) continue; // a small seed may lack one status; ACTIVE and DISSOLVED are checked below
      const result = await evaluate({ procedureCode: procedure.code, applicant: { enterpriseCode: enterprise.code } });
      const check = byRule(result, "ENTERPRISE_REGISTERED");
      expect(check.status, status).toBe(status === "DISSOLVED" ? "FAILED_CHECK" : "FULFILLED_BY_DATA");
      expect(facts(check).status).toBe(status);
    }
    expect(rows.some((r) => r.status === "ACTIVE") && rows.some((r) => r.status === "DISSOLVED")).toBe(true);
  });

  it("falls back to the document when the record is missing, and a submission raises a correction request", async () => {
    const [max] = await pop<{ id: string }>("select lpad((max(personal_id)::bigint + 1)::text, 12, '0') as id from population.citizens");
    const code = procedureWith("IDENTITY");
    const result = await evaluate({ procedureCode: code, applicant: { personalId: max.id } });
    const identity = byRule(result, "IDENTITY");
    expect(identity).toMatchObject({ status: "NEEDS_DOCUMENT", reason: "DATA_NOT_FOUND" });
    expect(identity.message).toContain(max.id);
    expect(result.status).toBe("NEEDS_DOCUMENTS");

    // The preview stored nothing; the submission stores the dossier and the correction request.
    const before = await gw.app.sources.gateway.raw<{ n: number }>("select count(*)::int as n from gateway.data_correction_requests");
    const { body } = await ask(SUBMIT, { input: { procedureCode: code, applicant: { personalId: max.id } }, key: randomUUID() });
    expect(body.errors).toBeUndefined();
    const dossier = body.data.submitDossier.dossier;
    const corrections = await gw.app.sources.gateway.raw<Record<string, any>>(
      "select * from gateway.data_correction_requests where dossier_id = $1",
      [dossier.dossierId],
    );
    expect(corrections.length).toBeGreaterThan(0);
    expect(corrections[0]).toMatchObject({ source: "population", subject_kind: "CITIZEN", subject_id: max.id, status: "OPEN" });
    const after = await gw.app.sources.gateway.raw<{ n: number }>("select count(*)::int as n from gateway.data_correction_requests");
    expect(Number(after[0].n)).toBe(Number(before[0].n) + corrections.length);
  });
});

describe("submission", () => {
  let applicant: string;
  let code: string;
  beforeAll(async () => {
    code = procedureWith("IDENTITY", "ALIVE_ADULT");
    const [row] = await pop(
      `select c.personal_id from population.citizens c where ${GOOD_APPLICANT} order by c.personal_id limit 1 offset 3`,
    );
    applicant = row.personal_id;
  });

  it("stores the dossier with its components and evidence, readable back by id, applicant and procedure, and audited", async () => {
    const key = randomUUID();
    const { body } = await ask(SUBMIT, { input: { procedureCode: code, applicant: { personalId: applicant } }, key });
    expect(body.errors).toBeUndefined();
    const { dossier, replayed } = body.data.submitDossier;
    expect(replayed).toBe(false);
    expect(dossier.dossierId).toMatch(/^HS-\d{8}-[0-9A-F]{12}$/);
    expect(dossier.components).toHaveLength(gw.app.procedures.get(code)!.components.length);

    const read = await gw.query(
      `query($id: ID!) { dossier(id: $id) { dossierId status applicantId components { status evidence { fact value } } } }`,
      { id: dossier.dossierId },
      forProcedure(code),
    );
    expect(read.body.data.dossier).toEqual({
      dossierId: dossier.dossierId,
      status: dossier.status,
      applicantId: applicant,
      components: dossier.components.map((c: any) => ({ status: c.status, evidence: c.evidence })),
    });
    const list = await ask(
      `query($p: PersonalId, $c: String) { dossiers(applicantPersonalId: $p, procedureCode: $c) { totalCount edges { node { dossierId } } } }`,
      { p: applicant, c: code },
    );
    expect(list.body.data.dossiers.edges.map((e: any) => e.node.dossierId)).toContain(dossier.dossierId);

    const trail = await gw.app.sources.gateway.raw<Record<string, any>>(
      "select action, procedure_code, case_id, subject_kind, subject_id, fields from gateway.audit_subjects where case_id = $1 order by seq, subject_index",
      [dossier.dossierId],
    );
    expect(trail.find((t) => t.action === "DOSSIER_SUBMIT" && t.subject_id === applicant)).toMatchObject({
      procedure_code: code,
      subject_kind: "CITIZEN",
    });
    expect(trail.find((t) => t.action === "DOSSIER_SUBMIT")!.fields).toEqual(expect.arrayContaining(["population.fullName"]));
  });

  it("is idempotent: a retry returns the same dossier, concurrent retries make one, a reused key with another request is refused", async () => {
    const key = randomUUID();
    const input = { procedureCode: code, applicant: { personalId: applicant } };
    const replies = await Promise.all([1, 2, 3, 4].map(() => ask(SUBMIT, { input, key })));
    const ids = new Set(replies.map((r) => r.body.data?.submitDossier.dossier.dossierId));
    expect(ids.size).toBe(1);
    const [stored] = await gw.app.sources.gateway.raw<{ n: number }>(
      "select count(*)::int as n from gateway.dossiers where idempotency_key = $1",
      [key],
    );
    expect(Number(stored.n)).toBe(1);
    const again = await ask(SUBMIT, { input, key });
    expect(again.body.data.submitDossier).toMatchObject({ replayed: true, dossier: { dossierId: [...ids][0] } });

    const [other] = await pop(`select c.personal_id from population.citizens c where ${GOOD_APPLICANT} and c.personal_id <> $1 limit 1`, [
      applicant,
    ]);
    const conflict = await ask(SUBMIT, { input: { ...input, applicant: { personalId: other.personal_id } }, key });
    expect(conflict.body.errors![0].extensions).toMatchObject({ code: "IDEMPOTENCY_CONFLICT", dossierId: [...ids][0] });
  });
});

describe("bad dossiers", () => {
  it("gets clear typed errors for unknown procedures, wrong applicants and malformed or missing subjects", async () => {
    const errorOf = async (input: Record<string, unknown>) => {
      const { status, body } = await ask(EVALUATE, { input });
      expect(status).toBeLessThan(500);
      expect(body.data?.evaluateDossier ?? null).toBeNull();
      return body.errors![0];
    };
    const [person] = await pop("select personal_id from population.citizens limit 1");
    expect((await errorOf({ procedureCode: "9.999999", applicant: { personalId: person.personal_id } })).extensions.code).toBe(
      "UNKNOWN_PROCEDURE",
    );
    const transfer = procedureWith("CERTIFICATE_HELD", "BUYER_IDENTITY");
    const missing = await errorOf({ procedureCode: transfer, applicant: { personalId: person.personal_id } });
    expect(missing.extensions.code).toBe("INVALID_DOSSIER");
    expect(missing.message).toMatch(/needs the (PARCEL|BUYER) subject/);
    const badParcel = await errorOf({
      procedureCode: transfer,
      applicant: { personalId: person.personal_id },
      subjects: { parcel: "not-a-parcel", buyer: person.personal_id },
    });
    expect(badParcel.extensions.code).toBe("INVALID_DOSSIER");
    expect(badParcel.message).toContain("not a parcel id");
    const badId = await errorOf({ procedureCode: transfer, applicant: { personalId: person.personal_id }, subjects: { buyer: "12345" } });
    expect(badId.extensions.code).toBe("INVALID_PERSONAL_ID");
    // ApplicantInput is @oneOf: both applicants are refused with the variables, before the resolver runs.
    const both = await errorOf({ procedureCode: "1.001193", applicant: { personalId: person.personal_id, enterpriseCode: "0100109106" } });
    expect(both.extensions.code).toBe("BAD_USER_INPUT");
    expect(both.message).toContain("ApplicantInput");
    const wrongRole = await errorOf({
      procedureCode: procedureWith("NO_OTHER_HOUSEHOLD_BUSINESS"),
      applicant: { personalId: person.personal_id },
      subjects: { deceased: person.personal_id },
    });
    expect(wrongRole.extensions.code).toBe("INVALID_DOSSIER");
  });

  it("refuses clients without a grant for the sources a procedure reads", async () => {
    const [person] = await pop("select personal_id from population.citizens limit 1");
    const anonymous = await gw.query(EVALUATE, { input: { procedureCode: "1.001193", applicant: { personalId: person.personal_id } } }, {});
    expect(anonymous.body.errors![0].extensions.code).toBe("UNAUTHENTICATED");
    const landProcedure = procedureWith("CERTIFICATE_HELD");
    const civil = await gw.query(
      EVALUATE,
      { input: { procedureCode: landProcedure, applicant: { personalId: person.personal_id }, subjects: {} } },
      {
        authorization: "Bearer ndaf-demo-civil-status",
        "x-purpose-procedure": landProcedure,
        "x-purpose-case": "HS-TEST-1",
      },
    );
    // The civil-status system serves no land procedure at all.
    expect(civil.body.errors![0].extensions).toMatchObject({ code: "PURPOSE_NOT_GRANTED", procedure: landProcedure });
    // A system serving the procedure with population data only lacks the land grant it reads.
    await gw.app.clients.register({
      id: "VN:GOV:TEST:POPULATION-ONLY",
      name: "Test system with population data for a land procedure",
      key: "test-population-only-key",
      grants: [{ sources: ["population"], classes: ["basic"], procedures: [landProcedure] }],
    });
    const partial = await gw.query(
      EVALUATE,
      { input: { procedureCode: landProcedure, applicant: { personalId: person.personal_id }, subjects: {} } },
      {
        authorization: "Bearer test-population-only-key",
        "x-purpose-procedure": landProcedure,
        "x-purpose-case": "HS-TEST-2",
      },
    );
    expect(partial.body.errors![0].extensions).toMatchObject({ code: "FIELD_NOT_GRANTED", missingGrant: { source: "land" } });
  });
});
