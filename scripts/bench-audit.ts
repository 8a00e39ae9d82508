/**
 * `npm run bench:audit -- [--requests 2000] [--subjects 100] [--concurrency 1,8,32] [--embedded]`
 *
 * What the audit trail costs a request: writeAudit (one INSERT of every subject's row, chained by the trigger) timed
 * on a throwaway gateway database (local Postgres, TEST_POSTGRES_URL; or PGlite with --embedded), at several
 * concurrencies, since every writer queues on the chain head's row lock. Ends with a verify of the whole chain.
 */
import { parseArgs } from "node:util";
import { writeAudit } from "../src/modules/access/audit.js";
import { verifyAuditTrail } from "../src/modules/access/verify.js";
import type { AuditEntry } from "../src/modules/access/request.js";
import { migrateSource } from "../src/platform/db/migrate.js";
import { openSource } from "../src/platform/db/source.js";
import { createThrowawayDatabases } from "./lib/throwaway-db.js";

const { values } = parseArgs({
  options: { requests: { type: "string" }, subjects: { type: "string" }, concurrency: { type: "string" }, embedded: { type: "boolean" } },
});
const requests = Number(values.requests ?? 2000);
const subjects = Number(values.subjects ?? 100);
const levels = (values.concurrency ?? "1,8,32").split(",").map(Number);

const throwaway = values.embedded ? undefined : await createThrowawayDatabases("ndaf_bench_audit", ["gateway"]);
const gateway = await openSource({ name: "gateway", url: throwaway?.urls.gateway }).catch(async (error: unknown) => {
  await throwaway?.close();
  throw error;
});
try {
  await migrateSource(gateway);
  const fields = ["Citizen.fullName", "Citizen.dateOfBirth", "Citizen.permanentResidence", "IdentityCard.number"];
  const entries = (r: number): AuditEntry[] =>
    Array.from({ length: subjects }, (_, i) => ({
      action: "READ",
      subject: { kind: "CITIZEN", id: String(100_000_000_000 + r * subjects + i) },
      fields,
    }));
  const context = (r: number) => ({
    requestId: `bench-${r}`,
    clientId: "VN:GOV:BENCH:AUDIT",
    purpose: { procedure: "1.001193", caseId: `BENCH-${r}` },
  });

  console.log(`audit write: ${requests} requests × ${subjects} subjects on ${values.embedded ? "PGlite" : "PostgreSQL"}`);
  console.log("concurrency  requests/s  rows/s     p50 ms  p99 ms");
  let r = 0;
  for (const concurrency of levels) {
    const latencies: number[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next++;
          const id = r++;
          const t = performance.now();
          await writeAudit(gateway, context(id), entries(id));
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2);
    console.log(
      `${String(concurrency).padStart(11)}  ${(requests / seconds).toFixed(0).padStart(10)}  ${((requests * subjects) / seconds).toFixed(0).padStart(9)}  ${q(0.5).padStart(6)}  ${q(0.99).padStart(6)}`,
    );
  }
  const t = performance.now();
  const report = await verifyAuditTrail(gateway, []);
  console.log(
    `verify: ${report.entries.toLocaleString("en")} entries in ${((performance.now() - t) / 1000).toFixed(2)} s, ${report.problems.length ? `PROBLEM ${report.problems[0].message}` : "intact"}`,
  );
} finally {
  await gateway.close();
  await throwaway?.close();
}
