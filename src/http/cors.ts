/**
 * CORS, so browser apps on other origins (a Vite dev server, a provincial portal) can call the gateway and read its
 * answers. Answered by the HTTP front itself, before authentication and before Apollo: a preflight carries no
 * Authorization header, and Apollo's CSRF prevention would answer it with 400.
 *
 * Written here rather than with the `cors` package: the policy is the part that matters (exact origins, localhost
 * in development, `*` refused in production, a 403 for an unlisted origin's preflight, the same headers on every
 * answer including errors sent before GraphQL runs), and what is left of the mechanics is a few headers.
 *
 * Keys travel in the Authorization header, never in cookies, so no Access-Control-Allow-Credentials: a page can
 * send its key without the browser attaching anything of its own.
 */
import type http from "node:http";
import type { CorsConfig } from "../platform/config.js";

export const CORS_ALLOWED_METHODS = ["GET", "POST", "OPTIONS"] as const;

/** Request headers a browser app may send: the key, the purpose, ids for tracing, and what Apollo Client sends. */
export const CORS_ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "accept",
  "x-purpose-procedure",
  "x-purpose-case",
  "x-request-id",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
] as const;

/** Response headers a page may read beyond the safelisted ones: what error messages ask users to quote, and when to retry. */
export const CORS_EXPOSED_HEADERS = ["x-request-id", "x-caller-request-id", "retry-after"] as const;

/** How long a browser may reuse a preflight answer: Chromium's ceiling (Firefox allows a day). */
export const CORS_MAX_AGE_SECONDS = 7200;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for http(s) origins on this machine: localhost (and *.localhost), 127.0.0.1, [::1], any port. */
export function isLocalOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith(".localhost");
}

/** Whether a browser page on `origin` may read the gateway's answers. The opaque origin "null" never may. */
export function originAllowed(config: CorsConfig, origin: string): boolean {
  if (origin === "null") return false;
  if (config.anyOrigin || config.origins.includes(origin)) return true;
  return config.localhost && isLocalOrigin(origin);
}

export type CorsOutcome = "answered" | "continue";

/**
 * Sets this request's CORS response headers (through setHeader, so every answer after it carries them, errors
 * included) and answers a preflight: 204 with the allow headers for a permitted origin, 403 with none for another.
 * Returns "answered" when the response has been sent.
 */
export function applyCors(config: CorsConfig, req: http.IncomingMessage, res: http.ServerResponse): CorsOutcome {
  // Every answer depends on Origin, with or without one: a shared cache must not serve one origin's answer to another.
  res.setHeader("vary", "Origin");
  const origin = req.headers.origin;
  const preflight = req.method === "OPTIONS" && typeof origin === "string" && req.headers["access-control-request-method"] !== undefined;
  if (typeof origin !== "string") return "continue";
  const allowed = originAllowed(config, origin);
  if (!preflight) {
    if (allowed) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-expose-headers", CORS_EXPOSED_HEADERS.join(", "));
    }
    return "continue";
  }
  if (!allowed) {
    // A preflight's body is never shown to the page; the status and this text are for the developer's network tab.
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
    res.end(
      `Origin ${origin.slice(0, 200)} may not call this gateway from a browser; the gateway's operator lists allowed origins in GATEWAY_CORS_ORIGINS.\n`,
    );
    return "answered";
  }
  const headers: Record<string, string> = {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": CORS_ALLOWED_METHODS.join(", "),
    "access-control-allow-headers": CORS_ALLOWED_HEADERS.join(", "),
    "access-control-max-age": String(CORS_MAX_AGE_SECONDS),
  };
  // Chromium asks before a public page calls a private address (Private Network Access); an allowed origin may.
  if (req.headers["access-control-request-private-network"] === "true") headers["access-control-allow-private-network"] = "true";
  res.writeHead(204, headers);
  res.end();
  return "answered";
}

const mergedVary = new Map<string, string>();

/** A Vary value with `name` added, for merging the header Apollo (or anything else) answers with ours. */
export function mergeVary(current: string | number | string[] | undefined, added: string): string {
  // Every answer merges the same few header names: each pair is worked out once.
  const key = typeof current === "string" || current === undefined ? `${current ?? ""}\n${added}` : undefined;
  const known = key === undefined ? undefined : mergedVary.get(key);
  if (known !== undefined) return known;
  const merged = mergeVaryNames(current, added);
  if (key !== undefined && mergedVary.size < 256) mergedVary.set(key, merged);
  return merged;
}

function mergeVaryNames(current: string | number | string[] | undefined, added: string): string {
  const names = [current, added]
    .flat()
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const seen = new Map(names.map((n) => [n.toLowerCase(), n]));
  return [...seen.values()].join(", ");
}
