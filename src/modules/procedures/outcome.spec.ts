/** A dossier's status from its components' statuses, and their counts. */
import { describe, expect, it } from "vitest";
import { type ComponentResult, overallStatus, tally } from "./outcome.js";

const result = (status: ComponentResult["status"], reason: ComponentResult["reason"] = null): ComponentResult => ({
  component: { id: "C", name: "C", kind: "DATA", note: "", noteVi: "" },
  status,
  reason,
  message: null,
  evidence: [],
  about: [],
});

describe("overallStatus", () => {
  it("is READY when data answers every component, or the rest are documents no database replaces", () => {
    expect(overallStatus([])).toBe("READY");
    expect(overallStatus([result("FULFILLED_BY_DATA"), result("NEEDS_DOCUMENT", "DOCUMENT_ONLY")])).toBe("READY");
  });

  it("is NEEDS_DOCUMENTS when data that should have answered a component was not found", () => {
    expect(overallStatus([result("FULFILLED_BY_DATA"), result("NEEDS_DOCUMENT", "DATA_NOT_FOUND")])).toBe("NEEDS_DOCUMENTS");
  });

  it("is INCOMPLETE when a source did not answer, over missing data", () => {
    expect(overallStatus([result("NEEDS_DOCUMENT", "DATA_NOT_FOUND"), result("NOT_EVALUATED", "SOURCE_UNAVAILABLE")])).toBe("INCOMPLETE");
  });

  it("is BLOCKED by any failed check, over everything else", () => {
    expect(
      overallStatus([
        result("NOT_EVALUATED", "SOURCE_UNAVAILABLE"),
        result("NEEDS_DOCUMENT", "DATA_NOT_FOUND"),
        result("FAILED_CHECK"),
        result("FULFILLED_BY_DATA"),
      ]),
    ).toBe("BLOCKED");
  });
});

describe("tally", () => {
  it("counts components answered by data, documents asked for and failed checks, not those left unevaluated", () => {
    const components = [
      result("FULFILLED_BY_DATA"),
      result("FULFILLED_BY_DATA"),
      result("NEEDS_DOCUMENT", "DOCUMENT_ONLY"),
      result("NEEDS_DOCUMENT", "DATA_NOT_FOUND"),
      result("FAILED_CHECK"),
      result("NOT_EVALUATED", "SOURCE_UNAVAILABLE"),
    ];
    expect(tally(components)).toEqual({ fulfilledByData: 2, documentsRequested: 2, failedChecks: 1 });
    expect(tally([])).toEqual({ fulfilledByData: 0, documentsRequested: 0, failedChecks: 0 });
  });
});
