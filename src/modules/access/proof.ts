/**
 * A citizen's proof that an entry of their access log is in the signed trail: the entry as hashed, its RFC 6962
 * audit path, and the signed checkpoint with the public key — one self-contained JSON document, verified offline by
 * `npx ndaf-gateway audit verify-proof <file>` (verifyProof). Another citizen's client id is left out of it: the
 * entry then carries only the commitment its hash covers. So are the other subjects of a version 3 entry: the proof
 * names its reader's subject (id, salt, place) and carries the rest as commitments.
 */
import type { KeyObject } from "node:crypto";
import { type CheckpointStatement, keyIdOf, parseStatement, publicKeyFrom, verifyStatement } from "./checkpoint.js";
import { auditEntryHash, type ChainEntry, clientCommitment, subjectCommitment } from "./entry.js";
import { leafHash, rootFromInclusion } from "./merkle.js";

/** The format proofs are issued in: version 2 carries a version 3 entry's subject commitments. */
export const PROOF_FORMAT = "ndaf-gateway audit proof v2";
/** Formats verifyProof reads: a proof saved before version 2 still verifies. */
export const PROOF_FORMATS: readonly string[] = ["ndaf-gateway audit proof v1", PROOF_FORMAT];

export interface ProofDocument {
  format: string;
  entry: ChainEntry & {
    /** The reading client and the salt of its commitment; null when it is another citizen (their id is personal). */
    client: { id: string; salt: string } | null;
    /** In a version 3 entry, the proof's own subject: its id, its commitment's salt and its place among the commitments. */
    subject?: { index: number; id: string; salt: string };
    hash: string;
  };
  /** The entry's leaf in the checkpoint's tree: entries in (partition, position) order. */
  leafIndex: number;
  /** Hex sibling hashes from the leaf up. */
  path: string[];
  checkpoint: { statement: string; signature: string; keyId: string; publicKey: string };
}

/** Where an entry's leaf is in a checkpoint's tree; null when the checkpoint does not cover it. */
export function leafIndexIn(statement: CheckpointStatement, partition: number, position: number): number | null {
  let offset = 0;
  for (const r of statement.ranges) {
    if (r.partition === partition) return position > r.from && position <= r.to ? offset + (position - r.from - 1) : null;
    offset += r.to - r.from;
  }
  return null;
}

export type ProofVerdict =
  | {
      holds: true;
      entrySeq: number;
      /** Whom the entry is about: its one subject, or in a group the one the proof opens (null for a read naming no one). */
      subject: { kind: string; id: string } | null;
      checkpointSeq: number;
      keyId: string;
      keyPinned: boolean;
      recordedAt: string;
    }
  | { holds: false; problem: string };

const HEX64 = /^[0-9a-f]{64}$/;

function isString(v: unknown): v is string {
  return typeof v === "string";
}

/**
 * Whether a proof holds: the entry's hash from its content, the path to the signed root, the statement's signature
 * by the key it names — and, given `trustedKey` (the gateway's published public key), that it is that key.
 */
export function verifyProof(doc: unknown, trustedKey?: KeyObject): ProofVerdict {
  const fail = (problem: string): ProofVerdict => ({ holds: false, problem });
  if (!doc || typeof doc !== "object") return fail("The proof is not a JSON object.");
  const d = doc as Partial<ProofDocument>;
  const e = d.entry;
  const c = d.checkpoint;
  if (!e || typeof e !== "object" || !c || typeof c !== "object") return fail("The proof has no entry or no checkpoint.");
  if (typeof d.format !== "string" || !PROOF_FORMATS.includes(d.format)) return fail("The proof is not in a format this verifier reads.");
  // A version 3 entry's proof (format v2 only) carries its commitments and opens its reader's; any other opens none.
  const commitments = e.subjectCommitments;
  const s = e.subject;
  const grouped = commitments !== undefined && commitments !== null;
  const subjectsWellFormed = grouped
    ? d.format === PROOF_FORMAT &&
      Array.isArray(commitments) &&
      commitments.length > 0 &&
      commitments.every((h) => isString(h) && HEX64.test(h)) &&
      e.subjectId === null &&
      !!s &&
      typeof s === "object" &&
      Number.isSafeInteger(s.index) &&
      isString(s.id) &&
      isString(s.salt)
    : s === undefined;
  const wellFormed =
    subjectsWellFormed &&
    [e.seq, e.partition, e.partitionSeq].every((n) => Number.isSafeInteger(n)) &&
    [e.recordedAt, e.requestId, e.clientCommitment, e.action, e.prevHash, e.hash].every(isString) &&
    [e.procedureCode, e.caseId, e.subjectKind, e.subjectId].every((v) => v === null || isString(v)) &&
    Array.isArray(e.fields) &&
    e.fields.every(isString) &&
    (e.client === null || (typeof e.client === "object" && isString(e.client?.id) && isString(e.client?.salt))) &&
    Number.isSafeInteger(d.leafIndex) &&
    Array.isArray(d.path) &&
    d.path.every((p) => isString(p) && HEX64.test(p)) &&
    [c.statement, c.signature, c.keyId, c.publicKey].every(isString);
  if (!wellFormed) return fail("The proof is not well formed: a field is missing or of the wrong type.");

  if (grouped && commitments[s!.index] !== subjectCommitment(s!.salt, s!.id)) {
    return fail("The entry's subject does not match the commitment its hash covers: the subject was altered.");
  }
  if (e.client && clientCommitment(e.client.salt, e.client.id) !== e.clientCommitment) {
    return fail("The entry's client does not match the commitment its hash covers: the client was altered.");
  }
  if (auditEntryHash(e) !== e.hash || !HEX64.test(e.hash))
    return fail("The entry's content does not match its hash: the entry was altered.");

  const statement = parseStatement(c.statement);
  if (!statement) return fail("The checkpoint's statement is not a checkpoint statement: it was altered.");
  const index = leafIndexIn(statement, e.partition!, e.partitionSeq!);
  if (index === null) return fail(`Checkpoint ${statement.seq} does not cover position ${e.partitionSeq} of partition ${e.partition}.`);
  if (index !== d.leafIndex)
    return fail(`The proof puts the entry at leaf ${d.leafIndex}; checkpoint ${statement.seq} has it at ${index}.`);
  const root = rootFromInclusion(
    index,
    statement.size,
    leafHash(Buffer.from(e.hash, "hex")),
    d.path!.map((p) => Buffer.from(p, "hex")),
  );
  if (!root || root.toString("hex") !== statement.root) {
    return fail(`The audit path does not lead to the root checkpoint ${statement.seq} signed: the entry or the path was altered.`);
  }

  const publicKey = publicKeyFrom(c.publicKey!);
  if (!publicKey) return fail("The checkpoint's public key is not an Ed25519 public key.");
  if (keyIdOf(publicKey) !== c.keyId) return fail("The checkpoint's key id does not match its public key.");
  if (trustedKey && keyIdOf(trustedKey) !== c.keyId) {
    return fail(`The checkpoint is signed by key ${c.keyId}, not by the key given (${keyIdOf(trustedKey)}).`);
  }
  // Given a trusted key, the signature is checked with it, not with the key the proof carries.
  if (!verifyStatement(c.statement!, c.signature!, trustedKey ?? publicKey)) {
    return fail(`The signature of checkpoint ${statement.seq} does not verify: the checkpoint was altered.`);
  }
  const subjectId = e.subject?.id ?? e.subjectId ?? null;
  return {
    holds: true,
    entrySeq: e.seq!,
    subject: e.subjectKind && subjectId ? { kind: e.subjectKind, id: subjectId } : null,
    checkpointSeq: statement.seq,
    keyId: c.keyId!,
    keyPinned: Boolean(trustedKey),
    recordedAt: e.recordedAt!,
  };
}
