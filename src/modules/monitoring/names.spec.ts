import { describe, expect, it } from "vitest";
import {
  ANONYMOUS_CLIENT,
  CITIZEN_CLIENTS,
  MAX_OPERATION_NAME,
  operationNameOf,
  outcomeOf,
  recordedClientId,
  UNNAMED_OPERATION,
} from "./names.js";

describe("operation names as recorded", () => {
  it("keeps an ordinary name, digits and underscores included", () => {
    expect(operationNameOf("CitizenProfile")).toBe("CitizenProfile");
    expect(operationNameOf("report_2025_v2")).toBe("report_2025_v2");
  });

  it("records an empty or missing name as (unnamed)", () => {
    expect(operationNameOf(null)).toBe(UNNAMED_OPERATION);
    expect(operationNameOf("")).toBe(UNNAMED_OPERATION);
    expect(operationNameOf("  --  ")).toBe(UNNAMED_OPERATION);
  });

  it("cuts a hostile 10,000-character name to 64 characters of [A-Za-z0-9_]", () => {
    const name = operationNameOf("A".repeat(10_000));
    expect(name).toBe("A".repeat(MAX_OPERATION_NAME));
    expect(operationNameOf("x<script>alert(1)</script>".repeat(500))).toMatch(/^[A-Za-z0-9_]{1,64}$/);
  });

  it("drops a personal id (12 digits), however it is written", () => {
    expect(operationNameOf("getCitizen001204012345")).toBe("getCitizen");
    expect(operationNameOf("lookup_001204012345_now")).toBe("lookup__now");
    // Separators are dropped first, so an id split by them is a run again.
    expect(operationNameOf("id 0012-0401-2345")).toBe("id");
    // Split by letters into short runs: more than 8 digits in all, and every digit goes.
    expect(operationNameOf("a0012b0401c2345d")).toBe("abcd");
    expect(operationNameOf("q_001_204_012_345")).toBe("q____");
  });

  it("drops a phone number or a tax code too (any run of 5 digits or more)", () => {
    expect(operationNameOf("call0912345678")).toBe("call");
    expect(operationNameOf("firm0101234567")).toBe("firm");
    expect(operationNameOf("v12345")).toBe("v");
  });
});

describe("whom and what a record names", () => {
  it("names a registered system, not a citizen", () => {
    expect(recordedClientId({ id: "VN:GOV:000.00.00.H01:test", kind: "SYSTEM" })).toBe("VN:GOV:000.00.00.H01:test");
    expect(recordedClientId({ id: "VN:CIT:001204012345", kind: "CITIZEN" })).toBe(CITIZEN_CLIENTS);
    expect(recordedClientId(null)).toBe(ANONYMOUS_CLIENT);
  });

  it("keeps an outcome to the schema's error codes", () => {
    expect(outcomeOf(undefined)).toBe("OK");
    expect(outcomeOf("FIELD_NOT_GRANTED")).toBe("FIELD_NOT_GRANTED");
    expect(outcomeOf("SOMETHING_A_CLIENT_MADE_UP")).toBe("INTERNAL_SERVER_ERROR");
    expect(outcomeOf("toString")).toBe("INTERNAL_SERVER_ERROR");
  });
});
