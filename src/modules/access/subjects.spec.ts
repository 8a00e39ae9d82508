/** Subjects as typed values: each kind's id shape, and how a hostile value is shown in a message. */
import { describe, expect, it } from "vitest";
import { GatewayError } from "../../platform/errors.js";
import { SUBJECT_KINDS, type SubjectKind, checkedSubject, isWellFormed, sameSubject, shown, subjectKey } from "./subjects.js";

const WELL_FORMED: Record<SubjectKind, string[]> = {
  CITIZEN: ["001085012345", "079301000001"],
  ENTERPRISE: ["0100109106"],
  LAND_PARCEL: ["00004-12-345", "79001-1-1", "00004-1234-12345"],
  HOUSEHOLD_BUSINESS: ["01A8012345", "41.8.001234/HKD", "x".repeat(40)],
};

const MALFORMED: Record<SubjectKind, string[]> = {
  CITIZEN: ["", "00108501234", "0010850123456", "00108501234a", " 001085012345"],
  ENTERPRISE: ["", "010010910", "01001091060", "0100109106-001"],
  LAND_PARCEL: ["", "0004-12-345", "00004-12345-1", "00004-1-123456", "00004-12", "00004_12_345"],
  HOUSEHOLD_BUSINESS: ["", "-01A8", "x".repeat(41), "01 A8", "01A8\n"],
};

describe("subject id shapes", () => {
  it("covers every kind", () => {
    expect(Object.keys(WELL_FORMED).sort()).toEqual([...SUBJECT_KINDS].sort());
  });

  for (const kind of SUBJECT_KINDS) {
    it(`takes well-formed ${kind} ids and refuses malformed ones`, () => {
      for (const id of WELL_FORMED[kind]) {
        expect(isWellFormed({ kind, id }), id).toBe(true);
        expect(checkedSubject(kind, id, "where")).toEqual({ kind, id });
      }
      for (const id of MALFORMED[kind]) {
        expect(isWellFormed({ kind, id }), id).toBe(false);
        let error: unknown;
        try {
          checkedSubject(kind, id, "subjects.x");
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(GatewayError);
        expect((error as GatewayError).code).toBe("INVALID_ARGUMENT");
        expect((error as GatewayError).extensions.argument).toBe("subjects.x");
      }
    });
  }
});

describe("shown", () => {
  it("quotes a short value whole", () => {
    expect(shown('a"b')).toBe('"a\\"b"');
  });

  it("clips a long value at 40 characters and says how long it was", () => {
    const long = "9".repeat(1000);
    const text = shown(long);
    expect(text).toContain("9".repeat(40));
    expect(text).not.toContain("9".repeat(41));
    expect(text).toContain("(1000 characters)");
  });
});

describe("subject identity", () => {
  it("is kind and id together", () => {
    expect(sameSubject({ kind: "CITIZEN", id: "001085012345" }, { kind: "CITIZEN", id: "001085012345" })).toBe(true);
    expect(sameSubject({ kind: "ENTERPRISE", id: "0100109106" }, { kind: "HOUSEHOLD_BUSINESS", id: "0100109106" })).toBe(false);
    expect(subjectKey({ kind: "ENTERPRISE", id: "0100109106" })).not.toBe(subjectKey({ kind: "HOUSEHOLD_BUSINESS", id: "0100109106" }));
  });
});
