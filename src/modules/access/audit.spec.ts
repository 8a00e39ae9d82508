import { describe, expect, it } from "vitest";
import { trailRows } from "./audit.js";
import type { AuditEntry } from "./request.js";

const context = { requestId: "req-1", clientId: "VN:GOV:000.00.00.H01:test", purpose: { procedure: "1.001234", caseId: "HS-1" } };
const read = (kind: "CITIZEN" | "LAND_PARCEL", id: string, fields: string[], extra: Partial<AuditEntry> = {}): AuditEntry => ({
  action: "READ",
  subject: { kind, id },
  fields,
  ...extra,
});

describe("trailRows", () => {
  it("puts the subjects of one kind read for the same fields in one row, in the order they were read", () => {
    const rows = trailRows(context, [
      read("CITIZEN", "001204000003", ["Citizen.fullName"]),
      read("LAND_PARCEL", "01-001-1", ["LandParcel.area"]),
      read("CITIZEN", "001204000001", ["Citizen.fullName"]),
      read("CITIZEN", "001204000002", ["Citizen.fullName", "Citizen.religion"]),
    ]);
    expect(rows.map((r) => [r.kind, r.ids, r.fields])).toEqual([
      ["CITIZEN", ["001204000003", "001204000001"], "Citizen.fullName"],
      ["LAND_PARCEL", ["01-001-1"], "LandParcel.area"],
      ["CITIZEN", ["001204000002"], "Citizen.fullName,Citizen.religion"],
    ]);
    expect(rows.every((r) => r.requestId === "req-1" && r.procedure === "1.001234" && r.caseId === "HS-1")).toBe(true);
  });

  it("keeps apart what a row records once: the action, the purpose, the consent; a read naming no one is a row alone", () => {
    const rows = trailRows(context, [
      read("CITIZEN", "001204000001", ["Citizen.fullName"]),
      read("CITIZEN", "001204000002", ["Citizen.fullName"], { action: "DOSSIER_SUBMIT" }),
      read("CITIZEN", "001204000003", ["Citizen.fullName"], { purpose: { procedure: "2.000001", caseId: "HS-2" } }),
      read("CITIZEN", "001204000004", ["Citizen.fullName"], { consentId: "c-1" }),
      read("CITIZEN", "001204000005", ["Citizen.fullName"], { consentId: "c-1" }),
      { action: "READ", subject: null, fields: ["Query.citizens"] },
      { action: "READ", subject: null, fields: ["Query.citizens"] },
    ]);
    expect(rows.map((r) => [r.action, r.procedure, r.caseId, r.ids])).toEqual([
      ["READ", "1.001234", "HS-1", ["001204000001"]],
      ["DOSSIER_SUBMIT", "1.001234", "HS-1", ["001204000002"]],
      ["READ", "2.000001", "HS-2", ["001204000003"]],
      ["READ", null, "consent:c-1", ["001204000004", "001204000005"]],
      ["READ", "1.001234", "HS-1", null],
      ["READ", "1.001234", "HS-1", null],
    ]);
  });

  it("splits a group past its size, so that no proof carries more than that many commitments", () => {
    const ids = Array.from({ length: 7 }, (_, i) => String(1_204_000_000 + i).padStart(12, "0"));
    const rows = trailRows(
      context,
      ids.map((id) => read("CITIZEN", id, ["Citizen.fullName"])),
      3,
    );
    expect(rows.map((r) => r.ids)).toEqual([ids.slice(0, 3), ids.slice(3, 6), ids.slice(6)]);
  });

  it("refuses an id holding the separator the ids travel with, rather than record it as two", () => {
    expect(() => trailRows(context, [read("LAND_PARCEL", "01-001\u001f7", ["LandParcel.area"])])).toThrow(/U\+001F/);
  });

  it("writes nothing for a request with no entries", () => {
    expect(trailRows(context, [])).toEqual([]);
  });
});
