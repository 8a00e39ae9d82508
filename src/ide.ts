/**
 * The GraphQL IDE served at the gateway's root: GraphiQL with its scripts, styles and editor workers inlined
 * (@graphql-yoga/render-graphiql), so it works with no internet access, preloaded with example operations.
 */
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { EXAMPLE_OPERATIONS } from "./examples.js";

const pages = new Map<string, string>();

/** Request headers the IDE starts with: the demo keys and purpose in development, none in production. */
export interface IdeHeaders {
  all: Record<string, string>;
  citizen: Record<string, string>;
}

export function idePage(endpoint: string, headers?: IdeHeaders): string {
  const key = `${endpoint} ${JSON.stringify(headers ?? null)}`;
  const cached = pages.get(key);
  if (cached) return cached;
  const headersOf = (as: "all" | "citizen" = "all") => (headers ? JSON.stringify(headers[as], null, 2) : "{}");
  const page = renderGraphiQL({
    title: "NDAF Gateway — GraphQL IDE",
    endpoint,
    defaultTabs: EXAMPLE_OPERATIONS.map((op) => ({
      query: op.query,
      variables: op.variables ? JSON.stringify(op.variables, null, 2) : null,
      headers: headersOf(op.as),
    })),
    headers: headersOf(EXAMPLE_OPERATIONS[0].as),
    defaultHeaders: headersOf(),
    defaultQuery: EXAMPLE_OPERATIONS[0].query,
    // The first tab's variables come from this option, which render-graphiql accepts but does not type.
    ...({ variables: JSON.stringify(EXAMPLE_OPERATIONS[0].variables ?? {}, null, 2) } as object),
    schemaDescription: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  });
  pages.set(key, page);
  return page;
}
