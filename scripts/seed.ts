/**
 * `npm run db:seed -- --citizens 100000 [--seed 2025] [--reset]`: migrates the four sources and fills them with
 * generated data (see src/seed/). Sources are embedded PGlite under DATA_DIR unless *_DATABASE_URL is set.
 */
import { parseArgs } from "node:util";
import { openSources, type OpenedSources } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { migrateSource } from "../src/platform/db/migrate.js";
import { SeedError, seedDatabases } from "../src/seed/index.js";
import { formatSeedSummary } from "../src/seed/report.js";

const USAGE = `Usage: npm run db:seed -- [--citizens N] [--seed N] [--reset]

  --citizens N   citizens to generate (default: SEED_CITIZENS or 10000)
  --seed N       random seed; the same seed and count give identical data (default: SEED or 2025)
  --reset        empty the sources first (required when they already hold data)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(value) || value < min) fail(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: { citizens: { type: "string" }, seed: { type: "string" }, reset: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false,
  });
}
try {
  args = parse();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}

let config;
try {
  config = loadConfig({ SOURCE_QUERY_TIMEOUT_MS: "0", ...process.env });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const citizens = integer("citizens", args.values.citizens, config.defaultSeedCitizens || 10_000, 1);
const seed = integer("seed", args.values.seed, config.seed, 0);

// openSources takes the data-folder lock: seeding while a gateway serves the same embedded files would corrupt them.
let opened: OpenedSources | undefined;
try {
  opened = await openSources(config);
  const { sources } = opened;
  for (const source of Object.values(sources)) await migrateSource(source);
  console.error(`Seeding ${citizens.toLocaleString("en")} citizens (seed ${seed})...`);
  const summary = await seedDatabases(sources, { citizens, seed, reset: args.values.reset ?? false, progress: true });
  console.log(formatSeedSummary(summary));
} catch (error) {
  if (error instanceof SeedError || !opened) console.error(error instanceof Error ? error.message : error);
  else console.error(error);
  process.exitCode = 1;
} finally {
  await opened?.close();
}
