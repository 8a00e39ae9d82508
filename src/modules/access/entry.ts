/**
 * An audit entry as hashed: the chain trigger's formulas (drizzle/gateway/0011_audit_subject_groups.sql) again,
 * independently, for the verifier and for a citizen's proof checked offline — version 3 (an entry naming a group of
 * subjects by their commitments) and version 2 (one subject, or none) — and the legacy (version 1) formula of the
 * entries written before partitions.
 */
import { hash } from "node:crypto";

/** Chains the trail is split into; the migration that created their heads fixed the number. */
export const AUDIT_PARTITIONS = 16;
export const GENESIS_HASH = "0".repeat(64);

const SEPARATOR = "\u001f";
// crypto.hash, one call: half the time of createHash().update().digest() on an entry (the sealer hashes each twice).
const sha256Hex = (text: string) => hash("sha256", text, "hex");

/** SHA-256(salt ␟ value): what a hash covers of a value a proof may open or leave out. */
function saltedCommitment(salt: string, value: string): string {
  return sha256Hex(`${salt}${SEPARATOR}${value}`);
}

/** What the hash covers of the client: SHA-256(salt ␟ client id), so a proof can name the client or only this. */
export const clientCommitment: (salt: string, clientId: string) => string = saltedCommitment;

/** What a version 3 entry's hash covers of a subject: SHA-256(salt ␟ id), so a proof can name one and hide the rest. */
export const subjectCommitment: (salt: string, id: string) => string = saltedCommitment;

/** An entry of a partition's chain, as stored and as a proof carries it (the client as its commitment). */
export interface ChainEntry {
  seq: number;
  partition: number;
  partitionSeq: number;
  /** ISO 8601 with milliseconds, UTC. */
  recordedAt: string;
  requestId: string;
  clientCommitment: string;
  action: string;
  procedureCode: string | null;
  caseId: string | null;
  subjectKind: string | null;
  /** A version 2 entry's one subject; null in a version 3 entry. */
  subjectId: string | null;
  /** A version 3 entry's subjects, each as subjectCommitment(salt, id), in the entry's order; absent or null in version 2. */
  subjectCommitments?: string[] | null;
  fields: string[];
  prevHash: string;
}

/**
 * The entry's hash: SHA-256 over its fields joined by U+001F, the previous entry's hash last. Version 3 puts its
 * subjects' commitments, joined by commas, where version 2 has its one subject id.
 */
export function auditEntryHash(e: ChainEntry): string {
  const grouped = Array.isArray(e.subjectCommitments);
  return sha256Hex(
    [
      grouped ? "v3" : "v2",
      String(e.seq),
      String(e.partition),
      String(e.partitionSeq),
      e.recordedAt,
      e.requestId,
      e.clientCommitment,
      e.action,
      e.procedureCode ?? "",
      e.caseId ?? "",
      e.subjectKind ?? "",
      grouped ? e.subjectCommitments!.join(",") : (e.subjectId ?? ""),
      e.fields.join(","),
      e.prevHash,
    ].join(SEPARATOR),
  );
}

/** A stored version 3 entry's commitments, from its ids and salts; null for version 2, or when the two do not pair up. */
export function storedCommitments(ids: unknown, salts: unknown): string[] | null {
  if (!Array.isArray(ids) || !Array.isArray(salts) || ids.length !== salts.length || ids.length === 0) return null;
  // Text, one dimension: a nested array or a null read back as text would otherwise pass for an id.
  if (!ids.every((id) => typeof id === "string") || !salts.every((salt) => typeof salt === "string")) return null;
  return ids.map((id: string, i) => subjectCommitment(salts[i] as string, id));
}

/** A legacy entry (written before partitions), hashed as drizzle/gateway/0002_audit_chain.sql did. */
export interface LegacyEntry {
  seq: number;
  recordedAt: Date;
  requestId: string;
  clientId: string;
  action: string;
  procedureCode: string | null;
  caseId: string | null;
  subjectKind: string | null;
  subjectId: string | null;
  fields: string[];
  prevHash: string;
}

export function legacyEntryHash(row: LegacyEntry): string {
  return sha256Hex(
    [
      String(row.seq),
      row.recordedAt.toISOString(),
      row.requestId,
      row.clientId,
      row.action,
      row.procedureCode ?? "",
      row.caseId ?? "",
      row.subjectKind ?? "",
      row.subjectId ?? "",
      row.fields.join(","),
      row.prevHash,
    ].join(SEPARATOR),
  );
}

/**
 * Whether a stored row (gateway.audit_log, columns as the database names them) still gives its stored hash: the
 * trigger's formula recomputed from the row, for the sealer before it signs and for `audit:verify`.
 */
export function storedEntryIntact(r: Record<string, unknown>): boolean {
  const recordedAt = r.recorded_at instanceof Date ? r.recorded_at : new Date(String(r.recorded_at));
  const grouped = r.subject_ids !== null && r.subject_ids !== undefined;
  const subjectCommitments = grouped ? storedCommitments(r.subject_ids, r.subject_salts) : null;
  if (grouped && (subjectCommitments === null || r.subject_id !== null)) return false;
  return (
    auditEntryHash({
      seq: Number(r.seq),
      partition: Number(r.partition),
      partitionSeq: Number(r.partition_seq),
      recordedAt: recordedAt.toISOString(),
      requestId: String(r.request_id),
      clientCommitment: clientCommitment(String(r.client_salt), String(r.client_id)),
      action: String(r.action),
      procedureCode: (r.procedure_code as string | null) ?? null,
      caseId: (r.case_id as string | null) ?? null,
      subjectKind: (r.subject_kind as string | null) ?? null,
      subjectId: (r.subject_id as string | null) ?? null,
      subjectCommitments,
      fields: (r.fields as string[]) ?? [],
      prevHash: String(r.prev_hash),
    }) === r.hash
  );
}
