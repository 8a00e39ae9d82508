/**
 * Bulk loading. A "lane" is a group of tables of one source loaded in ONE transaction on one connection —
 *   TRUNCATE → drop their indexes (primary keys too) → COPY … FREEZE every chunk → recreate them → move sequences —
 * so an interrupted seed leaves those tables as they were (rows and indexes intact), and the indexes are built
 * once over the loaded rows instead of being updated row by row (for 1M citizens this halves the load time; the
 * GIN trigram index is the worst case). Index definitions are read back from the catalogue (pg_get_indexdef), so
 * what is recreated is exactly what the migrations created.
 *
 * On Postgres each table is its own lane (its own connection), so COPYs and index builds of different tables run
 * in parallel; PGlite has a single session, so each source is one lane there.
 *
 * The transaction needs one dedicated connection, which `Source` does not expose; drizzle's public `$client`
 * (the postgres.js pool or the PGlite instance) provides it. Without it, chunks go through `source.copyCsv`
 * and the indexes stay in place.
 */
import type { Source } from "../db/source.js";
import { SEED_TABLES, type SeedTable, type TableSpec } from "./tables.js";

export interface Chunk {
  table: SeedTable;
  /** UTF-8 CSV (COPY … WITH (FORMAT csv)), whole lines. */
  data: Uint8Array;
  rows: number;
}

export interface TableTiming {
  rows: number;
  /** Time spent in COPY statements for this table. */
  copyMs: number;
  /** Time spent rebuilding this table's indexes (primary key included). */
  indexMs: number;
}

interface Session {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: readonly string[], csv: Uint8Array, freeze: boolean): Promise<void>;
}

type PostgresClient = {
  begin<T>(fn: (tx: PostgresClient) => Promise<T>): Promise<T>;
  unsafe(text: string, params?: unknown[]): Promise<unknown[]> & { writable(): Promise<NodeJS.WritableStream> };
};
type PgliteClient = {
  transaction<T>(fn: (tx: PgliteTx) => Promise<T>): Promise<T>;
};
type PgliteTx = {
  query<T>(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
};

function copySql(table: string, columns: readonly string[], source: "STDIN" | "'/dev/blob'", freeze: boolean): string {
  return `COPY ${table} (${columns.join(", ")}) FROM ${source} WITH (FORMAT csv${freeze ? ", FREEZE true" : ""})`;
}

/** Runs `work` in one transaction on one connection of the source, or unwrapped when that is not available. */
async function inTransaction<T>(source: Source, work: (session: Session, transactional: boolean) => Promise<T>): Promise<T> {
  const client = (source.db as unknown as { $client?: unknown }).$client;
  if (source.driver === "postgres" && client && typeof (client as PostgresClient).begin === "function") {
    return (client as PostgresClient).begin((tx) =>
      work(
        {
          query: async <R>(text: string, params: unknown[] = []) => (await tx.unsafe(text, params)) as R[],
          copy: async (table, columns, csv, freeze) => {
            const stream = await tx.unsafe(copySql(table, columns, "STDIN", freeze)).writable();
            await new Promise<void>((resolve, reject) => {
              stream.on("error", reject);
              stream.on("finish", () => resolve());
              stream.end(csv);
            });
          },
        },
        true,
      ),
    );
  }
  if (source.driver === "pglite" && client && typeof (client as PgliteClient).transaction === "function") {
    return (client as PgliteClient).transaction((tx) =>
      work(
        {
          query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
          copy: async (table, columns, csv, freeze) => {
            await tx.query(copySql(table, columns, "'/dev/blob'", freeze), [], { blob: new Blob([csv as Uint8Array<ArrayBuffer>]) });
          },
        },
        true,
      ),
    );
  }
  return work(
    {
      query: (text, params) => source.raw(text, params),
      copy: (table, columns, csv) => source.copyCsv(table, columns, Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength).toString("utf8")),
    },
    false,
  );
}

/** Chunks waiting for one source, with a byte budget the producer waits on (back-pressure). */
export class ChunkQueue {
  private readonly items: Chunk[] = [];
  private bytes = 0;
  private closed = false;
  private failure: unknown;
  private wakeConsumer?: () => void;
  private wakeProducer?: () => void;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Chunk): void {
    if (this.failure) throw this.failure;
    this.items.push(chunk);
    this.bytes += chunk.data.byteLength;
    this.wakeConsumer?.();
  }

  /** Resolves when the queue is under its budget again. */
  async room(): Promise<void> {
    while (this.bytes > this.maxBytes && !this.failure) await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.closed = true;
    this.wakeConsumer?.();
  }

  /** Stops both sides: the producer's next push/room and the consumer's next read throw `error`. */
  fail(error: unknown): void {
    this.failure ??= error;
    this.wakeProducer?.();
    this.wakeConsumer?.();
  }

  async next(): Promise<Chunk | undefined> {
    while (this.items.length === 0 && !this.closed && !this.failure) await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    if (this.failure) throw this.failure;
    const chunk = this.items.shift();
    if (chunk) {
      this.bytes -= chunk.data.byteLength;
      if (this.bytes <= this.maxBytes) this.wakeProducer?.();
    }
    return chunk;
  }
}

interface IndexDefinition {
  table: string;
  /** Qualified index name. */
  name: string;
  /** Backs a primary key / unique constraint (rebuilt inside the load transaction, never deferred). */
  constraint: boolean;
  drop: string;
  create: string;
}

/**
 * Every index of the lane's tables, as the statements that drop and recreate it: plain indexes by their
 * pg_get_indexdef, primary keys and unique constraints by their pg_get_constraintdef (rebuilding a primary key
 * after the load sorts once instead of inserting 1M random keys; duplicates still fail the transaction).
 * Indexes a foreign key depends on are left alone.
 */
const INDEX_DEFINITIONS = `
  SELECT ct.relname AS table,
         quote_ident(n.nspname) || '.' || quote_ident(ci.relname) AS name,
         k.oid IS NOT NULL AS constraint,
         CASE WHEN k.oid IS NULL
              THEN 'DROP INDEX ' || quote_ident(n.nspname) || '.' || quote_ident(ci.relname)
              ELSE 'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(ct.relname) || ' DROP CONSTRAINT ' || quote_ident(k.conname)
         END AS drop,
         CASE WHEN k.oid IS NULL
              THEN pg_get_indexdef(i.indexrelid)
              ELSE 'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(ct.relname) || ' ADD CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid)
         END AS create
    FROM pg_index i
    JOIN pg_class ci ON ci.oid = i.indexrelid
    JOIN pg_class ct ON ct.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = ct.relnamespace
    LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')
   WHERE n.nspname = $1 AND ct.relname = ANY($2)
     AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
   ORDER BY k.oid IS NULL, ct.relname, ci.relname`;

/**
 * Secondary indexes whose build was deferred past the load transaction (Postgres): recorded in the same
 * transaction that dropped them, deleted in the transaction that recreates each, so an interrupted seed leaves
 * a to-do list that `repairDeferredIndexes` completes (seedDatabases and isSeeded call it).
 */
const DEFERRED_TABLE = "drizzle.seed_deferred_indexes";

export interface DeferredIndex {
  source: Source;
  table: SeedTable;
  name: string;
  create: string;
}

function trace(message: string): void {
  if (process.env.SEED_TRACE) console.error(`[seed ${(performance.now() / 1000).toFixed(1)}] ${message}`);
}

/** Creates the to-do table for deferred index builds (Postgres sources; the `drizzle` schema holds bookkeeping). */
export async function prepareDeferredIndexes(source: Source): Promise<void> {
  await source.raw("CREATE SCHEMA IF NOT EXISTS drizzle");
  await source.raw(`CREATE TABLE IF NOT EXISTS ${DEFERRED_TABLE} (name text PRIMARY KEY, create_sql text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
}

/** Builds the indexes an interrupted seed left on the to-do list; returns how many. */
export async function repairDeferredIndexes(source: Source): Promise<number> {
  if (source.driver !== "postgres") return 0;
  const [table] = await source.raw<{ found: string | null }>(`SELECT to_regclass('${DEFERRED_TABLE}')::text AS found`);
  if (!table?.found) return 0;
  const pending = await source.raw<{ name: string; create_sql: string }>(`SELECT name, create_sql FROM ${DEFERRED_TABLE} ORDER BY name`);
  for (const index of pending) {
    await inTransaction(source, async (session) => {
      const [exists] = await session.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [index.name]);
      if (!exists?.found) await session.query(index.create_sql);
      await session.query(`DELETE FROM ${DEFERRED_TABLE} WHERE name = $1`, [index.name]);
    });
  }
  return pending.length;
}

/**
 * Loads every chunk of `tables` (a lane: tables of one source) from the queue, truncating them first.
 * With `deferIndexes`, secondary indexes are left for `buildDeferredIndexes` (returned); primary keys are
 * always rebuilt before the data commits.
 */
export async function loadLane(
  source: Source,
  tables: SeedTable[],
  queue: ChunkQueue,
  options: { deferIndexes: boolean },
): Promise<{ timings: Map<SeedTable, TableTiming>; deferred: DeferredIndex[] }> {
  const timings = new Map<SeedTable, TableTiming>(tables.map((t) => [t, { rows: 0, copyMs: 0, indexMs: 0 }]));
  const specs: TableSpec[] = tables.map((t) => SEED_TABLES[t]);
  const schema = specs[0].table.split(".")[0];
  const names = specs.map((s) => s.table.split(".")[1]);
  const keyOf = (table: string) => tables[names.indexOf(table)];
  const maxIds = new Map<SeedTable, number>();
  const deferred: DeferredIndex[] = [];

  try {
    await inTransaction(source, async (session, transactional) => {
      await session.query(`TRUNCATE ${specs.map((s) => s.table).join(", ")}`);
      let rebuild: IndexDefinition[] = [];
      if (transactional) {
        if (source.driver === "postgres") {
          await session.query("SET LOCAL maintenance_work_mem = '256MB'");
          // Lanes run side by side: parallel index workers would only oversubscribe the CPUs.
          await session.query("SET LOCAL max_parallel_maintenance_workers = 0");
        }
        const indexes = await session.query<IndexDefinition>(INDEX_DEFINITIONS, [schema, names]);
        for (const index of indexes) {
          if (options.deferIndexes && !index.constraint) {
            await session.query(
              `INSERT INTO ${DEFERRED_TABLE} (name, create_sql) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET create_sql = EXCLUDED.create_sql`,
              [index.name, index.create],
            );
            deferred.push({ source, table: keyOf(index.table), name: index.name, create: index.create });
          } else rebuild.push(index);
          await session.query(index.drop);
        }
      }

      for (let chunk = await queue.next(); chunk; chunk = await queue.next()) {
        const spec = SEED_TABLES[chunk.table];
        const started = performance.now();
        await session.copy(spec.table, spec.columns, chunk.data, transactional);
        const timing = timings.get(chunk.table)!;
        timing.copyMs += performance.now() - started;
        timing.rows += chunk.rows;
        if ("serial" in spec) maxIds.set(chunk.table, (maxIds.get(chunk.table) ?? 0) + chunk.rows);
      }
      trace(`${tables.join(", ")}: copied`);

      for (const index of rebuild) {
        const started = performance.now();
        await session.query(index.create);
        timings.get(keyOf(index.table))!.indexMs += performance.now() - started;
        trace(`${index.name}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      for (const [key, max] of maxIds) {
        const spec = SEED_TABLES[key] as TableSpec;
        await session.query(`SELECT setval(pg_get_serial_sequence('${spec.table}', '${spec.serial}'), $1)`, [max]);
      }
    });
    trace(`${tables.join(", ")}: committed`);
  } catch (error) {
    queue.fail(error);
    throw error;
  }
  return { timings, deferred };
}

/**
 * Builds deferred indexes, `concurrency` at a time across all sources (each in its own transaction, which also
 * strikes it off the to-do list), biggest tables first. Calls `onBuilt` with each build's duration.
 */
export async function buildDeferredIndexes(
  indexes: DeferredIndex[],
  concurrency: number,
  weight: (index: DeferredIndex) => number,
  onBuilt: (index: DeferredIndex, ms: number) => void,
): Promise<void> {
  const queue = [...indexes].sort((a, b) => weight(b) - weight(a));
  const worker = async () => {
    for (let index = queue.shift(); index; index = queue.shift()) {
      const current = index;
      const started = performance.now();
      await inTransaction(current.source, async (session) => {
        await session.query("SET LOCAL maintenance_work_mem = '256MB'");
        await session.query(current.create);
        await session.query(`DELETE FROM ${DEFERRED_TABLE} WHERE name = $1`, [current.name]);
      });
      const ms = performance.now() - started;
      trace(`${current.name}: built in ${(ms / 1000).toFixed(1)} s`);
      onBuilt(current, ms);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
