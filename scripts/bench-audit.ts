/**
 * `npm run bench:audit -- [--requests 1000] [--subjects 1,100] [--concurrency 1,8,32] [--processes 1,2] [--embedded]`
 *
 * What the audit trail costs: writeAudit (each request's entries — one per group of subjects of a kind — in one
 * INSERT, chained by the trigger; requests finishing together share one) timed on a throwaway gateway database
 * (local Postgres, TEST_POSTGRES_URL; or PGlite with --embedded, one process only), with 1 and 100 subjects a
 * request (a lookup, a page of a list; a request's subjects read for the same fields, so one entry), at several
 * concurrencies, in one process and in two writing at once — as two gateway replicas do. Each process runs the
 * same requests; requests/s is the total over the processes. Ends with `audit:verify`'s check of the whole trail.
 */
import { spawn } from "node:child_process";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { writeAudit } from "../src/modules/access/audit.js";
import type { AuditEntry } from "../src/modules/access/request.js";
import { migrateSource } from "../src/platform/db/migrate.js";
import { openSource, type Source } from "../src/platform/db/source.js";
import { createThrowawayDatabases } from "./lib/throwaway-db.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string" },
    subjects: { type: "string" },
    concurrency: { type: "string" },
    processes: { type: "string" },
    embedded: { type: "boolean" },
    // A second process's part (internal): writes against --url, prints its figures as one JSON line.
    worker: { type: "string" },
    url: { type: "string" },
  },
});
const requests = Number(values.requests ?? 1000);
const list = (raw: string | undefined, fallback: string) => (raw ?? fallback).split(",").map(Number);
const subjectCounts = list(values.subjects, "1,100");
const levels = list(values.concurrency, "1,8,32");
const processCounts = list(values.processes, values.embedded ? "1" : "1,2");
if (values.embedded && processCounts.some((p) => p > 1)) throw new Error("--embedded runs in one process: PGlite is not shared.");

const FIELDS = ["Citizen.fullName", "Citizen.dateOfBirth", "Citizen.permanentResidence", "IdentityCard.number"];

interface Figures {
  requests: number;
  seconds: number;
  latencies: number[];
}

/** `count` requests of `subjects` subjects each at `concurrency`, ids random so subjects spread over partitions. */
async function run(gateway: Source, tag: string, count: number, subjects: number, concurrency: number): Promise<Figures> {
  const entries = (): AuditEntry[] =>
    Array.from({ length: subjects }, () => ({
      action: "READ",
      subject: { kind: "CITIZEN", id: String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999)) },
      fields: FIELDS,
    }));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const r = next++;
        const t = performance.now();
        await writeAudit(
          gateway,
          { requestId: `bench-${tag}-${r}`, clientId: "VN:GOV:BENCH:AUDIT", purpose: { procedure: "1.001193", caseId: `BENCH-${r}` } },
          entries(),
        );
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { requests: count, seconds: (performance.now() - started) / 1000, latencies };
}

if (values.worker) {
  // A second process: open, say ready, wait for the go, write, report.
  const [subjects, concurrency] = values.worker.split(":").map(Number);
  const gateway = await openSource({ name: "gateway", url: values.url });
  process.stdout.write("ready\n");
  await new Promise<void>((go) => process.stdin.once("data", () => go()));
  const figures = await run(gateway, `p${process.pid}`, requests, subjects, concurrency);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  await gateway.close();
  process.exit(0);
}

/** The other processes of a measurement, started and waiting at the line. */
async function startWorkers(n: number, url: string, subjects: number, concurrency: number) {
  const workers = Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      ["--import", "tsx", "scripts/bench-audit.ts", "--worker", `${subjects}:${concurrency}`, "--url", url, "--requests", String(requests)],
      { stdio: ["pipe", "pipe", "inherit"] },
    ),
  );
  const lines = workers.map((w) => readline.createInterface({ input: w.stdout! })[Symbol.asyncIterator]());
  for (const l of lines) if ((await l.next()).value !== "ready") throw new Error("a bench worker did not start");
  return {
    go: () => workers.forEach((w) => w.stdin!.write("go\n")),
    results: () => Promise.all(lines.map(async (l) => JSON.parse((await l.next()).value as string) as Figures)),
  };
}

const throwaway = values.embedded ? undefined : await createThrowawayDatabases("ndaf_bench_audit", ["gateway"]);
const gateway = await openSource({ name: "gateway", url: throwaway?.urls.gateway }).catch(async (error: unknown) => {
  await throwaway?.close();
  throw error;
});
try {
  await migrateSource(gateway);
  console.log(`audit write: ${requests} requests a process at each level, on ${values.embedded ? "PGlite" : "PostgreSQL"}`);
  console.log("subjects  processes  concurrency  requests/s  subjects/s p50 ms  p99 ms");
  for (const subjects of subjectCounts) {
    for (const processes of processCounts) {
      for (const concurrency of levels) {
        const others = processes > 1 ? await startWorkers(processes - 1, throwaway!.urls.gateway, subjects, concurrency) : undefined;
        others?.go();
        const own = await run(gateway, `main-${subjects}-${processes}-${concurrency}`, requests, subjects, concurrency);
        const all = [own, ...((await others?.results()) ?? [])];
        const total = all.reduce((n, f) => n + f.requests, 0);
        const seconds = Math.max(...all.map((f) => f.seconds));
        const latencies = all.flatMap((f) => f.latencies).sort((a, b) => a - b);
        const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2);
        console.log(
          `${String(subjects).padStart(8)}  ${String(processes).padStart(9)}  ${String(concurrency).padStart(11)}  ${(total / seconds).toFixed(0).padStart(10)}  ${((total * subjects) / seconds).toFixed(0).padStart(9)}  ${q(0.5).padStart(6)}  ${q(0.99).padStart(6)}`,
        );
      }
    }
  }
  // The whole trail checked as `npm run audit:verify` does (the partitioned verifier where this version has one).
  const t = performance.now();
  const verify = (await import("../src/modules/access/verify.js").catch(() => null)) as
    typeof import("../src/modules/access/verify.js") | null;
  if (verify) {
    const report = await verify.verifyAuditTrail(gateway, []);
    console.log(
      `verify: ${report.entries.toLocaleString("en")} entries in ${((performance.now() - t) / 1000).toFixed(2)} s, ${report.problems.length ? `PROBLEM ${report.problems[0].message}` : "intact"}`,
    );
  }
} finally {
  await gateway.close();
  await throwaway?.close();
}
