/**
 * `npm run audit:verify [-- --public-key <file> ...] [--expect-checkpoint <seq>:<hash> ...] [--json]`: checks the whole audit trail — every partition's
 * chain, every checkpoint's signature, and that the entries each checkpoint covers still give its signed root, so a
 * past rewritten with fresh hashes is reported with the first checkpoint it contradicts. The keys trusted are the
 * ones given (the public keys the gateway published, GET /audit/public-key), else the installation's own signing key
 * (AUDIT_SIGNING_KEY_FILE). `--expect-checkpoint` names a checkpoint seen earlier (the "Last checkpoint" line of an
 * earlier run, kept where the database's administrators cannot edit it): it must still be there, saying the same,
 * which catches a trail rolled back to before it. Exit 0 when intact, 1 when not, 2 when the check could not run.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadSigningKey, publicKeyFrom, statementHash } from "../src/modules/access/checkpoint.js";
import { verifyAuditTrail } from "../src/modules/access/verify.js";
import { openSources, type OpenedSources } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { migrateSource } from "../src/platform/db/migrate.js";

let opened: OpenedSources | undefined;
try {
  const { values } = parseArgs({
    options: {
      "public-key": { type: "string", multiple: true },
      "expect-checkpoint": { type: "string", multiple: true },
      json: { type: "boolean", default: false },
    },
  });
  const expected = (values["expect-checkpoint"] ?? []).map((raw) => {
    const m = /^(\d+):([0-9a-f]{64})$/.exec(raw);
    if (!m) throw new Error(`--expect-checkpoint takes <seq>:<64 hex digits>, as an earlier run printed; got "${raw}".`);
    return { seq: Number(m[1]), hash: m[2] };
  });
  const config = loadConfig({ SOURCE_QUERY_TIMEOUT_MS: "0", ...process.env });
  const files = values["public-key"] ?? [];
  const trusted = files.map((file) => {
    const key = publicKeyFrom(fs.readFileSync(file, "utf8"));
    if (!key) throw new Error(`${file} does not hold an Ed25519 public key (PEM).`);
    return key;
  });
  if (trusted.length === 0 && config.audit.signingKeyFile && fs.existsSync(config.audit.signingKeyFile)) {
    trusted.push(publicKeyFrom(loadSigningKey(config.audit.signingKeyFile, false).key.publicKeyPem)!);
  }

  opened = await openSources(config);
  const gateway = opened.sources.gateway;
  await migrateSource(gateway);
  const started = performance.now();
  const report = await verifyAuditTrail(gateway, trusted);
  for (const e of expected) {
    const [row] = await gateway.raw<{ statement: string }>("select statement from gateway.audit_checkpoints where seq = $1", [e.seq]);
    if (!row || statementHash(row.statement) !== e.hash) {
      report.problems.push({
        kind: "CHECKPOINT_CHAIN",
        partition: null,
        position: null,
        checkpoint: e.seq,
        message: row
          ? `Checkpoint ${e.seq} no longer says what it said when it was seen (${e.hash.slice(0, 12)}…): the trail was rewritten.`
          : `Checkpoint ${e.seq}, seen earlier, is gone: the trail was rolled back.`,
      });
    }
  }
  const ms = Math.round(performance.now() - started);
  const counts = `${report.entries.toLocaleString("en")} entries in ${report.heads.length} partitions${report.legacyEntries ? ` and ${report.legacyEntries.toLocaleString("en")} legacy entries` : ""}, ${report.checkpoints.toLocaleString("en")} checkpoints`;
  if (values.json) {
    console.log(JSON.stringify({ ...report, intact: report.problems.length === 0, ms }, null, 2));
  } else if (report.problems.length > 0) {
    console.log(`Audit trail NOT intact: ${report.problems.length} problem${report.problems.length > 1 ? "s" : ""}.`);
    for (const p of report.problems) console.log(`  ${p.kind}: ${p.message}`);
    console.log(`Checked ${counts} in ${ms} ms.`);
  } else {
    console.log(`Audit trail intact: ${counts} verified in ${ms} ms.`);
    if (report.uncovered) console.log(`${report.uncovered.toLocaleString("en")} entries are chained and not yet in a checkpoint.`);
    if (report.lastCheckpoint)
      console.log(`Last checkpoint: ${report.lastCheckpoint.seq} (statement ${report.lastCheckpoint.statementHash})`);
  }
  process.exitCode = report.problems.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`Audit verification could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await opened?.close();
}
