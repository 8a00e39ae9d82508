/**
 * `npm run audit:verify [-- --anchor <seq>:<hash>] [--json]`: re-walks the audit trail's hash chain and reports the
 * first row that was altered, removed or inserted. Exit 0 when intact, 1 when not, 2 when the check could not run.
 * An anchor is a head published earlier (say, daily, to a place the database's administrators cannot edit): it
 * catches even a trail rewritten from that row on with freshly computed hashes.
 */
import { parseArgs } from "node:util";
import { verifyAuditChain } from "../src/modules/access/audit.js";
import { openSources, type OpenedSources } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { migrateSource } from "../src/platform/db/migrate.js";

let opened: OpenedSources | undefined;
try {
  const { values } = parseArgs({ options: { anchor: { type: "string" }, json: { type: "boolean", default: false } } });
  const anchor = values.anchor ? /^(\d+):([0-9a-f]{64})$/.exec(values.anchor) : null;
  if (values.anchor && !anchor) throw new Error("--anchor takes <seq>:<64 hex digits>, as printed by an earlier run.");

  opened = await openSources(loadConfig({ SOURCE_QUERY_TIMEOUT_MS: "0", ...process.env }));
  const gateway = opened.sources.gateway;
  await migrateSource(gateway);
  const started = performance.now();
  const report = await verifyAuditChain(gateway);
  let problem = report.problem;
  if (!problem && anchor) {
    const [row] = await gateway.raw<{ hash: string }>("select hash from gateway.audit_log where seq = $1", [Number(anchor[1])]);
    if (!row || row.hash !== anchor[2]) {
      problem = {
        kind: "ALTERED",
        seq: Number(anchor[1]),
        message: `Row ${anchor[1]} no longer has the anchored hash ${anchor[2].slice(0, 12)}…: the trail was rewritten from that row or before.`,
      };
    }
  }
  const ms = Math.round(performance.now() - started);
  if (values.json) {
    console.log(JSON.stringify({ ...report, problem, ms }, null, 2));
  } else if (problem) {
    console.log(`Audit trail NOT intact (${problem.kind}): ${problem.message}`);
    console.log(`${report.rows.toLocaleString("en")} rows verified before it, in ${ms} ms.`);
  } else {
    console.log(`Audit trail intact: ${report.rows.toLocaleString("en")} rows verified in ${ms} ms.`);
    console.log(`Head: ${report.lastSeq}:${report.lastHash}  (publish it; pass it later as --anchor)`);
  }
  process.exitCode = problem ? 1 : 0;
} catch (error) {
  console.error(`Audit verification could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await opened?.close();
}
