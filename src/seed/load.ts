/**
 * Bulk loading. A "lane" is a group of tables of one source loaded in ONE transaction on one connection:
 *   TRUNCATE → drop their indexes (primary keys too) → COPY … FREEZE every chunk → move sequences → …
 * Indexes are then built once over the loaded rows instead of being updated row by row (for 1M citizens this
 * halves the load time; the GIN trigram index and the random-order primary keys are the worst cases). Index
 * definitions are read back from the catalogue (pg_get_indexdef), so what is recreated is exactly what the
 * migrations created.
 *
 * - PGlite (one session): each source is one lane and rebuilds its indexes inside its transaction, so an
 *   interrupted load leaves the source as it was.
 * - Postgres: lanes run in parallel and commit right after COPY; the indexes are built afterwards, a few at a
 *   time across all tables, each in its own transaction. Until built, an index is listed in
 *   drizzle.seed_deferred_indexes — written by the transaction that dropped it, struck off by the one that
 *   rebuilds it — so an interruption cannot lose one: `repairDeferredIndexes` (called by seedDatabases and
 *   isSeeded) finishes the list.
 *
 * The transaction needs one dedicated connection, which `Source` does not expose; drizzle's public `$client`
 * (the postgres.js pool or the PGlite instance) provides it. Without it, chunks go through `source.copyCsv`
 * and the indexes stay in place.
 */
import type { Source } from "../platform/db/source.js";
import { type DeferredIndex, DEFERRED_TABLE, INDEX_DEFINITIONS, type IndexDefinition, statements } from "./indexes.js";
import type { ChunkQueue } from "./queue.js";
import { inTransaction, trace } from "./session.js";
import { SEED_TABLES, type SeedTable, type TableSpec } from "./tables.js";

export interface TableTiming {
  rows: number;
  /** Time spent in COPY statements for this table. */
  copyMs: number;
  /** Time spent building this table's indexes (primary key included). */
  indexMs: number;
}

/**
 * Loads every chunk of `tables` (a lane: tables of one source) from the queue, truncating them first.
 * With `deferIndexes`, the indexes (primary keys included) are left for `buildDeferredIndexes` (returned).
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
      const rebuild: IndexDefinition[] = [];
      if (transactional) {
        const indexes = await session.query<IndexDefinition>(INDEX_DEFINITIONS, [schema, names]);
        for (const index of indexes) {
          if (options.deferIndexes) {
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
        for (const statement of statements(index.create)) await session.query(statement);
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
