/**
 * Who asks and why, from the router to a subgraph: the router authenticates the API key and reads the purpose, then
 * puts the client (its id, kind, person and grants), the purpose and the request id into the subgraph request's
 * `extensions.ndaf`. Hive Gateway's HMAC upstream signature signs that with the operation (the serializer below,
 * shared by both ends), so a subgraph trusts the identity only when the router signed it, recently. A subgraph holds
 * no client registry: the router is the one place keys are checked, as X-Road's central server is for members.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import stableStringify from "fast-json-stable-stringify";
import { type Client, keylessClient, type Purpose } from "../modules/access/index.js";
import { GatewayError } from "../platform/errors.js";
import { type Message, say } from "../platform/i18n.js";
import { FEDERATION_MESSAGES } from "./messages.js";

/** Where the signature and the identity travel in a subgraph request's extensions. */
export const SIGNATURE_EXTENSION = "hmac-signature";
export const IDENTITY_EXTENSION = "ndaf";

/** How old a signed request may be when it reaches the subgraph (clock skew and queueing included). */
export const MAX_SIGNATURE_AGE_MS = 60_000;

/** What a subgraph knows of the client: enough for its access checks and its audit rows. */
export interface ForwardedIdentity {
  client: (Pick<Client, "id" | "name" | "kind" | "personalId" | "grants"> & Partial<Pick<Client, "roles">>) | null;
  purpose: Purpose | null;
  /** The router's request id: every subgraph's audit rows of one question carry it. */
  requestId: string;
  /** When the router signed it (ms since the epoch). */
  issuedAt: number;
  /** The subgraph it is for: a request signed for one subgraph is refused by every other. */
  audience: string;
  /** Once only: a subgraph refuses a nonce it has already seen (a replayed request). */
  nonce: string;
}

/** The identity for one signed request to `audience`, with a fresh nonce and the time. */
export function identityFor(
  audience: string,
  parts: Pick<ForwardedIdentity, "client" | "purpose" | "requestId">,
  now = Date.now(),
): ForwardedIdentity {
  return { ...parts, issuedAt: now, audience, nonce: randomUUID() };
}

/**
 * The nonces a subgraph has accepted within the validity window: a captured request sent again is refused. Per
 * process: replicas of one subgraph behind a balancer each keep their own (a replay may reach another replica once).
 */
export class NonceGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly max = 200_000) {}

  /** True the first time a nonce is offered before it expires; false for a replay. */
  accept(nonce: string, expiresAt: number, now = Date.now()): boolean {
    if (this.seen.has(nonce)) return false;
    // Insertion order is expiry order within the window: sweep from the oldest.
    for (const [old, at] of this.seen) {
      if (at > now && this.seen.size < this.max) break;
      this.seen.delete(old);
    }
    this.seen.set(nonce, expiresAt);
    return true;
  }
}

export interface SignedParts {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  identity: unknown;
}

/** The bytes both ends sign: the operation's text, its variables and name, and the identity, in canonical JSON. */
export function signedPayload(parts: SignedParts): string {
  const variables = parts.variables && Object.keys(parts.variables).length > 0 ? parts.variables : undefined;
  return stableStringify({
    query: parts.query,
    variables,
    operationName: parts.operationName ?? undefined,
    identity: parts.identity ?? null,
  });
}

/**
 * A subgraph's own secret, derived from the platform's (FEDERATION_HMAC_SECRET): the router and the gateway subgraph
 * hold the platform's and sign each subgraph's requests with that subgraph's secret; a ministry is given only its
 * own (FEDERATION_SUBGRAPH_SECRET, printed by `npm run subgraph -- <name> --print-secret`), so it can neither sign
 * for another subgraph nor accept what was signed for one.
 */
export function subgraphSecret(platformSecret: string, subgraph: string): string {
  return createHmac("sha256", platformSecret).update(`ndaf-federation-subgraph:${subgraph}`, "utf8").digest("hex");
}

export function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload, "utf8").digest("base64");
}

function refuse(message: Message, params: Record<string, string | number> = {}): never {
  throw new GatewayError("INVALID_CREDENTIAL", say(message, params));
}

/**
 * The identity of a subgraph request, once its signature is checked against the shared secret; a typed refusal
 * when it is unsigned, altered, or older than MAX_SIGNATURE_AGE_MS.
 */
export function verifySignedRequest(
  secret: string,
  body: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown },
  expected: { audience: string; nonces?: NonceGuard },
  now = Date.now(),
): { client: Client | null; purpose: Purpose | null; requestId: string } {
  const extensions = (body.extensions ?? {}) as Record<string, unknown>;
  const signature = extensions[SIGNATURE_EXTENSION];
  if (typeof signature !== "string" || typeof body.query !== "string") {
    refuse(FEDERATION_MESSAGES.unsigned);
  }
  const identity = extensions[IDENTITY_EXTENSION] as ForwardedIdentity | undefined;
  const computed = Buffer.from(
    sign(
      secret,
      signedPayload({
        query: body.query,
        variables: body.variables as Record<string, unknown> | undefined,
        operationName: body.operationName as string | undefined,
        identity,
      }),
    ),
  );
  const given = Buffer.from(signature);
  if (given.length !== computed.length || !timingSafeEqual(given, computed)) {
    refuse(FEDERATION_MESSAGES.badSignature);
  }
  if (!identity || typeof identity.issuedAt !== "number" || typeof identity.requestId !== "string" || typeof identity.nonce !== "string") {
    refuse(FEDERATION_MESSAGES.noIdentity);
  }
  if (identity.audience !== expected.audience) {
    refuse(FEDERATION_MESSAGES.wrongAudience, { audience: String(identity.audience), expected: expected.audience });
  }
  if (Math.abs(now - identity.issuedAt) > MAX_SIGNATURE_AGE_MS) {
    refuse(FEDERATION_MESSAGES.signatureTooOld, {
      age: Math.round((now - identity.issuedAt) / 1000),
      valid: MAX_SIGNATURE_AGE_MS / 1000,
    });
  }
  if (expected.nonces && !expected.nonces.accept(identity.nonce, identity.issuedAt + MAX_SIGNATURE_AGE_MS, now)) {
    refuse(FEDERATION_MESSAGES.replayed);
  }
  return { client: identity.client ? keylessClient(identity.client) : null, purpose: identity.purpose, requestId: identity.requestId };
}
