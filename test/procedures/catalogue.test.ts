/**
 * The procedure catalogue as users see it (public reference data), its figures and report, and the verification
 * answers that return a yes or no with their source and no personal fields.
 */
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CATALOGUE_FILE, validateCatalogue, type CatalogueProcedure } from "../../src/modules/procedures/catalogue.js";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
const reference = JSON.parse(fs.readFileSync(new URL("../../seeds/procedures/reference-procedures.json", import.meta.url), "utf8")) as {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  linh_vuc: string;
}[];
const catalogue = JSON.parse(fs.readFileSync(CATALOGUE_FILE, "utf8")) as CatalogueProcedure[];

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 400 });
});
afterAll(() => gw?.close());

describe("procedure catalogue", () => {
  it("holds at least 30 real portal procedures, each with components, a legal basis, and data components naming their sources", async () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(30);
    const portal = new Map(reference.map((r) => [r.ma_thu_tuc, r]));
    for (const p of catalogue) {
      const record = portal.get(p.code);
      expect(record, p.code).toBeDefined();
      expect(p.name).toBe(record!.ten_thu_tuc.trim().normalize("NFC"));
      expect(p.field).toBe(record!.linh_vuc.trim().normalize("NFC"));
      expect(p.legalBasis.length, p.code).toBeGreaterThan(0);
    }
    const { body } = await gw.query(
      `{ procedures { code componentCount replaceableCount replaceableShare components { kind rule sources reason } } }`,
      undefined,
      {},
    );
    expect(body.data.procedures).toHaveLength(catalogue.length);
    for (const p of body.data.procedures) {
      const data = p.components.filter((c: any) => c.kind === "DATA");
      expect(p.replaceableCount).toBe(data.length);
      expect(p.replaceableShare).toBeCloseTo(data.length / p.componentCount, 3);
      for (const c of data) expect(c.sources.length, `${p.code} ${c.rule}`).toBeGreaterThan(0);
      for (const c of p.components.filter((c: any) => c.kind === "DOCUMENT")) expect(c.reason, p.code).toBeTruthy();
    }
  });

  it("is public, and searchable with or without diacritics, by level and by field", async () => {
    const plain = await gw.query(`{ procedures(search: "dang ky khai sinh") { code name } }`, undefined, {});
    expect(plain.status).toBe(200);
    const codes = plain.body.data.procedures.map((p: any) => p.code);
    expect(codes).toContain("1.001193");
    // The phrase, in the Vietnamese or the English name, ignoring case and diacritics.
    const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
    const expected = catalogue
      .filter((p) => fold(p.name).includes("dang ky khai sinh") || fold(p.nameEn).includes("dang ky khai sinh"))
      .map((p) => p.code);
    expect(expected).toEqual(expect.arrayContaining(["1.001193", "1.000689"]));
    expect(expected).not.toContain("1.013980");
    expect(codes.sort()).toEqual(expected.sort());
    const civil = await gw.query(`{ procedures(field: "Hộ tịch", level: COMMUNE) { code field level } }`, undefined, {});
    expect(civil.body.data.procedures.map((p: any) => p.code).sort()).toEqual(
      catalogue
        .filter((p) => p.field === "Hộ tịch" && p.level === "COMMUNE")
        .map((p) => p.code)
        .sort(),
    );
    const one = await gw.query(
      `{ procedure(code: "1.000894") { code nameEn subjects { role kind } } unknown: procedure(code: "9.999999") { code } }`,
      undefined,
      {},
    );
    expect(one.body.data.procedure.code).toBe("1.000894");
    expect(one.body.data.unknown).toBeNull();
  });

  it("refuses a broken catalogue at start, naming the entry", () => {
    const broken = structuredClone(catalogue);
    broken[0].components.push({ id: "x", name: "x", kind: "DATA", rule: "NO_SUCH_RULE" as never, note: "", noteVi: "" });
    expect(() => validateCatalogue(broken)).toThrow(new RegExp(`procedure ${broken[0].code}, component x: unknown rule NO_SUCH_RULE`));
  });

  it("reports per procedure and overall, and counts submitted dossiers (the paper saved)", async () => {
    const report = async () =>
      (
        await gw.query(
          `{ procedureReport { overall { procedures components replaceable share dossiers fulfilledByData documentsRequested } procedures { code components replaceable dossiers fulfilledByData documentsRequested } } }`,
          undefined,
          {},
        )
      ).body.data.procedureReport;
    const before = await report();
    const components = catalogue.reduce((n, p) => n + p.components.length, 0);
    const replaceable = catalogue.reduce((n, p) => n + p.components.filter((c) => c.kind === "DATA").length, 0);
    expect(before.overall).toMatchObject({ procedures: catalogue.length, components, replaceable });
    expect(before.overall.share).toBeCloseTo(replaceable / components, 3);

    // Submit one dossier of the household-business procedure and watch its line move by the dossier's own counts.
    const code = catalogue.find((p) => p.components.some((c) => c.rule === "NO_OTHER_HOUSEHOLD_BUSINESS"))!.code;
    const [person] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens where date_of_death is null order by personal_id limit 1",
    );
    const { body } = await gw.query(
      `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) { dossier { fulfilledByData documentsRequested } } }`,
      { input: { procedureCode: code, applicant: { personalId: person.personal_id } }, key: randomUUID() },
      { ...DEMO_HEADERS, "x-purpose-procedure": code },
    );
    expect(body.errors).toBeUndefined();
    const submitted = body.data.submitDossier.dossier;
    const after = await report();
    const line = (r: any) => r.procedures.find((p: any) => p.code === code);
    expect(line(after).dossiers).toBe(line(before).dossiers + 1);
    expect(line(after).fulfilledByData).toBe(line(before).fulfilledByData + submitted.fulfilledByData);
    expect(line(after).documentsRequested).toBe(line(before).documentsRequested + submitted.documentsRequested);
    expect(after.overall.dossiers).toBe(before.overall.dossiers + 1);
  });
});

describe("verification answers", () => {
  it("answer yes or no with the source and time, and no personal fields, checked against the sources", async () => {
    const [person] = await gw.app.sources.population.raw<{ personal_id: string; permanent_commune_code: string; date_of_birth: string }>(
      "select personal_id, permanent_commune_code, date_of_birth from population.citizens where permanent_commune_code is not null and date_of_death is null and date_of_birth < current_date - interval '20 years' order by personal_id limit 1",
    );
    const otherCommune = [...gw.app.adminUnits.communes.keys()].find((c) => c !== person.permanent_commune_code)!;
    const enterprises = await gw.app.sources.business.raw<{ code: string; status: string }>(
      "select code, status from business.enterprises order by status = 'ACTIVE', code",
    );
    const enterprise = enterprises[0];
    const [holding] = await gw.app.sources.land.raw<{ personal_id: string; serial: string }>(
      "select h.personal_id, c.serial from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE' where h.personal_id is not null limit 1",
    );
    const [replaced] = await gw.app.sources.land.raw<{ personal_id: string; serial: string }>(
      "select h.personal_id, c.serial from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status <> 'ACTIVE' where h.personal_id is not null limit 1",
    );
    const { body } = await gw.query(
      `query($p: PersonalId!, $c: AdministrativeUnitCode!, $o: AdministrativeUnitCode!, $e: TaxCode!, $h: PersonalId!, $s: String!, $rp: PersonalId!, $rs: String!) {
        here: verifyPermanentResidence(personalId: $p, communeCode: $c) { answer question source checkedAt recordUpdatedAt }
        elsewhere: verifyPermanentResidence(personalId: $p, communeCode: $o) { answer }
        adult: verifyAliveAdult(personalId: $p) { answer source }
        enterprise: verifyEnterpriseActive(code: $e) { answer source }
        holds: verifyCertificateHolder(personalId: $h, certificateSerial: $s) { answer source }
        replaced: verifyCertificateHolder(personalId: $rp, certificateSerial: $rs) { answer }
      }`,
      {
        p: person.personal_id,
        c: person.permanent_commune_code,
        o: otherCommune,
        e: enterprise.code,
        h: holding.personal_id,
        s: holding.serial,
        rp: replaced?.personal_id ?? holding.personal_id,
        rs: replaced?.serial ?? "ZZ 000000",
      },
    );
    expect(body.errors).toBeUndefined();
    const d = body.data;
    expect(d.here).toMatchObject({ answer: true, source: "population" });
    expect(new Date(d.here.checkedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(d.here.recordUpdatedAt).toBeTruthy();
    expect(d.elsewhere.answer).toBe(false);
    expect(d.adult).toEqual({ answer: true, source: "population" });
    expect(d.enterprise).toEqual({ answer: enterprise.status === "ACTIVE", source: "business" });
    expect(d.holds).toEqual({ answer: true, source: "land" });
    expect(d.replaced.answer).toBe(false);
    // No personal field can be asked of a Verification: the type has none.
    const fields = (gw.app.schema.getType("Verification") as any).getFields();
    expect(Object.keys(fields).sort()).toEqual(["answer", "checkedAt", "dataSource", "question", "recordUpdatedAt", "source"]);
  });

  it("needs a credential and a purpose like any personal data, and are audited against the person asked about", async () => {
    const [person] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens order by personal_id desc limit 1",
    );
    const anonymous = await gw.query(
      `query($p: PersonalId!) { verifyAliveAdult(personalId: $p) { answer } }`,
      { p: person.personal_id },
      {},
    );
    expect(anonymous.status).toBe(401);
    const response = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer ndaf-demo-all-grants",
        "x-purpose-procedure": "1.001612",
        "x-purpose-case": "HS-TEST-1",
      },
      body: JSON.stringify({
        query: `query($p: PersonalId!) { verifyAliveAdult(personalId: $p) { answer } }`,
        variables: { p: person.personal_id },
      }),
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id");
    const trail = await gw.app.sources.gateway.raw<Record<string, any>>(
      "select subject_kind, subject_id, fields, procedure_code from gateway.audit_subjects where request_id = $1",
      [requestId],
    );
    expect(trail).toEqual([
      { subject_kind: "CITIZEN", subject_id: person.personal_id, fields: ["Query.verifyAliveAdult"], procedure_code: "1.001612" },
    ]);
  });

  it("count an age in Vietnam's time: a person turns 18 at midnight in Hanoi, 17:00 UTC the day before", async () => {
    const [person] = await gw.app.sources.population.raw<{ personal_id: string; born: string }>(
      "select personal_id, to_char(date_of_birth, 'YYYY-MM-DD') as born from population.citizens where date_of_death is null and to_char(date_of_birth, 'MM-DD') not in ('01-01', '02-29') order by personal_id limit 1",
    );
    const birthday = new Date(`${Number(person.born.slice(0, 4)) + 18}${person.born.slice(4)}T00:00:00+07:00`);
    const ask = async (at: Date) => {
      vi.useFakeTimers({ toFake: ["Date"], now: at });
      try {
        const { body } = await gw.query(
          `query($p: PersonalId!) { verifyAliveAdult(personalId: $p) { answer } citizen(personalId: $p) { lifeStatus { age } } }`,
          { p: person.personal_id },
        );
        expect(body.errors).toBeUndefined();
        return { adult: body.data.verifyAliveAdult.answer, age: body.data.citizen.lifeStatus.age };
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await ask(new Date(birthday.getTime() - 60_000))).toEqual({ adult: false, age: 17 }); // 23:59 the evening before
    expect(await ask(new Date(birthday.getTime() + 3_600_000))).toEqual({ adult: true, age: 18 }); // 01:00 on the birthday, still the day before in UTC
  });
});
