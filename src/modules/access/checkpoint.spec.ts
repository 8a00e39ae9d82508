import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.js";
import {
  CHECKPOINT_HEADER,
  type CheckpointStatement,
  ephemeralSigningKey,
  formatStatement,
  keyIdOf,
  loadSigningKey,
  parseStatement,
  publicKeyFrom,
  resolveSigningKey,
  statementHash,
  verifyStatement,
} from "./checkpoint.js";

const statement: CheckpointStatement = {
  seq: 3,
  time: "2025-07-01T08:09:10.123Z",
  size: 7,
  root: "a".repeat(64),
  prev: "b".repeat(64),
  ranges: [
    { partition: 0, from: 0, to: 2, toHash: "c".repeat(64) },
    { partition: 5, from: 10, to: 13, toHash: "d".repeat(64) },
    { partition: 15, from: 1, to: 3, toHash: "e".repeat(64) },
  ],
};
const text = formatStatement(statement);

describe("checkpoint statements", () => {
  it("are one field a line under the header, with a final newline", () => {
    expect(text.split("\n")).toEqual([
      CHECKPOINT_HEADER,
      "seq 3",
      "time 2025-07-01T08:09:10.123Z",
      "size 7",
      `root ${"a".repeat(64)}`,
      `prev ${"b".repeat(64)}`,
      `range 0 0 2 ${"c".repeat(64)}`,
      `range 5 10 13 ${"d".repeat(64)}`,
      `range 15 1 3 ${"e".repeat(64)}`,
      "",
    ]);
  });

  it("parse back to what was formatted, with and without ranges", () => {
    expect(parseStatement(text)).toEqual(statement);
    const none = { ...statement, ranges: [] };
    expect(parseStatement(formatStatement(none))).toEqual(none);
  });

  const lines = text.split("\n");
  it.each(lines.slice(0, -1).map((line, i) => [i, line] as const))("refuse line %i padded, recased or emptied (%s)", (i) => {
    for (const replacement of [`${lines[i]} `, ` ${lines[i]}`, lines[i].replace(" ", "  "), lines[i].toUpperCase(), ""]) {
      const altered = [...lines];
      altered[i] = replacement;
      expect(parseStatement(altered.join("\n")), JSON.stringify(replacement)).toBeNull();
    }
  });

  it.each(lines.slice(1, -1).map((line, i) => [i + 1, line] as const))(
    "never read line %i with another value as the statement signed (%s)",
    (i) => {
      for (const replacement of [`${lines[i]}0`, lines[i].slice(0, -1), lines[i].replace(/.$/, (c) => (c === "1" ? "2" : "1"))]) {
        const altered = [...lines];
        altered[i] = replacement;
        const parsed = parseStatement(altered.join("\n"));
        // Refused, or another statement (whose signature is not the one made for this text): never this one.
        if (parsed) expect(formatStatement(parsed)).toBe(altered.join("\n"));
        expect(parsed, JSON.stringify(replacement)).not.toEqual(statement);
      }
    },
  );

  it("refuse the header's fields in another order", () => {
    for (let i = 1; i < 6; i++) {
      for (let j = i + 1; j < 6; j++) {
        const swapped = [...lines];
        [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
        expect(parseStatement(swapped.join("\n")), `lines ${i} and ${j}`).toBeNull();
      }
    }
  });

  it("never read reordered ranges as the statement signed", () => {
    const swapped = [...lines];
    [swapped[6], swapped[7]] = [swapped[7], swapped[6]];
    // The text differs, so its signature does not hold; parsed, it is another statement, never this one.
    expect(parseStatement(swapped.join("\n"))).not.toEqual(statement);
  });

  it("refuse an extra line, a missing or a doubled final newline, CRLF, and non-canonical values", () => {
    const refused = [
      text.replace("size 7\n", "size 7\nnote hello\n"),
      `${text}range 3 0 1 ${"f".repeat(64)}\n\n`,
      `${text}\n`,
      text.slice(0, -1),
      text.replace(/\n/g, "\r\n"),
      text.replace("seq 3", "seq 03"),
      text.replace("seq 3", "seq -3"),
      text.replace("size 7", "size 7.0"),
      text.replace("time 2025-07-01T08:09:10.123Z", "time 2025-07-01T08:09:10Z"),
      text.replace("time 2025-07-01T08:09:10.123Z", "time 2025-07-01T10:09:10.123+02:00"),
      text.replace("time 2025-07-01T08:09:10.123Z", "time yesterday"),
      text.replace(`root ${"a".repeat(64)}`, `root ${"A".repeat(64)}`),
      text.replace(`root ${"a".repeat(64)}`, `root ${"a".repeat(63)}`),
      text.replace(`range 5 10 13`, `range 5 10 13 14`),
      text.replace(`range 5 10 13`, `range 05 10 13`),
      text.replace(CHECKPOINT_HEADER, "ndaf-gateway audit checkpoint v2"),
      "",
      `${CHECKPOINT_HEADER}\n`,
    ];
    for (const t of refused) expect(parseStatement(t), JSON.stringify(t)).toBeNull();
    expect(parseStatement(42 as unknown as string)).toBeNull();
  });

  it("hash to SHA-256 of their text", () => {
    expect(statementHash(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(statementHash(text)).not.toBe(statementHash(text.replace("seq 3", "seq 4")));
  });
});

describe("signing keys", () => {
  const key = ephemeralSigningKey();
  const other = ephemeralSigningKey();
  const publicKey = publicKeyFrom(key.publicKeyPem)!;

  it("sign a statement that verifies with the public key, and nothing else", () => {
    const signature = key.sign(text);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(verifyStatement(text, signature, publicKey)).toBe(true);
    expect(verifyStatement(text.replace("size 7", "size 8"), signature, publicKey)).toBe(false);
    expect(verifyStatement(text, other.sign(text), publicKey)).toBe(false);
    expect(verifyStatement(text, signature, publicKeyFrom(other.publicKeyPem)!)).toBe(false);
    const bytes = Buffer.from(signature, "base64");
    bytes[10] ^= 1;
    expect(verifyStatement(text, bytes.toString("base64"), publicKey)).toBe(false);
    for (const malformed of ["", signature.slice(0, -2), `${signature}==`, signature.replace(/=+$/, ""), 42 as unknown as string]) {
      expect(verifyStatement(text, malformed, publicKey)).toBe(false);
    }
  });

  it("have a stable id: ed25519 and 16 hex digits of the SPKI key's hash, the same from every form of the key", () => {
    expect(key.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(keyIdOf(publicKey)).toBe(key.keyId);
    expect(keyIdOf(publicKeyFrom(key.publicKeyPem)!)).toBe(key.keyId);
    expect(other.keyId).not.toBe(key.keyId);
  });

  it("read a public key from SPKI or from a private key's PEM, and only Ed25519", () => {
    const pair = generateKeyPairSync("ed25519");
    const privatePem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(keyIdOf(publicKeyFrom(privatePem)!)).toBe(keyIdOf(publicKeyFrom(publicPem)!));
    expect(publicKeyFrom(privatePem)!.type).toBe("public");
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(publicKeyFrom(rsa)).toBeNull();
    expect(publicKeyFrom("not a key")).toBeNull();
    expect(publicKeyFrom("")).toBeNull();
  });

  describe("in a file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-signing-key-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("is generated when allowed, readable by its owner only, and read back the same", () => {
      const file = path.join(dir, "nested", "audit-signing-key.pem");
      const first = loadSigningKey(file, true);
      expect(first.generated).toBe(true);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, "utf8")).toContain("BEGIN PRIVATE KEY");
      const again = loadSigningKey(file, true);
      expect(again.generated).toBe(false);
      expect(again.key.keyId).toBe(first.key.keyId);
      expect(again.key.publicKeyPem).toBe(first.key.publicKeyPem);
      // What one signed, the other verifies: the same key.
      expect(verifyStatement(text, first.key.sign(text), publicKeyFrom(again.key.publicKeyPem)!)).toBe(true);
    });

    it("is not generated when not allowed", () => {
      const file = path.join(dir, "missing.pem");
      expect(() => loadSigningKey(file, false)).toThrow(/could not be read/);
      expect(fs.existsSync(file)).toBe(false);
    });

    it("is refused unless it is an Ed25519 private key", () => {
      const rsa = path.join(dir, "rsa.pem");
      fs.writeFileSync(rsa, generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }));
      expect(() => loadSigningKey(rsa, true)).toThrow(/rsa key; the audit trail is signed with Ed25519/);
      const ec = path.join(dir, "ec.pem");
      fs.writeFileSync(ec, generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }));
      expect(() => loadSigningKey(ec, true)).toThrow(/Ed25519/);
      const publicOnly = path.join(dir, "public.pem");
      fs.writeFileSync(publicOnly, ephemeralSigningKey().publicKeyPem);
      expect(() => loadSigningKey(publicOnly, true)).toThrow(/does not hold a private key/);
      const garbage = path.join(dir, "garbage.pem");
      fs.writeFileSync(garbage, "hello");
      expect(() => loadSigningKey(garbage, true)).toThrow(/does not hold a private key/);
    });

    it("is the installation's key when configured; production refuses to start without one", () => {
      const file = path.join(dir, "configured.pem");
      fs.writeFileSync(file, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
      const configured = resolveSigningKey(loadConfig({ NODE_ENV: "production", AUDIT_SIGNING_KEY_FILE: file }).audit);
      expect(configured.generatedAt).toBeNull();
      expect(configured.key.keyId).toBe(loadSigningKey(file, false).key.keyId);

      expect(() => resolveSigningKey(loadConfig({ NODE_ENV: "production" }).audit)).toThrow(/AUDIT_SIGNING_KEY_FILE is not set/);
      // A production key file that does not exist is never generated.
      const absent = path.join(dir, "absent.pem");
      expect(() => resolveSigningKey(loadConfig({ NODE_ENV: "production", AUDIT_SIGNING_KEY_FILE: absent }).audit)).toThrow(
        /could not be read/,
      );
      expect(fs.existsSync(absent)).toBe(false);

      // Tests: a key for the process, a new one each time.
      const a = resolveSigningKey(loadConfig({ NODE_ENV: "test" }).audit);
      const b = resolveSigningKey(loadConfig({ NODE_ENV: "test" }).audit);
      expect(a.generatedAt).toBeNull();
      expect(a.key.keyId).not.toBe(b.key.keyId);
    });

    it("is generated in development beside the data, once", () => {
      const dataDir = path.join(dir, "data");
      const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
      expect(config.audit.signingKeyFile).toBe(path.join(dataDir, "audit-signing-key.pem"));
      const first = resolveSigningKey(config.audit);
      expect(first.generatedAt).toBe(config.audit.signingKeyFile);
      const second = resolveSigningKey(config.audit);
      expect(second.generatedAt).toBeNull();
      expect(second.key.keyId).toBe(first.key.keyId);
      expect(fs.statSync(config.audit.signingKeyFile!).mode & 0o777).toBe(0o600);
    });
  });
});
