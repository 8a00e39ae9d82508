/**
 * The executor seam (src/http/executor.ts): Apollo runs parsing, validation and every plugin hook around it, and
 * hands it the request's own variables, operation name and context. No database: a two-field schema.
 */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { execute, GraphQLObjectType, GraphQLSchema, GraphQLString, type ExecutionArgs } from "graphql";
import { describe, expect, it } from "vitest";
import { createExecutorGateway, type Execute } from "../../src/http/executor.js";

interface Context {
  who: string;
  hooks: string[];
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Context>({
    name: "Query",
    fields: {
      greeting: {
        type: GraphQLString,
        args: { name: { type: GraphQLString } },
        resolve: (_root, { name }, context) => `${name} from ${context.who}`,
      },
      other: { type: GraphQLString, resolve: () => "other" },
    },
  }),
});

/** The context the plugins were given (Apollo's executeOperation hands them a copy of the one passed in). */
let pluginsContext: Context | undefined;

const hooks: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    pluginsContext = contextValue;
    contextValue.hooks.push("requestDidStart");
    return {
      async didResolveOperation() {
        contextValue.hooks.push("didResolveOperation");
      },
      async executionDidStart() {
        contextValue.hooks.push("executionDidStart");
        return { willResolveField: () => void contextValue.hooks.push("willResolveField") };
      },
      async willSendResponse() {
        contextValue.hooks.push("willSendResponse");
      },
    };
  },
};

async function serve(run?: Execute): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({ gateway: createExecutorGateway(schema, run), plugins: [hooks] });
  await apollo.start();
  return apollo;
}

describe("the executor seam", () => {
  it("runs every operation with the request's variables, operation name and the context the plugins saw", async () => {
    const calls: ExecutionArgs[] = [];
    const apollo = await serve((args) => (calls.push(args), execute(args)));
    const contextValue: Context = { who: "the gateway", hooks: [] };
    const response = await apollo.executeOperation(
      { query: "query A { other } query B($name: String) { greeting(name: $name) }", operationName: "B", variables: { name: "Lan" } },
      { contextValue },
    );
    expect(response.body).toMatchObject({ kind: "single", singleResult: { data: { greeting: "Lan from the gateway" } } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ schema, operationName: "B", variableValues: { name: "Lan" } });
    expect(calls[0].contextValue).toBe(pluginsContext);
    expect(contextValue.hooks).toEqual([
      "requestDidStart",
      "didResolveOperation",
      "executionDidStart",
      "willResolveField",
      "willSendResponse",
    ]);
    await apollo.stop();
  });

  it("executes with graphql-js when given no executor", async () => {
    const apollo = await serve();
    const response = await apollo.executeOperation(
      { query: '{ greeting(name: "Minh") }' },
      { contextValue: { who: "graphql-js", hooks: [] } },
    );
    expect(response.body).toMatchObject({ kind: "single", singleResult: { data: { greeting: "Minh from graphql-js" } } });
    await apollo.stop();
  });

  it("is not reached by an operation that fails validation", async () => {
    let calls = 0;
    const apollo = await serve((args) => (calls++, execute(args)));
    const response = await apollo.executeOperation({ query: "{ missing }" }, { contextValue: { who: "x", hooks: [] } });
    expect(response.body).toMatchObject({
      kind: "single",
      singleResult: { errors: [{ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] },
    });
    expect(calls).toBe(0);
    await apollo.stop();
  });
});
