/**
 * The router: Hive Gateway (`@graphql-hive/gateway`) over the committed supergraph (supergraph.graphql), with each
 * subgraph's placeholder URL replaced by the one the operator gives. It keeps the gateway's promises at the edge —
 * it authenticates the API key, reads the purpose, counts the rate limit, reads the body up to its limit, turns a
 * trusted document's id into its text, applies the query limits, the cost and CORS — and hands each subgraph the
 * identity of the request in the subgraph request's extensions, signed with the operation for that subgraph only
 * (Hive's HMAC upstream signature, with our serializer: ./identity.ts). Each subgraph then checks the grants of its
 * own fields and writes its own reads to the audit trail, so the router never sees a refusal it could bypass. A
 * subgraph that does not answer becomes a typed SOURCE_UNAVAILABLE error on its fields; the rest is served.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway";
import { useHmacUpstreamSignature } from "@graphql-mesh/hmac-upstream-signature";
import { defaultPrintFn } from "@graphql-tools/executor-common";
import type { ExecutionRequest } from "@graphql-tools/utils";
import {
  type ExecutionResult,
  GraphQLError,
  type GraphQLScalarType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
  type ValidationRule,
} from "graphql";
import { buildUnifiedSchema } from "../schema.js";
import { applyCors, mergeVary } from "../http/cors.js";
import { authenticate } from "../http/authenticate.js";
import { answerHeaders, sendGatewayError, sendJson } from "../http/errors.js";
import { thirdPartyMessage } from "../http/messages.js";
import { graphqlJsInVietnamese } from "../platform/graphql-messages.js";
import { readGraphQLRequest } from "../http/graphql-request.js";
import { closeGracefully, listenOn } from "../http/listen.js";
import { REQUEST_ID_HEADER } from "../http/request-log.js";
import { ClientStore, DEFAULT_LIMITS, RateLimits, type RequestAccess } from "../modules/access/index.js";
import { costRefusal, noIntrospection, routerQueryLimits } from "../modules/access/index.js";
import { DocumentStore } from "../modules/documents/index.js";
import { ProcedureCatalogue } from "../modules/procedures/index.js";
import { type GatewayConfig, URL_VARIABLES } from "../platform/config.js";
import { migrateSource } from "../platform/db/migrate.js";
import { SourceUnavailableError } from "../platform/db/resilience.js";
import { openSource } from "../platform/db/source.js";
import { findGatewayError, GatewayError } from "../platform/errors.js";
import { CONTENT_LANGUAGE, type Language, language, type Message, negotiateLanguage, say, withLanguage } from "../platform/i18n.js";
import { PLATFORM_MESSAGES } from "../platform/messages.js";
import { logger } from "../platform/logger.js";
import { closeRedis, openRedis, type Redis } from "../platform/redis.js";
import { loadSecret } from "../app.js";
import { IDENTITY_EXTENSION, identityFor, signedPayload, subgraphSecret } from "./identity.js";
import { SUBGRAPH_NAMES, type SubgraphName } from "./ownership.js";
import { FEDERATION_MESSAGES } from "./messages.js";
import { placeholderUrl, readSupergraphFile } from "./supergraph.js";

export const ROUTER_GRAPHQL_PATH = "/graphql";

export interface RouterOptions {
  config: GatewayConfig;
  secret: string;
  urls: Record<SubgraphName, string>;
  /** The supergraph's SDL; the committed supergraph.graphql by default. */
  supergraph?: string;
  /** Hive Router's Rust query planner (the default) or Hive Gateway's JavaScript one. */
  queryPlanner?: "rust" | "javascript";
  /** How long a subgraph may take (ms) before its fields are answered SOURCE_UNAVAILABLE. */
  subgraphTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface RouterService {
  http: http.Server;
  runtime: GatewayRuntime;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** The committed supergraph with each subgraph's real URL in place of its placeholder. */
export function routedSupergraph(sdl: string, urls: Record<SubgraphName, string>): string {
  let routed = sdl;
  for (const name of SUBGRAPH_NAMES) routed = routed.split(placeholderUrl(name)).join(urls[name]);
  return routed;
}

/** What the router learned of a request, on its context. */
interface RouterState {
  access: RequestAccess;
  requestId: string;
}

/** Yoga answers an operation-level error with this status (and drops it from the extensions). */
function httpStatus(status: number): { http: { status: number } } {
  return { http: { status } };
}

/** A subgraph's answer that is not GraphQL (refused connection, timeout, 5xx): the source is unavailable. */
function isTransportFailure(error: { message?: string; extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  if (code === "SUBREQUEST_HTTP_ERROR" || code === "DOWNSTREAM_SERVICE_ERROR") return true;
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") return false;
  return /fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|socket hang up|timed? ?out|aborted|No response|Unexpected response|not valid JSON|HTTP 5\d\d/i.test(
    error.message ?? "",
  );
}

/**
 * One validation rule per language, doing nothing: Yoga caches a document's validation result (its errors' words
 * included) by the names of the rules it ran, so each language gets its own entry and no answer is in another's.
 */
const LANGUAGE_RULES: Record<Language, ValidationRule> = {
  en: function answeredInEnglish() {
    return {};
  },
  vi: function answeredInVietnamese() {
    return {};
  },
};

/**
 * An error whose words are said in the language of the request reading them: Yoga caches a document's parse error
 * and throws the same object again for the same text, whoever asks.
 */
function saidPerRequest<E extends Error>(error: E, message: Message, params: Record<string, string | number> = {}): E {
  Object.defineProperty(error, "message", { get: () => say(message, params), configurable: true, enumerable: false });
  return error;
}

/** graphql-js's and Yoga's own codes: their messages are in English, said again in the reader's language. */
const THIRD_PARTY_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "OPERATION_RESOLUTION_FAILURE"]);
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/**
 * An error the router answers, in `lang`: graphql-js's and Yoga's English (an unknown field, a variable's wrapper
 * around the gateway's own detail) said again as the all-in-one gateway says it; the gateway's own messages, and
 * what a subgraph already said in this language, as they are.
 */
function inLanguage(error: GraphQLError, lang: Language): GraphQLError {
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : "";
  const known = graphqlJsInVietnamese(error.message) !== null;
  const theirs = !code || THIRD_PARTY_CODES.has(code);
  if (!known && !(theirs && !VIETNAMESE_LETTER.test(error.message))) return error;
  const message = thirdPartyMessage(error.message, code, lang);
  if (message === error.message || !(error instanceof GraphQLError)) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

export async function startRouter(options: RouterOptions): Promise<RouterService> {
  const { config, secret, urls } = options;
  const log = options.log ?? (() => {});
  if (!config.sources.gateway.url) {
    throw new Error(`The router needs ${URL_VARIABLES.gateway} (Postgres): it reads the client registry the subgraphs' audit rows name.`);
  }
  const supergraph = options.supergraph ?? readSupergraphFile();
  if (!supergraph) throw new Error("supergraph.graphql is missing: run `npm run schema:emit`.");
  const gateway = await openSource(config.sources.gateway);
  let redis: Redis | null = null;
  try {
    await gateway.exclusively("migrate", () => migrateSource(gateway));
    if (config.redis.url) redis = await openRedis({ ...config.redis, url: config.redis.url });
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const clients = new ClientStore(gateway.db, config.access.clientCacheMs);
  const changes = await clients.follow(gateway);
  const keySecret = await loadSecret(gateway);
  const rateLimits = new RateLimits(
    config.access.rateLimitPerMinute,
    config.access.anonymousRateLimitPerMinute,
    redis ? { redis, prefix: config.redis.prefix, keySecret } : undefined,
  );
  const procedures = ProcedureCatalogue.load();
  const documents = new DocumentStore(gateway.db);
  const production = config.environment === "production";
  const limits = routerQueryLimits(DEFAULT_LIMITS, production);

  // The unified schema: its scalars (below) and each list field's size for the cost, for the router's own checks.
  const unified = await buildUnifiedSchema();

  const edge: GatewayPlugin = {
    // The gateway's token limit on the router's own parser, with its typed error.
    onParse({ setParseFn }) {
      setParseFn((source, parseOptions) => {
        try {
          return parse(source, { ...parseOptions, maxTokens: DEFAULT_LIMITS.maxTokens });
        } catch (error) {
          const message = (error as Error).message ?? "";
          if (/more tha[nt] \d+ tokens/.test(message)) {
            // Said per request: Yoga keeps this error for the document's text and throws it again to whoever asks.
            const words = { max: DEFAULT_LIMITS.maxTokens };
            const tooLong = new GatewayError("TOO_MANY_TOKENS", say(FEDERATION_MESSAGES.tooManyTokens, words), httpStatus(400));
            throw saidPerRequest(tooLong, FEDERATION_MESSAGES.tooManyTokens, words);
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(LANGUAGE_RULES[language()]);
      if (!config.access.introspection) addValidationRule(noIntrospection);
    },
    // graphql-js's and Yoga's English, said again in the language the request asked for (as the gateway's formatError).
    onResultProcess({ result, setResult }) {
      const lang = language();
      if (lang === "en" || Symbol.asyncIterator in result) return;
      const said = (one: ExecutionResult): ExecutionResult =>
        one.errors?.length ? { ...one, errors: one.errors.map((error) => inLanguage(error, lang)) } : one;
      setResult(Array.isArray(result) ? result.map(said) : said(result as ExecutionResult));
    },
    // The gateway's cost, before any subgraph is asked: each subgraph also costs its own part, but only the router
    // sees the whole question (every alias and list level multiplies).
    onExecute({ args, setResultAndStopExecution }) {
      const tooCostly = costRefusal(
        unified,
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown> | null | undefined,
        DEFAULT_LIMITS.maxCost,
      );
      if (tooCostly) {
        setResultAndStopExecution({
          errors: [new GatewayError(tooCostly.code, tooCostly.message, { ...tooCostly.extensions, ...httpStatus(400) })],
        });
      }
    },
    // Each subgraph request carries the identity, signed below with the operation, for that subgraph only.
    onSubgraphExecute({ executionRequest, subgraphName, executor, setExecutor }) {
      const state = (executionRequest.context as { ndaf?: RouterState } | undefined)?.ndaf;
      const client = state?.access.client ?? null;
      const identity = identityFor(subgraphName, {
        client: client && {
          id: client.id,
          name: client.name,
          kind: client.kind,
          personalId: client.personalId,
          grants: client.grants,
          roles: client.roles,
        },
        purpose: state?.access.purpose ?? null,
        requestId: state?.requestId ?? randomUUID(),
      });
      executionRequest.extensions = { ...executionRequest.extensions, [IDENTITY_EXTENSION]: identity };
      const name = subgraphName as SubgraphName;
      setExecutor(async (request: ExecutionRequest) => {
        try {
          const result = await executor(request);
          if (Symbol.asyncIterator in (result as object)) return result;
          const single = result as { data?: unknown; errors?: readonly GraphQLError[] };
          // Never the transport's own error: it holds the subgraph request, signature and identity included.
          if (single.errors?.some((e) => isTransportFailure(e))) {
            logger.warn({ subgraph: name, requestId: identity.requestId, error: single.errors[0]?.message }, "subgraph unavailable");
            return {
              data: single.data ?? null,
              errors: [new SourceUnavailableError(name, { message: PLATFORM_MESSAGES.subgraphDidNotAnswer })],
            };
          }
          // A subgraph's refusal of the whole part (its fields not granted, its cost): several errors without a path,
          // which the delegation would fold into one untyped error. One typed error instead, naming every field.
          if (!single.data && single.errors && single.errors.length > 1 && single.errors.every((e) => !e.path)) {
            const [first] = single.errors;
            const fields = single.errors.map((e) => e.extensions?.field).filter((f): f is string => typeof f === "string");
            return {
              errors: [
                new GraphQLError(first.message, {
                  extensions: { ...first.extensions, ...(fields.length > 1 ? { fields } : {}) },
                }),
              ],
            };
          }
          return result;
        } catch (error) {
          logger.warn({ subgraph: name, requestId: identity.requestId, err: error }, "subgraph unavailable");
          return { errors: [new SourceUnavailableError(name, { message: PLATFORM_MESSAGES.subgraphDidNotAnswer })] };
        }
      });
    },
  };

  // The unified schema's own scalars (PersonalId, TaxCode, …), so a malformed value is refused here with its typed
  // error, as the gateway refuses it, before any subgraph is asked.
  const scalars = Object.fromEntries(
    Object.values(unified.getTypeMap())
      .filter((type): type is GraphQLScalarType => isScalarType(type) && !isSpecifiedScalarType(type))
      .map((type) => [type.name, type]),
  );
  // Hive Router's Rust query planner (a native addon, bundled for Linux, macOS and Windows) unless the operator
  // asks for Hive Gateway's JavaScript planner (ROUTER_QUERY_PLANNER=javascript), or it does not load here.
  const planner = options.queryPlanner ?? (process.env.ROUTER_QUERY_PLANNER === "javascript" ? "javascript" : "rust");
  const rust = planner === "rust" ? await import("@graphql-hive/router-runtime").catch(() => null) : null;
  if (planner === "rust" && !rust) log("The Rust query planner (@graphql-hive/router-runtime) does not load here: planning in JavaScript");
  const runtime = createGatewayRuntime({
    ...(rust ? { unifiedGraphHandler: rust.unifiedGraphHandler } : {}),
    additionalResolvers: scalars,
    supergraph: routedSupergraph(supergraph, urls),
    graphqlEndpoint: ROUTER_GRAPHQL_PATH,
    // READY once the supergraph is loaded and planned, as the gateway's /health/ready.
    readinessCheckEndpoint: "/health/ready",
    landingPage: false,
    graphiql: false,
    // CORS is the gateway's own (src/http/cors.ts), applied before the runtime sees the request.
    cors: false,
    logging: process.env.LOG_LEVEL === "debug" ? "debug" : "warn",
    // Never the development mode's original errors: a subgraph request's error holds its signed body.
    maskedErrors: { isDev: false },
    // The errors' extensions as the all-in-one gateway gives them (its `source`, not the subgraph's name).
    subgraphErrors: { subgraphNameProp: false },
    // The request id is the router's own (edge below), never a caller's: a client cannot pose as another's request.
    requestId: false,
    upstreamTimeout: options.subgraphTimeoutMs ?? 10_000,
    // Each subgraph answers in the language its caller asked the router for: its errors reach the caller as written.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        "accept-language": negotiateLanguage(request.headers.get("accept-language") ?? undefined),
      }),
    },
    plugins: () => [
      edge,
      ...(limits.plugins as GatewayPlugin[]),
      // After `edge`, so the identity is in the extensions when the request is signed: one signer per subgraph,
      // each with that subgraph's own secret (subgraphSecret), so no subgraph's secret signs for another.
      ...SUBGRAPH_NAMES.map(
        (name) =>
          useHmacUpstreamSignature({
            secret: subgraphSecret(secret, name),
            shouldSign: ({ subgraphName }) => subgraphName === name,
            serializeExecutionRequest: (request) =>
              signedPayload({
                query: defaultPrintFn(request.document),
                variables: request.variables,
                operationName: request.operationName,
                identity: request.extensions?.[IDENTITY_EXTENSION],
              }),
          }) as GatewayPlugin,
      ),
    ],
  });
  log(`Routing (${rust ? "Rust" : "JavaScript"} query planner) to ${SUBGRAPH_NAMES.map((name) => `${name} at ${urls[name]}`).join(", ")}`);

  /** Who asks and why, the body read up to its limit, a trusted document's id turned into its text: as the gateway. */
  const prepare = async (
    req: http.IncomingMessage,
    url: URL,
    headers: Headers,
  ): Promise<{ access: RequestAccess; init: RequestInit; search: string }> => {
    const access = await authenticate({ clients, rateLimits, procedures }, req);
    const { body, search } = await readGraphQLRequest(documents, req, url.search, access.client);
    headers.delete("content-length");
    const init: RequestInit = { method: req.method, headers };
    const hasBody = req.method !== "GET" && req.method !== "HEAD" && (typeof body === "string" ? body.length > 0 : body != null);
    if (hasBody) init.body = typeof body === "string" ? body : JSON.stringify(body);
    return { access, init, search };
  };

  const send = async (res: http.ServerResponse, response: Response, extra: Record<string, string> = {}) => {
    res.writeHead(response.status, { ...answerHeaders(response.headers, res), ...extra });
    res.end(Buffer.from(await response.arrayBuffer()));
  };

  // The gateway's HTTP edge in front of the runtime; Hive Gateway then runs the operation with the identity on its
  // context (`ndaf`), where the subgraph hook above reads it.
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (applyCors(config.cors, req, res) === "answered") return;
    // After CORS, which sets Vary: Origin.
    res.setHeader("content-language", CONTENT_LANGUAGE[language()]);
    res.setHeader("vary", mergeVary(res.getHeader("vary"), "Accept-Language"));
    const url = new URL(req.url ?? "/", "http://router");
    if (url.pathname === "/health" || url.pathname === "/health/live") return sendJson(res, 200, { status: "LIVE", router: true });
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    if (url.pathname === "/health/ready") return send(res, await runtime.fetch(`http://router${url.pathname}`, { headers }, { req, res }));
    if (url.pathname !== ROUTER_GRAPHQL_PATH) {
      return sendJson(res, 404, {
        errors: [{ message: say(FEDERATION_MESSAGES.routerNotFound, { path: ROUTER_GRAPHQL_PATH }), extensions: { code: "NOT_FOUND" } }],
      });
    }
    const requestId = randomUUID();
    let prepared;
    try {
      prepared = await prepare(req, url, headers);
    } catch (error) {
      const typed = findGatewayError(error);
      if (!typed) throw error;
      const close: Record<string, string> = typed.code === "PAYLOAD_TOO_LARGE" ? { connection: "close" } : {};
      return sendGatewayError(res, typed, null, { [REQUEST_ID_HEADER]: requestId, ...close });
    }
    const state: RouterState = { access: prepared.access, requestId };
    const response = await runtime.fetch(`http://router${url.pathname}${prepared.search}`, prepared.init, { req, res, ndaf: state });
    // The router's own id, as the gateway's: the one every subgraph's audit rows of this question carry.
    await send(res, response, { [REQUEST_ID_HEADER]: requestId });
  };

  const server = http.createServer((req, res) => {
    // Every message a person reads in the answer is in the language asked for, as the gateway's (src/http/server.ts);
    // codes and extensions are not. The subgraphs are asked in the same language (propagateHeaders above).
    withLanguage(negotiateLanguage(req.headers["accept-language"]), () =>
      handle(req, res).catch((error) => {
        logger.error({ err: error }, "router request failed");
        if (!res.headersSent) {
          sendJson(res, 500, { errors: [{ message: say(FEDERATION_MESSAGES.internal), extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        } else res.end();
      }),
    );
  });

  return {
    http: server,
    runtime,
    listen: (port, host) => listenOn(server, port, host),
    close: async () => {
      await closeGracefully(server);
      await runtime.dispose();
      await changes.close();
      if (redis) await closeRedis(redis);
      await gateway.close();
    },
  };
}
