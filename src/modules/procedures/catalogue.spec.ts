/** The procedure catalogue: its checks at start, the published file, and what a procedure reads. */
import { describe, expect, it } from "vitest";
import { type CatalogueProcedure, ProcedureCatalogue, replaceableShare, validateCatalogue } from "./catalogue.js";
import { RULES } from "./rules.js";

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
  subjects: [{ role: "CHILD", kind: "CITIZEN", description: "the child" }],
  components: [
    { id: "C1", name: "Tờ khai", kind: "DOCUMENT", reason: "APPLICATION_FORM", note: "" },
    { id: "C2", name: "Cha mẹ", kind: "DATA", rule: "PARENT_OF_CHILD", note: "" },
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
      [{ components: [{ id: "C1", name: "x", kind: "DATA", rule: "NO_SUCH_RULE" as never, note: "" }] }, /unknown rule NO_SUCH_RULE/],
      [{ subjects: [] }, /rule PARENT_OF_CHILD needs a CHILD subject/],
      [{ components: [{ id: "C1", name: "x", kind: "DOCUMENT", reason: "BECAUSE" as never, note: "" }] }, /unknown document reason/],
      [{ components: [{ id: "C1", name: "x", kind: "PAPER" as never, note: "" }] }, /kind must be DATA or DOCUMENT/],
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

  it("replaces some paper with data: at least one procedure has a data component", () => {
    expect(catalogue.procedures.some((p) => p.components.some((c) => c.kind === "DATA"))).toBe(true);
  });
});

describe("sourcesOf", () => {
  it("is every source the procedure's data components read, documents reading none", () => {
    const catalogue = new ProcedureCatalogue([]);
    const p = procedure({
      subjects: [{ role: "PARCEL", kind: "PARCEL", description: "" }],
      components: [
        { id: "C1", name: "", kind: "DATA", rule: "FAMILY_HOLDS_PARCEL", note: "" },
        { id: "C2", name: "", kind: "DATA", rule: "ENTERPRISE_ACTIVE", note: "" },
        { id: "C3", name: "", kind: "DOCUMENT", reason: "PHOTO", note: "" },
      ],
    });
    expect(catalogue.sourcesOf(p)).toEqual(new Set([...RULES.FAMILY_HOLDS_PARCEL.sources, ...RULES.ENTERPRISE_ACTIVE.sources]));
    expect(catalogue.sourcesOf(procedure({ components: [procedure().components[0]] }))).toEqual(new Set());
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
