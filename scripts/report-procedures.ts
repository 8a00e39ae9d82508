/**
 * `npm run report:procedures [-- --json]`: per procedure and overall, the dossier components, those replaceable by
 * data and their share; over the dossiers submitted so far, the components answered by data and the documents still
 * asked for (the paper saved). Reads the catalogue and the gateway database (DATA_DIR or GATEWAY_DATABASE_URL).
 */
import { parseArgs } from "node:util";
import { openSource } from "../src/db/source.js";
import { lockDataDir } from "../src/db/lock.js";
import { loadConfig } from "../src/config.js";
import { migrateSource } from "../src/db/migrate.js";
import { ProcedureCatalogue, replaceableShare } from "../src/modules/procedures/catalogue.js";
import { dossierTotals } from "../src/modules/procedures/service.js";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const config = loadConfig();
const release = config.sources.gateway.url ? () => {} : lockDataDir(config.dataDir);
const gateway = await openSource(config.sources.gateway);
try {
  await migrateSource(gateway);
  const catalogue = ProcedureCatalogue.load();
  const totals = await dossierTotals({ sources: { gateway } as never });
  const lines = catalogue.procedures.map((p) => {
    const replaceable = p.components.filter((c) => c.kind === "DATA").length;
    const t = totals.get(p.code);
    return {
      code: p.code,
      name: p.nameEn,
      components: p.components.length,
      replaceable,
      share: replaceableShare(p.components.length, replaceable),
      dossiers: t?.dossiers ?? 0,
      fulfilledByData: t?.fulfilledByData ?? 0,
      documentsRequested: t?.documentsRequested ?? 0,
    };
  });
  const sum = (k: "components" | "replaceable" | "dossiers" | "fulfilledByData" | "documentsRequested") => lines.reduce((n, l) => n + l[k], 0);
  const overall = {
    procedures: lines.length,
    components: sum("components"),
    replaceable: sum("replaceable"),
    share: replaceableShare(sum("components"), sum("replaceable")),
    dossiers: sum("dossiers"),
    fulfilledByData: sum("fulfilledByData"),
    documentsRequested: sum("documentsRequested"),
  };
  if (values.json) {
    console.log(JSON.stringify({ procedures: lines, overall }, null, 2));
  } else {
    const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
    console.log("code      components  by data  share  dossiers  fulfilled by data  documents asked  procedure");
    for (const l of lines) {
      console.log(
        `${l.code}  ${String(l.components).padStart(10)}  ${String(l.replaceable).padStart(7)}  ${pct(l.share)}  ${String(l.dossiers).padStart(8)}  ${String(l.fulfilledByData).padStart(17)}  ${String(l.documentsRequested).padStart(15)}  ${l.name}`,
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
