/**
 * Seeding: the administrative map into the gateway database, then a generated, internally consistent population
 * with its land and business records into the three national sources. Generation and loading overlap: the
 * generator fills per-table CSV chunks while each source's loader COPYs them in its own transaction (load.ts),
 * and the population's indexes are built while land and business are still being generated (generate.ts).
 *
 *   const summary = await seedDatabases(sources, { citizens: 100_000, seed: 2025, reset: true });
 */
import os from "node:os";
import cliProgress from "cli-progress";
import { DATA_SOURCE_NAMES, type DataSourceName, type SourceName } from "../platform/config.js";
import type { Source } from "../platform/db/source.js";
import { generateDataset } from "./generate.js";
import { buildDeferredIndexes, prepareDeferredIndexes, repairDeferredIndexes } from "./indexes.js";
import { loadLane, type TableTiming } from "./load.js";
import { ChunkQueue, TaskPool } from "./queue.js";
import { loadReferenceData, type ReferenceCounts } from "./reference.js";
import { SEED_TABLE_KEYS, SEED_TABLES, type SeedTable } from "./tables.js";

export { loadReferenceData } from "./reference.js";
export { generateDataset } from "./generate.js";

export interface SeedOptions {
  /** Citizens to generate (the last household may add a few). */
  citizens: number;
  /** PRNG seed: the same seed and citizen count give identical rows. */
  seed: number;
  /** Empty the sources first; without it, seeding a source that holds data is an error. */
  reset?: boolean;
  /** Show a progress bar on stderr (only when stderr is a terminal). */
  progress?: boolean;
  /** Rows per COPY chunk (default 25,000). */
  chunkRows?: number;
  /** Told how far generation has come: citizens generated so far, then the land and business records. */
  onProgress?: (progress: SeedProgress) => void;
}

export type SeedProgress =
  { phase: "population"; citizens: number; of: number } | { phase: "land and business"; fraction: number } | { phase: "indexes" };

export interface TableSummary {
  source: SourceName;
  table: string;
  rows: number;
  /** Time in COPY for this table, in ms (0 for reference tables, timed as a whole). */
  copyMs: number;
  /** Time rebuilding this table's indexes (primary key included), in ms. */
  indexMs: number;
}

export interface SeedSummary {
  citizens: number;
  seed: number;
  tables: TableSummary[];
  /** Rows per table, keyed "schema.table". */
  rows: Record<string, number>;
  referenceMs: number;
  elapsedMs: number;
}

export class SeedError extends Error {
  override name = "SeedError";
}

async function hasRows(source: Source, table: string): Promise<boolean> {
  const rows = await source.raw<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS found`);
  return rows[0]?.found === true;
}

/**
 * True when the gateway has its communes and the population source has citizens. Also finishes the index builds
 * of a seed that was interrupted after its data committed (Postgres; see load.ts), so a server starting on
 * such data still gets every index.
 */
export async function isSeeded(sources: Record<SourceName, Source>): Promise<boolean> {
  for (const name of DATA_SOURCE_NAMES) await repairDeferredIndexes(sources[name]);
  return (await hasRows(sources.gateway, "gateway.communes")) && (await hasRows(sources.population, "population.citizens"));
}

function validate(options: SeedOptions): void {
  if (!Number.isSafeInteger(options.citizens) || options.citizens < 1) {
    throw new SeedError(`citizens must be a positive integer, got ${options.citizens}`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new SeedError(`seed must be an integer, got ${options.seed}`);
}

export async function seedDatabases(sources: Record<SourceName, Source>, options: SeedOptions): Promise<SeedSummary> {
  validate(options);
  const started = performance.now();

  if (!options.reset) {
    for (const key of SEED_TABLE_KEYS) {
      const spec = SEED_TABLES[key];
      if (await hasRows(sources[spec.source], spec.table)) {
        throw new SeedError(`${spec.table} already holds data; seed with reset (--reset) to replace everything`);
      }
    }
  }

  for (const name of DATA_SOURCE_NAMES) {
    if (sources[name].driver !== "postgres") continue;
    await prepareDeferredIndexes(sources[name]);
    await repairDeferredIndexes(sources[name]);
  }

  const reference = await loadReferenceData(sources.gateway);
  const referenceMs = performance.now() - started;

  // Lanes (one transaction and connection each): one per source, two for the population on Postgres. More COPY
  // connections do not help on a small machine: they take CPU from the generator. On Postgres, indexes are
  // built after the data commits, a few at a time across all tables (inside one transaction they could only be
  // built one after another), as soon as a source is loaded: the population's while land and business are
  // still being generated.
  const lanes: { source: DataSourceName; queue: ChunkQueue; loader: ReturnType<typeof loadLane> }[] = [];
  const laneOf = new Map<SeedTable, ChunkQueue>();
  for (const name of DATA_SOURCE_NAMES) {
    const source = sources[name];
    const tables = SEED_TABLE_KEYS.filter((k) => SEED_TABLES[k].source === name);
    // The population is two thirds of the rows: two lanes let its COPYs use the second CPU.
    const groups =
      name === "population" && source.driver === "postgres"
        ? [tables.filter((t) => t === "citizens" || t === "households"), tables.filter((t) => t !== "citizens" && t !== "households")]
        : [tables];
    for (const group of groups) {
      const queue = new ChunkQueue(64 * 1024 * 1024);
      const loader = loadLane(source, group, queue, { deferIndexes: source.driver === "postgres" });
      loader.catch(() => {}); // observed below; avoids an unhandled rejection while generation still runs
      lanes.push({ source: name, queue, loader });
      for (const t of group) laneOf.set(t, queue);
    }
  }
  const timings = new Map<SeedTable, TableTiming>();
  // One index build at a time while the generator (the critical path) still runs, then one per CPU.
  const cpus = Math.min(4, Math.max(2, os.availableParallelism()));
  const indexPool = new TaskPool(Math.max(1, cpus - 1));
  const finishing: Promise<void>[] = [];
  const finish = async (name: DataSourceName) => {
    const own = lanes.filter((l) => l.source === name);
    for (const lane of own) lane.queue.close();
    const results = await Promise.all(own.map((l) => l.loader));
    for (const result of results) for (const [key, timing] of result.timings) timings.set(key, timing);
    await buildDeferredIndexes(
      results.flatMap((r) => r.deferred),
      indexPool,
      // Biggest first; a GIN trigram index costs about three btrees.
      (index) => (timings.get(index.table)?.rows ?? 0) * (/ USING gin /i.test(index.create) ? 3 : 1),
      (index, ms) => void (timings.get(index.table)!.indexMs += ms),
    );
    // Fresh statistics, so the first queries are planned on the real row counts.
    await sources[name].raw(
      `ANALYZE ${SEED_TABLE_KEYS.filter((k) => SEED_TABLES[k].source === name)
        .map((k) => SEED_TABLES[k].table)
        .join(", ")}`,
    );
  };

  const bar =
    options.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: "Seeding |{bar}| {percentage}% | ETA {eta_formatted}", stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(100, 0);

  try {
    await generateDataset({
      citizens: options.citizens,
      seed: options.seed,
      chunkRows: options.chunkRows,
      onChunk: async (chunk) => {
        const queue = laneOf.get(chunk.table)!;
        queue.push(chunk);
        await queue.room();
      },
      onSourceDone: (name) => {
        const done = finish(name);
        done.catch(() => {}); // observed below
        finishing.push(done);
      },
      onProgress: (fraction) => {
        bar?.update(Math.round(fraction * 100));
        // The population is the first 60 % of generation (generate.ts), citizen by citizen.
        if (fraction <= 0.6)
          options.onProgress?.({ phase: "population", citizens: Math.round((fraction / 0.6) * options.citizens), of: options.citizens });
        else if (fraction < 1) options.onProgress?.({ phase: "land and business", fraction: (fraction - 0.6) / 0.4 });
      },
    });
    options.onProgress?.({ phase: "indexes" });
    bar?.stop();
    indexPool.resize(cpus);
    await Promise.all(finishing);
  } catch (error) {
    for (const lane of lanes) lane.queue.fail(error);
    await Promise.allSettled([...lanes.map((l) => l.loader), ...finishing]);
    throw error;
  } finally {
    bar?.stop();
  }

  const tables: TableSummary[] = [];
  const referenceRows: [string, keyof ReferenceCounts][] = [
    ["gateway.provinces", "provinces"],
    ["gateway.communes", "communes"],
    ["gateway.legacy_provinces", "legacyProvinces"],
    ["gateway.legacy_districts", "legacyDistricts"],
    ["gateway.legacy_communes", "legacyCommunes"],
    ["gateway.legacy_commune_successors", "legacyCommuneSuccessors"],
  ];
  for (const [table, key] of referenceRows) tables.push({ source: "gateway", table, rows: reference[key], copyMs: 0, indexMs: 0 });
  for (const key of SEED_TABLE_KEYS) {
    const t = timings.get(key)!;
    tables.push({ source: SEED_TABLES[key].source, table: SEED_TABLES[key].table, rows: t.rows, copyMs: t.copyMs, indexMs: t.indexMs });
  }
  const citizens = tables.find((t) => t.table === "population.citizens")?.rows ?? 0;
  return {
    citizens,
    seed: options.seed,
    tables,
    rows: Object.fromEntries(tables.map((t) => [t.table, t.rows])),
    referenceMs,
    elapsedMs: performance.now() - started,
  };
}
