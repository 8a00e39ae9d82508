/**
 * `npm run report:procedures [-- --json]`: per procedure and overall, the dossier components, those replaceable by
 * data and their share; over the dossiers submitted so far, the components answered by data and the documents still
 * asked for (the paper saved). Reads the catalogue and the gateway database (DATA_DIR or GATEWAY_DATABASE_URL).
 */
import { parseArgs } from "node:util";
import { openSource } from "../src/platform/db/source.js";
import { lockDataDir } from "../src/platform/db/lock.js";
import { loadConfig } from "../src/platform/config.js";
import { migrateSource } from "../src/platform/db/migrate.js";
import { DossierStore, ProcedureCatalogue, procedureReport } from "../src/modules/procedures/index.js";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const config = loadConfig();
const release = config.sources.gateway.url ? () => {} : lockDataDir(config.dataDir);
const gateway = await openSource(config.sources.gateway);
try {
  await migrateSource(gateway);
  const { procedures: lines, overall } = procedureReport(ProcedureCatalogue.load(), await new DossierStore(gateway.db).totals());
  if (values.json) {
    console.log(JSON.stringify({ procedures: lines, overall }, null, 2));
  } else {
    const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
    console.log("code      components  by data  share  dossiers  fulfilled by data  documents asked  procedure");
    for (const l of lines) {
      console.log(
        `${l.code}  ${String(l.components).padStart(10)}  ${String(l.replaceable).padStart(7)}  ${pct(l.share)}  ${String(l.dossiers).padStart(8)}  ${String(l.fulfilledByData).padStart(17)}  ${String(l.documentsRequested).padStart(15)}  ${l.nameEn}`,
      );
    }
    console.log(
      `\n${overall.procedures} procedures, ${overall.components} components, ${overall.replaceable} replaceable by data (${pct(overall.share).trim()}).` +
        ` ${overall.dossiers} dossiers submitted: ${overall.fulfilledByData} components answered by data (paper not asked for), ${overall.documentsRequested} documents asked for.`,
    );
  }
} catch (error) {
  console.error(`Report failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await gateway.close();
  release();
}
