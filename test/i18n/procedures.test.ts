/**
 * Procedures and dossiers in the reader's language: a dossier's component messages (a failed check, data not found)
 * and the procedures module's typed errors in Vietnamese with `Accept-Language: vi`, in English without; codes
 * unchanged. A dossier submitted in English reads back in Vietnamese, and its correction requests too. The catalogue
 * too: each component's note and rule description, each subject's description, and a document's message (its note).
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

const EVALUATE = `query($input: DossierInput!) { evaluateDossier(input: $input) {
  status components { component { id rule } status reason message }
} }`;
const SUBMIT = `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) {
  dossier { dossierId components { component { rule } status reason message } }
} }`;
const READ = `query($id: ID!) { dossier(id: $id) {
  components { component { rule } status reason message }
  corrections { componentKey status message }
} }`;

/** A personal id no seeded citizen holds (12 digits). */
const NOBODY = "099199999999";

let code: string;
let dead: { personal_id: string; date_of_death: string };

const headers = (vi: boolean) => ({
  ...DEMO_HEADERS,
  "x-purpose-procedure": code,
  "x-purpose-case": "I18N-TEST",
  ...(vi ? { "accept-language": "vi" } : {}),
});
const byRule = (components: any[], rule: string) => components.find((c) => c.component.rule === rule);

beforeAll(async () => {
  // A citizen's procedure (a death registration) with an identity check and a deceased person's record to find.
  const found = [...gw.app.procedures.procedures]
    .filter(
      (p) =>
        p.applicant === "CITIZEN" &&
        ["IDENTITY", "DECEASED_PERSON"].every((r) => p.components.some((c) => c.rule === r)) &&
        p.subjects.every((s) => s.role === "DECEASED"),
    )
    .sort((a, b) => a.code.localeCompare(b.code))[0];
  expect(found, "a procedure checking identity and a deceased person's record").toBeDefined();
  code = found!.code;
  [dead] = await pop(
    "select personal_id, date_of_death from population.citizens where date_of_death is not null order by personal_id limit 1",
  );
});

describe("dossier components in the reader's language", () => {
  it("a failed check and data not found: Vietnamese with Accept-Language: vi, English without", async () => {
    const input = { procedureCode: code, applicant: { personalId: dead.personal_id }, subjects: { deceased: NOBODY } };
    const vi = await gw.send(EVALUATE, { input }, headers(true));
    const en = await gw.send(EVALUATE, { input }, headers(false));
    expect(vi.body.errors, JSON.stringify(vi.body.errors)).toBeUndefined();
    expect(en.body.errors, JSON.stringify(en.body.errors)).toBeUndefined();
    expect(vi.headers.get("content-language")).toBe("vi");

    const [viComponents, enComponents] = [vi.body.data.evaluateDossier.components, en.body.data.evaluateDossier.components];
    // The same statuses and reasons: only the words change.
    expect(viComponents.map((c: any) => [c.status, c.reason])).toEqual(enComponents.map((c: any) => [c.status, c.reason]));

    const identityVi = byRule(viComponents, "IDENTITY");
    const identityEn = byRule(enComponents, "IDENTITY");
    expect(identityVi.status).toBe("FAILED_CHECK");
    expect(identityVi.message).toMatch(/^Người nộp hồ sơ .* được ghi nhận là đã chết \(/);
    expect(identityVi.message).toContain(dead.date_of_death);
    expect(identityEn.message).toMatch(/^The applicant .* is recorded as deceased \(/);

    const deceasedVi = byRule(viComponents, "DECEASED_PERSON");
    const deceasedEn = byRule(enComponents, "DECEASED_PERSON");
    expect(deceasedVi).toMatchObject({ status: "NEEDS_DOCUMENT", reason: "DATA_NOT_FOUND" });
    expect(deceasedVi.message).toBe(
      `Không có bản ghi của người đã chết ${NOBODY} trong cơ sở dữ liệu quốc gia về dân cư: hãy mang theo giấy tờ; một yêu cầu điều chỉnh dữ liệu đã được gửi tới nguồn dữ liệu.`,
    );
    expect(deceasedEn.message).toBe(
      `No record of the deceased person ${NOBODY} in the population database: bring the document; a correction request has been raised with the source.`,
    );
  });

  it("a dossier submitted in English reads back in Vietnamese (its correction requests too), and in English again", async () => {
    const input = { procedureCode: code, applicant: { personalId: dead.personal_id }, subjects: { deceased: NOBODY } };
    const submitted = await gw.send(SUBMIT, { input, key: `i18n-${randomUUID()}` }, headers(false));
    expect(submitted.body.errors, JSON.stringify(submitted.body.errors)).toBeUndefined();
    const { dossierId, components } = submitted.body.data.submitDossier.dossier;
    expect(byRule(components, "DECEASED_PERSON").message).toMatch(/^No record of the deceased person /);

    const vi = await gw.send(READ, { id: dossierId }, headers(true));
    expect(vi.body.errors, JSON.stringify(vi.body.errors)).toBeUndefined();
    const read = vi.body.data.dossier;
    expect(byRule(read.components, "IDENTITY").message).toMatch(/^Người nộp hồ sơ .* được ghi nhận là đã chết \(/);
    expect(byRule(read.components, "DECEASED_PERSON").message).toMatch(/^Không có bản ghi của người đã chết 099199999999 /);
    expect(read.corrections.length).toBeGreaterThan(0);
    for (const c of read.corrections) expect(c.message).toMatch(/^Không có bản ghi của người đã chết 099199999999 /);

    // What was stored is the record, in the submitter's language: read without the header, it is the English again.
    const en = await gw.send(READ, { id: dossierId }, headers(false));
    expect(byRule(en.body.data.dossier.components, "DECEASED_PERSON").message).toBe(byRule(components, "DECEASED_PERSON").message);
    expect(en.body.data.dossier.corrections[0].message).toMatch(/^No record of the deceased person /);
  });
});

describe("the procedure catalogue in the reader's language", () => {
  const CATALOGUE = `query($search: String) { procedures(search: $search) {
    code subjects { role description } components { id kind rule note ruleDescription }
  } }`;

  it("notes, rule descriptions and subjects' descriptions: Vietnamese with Accept-Language: vi, English without", async () => {
    const vi = await gw.send(CATALOGUE, { search: "khai sinh" }, { ...DEMO_HEADERS, "accept-language": "vi" });
    const en = await gw.send(CATALOGUE, { search: "khai sinh" }, DEMO_HEADERS);
    expect(vi.body.errors, JSON.stringify(vi.body.errors)).toBeUndefined();
    expect(en.body.errors, JSON.stringify(en.body.errors)).toBeUndefined();
    expect(vi.headers.get("content-language")).toBe("vi");
    const [viProcedures, enProcedures] = [vi.body.data.procedures, en.body.data.procedures];
    expect(viProcedures.length).toBeGreaterThan(0);
    // The same procedures, components, kinds and rules: only the words change.
    const shape = (ps: any[]) =>
      ps.map((p) => [p.code, p.subjects.map((s: any) => s.role), p.components.map((c: any) => [c.id, c.kind, c.rule])]);
    expect(shape(viProcedures)).toEqual(shape(enProcedures));

    const catalogued = new Map(gw.app.procedures.procedures.map((p) => [p.code, p]));
    for (const [i, p] of viProcedures.entries()) {
      const source = catalogued.get(p.code)!;
      p.components.forEach((c: any, j: number) => {
        const english = enProcedures[i].components[j];
        expect(c.note).toBe(source.components[j].noteVi);
        expect(english.note).toBe(source.components[j].note);
        if (c.kind === "DATA") {
          expect(c.ruleDescription).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
          expect(english.ruleDescription).toMatch(/^The /);
          expect(c.ruleDescription).not.toBe(english.ruleDescription);
        } else {
          expect(c.ruleDescription).toBeNull();
        }
      });
      p.subjects.forEach((s: any, j: number) => {
        expect(s.description).toBe(source.subjects[j].descriptionVi);
        expect(enProcedures[i].subjects[j].description).toBe(source.subjects[j].description);
      });
    }
    const birth = (ps: any[]) => ps.find((p) => p.code === "1.001193");
    expect(birth(viProcedures).components.find((c: any) => c.rule === "RESIDENCE").ruleDescription).toBe(
      "Nơi thường trú của người nộp hồ sơ, theo bản đồ hành chính năm 2025.",
    );
    expect(birth(enProcedures).components.find((c: any) => c.rule === "RESIDENCE").ruleDescription).toBe(
      "The applicant's permanent residence, on the 2025 administrative map.",
    );
  });

  it("a document's message is its note: in the reader's language, in a preview and in a dossier submitted in English", async () => {
    const documents = gw.app.procedures.get(code)!.components.filter((c) => c.kind === "DOCUMENT");
    expect(documents.length).toBeGreaterThan(0);
    const input = { procedureCode: code, applicant: { personalId: dead.personal_id }, subjects: { deceased: NOBODY } };
    const messagesOf = (components: any[]) => components.filter((c) => c.reason === "DOCUMENT_ONLY").map((c: any) => c.message);

    const vi = await gw.send(EVALUATE, { input }, headers(true));
    expect(messagesOf(vi.body.data.evaluateDossier.components)).toEqual(documents.map((d) => d.noteVi));
    const en = await gw.send(EVALUATE, { input }, headers(false));
    expect(messagesOf(en.body.data.evaluateDossier.components)).toEqual(documents.map((d) => d.note));

    const submitted = await gw.send(SUBMIT, { input, key: `i18n-${randomUUID()}` }, headers(false));
    expect(submitted.body.errors, JSON.stringify(submitted.body.errors)).toBeUndefined();
    const { dossierId } = submitted.body.data.submitDossier.dossier;
    const readVi = await gw.send(READ, { id: dossierId }, headers(true));
    expect(messagesOf(readVi.body.data.dossier.components)).toEqual(documents.map((d) => d.noteVi));
    const readEn = await gw.send(READ, { id: dossierId }, headers(false));
    expect(messagesOf(readEn.body.data.dossier.components)).toEqual(documents.map((d) => d.note));
  });
});

describe("the procedures module's typed errors in the reader's language", () => {
  it("UNKNOWN_PROCEDURE", async () => {
    const input = { procedureCode: "9.999999", applicant: { personalId: dead.personal_id } };
    const vi = await gw.send(EVALUATE, { input }, { ...DEMO_HEADERS, "accept-language": "vi" });
    const en = await gw.send(EVALUATE, { input }, DEMO_HEADERS);
    expect(vi.body.errors?.[0].extensions.code).toBe("UNKNOWN_PROCEDURE");
    expect(en.body.errors?.[0].extensions.code).toBe("UNKNOWN_PROCEDURE");
    expect(vi.body.errors?.[0].extensions.procedureCode).toBe("9.999999");
    expect(vi.body.errors?.[0].message).toBe("Không có thủ tục hành chính 9.999999 trong danh mục; xem danh sách bằng `procedures`.");
    expect(en.body.errors?.[0].message).toBe("No procedure 9.999999 in the catalogue; list them with `procedures`.");
  });

  it("INVALID_DOSSIER", async () => {
    const input = { procedureCode: code, applicant: { personalId: dead.personal_id }, subjects: { deceased: NOBODY, spouse: NOBODY } };
    const vi = await gw.send(EVALUATE, { input }, headers(true));
    const en = await gw.send(EVALUATE, { input }, headers(false));
    expect(vi.body.errors?.[0].extensions.code).toBe("INVALID_DOSSIER");
    expect(en.body.errors?.[0].extensions.code).toBe("INVALID_DOSSIER");
    expect(vi.body.errors?.[0].message).toBe(`Thủ tục ${code} không nhận đối tượng SPOUSE; thủ tục nhận DECEASED.`);
    expect(en.body.errors?.[0].message).toBe(`Procedure ${code} takes no SPOUSE subject; it takes DECEASED.`);
  });
});

describe("trusted documents in the reader's language", () => {
  it("INVALID_DOCUMENT_ID", async () => {
    const ask = (h: Record<string, string>) =>
      fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...h },
        body: JSON.stringify({ documentId: "md5:1" }),
      }).then(async (r) => (await r.json()) as { errors: { message: string; extensions: { code: string } }[] });
    const vi = await ask({ ...DEMO_HEADERS, "accept-language": "vi" });
    const en = await ask(DEMO_HEADERS);
    expect(vi.errors[0].extensions.code).toBe("INVALID_DOCUMENT_ID");
    expect(en.errors[0].extensions.code).toBe("INVALID_DOCUMENT_ID");
    expect(vi.errors[0].message).toContain('documentId phải gồm "sha256:"');
    expect(en.errors[0].message).toContain('documentId must be "sha256:"');
  });
});
