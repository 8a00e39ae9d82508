/**
 * The route table: the IDE at / (for browsers) and under /ide/, health, readiness and metrics; everything else at
 * /graphql (and POST at /) is GraphQL, and any other path a typed NOT_FOUND.
 */
import { say } from "../platform/i18n.js";
import { HTTP_MESSAGES } from "./messages.js";
import type http from "node:http";
import { type CheckpointRow, DEMO_CITIZEN_KEY, DEMO_ORGANIZATION_KEY, DEMO_PURPOSE } from "../modules/access/index.js";
import type { App } from "../app.js";
import { sendError, sendJson } from "./errors.js";
import { IDE_ASSET_PREFIX, Ide } from "./ide.js";
import { processIdentity, readiness } from "../platform/observability/health.js";
import type { GatewayMetrics } from "../platform/observability/metrics.js";

export const GRAPHQL_PATH = "/graphql";
/** The audit trail's published key and latest signed checkpoint: no personal data, no credential needed. */
export const AUDIT_PUBLIC_KEY_PATH = "/audit/public-key";
export const AUDIT_LATEST_CHECKPOINT_PATH = "/audit/checkpoints/latest";

/** Route label for metrics: a fixed set, so unknown paths do not grow the label space. */
export function routeOf(pathname: string): string {
  if (pathname === GRAPHQL_PATH || pathname === "/") return pathname;
  if (pathname.startsWith(IDE_ASSET_PREFIX)) return "/ide";
  if (pathname === "/health" || pathname === "/health/live" || pathname === "/health/ready" || pathname === "/metrics") return pathname;
  if (pathname === AUDIT_PUBLIC_KEY_PATH || pathname === AUDIT_LATEST_CHECKPOINT_PATH) return pathname;
  return "other";
}

/** "graphql" when the request is GraphQL's to answer; "answered" when a route (or the 404) has answered it. */
export type Dispatch = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<"answered" | "graphql">;

export function createRoutes(app: App, metrics: GatewayMetrics, isShuttingDown: () => boolean): Dispatch {
  // In development the IDE sends the demo key and a demo purpose, so every example runs as it is.
  const ideHeaders = app.demo
    ? {
        all: {
          Authorization: `Bearer ${app.demo.allGrantsKey}`,
          "X-Purpose-Procedure": DEMO_PURPOSE.procedure,
          "X-Purpose-Case": DEMO_PURPOSE.caseId,
        },
        citizen: { Authorization: `Bearer ${DEMO_CITIZEN_KEY}` },
        organization: { Authorization: `Bearer ${DEMO_ORGANIZATION_KEY}` },
      }
    : undefined;
  const ide = new Ide({ endpoint: GRAPHQL_PATH, headers: ideHeaders });
  let latestCheckpoint: { at: number; row: CheckpointRow } | undefined;

  return async (req, res, url) => {
    const wantsHtml = req.method === "GET" && (req.headers.accept ?? "").includes("text/html");
    const ideFile = (req.method === "GET" || req.method === "HEAD") && url.pathname.startsWith(IDE_ASSET_PREFIX);
    if (((url.pathname === "/" && wantsHtml) || ideFile) && (await ide.handle(req, res, url.pathname))) return "answered";
    if (url.pathname === "/health" || url.pathname === "/health/live") {
      sendJson(res, 200, { status: "LIVE", process: processIdentity() });
      return "answered";
    }
    if (url.pathname === "/health/ready") {
      const { httpStatus, body } = await readiness(app.sources, isShuttingDown());
      sendJson(res, httpStatus, body);
      return "answered";
    }
    if (url.pathname === "/metrics" && req.method === "GET") {
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { "content-type": contentType });
      res.end(body);
      return "answered";
    }
    if (url.pathname === AUDIT_PUBLIC_KEY_PATH && req.method === "GET") {
      res.writeHead(200, { "content-type": "application/x-pem-file", "x-key-id": app.audit.key.keyId });
      res.end(app.audit.key.publicKeyPem);
      return "answered";
    }
    if (url.pathname === AUDIT_LATEST_CHECKPOINT_PATH && req.method === "GET") {
      let latest;
      try {
        // Asked without a key by anyone: answered from a copy at most a second old, not a statement each time.
        if (!latestCheckpoint || performance.now() - latestCheckpoint.at > 1_000) {
          const [row] = await app.accessLog.checkpointPage().fetch(null, 1);
          latestCheckpoint = row ? { at: performance.now(), row } : undefined;
          latest = row;
        } else latest = latestCheckpoint.row;
      } catch {
        sendError(res, metrics, 503, "SOURCE_UNAVAILABLE", say(HTTP_MESSAGES.gatewayDatabaseDown));
        return "answered";
      }
      if (!latest) sendError(res, metrics, 404, "NOT_FOUND", say(HTTP_MESSAGES.noCheckpointYet));
      else sendJson(res, 200, { ...latest, createdAt: latest.createdAt.toISOString() });
      return "answered";
    }
    if (url.pathname !== GRAPHQL_PATH && !(url.pathname === "/" && req.method === "POST")) {
      sendError(res, metrics, 404, "NOT_FOUND", say(HTTP_MESSAGES.notFound, { path: url.pathname.slice(0, 200), graphql: GRAPHQL_PATH }));
      return "answered";
    }
    return "graphql";
  };
}
