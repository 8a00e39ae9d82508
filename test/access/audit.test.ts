/**
 * The audit trail: one row set per request listing every subject read, written in one statement into one partition
 * chain — the first head no other writer holds, looked for from the connection's preferred one; append-only in the
 * database; tampering found by the verifier — in a chain, at a head, in a checkpoint, and a past rewritten with fresh
 * hashes contradicted by the first checkpoint that covered it; and no personal data served when the trail cannot be
 * written.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "../../src/modules/access/audit.js";
import { ephemeralSigningKey, publicKeyFrom, statementHash } from "../../src/modules/access/checkpoint.js";
import {
  DEFAULT_DEMO_API_KEY,
  DEMO_ALL_CLIENT_ID,
  DEMO_CIVIL_STATUS_CLIENT_ID,
  DEMO_CIVIL_STATUS_KEY,
  DEMO_PURPOSE,
} from "../../src/modules/access/demo.js";
import {
  AUDIT_PARTITIONS,
  auditEntryHash,
  clientCommitment,
  GENESIS_HASH,
  legacyEntryHash,
  storedCommitments,
} from "../../src/modules/access/entry.js";
import { rowsOf, sealCheckpoint } from "../../src/modules/access/sealer.js";
import {
  auditChainHead,
  auditCheckpointRanges,
  auditCheckpoints,
  auditLog,
  auditPartitionHeads,
  type AuditRow,
} from "../../src/modules/access/tables.js";
import { type TrailProblem, verifyAuditTrail } from "../../src/modules/access/verify.js";
import { SourceUnavailableError } from "../../src/platform/db/resilience.js";
import type { Database, Source } from "../../src/platform/db/source.js";
import { clientHeaders, countStatements, DEMO_HEADERS, startTestGateway, TEST_DB, type TestGateway } from "../support/gateway.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The whole trail checked, trusting the gateway's own key (or the keys given). */
function verify(g: TestGateway, keys = [publicKeyFrom(g.app.audit.key.publicKeyPem)!]) {
  return verifyAuditTrail(g.app.sources.gateway, keys);
}

/** Runs `fn` with the triggers off, as only a superuser can: how an attacker with full database access would tamper. */
async function bypassingTriggers(g: TestGateway, fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  await g.app.sources.gateway.db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local session_replication_role = replica"));
    await fn(tx);
  });
}

/** The database's own message: drizzle wraps it as the cause of "Failed query: …". */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string; code?: string } };
    return `${e.message} | ${e.cause?.message ?? ""} | ${e.cause?.code ?? ""}`;
  }
  return "no error";
}

interface TrailRow {
  seq: number;
  partition: number;
  partition_seq: number;
  client_id: string;
  client_salt: string;
  procedure_code: string;
  case_id: string;
  subject_kind: string | null;
  subject_id: string | null;
  fields: string[];
  action: string;
  request_id: string;
  prev_hash: string;
  hash: string;
}

async function trailOf(g: TestGateway, requestIds: string | string[]): Promise<TrailRow[]> {
  const rows = await g.app.sources.gateway.raw<TrailRow>(
    `select seq, partition, partition_seq, client_id, client_salt, procedure_code, case_id, subject_kind, subject_id, fields, action,
            request_id, prev_hash, hash
     from gateway.audit_subjects where request_id = any($1::text[]) order by seq, subject_index`,
    [Array.isArray(requestIds) ? requestIds : [requestIds]],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq), partition: Number(r.partition), partition_seq: Number(r.partition_seq) }));
}

/**
 * Rows written by one INSERT (a request's, or a group-committed batch's): whatever their subjects, all in one
 * partition within 0–15, at consecutive positions in the order they were written (seq order: request order, then
 * subject order), each row's prev_hash the previous row's hash. Returns the partition.
 */
/** The entries behind subject rows (an entry of a group is a row per subject), checked to be one run of one chain. */
function expectChainedTogether(rows: TrailRow[]): number {
  expect(rows.length).toBeGreaterThan(0);
  const inOrder = [...new Map(rows.map((r) => [r.seq, r])).values()].sort((a, b) => a.seq - b.seq);
  const partition = inOrder[0].partition;
  expect(partition).toBeGreaterThanOrEqual(0);
  expect(partition).toBeLessThan(AUDIT_PARTITIONS);
  for (const [i, r] of inOrder.entries()) {
    expect(r.partition, `${r.request_id} ${r.subject_kind}:${r.subject_id}`).toBe(partition);
    expect(r.client_salt).toMatch(/^[0-9a-f]{32}$/);
    if (i === 0) continue;
    expect(r.partition_seq, `partition ${partition}, seq ${r.seq}`).toBe(inOrder[i - 1].partition_seq + 1);
    expect(r.prev_hash, `partition ${partition}, position ${r.partition_seq}`).toBe(inOrder[i - 1].hash);
  }
  return partition;
}

function byRequest(rows: TrailRow[]): Map<string, TrailRow[]> {
  const map = new Map<string, TrailRow[]>();
  for (const r of rows) map.set(r.request_id, [...(map.get(r.request_id) ?? []), r]);
  return map;
}

function byPartitionOf(rows: TrailRow[]): Map<number, TrailRow[]> {
  const map = new Map<number, TrailRow[]>();
  for (const r of rows) map.set(r.partition, [...(map.get(r.partition) ?? []), r]);
  return map;
}

async function headsOf(g: TestGateway): Promise<Map<number, { last_seq: number; last_hash: string }>> {
  const rows = await g.app.sources.gateway.raw<{ partition: number; last_seq: number; last_hash: string }>(
    "select partition, last_seq, last_hash from gateway.audit_partition_heads order by partition",
  );
  return new Map(rows.map((r) => [Number(r.partition), { last_seq: Number(r.last_seq), last_hash: r.last_hash }]));
}

const noProblems = (problems: TrailProblem[]) => expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);

describe("audit trail", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ citizens: 600 });
  });
  afterAll(() => gw?.close());
  const gatewayDb = () => gw.app.sources.gateway;

  it("records a nested cross-source read in one statement: every subject named, an entry per kind of subject and fields read", async () => {
    // A citizen who holds land and has an enterprise role, found in the sources themselves.
    const holders = await gw.app.sources.land.raw<{ personal_id: string }>(
      "select distinct personal_id from land.holders where personal_id is not null order by personal_id",
    );
    const roles = await gw.app.sources.business.raw<{ personal_id: string }>(
      "select distinct personal_id from business.enterprise_people order by personal_id",
    );
    const roleIds = new Set(roles.map((r) => r.personal_id));
    const person = holders.map((h) => h.personal_id).find((id) => roleIds.has(id));
    expect(person, "a seeded citizen holds land and has an enterprise role").toBeDefined();

    let requestId = "";
    const query = `query($id: PersonalId!) { citizen(personalId: $id) {
      fullName religion identityCards { number }
      landParcels { parcel { parcelId holders { sharePercent subject { ... on Citizen { fullName } ... on Enterprise { name } } } } }
      enterpriseRoles { enterprise { code name } }
    } }`;
    await gw.query(`{ viewer { clientId } }`); // key lookup cached before counting
    let body: any;
    const counted = await countStatements(gw, async () => {
      const response = await fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...DEMO_HEADERS },
        body: JSON.stringify({ query, variables: { id: person } }),
      });
      requestId = response.headers.get("x-request-id")!;
      body = await response.json();
      expect(response.status).toBe(200);
    });
    expect(body.errors).toBeUndefined();
    expect(counted.gateway, "the trail costs one statement").toBe(1);

    // The subjects the answer names, from the answer itself.
    const citizen = body.data.citizen;
    const expected = new Set<string>([`CITIZEN:${person}`]);
    for (const { parcel } of citizen.landParcels) {
      expected.add(`LAND_PARCEL:${parcel.parcelId}`);
      const holderRows = await gw.app.sources.land.raw<{ personal_id: string | null; enterprise_code: string | null }>(
        `select h.personal_id, h.enterprise_code from land.holders h join land.certificates c on c.serial = h.certificate_serial
         where c.parcel_id = $1 and c.status = 'ACTIVE'`,
        [parcel.parcelId],
      );
      for (const h of holderRows) expected.add(h.personal_id ? `CITIZEN:${h.personal_id}` : `ENTERPRISE:${h.enterprise_code}`);
    }
    for (const role of citizen.enterpriseRoles) expected.add(`ENTERPRISE:${role.enterprise.code}`);
    expect(citizen.landParcels.length).toBeGreaterThan(0);
    expect(citizen.enterpriseRoles.length).toBeGreaterThan(0);

    const rows = await trailOf(gw, requestId);
    expect(new Set(rows.map((r) => `${r.subject_kind}:${r.subject_id}`))).toEqual(expected);
    expect(rows).toHaveLength(expected.size); // one row per subject
    // One entry per kind of subject read for the same fields (here each subject was read for fields of its own).
    expect(new Set(rows.map((r) => r.seq)).size).toBe(new Set(rows.map((r) => `${r.subject_kind}|${r.fields.join(",")}`)).size);
    for (const row of rows) {
      expect(row).toMatchObject({
        client_id: DEMO_ALL_CLIENT_ID,
        procedure_code: DEMO_PURPOSE.procedure,
        case_id: DEMO_PURPOSE.caseId,
        action: "READ",
      });
    }
    // Written together, subjects of every kind: one partition, consecutive positions and chained, and that
    // partition's head is the request's last row (nothing was written since).
    expect(new Set(rows.map((r) => r.subject_kind)).size).toBeGreaterThan(1);
    const p = expectChainedTogether(rows);
    const heads = await headsOf(gw);
    expect(heads.get(p), `partition ${p}'s head`).toEqual({
      last_seq: rows[rows.length - 1].partition_seq,
      last_hash: rows[rows.length - 1].hash,
    });
    // Fields are recorded per subject: the person's own fields, including the sensitive one and nested card numbers.
    const own = rows.find((r) => r.subject_kind === "CITIZEN" && r.subject_id === person)!;
    expect(own.fields).toEqual(expect.arrayContaining(["Citizen.fullName", "Citizen.religion", "IdentityCard.number", "Query.citizen"]));
    expect(own.fields).not.toContain("Enterprise.name");
    noProblems((await verify(gw)).problems);
  });

  it("chains a group's subjects with its entry: a subject removed, added, reordered or given another salt breaks it", async () => {
    const requestId = `group-${randomUUID()}`;
    const ids = ["700000000001", "700000000002", "700000000003"];
    await writeAudit(gatewayDb(), { requestId, clientId: DEMO_ALL_CLIENT_ID, purpose: DEMO_PURPOSE }, [
      ...ids.map((id) => ({ action: "READ" as const, subject: { kind: "CITIZEN" as const, id }, fields: ["Citizen.fullName"] })),
      { action: "READ" as const, subject: { kind: "LAND_PARCEL" as const, id: "01-001-7" }, fields: ["LandParcel.area"] },
    ]);
    const stored = await gatewayDb().raw<{
      seq: unknown;
      partition: number;
      partition_seq: unknown;
      subject_ids: string[];
      subject_salts: string[];
    }>("select seq, partition, partition_seq, subject_ids, subject_salts from gateway.audit_log where request_id = $1 order by seq", [
      requestId,
    ]);
    expect(stored.map((r) => r.subject_ids)).toEqual([ids, ["01-001-7"]]);
    const [group] = stored;
    noProblems((await verify(gw)).problems);
    const changes: [string, string[], string[]][] = [
      ["removed", ids.slice(1), group.subject_salts.slice(1)],
      ["added", [...ids, "700000000009"], [...group.subject_salts, "f".repeat(32)]],
      ["reordered", [...ids].reverse(), [...group.subject_salts].reverse()],
      ["another salt", ids, [group.subject_salts[0], group.subject_salts[1], "0".repeat(32)]],
      ["ids without their salts", ids, group.subject_salts.slice(1)],
    ];
    for (const [what, subjectIds, salts] of changes) {
      const set = (i: string[], s: string[]) =>
        bypassingTriggers(gw, (tx) =>
          tx.execute(sql`update gateway.audit_log set subject_ids = ${sql.param(i)}::text[], subject_salts = ${sql.param(s)}::text[]
                         where seq = ${Number(group.seq)}`),
        );
      await set(subjectIds, salts);
      try {
        const { problems } = await verify(gw);
        expect(problems[0], what).toMatchObject({ kind: "ALTERED", partition: group.partition, position: Number(group.partition_seq) });
      } finally {
        await set(group.subject_ids, group.subject_salts);
      }
    }
    noProblems((await verify(gw)).problems);
  });

  it("records a lookup of a person who is not found, and nothing for public reference data", async () => {
    const missing = await gw.app.sources.population.raw<{ id: string }>(
      "select lpad((max(personal_id)::bigint + 1)::text, 12, '0') as id from population.citizens",
    );
    const response = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...DEMO_HEADERS },
      body: JSON.stringify({
        query: `query($id: PersonalId!) { citizen(personalId: $id) { fullName } provinces { code } }`,
        variables: { id: missing[0].id },
      }),
    });
    const requestId = response.headers.get("x-request-id")!;
    const body = await response.json();
    expect(body.data.citizen).toBeNull();
    const rows = await trailOf(gw, requestId);
    expect(rows.map((r) => [r.subject_kind, r.subject_id, r.fields])).toEqual([["CITIZEN", missing[0].id, ["Query.citizen"]]]);
    expectChainedTogether(rows);

    const publicData = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...DEMO_HEADERS },
      body: JSON.stringify({ query: `{ provinces { code name } }` }),
    });
    expect(await trailOf(gw, publicData.headers.get("x-request-id")!)).toEqual([]);
  });

  it("names every request by the gateway's own id, whatever x-request-id the caller sends", async () => {
    const [person] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens order by personal_id limit 1",
    );
    const callerId = `trace-${randomUUID()}`;
    // Two clients send the same x-request-id: the second cannot make its reads look like the first's.
    const ask = (key: string) =>
      fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": callerId, ...clientHeaders(key) },
        body: JSON.stringify({
          query: `query($id: PersonalId!) { citizen(personalId: $id) { fullName } }`,
          variables: { id: person.personal_id },
        }),
      });
    const first = await ask(DEFAULT_DEMO_API_KEY);
    const second = await ask(DEMO_CIVIL_STATUS_KEY);
    expect([first.status, second.status]).toEqual([200, 200]);
    const ids = [first.headers.get("x-request-id")!, second.headers.get("x-request-id")!];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect([first.headers.get("x-caller-request-id"), second.headers.get("x-caller-request-id")]).toEqual([callerId, callerId]);

    expect(await trailOf(gw, callerId)).toEqual([]);
    const [a] = await trailOf(gw, ids[0]);
    const [b] = await trailOf(gw, ids[1]);
    expect([a.client_id, a.subject_id]).toEqual([DEMO_ALL_CLIENT_ID, person.personal_id]);
    expect([b.client_id, b.subject_id]).toEqual([DEMO_CIVIL_STATUS_CLIENT_ID, person.personal_id]);
    // Two requests, two INSERTs: each in a partition of its own choosing (the subject does not choose). Where both
    // took the same one — always on PGlite, one backend — the second follows the first in its chain.
    for (const r of [a, b]) expectChainedTogether([r]);
    if (TEST_DB === "pglite") expect(b.partition).toBe(a.partition);
    if (b.partition === a.partition) {
      expect(b.partition_seq).toBe(a.partition_seq + 1);
      expect(b.prev_hash).toBe(a.hash);
    }
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(b.client_salt).not.toBe(a.client_salt);

    // A malformed caller id is neither used nor echoed.
    const malformed = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "a b;c", ...DEMO_HEADERS },
      body: JSON.stringify({ query: `{ provinces { code } }` }),
    });
    expect(malformed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(malformed.headers.get("x-caller-request-id")).toBeNull();
  });

  it("puts a statement's rows in one partition whatever their subjects — the connection's preferred one when free — and keeps a transaction there", async () => {
    // The subject no longer chooses: the SQL function that did is gone.
    const [gone] = await gatewayDb().raw<{ f: string | null }>("select to_regproc('gateway.audit_partition_of')::text as f");
    expect(gone.f).toBeNull();

    const tag = randomUUID();
    const insert = (tx: Tx, requestId: string, subjects: [string, string][]) =>
      tx.execute(sql`insert into gateway.audit_log (request_id, client_id, action, subject_kind, subject_id, fields)
                     select ${requestId}, ${DEMO_ALL_CLIENT_ID}, 'READ', t.k, t.i, '{Query.citizen}'
                     from unnest(${sql.param(subjects.map(([k]) => k))}::text[], ${sql.param(subjects.map(([, i]) => i))}::text[])
                          with ordinality as t(k, i, n)
                     order by t.n`);
    let preferred = -1;
    await gatewayDb().db.transaction(async (tx) => {
      const [row] = rowsOf<{ p: unknown }>(await tx.execute(sql`select pg_backend_pid() % 16 as p`));
      preferred = Number(row.p);
      // Subjects the old rule (a hash of the subject) put in partitions 8, 5 and 3, and no subject at all.
      await insert(tx, `one-${tag}`, [
        ["CITIZEN", "001204000001"],
        ["LAND_PARCEL", "01-001-7"],
        ["ENTERPRISE", "0100109106"],
        ["", ""],
      ]);
      // A second statement of the same transaction continues the same chain.
      await insert(tx, `two-${tag}`, [["CITIZEN", "Nguyễn Văn A ✓"]]);
    });
    const rows = await trailOf(gw, [`one-${tag}`, `two-${tag}`]);
    expect(rows.map((r) => [r.request_id, r.subject_kind, r.subject_id])).toEqual([
      [`one-${tag}`, "CITIZEN", "001204000001"],
      [`one-${tag}`, "LAND_PARCEL", "01-001-7"],
      [`one-${tag}`, "ENTERPRISE", "0100109106"],
      [`one-${tag}`, "", ""],
      [`two-${tag}`, "CITIZEN", "Nguyễn Văn A ✓"],
    ]);
    // No other writer held it: the connection's preferred partition.
    expect(expectChainedTogether(rows)).toBe(preferred);
    expect((await headsOf(gw)).get(preferred)).toEqual({ last_seq: rows[4].partition_seq, last_hash: rows[4].hash });

    // And every request written so far: its rows in one partition, at consecutive positions. On PGlite (one backend)
    // every sequential write took the same, preferred, partition.
    const stored = await gatewayDb().raw<{ request_id: string }>(
      "select distinct request_id from gateway.audit_log where partition is not null",
    );
    expect(stored.length).toBeGreaterThan(5);
    const all = await trailOf(
      gw,
      stored.map((r) => r.request_id),
    );
    for (const [, list] of byRequest(all)) expectChainedTogether(list);
    if (TEST_DB === "pglite") expect(new Set(all.map((r) => r.partition))).toEqual(new Set([preferred]));
    noProblems((await verify(gw)).problems);
  });

  it("cannot be updated, deleted or truncated through the gateway's connection: entries, heads, checkpoints, ranges", async () => {
    await gw.query(`{ citizens(first: 2) { edges { node { fullName } } } }`);
    expect((await gw.app.audit.sealer.sealNow()).length).toBeGreaterThan(0);
    const before = await verify(gw);
    noProblems(before.problems);
    expect(before.checkpoints).toBeGreaterThan(0);
    for (const statement of [
      "update gateway.audit_log set client_id = 'someone-else'",
      "delete from gateway.audit_log",
      "truncate gateway.audit_log",
      "update gateway.audit_chain_head set last_seq = 0",
      "update gateway.audit_partition_heads set last_seq = 0",
      "delete from gateway.audit_partition_heads",
      "truncate gateway.audit_partition_heads",
      "update gateway.audit_checkpoints set signature = ''",
      "delete from gateway.audit_checkpoints",
      "truncate gateway.audit_checkpoints",
      "update gateway.audit_checkpoint_ranges set to_hash = ''",
      "delete from gateway.audit_checkpoint_ranges",
      "truncate gateway.audit_checkpoint_ranges",
    ]) {
      await expect(gatewayDb().raw(statement), statement).rejects.toThrow(/append-only/);
    }
    const after = await verify(gw);
    noProblems(after.problems);
    expect(after).toMatchObject({ entries: before.entries, checkpoints: before.checkpoints, heads: before.heads });
  });

  it("takes a group's subjects only as one list of ids of one kind, stored from 1 with salts of its own choosing", async () => {
    const requestId = `group-insert-${randomUUID()}`;
    /** An INSERT as the gateway's role, with the subject columns and values given as SQL. */
    const insert = (columns: string, values: string) =>
      gatewayDb().db.transaction(async (tx) => {
        await tx.execute(sql.raw("set local role ndaf_gateway"));
        await tx.execute(
          sql.raw(`insert into gateway.audit_log (request_id, client_id, action, fields, ${columns})
                   values ('${requestId}', 'VN:GOV:X:Y', 'READ', '{Citizen.fullName}', ${values})`),
        );
      });
    const refused: [string, string, string][] = [
      ["no ids", "subject_kind, subject_ids", "'CITIZEN', '{}'"],
      ["a null id", "subject_kind, subject_ids", "'CITIZEN', array['700000000001', null]"],
      ["an id beside the list", "subject_kind, subject_id, subject_ids", "'CITIZEN', '700000000001', array['700000000002']"],
      ["no kind", "subject_ids", "array['700000000001']"],
      ["two dimensions", "subject_kind, subject_ids", "'CITIZEN', '{{700000000001},{700000000002}}'"],
    ];
    for (const [what, columns, values] of refused) {
      const error = await insert(columns, values).then(
        () => null,
        (e: unknown) => e as { cause?: { code?: string }; code?: string },
      );
      expect(error, what).not.toBeNull();
      expect(error!.cause?.code ?? error!.code, what).toBe("23514");
    }
    expect(await gatewayDb().raw("select 1 from gateway.audit_log where request_id = $1", [requestId])).toEqual([]);

    // Other bounds (from 0) and salts of the writer's choosing: stored from 1, the trigger's salts.
    await insert("subject_kind, subject_ids, subject_salts", "'CITIZEN', '[0:1]={700000000001,700000000002}', '{chosen-1,chosen-2}'");
    const [row] = await gatewayDb().raw<{ lower: number; ids: string[]; salts: string[] }>(
      "select array_lower(subject_ids, 1) as lower, subject_ids as ids, subject_salts as salts from gateway.audit_log where request_id = $1",
      [requestId],
    );
    expect(row).toMatchObject({ lower: 1, ids: ["700000000001", "700000000002"] });
    expect(row.salts).toHaveLength(2);
    for (const salt of row.salts) expect(salt).toMatch(/^[0-9a-f]{32}$/);
    noProblems((await verify(gw)).problems);
  });

  it("refuses an INSERT whose chain setting was forged: no partition outside the 16, no position out of turn, no chosen id", async () => {
    const insertWith = (setting: string | null, explicitSeq?: number) =>
      gatewayDb().db.transaction(async (tx) => {
        await tx.execute(sql.raw("set local role ndaf_gateway"));
        if (setting !== null) await tx.execute(sql`select set_config('ndaf.audit_chain', ${setting}, true)`);
        await tx.execute(
          explicitSeq === undefined
            ? sql`insert into gateway.audit_log (request_id, client_id, action, fields) values ('forged-setting', 'VN:GOV:X:Y', 'READ', '{}')`
            : sql`insert into gateway.audit_log (seq, request_id, client_id, action, fields) values (${explicitSeq}, 'forged-setting', 'VN:GOV:X:Y', 'READ', '{}')`,
        );
      });
    const [head] = await gatewayDb().raw<{ partition: number; last_seq: unknown; last_hash: string }>(
      "select partition, last_seq, last_hash from gateway.audit_partition_heads order by partition limit 1",
    );
    expect(await failure(insertWith(`99:0:${"0".repeat(64)}`))).toMatch(/names no partition/);
    // A position past the head (as if the entries between were never written), and the head's own hash reused.
    expect(await failure(insertWith(`${head.partition}:${Number(head.last_seq) + 1000}:${head.last_hash}`))).toMatch(
      /does not continue its head/,
    );
    // A head older than the stored one.
    if (Number(head.last_seq) > 0) {
      // (the position it would take is taken: the unique index refuses it first)
      expect(await failure(insertWith(`${head.partition}:${Number(head.last_seq) - 1}:${"a".repeat(64)}`))).toMatch(
        /does not continue its head|duplicate key/,
      );
    }
    const stored = await gatewayDb().raw("select 1 from gateway.audit_log where request_id = 'forged-setting'");
    expect(stored).toEqual([]);
    // An id the INSERT names is not the one it gets: ids come from the sequence.
    await insertWith(null, 1);
    const [row] = await gatewayDb().raw<{ seq: unknown }>("select seq from gateway.audit_log where request_id = 'forged-setting'");
    expect(Number(row.seq)).toBeGreaterThan(1);
    expect((await verify(gw)).problems).toEqual([]);
  });

  it("gives the ndaf_gateway role INSERT and SELECT on the trail and its checkpoints only, and no way to switch triggers off", async () => {
    const db = gatewayDb().db;
    class RolledBack extends Error {}
    /** `fn` as the gateway's role, committed or rolled back. */
    const asGatewayRole = async (fn: (tx: Tx) => Promise<unknown>, commit = false) => {
      try {
        await db.transaction(async (tx) => {
          await tx.execute(sql.raw("set local role ndaf_gateway"));
          await fn(tx);
          if (!commit) throw new RolledBack();
        });
      } catch (error) {
        if (!(error instanceof RolledBack)) throw error;
      }
    };
    const attempt = (statement: string) => asGatewayRole((tx) => tx.execute(sql.raw(statement)));

    await asGatewayRole(
      (tx) =>
        tx.execute(
          sql.raw(`insert into gateway.audit_log (request_id, client_id, action, fields) values ('role-test', 'role-test', 'READ', '{}')`),
        ),
      true,
    );
    const [roleRow] = await trailOf(gw, "role-test");
    expectChainedTogether([roleRow]);
    expect((await headsOf(gw)).get(roleRow.partition)).toEqual({ last_seq: roleRow.partition_seq, last_hash: roleRow.hash });

    for (const statement of [
      "update gateway.audit_log set client_id = 'x' where request_id = 'role-test'",
      "delete from gateway.audit_log where request_id = 'role-test'",
      "truncate gateway.audit_log",
      "update gateway.audit_chain_head set last_seq = 0",
      "update gateway.audit_partition_heads set last_seq = 0",
      "delete from gateway.audit_partition_heads",
      "update gateway.audit_checkpoints set signature = ''",
      "delete from gateway.audit_checkpoints",
      "truncate gateway.audit_checkpoints",
      "update gateway.audit_checkpoint_ranges set to_hash = ''",
      "delete from gateway.audit_checkpoint_ranges",
    ]) {
      expect(await failure(attempt(statement)), statement).toMatch(/permission denied/);
    }
    for (const [table, trigger] of [
      ["audit_log", "audit_log_append_only"],
      ["audit_partition_heads", "audit_partition_heads_guard"],
      ["audit_checkpoints", "audit_checkpoints_append_only"],
      ["audit_checkpoint_ranges", "audit_checkpoint_ranges_append_only"],
    ]) {
      expect(await failure(attempt(`alter table gateway.${table} disable trigger ${trigger}`)), table).toMatch(/must be owner/);
    }
    expect(await failure(attempt("set session_replication_role = replica"))).toMatch(/permission denied/);

    // The heads are the migration's 16 rows: the role cannot add one (drizzle/gateway/0008_audit_heads_fixed.sql).
    expect(
      await failure(
        asGatewayRole(
          (tx) => tx.execute(sql.raw("insert into gateway.audit_partition_heads (partition, last_seq, last_hash) values (16, 0, '')")),
          true,
        ),
      ),
    ).toMatch(/permission denied/);

    // What the sealer needs, the role has: it reads the heads and entries and appends a checkpoint (rolled back here).
    let sealed: Awaited<ReturnType<typeof sealCheckpoint>> = null;
    await asGatewayRole(async (tx) => {
      sealed = await sealCheckpoint({ db: tx } as unknown as Source, gw.app.audit.key);
      const [row] = await tx.select().from(auditCheckpoints).where(eq(auditCheckpoints.seq, sealed!.seq));
      expect(row.keyId).toBe(gw.app.audit.key.keyId);
    });
    expect(sealed).toMatchObject({ size: expect.any(Number) });
    expect(sealed!.size).toBeGreaterThan(0);
    noProblems((await verify(gw)).problems);
  });

  it("withholds personal data when the trail cannot be written (fail closed), and recovers", async () => {
    const query = `{ citizens(first: 1) { edges { node { personalId fullName } } } }`;
    for (const table of ["audit_log", "audit_partition_heads"]) {
      await gatewayDb().raw(`alter table gateway.${table} rename to ${table}_offline`);
      try {
        const refused = await gw.query(query);
        expect(refused.status, table).toBe(503);
        expect(refused.body.data).toBeUndefined();
        expect(refused.body.errors![0].extensions.code).toBe("AUDIT_UNAVAILABLE");
        expect(JSON.stringify(refused.body)).not.toMatch(/\d{12}/); // no personal id leaks
        // Public reference data needs no trail and is still served.
        const publicData = await gw.query(`{ provinces { code } }`);
        expect(publicData.status).toBe(200);
        expect(publicData.body.data.provinces).toHaveLength(34);
      } finally {
        await gatewayDb().raw(`alter table gateway.${table}_offline rename to ${table}`);
      }
    }
    const recovered = await gw.query(query);
    expect(recovered.status).toBe(200);
    expect(recovered.body.data.citizens.edges[0].node.personalId).toMatch(/^\d{12}$/);
    noProblems((await verify(gw)).problems);
  });

  it("writes the rows of requests finishing together in one statement (group commit), each waiting for its own", async () => {
    const ids = Array.from({ length: 10 }, () => `group-${randomUUID()}`);
    const before = gatewayDb().statements.count;
    const written = await Promise.all(
      ids.map((requestId, i) =>
        writeAudit(gatewayDb(), { requestId, clientId: DEMO_ALL_CLIENT_ID, purpose: DEMO_PURPOSE }, [
          { action: "READ", subject: { kind: "CITIZEN", id: String(100_000_000_000 + i) }, fields: ["Citizen.fullName"] },
          { action: "READ", subject: { kind: "CITIZEN", id: String(200_000_000_000 + i) }, fields: ["Citizen.sex"] },
        ]).then(() => requestId),
      ),
    );
    // The first request goes alone; the nine that queue while it commits go together.
    expect(gatewayDb().statements.count - before).toBe(2);
    expect(written).toEqual(ids);
    const rows = await trailOf(gw, ids);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => `${r.request_id} ${r.subject_id}`))).toEqual(
      new Set(ids.flatMap((id, i) => [`${id} ${100_000_000_000 + i}`, `${id} ${200_000_000_000 + i}`])),
    );
    // The first request's rows, then the batch's: each statement in one partition, chained at consecutive positions
    // in request order, then subject order.
    const first = rows.filter((r) => r.request_id === ids[0]);
    const batch = rows.filter((r) => r.request_id !== ids[0]);
    expect(Math.max(...first.map((r) => r.seq))).toBeLessThan(Math.min(...batch.map((r) => r.seq)));
    const inChainOrder = (list: TrailRow[]) =>
      [...list].sort((x, y) => x.partition_seq - y.partition_seq).map((r) => `${r.request_id} ${r.subject_id}`);
    for (const [statement, requests] of [
      [first, ids.slice(0, 1)],
      [batch, ids.slice(1)],
    ] as const) {
      expectChainedTogether(statement);
      expect(inChainOrder(statement)).toEqual(
        requests.flatMap((id) => [`${id} ${100_000_000_000 + ids.indexOf(id)}`, `${id} ${200_000_000_000 + ids.indexOf(id)}`]),
      );
    }
    // Two statements one after the other: where both took the same partition — always on PGlite, one backend — the
    // batch continues where the first left off.
    const [lastOfFirst, firstOfBatch] = [first[first.length - 1], batch[0]];
    if (TEST_DB === "pglite") expect(firstOfBatch.partition).toBe(lastOfFirst.partition);
    if (firstOfBatch.partition === lastOfFirst.partition) {
      expect(firstOfBatch.partition_seq).toBe(lastOfFirst.partition_seq + 1);
      expect(firstOfBatch.prev_hash).toBe(lastOfFirst.hash);
    }
    noProblems((await verify(gw)).problems);

    // A trail that cannot be written at all fails every request (each retried alone, and refused alone).
    await gatewayDb().raw("alter table gateway.audit_log rename to audit_log_offline");
    try {
      const outcomes = await Promise.allSettled(
        ids
          .slice(0, 4)
          .map((requestId) =>
            writeAudit(gatewayDb(), { requestId: `${requestId}-x`, clientId: DEMO_ALL_CLIENT_ID, purpose: DEMO_PURPOSE }, [
              { action: "READ", subject: null, fields: ["Query.citizens"] },
            ]),
          ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected", "rejected"]);
    } finally {
      await gatewayDb().raw("alter table gateway.audit_log_offline rename to audit_log");
    }
    expect(
      await trailOf(
        gw,
        ids.slice(0, 4).map((id) => `${id}-x`),
      ),
    ).toEqual([]);
  });

  it("fails only the request whose rows cannot be written; the others of its batch are committed, in order", async () => {
    const ids = Array.from({ length: 10 }, () => `isolate-${randomUUID()}`);
    // A NUL byte the database refuses (22021), and an id too long for the trail's indexes (54000): random, so
    // compression cannot shrink it under the limit as it would a repeated character.
    const hostile = new Map<number, { subject: string; code: string }>([
      [3, { subject: "0123\u00004567", code: "22021" }],
      [7, { subject: randomBytes(2250).toString("base64url"), code: "54000" }],
    ]);
    expect(hostile.get(7)!.subject).toHaveLength(3000);
    const headsBefore = await headsOf(gw);
    const before = gatewayDb().statements.count;
    const outcomes = await Promise.allSettled(
      ids.map((requestId, i) =>
        writeAudit(gatewayDb(), { requestId, clientId: DEMO_ALL_CLIENT_ID, purpose: DEMO_PURPOSE }, [
          { action: "READ", subject: { kind: "CITIZEN", id: String(300_000_000_000 + i) }, fields: ["Citizen.fullName"] },
          { action: "READ", subject: { kind: "LAND_PARCEL", id: hostile.get(i)?.subject ?? `01-001-${i}` }, fields: ["LandParcel.id"] },
        ]),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(ids.map((_, i) => (hostile.has(i) ? "rejected" : "fulfilled")));
    for (const [i, { code }] of hostile) {
      expect(((outcomes[i] as PromiseRejectedResult).reason as { cause?: { code?: string } }).cause?.code).toBe(code);
    }
    // The first request alone; the nine queued behind it refused together, then written one by one.
    expect(gatewayDb().statements.count - before).toBe(1 + 1 + 9);

    const rows = await trailOf(gw, ids);
    const innocent = ids.filter((_, i) => !hostile.has(i));
    // One statement per request, in batch order: the requests follow each other by seq.
    expect([...new Set(rows.map((r) => r.request_id))]).toEqual(innocent);
    for (const [i, id] of ids.entries()) {
      const mine = rows.filter((r) => r.request_id === id);
      expect(mine.map((r) => r.subject_id)).toEqual(hostile.has(i) ? [] : [String(300_000_000_000 + i), `01-001-${i}`]);
      if (mine.length > 0) expectChainedTogether(mine);
    }
    // The refused batch left no gap: every touched partition's positions continue from its head before, linked.
    for (const [p, list] of byPartitionOf(rows)) {
      const start = headsBefore.get(p)!;
      list.sort((a, b) => a.partition_seq - b.partition_seq);
      expect(
        list.map((r) => r.partition_seq),
        `partition ${p}`,
      ).toEqual(list.map((_, k) => start.last_seq + 1 + k));
      expect(list[0].prev_hash).toBe(start.last_hash);
      for (let k = 1; k < list.length; k++) expect(list[k].prev_hash).toBe(list[k - 1].hash);
    }
    noProblems((await verify(gw)).problems);
  });

  it.skipIf(TEST_DB !== "postgres")(
    "appends beside a transaction holding its partition open, in another partition and without waiting; waits only when all 16 heads are held",
    async () => {
      const db = gatewayDb().db;
      const tag = randomUUID();
      const insert = (tx: Tx, requestId: string) =>
        tx.execute(sql`insert into gateway.audit_log (request_id, client_id, action, subject_kind, subject_id, fields)
                     values (${requestId}, ${DEMO_ALL_CLIENT_ID}, 'READ', 'CITIZEN', '400000000000', '{Citizen.fullName}')`);
      /** A transaction on a connection of its own, kept open (uncommitted) until released: `inside` is what `fn` gave. */
      const holdOpen = <T>(fn: (tx: Tx) => Promise<T>) => {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let entered!: (value: T) => void;
        let failed!: (error: unknown) => void;
        const inside = new Promise<T>((resolve, reject) => ((entered = resolve), (failed = reject)));
        const done = db.transaction(async (tx) => {
          try {
            entered(await fn(tx));
          } catch (error) {
            failed(error);
            throw error;
          }
          await held;
        });
        return { inside, release, done };
      };
      const withLockTimeout = (timeout: string, requestId: string) =>
        db.transaction(async (tx) => {
          await tx.execute(sql.raw(`set local lock_timeout = '${timeout}'`));
          await insert(tx, requestId);
        });

      const holder = holdOpen(async (tx) => {
        await insert(tx, `hold-${tag}`);
        const [row] = rowsOf<{ partition: unknown }>(
          await tx.execute(sql`select partition from gateway.audit_log where request_id = ${`hold-${tag}`}`),
        );
        return Number(row.partition);
      });
      let locker: ReturnType<typeof holdOpen<number[]>> | undefined;
      let patient: Promise<unknown> | undefined;
      try {
        const held = await holder.inside;
        // Another connection's INSERT does not wait for the held head (a lock timeout far below the holder's time
        // would stop it): it commits, in another partition.
        await withLockTimeout("200ms", `beside-${tag}`);
        const [beside] = await trailOf(gw, `beside-${tag}`);
        expectChainedTogether([beside]);
        expect(beside.partition).not.toBe(held);

        // Every other head taken too, in one transaction: no partition is free, so an INSERT waits (for its
        // connection's preferred partition) — until its lock timeout.
        locker = holdOpen(async (tx) =>
          rowsOf<{ partition: unknown }>(
            await tx.execute(sql`select partition from gateway.audit_partition_heads order by partition for update skip locked`),
          ).map((r) => Number(r.partition)),
        );
        const locked = await locker.inside;
        expect(locked).toHaveLength(AUDIT_PARTITIONS - 1);
        expect(locked).not.toContain(held);
        expect(await failure(withLockTimeout("300ms", `blocked-${tag}`))).toMatch(/lock timeout|55P03/);

        // One that may wait longer does wait, and commits once the heads are released.
        patient = withLockTimeout("30s", `patient-${tag}`);
        const waiting = async () =>
          Number(
            (
              await gatewayDb().raw<{ n: number }>(
                "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
              )
            )[0].n,
          );
        for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await waiting(), "the INSERT waits for a head").toBe(1);
        expect(await trailOf(gw, `patient-${tag}`)).toEqual([]);
      } finally {
        locker?.release();
        holder.release();
        // Their outcomes are checked below, by the rows they left.
        await Promise.allSettled([holder.done, locker?.done, patient]);
      }
      const rows = await trailOf(gw, [`hold-${tag}`, `beside-${tag}`, `blocked-${tag}`, `patient-${tag}`]);
      expect(rows.map((r) => r.request_id).sort()).toEqual([`beside-${tag}`, `hold-${tag}`, `patient-${tag}`].sort());
      noProblems((await verify(gw)).problems);
    },
  );
});

describe("audit trail, tampered with", () => {
  let tg: TestGateway;
  /**
   * The partition tampered with: not chosen but found — the one the first round's INSERT landed in. Every round puts
   * one request of PER_ROUND entries there, so it has entries in each of the three checkpoints and PER_ROUND not yet
   * covered.
   */
  let P = -1;
  const PER_ROUND = 3; // entries per request, so per round in P
  /** Entries written in each round, in P and elsewhere. */
  const writtenByRound: number[] = [];
  const legacyHashes: string[] = [];

  const db = () => tg.app.sources.gateway.db;

  async function partitionRows(p: number): Promise<AuditRow[]> {
    return db().select().from(auditLog).where(eq(auditLog.partition, p)).orderBy(asc(auditLog.partitionSeq));
  }

  /** What `fn` tampers with is put back exactly as it was afterwards: partition P, its head, every checkpoint. */
  async function tampered<T>(fn: () => Promise<T>): Promise<T> {
    const rows = await partitionRows(P);
    const [head] = await db().select().from(auditPartitionHeads).where(eq(auditPartitionHeads.partition, P));
    const checkpoints = await db().select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq));
    const ranges = await db().select().from(auditCheckpointRanges);
    try {
      return await fn();
    } finally {
      await bypassingTriggers(tg, async (tx) => {
        await tx.delete(auditLog).where(eq(auditLog.partition, P));
        await tx.insert(auditLog).values(rows);
        await tx.update(auditPartitionHeads).set(head).where(eq(auditPartitionHeads.partition, P));
        await tx.delete(auditCheckpointRanges);
        await tx.delete(auditCheckpoints);
        await tx.insert(auditCheckpoints).values(checkpoints);
        await tx.insert(auditCheckpointRanges).values(ranges);
      });
      noProblems((await verify(tg)).problems);
    }
  }

  const at = (p: number, position: number) => and(eq(auditLog.partition, p), eq(auditLog.partitionSeq, position));

  /** Runs `fn` while a transaction on another connection holds the heads of `partitions` (Postgres only). */
  async function holdingHeads<T>(partitions: number[], fn: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    let failed!: (error: unknown) => void;
    const holding = new Promise<void>((resolve, reject) => ((locked = resolve), (failed = reject)));
    const holder = db().transaction(async (tx) => {
      try {
        const rows = rowsOf<{ partition: unknown }>(
          await tx.execute(
            sql`select partition from gateway.audit_partition_heads where partition = any(${sql.param(partitions)}::smallint[]) for update`,
          ),
        );
        expect(rows).toHaveLength(partitions.length);
        locked();
      } catch (error) {
        failed(error);
        throw error;
      }
      await released;
    });
    try {
      await holding;
      return await fn();
    } finally {
      release();
      await holder;
    }
  }

  /** Partition p's stored checkpoint ranges, in checkpoint order. */
  async function rangesOf(p: number): Promise<{ checkpoint: number; from: number; to: number }[]> {
    const rows = await db().select().from(auditCheckpointRanges).where(eq(auditCheckpointRanges.partition, p));
    return rows.map((r) => ({ checkpoint: r.checkpointSeq, from: r.fromSeq, to: r.toSeq })).sort((a, b) => a.checkpoint - b.checkpoint);
  }

  /** Checkpoint `checkpoint`'s range of partition P. */
  async function rangeOfP(checkpoint: number): Promise<{ checkpoint: number; from: number; to: number }> {
    const range = (await rangesOf(P)).find((r) => r.checkpoint === checkpoint);
    expect(range, `checkpoint ${checkpoint} covers partition ${P}`).toBeDefined();
    return range!;
  }

  /** The first checkpoint whose range of P covers `position`: the one a rewritten past from there contradicts. */
  async function checkpointCovering(position: number): Promise<number> {
    const range = (await rangesOf(P)).find((r) => r.from < position && position <= r.to);
    expect(range, `a checkpoint covers entry ${position} of partition ${P}`).toBeDefined();
    return range!.checkpoint;
  }

  /** The first position of P no checkpoint covers. */
  async function firstUncovered(): Promise<number> {
    const ranges = await rangesOf(P);
    return ranges[ranges.length - 1].to + 1;
  }

  /** Changes entry `position` of partition `p` and recomputes every hash after it, and the head: a consistent chain. */
  async function rewriteFrom(p: number, position: number, change: Partial<AuditRow>) {
    await bypassingTriggers(tg, async (tx) => {
      const rows = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.partition, p), gte(auditLog.partitionSeq, position)))
        .orderBy(asc(auditLog.partitionSeq));
      expect(rows.length).toBeGreaterThan(0);
      let prev = rows[0].prevHash;
      for (const [i, row] of rows.entries()) {
        const next = { ...row, ...(i === 0 ? change : {}), prevHash: prev };
        next.hash = auditEntryHash({
          seq: next.seq,
          partition: next.partition!,
          partitionSeq: next.partitionSeq!,
          recordedAt: next.recordedAt.toISOString(),
          requestId: next.requestId,
          clientCommitment: clientCommitment(next.clientSalt!, next.clientId),
          action: next.action,
          procedureCode: next.procedureCode,
          caseId: next.caseId,
          subjectKind: next.subjectKind,
          subjectId: next.subjectId,
          subjectCommitments: storedCommitments(next.subjectIds, next.subjectSalts),
          fields: next.fields,
          prevHash: next.prevHash,
        });
        await tx.update(auditLog).set(next).where(eq(auditLog.seq, row.seq));
        prev = next.hash;
      }
      await tx.update(auditPartitionHeads).set({ lastHash: prev }).where(eq(auditPartitionHeads.partition, p));
    });
  }

  beforeAll(async () => {
    tg = await startTestGateway({ citizens: 120 });
    const [{ n }] = await tg.app.sources.gateway.raw<{ n: number }>("select count(*)::int as n from gateway.audit_log");
    expect(Number(n), "a fresh gateway has written no audit entries").toBe(0);

    // A closed legacy chain of three entries, as written before partitions (version 1 hashes, the old head).
    await bypassingTriggers(tg, async (tx) => {
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const row = {
          seq,
          recordedAt: new Date(Date.UTC(2025, 0, 1, 8, 0, seq)),
          requestId: `legacy-${seq}`,
          clientId: DEMO_ALL_CLIENT_ID,
          action: "READ",
          procedureCode: DEMO_PURPOSE.procedure,
          caseId: DEMO_PURPOSE.caseId,
          subjectKind: "CITIZEN",
          subjectId: String(500_000_000_000 + seq),
          fields: ["Citizen.fullName"],
          prevHash: prev,
        };
        const hash = legacyEntryHash(row);
        await tx.insert(auditLog).values({ ...row, hash });
        legacyHashes.push(hash);
        prev = hash;
      }
      await tx.update(auditChainHead).set({ lastSeq: 3, lastHash: prev }).where(eq(auditChainHead.id, 1));
      await tx.execute(sql.raw("select setval('gateway.audit_log_seq_seq', 4, false)"));
    });

    // Four rounds, the first three sealed, one checkpoint each. A round is one request of PER_ROUND subjects: one
    // INSERT, so one partition, read back rather than predicted; P is where the first round's landed. On PGlite (one
    // backend) every write lands there. On Postgres the pool hands requests to connections preferring other
    // partitions, so the later rounds are steered by the rule itself: while another transaction holds every other
    // head, P is the only one free. There each round also writes a request while P's head is held, which lands
    // elsewhere: the checkpoints then cover other partitions too.
    let next = 600_000_000_000;
    const write = async (requestId: string) => {
      const subjects = Array.from({ length: PER_ROUND }, () => String(next++));
      await writeAudit(tg.app.sources.gateway, { requestId, clientId: DEMO_ALL_CLIENT_ID, purpose: DEMO_PURPOSE }, [
        // Different fields for each, so that each is an entry of its own (the same fields would make them one group).
        ...subjects.map((id, k) => ({ action: "READ" as const, subject: { kind: "CITIZEN" as const, id }, fields: [`Citizen.field${k}`] })),
      ]);
      const rows = await trailOf(tg, requestId);
      expect(rows.map((r) => r.subject_id)).toEqual(subjects);
      return { partition: expectChainedTogether(rows), rows };
    };
    const others = () => Array.from({ length: AUDIT_PARTITIONS }, (_, p) => p).filter((p) => p !== P);
    for (let round = 0; round < 4; round++) {
      const mine =
        round === 0 || TEST_DB !== "postgres" ? await write(`round-${round}`) : await holdingHeads(others(), () => write(`round-${round}`));
      if (round === 0) P = mine.partition;
      expect(mine.partition, `round ${round}`).toBe(P);
      expect(mine.rows.map((r) => r.partition_seq)).toEqual(mine.rows.map((_, k) => round * PER_ROUND + 1 + k));
      let written = mine.rows.length;
      if (TEST_DB === "postgres") {
        const elsewhere = await holdingHeads([P], () => write(`round-${round}-elsewhere`));
        expect(elsewhere.partition).not.toBe(P);
        written += elsewhere.rows.length;
      }
      writtenByRound.push(written);
      if (round < 3) expect((await tg.app.audit.sealer.sealNow()).map((c) => c.size)).toEqual([written]);
    }
  });
  afterAll(() => tg?.close());

  it("is intact as written: the legacy chain, every partition, every checkpoint", async () => {
    const report = await verify(tg);
    noProblems(report.problems);
    expect(report.legacyEntries).toBe(3);
    expect(report.entries).toBe(writtenByRound.reduce((a, b) => a + b, 0));
    expect(report.checkpoints).toBe(3);
    expect(report.uncovered).toBe(writtenByRound[3]);
    const heads = await headsOf(tg);
    expect(report.heads).toEqual([...heads].map(([partition, h]) => ({ partition, position: h.last_seq, hash: h.last_hash })));
    expect(report.heads.find((h) => h.partition === P)!.position).toBe(4 * PER_ROUND);
    // The heads account for every entry: each partition's chain is as long as its head says.
    expect(report.heads.reduce((n, h) => n + h.position, 0)).toBe(report.entries);
    const [last] = await db().select().from(auditCheckpoints).where(eq(auditCheckpoints.seq, 3));
    expect(report.lastCheckpoint).toEqual({ seq: 3, statementHash: createHash("sha256").update(last.statement).digest("hex") });
    expect(statementHash(last.statement)).toBe(report.lastCheckpoint!.statementHash);
    // Each checkpoint's ranges take up where the previous one stopped, in every partition written to.
    expect((await rangesOf(P)).map((r) => [r.checkpoint, r.from, r.to])).toEqual([
      [1, 0, PER_ROUND],
      [2, PER_ROUND, 2 * PER_ROUND],
      [3, 2 * PER_ROUND, 3 * PER_ROUND],
    ]);
    for (const [p, head] of heads) {
      let covered = 0;
      for (const r of await rangesOf(p)) {
        expect(r.from, `partition ${p}, checkpoint ${r.checkpoint}`).toBe(covered);
        covered = r.to;
      }
      expect(covered, `partition ${p}`).toBeLessThanOrEqual(head.last_seq);
    }
  });

  it("finds an altered legacy entry", async () => {
    const [original] = await db().select().from(auditLog).where(eq(auditLog.seq, 2));
    expect(original.partition).toBeNull();
    expect(original.hash).toBe(legacyHashes[1]);
    try {
      await bypassingTriggers(tg, (tx) => tx.update(auditLog).set({ clientId: "VN:GOV:NOBODY:NONE" }).where(eq(auditLog.seq, 2)));
      const report = await verify(tg);
      expect(report.problems).toEqual([expect.objectContaining({ kind: "ALTERED", partition: null, position: 2 })]);
      expect(report.legacyEntries).toBe(1);
    } finally {
      await bypassingTriggers(tg, (tx) => tx.update(auditLog).set({ clientId: original.clientId }).where(eq(auditLog.seq, 2)));
    }
    noProblems((await verify(tg)).problems);
  });

  it("finds an altered entry, with its partition and position", async () => {
    await tampered(async () => {
      // Someone hides which client read the data; or which fields; or changes the salt.
      for (const change of [{ clientId: "VN:GOV:NOBODY:NONE" }, { fields: ["Citizen.sex"] }, { clientSalt: "0".repeat(32) }]) {
        const [original] = await db().select().from(auditLog).where(at(P, 5));
        await bypassingTriggers(tg, (tx) => tx.update(auditLog).set(change).where(at(P, 5)));
        const report = await verify(tg);
        expect(report.problems, JSON.stringify(change)).toEqual([
          { kind: "ALTERED", partition: P, position: 5, checkpoint: null, message: expect.stringContaining(`entry 5 was altered`) },
        ]);
        await bypassingTriggers(tg, (tx) => tx.update(auditLog).set(original).where(at(P, 5)));
        noProblems((await verify(tg)).problems);
      }
    });
  });

  it("finds a removed entry, and the checkpoint that covered it no longer holds", async () => {
    await tampered(async () => {
      await bypassingTriggers(tg, (tx) => tx.delete(auditLog).where(at(P, 5)));
      const { problems } = await verify(tg);
      expect(problems[0]).toMatchObject({ kind: "REMOVED", partition: P, position: 5 });
      expect(problems[0].message).toContain(`entries 5–5 removed`);
      expect(problems.every((p) => p.partition === P)).toBe(true);
      expect(problems).toContainEqual(
        expect.objectContaining({ kind: "CHECKPOINT_CONTRADICTED", checkpoint: await checkpointCovering(5), partition: P }),
      );
    });
  });

  it("finds a forged entry put in a removed one's place, chained to its predecessor or not", async () => {
    await tampered(async () => {
      const [original] = await db().select().from(auditLog).where(at(P, 5));
      const [predecessor] = await db().select().from(auditLog).where(at(P, 4));
      const forge = (prevHash: string) => {
        const forged = { ...original, requestId: "forged", clientId: "VN:GOV:NOBODY:NONE", prevHash };
        return {
          ...forged,
          hash: auditEntryHash({
            ...forged,
            partition: P,
            partitionSeq: 5,
            recordedAt: forged.recordedAt.toISOString(),
            clientCommitment: clientCommitment(forged.clientSalt!, forged.clientId),
            subjectCommitments: storedCommitments(forged.subjectIds, forged.subjectSalts),
          }),
        };
      };
      // A hash that fits its own content, and the chain before it: the entry after it does not follow it.
      await bypassingTriggers(tg, (tx) => tx.update(auditLog).set(forge(predecessor.hash)).where(at(P, 5)));
      let report = await verify(tg);
      expect(report.problems[0]).toMatchObject({ kind: "INSERTED", partition: P, position: 6 });
      expect(report.problems.every((p) => p.partition === P)).toBe(true);

      // A hash that fits its own content but not the chain: the entry itself does not follow its predecessor.
      await bypassingTriggers(tg, (tx) => tx.update(auditLog).set(forge(GENESIS_HASH)).where(at(P, 5)));
      report = await verify(tg);
      expect(report.problems[0]).toMatchObject({ kind: "INSERTED", partition: P, position: 5 });

      // A hash made up: altered.
      await bypassingTriggers(tg, (tx) =>
        tx
          .update(auditLog)
          .set({ ...forge(predecessor.hash), hash: "f".repeat(64) })
          .where(at(P, 5)),
      );
      report = await verify(tg);
      expect(report.problems[0]).toMatchObject({ kind: "ALTERED", partition: P, position: 5 });
    });
  });

  it("finds the last entry of a partition removed: the head still names it", async () => {
    await tampered(async () => {
      const last = (await headsOf(tg)).get(P)!.last_seq;
      expect(last).toBeGreaterThanOrEqual(await firstUncovered());
      await bypassingTriggers(tg, (tx) => tx.delete(auditLog).where(at(P, last)));
      const { problems } = await verify(tg);
      expect(problems).toEqual([
        { kind: "REMOVED", partition: P, position: last, checkpoint: null, message: expect.stringMatching(/last entries were removed/) },
      ]);
    });
  });

  it("finds a head moved back to hide the last entries", async () => {
    await tampered(async () => {
      const rows = await partitionRows(P);
      const kept = rows[rows.length - 3];
      expect(kept.partitionSeq! + 1).toBeGreaterThanOrEqual(await firstUncovered());
      await bypassingTriggers(tg, async (tx) => {
        await tx.delete(auditLog).where(and(eq(auditLog.partition, P), gte(auditLog.partitionSeq, kept.partitionSeq! + 1)));
        await tx
          .update(auditPartitionHeads)
          .set({ lastSeq: kept.partitionSeq!, lastHash: kept.hash })
          .where(eq(auditPartitionHeads.partition, P));
      });
      // Consistent, and the last two entries were not yet checkpointed: nothing can tell.
      noProblems((await verify(tg)).problems);
      // Past a checkpoint: the checkpoint that covered them says so.
      const end = (await rangeOfP(2)).to;
      const covered = rows.find((r) => r.partitionSeq === end)!;
      await bypassingTriggers(tg, async (tx) => {
        await tx.delete(auditLog).where(and(eq(auditLog.partition, P), gte(auditLog.partitionSeq, covered.partitionSeq! + 1)));
        await tx
          .update(auditPartitionHeads)
          .set({ lastSeq: covered.partitionSeq!, lastHash: covered.hash })
          .where(eq(auditPartitionHeads.partition, P));
      });
      const { problems } = await verify(tg);
      expect(problems).toEqual([
        expect.objectContaining({ kind: "CHECKPOINT_CONTRADICTED", checkpoint: await checkpointCovering(end + 1), partition: P }),
      ]);
    });
  });

  it("finds a head that names a hash its chain does not end with", async () => {
    await tampered(async () => {
      await bypassingTriggers(tg, (tx) =>
        tx
          .update(auditPartitionHeads)
          .set({ lastHash: "e".repeat(64) })
          .where(eq(auditPartitionHeads.partition, P)),
      );
      expect((await verify(tg)).problems).toEqual([expect.objectContaining({ kind: "HEAD_MISMATCH", partition: P })]);
    });
  });

  it.each([
    [1, 2],
    [2, 2],
    [3, PER_ROUND],
  ])(
    "finds a checkpointed past rewritten with fresh hashes (from checkpoint %i's entry %i): the chains pass, that checkpoint contradicts it",
    async (checkpoint, k) => {
      await tampered(async () => {
        const range = await rangeOfP(checkpoint);
        const position = range.from + k;
        expect(position).toBeLessThanOrEqual(range.to);
        expect(await checkpointCovering(position)).toBe(checkpoint);
        await rewriteFrom(P, position, { clientId: "VN:GOV:NOBODY:NONE", fields: ["Query.citizen"] });
        const [rewritten] = await db().select().from(auditLog).where(at(P, position));
        expect(rewritten.clientId).toBe("VN:GOV:NOBODY:NONE");
        const { problems } = await verify(tg);
        expect(problems).toEqual([
          {
            kind: "CHECKPOINT_CONTRADICTED",
            partition: P,
            position: range.from + 1,
            checkpoint,
            message: expect.stringContaining("the past was rewritten"),
          },
        ]);
      });
    },
  );

  it("cannot tell a rewritten past no checkpoint covers yet — the sealer's interval bounds that window", async () => {
    await tampered(async () => {
      await rewriteFrom(P, await firstUncovered(), { clientId: "VN:GOV:NOBODY:NONE" });
      noProblems((await verify(tg)).problems);
    });
  });

  it("is not signed over an entry altered before its checkpoint: the sealer checks every entry's hash first", async () => {
    await tampered(async () => {
      const position = await firstUncovered();
      await bypassingTriggers(tg, (tx) => tx.update(auditLog).set({ clientId: "VN:GOV:NOBODY:NONE" }).where(at(P, position)));
      const before = (await db().select().from(auditCheckpoints)).length;
      await expect(tg.app.audit.sealer.sealNow()).rejects.toThrow(new RegExp(`partition ${P} is broken at position ${position}\\b`));
      expect((await db().select().from(auditCheckpoints)).length).toBe(before);
    });
  });

  it("finds an altered checkpoint: its statement, its signature, its ranges, its coverage", async () => {
    await tampered(async () => {
      const [cp] = await db().select().from(auditCheckpoints).where(eq(auditCheckpoints.seq, 2));
      const ranges = await db().select().from(auditCheckpointRanges).where(eq(auditCheckpointRanges.checkpointSeq, 2));
      const other = ephemeralSigningKey();
      const changes: [string, () => Promise<unknown>][] = [
        [
          "statement's time",
          () =>
            bypassingTriggers(tg, (tx) =>
              tx
                .update(auditCheckpoints)
                .set({ statement: cp.statement.replace(/^time .*$/m, `time ${new Date(0).toISOString()}`) })
                .where(eq(auditCheckpoints.seq, 2)),
            ),
        ],
        [
          "statement's root (and its row's)",
          () =>
            bypassingTriggers(tg, (tx) =>
              tx
                .update(auditCheckpoints)
                .set({ statement: cp.statement.replace(/^root .*$/m, `root ${"0".repeat(64)}`), root: "0".repeat(64) })
                .where(eq(auditCheckpoints.seq, 2)),
            ),
        ],
        [
          "statement unreadable",
          () => bypassingTriggers(tg, (tx) => tx.update(auditCheckpoints).set({ statement: "hello" }).where(eq(auditCheckpoints.seq, 2))),
        ],
        [
          "signature",
          () =>
            bypassingTriggers(tg, (tx) =>
              tx
                .update(auditCheckpoints)
                .set({ signature: other.sign(cp.statement) })
                .where(eq(auditCheckpoints.seq, 2)),
            ),
        ],
        [
          "range",
          () =>
            bypassingTriggers(tg, (tx) =>
              tx
                .update(auditCheckpointRanges)
                .set({ toHash: "d".repeat(64) })
                .where(and(eq(auditCheckpointRanges.checkpointSeq, 2), eq(auditCheckpointRanges.partition, P))),
            ),
        ],
        [
          "coverage",
          () =>
            bypassingTriggers(tg, (tx) =>
              tx
                .update(auditCheckpoints)
                .set({ covered: cp.covered.map((n, p) => (p === P ? n + 1 : n)) })
                .where(eq(auditCheckpoints.seq, 2)),
            ),
        ],
      ];
      for (const [what, change] of changes) {
        await change();
        const { problems } = await verify(tg);
        expect(problems, what).toEqual([expect.objectContaining({ kind: "CHECKPOINT_ALTERED", checkpoint: 2 })]);
        await bypassingTriggers(tg, async (tx) => {
          await tx.update(auditCheckpoints).set(cp).where(eq(auditCheckpoints.seq, 2));
          await tx.delete(auditCheckpointRanges).where(eq(auditCheckpointRanges.checkpointSeq, 2));
          await tx.insert(auditCheckpointRanges).values(ranges);
        });
        noProblems((await verify(tg)).problems);
      }
    });
  });

  it("finds a deleted checkpoint, and one re-signed by another key", async () => {
    for (const seq of [1, 2]) {
      await tampered(async () => {
        await bypassingTriggers(tg, async (tx) => {
          await tx.delete(auditCheckpointRanges).where(eq(auditCheckpointRanges.checkpointSeq, seq));
          await tx.delete(auditCheckpoints).where(eq(auditCheckpoints.seq, seq));
        });
        const { problems } = await verify(tg);
        expect(problems, `checkpoint ${seq} deleted`).toEqual([
          expect.objectContaining({
            kind: "CHECKPOINT_CHAIN",
            checkpoint: seq + 1,
            message: expect.stringContaining(`Checkpoints ${seq}–${seq} were removed`),
          }),
        ]);
      });
    }
    await tampered(async () => {
      // Someone with the database but not the key rewrites checkpoint 3 and signs it with a key of their own.
      const other = ephemeralSigningKey();
      const [cp] = await db().select().from(auditCheckpoints).where(eq(auditCheckpoints.seq, 3));
      await bypassingTriggers(tg, (tx) =>
        tx
          .update(auditCheckpoints)
          .set({ keyId: other.keyId, publicKey: other.publicKeyPem, signature: other.sign(cp.statement) })
          .where(eq(auditCheckpoints.seq, 3)),
      );
      expect((await verify(tg)).problems).toEqual([expect.objectContaining({ kind: "CHECKPOINT_UNKNOWN_KEY", checkpoint: 3 })]);
    });
  });

  it("trusts only the keys it is given", async () => {
    const other = publicKeyFrom(ephemeralSigningKey().publicKeyPem)!;
    const ours = publicKeyFrom(tg.app.audit.key.publicKeyPem)!;
    for (const keys of [[other], []]) {
      const report = await verify(tg, keys);
      expect(report.problems).toEqual([
        expect.objectContaining({
          kind: "CHECKPOINT_UNKNOWN_KEY",
          checkpoint: 1,
          message: expect.stringContaining(tg.app.audit.key.keyId),
        }),
      ]);
      expect(report.checkpoints).toBe(0);
    }
    noProblems((await verify(tg, [other, ours])).problems);
  });
});

describe("audit writer, when the database is not there", () => {
  /** A gateway source whose every INSERT fails with `error`: counts the statements tried. */
  function failingSource(error: (call: number) => Error) {
    let calls = 0;
    const source = { name: "gateway", db: { execute: () => Promise.reject(error(++calls)) } } as unknown as Source;
    return { source, calls: () => calls };
  }
  const write = (source: Source, n: number) =>
    Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        writeAudit(source, { requestId: `down-${i}`, clientId: DEMO_ALL_CLIENT_ID, purpose: DEMO_PURPOSE }, [
          { action: "READ", subject: { kind: "CITIZEN", id: String(i) }, fields: ["Citizen.fullName"] },
        ]),
      ),
    );
  const refused = (call: number) =>
    Object.assign(new Error(`Failed query ${call}`), { cause: Object.assign(new Error("invalid byte sequence"), { code: "22021" }) });

  it("fails the whole batch at once, without retrying each request", async () => {
    const down = failingSource(() => new SourceUnavailableError("gateway", "it cannot be reached (ECONNREFUSED)"));
    const outcomes = await write(down.source, 6);
    expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill("rejected"));
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(SourceUnavailableError);
    expect(down.calls(), "one alone, then one batch").toBe(2);

    // A driver's own connection error, not yet translated by the guard, counts as unavailability too.
    const reset = failingSource(() =>
      Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }),
    );
    await write(reset.source, 6);
    expect(reset.calls()).toBe(2);
  });

  it("retries a refused batch one request at a time, and stops as soon as the database goes away", async () => {
    const refusing = failingSource(refused);
    expect((await write(refusing.source, 6)).map((o) => o.status)).toEqual(Array(6).fill("rejected"));
    expect(refusing.calls(), "one alone, one batch, then each of its five").toBe(1 + 1 + 5);

    // Refused as a batch; the first retry finds the database gone: the other four fail without being tried.
    const vanishing = failingSource((call) =>
      call <= 2 ? refused(call) : new SourceUnavailableError("gateway", "it cannot be reached (ECONNREFUSED)"),
    );
    const outcomes = await write(vanishing.source, 6);
    expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill("rejected"));
    expect(vanishing.calls()).toBe(3);
    for (const o of outcomes.slice(1)) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(SourceUnavailableError);
  });
});
