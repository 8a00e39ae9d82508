/**
 * The GraphQL IDE served at the gateway's root: GraphiQL with its scripts, styles and editor workers inlined
 * (@graphql-yoga/render-graphiql), so it works with no internet access, preloaded with example operations.
 */
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { EXAMPLE_OPERATIONS } from "./examples.js";

let page: string | undefined;

export function idePage(endpoint: string): string {
  page ??= renderGraphiQL({
    title: "NDAF Gateway — GraphQL IDE",
    endpoint,
    defaultTabs: EXAMPLE_OPERATIONS.map((op) => ({ query: op.query, variables: op.variables ? JSON.stringify(op.variables, null, 2) : null })),
    defaultQuery: EXAMPLE_OPERATIONS[0].query,
    // The first tab's variables come from this option, which render-graphiql accepts but does not type.
    ...({ variables: JSON.stringify(EXAMPLE_OPERATIONS[0].variables ?? {}, null, 2) } as object),
    schemaDescription: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  });
  return page;
}
