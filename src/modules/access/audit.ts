/**
 * The audit trail's writer: a request's rows — one per kind of subject read for the same fields — and those of the
 * other requests finishing meanwhile (group commit) in one INSERT, chained by the database's trigger into a
 * partition no other writer holds. ./verify.ts re-walks the chains and checks the checkpoints; ./sealer.ts signs them.
 */
import { sql } from "drizzle-orm";
import { isUnavailability, SourceUnavailableError } from "../../platform/db/resilience.js";
import type { Source } from "../../platform/db/source.js";
import { logger } from "../../platform/logger.js";
import type { AuditEntry, Purpose } from "./request.js";

/** The case an audit row under a consent records: `consent:` and the consent's id. */
export const CONSENT_CASE_PREFIX = "consent:";

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
 * a partition head's lock and the commit are paid once per batch instead of once per request, which is what bounded
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

/** One row of the trail: a request's subjects of one kind read for the same fields and purpose, or a subject-less entry. */
interface TrailRow {
  requestId: string;
  clientId: string;
  action: string;
  procedure: string | null;
  caseId: string | null;
  kind: string | null;
  ids: string[] | null;
  fields: string;
}

/**
 * Subjects one row names at most: a citizen's proof of a row carries every subject's commitment (64 hex digits
 * each), so a larger group is split. A page holds at most 100 of a kind.
 */
export const MAX_GROUP = 100;

/** What a row's ids are joined by on their way to the database: no subject id holds it (trailRows sees to it). */
const ID_SEPARATOR = "\u001f";

/**
 * A request's entries as the trail's rows (version 3): the subjects of one kind whose entries agree on action,
 * fields and purpose go in one row (MAX_GROUP at most), in the order they were read; an entry that names no one is
 * a row of its own.
 */
export function trailRows(context: AuditContext, entries: readonly AuditEntry[], maxGroup = MAX_GROUP): TrailRow[] {
  const rows: TrailRow[] = [];
  const groups = new Map<string, TrailRow>();
  for (const e of entries) {
    // A read under a consent, or a consent's own action, has the consent for its purpose: no procedure, case consent:<id>.
    const purpose = e.purpose ?? context.purpose;
    const procedure = e.consentId ? null : (purpose?.procedure ?? null);
    const caseId = e.consentId ? `${CONSENT_CASE_PREFIX}${e.consentId}` : (purpose?.caseId ?? null);
    const fields = e.fields.join(",");
    const subject = e.subject;
    let key: string | undefined;
    if (subject) {
      // Ids come checked by their scalars, which hold no control characters; one that does is not recorded wrongly.
      if (subject.id.includes(ID_SEPARATOR)) throw new Error(`an audit subject id holds U+001F: ${JSON.stringify(subject.kind)}`);
      // The group's key: what the row records once. Actions, kinds and schema coordinates hold no U+001F, nor do
      // procedure codes (checked against the catalogue); the case id, whatever it holds, comes last. Missing is U+0000.
      key = `${e.action}\u001f${subject.kind}\u001f${fields}\u001f${procedure ?? "\u0000"}\u001f${caseId ?? "\u0000"}`;
      const group = groups.get(key);
      if (group && group.ids!.length < maxGroup) {
        group.ids!.push(subject.id);
        continue;
      }
    }
    const row: TrailRow = {
      requestId: context.requestId,
      clientId: context.clientId,
      action: e.action,
      procedure,
      caseId,
      fields,
      kind: subject?.kind ?? null,
      ids: subject ? [subject.id] : null,
    };
    rows.push(row);
    if (key !== undefined) groups.set(key, row);
  }
  return rows;
}

/**
 * Every row of the batch in one statement, in request order, then entry order. The chain trigger puts them all in
 * one partition — the first whose head no other writer holds — so another process's INSERT takes another chain.
 * A row's subject ids travel joined by U+001F (string_to_array is a function call a row; a JSON array cost a
 * subquery a row, half the trail's throughput at one subject a request); trailRows refuses an id that holds it.
 */
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
    for (const row of trailRows(context, entries)) {
      requestIds.push(row.requestId);
      clients.push(row.clientId);
      actions.push(row.action);
      kinds.push(row.kind);
      ids.push(row.ids && row.ids.join(ID_SEPARATOR));
      fields.push(row.fields);
      procedures.push(row.procedure);
      cases.push(row.caseId);
    }
  }
  await gateway.db.execute(sql`
    insert into gateway.audit_log (request_id, client_id, action, procedure_code, case_id, subject_kind, subject_ids, fields)
    select t.request_id, t.client_id, t.action, t.procedure, t.case_id, t.kind,
           string_to_array(t.ids, chr(31)),
           string_to_array(t.fields, ',')
    from unnest(${sql.param(requestIds)}::text[], ${sql.param(clients)}::text[], ${sql.param(actions)}::text[], ${sql.param(procedures)}::text[],
                ${sql.param(cases)}::text[], ${sql.param(kinds)}::text[], ${sql.param(ids)}::text[], ${sql.param(fields)}::text[])
         with ordinality as t(request_id, client_id, action, procedure, case_id, kind, ids, fields, n)
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
