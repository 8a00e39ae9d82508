/**
 * `npm run bench:seed -- [--citizens 1000000] [--seed 2025] [--embedded] [--generate-only]`
 *
 * Seeds throwaway databases and prints rows, seconds and rows/s per table:
 * - default: four databases ndaf_bench_seed_<pid>_<random>_<source> on local Postgres (TEST_POSTGRES_URL, default
 *   postgres://postgres@127.0.0.1:5432/postgres), dropped at the end;
 * - --embedded: PGlite in a temporary folder, removed at the end;
 * - --generate-only: the generator alone (CSV produced and discarded), no database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { SOURCE_NAMES, type SourceName } from "../src/platform/config.js";
import { migrateSource } from "../src/platform/db/migrate.js";
import { BATCH_RESILIENCE } from "../src/platform/db/resilience.js";
import { openSource, type Source } from "../src/platform/db/source.js";
import { generateDataset, seedDatabases } from "../src/seed/index.js";
import { formatSeedSummary } from "../src/seed/report.js";
import { createThrowawayDatabases } from "./lib/throwaway-db.js";

const USAGE = "Usage: npm run bench:seed -- [--citizens N] [--seed N] [--embedded] [--generate-only]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: { citizens?: string; seed?: string; embedded?: boolean; "generate-only"?: boolean };
try {
  values = parseArgs({
    options: {
      citizens: { type: "string" },
      seed: { type: "string" },
      embedded: { type: "boolean" },
      "generate-only": { type: "boolean" },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const citizens = Number((values.citizens ?? "1000000").replace(/_/g, ""));
const seed = Number(values.seed ?? "2025");
if (!Number.isSafeInteger(citizens) || citizens < 1) fail(`--citizens must be a positive integer, got "${values.citizens}"`);
if (!Number.isSafeInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer, got "${values.seed}"`);

async function generateOnly(): Promise<void> {
  const started = performance.now();
  let bytes = 0;
  const rows = await generateDataset({ citizens, seed, onChunk: (c) => void (bytes += c.data.byteLength) });
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(rows).reduce((s, n) => s + n, 0);
  for (const [table, n] of Object.entries(rows)) console.log(`${table.padEnd(22)} ${n.toLocaleString("en").padStart(12)}`);
  console.log(
    `generated ${total.toLocaleString("en")} rows (${(bytes / 1e6).toFixed(0)} MB of CSV) in ${seconds.toFixed(2)} s: ${Math.round(total / seconds).toLocaleString("en")} rows/s`,
  );
}

async function run(
  open: () => Promise<Record<SourceName, Source>>,
  cleanup: () => Promise<void>,
  label: string,
  serverCpu?: () => Promise<Map<number, number> | null>,
): Promise<void> {
  let sources: Record<SourceName, Source> | undefined;
  try {
    sources = await open();
    for (const source of Object.values(sources)) await migrateSource(source);
    console.error(`Seeding ${citizens.toLocaleString("en")} citizens into ${label}...`);
    const cpu = process.cpuUsage();
    const serverBefore = (await serverCpu?.()) ?? null;
    const summary = await seedDatabases(sources, { citizens, seed, reset: true, progress: true });
    const used = process.cpuUsage(cpu);
    const serverAfter = (await serverCpu?.()) ?? null;
    console.log(formatSeedSummary(summary));
    let server = "";
    if (serverBefore && serverAfter) {
      let total = 0;
      for (const [pid, seconds] of serverAfter) total += seconds - (serverBefore.get(pid) ?? 0);
      server = `, Postgres backends ${total.toFixed(1)} s (${serverAfter.size} connections)`;
    }
    console.log(`CPU time: this process ${((used.user + used.system) / 1e6).toFixed(1)} s${server}.`);
  } finally {
    if (sources) await Promise.allSettled(Object.values(sources).map((s) => s.close()));
    await cleanup();
  }
}

/**
 * CPU seconds used so far by each server process serving the bench databases, by pid (read from /proc: only
 * when the server runs on this machine; null otherwise). The pool keeps its connections open until the sources
 * close, so the difference between two samples is the load's server-side CPU.
 */
async function backendCpuSeconds(admin: postgres.Sql, databases: string[]): Promise<Map<number, number> | null> {
  try {
    const rows = await admin<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname IN ${admin(databases)}`;
    const ticks = 100; // USER_HZ on Linux
    const result = new Map<number, number>();
    for (const { pid } of rows) {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      result.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
    }
    return result;
  } catch {
    return null;
  }
}

async function onPostgres(): Promise<void> {
  const databases = await createThrowawayDatabases("ndaf_bench_seed", SOURCE_NAMES);
  await run(
    async () => {
      const entries = await Promise.all(
        SOURCE_NAMES.map(
          async (name) => [name, await openSource({ name, url: databases.urls[name], resilience: BATCH_RESILIENCE })] as const,
        ),
      );
      return Object.fromEntries(entries) as Record<SourceName, Source>;
    },
    () => databases.close(),
    `Postgres (${new URL(databases.adminUrl).host}, databases ${databases.tag}_*)`,
    () => backendCpuSeconds(databases.admin, Object.values(databases.databases)),
  );
}

async function onPglite(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-bench-seed-"));
  await run(
    async () => {
      const entries = await Promise.all(
        SOURCE_NAMES.map(
          async (name) => [name, await openSource({ name, dataDir: path.join(dir, name), resilience: BATCH_RESILIENCE })] as const,
        ),
      );
      return Object.fromEntries(entries) as Record<SourceName, Source>;
    },
    async () => fs.rmSync(dir, { recursive: true, force: true }),
    `PGlite (${dir})`,
  );
}

try {
  if (values["generate-only"]) await generateOnly();
  else if (values.embedded) await onPglite();
  else await onPostgres();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
