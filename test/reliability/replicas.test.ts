/**
 * Two gateway processes over the same Postgres databases and the same Redis, as a national installation runs them:
 * a client's rate limit holds across both; a key revoked or rotated by another process (ClientStore on its own
 * connection, as `npm run clients` does) is refused by both within a second; personal reads at both at once are
 * answered. The gateways are started once, in beforeAll: further describe blocks may use them as they are.
 * Postgres only (the postgres project): embedded databases are one process's.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { ClientStore, type Grant } from "../../src/modules/access/clients.js";
import { type GatewayConfig, loadConfig, SOURCE_NAMES, URL_VARIABLES } from "../../src/platform/config.js";
import { openSource, type Source } from "../../src/platform/db/source.js";
import { createThrowawayDatabases, type ThrowawayDatabases } from "../../scripts/lib/throwaway-db.js";
import { type RunningServer, spawnGateway } from "../../scripts/lib/spawn-gateway.js";
import { POSTGRES_ADMIN_URL } from "../support/databases.js";
import { loadSigningKey } from "../../src/modules/access/checkpoint.js";
import { temporarySigningKeyFile } from "../../scripts/lib/signing-key.js";

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
const PURPOSE = { "x-purpose-procedure": "1.001193", "x-purpose-case": "HS-REPLICAS-1" };
const GRANTS: Grant[] = [{ sources: ["population"], classes: ["basic"], procedures: ["*"] }];
const CITIZEN = "query Who($id: PersonalId!) { citizen(personalId: $id) { personalId fullName } }";
/** How soon every process must refuse a key changed elsewhere. */
const PROPAGATION_MS = 1_000;

interface Reply {
  status: number;
  body: { data?: any; errors?: any[] };
}

let databases: ThrowawayDatabases<(typeof SOURCE_NAMES)[number]>;
let prefix: string;
let gateways: RunningServer[] = [];
/** The gateway database as the CLI opens it: its own connection, its own store, no cache. */
let operator: Source;
let store: ClientStore;
let personalIds: string[];
/** The installation's audit signing key (both gateways are given it), and its public half as published. */
let signingKeyFile: string;
let publicKeyFile: string;
/** What the gateways were started with (the databases, Redis and its prefix). */
let env: Record<string, string | undefined>;

async function send(gateway: RunningServer, key: string, query: string, variables?: Record<string, unknown>): Promise<Reply> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...PURPOSE },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Reply["body"] };
}

const codeOf = (reply: Reply): string => reply.body.errors?.[0]?.extensions?.code ?? (reply.status === 200 ? "OK" : `HTTP ${reply.status}`);

let clientNumber = 0;
async function register(options: { rateLimitPerMinute?: number } = {}): Promise<{ id: string; key: string }> {
  const id = `VN:GOV:REPLICAS:SYSTEM-${++clientNumber}`;
  const { key } = await store.register({ id, name: `Replicas test system ${clientNumber}`, grants: GRANTS, ...options });
  return { id, key };
}

/** Polls every gateway every 50 ms until each answers `code` for this key; how long the slowest took. */
async function refusedEverywhere(key: string, code: string, since: number): Promise<number> {
  const took = await Promise.all(
    gateways.map(async (gateway) => {
      for (;;) {
        const reply = await send(gateway, key, "{ __typename }");
        if (codeOf(reply) === code) return performance.now() - since;
        if (performance.now() - since > 5_000) throw new Error(`${gateway.name} still answers ${codeOf(reply)} after 5 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
  return Math.max(...took);
}

beforeAll(async () => {
  databases = await createThrowawayDatabases("ndaf_replicas", SOURCE_NAMES, { adminUrl: POSTGRES_ADMIN_URL });
  prefix = `ndaf-test:${databases.tag}`;
  const base = loadConfig({ NODE_ENV: "test" });
  const config: GatewayConfig = {
    ...base,
    sources: Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name, url: databases.urls[name] }])) as GatewayConfig["sources"],
  };
  // Migrated and seeded once, here; the gateways find the installation ready.
  const app = await createApp(config, { seedIfEmpty: 300 });
  personalIds = (
    await app.sources.population.raw<{ personal_id: string }>("select personal_id from population.citizens order by personal_id limit 20")
  ).map((r) => r.personal_id);
  await app.close();

  signingKeyFile = temporarySigningKeyFile();
  publicKeyFile = path.join(path.dirname(signingKeyFile), "public.pem");
  fs.writeFileSync(publicKeyFile, loadSigningKey(signingKeyFile, false).key.publicKeyPem);
  operator = await openSource({ name: "gateway", url: databases.urls.gateway });
  store = new ClientStore(operator.db, 0);
  env = {
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    VITEST: undefined,
    PORT: "0",
    SEED_CITIZENS: "0",
    REDIS_URL,
    REDIS_PREFIX: prefix,
    GATEWAY_WORKERS: "1",
    // One key for the installation, given to both; each process seals checkpoints (one at a time, by advisory lock).
    AUDIT_SIGNING_KEY_FILE: signingKeyFile,
    AUDIT_CHECKPOINT_INTERVAL_MS: "200",
    ...Object.fromEntries(SOURCE_NAMES.map((name) => [URL_VARIABLES[name], databases.urls[name]])),
  };
  gateways = await Promise.all(
    ["gateway A", "gateway B"].map((name) => spawnGateway({ name, env, readyPath: "/health/ready", timeoutMs: 60_000 })),
  );
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(gateways.map((g) => g.stop(5_000)));
  await operator?.close();
  if (prefix) {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await redis
      .connect()
      .then(async () => {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length) await redis.del(...keys);
      })
      .catch(() => {});
    redis.disconnect();
  }
  await databases?.close();
});

describe("two gateway processes", () => {
  it("are two processes, each naming itself in its readiness", async () => {
    const ready = await Promise.all(gateways.map(async (g) => (await fetch(`${g.url}/health/ready`)).json()));
    expect(ready.map((r: any) => r.status)).toEqual(["READY", "READY"]);
    expect(ready.map((r: any) => r.process.pid)).toEqual(gateways.map((g) => g.pid));
  });

  it("hold one rate limit between them: 40 requests alternating, 20 answered, the rest RATE_LIMITED", async () => {
    const { key } = await register({ rateLimitPerMinute: 20 });
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) codes.push(codeOf(await send(gateways[i % 2], key, "{ __typename }")));
    expect(codes.filter((c) => c === "OK").length, codes.join(",")).toBe(20);
    expect(codes.filter((c) => c === "RATE_LIMITED").length, codes.join(",")).toBe(20);
    const refused = await send(gateways[1], key, "{ __typename }");
    expect(refused.status).toBe(429);
    // Redis holds the counts under keyed hashes: no client id (a citizen's would be their personal id), no address.
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const k of keys) expect(k).toMatch(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:rl:\\d+:[A-Za-z0-9_-]{22}$`));
    } finally {
      redis.disconnect();
    }
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
  });

  it("refuse a key revoked by another process at both within a second", async () => {
    const { id, key } = await register();
    // Both have the key cached.
    for (const gateway of gateways) expect(codeOf(await send(gateway, key, "{ __typename }"))).toBe("OK");
    const since = performance.now();
    await store.revoke(id);
    const took = await refusedEverywhere(key, "CREDENTIAL_REVOKED", since);
    console.log(`revocation seen by both gateways after ${Math.round(took)} ms`);
    expect(took).toBeLessThan(PROPAGATION_MS);
  });

  it("refuse the old key of a client whose key another process rotated, within a second, and take the new one", async () => {
    const { id, key } = await register();
    for (const gateway of gateways) expect(codeOf(await send(gateway, key, "{ __typename }"))).toBe("OK");
    const since = performance.now();
    const newKey = await store.rotateKey(id);
    const took = await refusedEverywhere(key, "INVALID_CREDENTIAL", since);
    console.log(`rotation seen by both gateways after ${Math.round(took)} ms`);
    expect(took).toBeLessThan(PROPAGATION_MS);
    for (const gateway of gateways) expect(codeOf(await send(gateway, newKey, "{ __typename }"))).toBe("OK");
  });

  it("keep refusing changed keys within a second when their LISTEN connections are cut", async () => {
    const { id, key } = await register();
    for (const gateway of gateways) expect(codeOf(await send(gateway, key, "{ __typename }"))).toBe("OK");
    const cut = await databases.admin.unsafe(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = 'ndaf-gateway:gateway:listen'",
      [databases.databases.gateway],
    );
    expect(cut).toHaveLength(2);
    // At once (the cache is not trusted while not listening), and again once both listen anew.
    const since = performance.now();
    await store.revoke(id);
    expect(await refusedEverywhere(key, "CREDENTIAL_REVOKED", since)).toBeLessThan(PROPAGATION_MS);
    await new Promise((r) => setTimeout(r, 1_500));
    const other = await register();
    for (const gateway of gateways) expect(codeOf(await send(gateway, other.key, "{ __typename }"))).toBe("OK");
    const again = performance.now();
    await store.revoke(other.id);
    expect(await refusedEverywhere(other.key, "CREDENTIAL_REVOKED", again)).toBeLessThan(PROPAGATION_MS);
  });

  it("answer personal reads at both at once", async () => {
    const { key } = await register();
    const replies = await Promise.all(
      personalIds.flatMap((id) => gateways.map((gateway) => send(gateway, key, CITIZEN, { id }).then((reply) => ({ id, reply })))),
    );
    for (const { id, reply } of replies) {
      expect(reply.status, JSON.stringify(reply.body).slice(0, 500)).toBe(200);
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data.citizen.personalId).toBe(id);
    }
  });
});

/** `npm run audit:verify -- --json --public-key <published key>` over the installation's databases. */
function auditVerify(...extra: string[]): { status: number | null; report: any } {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/audit-verify.ts", "--json", "--public-key", publicKeyFile, ...extra],
    {
      env: { ...process.env, ...env, VITEST: undefined, AUDIT_SIGNING_KEY_FILE: undefined } as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  let report: any;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = { stdout: result.stdout, stderr: result.stderr };
  }
  return { status: result.status, report };
}

/** `ndaf-gateway audit verify-proof` on a proof document, against the published key. */
function verifyProofFile(document: unknown): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-proof-"));
  try {
    const file = path.join(dir, "proof.json");
    fs.writeFileSync(file, JSON.stringify(document));
    const result = spawnSync(process.execPath, ["bin/ndaf-gateway.js", "audit", "verify-proof", file, "--public-key", publicKeyFile], {
      encoding: "utf8",
      timeout: 30_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs SQL with the triggers off, as the database's superuser can: an attacker with full database access. */
async function asSuperuser(statement: string, params: unknown[]): Promise<void> {
  const text = statement.replace(/\$(\d)/g, (_, i) => `'${String(params[Number(i) - 1]).replace(/'/g, "''")}'`);
  await operator.db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local session_replication_role = replica"));
    await tx.execute(sql.raw(text));
  });
}

describe("the audit trail of two processes", () => {
  const ACCESS_LOG = `{ accessLog(first: 100) { edges { node { requestId proof { status checkpoint document } } } } }`;

  it("records concurrent reads at both, checkpoints them, verifies, and gives each citizen proofs that verify offline", async () => {
    const { key } = await register();
    // Three people, each read at both gateways at once, several times.
    const people = personalIds.slice(0, 3);
    const replies = await Promise.all(
      people.flatMap((id) =>
        [0, 1, 2].flatMap(() =>
          gateways.map(async (gateway) => {
            const response = await fetch(`${gateway.url}/graphql`, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...PURPOSE },
              body: JSON.stringify({ query: CITIZEN, variables: { id } }),
            });
            expect(response.status).toBe(200);
            return { id, gateway: gateway.name, requestId: response.headers.get("x-request-id")! };
          }),
        ),
      ),
    );

    // Both processes seal every 200 ms: wait until no entry is left outside a checkpoint.
    let verified = auditVerify();
    for (let i = 0; i < 50 && (verified.status !== 0 || verified.report.uncovered > 0); i++) {
      await new Promise((r) => setTimeout(r, 200));
      verified = auditVerify();
    }
    expect(verified.status, JSON.stringify(verified.report).slice(0, 1000)).toBe(0);
    expect(verified.report).toMatchObject({ intact: true, uncovered: 0, problems: [] });
    expect(verified.report.entries).toBeGreaterThanOrEqual(replies.length);
    expect(verified.report.checkpoints).toBeGreaterThan(0);
    // A checkpoint seen now, passed later, must still be there saying the same: a rollback to before it is caught.
    const seen = `${verified.report.lastCheckpoint.seq}:${verified.report.lastCheckpoint.statementHash}`;
    expect(auditVerify("--expect-checkpoint", seen).status).toBe(0);
    const rolledBack = auditVerify("--expect-checkpoint", `${verified.report.lastCheckpoint.seq + 1000}:${"0".repeat(64)}`);
    expect(rolledBack.status).toBe(1);
    expect(rolledBack.report.problems[0]).toMatchObject({ kind: "CHECKPOINT_CHAIN", message: expect.stringContaining("is gone") });

    // Each person reads their own log (a citizen client), at one gateway or the other: a proof per read, from both.
    for (const [n, id] of people.entries()) {
      // The demo citizen is registered already: a new key for them, a registration for the others.
      const citizenKey = (await store.get(`VN:CIT:${id}`))
        ? await store.rotateKey(`VN:CIT:${id}`)
        : (await store.register({ id: `VN:CIT:${id}`, name: `Citizen ${n}`, kind: "CITIZEN", personalId: id })).key;
      const log = await send(gateways[n % 2], citizenKey, ACCESS_LOG);
      expect(log.body.errors, JSON.stringify(log.body.errors)).toBeUndefined();
      const nodes: any[] = log.body.data.accessLog.edges.map((e: any) => e.node);
      const mine = replies.filter((r) => r.id === id);
      const byRequest = new Map(nodes.map((node) => [node.requestId, node]));
      // Every read of this person, whichever gateway answered it, is in their log and proven.
      expect(mine.map((r) => byRequest.get(r.requestId)?.proof.status)).toEqual(mine.map(() => "CHECKPOINTED"));
      const fromEach = ["gateway A", "gateway B"].map((g) => byRequest.get(mine.find((r) => r.gateway === g)!.requestId)!);
      for (const node of fromEach) {
        const checked = verifyProofFile(node.proof.document);
        expect(checked.status, checked.output).toBe(0);
        expect(checked.output).toMatch(/^Proof holds/);
      }
      // Altered (another client named as the reader): refused.
      const forged = structuredClone(fromEach[0].proof.document);
      forged.entry.client = { ...forged.entry.client, id: "VN:GOV:SOMEONE:ELSE" };
      const refused = verifyProofFile(forged);
      expect(refused.status, refused.output).toBe(1);
    }
  });

  it("reports an entry altered in the database, and a checkpoint altered, and is whole again once restored", async () => {
    const [entry] = await operator.raw<{ seq: unknown; client_id: string; partition: unknown; partition_seq: unknown }>(
      "select seq, client_id, partition, partition_seq from gateway.audit_log where partition is not null order by seq limit 1",
    );
    await asSuperuser("update gateway.audit_log set client_id = 'VN:GOV:NOBODY:NONE' where seq = $1", [entry.seq]);
    try {
      const altered = auditVerify();
      expect(altered.status).toBe(1);
      expect(altered.report.problems[0]).toMatchObject({
        kind: "ALTERED",
        partition: Number(entry.partition),
        position: Number(entry.partition_seq),
      });
    } finally {
      await asSuperuser("update gateway.audit_log set client_id = $1 where seq = $2", [entry.client_id, entry.seq]);
    }
    expect(auditVerify().status).toBe(0);

    const [checkpoint] = await operator.raw<{ seq: unknown; statement: string }>(
      "select seq, statement from gateway.audit_checkpoints order by seq limit 1",
    );
    const rewritten = checkpoint.statement.replace(/^size (\d+)$/m, (_, n) => `size ${Number(n) + 1}`);
    await asSuperuser("update gateway.audit_checkpoints set statement = $1, size = size + 1 where seq = $2", [rewritten, checkpoint.seq]);
    try {
      const forged = auditVerify();
      expect(forged.status).toBe(1);
      expect(forged.report.problems[0]).toMatchObject({ kind: "CHECKPOINT_ALTERED", checkpoint: Number(checkpoint.seq) });
    } finally {
      await asSuperuser("update gateway.audit_checkpoints set statement = $1, size = size - 1 where seq = $2", [
        checkpoint.statement,
        checkpoint.seq,
      ]);
    }
    expect(auditVerify().status).toBe(0);
  });
});

/** /health/ready on a connection of its own, so node:cluster hands it to the next worker. */
function readinessOnNewConnection(url: string): Promise<{ status: string; process: { pid: number; worker?: number } }> {
  return new Promise((resolve, reject) => {
    // Bounded: a connection handed to a worker as it is killed is never answered.
    const request = http.get(`${url}/health/ready`, { agent: false, timeout: 2_000 }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text)));
    });
    request.on("timeout", () => request.destroy(new Error("no answer in 2 s")));
    request.on("error", reject);
  });
}

/** Asks until `found` says the workers seen so far are the ones awaited. */
async function workersUntil(
  url: string,
  found: (workers: Map<number, number>) => boolean,
  timeoutMs = 20_000,
): Promise<Map<number, number>> {
  const workers = new Map<number, number>();
  const deadline = performance.now() + timeoutMs;
  while (!found(workers)) {
    if (performance.now() > deadline) throw new Error(`workers seen: ${JSON.stringify([...workers])}`);
    const ready = await readinessOnNewConnection(url).catch(() => undefined);
    if (ready?.status === "READY" && ready.process.worker !== undefined) workers.set(ready.process.worker, ready.process.pid);
    await new Promise((r) => setTimeout(r, 50));
  }
  return workers;
}

describe("GATEWAY_WORKERS", () => {
  it("runs two workers on one port, starts again one that dies, and stops them all on SIGTERM", async () => {
    const supervision: string[] = [];
    const primary = await spawnGateway({
      onLine: (line) => {
        if (line.includes('"msg":"a gateway worker died')) supervision.push(line);
      },
      name: "cluster",
      env: { ...env, GATEWAY_WORKERS: "2" },
      readyPath: "/health/ready",
      timeoutMs: 60_000,
    });
    try {
      const first = await workersUntil(primary.url, (w) => w.size === 2);
      for (const pid of first.values()) expect(pid).not.toBe(primary.pid);
      const [deadId, deadPid] = [...first][0];
      process.kill(deadPid, "SIGKILL");
      const after = await workersUntil(primary.url, (w) => [...w.keys()].some((id) => !first.has(id)));
      expect(after.has(deadId) && after.get(deadId) === deadPid).toBe(false);
      expect(supervision.map((l) => JSON.parse(l))).toEqual([
        expect.objectContaining({
          msg: "a gateway worker died; restarting it",
          worker: deadId,
          pid: deadPid,
          signal: "SIGKILL",
          restartInMs: 1_000,
        }),
      ]);
    } finally {
      await primary.stop();
    }
    expect(await primary.exited).toBe(0);
  }, 90_000);

  it("refuses to start several workers on embedded databases, in one line", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        NODE_ENV: "test",
        LOG_LEVEL: "info",
        GATEWAY_WORKERS: "2",
        DATA_DIR: "/nonexistent",
        GATEWAY_DATABASE_URL: "",
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines, result.stdout + result.stderr).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: "NDAF Gateway could not start",
      error: {
        message: expect.stringMatching(
          /^GATEWAY_WORKERS=2 needs every source on Postgres, but population, land, business, gateway are embedded .*set POPULATION_DATABASE_URL/,
        ),
      },
    });
  });
});
