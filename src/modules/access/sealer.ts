/**
 * The sealer: every few seconds (AUDIT_CHECKPOINT_INTERVAL_MS) one process of the installation — whichever takes
 * the advisory lock — makes a signed checkpoint over the entries appended since the last one, per partition, in
 * (partition, position) order, at most MAX_LEAVES at a time. It checks each range's chain — links and every entry's
 * hash — before it signs, so it never vouches for a broken chain. Writers never wait for it: a checkpoint follows the answers it covers.
 */
import { sql } from "drizzle-orm";
import type { Source } from "../../platform/db/source.js";
import { logger } from "../../platform/logger.js";
import {
  type CheckpointRange,
  type CheckpointStatement,
  formatStatement,
  parseStatement,
  type SigningKey,
  statementHash,
} from "./checkpoint.js";
import { AUDIT_PARTITIONS, GENESIS_HASH, storedEntryIntact } from "./entry.js";
import { leafHash, rootOf } from "./merkle.js";

/** Entries a checkpoint covers at most: an inclusion proof reads one checkpoint's leaf hashes. */
export const MAX_LEAVES = 1024;
/** pg_advisory_xact_lock key: one sealer at a time across every process of an installation. */
const SEALER_LOCK = 4_150_216_201;

export interface SealedCheckpoint {
  seq: number;
  size: number;
  root: string;
}

/** Rows of `db.execute` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** One checkpoint over what is not yet covered; null when there is nothing new or another process is sealing. */
export async function sealCheckpoint(gateway: Source, key: SigningKey, maxLeaves = MAX_LEAVES): Promise<SealedCheckpoint | null> {
  return gateway.db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEALER_LOCK}) as locked`));
    if (!lock?.locked) return null;
    const [last] = rowsOf<{ seq: unknown; statement: string; covered: unknown[]; key_id: string; signature: string }>(
      await tx.execute(sql`select seq, statement, covered, key_id, signature from gateway.audit_checkpoints order by seq desc limit 1`),
    );
    const covered = last ? last.covered.map(Number) : new Array<number>(AUDIT_PARTITIONS).fill(0);
    if (last) checkPrevious(last, covered, key);
    const heads = rowsOf<{ partition: unknown; last_seq: unknown }>(
      await tx.execute(sql`select partition, last_seq from gateway.audit_partition_heads order by partition`),
    );
    const wanted: { partition: number; from: number; to: number }[] = [];
    let room = maxLeaves;
    for (const h of heads) {
      const p = Number(h.partition);
      const take = Math.min(Number(h.last_seq) - covered[p], room);
      if (take <= 0) continue;
      wanted.push({ partition: p, from: covered[p], to: covered[p] + take });
      room -= take;
      if (room === 0) break;
    }
    if (wanted.length === 0) return null;

    const entries = rowsOf<Record<string, unknown> & { partition: unknown; partition_seq: unknown; prev_hash: string; hash: string }>(
      await tx.execute(sql`
        select a.seq, a.partition, a.partition_seq, a.recorded_at, a.request_id, a.client_id, a.client_salt, a.action, a.procedure_code,
               a.case_id, a.subject_kind, a.subject_id, a.subject_ids, a.subject_salts, a.fields, a.prev_hash, a.hash
        from gateway.audit_log a
        join unnest(${sql.param(wanted.map((w) => w.partition))}::smallint[], ${sql.param(wanted.map((w) => w.from))}::bigint[],
                    ${sql.param(wanted.map((w) => w.to))}::bigint[]) as r(p, f, t)
          on a.partition = r.p and a.partition_seq > r.f and a.partition_seq <= r.t
        order by a.partition, a.partition_seq`),
    );
    // Each range must be the chain's next entries, gap-free, linked from the last covered hash, each matching its hash.
    const previous = last ? await lastCoveredHashes(tx, wanted) : new Map<number, string>();
    const ranges: CheckpointRange[] = [];
    let i = 0;
    for (const w of wanted) {
      let prev = previous.get(w.partition) ?? GENESIS_HASH;
      for (let pos = w.from + 1; pos <= w.to; pos++, i++) {
        const e = entries[i];
        if (!e || Number(e.partition) !== w.partition || Number(e.partition_seq) !== pos || e.prev_hash !== prev || !storedEntryIntact(e)) {
          throw new Error(`audit partition ${w.partition} is broken at position ${pos}: not checkpointed (run npm run audit:verify)`);
        }
        prev = e.hash;
      }
      ranges.push({ ...w, toHash: prev });
    }
    const root = rootOf(entries.map((e) => leafHash(Buffer.from(e.hash, "hex")))).toString("hex");
    const statement: CheckpointStatement = {
      seq: last ? Number(last.seq) + 1 : 1,
      time: new Date().toISOString(),
      size: entries.length,
      root,
      prev: last ? statementHash(last.statement) : GENESIS_HASH,
      ranges,
    };
    const text = formatStatement(statement);
    const nextCovered = [...covered];
    for (const r of ranges) nextCovered[r.partition] = r.to;
    await tx.execute(sql`
      insert into gateway.audit_checkpoints (seq, created_at, size, root, prev_hash, covered, statement, key_id, public_key, signature)
      values (${statement.seq}, ${statement.time}::timestamptz, ${statement.size}, ${root}, ${statement.prev},
              ${sql.param(nextCovered)}::bigint[], ${text}, ${key.keyId}, ${key.publicKeyPem}, ${key.sign(text)})`);
    await tx.execute(sql`
      insert into gateway.audit_checkpoint_ranges (checkpoint_seq, partition, from_seq, to_seq, to_hash)
      select ${statement.seq}, r.p, r.f, r.t, r.h
      from unnest(${sql.param(ranges.map((r) => r.partition))}::smallint[], ${sql.param(ranges.map((r) => r.from))}::bigint[],
                  ${sql.param(ranges.map((r) => r.to))}::bigint[], ${sql.param(ranges.map((r) => r.toHash))}::text[]) as r(p, f, t, h)`);
    return { seq: statement.seq, size: statement.size, root };
  });
}

/**
 * The checkpoint a new one continues is one this key signed, as stored, and its coverage agrees with its signed
 * ranges: the sealer chains only onto what it can vouch for (a row the database's users could have added is not).
 * One signed by another key (before the key was changed) is taken as it is: only `audit:verify`, given both keys,
 * can check it.
 */
function checkPrevious(
  last: { seq: unknown; statement: string; key_id: string; signature: string },
  covered: number[],
  key: SigningKey,
): void {
  const statement = parseStatement(last.statement);
  const refuse = (why: string) => {
    throw new Error(`audit checkpoint ${Number(last.seq)} ${why}: no checkpoint made after it (run npm run audit:verify)`);
  };
  if (!statement || statement.seq !== Number(last.seq)) refuse("is not a checkpoint statement");
  if (last.key_id === key.keyId && !key.signed(last.statement, last.signature)) refuse("is not signed by this installation's key");
  if (covered.length !== AUDIT_PARTITIONS || statement!.ranges.some((r) => covered[r.partition] !== r.to))
    refuse("covers other entries than it signed");
}

/** The hash of the last covered entry of each partition a new checkpoint continues. */
async function lastCoveredHashes(
  tx: Parameters<Parameters<Source["db"]["transaction"]>[0]>[0],
  wanted: { partition: number; from: number }[],
): Promise<Map<number, string>> {
  const continuing = wanted.filter((w) => w.from > 0);
  if (continuing.length === 0) return new Map();
  const rows = rowsOf<{ partition: unknown; hash: string }>(
    await tx.execute(sql`
      select a.partition, a.hash from gateway.audit_log a
      join unnest(${sql.param(continuing.map((w) => w.partition))}::smallint[], ${sql.param(continuing.map((w) => w.from))}::bigint[]) as r(p, s)
        on a.partition = r.p and a.partition_seq = r.s`),
  );
  return new Map(rows.map((r) => [Number(r.partition), r.hash]));
}

/** Seals until caught up (or `rounds` checkpoints); returns the checkpoints made. */
export async function sealAll(gateway: Source, key: SigningKey, rounds = 64): Promise<SealedCheckpoint[]> {
  const made: SealedCheckpoint[] = [];
  for (let i = 0; i < rounds; i++) {
    const sealed = await sealCheckpoint(gateway, key);
    if (!sealed) break;
    made.push(sealed);
    if (sealed.size < MAX_LEAVES) break;
  }
  return made;
}

/** The periodic sealer of one process. */
export class AuditSealer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly gateway: Source,
    readonly key: SigningKey,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    const tick = () => {
      this.running = this.sealNow()
        .catch((error: unknown) => logger.warn({ err: error }, "audit checkpoint not made; retrying at the next interval"))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.intervalMs).unref();
  }

  /** Seals now, after any seal in progress (tests and `audit:verify --seal`). */
  async sealNow(): Promise<SealedCheckpoint[]> {
    const previous = this.running;
    const next = previous.catch(() => {}).then(() => sealAll(this.gateway, this.key));
    this.running = next.catch(() => {});
    return next;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running.catch(() => {});
  }
}
