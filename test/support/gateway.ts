/**
 * Test harness: a real gateway (HTTP server, four databases, seeded data) on the embedded default or on real
 * Postgres (TEST_DB=postgres: throwaway databases on 127.0.0.1:5432, dropped afterwards).
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createApp, type App } from "../../src/app.js";
import { type GatewayConfig, loadConfig, SOURCE_NAMES, type SourceName } from "../../src/config.js";
import { createServer, type GatewayServer } from "../../src/server.js";

export const TEST_DB = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestGateway {
  app: App;
  server: GatewayServer;
  url: string;
  /** POST a GraphQL operation; returns HTTP status and parsed body. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
  /** Statements each source has run so far. */
  statements(): Record<SourceName, number>;
  close(): Promise<void>;
}

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

export async function startTestGateway(options: { citizens?: number; seed?: number } = {}): Promise<TestGateway> {
  const { config, cleanup } = await testConfig({ seed: options.seed ?? 2025 });
  const app = await createApp(config, { seedIfEmpty: options.citizens ?? 1500 });
  const server = await createServer(app);
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    server,
    url,
    async query(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    statements: () => Object.fromEntries(Object.values(app.sources).map((s) => [s.name, s.statements.count])) as Record<SourceName, number>,
    async close() {
      await server.close();
      await app.close();
      await cleanup();
    },
  };
}

/** Statements run by `fn`, per source. */
export async function countStatements(gateway: TestGateway, fn: () => Promise<unknown>): Promise<Record<SourceName, number>> {
  const before = gateway.statements();
  await fn();
  const after = gateway.statements();
  return Object.fromEntries(SOURCE_NAMES.map((n) => [n, after[n] - before[n]])) as Record<SourceName, number>;
}
