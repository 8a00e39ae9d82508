/**
 * Test harness: a real gateway (HTTP server, four databases, seeded data) on the embedded default or on real
 * Postgres (TEST_DB=postgres: throwaway databases on 127.0.0.1:5432, dropped afterwards).
 */
import { DEFAULT_DEMO_API_KEY, DEMO_PURPOSE } from "../../src/modules/access/demo.js";
import { createApp, type App } from "../../src/app.js";
import { type GatewayConfig, SOURCE_NAMES, type SourceName } from "../../src/platform/config.js";
import { createServer, type GatewayServer } from "../../src/http/server.js";
import { ERROR_CODES } from "../../src/platform/errors.js";
import { TEST_DB, testConfig } from "./databases.js";

export { TEST_DB, testConfig } from "./databases.js";

/** The demo client holding every grant, with the demo purpose (birth registration, a demo case). */
export const DEMO_HEADERS: Record<string, string> = {
  authorization: `Bearer ${DEFAULT_DEMO_API_KEY}`,
  "x-purpose-procedure": DEMO_PURPOSE.procedure,
  "x-purpose-case": DEMO_PURPOSE.caseId,
};

/** Headers for a client key and a purpose. */
export function clientHeaders(key: string, purpose: { procedure: string; caseId: string } | null = DEMO_PURPOSE): Record<string, string> {
  return {
    authorization: `Bearer ${key}`,
    ...(purpose ? { "x-purpose-procedure": purpose.procedure, "x-purpose-case": purpose.caseId } : {}),
  };
}

export interface GatewayAnswer<T = any> {
  status: number;
  body: { data?: T; errors?: any[] };
  headers: Headers;
  /** Every id the gateway gave this request in its response headers (x-request-id, x-gateway-request-id). */
  requestIds: string[];
}

/** Response headers that name the request, in the order the audit trail is searched. */
export const REQUEST_ID_HEADERS = ["x-request-id", "x-gateway-request-id"] as const;

export function requestIdsOf(headers: Headers): string[] {
  return [...new Set(REQUEST_ID_HEADERS.map((name) => headers.get(name)).filter((id): id is string => !!id))];
}

/**
 * The schema's ErrorCode enum is the contract for `extensions.code`: every answer any suite receives through this
 * harness is held to it, so a code emitted outside the list fails the suite that met it.
 */
export function assertKnownCodes(body: { errors?: { extensions?: { code?: unknown } }[] } | null | undefined, what = "answer"): void {
  for (const error of body?.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || !(code in ERROR_CODES)) {
      throw new Error(
        `${what} carries extensions.code ${JSON.stringify(code)}, which is not in the schema's ErrorCode enum (src/platform/errors.ts ERROR_CODES): ${JSON.stringify(error).slice(0, 300)}`,
      );
    }
  }
}

export interface TestGateway {
  app: App;
  server: GatewayServer;
  url: string;
  /**
   * POST a GraphQL operation; returns HTTP status and parsed body. Without `headers` it is sent as the demo client
   * holding every grant, with the demo purpose; with `headers`, exactly those are sent (`{}` = anonymous).
   */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
  /**
   * As `query`, and also the response headers and the request's ids: the `x-request-id` the gateway answered with,
   * and `x-gateway-request-id` when it sends one (its own id, apart from the one a client may choose). Audit rows
   * carry the request id, so a test reads the trail of exactly this request.
   */
  send<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GatewayAnswer<T>>;
  /** Statements each source has run so far. */
  statements(): Record<SourceName, number>;
  close(): Promise<void>;
}

export async function startTestGateway(
  options: {
    citizens?: number;
    seed?: number;
    configure?: (config: GatewayConfig) => GatewayConfig | Promise<GatewayConfig>;
    /**
     * Postgres only: migrate and seed with the default configuration first, then start with the configured one — for
     * a configuration (a short query timeout) that batch work on a loaded machine should not have to meet.
     */
    seedFirst?: boolean;
  } = {},
): Promise<TestGateway> {
  const { config: base, cleanup } = await testConfig({ seed: options.seed ?? 2025 });
  const config = options.configure ? await options.configure(base) : base;
  if (options.seedFirst && TEST_DB === "postgres") await (await createApp(base, { seedIfEmpty: options.citizens ?? 1500 })).close();
  const app = await createApp(config, { seedIfEmpty: options.citizens ?? 1500 });
  const server = await createServer(app);
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    server,
    url,
    async query(query, variables, headers = DEMO_HEADERS) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as any;
      assertKnownCodes(body);
      return { status: response.status, body };
    },
    async send(query, variables, headers = DEMO_HEADERS) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}`, extensions: { code: "NOT_JSON" } }] };
      }
      if (!body.errors?.some((e: any) => e.extensions?.code === "NOT_JSON")) assertKnownCodes(body);
      return { status: response.status, body, headers: response.headers, requestIds: requestIdsOf(response.headers) };
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
