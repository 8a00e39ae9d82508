/** The procedure catalogue: its checks at start, the published file, and what a procedure reads. */
import { describe, expect, it } from "vitest";
import { withLanguage } from "../../platform/i18n.js";
import {
  type CatalogueProcedure,
  noteOf,
  ProcedureCatalogue,
  replaceableShare,
  restateNote,
  subjectDescriptionOf,
  validateCatalogue,
} from "./catalogue.js";
import { AGE_OF_MAJORITY, ruleDescription, RULES } from "./rules.js";

/** A letter only Vietnamese uses: what a Vietnamese text carries and an English one left untranslated does not. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

const procedure = (fields: Partial<CatalogueProcedure> = {}): CatalogueProcedure => ({
  code: "1.000001",
  name: "Thủ tục",
  nameEn: "Procedure",
  level: "COMMUNE",
  field: "Hộ tịch",
  decision: "",
  url: "",
  legalBasis: [],
  applicant: "CITIZEN",
  subjects: [{ role: "CHILD", kind: "CITIZEN", description: "the child", descriptionVi: "người con" }],
  components: [
    { id: "C1", name: "Tờ khai", kind: "DOCUMENT", reason: "APPLICATION_FORM", note: "", noteVi: "" },
    { id: "C2", name: "Cha mẹ", kind: "DATA", rule: "PARENT_OF_CHILD", note: "", noteVi: "" },
  ],
  ...fields,
});

describe("validateCatalogue", () => {
  it("sorts a valid catalogue by code", () => {
    const sorted = validateCatalogue([procedure({ code: "2.000001" }), procedure({ code: "1.000009" }), procedure()]);
    expect(sorted.map((p) => p.code)).toEqual(["1.000001", "1.000009", "2.000001"]);
  });

  it("stops at a broken entry, naming it", () => {
    const broken: [Partial<CatalogueProcedure>, RegExp][] = [
      [{ code: "1.0001" }, /code must look like/],
      [{ name: "" }, /name, field and components are required/],
      [{ components: [] }, /name, field and components are required/],
      [{ components: [procedure().components[0], procedure().components[0]] }, /duplicate component C1/],
      [
        { components: [{ id: "C1", name: "x", kind: "DATA", rule: "NO_SUCH_RULE" as never, note: "", noteVi: "" }] },
        /unknown rule NO_SUCH_RULE/,
      ],
      [{ subjects: [] }, /rule PARENT_OF_CHILD needs a CHILD subject/],
      [
        { components: [{ id: "C1", name: "x", kind: "DOCUMENT", reason: "BECAUSE" as never, note: "", noteVi: "" }] },
        /unknown document reason/,
      ],
      [{ components: [{ id: "C1", name: "x", kind: "PAPER" as never, note: "", noteVi: "" }] }, /kind must be DATA or DOCUMENT/],
      [
        { components: [{ id: "C1", name: "x", kind: "DOCUMENT", reason: "PHOTO", note: "A photo.", noteVi: "" }] },
        /C1: noteVi .* is required/,
      ],
      [{ components: [{ id: "C1", name: "x", kind: "DOCUMENT", reason: "PHOTO", note: "A photo.", noteVi: "A photo." }] }, /C1: noteVi/],
      [
        { subjects: [{ role: "CHILD", kind: "CITIZEN", description: "the child", descriptionVi: undefined as never }] },
        /subject CHILD: descriptionVi/,
      ],
    ];
    for (const [fields, message] of broken) {
      expect(() => validateCatalogue([procedure(fields)]), String(message)).toThrow(message);
      expect(() => validateCatalogue([procedure(fields)])).toThrow(/procedure /);
    }
    expect(() => validateCatalogue([procedure(), procedure()])).toThrow(/1\.000001: duplicate code/);
  });
});

describe("the published catalogue", () => {
  const catalogue = ProcedureCatalogue.load();

  it("loads, every procedure found by its code", () => {
    expect(catalogue.procedures.length).toBeGreaterThan(0);
    for (const p of catalogue.procedures) expect(catalogue.get(p.code)).toBe(p);
    expect(catalogue.get("9.999999")).toBeUndefined();
  });

  it("says every component's note and every subject's description in Vietnamese too", () => {
    const untranslated: string[] = [];
    const byNote = new Map<string, string>();
    for (const p of catalogue.procedures) {
      for (const c of p.components) {
        if (!c.note || !VIETNAMESE.test(c.noteVi ?? "")) untranslated.push(`${p.code} ${c.id}: ${c.note}`);
        // The same English note is the same Vietnamese one wherever it appears.
        if (byNote.has(c.note) && byNote.get(c.note) !== c.noteVi)
          untranslated.push(`${p.code} ${c.id}: two Vietnamese notes for "${c.note}"`);
        byNote.set(c.note, c.noteVi);
      }
      for (const s of p.subjects)
        if (!s.description || !VIETNAMESE.test(s.descriptionVi ?? "")) untranslated.push(`${p.code} ${s.role}: ${s.description}`);
    }
    expect(untranslated).toEqual([]);
  });

  it("answers a note and a subject's description in the request's language", () => {
    const p = catalogue.get("1.001193")!;
    const c = p.components.find((x) => x.kind === "DOCUMENT")!;
    expect(withLanguage("vi", () => noteOf(c))).toBe(c.noteVi);
    expect(withLanguage("en", () => noteOf(c))).toBe(c.note);
    expect(noteOf(c)).toBe(c.note);
    expect(withLanguage("vi", () => subjectDescriptionOf(p.subjects[0]))).toBe(p.subjects[0].descriptionVi);
    expect(subjectDescriptionOf(p.subjects[0])).toBe(p.subjects[0].description);
  });

  it("says a stored note again in the reader's language, other text as stored", () => {
    const c = catalogue.get("1.001193")!.components.find((x) => x.kind === "DOCUMENT")!;
    expect(restateNote(c.note, c, "vi")).toBe(c.noteVi);
    expect(restateNote(c.noteVi, c, "en")).toBe(c.note);
    expect(restateNote(c.note, c, "en")).toBe(c.note);
    expect(restateNote("An older note.", c, "vi")).toBe("An older note.");
    expect(restateNote(null, c, "vi")).toBeNull();
  });

  it("replaces some paper with data: at least one procedure has a data component", () => {
    expect(catalogue.procedures.some((p) => p.components.some((c) => c.kind === "DATA"))).toBe(true);
  });
});

describe("sourcesOf", () => {
  it("is every source the procedure's data components read, documents reading none", () => {
    const catalogue = new ProcedureCatalogue([]);
    const p = procedure({
      subjects: [{ role: "PARCEL", kind: "PARCEL", description: "", descriptionVi: "" }],
      components: [
        { id: "C1", name: "", kind: "DATA", rule: "FAMILY_HOLDS_PARCEL", note: "", noteVi: "" },
        { id: "C2", name: "", kind: "DATA", rule: "ENTERPRISE_ACTIVE", note: "", noteVi: "" },
        { id: "C3", name: "", kind: "DOCUMENT", reason: "PHOTO", note: "", noteVi: "" },
      ],
    });
    expect(catalogue.sourcesOf(p)).toEqual(new Set([...RULES.FAMILY_HOLDS_PARCEL.sources, ...RULES.ENTERPRISE_ACTIVE.sources]));
    expect(catalogue.sourcesOf(procedure({ components: [procedure().components[0]] }))).toEqual(new Set());
  });
});

describe("ruleDescription", () => {
  it("says what every rule establishes in both languages, the age of majority filled in", () => {
    for (const [name, rule] of Object.entries(RULES)) {
      expect(ruleDescription(rule, "en"), name).not.toMatch(/[{}]/);
      expect(ruleDescription(rule, "vi"), name).toMatch(VIETNAMESE);
      expect(withLanguage("vi", () => ruleDescription(rule))).toBe(ruleDescription(rule, "vi"));
    }
    expect(ruleDescription(RULES.ALIVE_ADULT, "en")).toBe(`The applicant is alive and at least ${AGE_OF_MAJORITY}.`);
    expect(ruleDescription(RULES.ALIVE_ADULT, "vi")).toBe(`Người nộp hồ sơ còn sống và đủ ${AGE_OF_MAJORITY} tuổi trở lên.`);
  });
});

describe("replaceableShare", () => {
  it("is the share of components data replaces, to three decimals", () => {
    expect(replaceableShare(0, 0)).toBe(0);
    expect(replaceableShare(4, 4)).toBe(1);
    expect(replaceableShare(3, 1)).toBe(0.333);
    expect(replaceableShare(3, 2)).toBe(0.667);
  });
});
