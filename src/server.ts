/**
 * The HTTP front: GraphQL over HTTP at /graphql (and at / for POST), the offline IDE at / for browsers,
 * a request id on every response, a body size limit, and error formatting that never leaks internals.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLFormattedError } from "graphql";
import type { App } from "./app.js";
import { createContext, type GatewayContext } from "./context.js";
import { idePage } from "./ide.js";
import { logger } from "./logger.js";
import { findGatewayError } from "./shared/errors.js";

export const GRAPHQL_PATH = "/graphql";
export const MAX_BODY_BYTES = 1_000_000;

/** Typed errors keep their code; anything unexpected becomes a bare INTERNAL_SERVER_ERROR. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const typed = findGatewayError(error);
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (typed) return { ...formatted, extensions: { ...extensions, ...typed.extensions, code: typed.code } };
  if (!extensions.code || extensions.code === "INTERNAL_SERVER_ERROR") {
    return {
      message: "Internal error while answering this field. It has been logged; quote the x-request-id response header when reporting it.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  }
  return { ...formatted, extensions };
}

const logUnexpectedErrors: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (findGatewayError(error)) continue;
          const original = error.originalError ?? error;
          if (error.extensions?.code && error.extensions.code !== "INTERNAL_SERVER_ERROR") continue;
          logger.error({ requestId: contextValue.requestId, path: error.path, err: original }, "unexpected error");
        }
      },
    };
  },
};

export function createApollo(app: App, plugins: ApolloServerPlugin<GatewayContext>[] = []): ApolloServer<GatewayContext> {
  return new ApolloServer<GatewayContext>({
    schema: app.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // The process owns shutdown (src/main.ts): close HTTP, then Apollo, then the pools, in that order.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), logUnexpectedErrors, ...plugins],
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export interface GatewayServer {
  app: App;
  apollo: ApolloServer<GatewayContext>;
  http: http.Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export async function createServer(app: App): Promise<GatewayServer> {
  const apollo = createApollo(app);
  await apollo.start();

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const incomingId = req.headers["x-request-id"];
    const requestId = typeof incomingId === "string" && /^[\w.-]{1,64}$/.test(incomingId) ? incomingId : randomUUID();
    res.setHeader("x-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://gateway");
    const wantsHtml = req.method === "GET" && (req.headers.accept ?? "").includes("text/html");

    if (url.pathname === "/" && wantsHtml) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(idePage(GRAPHQL_PATH));
      return;
    }
    if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
    if (url.pathname !== GRAPHQL_PATH && !(url.pathname === "/" && req.method === "POST")) {
      return sendJson(res, 404, errorBody("NOT_FOUND", `Nothing at ${url.pathname}. GraphQL is served at ${GRAPHQL_PATH}; the IDE at /.`));
    }

    const raw = await readBody(req);
    if (raw === null) {
      return sendJson(res, 413, errorBody("PAYLOAD_TOO_LARGE", `The request body exceeds ${MAX_BODY_BYTES} bytes.`), { connection: "close" });
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
        return sendJson(res, 400, errorBody("BAD_REQUEST", "The request body is not valid JSON."));
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: async () => createContext(app, requestId),
    });
    const responseHeaders: Record<string, string> = {};
    for (const [key, value] of result.headers) responseHeaders[key] = value;
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
      logger.error({ err: error }, "request failed");
      if (!res.headersSent) sendJson(res, 500, errorBody("INTERNAL_SERVER_ERROR", "Internal error; it has been logged."));
      else res.end();
    });
  });

  return {
    app,
    apollo,
    http: server,
    listen: (port, host = "0.0.0.0") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
