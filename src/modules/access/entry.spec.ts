import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  AUDIT_PARTITIONS,
  auditEntryHash,
  type ChainEntry,
  clientCommitment,
  GENESIS_HASH,
  type LegacyEntry,
  legacyEntryHash,
  storedCommitments,
  storedEntryIntact,
  subjectCommitment,
} from "./entry.js";

// Vectors computed outside Node (printf … | sha256sum), so the formulas are pinned, not only self-consistent.
const SALT_VECTOR = {
  salt: "salt",
  clientId: "VN:CIT:001204000001",
  commitment: "7f82d03edbb52d7f4fcc3998b50b07bf609ea5e46e20c855e83a217c26fb4963",
};

const entry: ChainEntry = {
  seq: 7,
  partition: 3,
  partitionSeq: 12,
  recordedAt: "2025-07-01T08:09:10.123Z",
  requestId: "req-1",
  clientCommitment: SALT_VECTOR.commitment,
  action: "READ",
  procedureCode: "1.001234",
  caseId: "HS-1",
  subjectKind: "CITIZEN",
  subjectId: "001204000001",
  fields: ["Citizen.fullName", "Query.citizen"],
  prevHash: GENESIS_HASH,
};

/** The hash of `entry` written out by hand, with its version tag and what stands where its subject is. */
function handHashed(version: string, subjects: string): string {
  const text = [
    version,
    "7",
    "3",
    "12",
    entry.recordedAt,
    entry.requestId,
    entry.clientCommitment,
    "READ",
    "1.001234",
    "HS-1",
    "CITIZEN",
    subjects,
    "Citizen.fullName,Query.citizen",
    GENESIS_HASH,
  ].join("\u001f");
  return createHash("sha256").update(text, "utf8").digest("hex");
}

describe("AUDIT_PARTITIONS", () => {
  it("is the 16 heads drizzle/gateway/0007_audit_partition_chains.sql creates (its trigger's pg_backend_pid() % 16)", () => {
    expect(AUDIT_PARTITIONS).toBe(16);
  });
});

describe("clientCommitment", () => {
  it("is SHA-256(salt ␟ client id)", () => {
    expect(clientCommitment(SALT_VECTOR.salt, SALT_VECTOR.clientId)).toBe(SALT_VECTOR.commitment);
  });

  it("changes with the salt and with the client", () => {
    const base = clientCommitment("a".repeat(32), "VN:CIT:001204000001");
    expect(clientCommitment("b".repeat(32), "VN:CIT:001204000001")).not.toBe(base);
    expect(clientCommitment("a".repeat(32), "VN:CIT:001204000002")).not.toBe(base);
    // The separator keeps salt and id apart: moving a character across it is another commitment.
    expect(clientCommitment("ab", "c")).not.toBe(clientCommitment("a", "bc"));
  });
});

describe("auditEntryHash", () => {
  it("is SHA-256 over the version-2 fields joined by U+001F, as computed by sha256sum", () => {
    expect(auditEntryHash(entry)).toBe("24f269c1adfe6077025c6dc726a631ee77b39a21dafb9e290738e3a89195ad02");
    // Nulls and an empty field list hash as empty strings (the SQL trigger's coalesce and array_to_string).
    expect(auditEntryHash({ ...entry, procedureCode: null, caseId: null, subjectKind: null, subjectId: null, fields: [] })).toBe(
      "a94e8240263abdbfa45ba9891b39cb456302bd30b37154dd61699f30515244e0",
    );
  });

  it("is the same formula written out by hand", () => {
    expect(auditEntryHash(entry)).toBe(handHashed("v2", "001204000001"));
  });

  const alterations: [keyof ChainEntry, unknown][] = [
    ["seq", 8],
    ["partition", 4],
    ["partitionSeq", 13],
    ["recordedAt", "2025-07-01T08:09:10.124Z"],
    ["requestId", "req-2"],
    ["clientCommitment", clientCommitment("salt", "VN:GOV:OTHER")],
    ["action", "DOSSIER_SUBMITTED"],
    ["procedureCode", "1.001235"],
    ["procedureCode", null],
    ["caseId", "HS-2"],
    ["caseId", null],
    ["subjectKind", "ENTERPRISE"],
    ["subjectKind", null],
    ["subjectId", "001204000002"],
    ["subjectId", null],
    ["fields", ["Citizen.fullName"]],
    ["fields", ["Query.citizen", "Citizen.fullName"]],
    ["fields", []],
    ["prevHash", "1".repeat(64)],
  ];
  it.each(alterations)("changes when %s becomes %j", (field, value) => {
    const original = auditEntryHash(entry);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEntryHash({ ...entry, [field]: value })).not.toBe(original);
  });

  it("covers every field of an entry (no field left out of the alterations above)", () => {
    expect(new Set(alterations.map(([f]) => f))).toEqual(new Set(Object.keys(entry)));
  });

  it("does not depend on anything but the entry", () => {
    expect(auditEntryHash({ ...entry, fields: [...entry.fields] })).toBe(auditEntryHash(entry));
  });
});

describe("a version 3 entry (a group of subjects)", () => {
  const ids = ["001204000001", "001204000002"];
  const salts = ["salt", "b".repeat(32)];
  const group: ChainEntry = { ...entry, subjectId: null, subjectCommitments: ids.map((id, i) => subjectCommitment(salts[i], id)) };

  it("covers each subject as SHA-256(salt ␟ id), as computed by sha256sum", () => {
    expect(subjectCommitment("salt", "001204000001")).toBe("6e5ee688885bd89cd614bdfc2031e1b8b0e676d34b56a53d5faaceda4d35cd4f");
    expect(subjectCommitment("ab", "c")).not.toBe(subjectCommitment("a", "bc"));
  });

  it("is the version-2 formula with v3 and the commitments, joined by commas, where the subject id was", () => {
    expect(auditEntryHash(group)).toBe(handHashed("v3", group.subjectCommitments!.join(",")));
    // Not a version 2 entry's hash, even for a group of one named as that entry's subject.
    const one = { ...entry, subjectId: null, subjectCommitments: [subjectCommitment("salt", entry.subjectId!)] };
    expect(auditEntryHash(one)).not.toBe(auditEntryHash(entry));
    expect(auditEntryHash({ ...group, subjectCommitments: [] })).not.toBe(auditEntryHash({ ...group, subjectCommitments: null }));
  });

  it.each<[string, string[]]>([
    ["reordered", [...group.subjectCommitments!].reverse()],
    ["one dropped", group.subjectCommitments!.slice(1)],
    ["one added", [...group.subjectCommitments!, subjectCommitment("c", "001204000003")]],
    ["one changed", [group.subjectCommitments![0], subjectCommitment("other salt", ids[1])]],
  ])("changes when its commitments are %s", (_, commitments) => {
    expect(auditEntryHash({ ...group, subjectCommitments: commitments })).not.toBe(auditEntryHash(group));
  });

  it("is read from a stored row: its ids and salts paired, nothing else", () => {
    const row = {
      seq: 7,
      partition: 3,
      partition_seq: 12,
      recorded_at: new Date(entry.recordedAt),
      request_id: "req-1",
      client_id: SALT_VECTOR.clientId,
      client_salt: SALT_VECTOR.salt,
      action: "READ",
      procedure_code: "1.001234",
      case_id: "HS-1",
      subject_kind: "CITIZEN",
      subject_id: null,
      subject_ids: ids,
      subject_salts: salts,
      fields: entry.fields,
      prev_hash: GENESIS_HASH,
      hash: auditEntryHash(group),
    };
    expect(storedCommitments(ids, salts)).toEqual(group.subjectCommitments);
    expect(storedEntryIntact(row)).toBe(true);
    expect(storedEntryIntact({ ...row, subject_ids: [...ids].reverse() })).toBe(false);
    expect(storedEntryIntact({ ...row, subject_salts: salts.slice(1) })).toBe(false);
    expect(storedEntryIntact({ ...row, subject_salts: null })).toBe(false);
    expect(storedEntryIntact({ ...row, subject_id: ids[0] })).toBe(false);
    expect(storedEntryIntact({ ...row, subject_ids: null, subject_salts: null })).toBe(false);
  });
});

describe("legacyEntryHash", () => {
  const legacy: LegacyEntry = {
    seq: 1,
    recordedAt: new Date("2025-01-02T03:04:05.678Z"),
    requestId: "req-legacy",
    clientId: "VN:GOV:000.00.00.H01:test",
    action: "READ",
    procedureCode: "1.001234",
    caseId: "HS-1",
    subjectKind: "CITIZEN",
    subjectId: "001204000001",
    fields: ["Citizen.fullName"],
    prevHash: GENESIS_HASH,
  };

  it("is the version-1 formula: the client id itself, no version, partition or salt", () => {
    const text = [
      "1",
      "2025-01-02T03:04:05.678Z",
      "req-legacy",
      "VN:GOV:000.00.00.H01:test",
      "READ",
      "1.001234",
      "HS-1",
      "CITIZEN",
      "001204000001",
      "Citizen.fullName",
      GENESIS_HASH,
    ].join("\u001f");
    expect(legacyEntryHash(legacy)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it.each<[keyof LegacyEntry, unknown]>([
    ["seq", 2],
    ["recordedAt", new Date("2025-01-02T03:04:05.679Z")],
    ["requestId", "req-other"],
    ["clientId", "VN:GOV:OTHER"],
    ["action", "DOSSIER_SUBMITTED"],
    ["procedureCode", null],
    ["caseId", null],
    ["subjectKind", "ENTERPRISE"],
    ["subjectId", "001204000002"],
    ["fields", []],
    ["prevHash", "2".repeat(64)],
  ])("changes when %s changes", (field, value) => {
    expect(legacyEntryHash({ ...legacy, [field]: value })).not.toBe(legacyEntryHash(legacy));
  });
});
