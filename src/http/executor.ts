/**
 * The one place an operation is executed: Apollo Server's `gateway` option, holding our own schema, whose executor
 * runs every request. Apollo still does everything around it — parsing with the token limit, validation with the
 * query limits, the document cache, every plugin hook (didResolveOperation's access and cost checks,
 * executionDidStart, didEncounterErrors, willSendResponse's audit) and formatError — and hands the executor the
 * validated document with the request's context. So a faster executor (graphql-jit, plans compiled per trusted
 * document) is a different `execute` given here, and nothing else changes.
 */
import { execute as graphqlExecute, printSchema, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from "@apollo/server-gateway-interface";

/**
 * Runs one validated operation, as graphql-js's execute does. The request context is there for executors that
 * cache per document (its queryHash); graphql-js ignores it.
 */
export type Execute = (args: ExecutionArgs, request: GatewayGraphQLRequestContext) => ExecutionResult | Promise<ExecutionResult>;

// Wrapped, not passed as is: graphql-js's execute refuses a second argument (it takes it for the positional API).
const executeWithGraphQLJs: Execute = (args) => graphqlExecute(args);

export function createExecutorGateway(schema: GraphQLSchema, execute: Execute = executeWithGraphQLJs): GatewayInterface {
  // The arguments Apollo gives graphql-js when it executes itself (requestPipeline.ts): the request's own variables
  // and operation name, the context the plugins saw. No rootValue or fieldResolver: the gateway sets neither.
  const executor: GatewayExecutor = async (request) =>
    execute(
      {
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: request.request.variables,
        operationName: request.request.operationName,
      },
      request,
    );
  return {
    // Apollo learns the schema only through this callback, and needs it before load() resolves. The SDL is printed
    // only if a reporting plugin reads it, as Apollo would print it for a schema given directly.
    onSchemaLoadOrUpdate(callback) {
      callback({
        apiSchema: schema,
        get coreSupergraphSdl() {
          return printSchema(schema);
        },
      });
      return () => {};
    },
    load: async () => ({ executor }),
    // The schema never changes and nothing is polled: nothing to stop.
    stop: async () => {},
  };
}
