/**
 * The access log's reads of the audit trail: a person's entries, newest first, with the reading client's name, and
 * each entry's inclusion proof to the signed checkpoint that covers it. The statements the `accessLog` query runs
 * against the gateway database, and nothing else.
 */
import { and, count, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import { GatewayError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";
import { LruCache } from "../../shared/lru.js";
import { parseStatement, type SigningKey } from "./checkpoint.js";
import { clientCommitment, storedCommitments } from "./entry.js";
import { leafHash, pathFromLevels, treeLevels } from "./merkle.js";
import { leafIndexIn, PROOF_FORMAT, type ProofDocument } from "./proof.js";
import { rowsOf } from "./sealer.js";
import { auditCheckpoints, auditLog, clients } from "./tables.js";

export interface CheckpointRow {
  seq: number;
  createdAt: Date;
  size: number;
  root: string;
  previousHash: string;
  statement: string;
  signature: string;
  keyId: string;
}

export interface AccessLogRow {
  seq: number;
  recordedAt: Date;
  clientId: string;
  clientName: string | null;
  action: string;
  procedureCode: string | null;
  caseId: string | null;
  fields: string[];
  requestId: string;
  subjectKind: string | null;
  subjectId: string | null;
  /** A version 3 entry's subjects and their salts (all of them: the proof needs every commitment); null in version 2. */
  subjectIds: string[] | null;
  subjectSalts: string[] | null;
  /** Where the log's citizen stands among subjectIds (from 0; -1 when not there); null in version 2. */
  subjectIndex: number | null;
  partition: number | null;
  partitionSeq: number | null;
  clientSalt: string | null;
  prevHash: string;
  hash: string;
}

export type ProofStatus = "CHECKPOINTED" | "PENDING" | "LEGACY";

export interface EntryProof {
  status: ProofStatus;
  checkpoint: number | null;
  document: ProofDocument | null;
}

interface CheckpointTree {
  statement: string;
  signature: string;
  keyId: string;
  publicKey: string;
  /** The tree's levels (leaves first), built once: a path is then read off in O(log n). */
  levels: Buffer[][];
}

export class AccessLogStore {
  /** Checkpoints never change: their trees are kept (at most 1,024 leaves each: about 130 KB a tree). */
  private readonly trees = new LruCache<number, CheckpointTree>(256);

  constructor(
    private readonly db: Database,
    /** The key this installation signs checkpoints with: its public half is published. */
    readonly signingKey: Pick<SigningKey, "keyId" | "publicKeyPem">,
  ) {}

  /** Keyset pages (by sequence, descending) of the signed checkpoints: public, they hold no personal data. */
  checkpointPage() {
    return {
      fetch: async (afterKey: string | null, limit: number): Promise<CheckpointRow[]> => {
        const before = afterKey === null ? undefined : Number(afterKey);
        if (before !== undefined && !Number.isSafeInteger(before)) throw new GatewayError("INVALID_CURSOR", say(M.checkpointCursor));
        return this.db
          .select({
            seq: auditCheckpoints.seq,
            createdAt: auditCheckpoints.createdAt,
            size: auditCheckpoints.size,
            root: auditCheckpoints.root,
            previousHash: auditCheckpoints.prevHash,
            statement: auditCheckpoints.statement,
            signature: auditCheckpoints.signature,
            keyId: auditCheckpoints.keyId,
          })
          .from(auditCheckpoints)
          .where(before === undefined ? undefined : lt(auditCheckpoints.seq, before))
          .orderBy(desc(auditCheckpoints.seq))
          .limit(limit);
      },
      count: async () => (await this.db.select({ n: count() }).from(auditCheckpoints))[0].n,
    };
  }

  /** Keyset pages (by sequence, descending) of the entries about one citizen: version 2 by its id, version 3 by its group. */
  page(personalId: string) {
    const mine = and(
      eq(auditLog.subjectKind, "CITIZEN"),
      or(eq(auditLog.subjectId, personalId), sql`${auditLog.subjectIds} @> array[${personalId}]::text[]`),
    );
    return {
      fetch: async (afterKey: string | null, limit: number): Promise<AccessLogRow[]> => {
        const before = afterKey === null ? undefined : Number(afterKey);
        if (before !== undefined && !Number.isSafeInteger(before)) throw new GatewayError("INVALID_CURSOR", say(M.accessLogCursor));
        const rows = await this.db
          .select({
            seq: auditLog.seq,
            recordedAt: auditLog.recordedAt,
            clientId: auditLog.clientId,
            clientName: clients.name,
            action: auditLog.action,
            procedureCode: auditLog.procedureCode,
            caseId: auditLog.caseId,
            fields: auditLog.fields,
            requestId: auditLog.requestId,
            subjectKind: auditLog.subjectKind,
            subjectId: auditLog.subjectId,
            subjectIds: auditLog.subjectIds,
            subjectSalts: auditLog.subjectSalts,
            partition: auditLog.partition,
            partitionSeq: auditLog.partitionSeq,
            clientSalt: auditLog.clientSalt,
            prevHash: auditLog.prevHash,
            hash: auditLog.hash,
          })
          .from(auditLog)
          .leftJoin(clients, eq(clients.id, auditLog.clientId))
          .where(and(mine, before === undefined ? undefined : lt(auditLog.seq, before)))
          .orderBy(desc(auditLog.seq))
          .limit(limit);
        // The citizen's place among the ids as read here, the order the commitments are computed in (the database's
        // array_position would count from the array's stored lower bound).
        return rows.map((r) => ({ ...r, subjectIndex: r.subjectIds === null ? null : r.subjectIds.indexOf(personalId) }));
      },
      count: async () => (await this.db.select({ n: count() }).from(auditLog).where(mine))[0].n,
    };
  }

  /**
   * Each entry's proof, for one page: which checkpoint covers it (one statement), the covering checkpoints' trees
   * (one statement for those not already kept), the audit path. `showClient` says whether an entry's client may be
   * named to the reader; when not, the proof carries only the commitment the hash covers.
   */
  async proofs(rows: readonly AccessLogRow[], showClient: (row: AccessLogRow) => boolean): Promise<EntryProof[]> {
    const chained = rows.filter((r) => r.partition !== null && r.partitionSeq !== null);
    const covering = new Map<number, number>();
    if (chained.length > 0) {
      const found = rowsOf<{ n: unknown; checkpoint_seq: unknown }>(
        await this.db.execute(sql`
          select q.n, r.checkpoint_seq
          from unnest(${sql.param(chained.map((r) => r.partition))}::smallint[], ${sql.param(chained.map((r) => r.partitionSeq))}::bigint[])
               with ordinality as q(p, s, n)
          cross join lateral (
            select c.checkpoint_seq from gateway.audit_checkpoint_ranges c
            where c.partition = q.p and c.to_seq >= q.s order by c.to_seq limit 1) r`),
      );
      for (const f of found) covering.set(chained[Number(f.n) - 1].seq, Number(f.checkpoint_seq));
    }
    // This page's trees, held here while its proofs are built (the cache may let some go meanwhile).
    const trees = new Map<number, CheckpointTree>();
    const missing: number[] = [];
    for (const seq of new Set(covering.values())) {
      const kept = this.trees.get(seq);
      if (kept) trees.set(seq, kept);
      else missing.push(seq);
    }
    for (const [seq, tree] of await this.loadTrees(missing)) trees.set(seq, tree);

    return rows.map((row): EntryProof => {
      if (row.partition === null || row.partitionSeq === null || row.clientSalt === null)
        return { status: "LEGACY", checkpoint: null, document: null };
      const grouped = row.subjectIds !== null;
      const subjectCommitments = grouped ? storedCommitments(row.subjectIds, row.subjectSalts) : null;
      const subjectIndex = row.subjectIndex;
      // A group that does not name the log's citizen, or whose salts do not pair with its ids, proves nothing to them.
      if (grouped && (subjectCommitments === null || subjectIndex === null || subjectIndex < 0))
        return { status: "PENDING", checkpoint: null, document: null };
      const seq = covering.get(row.seq);
      const tree = seq === undefined ? undefined : trees.get(seq);
      const statement = tree && parseStatement(tree.statement);
      const index = statement ? leafIndexIn(statement, row.partition, row.partitionSeq) : null;
      if (seq === undefined || !tree || index === null) return { status: "PENDING", checkpoint: null, document: null };
      return {
        status: "CHECKPOINTED",
        checkpoint: seq,
        document: {
          format: PROOF_FORMAT,
          entry: {
            seq: row.seq,
            partition: row.partition,
            partitionSeq: row.partitionSeq,
            recordedAt: row.recordedAt.toISOString(),
            requestId: row.requestId,
            client: showClient(row) ? { id: row.clientId, salt: row.clientSalt } : null,
            clientCommitment: clientCommitment(row.clientSalt, row.clientId),
            action: row.action,
            procedureCode: row.procedureCode,
            caseId: row.caseId,
            subjectKind: row.subjectKind,
            subjectId: row.subjectId,
            ...(grouped
              ? {
                  subjectCommitments,
                  subject: { index: subjectIndex!, id: row.subjectIds![subjectIndex!], salt: row.subjectSalts![subjectIndex!] },
                }
              : {}),
            fields: row.fields,
            prevHash: row.prevHash,
            hash: row.hash,
          },
          leafIndex: index,
          path: pathFromLevels(index, tree.levels).map((h) => h.toString("hex")),
          checkpoint: { statement: tree.statement, signature: tree.signature, keyId: tree.keyId, publicKey: tree.publicKey },
        },
      };
    });
  }

  private async loadTrees(seqs: number[]): Promise<Map<number, CheckpointTree>> {
    const loaded = new Map<number, CheckpointTree>();
    if (seqs.length === 0) return loaded;
    const checkpoints = rowsOf<{ seq: unknown; statement: string; signature: string; key_id: string; public_key: string }>(
      await this.db.execute(
        sql`select seq, statement, signature, key_id, public_key from gateway.audit_checkpoints where seq = any(${sql.param(seqs)}::bigint[])`,
      ),
    );
    const leaves = rowsOf<{ checkpoint_seq: unknown; hash: string }>(
      await this.db.execute(sql`
        select r.checkpoint_seq, a.hash
        from gateway.audit_checkpoint_ranges r
        join gateway.audit_log a on a.partition = r.partition and a.partition_seq > r.from_seq and a.partition_seq <= r.to_seq
        where r.checkpoint_seq = any(${sql.param(seqs)}::bigint[])
        order by r.checkpoint_seq, a.partition, a.partition_seq`),
    );
    const byCheckpoint = new Map<number, Buffer[]>();
    for (const l of leaves) {
      const seq = Number(l.checkpoint_seq);
      let list = byCheckpoint.get(seq);
      if (!list) byCheckpoint.set(seq, (list = []));
      list.push(leafHash(Buffer.from(l.hash, "hex")));
    }
    for (const c of checkpoints) {
      const seq = Number(c.seq);
      const tree = {
        statement: c.statement,
        signature: c.signature,
        keyId: c.key_id,
        publicKey: c.public_key,
        levels: treeLevels(byCheckpoint.get(seq) ?? []),
      };
      this.trees.set(seq, tree);
      loaded.set(seq, tree);
    }
    return loaded;
  }
}
