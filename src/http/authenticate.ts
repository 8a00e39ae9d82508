/** Who is asking and why: the API key becomes a client, the purpose headers a purpose, and both count against a rate limit. */
import { say } from "../platform/i18n.js";
import { HTTP_MESSAGES } from "./messages.js";
import type http from "node:http";
import type { Client, ClientStore, RateLimits } from "../modules/access/index.js";
import {
  checkDeclaredPurpose,
  parsePurpose,
  PURPOSE_CASE_HEADER,
  PURPOSE_PROCEDURE_HEADER,
  RequestAccess,
} from "../modules/access/index.js";
import type { ProcedureCatalogue } from "../modules/procedures/index.js";
import { GatewayError } from "../platform/errors.js";

/** What authentication reads: the client registry, the rate limits and the procedures a purpose may name. */
export interface Authenticator {
  clients: Pick<ClientStore, "authenticate">;
  rateLimits: RateLimits;
  procedures: Pick<ProcedureCatalogue, "get">;
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The request's client (null without an Authorization header), its purpose, and its place in the rate limit.
 * `onClient` learns the client as soon as its key is accepted, so a refusal after that (a rate limit, a purpose) is
 * still known as the client's.
 */
export async function authenticate(
  app: Authenticator,
  req: http.IncomingMessage,
  onClient?: (client: Client) => void,
): Promise<RequestAccess> {
  const limits = app.rateLimits;
  const byAddress = () => limits.consume(`address:${req.socket.remoteAddress ?? "unknown"}`, limits.anonymousPerMinute);
  let client: Client | null = null;
  let purpose;
  try {
    const authorization = header(req, "authorization");
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S{8,200})\s*$/i.exec(authorization);
      if (!match) throw new GatewayError("INVALID_CREDENTIAL", say(HTTP_MESSAGES.badAuthorization));
      client = await app.clients.authenticate(match[1]);
      onClient?.(client);
    }
    purpose = parsePurpose(
      header(req, PURPOSE_PROCEDURE_HEADER),
      header(req, PURPOSE_CASE_HEADER),
      (code) => app.procedures.get(code) !== undefined,
    );
    checkDeclaredPurpose(client, purpose);
  } catch (error) {
    // A refused credential or purpose counts against the caller's address, so guessing keys is rate-limited too.
    await byAddress();
    throw error;
  }
  if (client) await limits.consume(`client:${client.id}`, client.rateLimitPerMinute ?? limits.defaultPerMinute);
  else await byAddress();
  return new RequestAccess(client, purpose);
}
