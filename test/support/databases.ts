/**
 * Databases for tests: in-memory PGlite (TEST_DB unset or "pglite"), or throwaway databases on real Postgres
 * (TEST_DB=postgres; 127.0.0.1:5432 or TEST_POSTGRES_URL), dropped by cleanup().
 */
import { type GatewayConfig, loadConfig, SOURCE_NAMES } from "../../src/platform/config.js";
import { createThrowawayDatabases, postgresAdminUrl } from "../../scripts/lib/throwaway-db.js";

export const TEST_DB = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
export const POSTGRES_ADMIN_URL = postgresAdminUrl();

export async function testConfig(overrides: Partial<GatewayConfig> = {}): Promise<{ config: GatewayConfig; cleanup: () => Promise<void> }> {
  const base = loadConfig({ NODE_ENV: "test" });
  if (TEST_DB === "postgres") {
    const { urls, close } = await createThrowawayDatabases("ndaf_test", SOURCE_NAMES, { adminUrl: POSTGRES_ADMIN_URL });
    const sources = Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name, url: urls[name] }])) as GatewayConfig["sources"];
    return { config: { ...base, sources, ...overrides }, cleanup: close };
  }
  // No url and no dataDir: in-memory PGlite, gone when closed.
  const sources = Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name }])) as GatewayConfig["sources"];
  return { config: { ...base, sources, ...overrides }, cleanup: async () => {} };
}
