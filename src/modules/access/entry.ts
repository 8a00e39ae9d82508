/**
 * An audit entry as hashed: the chain trigger's formula (drizzle/gateway/0007_audit_partition_chains.sql) again,
 * independently, for the verifier and for a citizen's proof checked offline. Also the legacy (version 1) formula of
 * the entries written before partitions.
 */
import { hash } from "node:crypto";

/** Chains the trail is split into; the migration that created their heads fixed the number. */
export const AUDIT_PARTITIONS = 16;
export const GENESIS_HASH = "0".repeat(64);

const SEPARATOR = "\u001f";
// crypto.hash, one call: half the time of createHash().update().digest() on an entry (the sealer hashes each twice).
const sha256Hex = (text: string) => hash("sha256", text, "hex");

/** What the hash covers of the client: SHA-256(salt ␟ client id), so a proof can name the client or only this. */
export function clientCommitment(salt: string, clientId: string): string {
  return sha256Hex(`${salt}${SEPARATOR}${clientId}`);
}

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
  subjectId: string | null;
  fields: string[];
  prevHash: string;
}

/** The entry's hash (version 2): SHA-256 over its fields joined by U+001F, the previous entry's hash last. */
export function auditEntryHash(e: ChainEntry): string {
  return sha256Hex(
    [
      "v2",
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
      e.subjectId ?? "",
      e.fields.join(","),
      e.prevHash,
    ].join(SEPARATOR),
  );
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
      fields: (r.fields as string[]) ?? [],
      prevHash: String(r.prev_hash),
    }) === r.hash
  );
}
