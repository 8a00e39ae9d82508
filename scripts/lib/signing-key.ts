/**
 * An audit signing key for a gateway a script runs as production does (which refuses to start without
 * AUDIT_SIGNING_KEY_FILE): a fresh Ed25519 key in a temporary folder, removed when the script exits.
 */
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function temporarySigningKeyFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-audit-key-"));
  const file = path.join(dir, "audit-signing-key.pem");
  fs.writeFileSync(file, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return file;
}
