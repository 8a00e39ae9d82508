/**
 * GraphQL over HTTP: authenticate, read the body, turn a trusted document's id into its text, then let Apollo run
 * the operation. A refusal before Apollo is answered in GraphQL's error shape, with its code.
 */
import type http from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { RequestAccess } from "../modules/access/index.js";
import type { App } from "../app.js";
import { createContext, type GatewayContext } from "../context.js";
import { authenticate } from "./authenticate.js";
import { MAX_BODY_BYTES, readBody } from "./body.js";
import { mergeVary } from "./cors.js";
import { sendError, sendGatewayError } from "./errors.js";
import { resolveTrustedDocument } from "../modules/documents/index.js";
import type { GatewayMetrics } from "../platform/observability/metrics.js";
import { GatewayError } from "../platform/errors.js";

export type GraphQLEndpoint = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  requestId: string,
  onContext: (context: GatewayContext) => void,
) => Promise<void>;

export function createGraphQLEndpoint(app: App, apollo: ApolloServer<GatewayContext>, metrics: GatewayMetrics): GraphQLEndpoint {
  return async (req, res, url, requestId, onContext) => {
    let access: RequestAccess;
    try {
      access = await authenticate(app, req);
    } catch (error) {
      if (error instanceof GatewayError) return sendGatewayError(res, error, metrics);
      throw error;
    }

    const raw = await readBody(req);
    if (raw === null) {
      return sendError(
        res,
        metrics,
        413,
        "PAYLOAD_TOO_LARGE",
        `The request body exceeds ${MAX_BODY_BYTES} bytes.`,
        {},
        { connection: "close" },
      );
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
      context: async () => {
        const context = createContext(app, requestId, access);
        onContext(context);
        return context;
      },
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
}
