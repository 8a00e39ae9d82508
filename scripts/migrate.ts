/** `npm run db:migrate`: applies each source's migrations (embedded PGlite under DATA_DIR, or *_DATABASE_URL). */
import { loadConfig, SOURCE_NAMES } from "../src/config.js";
import { migrateSource } from "../src/db/migrate.js";
import { openSource, type Source } from "../src/db/source.js";

const config = loadConfig();
const sources: Source[] = [];
try {
  for (const name of SOURCE_NAMES) sources.push(await openSource(config.sources[name]));
  for (const source of sources) {
    await migrateSource(source);
    const where = config.sources[source.name].url ? "Postgres" : `PGlite at ${config.sources[source.name].dataDir}`;
    console.log(`${source.name}: migrated (${where})`);
  }
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await Promise.allSettled(sources.map((s) => s.close()));
}
