/**
 * `npm run audit:verify`'s check of the whole trail, with independent implementations of the hashes: the closed
 * legacy chain, every partition's chain (gap-free, linked, each entry matching its hash, the head matching the
 * end), and every checkpoint — its signature by a key the verifier trusts, its link to the previous one, its ranges
 * continuing where the previous one stopped, and the entries it covers still giving its signed root. A past rewritten
 * with freshly computed hashes passes the chains and is caught by the first checkpoint it contradicts.
 */
import type { KeyObject } from "node:crypto";
import type { Source } from "../../platform/db/source.js";
import { type CheckpointStatement, keyIdOf, parseStatement, statementHash, verifyStatement } from "./checkpoint.js";
import { AUDIT_PARTITIONS, GENESIS_HASH, legacyEntryHash, storedEntryIntact } from "./entry.js";
import { leafHash, rootOf } from "./merkle.js";

export type TrailProblemKind =
  | "ALTERED"
  | "REMOVED"
  | "INSERTED"
  | "HEAD_MISMATCH"
  | "CHECKPOINT_ALTERED"
  | "CHECKPOINT_UNKNOWN_KEY"
  | "CHECKPOINT_CHAIN"
  | "CHECKPOINT_CONTRADICTED";

export interface TrailProblem {
  kind: TrailProblemKind;
  /** The partition of the entry or range; null for the legacy chain or a checkpoint as a whole. */
  partition: number | null;
  /** The entry's position in its partition (legacy chain: its seq). */
  position: number | null;
  checkpoint: number | null;
  message: string;
}

export interface TrailReport {
  legacyEntries: number;
  entries: number;
  checkpoints: number;
  /** Entries no checkpoint covers yet (they are chained, and will be checkpointed). */
  uncovered: number;
  heads: { partition: number; position: number; hash: string }[];
  lastCheckpoint: { seq: number; statementHash: string } | null;
  problems: TrailProblem[];
}

const PAGE = 5000;
/** Problems reported at most: past them the trail is plainly not intact. */
const MAX_PROBLEMS = 20;
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export async function verifyAuditTrail(gateway: Source, trustedKeys: readonly KeyObject[]): Promise<TrailReport> {
  const problems: TrailProblem[] = [];
  const report = (p: Omit<TrailProblem, "partition" | "position" | "checkpoint"> & Partial<TrailProblem>) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ partition: null, position: null, checkpoint: null, ...p });
  };
  const legacyEntries = await verifyLegacy(gateway, report);

  // Every partition's chain.
  const heads = await gateway.raw<{ partition: unknown; last_seq: unknown; last_hash: string }>(
    "select partition, last_seq, last_hash from gateway.audit_partition_heads order by partition",
  );
  if (heads.length !== AUDIT_PARTITIONS)
    report({ kind: "HEAD_MISMATCH", message: `The trail has ${heads.length} partition heads, not ${AUDIT_PARTITIONS}.` });
  let entries = 0;
  const ends: TrailReport["heads"] = [];
  for (const head of heads) {
    const partition = Number(head.partition);
    let expected = 1;
    let prev = GENESIS_HASH;
    // Set when the walk stops at a problem: where the chain really ends is then unknown, so its head is not judged.
    let stopped = false;
    broken: for (;;) {
      const page = await gateway.raw<Record<string, unknown>>(
        `select seq, partition, partition_seq, recorded_at, request_id, client_id, client_salt, action, procedure_code, case_id, subject_kind,
                subject_id, subject_ids, subject_salts, fields, prev_hash, hash
         from gateway.audit_log where partition = $1 and partition_seq >= $2 order by partition_seq limit ${PAGE}`,
        [partition, expected],
      );
      for (const r of page) {
        const position = Number(r.partition_seq);
        const hash = String(r.hash);
        const intact = storedEntryIntact(r);
        const at = { partition, position };
        if (position > expected) {
          report({
            kind: "REMOVED",
            ...at,
            position: expected,
            message: `Partition ${partition}: entries ${expected}–${position - 1} removed.`,
          });
          stopped = true;
          break broken;
        }
        if (String(r.prev_hash) !== prev) {
          report({
            kind: intact ? "INSERTED" : "ALTERED",
            ...at,
            message: intact
              ? `Partition ${partition}: entry ${position} does not follow entry ${position - 1}: its predecessor was replaced, or it was inserted.`
              : `Partition ${partition}: entry ${position} was altered: its previous hash does not match entry ${position - 1}.`,
          });
          stopped = true;
          break broken;
        }
        if (!intact) {
          report({
            kind: "ALTERED",
            ...at,
            message: `Partition ${partition}: entry ${position} was altered: its content no longer matches its hash.`,
          });
          stopped = true;
          break broken;
        }
        prev = hash;
        expected = position + 1;
        entries++;
      }
      if (page.length < PAGE) break;
    }
    ends.push({ partition, position: expected - 1, hash: prev });
    if (!stopped && (Number(head.last_seq) !== expected - 1 || head.last_hash !== prev)) {
      report({
        kind: Number(head.last_seq) > expected - 1 ? "REMOVED" : "HEAD_MISMATCH",
        partition,
        position: expected,
        message: `Partition ${partition}: its head names entry ${head.last_seq}, but the chain ends at entry ${expected - 1}${Number(head.last_seq) > expected - 1 ? ": its last entries were removed" : ""}.`,
      });
    }
  }

  // Entries outside the 16 chains (a partition no head has, or no position) would be walked by nothing above.
  const [stray] = await gateway.raw<{ n: unknown }>(
    `select count(*) as n from gateway.audit_log
     where partition is not null and (partition < 0 or partition >= ${AUDIT_PARTITIONS} or partition_seq is null)`,
  );
  if (Number(stray.n) > 0) {
    report({
      kind: "INSERTED",
      message: `${Number(stray.n)} entries sit outside the trail's ${AUDIT_PARTITIONS} partitions: they were inserted.`,
    });
  }

  const checked = await verifyCheckpoints(gateway, trustedKeys, report);
  const coveredTotal = checked.covered.reduce((a, b) => a + b, 0);
  return {
    legacyEntries,
    entries,
    checkpoints: checked.count,
    uncovered: Math.max(0, entries - coveredTotal),
    heads: ends,
    lastCheckpoint: checked.last,
    problems,
  };
}

type Report = (p: Omit<TrailProblem, "partition" | "position" | "checkpoint"> & Partial<TrailProblem>) => void;

async function verifyCheckpoints(
  gateway: Source,
  trustedKeys: readonly KeyObject[],
  report: Report,
): Promise<{ count: number; covered: number[]; last: TrailReport["lastCheckpoint"] }> {
  const keys = new Map(trustedKeys.map((k) => [keyIdOf(k), k]));
  const covered = new Array<number>(AUDIT_PARTITIONS).fill(0);
  const lastHash = new Map<number, string>();
  let prev = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  let last: TrailReport["lastCheckpoint"] = null;
  for (;;) {
    const page = await gateway.raw<Record<string, unknown>>(
      `select seq, size, root, prev_hash, covered, statement, key_id, signature from gateway.audit_checkpoints
       where seq >= $1 order by seq limit 500`,
      [expected],
    );
    for (const row of page) {
      const seq = Number(row.seq);
      const at = { checkpoint: seq };
      if (seq !== expected) {
        report({ kind: "CHECKPOINT_CHAIN", ...at, message: `Checkpoints ${expected}–${seq - 1} were removed.` });
        return { count, covered, last };
      }
      const text = String(row.statement);
      const statement = parseStatement(text);
      if (
        !statement ||
        statement.seq !== seq ||
        statement.size !== Number(row.size) ||
        statement.root !== row.root ||
        statement.prev !== row.prev_hash
      ) {
        report({
          kind: "CHECKPOINT_ALTERED",
          ...at,
          message: `Checkpoint ${seq}'s statement was altered (it no longer says what its row says).`,
        });
        return { count, covered, last };
      }
      const key = keys.get(String(row.key_id));
      if (!key) {
        report({
          kind: "CHECKPOINT_UNKNOWN_KEY",
          ...at,
          message: `Checkpoint ${seq} is signed by key ${String(row.key_id)}, which is not a key this check trusts (pass it with --public-key).`,
        });
        return { count, covered, last };
      }
      if (!verifyStatement(text, String(row.signature), key)) {
        report({
          kind: "CHECKPOINT_ALTERED",
          ...at,
          message: `Checkpoint ${seq}'s signature does not verify: the checkpoint was altered.`,
        });
        return { count, covered, last };
      }
      if (statement.prev !== prev) {
        report({
          kind: "CHECKPOINT_CHAIN",
          ...at,
          message: `Checkpoint ${seq} does not follow checkpoint ${seq - 1}: a checkpoint was replaced or removed.`,
        });
        return { count, covered, last };
      }
      if (!(await coveredEntriesAgree(gateway, statement, covered, lastHash, report))) return { count, covered, last };
      const storedCovered = (row.covered as unknown[]).map(Number);
      if (storedCovered.length !== AUDIT_PARTITIONS || storedCovered.some((n, p) => n !== covered[p])) {
        report({ kind: "CHECKPOINT_ALTERED", ...at, message: `Checkpoint ${seq}'s coverage column no longer matches its signed ranges.` });
        return { count, covered, last };
      }
      prev = statementHash(text);
      last = { seq, statementHash: prev };
      expected = seq + 1;
      count++;
    }
    if (page.length < 500) break;
  }
  return { count, covered, last };
}

/**
 * The entries a checkpoint's ranges name still give its root: each range continues the previous checkpoint's
 * coverage of its partition, is gap-free and linked, ends at the signed hash. Updates `covered` and `lastHash`.
 */
async function coveredEntriesAgree(
  gateway: Source,
  s: CheckpointStatement,
  covered: number[],
  lastHash: Map<number, string>,
  report: Report,
): Promise<boolean> {
  const ranges = await gateway.raw<{ partition: unknown; from_seq: unknown; to_seq: unknown; to_hash: string }>(
    "select partition, from_seq, to_seq, to_hash from gateway.audit_checkpoint_ranges where checkpoint_seq = $1 order by partition",
    [s.seq],
  );
  const same =
    ranges.length === s.ranges.length &&
    ranges.every(
      (r, i) =>
        Number(r.partition) === s.ranges[i].partition &&
        Number(r.from_seq) === s.ranges[i].from &&
        Number(r.to_seq) === s.ranges[i].to &&
        r.to_hash === s.ranges[i].toHash,
    );
  if (!same) {
    report({
      kind: "CHECKPOINT_ALTERED",
      checkpoint: s.seq,
      message: `Checkpoint ${s.seq}'s stored ranges no longer match its signed statement.`,
    });
    return false;
  }
  const leaves: Buffer[] = [];
  for (const r of s.ranges) {
    if (r.partition >= AUDIT_PARTITIONS || r.from !== covered[r.partition] || r.to <= r.from) {
      report({
        kind: "CHECKPOINT_CHAIN",
        checkpoint: s.seq,
        partition: r.partition,
        message: `Checkpoint ${s.seq} covers partition ${r.partition} from entry ${r.from + 1}, but the checkpoints before it stop at ${covered[r.partition] ?? "?"}.`,
      });
      return false;
    }
    const rows = await gateway.raw<{ partition_seq: unknown; prev_hash: string; hash: string }>(
      "select partition_seq, prev_hash, hash from gateway.audit_log where partition = $1 and partition_seq > $2 and partition_seq <= $3 order by partition_seq",
      [r.partition, r.from, r.to],
    );
    let prev = lastHash.get(r.partition) ?? GENESIS_HASH;
    let linked = rows.length === r.to - r.from;
    for (let i = 0; linked && i < rows.length; i++) {
      linked = Number(rows[i].partition_seq) === r.from + i + 1 && rows[i].prev_hash === prev;
      prev = rows[i].hash;
    }
    if (!linked || prev !== r.toHash) {
      report({
        kind: "CHECKPOINT_CONTRADICTED",
        checkpoint: s.seq,
        partition: r.partition,
        position: r.from + 1,
        message: `Partition ${r.partition}'s entries ${r.from + 1}–${r.to} no longer match checkpoint ${s.seq} (signed ${s.time}): the past was rewritten.`,
      });
      return false;
    }
    for (const row of rows) leaves.push(leafHash(Buffer.from(row.hash, "hex")));
    covered[r.partition] = r.to;
    lastHash.set(r.partition, r.toHash);
  }
  if (leaves.length !== s.size || rootOf(leaves).toString("hex") !== s.root) {
    report({
      kind: "CHECKPOINT_CONTRADICTED",
      checkpoint: s.seq,
      message: `The entries checkpoint ${s.seq} covers no longer give its signed root: the past was rewritten.`,
    });
    return false;
  }
  return true;
}

/** The closed legacy chain (entries written before partitions), in seq order, against its head. */
async function verifyLegacy(gateway: Source, report: Report): Promise<number> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = await gateway.raw<Record<string, unknown>>(
      `select seq, recorded_at, request_id, client_id, action, procedure_code, case_id, subject_kind, subject_id, fields, prev_hash, hash
       from gateway.audit_log where partition is null and seq >= $1 order by seq limit ${PAGE}`,
      [expectedSeq],
    );
    for (const r of page) {
      const seq = Number(r.seq);
      const intact =
        legacyEntryHash({
          seq,
          recordedAt: date(r.recorded_at),
          requestId: String(r.request_id),
          clientId: String(r.client_id),
          action: String(r.action),
          procedureCode: (r.procedure_code as string | null) ?? null,
          caseId: (r.case_id as string | null) ?? null,
          subjectKind: (r.subject_kind as string | null) ?? null,
          subjectId: (r.subject_id as string | null) ?? null,
          fields: (r.fields as string[]) ?? [],
          prevHash: String(r.prev_hash),
        }) === r.hash;
      if (seq > expectedSeq) {
        report({ kind: "REMOVED", position: expectedSeq, message: `Legacy entries ${expectedSeq}–${seq - 1} removed.` });
        return rows;
      }
      if (r.prev_hash !== expectedPrev || !intact) {
        report({
          kind: intact ? "INSERTED" : "ALTERED",
          position: seq,
          message: `Legacy entry ${seq} was ${intact ? "inserted or its predecessor replaced" : "altered"}.`,
        });
        return rows;
      }
      expectedPrev = String(r.hash);
      expectedSeq = seq + 1;
      rows++;
    }
    if (page.length < PAGE) break;
  }
  const [head] = await gateway.raw<{ last_seq: unknown; last_hash: string }>(
    "select last_seq, last_hash from gateway.audit_chain_head where id = 1",
  );
  if (!head || Number(head.last_seq) !== expectedSeq - 1 || head.last_hash !== expectedPrev) {
    report({
      kind: head && Number(head.last_seq) > expectedSeq - 1 ? "REMOVED" : "HEAD_MISMATCH",
      position: expectedSeq,
      message: head
        ? `The legacy chain's head names entry ${head.last_seq}, but the chain ends at ${expectedSeq - 1}.`
        : "The legacy chain's head is missing.",
    });
  }
  return rows;
}
