/**
 * Applies each source's drizzle-kit migrations (drizzle/<source>/). The same SQL serves PGlite and Postgres.
 * Migration bookkeeping lives in the `drizzle` schema, one table per source, so sources may share a database.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { Source } from "./source.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export function migrationsFolder(source: string): string {
  return path.join(root, "drizzle", source);
}

export async function migrateSource(source: Source): Promise<void> {
  const options = {
    migrationsFolder: migrationsFolder(source.name),
    migrationsSchema: "drizzle",
    migrationsTable: `migrations_${source.name}`,
  };
  if (source.driver === "pglite") await migratePglite(source.db as never, options);
  else await migratePostgres(source.db as never, options);
}
