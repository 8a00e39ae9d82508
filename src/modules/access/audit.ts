/**
 * The audit trail: every subject's row of a request — and of the other requests finishing meanwhile (group commit)
 * — in one INSERT, chained and sealed by the database's trigger; and the verifier that re-walks the chain with an
 * independent implementation of the hash.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { isUnavailability, SourceUnavailableError } from "../../platform/db/resilience.js";
import type { Source } from "../../platform/db/source.js";
import { logger } from "../../platform/logger.js";
import type { AuditEntry, Purpose } from "./request.js";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditContext {
  requestId: string;
  clientId: string;
  purpose: Purpose | null;
}

interface PendingWrite {
  context: AuditContext;
  entries: AuditEntry[];
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * Group commit: requests that finish while the trail's previous INSERT is committing are written together in the
 * next one. Every writer still waits for its own rows to be committed (the answer never leaves before its trail);
 * the chain head's lock and the commit are paid once per batch instead of once per request, which is what bounded
 * personal-data throughput. A batch the database refuses is written again one request per INSERT, in the same
 * order, so a request whose rows cannot be stored (a subject id too long for the index, a byte the database
 * refuses) fails alone (fail closed) and its neighbours are served. When the database is unreachable the whole
 * batch fails at once: retrying each request would only queue more work on a source that is not there.
 */
class AuditWriter {
  private pending: PendingWrite[] = [];
  private flushing = false;

  constructor(
    private readonly gateway: Source,
    private readonly maxRows = 5_000,
  ) {}

  write(context: AuditContext, entries: AuditEntry[]): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.pending.push({ context, entries, done, fail });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch: PendingWrite[] = [];
        let rows = 0;
        while (this.pending.length > 0 && (batch.length === 0 || rows + this.pending[0].entries.length <= this.maxRows)) {
          const next = this.pending.shift()!;
          rows += next.entries.length;
          batch.push(next);
        }
        try {
          await insertRows(this.gateway, batch);
          for (const w of batch) w.done();
        } catch (error) {
          if (batch.length === 1 || unavailable(error)) for (const w of batch) w.fail(error);
          else await this.oneByOne(batch, error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Each request of a refused batch in its own INSERT, in batch order; stops retrying once the database is gone. */
  private async oneByOne(batch: PendingWrite[], batchError: unknown): Promise<void> {
    logger.warn({ requests: batch.length, code: sqlState(batchError) }, "audit batch refused; writing its requests one by one");
    let gone: unknown = null;
    for (const w of batch) {
      if (gone) {
        w.fail(gone);
        continue;
      }
      try {
        await insertRows(this.gateway, [w]);
        w.done();
      } catch (error) {
        if (unavailable(error)) gone = error;
        w.fail(error);
      }
    }
  }
}

/** The source is not there (unreachable, timed out, breaker open), as opposed to refusing these rows. */
function unavailable(error: unknown): boolean {
  return error instanceof SourceUnavailableError || isUnavailability(error);
}

/** The database's error code (SQLSTATE), for the log: never the message, which carries the statement's parameters. */
function sqlState(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = cause?.code ?? (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Every row of the batch in one statement, in request order, then subject order. */
async function insertRows(gateway: Source, batch: PendingWrite[]): Promise<void> {
  const requestIds: string[] = [];
  const clients: string[] = [];
  const actions: string[] = [];
  const kinds: (string | null)[] = [];
  const ids: (string | null)[] = [];
  const fields: string[] = [];
  const procedures: (string | null)[] = [];
  const cases: (string | null)[] = [];
  for (const { context, entries } of batch) {
    for (const e of entries) {
      requestIds.push(context.requestId);
      clients.push(context.clientId);
      actions.push(e.action);
      kinds.push(e.subject?.kind ?? null);
      ids.push(e.subject?.id ?? null);
      fields.push(e.fields.join(","));
      procedures.push((e.purpose ?? context.purpose)?.procedure ?? null);
      cases.push((e.purpose ?? context.purpose)?.caseId ?? null);
    }
  }
  await gateway.db.execute(sql`
    insert into gateway.audit_log (request_id, client_id, action, procedure_code, case_id, subject_kind, subject_id, fields)
    select t.request_id, t.client_id, t.action, t.procedure, t.case_id, t.kind, t.id, string_to_array(t.fields, ',')
    from unnest(${sql.param(requestIds)}::text[], ${sql.param(clients)}::text[], ${sql.param(actions)}::text[], ${sql.param(procedures)}::text[],
                ${sql.param(cases)}::text[], ${sql.param(kinds)}::text[], ${sql.param(ids)}::text[], ${sql.param(fields)}::text[])
         with ordinality as t(request_id, client_id, action, procedure, case_id, kind, id, fields, n)
    order by t.n`);
}

const writers = new WeakMap<Source, AuditWriter>();

function writerFor(gateway: Source): AuditWriter {
  let writer = writers.get(gateway);
  if (!writer) {
    writer = new AuditWriter(gateway);
    writers.set(gateway, writer);
  }
  return writer;
}

/**
 * Writes a request's rows; resolves once they are committed (with those of other requests that finished meanwhile,
 * in one statement). Throws when its rows cannot be written, or the trail not at all: the caller fails closed.
 */
export async function writeAudit(gateway: Source, context: AuditContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await writerFor(gateway).write(context, entries);
}

export interface StoredAuditRow {
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
  hash: string;
}

/** The row hash, exactly as the database trigger computes it (drizzle/gateway/0002_audit_chain.sql). */
export function auditRowHash(row: Omit<StoredAuditRow, "hash">): string {
  const content = [
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
  ].join("\u001f");
  return createHash("sha256").update(content, "utf8").digest("hex");
}

export type ChainProblemKind = "ALTERED" | "REMOVED" | "INSERTED" | "HEAD_MISMATCH";

export interface ChainProblem {
  kind: ChainProblemKind;
  seq: number;
  message: string;
}

export interface ChainReport {
  rows: number;
  lastSeq: number;
  lastHash: string;
  problem: ChainProblem | null;
}

const PAGE = 5000;

/** Re-walks the whole chain in sequence order and reports the first row that was altered, removed or inserted. */
export async function verifyAuditChain(gateway: Source): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  let after = 0;
  const report = (problem: ChainProblem | null): ChainReport => ({ rows, lastSeq: expectedSeq - 1, lastHash: expectedPrev, problem });

  for (;;) {
    const page = await gateway.raw<Record<string, unknown>>(
      `select seq, recorded_at, request_id, client_id, action, procedure_code, case_id, subject_kind, subject_id, fields, prev_hash, hash
       from gateway.audit_log where seq > $1 order by seq limit ${PAGE}`,
      [after],
    );
    for (const r of page) {
      const row: StoredAuditRow = {
        seq: Number(r.seq),
        recordedAt: r.recorded_at instanceof Date ? r.recorded_at : new Date(String(r.recorded_at)),
        requestId: String(r.request_id),
        clientId: String(r.client_id),
        action: String(r.action),
        procedureCode: (r.procedure_code as string | null) ?? null,
        caseId: (r.case_id as string | null) ?? null,
        subjectKind: (r.subject_kind as string | null) ?? null,
        subjectId: (r.subject_id as string | null) ?? null,
        fields: (r.fields as string[]) ?? [],
        prevHash: String(r.prev_hash),
        hash: String(r.hash),
      };
      const contentIntact = auditRowHash(row) === row.hash;
      if (row.seq > expectedSeq) {
        return report({
          kind: "REMOVED",
          seq: expectedSeq,
          message: `Row ${expectedSeq}${row.seq - 1 > expectedSeq ? `–${row.seq - 1}` : ""} removed: the trail jumps from ${expectedSeq - 1} to ${row.seq}.`,
        });
      }
      if (row.seq < expectedSeq) {
        return report({ kind: "INSERTED", seq: row.seq, message: `Row ${row.seq} appears twice or out of order: a row was inserted.` });
      }
      if (row.prevHash !== expectedPrev) {
        return report(
          contentIntact
            ? {
                kind: "INSERTED",
                seq: row.seq,
                message: `Row ${row.seq} does not follow row ${row.seq - 1}: its predecessor was replaced, or it was inserted.`,
              }
            : {
                kind: "ALTERED",
                seq: row.seq,
                message: `Row ${row.seq} was altered: its stored previous hash does not match row ${row.seq - 1}.`,
              },
        );
      }
      if (!contentIntact) {
        return report({ kind: "ALTERED", seq: row.seq, message: `Row ${row.seq} was altered: its content no longer matches its hash.` });
      }
      expectedPrev = row.hash;
      expectedSeq = row.seq + 1;
      rows++;
      after = row.seq;
    }
    if (page.length < PAGE) break;
  }

  const [head] = await gateway.raw<{ last_seq: unknown; last_hash: string }>(
    "select last_seq, last_hash from gateway.audit_chain_head where id = 1",
  );
  if (!head || Number(head.last_seq) !== expectedSeq - 1 || head.last_hash !== expectedPrev) {
    return report({
      kind: head && Number(head.last_seq) > expectedSeq - 1 ? "REMOVED" : "HEAD_MISMATCH",
      seq: expectedSeq,
      message: head
        ? `The chain head names row ${head.last_seq}, but the trail ends at row ${expectedSeq - 1}${Number(head.last_seq) > expectedSeq - 1 ? ": its last rows were removed" : ""}.`
        : "The chain head is missing.",
    });
  }
  return report(null);
}
