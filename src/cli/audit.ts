/**
 * `ndaf-gateway audit verify-proof <file> [--public-key <file>]`: checks, offline, a citizen's proof that an
 * access-log entry is in the gateway's signed audit trail (the `proof.document` of an `accessLog` entry, saved as a
 * file). Nothing is sent anywhere; no database is opened.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROOF_FORMAT, PROOF_FORMATS, publicKeyFrom, verifyProof } from "../modules/access/index.js";
import type { CliIo } from "./conformance.js";

export const AUDIT_USAGE = `Usage: ndaf-gateway audit verify-proof <proof.json> [--public-key <key.pem>]

Checks a proof that an entry of your access log is in the gateway's signed audit trail: the entry matches its
hash, its Merkle path leads to the root a checkpoint signed, and the signature holds.

  <proof.json>        the proof: an accessLog entry's proof.document, saved as a file (or the whole
                      proof object, or an accessLog answer's entry)
  --public-key <pem>  the gateway's public key, as published (GET /audit/public-key, or the
                      auditSigningKey query): the proof must be signed by it. Without it the proof is
                      checked against the key it carries, which proves only that it is self-consistent.
  -h, --help          this text

Exit status: 0 the proof holds, 1 something in it was altered (or it is signed by another key), 2 the input could
not be read.
`;

/** The proof document in what a citizen saved: the document itself, or the `proof` or entry object around it. */
function documentIn(value: unknown): unknown {
  const v = value as { format?: unknown; document?: unknown; proof?: { document?: unknown } };
  if (v && typeof v === "object") {
    if (typeof v.format === "string" && PROOF_FORMATS.includes(v.format)) return v;
    if (v.document && typeof v.document === "object") return documentIn(v.document);
    if (v.proof && typeof v.proof === "object") return documentIn(v.proof);
  }
  return undefined;
}

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "--help" || sub === "-h") {
    io.stdout(AUDIT_USAGE);
    return 0;
  }
  if (sub !== "verify-proof") {
    io.stderr(`${sub ? `Unknown audit command "${sub}". ` : ""}${AUDIT_USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { "public-key": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\n\n${AUDIT_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(AUDIT_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`error: name one proof file.\n\n${AUDIT_USAGE}`);
    return 2;
  }
  const read = (file: string): string | null => {
    try {
      return fs.readFileSync(path.resolve(io.cwd, file), "utf8");
    } catch (error) {
      io.stderr(`error: ${file} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return null;
    }
  };
  const text = read(parsed.positionals[0]);
  if (text === null) return 2;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    io.stderr(`error: ${parsed.positionals[0]} is not JSON.\n`);
    return 2;
  }
  const doc = documentIn(json);
  if (doc === undefined) {
    io.stderr(`error: ${parsed.positionals[0]} holds no proof (a JSON object with "format": "${PROOF_FORMAT}").\n`);
    return 2;
  }
  let trusted;
  if (parsed.values["public-key"]) {
    const pem = read(parsed.values["public-key"]);
    if (pem === null) return 2;
    trusted = publicKeyFrom(pem);
    if (!trusted) {
      io.stderr(`error: ${parsed.values["public-key"]} does not hold an Ed25519 public key (PEM).\n`);
      return 2;
    }
  }
  const verdict = verifyProof(doc, trusted ?? undefined);
  if (!verdict.holds) {
    io.stdout(`Proof does NOT hold: ${verdict.problem}\n`);
    return 1;
  }
  io.stdout(
    `Proof holds: entry ${verdict.entrySeq} (${verdict.subject ? `about ${verdict.subject.kind} ${verdict.subject.id}, ` : ""}recorded ${verdict.recordedAt}) is in checkpoint ${verdict.checkpointSeq}, signed by ${verdict.keyId}.\n` +
      (verdict.keyPinned
        ? ""
        : "The key was not pinned: pass --public-key with the gateway's published key to know the checkpoint is the gateway's.\n"),
  );
  return 0;
}
