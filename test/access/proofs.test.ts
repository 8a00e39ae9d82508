/**
 * A citizen's proofs: every entry of their access log carries, once a checkpoint covers it, a self-contained proof
 * that it is in the signed audit trail — verified here by verifyProof and by the command line, offline, and refused
 * when anything in it is altered or signed by another key. Another citizen's client id is never in a proof handed to
 * the person they read about. The signing key and the checkpoints are published; `npm run audit:verify` checks the
 * whole trail against them.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "../../src/modules/access/audit.js";
import { ephemeralSigningKey, keyIdOf, publicKeyFrom, statementHash, verifyStatement } from "../../src/modules/access/checkpoint.js";
import { DEMO_ALL_CLIENT_ID, DEMO_PURPOSE } from "../../src/modules/access/demo.js";
import { AUDIT_PARTITIONS, clientCommitment, subjectCommitment } from "../../src/modules/access/entry.js";
import { type ProofDocument, PROOF_FORMAT, verifyProof } from "../../src/modules/access/proof.js";
import { type GatewayConfig, SOURCE_NAMES } from "../../src/platform/config.js";
import { clientHeaders, startTestGateway, TEST_DB, type TestGateway } from "../support/gateway.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOG = `{ accessLog(first: 100) { totalCount edges { node { requestId clientId clientName action proof { status checkpoint document } } } } }`;

let gw: TestGateway;
let config: GatewayConfig;
let person: string; // the citizen whose log is read
let other: string; // another citizen
let citizen: Record<string, string>;
let dir: string;
let publicKeyFile: string;
let otherKeyFile: string;

beforeAll(async () => {
  gw = await startTestGateway({
    citizens: 150,
    configure: (c) => (config = c),
  });
  const people = await gw.app.sources.population.raw<{ personal_id: string }>(
    "select personal_id from population.citizens where personal_id <> $1 order by personal_id limit 2",
    [gw.app.demo?.citizenPersonalId ?? ""],
  );
  [person, other] = people.map((p) => p.personal_id);
  const { key } = await gw.app.clients.register({
    id: `VN:CIT:${person}`,
    kind: "CITIZEN",
    personalId: person,
    name: "Proof test citizen",
  });
  citizen = clientHeaders(key, null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-proofs-"));
  publicKeyFile = path.join(dir, "gateway-key.pem");
  fs.writeFileSync(publicKeyFile, gw.app.audit.key.publicKeyPem);
  otherKeyFile = path.join(dir, "other-key.pem");
  fs.writeFileSync(otherKeyFile, ephemeralSigningKey().publicKeyPem);
});
afterAll(async () => {
  await gw?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const trusted = () => publicKeyFrom(gw.app.audit.key.publicKeyPem)!;

interface LogNode {
  requestId: string;
  clientId: string;
  clientName: string;
  action: string;
  proof: { status: "CHECKPOINTED" | "PENDING" | "LEGACY"; checkpoint: number | null; document: ProofDocument | null };
}

async function accessLog(): Promise<{ totalCount: number; nodes: LogNode[]; raw: unknown }> {
  const reply = await gw.send(LOG, undefined, citizen);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body.errors).toBeUndefined();
  const log = reply.body.data.accessLog;
  return { totalCount: log.totalCount, nodes: log.edges.map((e: { node: LogNode }) => e.node), raw: reply.body };
}

async function entryOf(requestId: string): Promise<LogNode> {
  const node = (await accessLog()).nodes.find((n) => n.requestId === requestId);
  expect(node, `the access log shows request ${requestId}`).toBeDefined();
  return node!;
}

/** An agency system reads the citizen: returns the request's id. */
async function agencyReads(id = person): Promise<string> {
  const reply = await gw.send(`query($id: PersonalId!) { citizen(personalId: $id) { fullName dateOfBirth } }`, { id });
  expect(reply.status).toBe(200);
  expect(reply.body.data.citizen.fullName).toEqual(expect.any(String));
  return reply.headers.get("x-request-id")!;
}

async function storedRow(requestId: string, subjectId = person) {
  const [row] = await gw.app.sources.gateway.raw<Record<string, any>>(
    "select * from gateway.audit_log where request_id = $1 and subject_kind = 'CITIZEN' and (subject_id = $2 or $2 = any(subject_ids))",
    [requestId, subjectId],
  );
  expect(row).toBeDefined();
  return row;
}

/** `node bin/ndaf-gateway.js audit verify-proof …`, as a citizen would run it. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "bin/ndaf-gateway.js"), "audit", "verify-proof", ...args],
      { cwd: dir, env: { ...process.env, NODE_ENV: "test" }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: unknown }).code as number) : 0;
        resolve({ code: typeof code === "number" ? code : -1, stdout, stderr });
      },
    );
  });
}

function saved(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

describe("before the first checkpoint", () => {
  it("publishes none: GET /audit/checkpoints/latest is 404 and auditCheckpoints is empty", async () => {
    const [{ n }] = await gw.app.sources.gateway.raw<{ n: number }>("select count(*)::int as n from gateway.audit_checkpoints");
    expect(Number(n)).toBe(0);
    const response = await fetch(`${gw.url}/audit/checkpoints/latest`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("NOT_FOUND");
    const page = await gw.query(`{ auditCheckpoints(first: 5) { totalCount edges { node { seq } } } }`, undefined, {});
    expect(page.body.data.auditCheckpoints).toEqual({ totalCount: 0, edges: [] });
  });
});

describe("an entry's proof", () => {
  let requestId: string;
  let doc: ProofDocument;

  it("is PENDING until a checkpoint covers the entry, then CHECKPOINTED with a document that verifies", async () => {
    requestId = await agencyReads();
    const pending = await entryOf(requestId);
    expect(pending.clientId).toBe(DEMO_ALL_CLIENT_ID);
    expect(pending.proof).toEqual({ status: "PENDING", checkpoint: null, document: null });

    const sealed = await gw.app.audit.sealer.sealNow();
    expect(sealed.length).toBeGreaterThan(0);
    const node = await entryOf(requestId);
    expect(node.proof.status).toBe("CHECKPOINTED");
    expect(node.proof.checkpoint).toBe(sealed[sealed.length - 1].seq);
    doc = node.proof.document!;
    expect(doc.format).toBe(PROOF_FORMAT);

    // The entry as stored, with the reading agency named (the commitment opened).
    const row = await storedRow(requestId);
    expect(doc.entry).toMatchObject({
      seq: Number(row.seq),
      partition: Number(row.partition),
      partitionSeq: Number(row.partition_seq),
      requestId,
      action: "READ",
      subjectKind: "CITIZEN",
      // A version 3 entry: the subject as its commitment, opened for the person it is about.
      subjectId: null,
      subjectCommitments: [subjectCommitment(row.subject_salts[0], person)],
      subject: { index: 0, id: person, salt: row.subject_salts[0] },
      fields: row.fields,
      prevHash: row.prev_hash,
      hash: row.hash,
      client: { id: DEMO_ALL_CLIENT_ID, salt: row.client_salt },
      clientCommitment: clientCommitment(row.client_salt, DEMO_ALL_CLIENT_ID),
    });
    expect(row.subject_ids).toEqual([person]);
    expect(row.subject_salts[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(doc.entry.recordedAt).toBe(new Date(row.recorded_at).toISOString());
    // The partition is the one the trigger chose for the request's INSERT (not derived from the subject).
    expect(doc.entry.partition).toBeGreaterThanOrEqual(0);
    expect(doc.entry.partition).toBeLessThan(AUDIT_PARTITIONS);
    // The checkpoint it names is the one stored and signed.
    const [cp] = await gw.app.sources.gateway.raw<{ statement: string; signature: string; key_id: string }>(
      "select statement, signature, key_id from gateway.audit_checkpoints where seq = $1",
      [node.proof.checkpoint],
    );
    expect(doc.checkpoint).toEqual({
      statement: cp.statement,
      signature: cp.signature,
      keyId: gw.app.audit.key.keyId,
      publicKey: gw.app.audit.key.publicKeyPem,
    });
    expect(cp.key_id).toBe(gw.app.audit.key.keyId);

    expect(verifyProof(doc, trusted())).toEqual({
      holds: true,
      entrySeq: Number(row.seq),
      subject: { kind: "CITIZEN", id: person },
      checkpointSeq: node.proof.checkpoint,
      keyId: gw.app.audit.key.keyId,
      keyPinned: true,
      recordedAt: doc.entry.recordedAt,
    });
  });

  it("stays the same proof once checkpointed, while later entries are checkpointed after it", async () => {
    const later = await agencyReads();
    await gw.app.audit.sealer.sealNow();
    const [first, second] = [await entryOf(requestId), await entryOf(later)];
    expect(first.proof.document).toEqual(doc);
    expect(second.proof.checkpoint).toBeGreaterThan(first.proof.checkpoint!);
    expect(verifyProof(second.proof.document, trusted()).holds).toBe(true);
    // Each entry of the log that is checkpointed carries a proof that holds.
    for (const n of (await accessLog()).nodes.filter((x) => x.proof.status === "CHECKPOINTED")) {
      expect(verifyProof(n.proof.document, trusted()), n.requestId).toMatchObject({ holds: true });
    }
  });

  it("verifies offline with `ndaf-gateway audit verify-proof`, and fails once anything in it is altered", async () => {
    const file = saved("proof.json", doc);
    const holds = await cli(file, "--public-key", publicKeyFile);
    expect(holds, holds.stderr).toMatchObject({ code: 0 });
    expect(holds.stdout).toContain(`Proof holds: entry ${doc.entry.seq} (about CITIZEN ${person}, recorded`);
    expect(holds.stdout).toContain(gw.app.audit.key.keyId);
    // Without the key: holds, and says the key was not pinned.
    const unpinned = await cli(file);
    expect(unpinned.code).toBe(0);
    expect(unpinned.stdout).toMatch(/not pinned/);

    const altered = (name: string, alter: (d: ProofDocument) => void) => {
      const copy = structuredClone(doc);
      alter(copy);
      return saved(`${name}.json`, copy);
    };
    const otherKey = ephemeralSigningKey();
    const refused: [string, string[]][] = [
      [
        "an entry field",
        [altered("field", (d) => (d.entry.fields = [...d.entry.fields, "Citizen.religion"])), "--public-key", publicKeyFile],
      ],
      [
        "the client",
        [altered("client", (d) => (d.entry.client = { ...d.entry.client!, id: "VN:GOV:NOBODY:NONE" })), "--public-key", publicKeyFile],
      ],
      [
        "the path",
        [
          altered("path", (d) =>
            d.path.length > 0 ? (d.path[0] = d.path[0].replace(/^./, (c) => (c === "0" ? "1" : "0"))) : d.path.push("0".repeat(64)),
          ),
          "--public-key",
          publicKeyFile,
        ],
      ],
      [
        "the checkpoint statement",
        [
          altered(
            "statement",
            (d) => (d.checkpoint.statement = d.checkpoint.statement.replace(/^time .*$/m, `time ${new Date(0).toISOString()}`)),
          ),
          "--public-key",
          publicKeyFile,
        ],
      ],
      [
        "a signature by another key, named as such",
        [
          altered("resigned", (d) => {
            d.checkpoint.signature = otherKey.sign(d.checkpoint.statement);
            d.checkpoint.keyId = otherKey.keyId;
            d.checkpoint.publicKey = otherKey.publicKeyPem;
          }),
          "--public-key",
          publicKeyFile,
        ],
      ],
      [
        "a signature by another key",
        [
          altered("other-signature", (d) => (d.checkpoint.signature = otherKey.sign(d.checkpoint.statement))),
          "--public-key",
          publicKeyFile,
        ],
      ],
      ["another --public-key", [file, "--public-key", otherKeyFile]],
    ];
    for (const [what, args] of refused) {
      const result = await cli(...args);
      expect(result.code, `${what}: ${result.stdout}${result.stderr}`).toBe(1);
      expect(result.stdout, what).toContain("Proof does NOT hold");
    }

    // Input that cannot be read: 2.
    for (const [what, args] of [
      ["not JSON", [saved("not-json.json", "{ this is not json")]],
      ["no such file", [path.join(dir, "missing.json")]],
      ["JSON without a proof", [saved("empty.json", { hello: "world" })]],
      ["an unreadable key", [file, "--public-key", path.join(dir, "missing.pem")]],
      ["a key file that holds no key", [file, "--public-key", saved("not-a-key.pem", "hello")]],
    ] as [string, string[]][]) {
      const result = await cli(...args);
      expect(result.code, `${what}: ${result.stdout}${result.stderr}`).toBe(2);
    }
  });

  it("verifies as the accessLog answer's entry or proof object too", async () => {
    const node = await entryOf(requestId);
    for (const [name, value] of [
      ["proof-object", node.proof],
      ["node", node],
    ] as const) {
      const result = await cli(saved(`${name}.json`, value), "--public-key", publicKeyFile);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }
  });
});

describe("another citizen in the log", () => {
  it("is never named in a proof handed to the person they read about, and the proof still holds", async () => {
    // Another citizen's own filing read this person's data (a spouse named in a dossier): their client id is their
    // personal id.
    const requestId = `spouse-${randomUUID()}`;
    await writeAudit(gw.app.sources.gateway, { requestId, clientId: `VN:CIT:${other}`, purpose: DEMO_PURPOSE }, [
      { action: "DOSSIER_SUBMIT", subject: { kind: "CITIZEN", id: person }, fields: ["Citizen.fullName", "Citizen.maritalStatus"] },
      { action: "DOSSIER_SUBMIT", subject: { kind: "CITIZEN", id: other }, fields: ["Citizen.fullName"] },
    ]);
    const agency = await agencyReads();
    await gw.app.audit.sealer.sealNow();

    const log = await accessLog();
    const node = log.nodes.find((n) => n.requestId === requestId)!;
    expect(node).toBeDefined();
    expect(node.clientId).toBe("VN:CIT:[citizen]");
    expect(node.proof.status).toBe("CHECKPOINTED");
    const doc = node.proof.document!;
    expect(doc.entry.client).toBeNull();
    const row = await storedRow(requestId);
    expect(row.client_id).toBe(`VN:CIT:${other}`);
    expect(doc.entry.clientCommitment).toBe(clientCommitment(row.client_salt, row.client_id));

    // Nowhere in the proof, nor in the whole answer: not the id, not the salt that would let one test guesses.
    for (const text of [JSON.stringify(doc), JSON.stringify(log.raw)]) {
      expect(text).not.toContain(other);
      expect(text).not.toContain(row.client_salt);
      // No 12-digit personal id but the person's own (hashes, UUIDs and base64 are not ids: no delimiter around them).
      const ids = new Set(text.match(/(?<![\w+/-])\d{12}(?![\w+/-])/g) ?? []);
      expect([...ids]).toEqual([person]);
    }

    expect(verifyProof(doc, trusted())).toMatchObject({ holds: true, entrySeq: Number(row.seq) });
    const result = await cli(saved("spouse.json", doc), "--public-key", publicKeyFile);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // Opening the commitment with a guessed id is refused, unless the guess is right — which the proof does not say.
    const guessed = structuredClone(doc);
    guessed.entry.client = { id: `VN:CIT:${person}`, salt: "0".repeat(32) };
    expect(verifyProof(guessed, trusted()).holds).toBe(false);

    // The agency that read the person is named, as the point of the log.
    const agencyNode = log.nodes.find((n) => n.requestId === agency)!;
    expect(agencyNode.proof.document!.entry.client).toMatchObject({ id: DEMO_ALL_CLIENT_ID });
  });
});

describe("people read together", () => {
  it("are one entry, whose proof to each names only them: the others are commitments, and none can be swapped in", async () => {
    const reply = await gw.send(
      `query($a: PersonalId!, $b: PersonalId!) { a: citizen(personalId: $a) { fullName dateOfBirth } b: citizen(personalId: $b) { fullName dateOfBirth } }`,
      { a: person, b: other },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data.b.fullName).toEqual(expect.any(String));
    const requestId = reply.headers.get("x-request-id")!;
    const rows = await gw.app.sources.gateway.raw<Record<string, any>>("select * from gateway.audit_log where request_id = $1", [
      requestId,
    ]);
    // Two people of one kind, the same fields: one entry naming both, a salt each.
    expect(rows).toHaveLength(1);
    expect([...rows[0].subject_ids].sort()).toEqual([person, other].sort());
    expect(rows[0].subject_id).toBeNull();
    expect(rows[0].subject_salts).toHaveLength(2);
    expect(new Set(rows[0].subject_salts).size).toBe(2);
    await gw.app.audit.sealer.sealNow();

    const log = await accessLog();
    const doc = log.nodes.find((n) => n.requestId === requestId)!.proof.document!;
    expect(doc.format).toBe(PROOF_FORMAT);
    const mine = rows[0].subject_ids.indexOf(person);
    expect(doc.entry.subject).toEqual({ index: mine, id: person, salt: rows[0].subject_salts[mine] });
    expect(doc.entry.subjectCommitments).toEqual(
      rows[0].subject_ids.map((id: string, i: number) => subjectCommitment(rows[0].subject_salts[i], id)),
    );
    for (const text of [JSON.stringify(doc), JSON.stringify(log.raw)]) {
      expect(text).not.toContain(other);
      expect(text).not.toContain(rows[0].subject_salts[1 - mine]);
    }
    expect(verifyProof(doc, trusted())).toMatchObject({ holds: true, entrySeq: Number(rows[0].seq) });

    const altered = (alter: (d: ProofDocument) => void) => {
      const copy = structuredClone(doc);
      alter(copy);
      return verifyProof(copy, trusted());
    };
    // Another person put in their place, with or without a salt of the entry's, or at the other's place: refused.
    const subjectAltered = { holds: false, problem: expect.stringContaining("the subject was altered") };
    expect(altered((d) => (d.entry.subject!.id = other))).toEqual(subjectAltered);
    expect(altered((d) => (d.entry.subject!.index = 1 - mine))).toEqual(subjectAltered);
    expect(altered((d) => (d.entry.subject!.salt = rows[0].subject_salts[1 - mine]))).toEqual(subjectAltered);
    // A commitment changed, dropped, or the group's reading turned into a version 2 entry about the person: refused.
    expect(altered((d) => (d.entry.subjectCommitments![1 - mine] = "0".repeat(64))).holds).toBe(false);
    expect(altered((d) => d.entry.subjectCommitments!.splice(1 - mine, 1)).holds).toBe(false);
    expect(
      altered((d) => {
        d.entry.subjectId = person;
        delete d.entry.subjectCommitments;
        delete d.entry.subject;
      }).holds,
    ).toBe(false);
    const file = saved("group.json", doc);
    const result = await cli(file, "--public-key", publicKeyFile);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});

describe("published checkpoints and key", () => {
  it("serve the signing key at GET /audit/public-key, as auditSigningKey names it", async () => {
    const response = await fetch(`${gw.url}/audit/public-key`);
    expect(response.status).toBe(200);
    const pem = await response.text();
    const { body } = await gw.query(`{ auditSigningKey { keyId algorithm publicKey } }`, undefined, {});
    expect(body.data.auditSigningKey).toEqual({ keyId: gw.app.audit.key.keyId, algorithm: "Ed25519", publicKey: pem });
    expect(response.headers.get("x-key-id")).toBe(gw.app.audit.key.keyId);
    expect(keyIdOf(publicKeyFrom(pem)!)).toBe(gw.app.audit.key.keyId);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it("list every checkpoint newest first, page by page, chained and signed; the latest also at GET /audit/checkpoints/latest", async () => {
    // A few more checkpoints, so there are pages.
    for (let i = 0; i < 3; i++) {
      await agencyReads(other);
      await gw.app.audit.sealer.sealNow();
    }
    const stored = await gw.app.sources.gateway.raw<{ seq: number }>("select seq from gateway.audit_checkpoints order by seq desc");
    expect(stored.length).toBeGreaterThanOrEqual(5);

    const PAGE = `query($after: String) { auditCheckpoints(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { seq createdAt size root previousHash statement signature keyId } } } }`;
    const nodes: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { body }: { body: { data?: any; errors?: any[] } } = await gw.query(PAGE, { after }, {});
      expect(body.errors).toBeUndefined();
      const connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: any[] } =
        body.data.auditCheckpoints;
      expect(connection.totalCount).toBe(stored.length);
      expect(connection.edges.length).toBeLessThanOrEqual(2);
      nodes.push(...connection.edges.map((e: any) => e.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(nodes.map((n) => n.seq)).toEqual(stored.map((s) => Number(s.seq)));
    const key = publicKeyFrom((await (await fetch(`${gw.url}/audit/public-key`)).text())!)!;
    for (const [i, n] of nodes.entries()) {
      expect(n.keyId).toBe(gw.app.audit.key.keyId);
      expect(verifyStatement(n.statement, n.signature, key), `checkpoint ${n.seq}`).toBe(true);
      expect(n.statement).toContain(`\nroot ${n.root}\n`);
      expect(n.statement).toContain(`\nsize ${n.size}\n`);
      const older = nodes[i + 1];
      expect(n.previousHash).toBe(older ? statementHash(older.statement) : "0".repeat(64));
    }

    const response = await fetch(`${gw.url}/audit/checkpoints/latest`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const latest = (await response.json()) as Record<string, unknown>;
    expect({ ...latest, createdAt: new Date(String(latest.createdAt)).toISOString() }).toEqual({
      ...nodes[0],
      createdAt: new Date(nodes[0].createdAt).toISOString(),
    });

    const { body } = await gw.query(`{ auditCheckpoints(first: 1, after: "not a cursor") { totalCount } }`, undefined, {});
    expect(body.errors?.[0].extensions.code).toMatch(/INVALID_CURSOR|BAD_USER_INPUT/);
  });

  it.skipIf(TEST_DB !== "postgres")("are checked by `npm run audit:verify` against the published key", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "test",
      ...Object.fromEntries(SOURCE_NAMES.map((n) => [`${n.toUpperCase()}_DATABASE_URL`, config.sources[n].url!])),
    };
    delete env.AUDIT_SIGNING_KEY_FILE;
    const run = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile("npx", ["tsx", "scripts/audit-verify.ts", ...args], { cwd: ROOT, env, timeout: 120_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, stdout, stderr }),
        );
      });
    const [{ entries, checkpoints }] = await gw.app.sources.gateway.raw<{ entries: number; checkpoints: number }>(
      `select (select count(*)::int from gateway.audit_log where partition is not null) as entries,
              (select count(*)::int from gateway.audit_checkpoints) as checkpoints`,
    );
    const ok = await run("--public-key", publicKeyFile, "--json");
    expect(ok.code, ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report).toMatchObject({ intact: true, problems: [], checkpoints: Number(checkpoints), legacyEntries: 0 });
    expect(report.entries).toBeGreaterThanOrEqual(Number(entries));

    // Trusting another key: the first checkpoint is signed by a key the check does not know.
    const refused = await run("--public-key", otherKeyFile, "--json");
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ intact: false, problems: [{ kind: "CHECKPOINT_UNKNOWN_KEY", checkpoint: 1 }] });
  });
});

describe("an entry recorded before checkpoints", () => {
  it("is LEGACY, with no proof", async () => {
    const requestId = `legacy-${randomUUID()}`;
    const db = gw.app.sources.gateway.db;
    // A row as the version 1 chain wrote it: no partition, no salt (triggers off, as only a migration's past can be).
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw("set local session_replication_role = replica"));
      await tx.execute(sql`insert into gateway.audit_log (recorded_at, request_id, client_id, action, subject_kind, subject_id, fields, prev_hash, hash)
        values (now(), ${requestId}, ${DEMO_ALL_CLIENT_ID}, 'READ', 'CITIZEN', ${person}, '{Citizen.fullName}', ${"0".repeat(64)}, ${"1".repeat(64)})`);
    });
    try {
      const node = await entryOf(requestId);
      expect(node.proof).toEqual({ status: "LEGACY", checkpoint: null, document: null });
      // The other entries keep their proofs.
      expect((await accessLog()).nodes.filter((n) => n.proof.status === "CHECKPOINTED").length).toBeGreaterThan(0);
    } finally {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw("set local session_replication_role = replica"));
        await tx.execute(sql`delete from gateway.audit_log where request_id = ${requestId}`);
      });
    }
  });
});
