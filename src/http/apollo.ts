/**
 * Apollo Server as the gateway runs it: the query limits, the access checks and audit, error formatting that never
 * leaks internals, and the operation's name for the request log; operations execute through ./executor.ts.
 */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { accessPlugin } from "../modules/access/index.js";
import { noIntrospection, queryLimitProtection, DEFAULT_LIMITS } from "../modules/access/index.js";
import type { GraphQLSchema } from "graphql";
import type { GatewayConfig } from "../platform/config.js";
import type { Source } from "../platform/db/source.js";
import type { GatewayContext } from "../context.js";
import { formatError } from "./errors.js";
import { createExecutorGateway } from "./executor.js";
import { logger } from "../platform/logger.js";
import { findGatewayError } from "../platform/errors.js";

/** Coded errors are the caller's to act on; anything else is the gateway's fault, logged with its cause. */
const logUnexpectedErrors: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (findGatewayError(error)) continue;
          const original = error.originalError ?? error;
          if (error.extensions?.code && error.extensions.code !== "INTERNAL_SERVER_ERROR") continue;
          logger.error({ requestId: contextValue.request.id, path: error.path, err: original }, "unexpected error");
        }
      },
    };
  },
};

/**
 * The operation's name, on the context for the request log; and for the operational records (src/modules/monitoring)
 * its own name and the code of the answer's first error, read by the HTTP front once the answer is known.
 */
const noteOperation: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, operation, request, contextValue }) {
        contextValue.request.log.operation = operationName ?? `(anonymous ${operation?.operation ?? "operation"})`;
        // No operation resolved (operationName names none of the document's): the name the request asked for.
        contextValue.request.log.operationName = operation ? (operationName ?? null) : (request.operationName ?? null);
      },
      async willSendResponse({ request, response, contextValue }) {
        const log = contextValue.request.log;
        // Not resolved (a syntax or validation error): the name the request asked for, if any.
        if (log.operationName === undefined) log.operationName = request.operationName ?? null;
        const body = response.body;
        const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
        log.errorCode = errors?.[0] ? (errors[0].extensions?.code ?? "INTERNAL_SERVER_ERROR") : undefined;
      },
    };
  },
};

/** What Apollo is built over: the gateway's app, or one subgraph's (src/federation), which writes its own audit rows. */
export interface ApolloHost {
  schema: GraphQLSchema;
  config: Pick<GatewayConfig, "environment" | "access">;
  /** The gateway database: where the audit trail is written. */
  sources: { gateway: Source };
}

export function createApollo(app: ApolloHost, plugins: ApolloServerPlugin<GatewayContext>[] = []): ApolloServer<GatewayContext> {
  const limits = queryLimitProtection(DEFAULT_LIMITS, app.config.environment === "production");
  return new ApolloServer<GatewayContext>({
    // Every operation runs through this seam (./executor.ts); Apollo takes the schema from it, never beside it.
    gateway: createExecutorGateway(app.schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Introspection is refused by our own rule (typed INTROSPECTION_DISABLED) when GATEWAY_INTROSPECTION is off.
    introspection: true,
    validationRules: [...limits.validationRules, ...(app.config.access.introspection ? [] : [noIntrospection])],
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    // The process owns shutdown (src/main.ts): close HTTP, then Apollo, then the pools, in that order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No type or field carries a cache hint: every answer is `no-store` (set by ./graphql-endpoint.ts). Apollo's
      // cache-control plugin, on unless disabled, would wrap every field's resolver and work out a policy for each
      // field of every answer only to reach that same header.
      ApolloServerPluginCacheControlDisabled(),
      logUnexpectedErrors,
      noteOperation,
      ...limits.plugins,
      accessPlugin(app.sources.gateway, DEFAULT_LIMITS.maxCost),
      ...plugins,
    ],
  });
}
