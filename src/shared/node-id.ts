/**
 * Global object ids (Relay): `<Type>:<natural key>`, sealed. The Relay norm is plain base64 of that text, but a
 * Citizen's would then be base64 of a personal identification number: an id is what clients keep longest — in
 * their caches, in URLs, browser history, analytics and bug reports — and a base64 personal id is a personal id
 * readable by anyone who holds it, outside the audit trail. Reading `Citizen.id` is itself audited (it is a field of
 * the @access Citizen type), but sealing keeps what travels afterwards opaque, as the cursors are (pagination.ts).
 *
 * Unlike a cursor, an id must be the same every time (caches normalise by it), so the sealing is deterministic:
 * SIV-style, the IV is an HMAC of the text and doubles as its authenticator (AES-256-CTR under one key, HMAC-SHA-256
 * under another, both derived from the gateway's secret). Equal ids mean the same record, nothing more; an id the
 * gateway did not issue does not open. Changing the gateway's secret changes every id (clients' caches start over).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { InvalidInputError } from "../platform/errors.js";
import { say } from "../platform/i18n.js";
import { SHARED_MESSAGES } from "./messages.js";

const IV_BYTES = 16;
/** Longer than any id the gateway issues (a dossier's is 64 characters), far below the argument bound. */
const MAX_ID_LENGTH = 200;
const TYPE_NAME = /^[A-Z][A-Za-z]{0,63}$/;

export interface NodeRef {
  /** The GraphQL type, e.g. Citizen. */
  type: string;
  /** The record's natural key in that type (a personal id, a code, `<procedure>/<component>`, …). */
  key: string;
}

export class NodeIdCodec {
  private readonly encryptionKey: Buffer;
  private readonly macKey: Buffer;

  /** `secret`: the gateway's 32-byte secret; the id keys are derived from it, apart from the cursor key. */
  constructor(secret: Buffer) {
    if (secret.length !== 32) throw new Error("The node id secret must be 32 bytes.");
    const keys = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "ndaf-gateway global object id v1", 64));
    this.encryptionKey = keys.subarray(0, 32);
    this.macKey = keys.subarray(32);
  }

  encode(type: string, key: string): string {
    const text = Buffer.from(`${type}:${key}`, "utf8");
    const iv = createHmac("sha256", this.macKey).update(text).digest().subarray(0, IV_BYTES);
    const cipher = createCipheriv("aes-256-ctr", this.encryptionKey, iv);
    return Buffer.concat([iv, cipher.update(text), cipher.final()]).toString("base64url");
  }

  /** The type and key an id names; INVALID_NODE_ID for anything the gateway did not issue. */
  decode(id: string, argument = "id"): NodeRef {
    const refuse = () => new InvalidInputError("INVALID_NODE_ID", say(SHARED_MESSAGES.invalidNodeId, { argument }), { argument });
    if (id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) throw refuse();
    const raw = Buffer.from(id, "base64url");
    if (raw.length <= IV_BYTES || raw.toString("base64url") !== id) throw refuse();
    const iv = raw.subarray(0, IV_BYTES);
    const decipher = createDecipheriv("aes-256-ctr", this.encryptionKey, iv);
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES)), decipher.final()]);
    const expected = createHmac("sha256", this.macKey).update(text).digest().subarray(0, IV_BYTES);
    if (!timingSafeEqual(iv, expected)) throw refuse();
    const value = text.toString("utf8");
    const colon = value.indexOf(":");
    const ref = { type: value.slice(0, colon), key: value.slice(colon + 1) };
    if (colon < 1 || !TYPE_NAME.test(ref.type) || ref.key.length === 0) throw refuse();
    return ref;
  }
}
