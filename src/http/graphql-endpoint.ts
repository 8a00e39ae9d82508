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
import { mergeVary } from "./cors.js";
import { sendGatewayError } from "./errors.js";
import { readGraphQLRequest } from "./graphql-request.js";
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
    let operation;
    try {
      access = await authenticate(app, req);
      operation = await readGraphQLRequest(app.documents, req, url.search, access.client);
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      // An oversized body is not read to its end: the connection cannot carry another request.
      return sendGatewayError(res, error, metrics, error.code === "PAYLOAD_TOO_LARGE" ? { connection: "close" } : {});
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
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
