/**
 * Seeding: the administrative map into the gateway database, then a generated, internally consistent population
 * with its land and business records into the three national sources. Generation and loading overlap: the
 * generator fills per-table CSV chunks while each source's loader COPYs them in its own transaction.
 *
 *   const summary = await seedDatabases(sources, { citizens: 100_000, seed: 2025, reset: true });
 */
import cliProgress from "cli-progress";
import type { SourceName } from "../config.js";
import type { Source } from "../db/source.js";
import { generateDataset } from "./generate.js";
import { ChunkQueue, loadLane, type TableTiming } from "./load.js";
import { loadReferenceData, type ReferenceCounts } from "./reference.js";
import { SEED_TABLE_KEYS, SEED_TABLES, type SeedTable } from "./tables.js";

export { loadReferenceData } from "./reference.js";
export { generateDataset } from "./generate.js";

export type DataSourceName = Exclude<SourceName, "gateway">;
const DATA_SOURCES: DataSourceName[] = ["population", "land", "business"];

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
}

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

/** True when the gateway has its communes and the population source has citizens. */
export async function isSeeded(sources: Record<SourceName, Source>): Promise<boolean> {
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

  const reference = await loadReferenceData(sources.gateway);
  const referenceMs = performance.now() - started;

  // Lanes: groups of tables by `lane` on Postgres (parallel connections), one per source on PGlite (one session).
  const lanes: { source: Source; tables: SeedTable[]; queue: ChunkQueue }[] = [];
  const laneOf = new Map<SeedTable, ChunkQueue>();
  for (const name of DATA_SOURCES) {
    const source = sources[name];
    const tables = SEED_TABLE_KEYS.filter((k) => SEED_TABLES[k].source === name);
    const groups =
      source.driver === "postgres"
        ? [...new Set(tables.map((t) => SEED_TABLES[t].lane))].map((lane) => tables.filter((t) => SEED_TABLES[t].lane === lane))
        : [tables];
    for (const group of groups) {
      const queue = new ChunkQueue(source.driver === "postgres" ? 16 * 1024 * 1024 : 64 * 1024 * 1024);
      lanes.push({ source, tables: group, queue });
      for (const t of group) laneOf.set(t, queue);
    }
  }
  const loaders = lanes.map((lane) => loadLane(lane.source, lane.tables, lane.queue));

  const bar =
    options.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: "Seeding |{bar}| {percentage}% | {value}/{total} citizens | ETA {eta_formatted}", stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(options.citizens, 0);

  let timings: Map<SeedTable, TableTiming>[];
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
      onProgress: (n) => bar?.update(Math.min(n, options.citizens)),
    });
    for (const lane of lanes) lane.queue.close();
    timings = await Promise.all(loaders);
  } catch (error) {
    for (const lane of lanes) lane.queue.fail(error);
    await Promise.allSettled(loaders);
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
  for (const map of timings) {
    for (const [key, t] of map) tables.push({ source: SEED_TABLES[key].source, table: SEED_TABLES[key].table, rows: t.rows, copyMs: t.copyMs, indexMs: t.indexMs });
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
