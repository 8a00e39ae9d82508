/**
 * The operational records' SQL, over the gateway database: the recorder's one upsert per flush, which adds a
 * minute's counts to what any replica wrote before (so replicas never overwrite each other), and the reads that sum
 * a window per (client, operation, procedure, outcome), a keyset page at a time, and in total.
 */
import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import { BUCKET_COUNT } from "./buckets.js";
import type { CellWriter } from "./recorder.js";
import { operationalRecords as t } from "./tables.js";

/** One statement: insert every cell, or add it to the row of the same minute and key. */
export function cellWriter(db: Database): CellWriter {
  return async (cells) => {
    if (cells.length === 0) return;
    await db
      .insert(t)
      .values(cells)
      .onConflictDoUpdate({
        target: [t.windowStart, t.clientId, t.operation, t.procedureCode, t.outcome],
        set: {
          requests: sql`${t.requests} + excluded.requests`,
          durationMsSum: sql`${t.durationMsSum} + excluded.duration_ms_sum`,
          durationMsMax: sql`greatest(${t.durationMsMax}, excluded.duration_ms_max)`,
          // Element by element; a shorter array (none today: the bounds are fixed) counts as zeros past its end.
          latencyBuckets: sql`array(select coalesce(a, 0) + coalesce(b, 0) from unnest(${t.latencyBuckets}, excluded.latency_buckets) with ordinality as u(a, b, i) order by i)`,
        },
      });
  };
}

/** What a read is limited to: a window of minutes [from, to), and optionally one client, operation or procedure. */
export interface RecordFilter {
  from: Date;
  to: Date;
  /** null: every client (oversight). */
  clientId: string | null;
  operation?: string | null;
  procedureCode?: string | null;
}

/** A key of the summed rows, in their order: the keyset a page continues after. */
export interface RecordKey {
  clientId: string;
  operation: string;
  procedureCode: string;
  outcome: string;
}

export interface Summed {
  requests: number;
  errors: number;
  durationMsSum: number;
  durationMsMax: number;
  latencyBuckets: number[];
}

export type SummedRecord = RecordKey & Summed;

const float = (expression: SQL) => sql<number>`coalesce(${expression}, 0)::float8`.mapWith(Number);

/** Sums of the counts, the buckets one column each (their number is fixed in code). */
function sums() {
  const buckets = Object.fromEntries(
    Array.from({ length: BUCKET_COUNT }, (_, i) => [`b${i}`, float(sql`sum(${t.latencyBuckets}[${sql.raw(String(i + 1))}])`)]),
  );
  return {
    requests: float(sql`sum(${t.requests})`),
    errors: float(sql`sum(${t.requests}) filter (where ${t.outcome} <> 'OK')`),
    durationMsSum: float(sql`sum(${t.durationMsSum})`),
    durationMsMax: float(sql`max(${t.durationMsMax})`),
    ...buckets,
  };
}

function summed(row: Record<string, unknown>): Summed {
  return {
    requests: row.requests as number,
    errors: row.errors as number,
    durationMsSum: row.durationMsSum as number,
    durationMsMax: row.durationMsMax as number,
    latencyBuckets: Array.from({ length: BUCKET_COUNT }, (_, i) => row[`b${i}`] as number),
  };
}

function where(filter: RecordFilter, after?: RecordKey | null): SQL | undefined {
  return and(
    gte(t.windowStart, filter.from),
    lt(t.windowStart, filter.to),
    filter.clientId !== null ? eq(t.clientId, filter.clientId) : undefined,
    filter.operation != null ? eq(t.operation, filter.operation) : undefined,
    filter.procedureCode != null ? eq(t.procedureCode, filter.procedureCode) : undefined,
    after
      ? sql`(${t.clientId}, ${t.operation}, ${t.procedureCode}, ${t.outcome}) > (${after.clientId}, ${after.operation}, ${after.procedureCode}, ${after.outcome})`
      : undefined,
  );
}

export class OperationalRecordStore {
  constructor(private readonly db: Database) {}

  /** Up to `limit` summed rows after `after`, in key order. */
  async page(filter: RecordFilter, after: RecordKey | null, limit: number): Promise<SummedRecord[]> {
    const rows = await this.db
      .select({ clientId: t.clientId, operation: t.operation, procedureCode: t.procedureCode, outcome: t.outcome, ...sums() })
      .from(t)
      .where(where(filter, after))
      .groupBy(t.clientId, t.operation, t.procedureCode, t.outcome)
      .orderBy(asc(t.clientId), asc(t.operation), asc(t.procedureCode), asc(t.outcome))
      .limit(limit);
    return rows.map((row) => ({
      clientId: row.clientId,
      operation: row.operation,
      procedureCode: row.procedureCode,
      outcome: row.outcome,
      ...summed(row),
    }));
  }

  /** The whole window's sums. */
  async totals(filter: RecordFilter): Promise<Summed> {
    const [row] = await this.db.select(sums()).from(t).where(where(filter));
    return summed(row ?? {});
  }

  /** How many summed rows the window has. */
  async count(filter: RecordFilter): Promise<number> {
    const [row] = await this.db
      .select({ n: float(sql`count(distinct (${t.clientId}, ${t.operation}, ${t.procedureCode}, ${t.outcome}))`) })
      .from(t)
      .where(where(filter));
    return row?.n ?? 0;
  }
}
