/**
 * Test harness: a real gateway (HTTP server, four databases, seeded data) on the embedded default or on real
 * Postgres (TEST_DB=postgres: throwaway databases on 127.0.0.1:5432, dropped afterwards).
 */
import { createApp, type App } from "../../src/app.js";
import { SOURCE_NAMES, type SourceName } from "../../src/config.js";
import { createServer, type GatewayServer } from "../../src/server.js";
import { testConfig } from "./databases.js";

export { TEST_DB, testConfig } from "./databases.js";

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
