/**
 * Dropping and rebuilding the seeded tables' indexes. Definitions are read back from the catalogue, so what is
 * rebuilt is exactly what the migrations created. On Postgres the builds are deferred past the load
 * transaction and listed in drizzle.seed_deferred_indexes until done (see load.ts).
 */
import type { Source } from "../platform/db/source.js";
import type { TaskPool } from "./queue.js";
import { inTransaction, trace } from "./session.js";
import type { SeedTable } from "./tables.js";

export interface IndexDefinition {
  table: string;
  /** Qualified index name. */
  name: string;
  drop: string;
  /** One or more statements, separated by ";\n" (see `statements`). */
  create: string;
}

/**
 * Every index of the lane's tables, as the statements that drop and recreate it, read from the catalogue. A
 * primary key or unique constraint is recreated as its unique index (pg_get_indexdef, which may be built side by
 * side with the table's other indexes) then `ADD CONSTRAINT … USING INDEX`, which gives back the same constraint
 * on the same-named index; duplicates would fail the build. Exclusion constraints, and indexes a foreign key
 * depends on, are left alone (the schema has neither).
 */
export const INDEX_DEFINITIONS = `
  SELECT ct.relname AS table,
         quote_ident(n.nspname) || '.' || quote_ident(ci.relname) AS name,
         CASE WHEN k.oid IS NULL
              THEN 'DROP INDEX ' || quote_ident(n.nspname) || '.' || quote_ident(ci.relname)
              ELSE 'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(ct.relname) || ' DROP CONSTRAINT ' || quote_ident(k.conname)
         END AS drop,
         pg_get_indexdef(i.indexrelid) ||
         CASE WHEN k.oid IS NULL THEN ''
              ELSE E';\n' || 'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(ct.relname) || ' ADD CONSTRAINT ' || quote_ident(k.conname)
                   || CASE k.contype WHEN 'p' THEN ' PRIMARY KEY' ELSE ' UNIQUE' END || ' USING INDEX ' || quote_ident(ci.relname)
         END AS create
    FROM pg_index i
    JOIN pg_class ci ON ci.oid = i.indexrelid
    JOIN pg_class ct ON ct.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = ct.relnamespace
    LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u')
   WHERE n.nspname = $1 AND ct.relname = ANY($2)
     AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND (x.contype = 'f' OR (x.contype = 'x' AND x.conrelid = i.indrelid)))
   ORDER BY ct.relname, ci.relname`;

/** The statements of an index definition's `create`. */
export function statements(create: string): string[] {
  return create.split(";\n");
}

/** To-do list of index builds deferred past the load transaction (Postgres); see load.ts. */
export const DEFERRED_TABLE = "drizzle.seed_deferred_indexes";

export interface DeferredIndex {
  source: Source;
  table: SeedTable;
  name: string;
  create: string;
}

/** Creates the to-do table for deferred index builds (Postgres sources; the `drizzle` schema holds bookkeeping). */
export async function prepareDeferredIndexes(source: Source): Promise<void> {
  await source.raw("CREATE SCHEMA IF NOT EXISTS drizzle");
  await source.raw(
    `CREATE TABLE IF NOT EXISTS ${DEFERRED_TABLE} (name text PRIMARY KEY, create_sql text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`,
  );
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
      if (!exists?.found) for (const statement of statements(index.create_sql)) await session.query(statement);
      await session.query(`DELETE FROM ${DEFERRED_TABLE} WHERE name = $1`, [index.name]);
    });
  }
  return pending.length;
}

/**
 * Builds deferred indexes in `pool` (each in its own transaction, which also strikes it off the to-do list),
 * heaviest first by `weight`. Calls `onBuilt` with each build's duration.
 */
export async function buildDeferredIndexes(
  indexes: DeferredIndex[],
  pool: TaskPool,
  weight: (index: DeferredIndex) => number,
  onBuilt: (index: DeferredIndex, ms: number) => void,
): Promise<void> {
  const ordered = [...indexes].sort((a, b) => weight(b) - weight(a));
  await Promise.all(
    ordered.map((index) =>
      pool.run(async () => {
        const started = performance.now();
        await inTransaction(index.source, async (session) => {
          await session.query("SET LOCAL maintenance_work_mem = '256MB'");
          // The pool already builds one index per CPU: parallel index workers would only oversubscribe them.
          await session.query("SET LOCAL max_parallel_maintenance_workers = 0");
          for (const statement of statements(index.create)) await session.query(statement);
          await session.query(`DELETE FROM ${DEFERRED_TABLE} WHERE name = $1`, [index.name]);
        });
        const ms = performance.now() - started;
        trace(`${index.name}: built in ${(ms / 1000).toFixed(1)} s`);
        onBuilt(index, ms);
      }),
    ),
  );
}
