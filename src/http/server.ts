/**
 * The HTTP front: GraphQL over HTTP at /graphql (and at / for POST), the offline IDE at / for browsers,
 * a request id on every response, a body size limit, and error formatting that never leaks internals.
 */
import http from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import { randomUUID } from "node:crypto";
import { DEMO_CITIZEN_KEY, DEMO_PURPOSE } from "../modules/access/demo.js";
import type { RequestAccess } from "../modules/access/request.js";
import type { App } from "../app.js";
import { createContext, type GatewayContext } from "../context.js";
import { createApollo } from "./apollo.js";
import { authenticate } from "./authenticate.js";
import { MAX_BODY_BYTES, readBody } from "./body.js";
import { applyCors, mergeVary } from "./cors.js";
import { sendError, sendGatewayError, sendJson } from "./errors.js";
import { IDE_ASSET_PREFIX, Ide } from "./ide.js";
import { resolveTrustedDocument } from "../modules/documents/index.js";
import { clientForLog, logger } from "../platform/logger.js";
import { readiness } from "../platform/observability/health.js";
import { GatewayMetrics } from "../platform/observability/metrics.js";
import { GatewayError } from "../platform/errors.js";

export const GRAPHQL_PATH = "/graphql";

/** The gateway's id of the request (a random UUID): audit rows, logs and this response header carry it. */
export const REQUEST_ID_HEADER = "x-request-id";
/** The id the caller sent as x-request-id, when well-formed: echoed under this header and logged as callerRequestId. */
export const CALLER_REQUEST_ID_HEADER = "x-caller-request-id";

function callerRequestIdOf(req: http.IncomingMessage): string | undefined {
  const value = req.headers[REQUEST_ID_HEADER];
  return typeof value === "string" && /^[\w.-]{1,64}$/.test(value) ? value : undefined;
}

export interface GatewayServer {
  app: App;
  apollo: ApolloServer<GatewayContext>;
  http: http.Server;
  metrics: GatewayMetrics;
  /** True once close() began: readiness answers 503 and new connections are refused. */
  readonly shuttingDown: boolean;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Route label for metrics: a fixed set, so unknown paths do not grow the label space. */
function routeOf(pathname: string): string {
  if (pathname === GRAPHQL_PATH || pathname === "/") return pathname;
  if (pathname.startsWith(IDE_ASSET_PREFIX)) return "/ide";
  if (pathname === "/health" || pathname === "/health/live" || pathname === "/health/ready" || pathname === "/metrics") return pathname;
  return "other";
}

export async function createServer(app: App): Promise<GatewayServer> {
  const metrics = new GatewayMetrics(app.sources);
  const apollo = createApollo(app, [metrics.plugin()]);
  let shuttingDown = false;
  await apollo.start();
  // In development the IDE sends the demo key and a demo purpose, so every example runs as it is.
  const ideHeaders = app.demo
    ? {
        all: { Authorization: `Bearer ${app.demo.allGrantsKey}`, "X-Purpose-Procedure": DEMO_PURPOSE.procedure, "X-Purpose-Case": DEMO_PURPOSE.caseId },
        citizen: { Authorization: `Bearer ${DEMO_CITIZEN_KEY}` },
      }
    : undefined;
  const ide = new Ide({ endpoint: GRAPHQL_PATH, headers: ideHeaders });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    // The gateway's own id names the request in the audit trail and the logs: a caller cannot choose it (and so
    // cannot make its requests look like another client's). A well-formed caller id is kept beside it, to join traces.
    const requestId = randomUUID();
    const callerRequestId = callerRequestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (callerRequestId) res.setHeader(CALLER_REQUEST_ID_HEADER, callerRequestId);
    // While shutting down, a keep-alive connection is closed after its answer, so the server can finish.
    if (shuttingDown) res.setHeader("connection", "close");
    const url = new URL(req.url ?? "/", "http://gateway");
    const route = routeOf(url.pathname);
    let context: GatewayContext | undefined;
    // One line per request, with its id; never variables, query text or a citizen's id.
    res.once("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      metrics.httpRequests.inc({ route, method: req.method ?? "GET", status: String(res.statusCode) });
      metrics.httpDuration.observe({ route }, seconds);
      if (route === "/health/live" || route === "/health" || route === "/metrics") return;
      logger.info(
        {
          requestId,
          callerRequestId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 10_000) / 10,
          operation: context?.log.operation,
          client: clientForLog(context?.access.client?.id),
        },
        "request",
      );
    });
    // CORS first: a preflight is answered before authentication, and every answer after this (errors sent before
    // GraphQL runs included) carries the headers a browser needs to let the page read it.
    if (applyCors(app.config.cors, req, res) === "answered") return;
    const wantsHtml = req.method === "GET" && (req.headers.accept ?? "").includes("text/html");
    const ideFile = (req.method === "GET" || req.method === "HEAD") && url.pathname.startsWith(IDE_ASSET_PREFIX);
    if (((url.pathname === "/" && wantsHtml) || ideFile) && (await ide.handle(req, res, url.pathname))) return;
    if (url.pathname === "/health" || url.pathname === "/health/live") return sendJson(res, 200, { status: "LIVE" });
    if (url.pathname === "/health/ready") {
      const { httpStatus, body } = await readiness(app.sources, shuttingDown);
      return sendJson(res, httpStatus, body, { "cache-control": "no-store" });
    }
    if (url.pathname === "/metrics" && req.method === "GET") {
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { "content-type": contentType });
      res.end(body);
      return;
    }
    if (url.pathname !== GRAPHQL_PATH && !(url.pathname === "/" && req.method === "POST")) {
      return sendError(res, metrics, 404, "NOT_FOUND", `Nothing at ${url.pathname}. GraphQL is served at ${GRAPHQL_PATH}; the IDE at /.`);
    }

    let access: RequestAccess;
    try {
      access = await authenticate(app, req);
    } catch (error) {
      if (error instanceof GatewayError) return sendGatewayError(res, error, metrics);
      throw error;
    }

    const raw = await readBody(req);
    if (raw === null) {
      return sendError(res, metrics, 413, "PAYLOAD_TOO_LARGE", `The request body exceeds ${MAX_BODY_BYTES} bytes.`, {}, { connection: "close" });
    }
    if (raw === undefined) {
      return sendError(res, metrics, 400, "BAD_REQUEST", "The request body is not valid UTF-8; GraphQL requests are UTF-8 JSON.");
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown = raw;
    if ((headers.get("content-type") ?? "").includes("application/json") && raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendError(res, metrics, 400, "BAD_REQUEST", "The request body is not valid JSON.");
      }
    }
    // A trusted document's id becomes its text here, so Apollo runs it as any request (limits, access, audit).
    let operation;
    try {
      operation = await resolveTrustedDocument(app.documents, { method: req.method ?? "GET", search: url.search, body }, access.client);
    } catch (error) {
      if (error instanceof GatewayError) return sendGatewayError(res, error, metrics);
      throw error;
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { ...operation, headers },
      context: async () => (context = createContext(app, requestId, access)),
    });
    const responseHeaders: Record<string, string> = {};
    for (const [key, value] of result.headers) responseHeaders[key] = key === "vary" ? mergeVary(res.getHeader("vary"), value) : value;
    res.writeHead(result.status ?? 200, responseHeaders);
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      logger.error({ requestId: res.getHeader(REQUEST_ID_HEADER), err: error }, "request failed");
      if (!res.headersSent) sendError(res, metrics, 500, "INTERNAL_SERVER_ERROR", "Internal error; it has been logged.");
      else res.end();
    });
  });

  return {
    app,
    apollo,
    http: server,
    metrics,
    get shuttingDown() {
      return shuttingDown;
    },
    listen: (port, host = "0.0.0.0") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    /**
     * Graceful: stop accepting, let requests in flight finish (idle keep-alive connections are closed at once,
     * busy ones after their response), then stop Apollo. The caller closes the pools after this.
     */
    close: async () => {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Connections that finish their last answer become idle: close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      await closed.finally(() => clearInterval(sweep));
      await apollo.stop();
    },
  };
}
