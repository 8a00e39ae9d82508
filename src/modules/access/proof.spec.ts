import { describe, expect, it } from "vitest";
import { type CheckpointStatement, ephemeralSigningKey, formatStatement, publicKeyFrom, type SigningKey } from "./checkpoint.js";
import { auditEntryHash, type ChainEntry, clientCommitment, GENESIS_HASH, subjectCommitment } from "./entry.js";
import { inclusionPath, leafHash, rootOf } from "./merkle.js";
import { leafIndexIn, PROOF_FORMAT, PROOF_FORMATS, type ProofDocument, verifyProof } from "./proof.js";

/** A small trail built by hand: `counts[p]` entries in partition p, each chained to the previous one of its partition. */
function trail(counts: Record<number, number>) {
  const entries: (ChainEntry & { hash: string; clientId: string; salt: string })[] = [];
  let seq = 100;
  for (const [p, n] of Object.entries(counts).map(([p, n]) => [Number(p), n] as const)) {
    let prev = GENESIS_HASH;
    for (let position = 1; position <= n; position++) {
      const clientId = position % 2 ? "VN:GOV:000.00.00.H01:reader" : "VN:CIT:001204000777";
      const salt = `${p}-${position}`.padEnd(32, "0");
      const e: ChainEntry = {
        seq: seq++,
        partition: p,
        partitionSeq: position,
        recordedAt: new Date(Date.UTC(2025, 6, 1, 8, 0, position)).toISOString(),
        requestId: `req-${p}-${position}`,
        clientCommitment: clientCommitment(salt, clientId),
        action: "READ",
        procedureCode: "1.001234",
        caseId: `HS-${position}`,
        subjectKind: "CITIZEN",
        subjectId: "001204000001",
        fields: ["Citizen.fullName", "Query.citizen"],
        prevHash: prev,
      };
      const hash = auditEntryHash(e);
      entries.push({ ...e, hash, clientId, salt });
      prev = hash;
    }
  }
  return entries;
}

/** A checkpoint over positions (from, to] of each partition, signed with `key`, and the proof of each entry. */
function checkpoint(entries: ReturnType<typeof trail>, key: SigningKey, from: Record<number, number> = {}) {
  const partitions = [...new Set(entries.map((e) => e.partition))].sort((a, b) => a - b);
  const covered = entries
    .filter((e) => e.partitionSeq > (from[e.partition] ?? 0))
    .sort((a, b) => a.partition - b.partition || a.partitionSeq - b.partitionSeq);
  const leaves = covered.map((e) => leafHash(Buffer.from(e.hash, "hex")));
  const statement: CheckpointStatement = {
    seq: 4,
    time: "2025-07-01T09:00:00.000Z",
    size: covered.length,
    root: rootOf(leaves).toString("hex"),
    prev: "9".repeat(64),
    ranges: partitions.flatMap((p) => {
      const mine = covered.filter((e) => e.partition === p);
      return mine.length === 0
        ? []
        : [{ partition: p, from: from[p] ?? 0, to: mine[mine.length - 1].partitionSeq, toHash: mine[mine.length - 1].hash }];
    }),
  };
  const text = formatStatement(statement);
  const signature = key.sign(text);
  const proofOf = (i: number, showClient = true): ProofDocument => {
    const { clientId, salt, ...e } = covered[i];
    return {
      format: PROOF_FORMAT,
      entry: { ...e, client: showClient ? { id: clientId, salt } : null },
      leafIndex: i,
      path: inclusionPath(i, leaves).map((h) => h.toString("hex")),
      checkpoint: { statement: text, signature, keyId: key.keyId, publicKey: key.publicKeyPem },
    };
  };
  return { statement, text, covered, proofOf };
}

const key = ephemeralSigningKey();
const other = ephemeralSigningKey();
const trusted = publicKeyFrom(key.publicKeyPem)!;
const entries = trail({ 2: 3, 7: 4, 11: 2 });
const cp = checkpoint(entries, key);
const clone = <T>(v: T): T => structuredClone(v);

describe("verifyProof", () => {
  it("holds for every entry of a checkpoint, pinned to the signing key or not", () => {
    expect(cp.covered).toHaveLength(9);
    for (let i = 0; i < cp.covered.length; i++) {
      const doc = cp.proofOf(i);
      expect(verifyProof(doc, trusted)).toEqual({
        holds: true,
        entrySeq: cp.covered[i].seq,
        subject: { kind: "CITIZEN", id: "001204000001" },
        checkpointSeq: 4,
        keyId: key.keyId,
        keyPinned: true,
        recordedAt: cp.covered[i].recordedAt,
      });
      expect(verifyProof(doc)).toMatchObject({ holds: true, keyPinned: false });
      // A JSON round trip (a file) changes nothing.
      expect(verifyProof(JSON.parse(JSON.stringify(doc)), trusted).holds).toBe(true);
    }
  });

  it("holds for trees of every size from 1 to 17, whichever leaf", () => {
    for (let n = 1; n <= 17; n++) {
      const one = checkpoint(trail({ 5: n }), key);
      for (let i = 0; i < n; i++) expect(verifyProof(one.proofOf(i), trusted), `leaf ${i} of ${n}`).toMatchObject({ holds: true });
    }
  });

  it("holds with the client left out: the entry carries only the commitment its hash covers", () => {
    const doc = cp.proofOf(4, false);
    expect(doc.entry.client).toBeNull();
    expect(JSON.stringify(doc)).not.toContain("001204000777");
    expect(verifyProof(doc, trusted).holds).toBe(true);
  });

  it("holds for a checkpoint continuing an earlier one, whose ranges start past position 0", () => {
    const later = checkpoint(entries, key, { 2: 1, 7: 4 });
    expect(later.statement.ranges.map((r) => [r.partition, r.from, r.to])).toEqual([
      [2, 1, 3],
      [11, 0, 2],
    ]);
    for (let i = 0; i < later.covered.length; i++) expect(verifyProof(later.proofOf(i), trusted).holds).toBe(true);
  });

  type Alteration = [string, (d: ProofDocument) => void, RegExp];
  const alterations: Alteration[] = [
    ["the entry's action", (d) => (d.entry.action = "DOSSIER_SUBMITTED"), /entry's content does not match its hash/],
    ["the entry's fields", (d) => d.entry.fields.push("Citizen.religion"), /entry's content does not match its hash/],
    ["the entry's subject", (d) => (d.entry.subjectId = "001204000002"), /entry's content does not match its hash/],
    ["the entry's time", (d) => (d.entry.recordedAt = "2025-07-01T08:00:09.000Z"), /entry's content does not match its hash/],
    ["the entry's case", (d) => (d.entry.caseId = null), /entry's content does not match its hash/],
    ["the entry's previous hash", (d) => (d.entry.prevHash = GENESIS_HASH.replace(/0$/, "1")), /entry's content does not match its hash/],
    ["the entry's seq", (d) => (d.entry.seq += 1), /entry's content does not match its hash/],
    ["the entry's client", (d) => (d.entry.client = { ...d.entry.client!, id: "VN:GOV:000.00.00.H02:other" }), /client was altered/],
    ["the entry's client salt", (d) => (d.entry.client = { ...d.entry.client!, salt: "f".repeat(32) }), /client was altered/],
    [
      "the client and its commitment together",
      (d) => {
        d.entry.client = { id: "VN:GOV:000.00.00.H02:other", salt: "s" };
        d.entry.clientCommitment = clientCommitment("s", "VN:GOV:000.00.00.H02:other");
      },
      /entry's content does not match its hash/,
    ],
    [
      "the entry and its hash together",
      (d) => {
        d.entry.action = "DOSSIER_SUBMITTED";
        d.entry.hash = auditEntryHash(d.entry);
      },
      /audit path does not lead to the root/,
    ],
    ["the entry's position", (d) => (d.entry.partitionSeq = 2), /entry's content does not match its hash/],
    [
      "a node of the path",
      (d) => (d.path[1] = d.path[1].replace(/^./, (c) => (c === "0" ? "1" : "0"))),
      /audit path does not lead to the root/,
    ],
    ["the path cut short", (d) => d.path.pop(), /audit path does not lead to the root/],
    ["the path made longer", (d) => d.path.push("0".repeat(64)), /audit path does not lead to the root/],
    ["the path reversed", (d) => d.path.reverse(), /audit path does not lead to the root/],
    ["the leaf index", (d) => (d.leafIndex += 1), /puts the entry at leaf 7; checkpoint 4 has it at 6/],
    [
      "the statement's time",
      (d) => (d.checkpoint.statement = d.checkpoint.statement.replace("09:00:00.000Z", "09:00:01.000Z")),
      /signature of checkpoint 4 does not verify/,
    ],
    [
      "the statement's root",
      (d) => (d.checkpoint.statement = d.checkpoint.statement.replace(/^root .*$/m, `root ${"0".repeat(64)}`)),
      /audit path does not lead to the root checkpoint 4 signed/,
    ],
    [
      "the statement made unreadable",
      (d) => (d.checkpoint.statement = d.checkpoint.statement.replace("\n", "\r\n")),
      /not a checkpoint statement/,
    ],
    [
      "the statement's range of the entry",
      (d) => (d.checkpoint.statement = d.checkpoint.statement.replace(/^range 7 0 4 /m, "range 7 0 3 ")),
      /does not cover position 4 of partition 7/,
    ],
    [
      "the signature, by another key",
      (d) => (d.checkpoint.signature = other.sign(d.checkpoint.statement)),
      /signature of checkpoint 4 does not verify/,
    ],
    [
      "the signature, garbled",
      (d) => (d.checkpoint.signature = d.checkpoint.signature.slice(0, 40)),
      /signature of checkpoint 4 does not verify/,
    ],
    ["the public key, keeping the key id", (d) => (d.checkpoint.publicKey = other.publicKeyPem), /key id does not match its public key/],
    [
      "the public key, not Ed25519",
      (d) => (d.checkpoint.publicKey = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
      /not an Ed25519 public key/,
    ],
    ["the entry's hash made malformed", (d) => (d.entry.hash = "xyz"), /entry's content does not match its hash/],
    ["a path element not hex", (d) => (d.path[0] = "zz"), /not well formed/],
    ["the fields not a list", (d) => ((d.entry as unknown as { fields: string }).fields = "Citizen.fullName"), /not well formed/],
    ["the position a string", (d) => ((d.entry as unknown as { partitionSeq: string }).partitionSeq = "4"), /not well formed/],
    ["the signature missing", (d) => delete (d.checkpoint as Partial<ProofDocument["checkpoint"]>).signature, /not well formed/],
    ["the entry missing", (d) => delete (d as Partial<ProofDocument>).entry, /no entry or no checkpoint/],
  ];

  it.each(alterations)("fails when %s is altered", (_, alter, problem) => {
    const doc = clone(cp.proofOf(6));
    expect(doc.entry.partition).toBe(7);
    expect(doc.entry.partitionSeq).toBe(4);
    expect(verifyProof(doc, trusted).holds).toBe(true);
    alter(doc);
    const verdict = verifyProof(doc, trusted);
    expect(verdict.holds).toBe(false);
    expect(verdict.holds === false && verdict.problem).toMatch(problem);
  });

  it("fails a checkpoint signed by another key when the gateway's key is given, and only then", () => {
    const forged = checkpoint(entries, other);
    expect(verifyProof(forged.proofOf(0)).holds).toBe(true);
    const verdict = verifyProof(forged.proofOf(0), trusted);
    expect(verdict).toEqual({
      holds: false,
      problem: expect.stringMatching(new RegExp(`signed by key ${other.keyId}, not by the key given \\(${key.keyId}\\)`)),
    });
  });

  it("fails what is not a proof", () => {
    for (const value of [null, undefined, 42, "proof", [], {}, { entry: {} }, { checkpoint: {} }]) {
      expect(verifyProof(value, trusted).holds).toBe(false);
    }
  });
});

describe("leafIndexIn", () => {
  const statement: CheckpointStatement = {
    seq: 1,
    time: "2025-07-01T09:00:00.000Z",
    size: 6,
    root: "0".repeat(64),
    prev: GENESIS_HASH,
    ranges: [
      { partition: 1, from: 0, to: 3, toHash: "1".repeat(64) },
      { partition: 4, from: 2, to: 5, toHash: "4".repeat(64) },
    ],
  };

  it("counts the leaves of the ranges before the entry's, then its place in its own", () => {
    expect([1, 2, 3].map((pos) => leafIndexIn(statement, 1, pos))).toEqual([0, 1, 2]);
    expect([3, 4, 5].map((pos) => leafIndexIn(statement, 4, pos))).toEqual([3, 4, 5]);
  });

  it("is null outside the ranges: before from (exclusive), past to, another partition", () => {
    expect(leafIndexIn(statement, 1, 0)).toBeNull();
    expect(leafIndexIn(statement, 1, 4)).toBeNull();
    expect(leafIndexIn(statement, 4, 2)).toBeNull();
    expect(leafIndexIn(statement, 4, 1)).toBeNull();
    expect(leafIndexIn(statement, 4, 6)).toBeNull();
    expect(leafIndexIn(statement, 2, 1)).toBeNull();
    expect(leafIndexIn({ ...statement, ranges: [] }, 1, 1)).toBeNull();
  });

  it("agrees with the order the hand-built checkpoint put its leaves in", () => {
    cp.covered.forEach((e, i) => expect(leafIndexIn(cp.statement, e.partition, e.partitionSeq)).toBe(i));
  });
});

describe("verifyProof of a group entry (entry version 3, proof format v2)", () => {
  const ids = ["001204000011", "001204000012", "001204000013"];
  const salts = ids.map((_, i) => `group-salt-${i}`.padEnd(32, "0"));
  // Partition 5: a version 2 entry, then a group naming three people.
  const single = trail({ 5: 1 })[0];
  const group: ChainEntry = {
    ...single,
    seq: single.seq + 1,
    partitionSeq: 2,
    requestId: "req-group",
    subjectId: null,
    subjectCommitments: ids.map((id, i) => subjectCommitment(salts[i], id)),
    prevHash: single.hash,
  };
  const groupCp = checkpoint([single, { ...group, hash: auditEntryHash(group), clientId: single.clientId, salt: single.salt }], key);
  const proofFor = (k: number): ProofDocument => {
    const doc = groupCp.proofOf(1);
    return { ...doc, entry: { ...doc.entry, subject: { index: k, id: ids[k], salt: salts[k] } } };
  };

  it("holds for each person of the group, opening only their own commitment, and says whom it is about", () => {
    for (const k of [0, 1, 2]) {
      const doc = proofFor(k);
      expect(verifyProof(doc, trusted)).toMatchObject({ holds: true, entrySeq: group.seq, subject: { kind: "CITIZEN", id: ids[k] } });
      const text = JSON.stringify(doc);
      for (const j of [0, 1, 2].filter((j) => j !== k)) {
        expect(text).not.toContain(ids[j]);
        expect(text).not.toContain(salts[j]);
      }
    }
  });

  const broken: [string, (d: ProofDocument) => void, RegExp][] = [
    ["another person's id at this place", (d) => (d.entry.subject!.id = ids[2]), /the subject was altered/],
    ["another place", (d) => (d.entry.subject!.index = 2), /the subject was altered/],
    ["a place past the end", (d) => (d.entry.subject!.index = 3), /the subject was altered/],
    ["a negative place", (d) => (d.entry.subject!.index = -1), /the subject was altered/],
    ["a fractional place", (d) => (d.entry.subject!.index = 0.5), /not well formed/],
    ["no subject opened", (d) => delete d.entry.subject, /not well formed/],
    [
      "commitments as a string",
      (d) => ((d.entry as unknown as Record<string, unknown>).subjectCommitments = d.entry.subjectCommitments!.join(",")),
      /not well formed/,
    ],
    ["no commitments", (d) => (d.entry.subjectCommitments = []), /not well formed/],
    ["a commitment not hex", (d) => (d.entry.subjectCommitments![0] = "x".repeat(64)), /not well formed/],
    ["a subject id beside the commitments", (d) => (d.entry.subjectId = ids[1]), /not well formed/],
    ["a commitment replaced", (d) => (d.entry.subjectCommitments![0] = "0".repeat(64)), /the entry was altered/],
    ["the commitments reordered", (d) => d.entry.subjectCommitments!.reverse(), /the subject was altered|the entry was altered/],
    ["a version 1 label on a version 2 proof", (d) => (d.format = PROOF_FORMATS[0]), /not well formed/],
    ["a format no verifier reads", (d) => (d.format = "ndaf-gateway audit proof v9"), /not in a format/],
  ];
  it.each(broken)("fails with %s", (_, alter, problem) => {
    const doc = clone(proofFor(1));
    alter(doc);
    const verdict = verifyProof(doc, trusted);
    expect(verdict.holds).toBe(false);
    expect(!verdict.holds && verdict.problem).toMatch(problem);
  });

  it("fails a version 2 entry's proof that claims to open a subject", () => {
    const doc = clone(groupCp.proofOf(0));
    doc.entry.subject = { index: 0, id: "001204000099", salt: "0".repeat(32) };
    expect(verifyProof(doc, trusted)).toMatchObject({ holds: false, problem: expect.stringMatching(/not well formed/) });
  });

  it("still reads proofs saved in format v1 (version 2 entries)", () => {
    const doc = { ...cp.proofOf(0), format: PROOF_FORMATS[0] };
    expect(PROOF_FORMATS[0]).toBe("ndaf-gateway audit proof v1");
    expect(verifyProof(doc, trusted)).toMatchObject({ holds: true, subject: { kind: "CITIZEN", id: "001204000001" } });
  });
});
