/**
 * How errors leave the gateway: GraphQL errors through formatError (typed ones keep their code, nothing internal
 * leaks), and the answers sent before GraphQL runs (not found, refused credential, oversized body) in the same shape.
 */
import type http from "node:http";
import type { GraphQLFormattedError } from "graphql";
import { REFUSAL_STATUS, refusalHeaders } from "../modules/access/index.js";
import { findGatewayError, type GatewayError } from "../platform/errors.js";
import type { GatewayMetrics } from "../platform/observability/metrics.js";
import { language, say } from "../platform/i18n.js";
import { HTTP_MESSAGES, thirdPartyMessage, wrappedMessage } from "./messages.js";
import { mergeVary } from "./cors.js";

/** Typed errors keep their code; anything unexpected becomes a bare INTERNAL_SERVER_ERROR. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const typed = findGatewayError(error);
  const { stacktrace: _stack, http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (typed) {
    const { http: _typedHttp, ...typedExtensions } = typed.extensions as Record<string, unknown>;
    // graphql-js wraps a typed error of a variable's value in its own words ("Variable "$id" got invalid value …; "):
    // those are said again in the reader's language, the gateway's own part kept as it is.
    const message = formatted.message === typed.message ? formatted.message : wrappedMessage(formatted.message, language());
    return { ...formatted, message, extensions: { ...extensions, ...typedExtensions, code: typed.code } };
  }
  if (extensions.code === "GRAPHQL_PARSE_FAILED" && /more tha[nt] \d+ tokens/.test(formatted.message)) {
    return { ...formatted, extensions: { ...extensions, code: "TOO_MANY_TOKENS" } };
  }
  if (!extensions.code || extensions.code === "INTERNAL_SERVER_ERROR") {
    return {
      message: say(HTTP_MESSAGES.internalField),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  }
  // graphql-js and Apollo write their own messages in English: said again in the reader's language.
  return { ...formatted, message: thirdPartyMessage(formatted.message, String(extensions.code), language()), extensions };
}

/** Every answer may hold personal data, or say who asked for it: none is kept by a browser or a proxy. */
const UNCACHEABLE = { "cache-control": "no-store" } as const;

/**
 * The headers of an answer GraphQL gave (Apollo's, or the federation router's) for Node's response: Vary merged
 * with what CORS and the language set, and no-store unless the answer says otherwise.
 */
export function answerHeaders(headers: Iterable<[string, string]>, res: http.ServerResponse): Record<string, string> {
  const out: Record<string, string> = { ...UNCACHEABLE };
  for (const [key, value] of headers) out[key] = key === "vary" ? mergeVary(res.getHeader("vary"), value) : value;
  return out;
}

/** A JSON answer of the gateway's own (health, the audit's checkpoint, a refusal). */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...UNCACHEABLE, ...headers });
  res.end(JSON.stringify(body));
}

/** An error answered before GraphQL runs: the one place such answers are sent, and counted by code. */
export function sendError(
  res: http.ServerResponse,
  metrics: GatewayMetrics,
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  metrics.graphqlErrors.inc({ code });
  sendJson(res, status, { errors: [{ message, extensions: { ...details, code } }] }, headers);
}

/** A typed refusal before GraphQL runs, with its status and headers; counted when the server keeps metrics. */
export function sendGatewayError(
  res: http.ServerResponse,
  error: GatewayError,
  metrics: GatewayMetrics | null,
  headers: Record<string, string> = {},
): void {
  const { code: _code, ...details } = error.extensions as Record<string, unknown>;
  const status = REFUSAL_STATUS[error.code] ?? 400;
  metrics?.graphqlErrors.inc({ code: error.code });
  sendJson(
    res,
    status,
    { errors: [{ message: error.message, extensions: { ...details, code: error.code } }] },
    { ...refusalHeaders(status, error.code, details), ...headers },
  );
}
