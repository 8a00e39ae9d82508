/**
 * Drives the generators household by household and hands out CSV chunks as the per-table buffers fill, so
 * memory stays bounded (a chunk per table plus what the loader has not consumed yet) whatever the size asked.
 * The content depends only on `seed` and `citizens`, never on timing: same options → byte-identical chunks.
 */
import { BusinessGenerator } from "./business.js";
import { LandGenerator } from "./land.js";
import type { Chunk } from "./load.js";
import { PopulationGenerator } from "./people.js";
import { SEED_TABLE_KEYS, type SeedTable } from "./tables.js";
import { World } from "./world.js";

export interface GenerateOptions {
  /** Citizens to generate (the last household may add a few more). */
  citizens: number;
  seed: number;
  /** Rows per chunk handed to `onChunk` (default 25,000). */
  chunkRows?: number;
  onChunk: (chunk: Chunk) => void | Promise<void>;
  onProgress?: (citizens: number) => void;
}

const HOUSEHOLDS_PER_BATCH = 400;

/** Generates the whole data set; returns the rows produced per table. */
export async function generateDataset(options: GenerateOptions): Promise<Record<SeedTable, number>> {
  const chunkRows = options.chunkRows ?? 25_000;
  const world = new World(options.seed);
  const population = new PopulationGenerator(world);
  const land = new LandGenerator(world);
  const business = new BusinessGenerator(world, land);
  const buffers = SEED_TABLE_KEYS.map((k) => world.buffers[k]);

  const flush = async (all: boolean) => {
    for (const buffer of buffers) {
      if (buffer.rows > 0 && (all || buffer.rows >= chunkRows)) {
        const { data, rows } = buffer.take();
        await options.onChunk({ table: buffer.key, data, rows });
      }
    }
  };

  let citizens = 0;
  while (citizens < options.citizens) {
    for (let i = 0; i < HOUSEHOLDS_PER_BATCH && citizens < options.citizens; i++) {
      const household = population.household();
      const people = household.living.length + household.deceased.length;
      citizens += people;
      land.household(household);
      business.afterHousehold(household, people);
    }
    options.onProgress?.(citizens);
    await flush(false);
    // Let the loaders' sockets move while generating.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await flush(true);
  return Object.fromEntries(buffers.map((b) => [b.key, b.total])) as Record<SeedTable, number>;
}
