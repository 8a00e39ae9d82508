/**
 * Signed checkpoints of the audit trail: the statement a checkpoint signs, its parser, and the Ed25519 key that
 * signs it — a key the database does not hold (AUDIT_SIGNING_KEY_FILE; in development a key generated on first run
 * beside the data, in tests one made for the process). Each statement names, per partition it covers, the range of
 * positions and the hash of the range's last entry (which chains to the partition's whole past), the RFC 6962 root
 * over the covered entries, and the previous statement's hash: X-Road's batch signature of its message log, with
 * Certificate Transparency's tree.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const CHECKPOINT_HEADER = "ndaf-gateway audit checkpoint v1";

export interface CheckpointRange {
  partition: number;
  /** The last position covered by the previous checkpoint (exclusive). */
  from: number;
  /** The last position this checkpoint covers (inclusive). */
  to: number;
  /** The hash of the entry at `to`. */
  toHash: string;
}

export interface CheckpointStatement {
  seq: number;
  /** ISO 8601, milliseconds, UTC. */
  time: string;
  size: number;
  root: string;
  prev: string;
  /** Ascending by partition; only partitions with new entries. */
  ranges: CheckpointRange[];
}

/** The exact text a checkpoint signs (UTF-8, one field a line, a final newline). */
export function formatStatement(s: CheckpointStatement): string {
  return [
    CHECKPOINT_HEADER,
    `seq ${s.seq}`,
    `time ${s.time}`,
    `size ${s.size}`,
    `root ${s.root}`,
    `prev ${s.prev}`,
    ...s.ranges.map((r) => `range ${r.partition} ${r.from} ${r.to} ${r.toHash}`),
    "",
  ].join("\n");
}

const HEX64 = /^[0-9a-f]{64}$/;
const INTEGER = /^(0|[1-9]\d{0,15})$/;

/** The statement a text says, or null unless it is exactly what formatStatement writes. */
export function parseStatement(text: string): CheckpointStatement | null {
  if (typeof text !== "string") return null;
  const lines = text.split("\n");
  if (lines.length < 7 || lines[0] !== CHECKPOINT_HEADER || lines[lines.length - 1] !== "") return null;
  const field = (line: string, name: string) => (line.startsWith(`${name} `) ? line.slice(name.length + 1) : null);
  const seq = field(lines[1], "seq");
  const time = field(lines[2], "time");
  const size = field(lines[3], "size");
  const root = field(lines[4], "root");
  const prev = field(lines[5], "prev");
  if (!seq || !INTEGER.test(seq) || !size || !INTEGER.test(size) || !root || !HEX64.test(root) || !prev || !HEX64.test(prev)) return null;
  if (!time || Number.isNaN(Date.parse(time)) || new Date(time).toISOString() !== time) return null;
  const ranges: CheckpointRange[] = [];
  for (const line of lines.slice(6, -1)) {
    const m = /^range (\d{1,5}) (\d{1,16}) (\d{1,16}) ([0-9a-f]{64})$/.exec(line);
    if (!m) return null;
    const range = { partition: Number(m[1]), from: Number(m[2]), to: Number(m[3]), toHash: m[4] };
    // Partitions ascending, each once, each range non-empty: the one way a sealer writes them.
    if (range.to <= range.from || (ranges.length > 0 && range.partition <= ranges[ranges.length - 1].partition)) return null;
    ranges.push(range);
  }
  const statement = { seq: Number(seq), time, size: Number(size), root, prev, ranges };
  return formatStatement(statement) === text ? statement : null;
}

export function statementHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface SigningKey {
  /** `ed25519:` and the first 16 hex digits of SHA-256 over the public key (SPKI, DER). */
  keyId: string;
  publicKeyPem: string;
  sign(statement: string): string;
  /** Whether this key signed the statement. */
  signed(statement: string, signature: string): boolean;
}

export function keyIdOf(publicKey: KeyObject): string {
  return `ed25519:${createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16)}`;
}

/** A public key from PEM (SPKI, or a private key's PKCS#8, whose public half is taken); null unless Ed25519. */
export function publicKeyFrom(pem: string): KeyObject | null {
  try {
    const key = pem.includes("PRIVATE KEY") ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

export function verifyStatement(statement: string, signature: string, publicKey: KeyObject): boolean {
  if (typeof signature !== "string" || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  try {
    return verify(null, Buffer.from(statement, "utf8"), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

function signingKeyOf(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    sign: (statement) => sign(null, Buffer.from(statement, "utf8"), privateKey).toString("base64"),
    signed: (statement, signature) => verifyStatement(statement, signature, publicKey),
  };
}

/** A key for this process only (tests): checkpoints it signs verify only while it lives. */
export function ephemeralSigningKey(): SigningKey {
  return signingKeyOf(generateKeyPairSync("ed25519").privateKey);
}

/**
 * The key in `file` (PKCS#8 PEM, Ed25519). When the file does not exist and `generate` is set (development), a new
 * key is written there, readable by its owner only; `generated` says so, for the log.
 */
export function loadSigningKey(file: string, generate: boolean): { key: SigningKey; generated: boolean } {
  let pem: string;
  let generated = false;
  try {
    pem = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !generate) {
      throw new Error(`The audit signing key could not be read from AUDIT_SIGNING_KEY_FILE (${file}): ${(error as Error).message}`, {
        cause: error,
      });
    }
    pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
      generated = true;
    } catch (raced) {
      // Another process of the same installation wrote it first: use theirs.
      if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
      pem = fs.readFileSync(file, "utf8");
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(`AUDIT_SIGNING_KEY_FILE (${file}) does not hold a private key in PEM.`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(
      `AUDIT_SIGNING_KEY_FILE (${file}) holds a ${privateKey.asymmetricKeyType} key; the audit trail is signed with Ed25519.`,
    );
  }
  return { key: signingKeyOf(privateKey), generated };
}

/**
 * The installation's signing key: AUDIT_SIGNING_KEY_FILE, generated there in development when missing; a key for the
 * process in tests; production refuses to start without one (checkpoints a database administrator could re-sign
 * would prove nothing).
 */
export function resolveSigningKey(audit: { signingKeyFile: string | undefined; generateSigningKey: boolean; requireSigningKey: boolean }): {
  key: SigningKey;
  generatedAt: string | null;
} {
  if (audit.signingKeyFile) {
    const { key, generated } = loadSigningKey(audit.signingKeyFile, audit.generateSigningKey);
    return { key, generatedAt: generated ? audit.signingKeyFile : null };
  }
  if (audit.requireSigningKey) {
    throw new Error(
      "AUDIT_SIGNING_KEY_FILE is not set: in production the audit trail's checkpoints are signed with an Ed25519 key kept out of the database. Create one (openssl genpkey -algorithm ed25519 -out audit-signing-key.pem), give every replica the file, and set AUDIT_SIGNING_KEY_FILE.",
    );
  }
  return { key: ephemeralSigningKey(), generatedAt: null };
}
