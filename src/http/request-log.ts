/**
 * Each request's name and its trace: the gateway's own id on every response, the caller's id beside it, and, once
 * the answer is sent, the request counted and timed and one log line written.
 */
import type http from "node:http";
import { randomUUID } from "node:crypto";
import type { GatewayContext } from "../context.js";
import { clientForLog, logger } from "../platform/logger.js";
import type { GatewayMetrics } from "../platform/observability/metrics.js";

/** The gateway's id of the request (a random UUID): audit rows, logs and this response header carry it. */
export const REQUEST_ID_HEADER = "x-request-id";
/** The id the caller sent as x-request-id, when well-formed: echoed under this header and logged as callerRequestId. */
export const CALLER_REQUEST_ID_HEADER = "x-caller-request-id";

function callerRequestIdOf(req: http.IncomingMessage): string | undefined {
  const value = req.headers[REQUEST_ID_HEADER];
  return typeof value === "string" && /^[\w.-]{1,64}$/.test(value) ? value : undefined;
}

export interface RequestIds {
  requestId: string;
  callerRequestId?: string;
}

/**
 * The gateway's own id names the request in the audit trail and the logs: a caller cannot choose it (and so
 * cannot make its requests look like another client's). A well-formed caller id is kept beside it, to join traces.
 */
export function nameRequest(req: http.IncomingMessage, res: http.ServerResponse): RequestIds {
  const requestId = randomUUID();
  const callerRequestId = callerRequestIdOf(req);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  if (callerRequestId) res.setHeader(CALLER_REQUEST_ID_HEADER, callerRequestId);
  return { requestId, callerRequestId };
}

/** What the log line learns while the request runs: the GraphQL context, once there is one. */
export interface RequestLogEntry {
  context?: GatewayContext;
}

/** Liveness probes and metric scrapes are counted but not logged: they would drown the requests that matter. */
const UNLOGGED_ROUTES = new Set(["/health/live", "/health", "/metrics"]);

/** One line per request, with its id; never variables, query text or a citizen's id. */
export function logRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  metrics: GatewayMetrics,
  ids: RequestIds,
  route: string,
  started: number,
): RequestLogEntry {
  const entry: RequestLogEntry = {};
  res.once("finish", () => {
    const seconds = (performance.now() - started) / 1000;
    metrics.httpRequests.inc({ route, method: req.method ?? "GET", status: String(res.statusCode) });
    metrics.httpDuration.observe({ route }, seconds);
    if (UNLOGGED_ROUTES.has(route)) return;
    logger.info(
      {
        requestId: ids.requestId,
        callerRequestId: ids.callerRequestId,
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
        operation: entry.context?.request.log.operation,
        client: clientForLog(entry.context?.access.client?.id),
      },
      "request",
    );
  });
  return entry;
}
