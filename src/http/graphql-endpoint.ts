/**
 * GraphQL over HTTP: authenticate, read the body, turn a trusted document's id into its text, then let Apollo run
 * the operation. A refusal before Apollo is answered in GraphQL's error shape, with its code. Every request, refused
 * or answered, is counted in the operational records when its connection is done with it.
 */
import type http from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { RequestAccess } from "../modules/access/index.js";
import type { App } from "../app.js";
import { createContext, type GatewayContext } from "../context.js";
import { authenticate } from "./authenticate.js";
import { answerHeaders, sendGatewayError } from "./errors.js";
import { readGraphQLRequest } from "./graphql-request.js";
import type { GatewayMetrics } from "../platform/observability/metrics.js";
import { GatewayError } from "../platform/errors.js";
import { type FinishedRequest, UNREAD_OPERATION } from "../modules/monitoring/index.js";

/** The operation's name the body asks for, before Apollo reads it (a refusal may come first). */
function askedOperationName(body: unknown): string | null {
  const name = body && typeof body === "object" ? (body as { operationName?: unknown }).operationName : undefined;
  return typeof name === "string" ? name : null;
}

/** The first error's code of an answer Apollo refused before any plugin saw it (a batch, a GET mutation, …). */
function refusalCode(status: number, body: string): unknown {
  if (status < 400) return undefined;
  try {
    return (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code ?? "BAD_REQUEST";
  } catch {
    return "BAD_REQUEST";
  }
}

export type GraphQLEndpoint = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  requestId: string,
  onContext: (context: GatewayContext) => void,
) => Promise<void>;

export function createGraphQLEndpoint(app: App, apollo: ApolloServer<GatewayContext>, metrics: GatewayMetrics): GraphQLEndpoint {
  return async (req, res, url, requestId, onContext) => {
    const started = performance.now();
    // Filled in as the request goes; recorded once, whether answered, refused or abandoned by the caller.
    const finished: FinishedRequest = { client: null, operation: UNREAD_OPERATION, procedure: null, durationMs: 0 };
    let context: GatewayContext | undefined;
    res.once("close", () => {
      const log = context?.request.log;
      if (log?.operationName !== undefined) finished.operation = log.operationName;
      if (log && finished.code === undefined) finished.code = log.errorCode;
      finished.durationMs = performance.now() - started;
      app.monitoring.record(finished);
    });
    let access: RequestAccess;
    let operation;
    try {
      access = await authenticate(app, req, (client) => (finished.client = client));
      finished.procedure = access.purpose?.procedure ?? null;
      operation = await readGraphQLRequest(app.documents, req, url.search, access.client);
      finished.operation = askedOperationName(operation.body);
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      finished.code = error.code;
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
        context = createContext(app, requestId, access);
        onContext(context);
        return context;
      },
    });
    if (result.body.kind === "complete" && !context?.request.log.errorCode)
      finished.code = refusalCode(result.status ?? 200, result.body.string);
    res.writeHead(result.status ?? 200, answerHeaders(result.headers, res));
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
}
