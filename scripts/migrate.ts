/** `npm run db:migrate`: applies each source's migrations (embedded PGlite under DATA_DIR, or *_DATABASE_URL). */
import { openSources, type OpenedSources } from "../src/app.js";
import { loadConfig, SOURCE_NAMES } from "../src/platform/config.js";
import { migrateSource } from "../src/platform/db/migrate.js";

const config = loadConfig({ SOURCE_QUERY_TIMEOUT_MS: "0", ...process.env });
// openSources takes the data-folder lock: migrating embedded files a running gateway has open would corrupt them.
let opened: OpenedSources | undefined;
try {
  opened = await openSources(config);
  for (const name of SOURCE_NAMES) {
    await migrateSource(opened.sources[name]);
    const where = config.sources[name].url ? "Postgres" : `PGlite at ${config.sources[name].dataDir}`;
    console.log(`${name}: migrated (${where})`);
  }
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await opened?.close();
}
