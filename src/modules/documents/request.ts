/**
 * A GraphQL request that names a trusted document (`{"documentId": "sha256:…", "variables": {…}}`, the
 * GraphQL-over-HTTP persisted documents form; `?documentId=` on a GET) becomes, before Apollo sees it, the same
 * request with the stored text as `query`. Apollo then runs it exactly as any request — limits, access checks,
 * purpose, audit — and, being handed the same text every time, answers parsing and validation from its document
 * cache (keyed by the text's SHA-256, which is the id). A client set to trusted documents only may send nothing else.
 */
import type { Client } from "../access/index.js";
import { GatewayError } from "../../platform/errors.js";
import { DOCUMENT_ID } from "./document.js";
import type { DocumentStore } from "./service.js";
import { say } from "../../platform/i18n.js";
import { DOCUMENTS } from "./messages.js";

export interface GraphQLHttpParts {
  method: string;
  /** The URL's query string, with its `?` (GET requests carry the operation there). */
  search: string;
  /** The parsed JSON body (or the raw text when it is not JSON). */
  body: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shownId(value: unknown): string {
  return typeof value === "string"
    ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
    : value === null
      ? say(DOCUMENTS.aNull)
      : Array.isArray(value)
        ? say(DOCUMENTS.aList)
        : say(DOCUMENTS.aValue, { type: typeof value });
}

function invalid(message: string): GatewayError {
  return new GatewayError("INVALID_DOCUMENT_ID", message);
}

async function lookUp(store: DocumentStore, id: unknown, client: Client | null): Promise<string> {
  if (typeof id !== "string" || !DOCUMENT_ID.test(id)) {
    throw invalid(say(DOCUMENTS.idShape, { value: shownId(id) }));
  }
  const document = await store.find(id, client);
  if (!document) {
    throw new GatewayError(
      "DOCUMENT_NOT_FOUND",
      client ? say(DOCUMENTS.notFoundForClient, { id, clientId: client.id }) : say(DOCUMENTS.notFoundWithoutKey, { id }),
      { documentId: id },
    );
  }
  return document.body;
}

/** The request as Apollo should see it: a named document replaced by its text; a trusted-only client's text refused. */
export async function resolveTrustedDocument(
  store: DocumentStore,
  request: GraphQLHttpParts,
  client: Client | null,
): Promise<GraphQLHttpParts> {
  if (request.method === "GET") {
    const params = new URLSearchParams(request.search);
    const ids = params.getAll("documentId");
    if (ids.length > 0) {
      if (ids.length > 1) throw invalid(say(DOCUMENTS.repeated));
      if (params.has("query")) throw invalid(say(DOCUMENTS.both));
      const query = await lookUp(store, ids[0], client);
      params.delete("documentId");
      params.set("query", query);
      return { ...request, search: `?${params}` };
    }
  } else if (isRecord(request.body) && request.body.documentId !== undefined && request.body.documentId !== null) {
    const { documentId, ...rest } = request.body;
    if (rest.query !== undefined && rest.query !== null) throw invalid(say(DOCUMENTS.both));
    // Apollo's automatic persisted queries would key the request on another hash; a document id already names it.
    if (isRecord(rest.extensions) && rest.extensions.persistedQuery !== undefined) throw invalid(say(DOCUMENTS.persistedQuery));
    return { ...request, body: { ...rest, query: await lookUp(store, documentId, client) } };
  }
  if (client?.trustedDocumentsOnly) {
    throw new GatewayError("TRUSTED_DOCUMENTS_ONLY", say(DOCUMENTS.trustedOnly, { clientId: client.id }), { clientId: client.id });
  }
  return request;
}
