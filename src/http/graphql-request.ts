/**
 * A GraphQL request as the HTTP front reads it, the gateway's and the router's alike: the body up to its limit,
 * UTF-8 and (for JSON) parsed, then a trusted document's id turned into its text for this client. Each refusal is a
 * typed error the caller answers as any other.
 */
import { say } from "../platform/i18n.js";
import { HTTP_MESSAGES } from "./messages.js";
import type http from "node:http";
import type { Client } from "../modules/access/index.js";
import { type DocumentStore, type GraphQLHttpParts, resolveTrustedDocument } from "../modules/documents/index.js";
import { GatewayError } from "../platform/errors.js";
import { MAX_BODY_BYTES, readBody } from "./body.js";

export async function readGraphQLRequest(
  documents: DocumentStore,
  req: http.IncomingMessage,
  search: string,
  client: Client | null,
): Promise<GraphQLHttpParts> {
  const raw = await readBody(req);
  if (raw === null) throw new GatewayError("PAYLOAD_TOO_LARGE", say(HTTP_MESSAGES.payloadTooLarge, { limit: MAX_BODY_BYTES }));
  if (raw === undefined) throw new GatewayError("BAD_REQUEST", say(HTTP_MESSAGES.notUtf8));
  let body: unknown = raw;
  if ((req.headers["content-type"] ?? "").includes("application/json") && raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      throw new GatewayError("BAD_REQUEST", say(HTTP_MESSAGES.notJson));
    }
  }
  // A trusted document's id becomes its text here, so the operation runs as any request (limits, access, audit).
  return resolveTrustedDocument(documents, { method: req.method ?? "GET", search, body }, client);
}
