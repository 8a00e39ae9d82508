/**
 * The declared purpose (the X-Purpose-* headers) and what one request records for the audit trail.
 */
import { describe, expect, it } from "vitest";
import { GatewayError } from "../../platform/errors.js";
import type { Client } from "./clients.js";
import { RequestAccess, parsePurpose } from "./request.js";
import { agencyClient, citizenClient } from "../../../test/support/clients.js";

const BIRTH = "1.001193";
const ME = "001085012345";
const SOMEONE_ELSE = "079301000001";

function refusal(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error("expected a refusal");
}

const invalid = (procedure: string | undefined, caseId: string | undefined, known?: (code: string) => boolean) => {
  const error = refusal(() => parsePurpose(procedure, caseId, known));
  expect(error.code).toBe("INVALID_PURPOSE");
  return error;
};

describe("parsePurpose", () => {
  it("reads a procedure code and a case id, trimmed", () => {
    expect(parsePurpose(BIRTH, "HS-2025-0001")).toEqual({ procedure: BIRTH, caseId: "HS-2025-0001" });
    expect(parsePurpose(`  ${BIRTH}\t`, " HS/1 ")).toEqual({ procedure: BIRTH, caseId: "HS/1" });
  });

  it("is no purpose when neither header is sent, or both are blank", () => {
    expect(parsePurpose(undefined, undefined)).toBeNull();
    expect(parsePurpose("", "  ")).toBeNull();
  });

  it("refuses one header without the other, naming the one that is missing", () => {
    expect(invalid(BIRTH, undefined).message).toMatch(/X-Purpose-Case is missing/);
    expect(invalid(undefined, "HS-1").message).toMatch(/X-Purpose-Procedure is missing/);
    expect(invalid(BIRTH, "   ").message).toMatch(/X-Purpose-Case is missing/);
  });

  it("takes only a procedure code of the portal's shape (digit, dot, six digits)", () => {
    for (const code of ["1001193", "1.00119", "1.0011934", "12.001193", "a.001193", "1.001193x", "*"]) invalid(code, "HS-1");
  });

  it("shows no more than 40 characters of a malformed procedure in its message", () => {
    const hostile = `1.${"9".repeat(500)}`;
    const error = invalid(hostile, "HS-1");
    expect(error.message).toContain(hostile.slice(0, 40));
    expect(error.message).not.toContain(hostile.slice(0, 41));
  });

  it("takes a case id of 1 to 64 letters, digits and . _ : / -, starting with a letter or digit", () => {
    for (const id of ["A", "7", "HS.2025_07:34/0001-b", "x".repeat(64)]) expect(parsePurpose(BIRTH, id)?.caseId).toBe(id);
    for (const id of ["x".repeat(65), "-HS", ".HS", "/HS", "HS 1", "HS#1", "hồ-sơ-1", "HS\u00001", "HS\n1"]) invalid(BIRTH, id);
  });

  it("refuses a case id holding a personal identification number (12 digits in a row)", () => {
    expect(invalid(BIRTH, ME).message).toMatch(/12 digits/);
    invalid(BIRTH, `HS-${ME}`);
    invalid(BIRTH, `HS-${"1".repeat(20)}`);
    // Fewer digits in a row name no one: a dossier number may hold them.
    expect(parsePurpose(BIRTH, "HS-12345678901")?.caseId).toBe("HS-12345678901");
    expect(parsePurpose(BIRTH, "2025-000001-000001")?.caseId).toBe("2025-000001-000001");
  });

  it("refuses a procedure the catalogue does not know, when it is asked", () => {
    const known = (code: string) => code === BIRTH;
    expect(parsePurpose(BIRTH, "HS-1", known)).toEqual({ procedure: BIRTH, caseId: "HS-1" });
    const error = invalid("1.999999", "HS-1", known);
    expect(error.extensions.procedure).toBe("1.999999");
  });

  it("checks the shapes before asking the catalogue", () => {
    const asked: string[] = [];
    const known = (code: string) => (asked.push(code), true);
    invalid("nope", "HS-1", known);
    invalid(BIRTH, ME, known);
    expect(asked).toEqual([]);
  });
});

const client = (kind: Client["kind"], personalId: string | null = null) =>
  kind === "CITIZEN" ? citizenClient(personalId!) : agencyClient();

describe("RequestAccess", () => {
  it("records one row per subject read, its fields sorted and counted once", () => {
    const access = new RequestAccess(client("SYSTEM"), { procedure: BIRTH, caseId: "HS-1" });
    access.read({ kind: "CITIZEN", id: ME }, "Citizen.fullName");
    access.read({ kind: "CITIZEN", id: SOMEONE_ELSE }, "Citizen.fullName");
    access.read({ kind: "CITIZEN", id: ME }, "Citizen.dateOfBirth");
    access.read({ kind: "CITIZEN", id: ME }, "Citizen.fullName");
    access.read({ kind: "LAND_PARCEL", id: "00004-12-345" }, "LandParcel.areaM2");
    expect(access.entries()).toEqual([
      { action: "READ", subject: { kind: "CITIZEN", id: ME }, fields: ["Citizen.dateOfBirth", "Citizen.fullName"] },
      { action: "READ", subject: { kind: "CITIZEN", id: SOMEONE_ELSE }, fields: ["Citizen.fullName"] },
      { action: "READ", subject: { kind: "LAND_PARCEL", id: "00004-12-345" }, fields: ["LandParcel.areaM2"] },
    ]);
  });

  it("keeps a subject-less read only when nothing else records the request", () => {
    const alone = new RequestAccess(client("SYSTEM"), null);
    alone.read(undefined, "Query.citizens");
    expect(alone.entries()).toEqual([{ action: "READ", subject: null, fields: ["Query.citizens"] }]);

    const withSubject = new RequestAccess(client("SYSTEM"), null);
    withSubject.read(undefined, "Query.citizens");
    withSubject.read({ kind: "CITIZEN", id: ME }, "Citizen.fullName");
    expect(withSubject.entries()).toEqual([{ action: "READ", subject: { kind: "CITIZEN", id: ME }, fields: ["Citizen.fullName"] }]);
  });

  it("tells one subject kind from another with the same id", () => {
    const access = new RequestAccess(client("SYSTEM"), null);
    access.read({ kind: "ENTERPRISE", id: "0100109106" }, "Enterprise.name");
    access.read({ kind: "HOUSEHOLD_BUSINESS", id: "0100109106" }, "HouseholdBusiness.name");
    expect(access.entries().map((e) => e.subject?.kind)).toEqual(["ENTERPRISE", "HOUSEHOLD_BUSINESS"]);
  });

  it("refuses a citizen client another person's data, and records nothing of it", () => {
    const access = new RequestAccess(client("CITIZEN", ME), null);
    access.read({ kind: "CITIZEN", id: ME }, "Citizen.fullName");
    const error = refusal(() => access.read({ kind: "CITIZEN", id: SOMEONE_ELSE }, "Citizen.fullName"));
    expect(error.code).toBe("SUBJECT_NOT_PERMITTED");
    expect(error.extensions.field).toBe("Citizen.fullName");
    expect(error.message).not.toContain(SOMEONE_ELSE);
    expect(access.entries()).toEqual([{ action: "READ", subject: { kind: "CITIZEN", id: ME }, fields: ["Citizen.fullName"] }]);
  });

  it("refuses a subject whose id is not of its kind's shape, before recording it", () => {
    const access = new RequestAccess(client("SYSTEM"), null);
    for (const subject of [
      { kind: "CITIZEN", id: "00108501234" },
      { kind: "ENTERPRISE", id: "010010910" },
      { kind: "LAND_PARCEL", id: "00004/12/345" },
      { kind: "HOUSEHOLD_BUSINESS", id: "x".repeat(41) },
    ] as const) {
      const error = refusal(() => access.read(subject, "X.y"));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.extensions.field).toBe("X.y");
    }
    expect(access.entries()).toEqual([]);
  });

  it("records actions after the reads, one row per subject with its facts sorted, and its own purpose", () => {
    const access = new RequestAccess(client("SYSTEM"), { procedure: BIRTH, caseId: "HS-1" });
    access.read({ kind: "CITIZEN", id: ME }, "Citizen.fullName");
    const own = { procedure: BIRTH, caseId: "PREVIEW" };
    access.recordAction(
      "DOSSIER_EVALUATE",
      [
        { subject: { kind: "CITIZEN", id: ME }, fields: ["population.fullName", "population.alive"] },
        { subject: { kind: "CITIZEN", id: SOMEONE_ELSE }, fields: ["population.dateOfBirth"] },
      ],
      own,
    );
    access.recordAction("DOSSIER_READ", []);
    expect(access.entries()).toEqual([
      { action: "READ", subject: { kind: "CITIZEN", id: ME }, fields: ["Citizen.fullName"] },
      {
        action: "DOSSIER_EVALUATE",
        subject: { kind: "CITIZEN", id: ME },
        fields: ["population.alive", "population.fullName"],
        purpose: own,
      },
      { action: "DOSSIER_EVALUATE", subject: { kind: "CITIZEN", id: SOMEONE_ELSE }, fields: ["population.dateOfBirth"], purpose: own },
      { action: "DOSSIER_READ", subject: null, fields: [], purpose: undefined },
    ]);
  });

  it("refuses an action about a malformed subject, recording none of its rows", () => {
    const access = new RequestAccess(client("SYSTEM"), null);
    const error = refusal(() =>
      access.recordAction("DOSSIER_SUBMIT", [
        { subject: { kind: "CITIZEN", id: ME }, fields: ["a"] },
        { subject: { kind: "CITIZEN", id: "not an id" }, fields: ["b"] },
      ]),
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(access.entries()).toEqual([]);
  });
});
