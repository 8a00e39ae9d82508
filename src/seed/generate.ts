/**
 * Drives the generators and hands out CSV chunks as the per-table buffers fill, in two phases:
 *  1. the population, household by household (citizens, households, members, identity cards), keeping only a
 *     compact record per household (commune, address, the ids of its adults);
 *  2. land and business, replaying those records in the same order.
 * So the population source can finish loading (and build its indexes) while land and business are still being
 * generated, and memory holds a chunk per table plus the household records, never the whole data set.
 * The content depends only on `seed` and `citizens`, never on timing: same options → byte-identical chunks.
 */
import type { DataSourceName } from "../platform/config.js";
import { BusinessGenerator } from "./business.js";
import { LandGenerator } from "./land.js";
import type { Chunk } from "./queue.js";
import { type HouseholdInfo, PopulationGenerator } from "./people.js";
import { SEED_TABLE_KEYS, SEED_TABLES, type SeedTable, type TableBuffer } from "./tables.js";
import { World } from "./world.js";

export interface GenerateOptions {
  /** Citizens to generate (the last household may add a few more). */
  citizens: number;
  seed: number;
  /** Rows per chunk handed to `onChunk` (default 25,000). */
  chunkRows?: number;
  onChunk: (chunk: Chunk) => void | Promise<void>;
  /** Called when a source's last chunk has been handed out (population first). */
  onSourceDone?: (source: DataSourceName) => void | Promise<void>;
  /** Progress from 0 to 1 (the population is about 60% of the work). */
  onProgress?: (fraction: number) => void;
}

const HOUSEHOLDS_PER_BATCH = 400;

/** Generates the whole data set; returns the rows produced per table. */
export async function generateDataset(options: GenerateOptions): Promise<Record<SeedTable, number>> {
  const chunkRows = options.chunkRows ?? 25_000;
  const world = new World(options.seed);
  const population = new PopulationGenerator(world);
  const land = new LandGenerator(world);
  const business = new BusinessGenerator(world, land);
  const buffersOf = (source: string) => SEED_TABLE_KEYS.filter((k) => SEED_TABLES[k].source === source).map((k) => world.buffers[k]);
  const populationBuffers = buffersOf("population");
  const otherBuffers = [...buffersOf("land"), ...buffersOf("business")];

  const flush = async (buffers: TableBuffer[], all: boolean) => {
    for (const buffer of buffers) {
      if (buffer.rows > 0 && (all || buffer.rows >= chunkRows)) {
        const { data, rows } = buffer.take();
        await options.onChunk({ table: buffer.key, data, rows });
      }
    }
  };
  // Let the loaders' sockets move while generating.
  const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

  const households: (HouseholdInfo | undefined)[] = [];
  let citizens = 0;
  while (citizens < options.citizens) {
    for (let i = 0; i < HOUSEHOLDS_PER_BATCH && citizens < options.citizens; i++) {
      const household = population.household();
      citizens += household.people;
      households.push(household);
    }
    options.onProgress?.(0.6 * Math.min(1, citizens / options.citizens));
    await flush(populationBuffers, false);
    await breathe();
  }
  await flush(populationBuffers, true);
  await options.onSourceDone?.("population");

  for (let i = 0; i < households.length; i++) {
    const household = households[i]!;
    households[i] = undefined; // let it go: only the reservoir keeps some adults
    for (const adult of household.adults) world.adults.add(adult);
    land.household(household);
    business.afterHousehold(household);
    if (i % HOUSEHOLDS_PER_BATCH === HOUSEHOLDS_PER_BATCH - 1) {
      options.onProgress?.(0.6 + (0.4 * i) / households.length);
      await flush(otherBuffers, false);
      await breathe();
    }
  }
  await flush(otherBuffers, true);
  await options.onSourceDone?.("land");
  await options.onSourceDone?.("business");
  options.onProgress?.(1);

  return Object.fromEntries(SEED_TABLE_KEYS.map((k) => [k, world.buffers[k].total])) as Record<SeedTable, number>;
}
