/**
 * The HTTP front, composed: every request is named, logged and given its CORS headers, then routed to the IDE,
 * health, metrics or GraphQL; a request that fails unexpectedly is logged and answered a bare 500.
 */
import { HTTP_MESSAGES } from "./messages.js";
import http from "node:http";
import type { ApolloServer } from "@apollo/server";
import type { App } from "../app.js";
import type { GatewayContext } from "../context.js";
import { createApollo } from "./apollo.js";
import { applyCors, mergeVary } from "./cors.js";
import { sendError } from "./errors.js";
import { createGraphQLEndpoint } from "./graphql-endpoint.js";
import { closeGracefully, listenOn } from "./listen.js";
import { logRequest, nameRequest, REQUEST_ID_HEADER } from "./request-log.js";
import { createRoutes, routeOf } from "./routes.js";
import { CONTENT_LANGUAGE, negotiateLanguage, say, withLanguage } from "../platform/i18n.js";
import { logger } from "../platform/logger.js";
import { GatewayMetrics } from "../platform/observability/metrics.js";

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

export async function createServer(app: App): Promise<GatewayServer> {
  const redis = app.redis;
  const metrics = new GatewayMetrics(app.sources, {
    redisReady: redis ? () => redis.status === "ready" : undefined,
    rateLimitFallbacks: app.rateLimits.shared ? () => app.rateLimits.fallbacks.count : undefined,
  });
  const apollo = createApollo(app, [metrics.plugin()]);
  let shuttingDown = false;
  await apollo.start();
  const dispatch = createRoutes(app, metrics, () => shuttingDown);
  const graphql = createGraphQLEndpoint(app, apollo, metrics);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const ids = nameRequest(req, res);
    // While shutting down, a keep-alive connection is closed after its answer, so the server can finish.
    if (shuttingDown) res.setHeader("connection", "close");
    const url = new URL(req.url ?? "/", "http://gateway");
    const entry = logRequest(req, res, metrics, ids, routeOf(url.pathname), started);
    // CORS first: a preflight is answered before authentication, and every answer after this (errors sent before
    // GraphQL runs included) carries the headers a browser needs to let the page read it.
    if (applyCors(app.config.cors, req, res) === "answered") return;
    // Every message a person reads in the answer is in the language asked for; codes and extensions are not.
    const lang = negotiateLanguage(req.headers["accept-language"]);
    res.setHeader("content-language", CONTENT_LANGUAGE[lang]);
    res.setHeader("vary", mergeVary(res.getHeader("vary"), "Accept-Language"));
    await withLanguage(lang, async () => {
      if ((await dispatch(req, res, url)) === "answered") return;
      await graphql(req, res, url, ids.requestId, (context) => (entry.context = context));
    });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      logger.error({ requestId: res.getHeader(REQUEST_ID_HEADER), err: error }, "request failed");
      if (!res.headersSent) sendError(res, metrics, 500, "INTERNAL_SERVER_ERROR", say(HTTP_MESSAGES.internal));
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
    listen: (port, host) => listenOn(server, port, host),
    /**
     * Graceful: stop accepting, let requests in flight finish (idle keep-alive connections are closed at once,
     * busy ones after their response), then stop Apollo. The caller closes the pools after this.
     */
    close: async () => {
      shuttingDown = true;
      await closeGracefully(server);
      await apollo.stop();
    },
  };
}
