/**
 * Databases for tests: in-memory PGlite (TEST_DB unset or "pglite"), or throwaway databases on real Postgres
 * (TEST_DB=postgres; 127.0.0.1:5432 or TEST_POSTGRES_URL), dropped by cleanup().
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type GatewayConfig, loadConfig, SOURCE_NAMES, type SourceName } from "../../src/platform/config.js";

export const TEST_DB = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function createThrowawayDatabases(): Promise<{ urls: Record<SourceName, string>; drop: () => Promise<void> }> {
  const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, onnotice: () => {} });
  const tag = `ndaf_test_${process.pid}_${randomBytes(3).toString("hex")}`;
  const urls = {} as Record<SourceName, string>;
  for (const name of SOURCE_NAMES) {
    await admin.unsafe(`CREATE DATABASE ${tag}_${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${tag}_${name}`;
    urls[name] = url.toString();
  }
  return {
    urls,
    drop: async () => {
      for (const name of SOURCE_NAMES) await admin.unsafe(`DROP DATABASE IF EXISTS ${tag}_${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function testConfig(overrides: Partial<GatewayConfig> = {}): Promise<{ config: GatewayConfig; cleanup: () => Promise<void> }> {
  const base = loadConfig({ NODE_ENV: "test" });
  if (TEST_DB === "postgres") {
    const { urls, drop } = await createThrowawayDatabases();
    const sources = Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name, url: urls[name] }])) as GatewayConfig["sources"];
    return { config: { ...base, sources, ...overrides }, cleanup: drop };
  }
  // No url and no dataDir: in-memory PGlite, gone when closed.
  const sources = Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name }])) as GatewayConfig["sources"];
  return { config: { ...base, sources, ...overrides }, cleanup: async () => {} };
}

