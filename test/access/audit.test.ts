/**
 * The audit trail: one row set per request listing every subject read, written in one statement; append-only in
 * the database; tampering found by the verifier; and no personal data served when the trail cannot be written.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain, writeAudit } from "../../src/modules/access/audit.js";
import { SourceUnavailableError } from "../../src/platform/db/resilience.js";
import type { Source } from "../../src/platform/db/source.js";
import {
  DEFAULT_DEMO_API_KEY,
  DEMO_ALL_CLIENT_ID,
  DEMO_CIVIL_STATUS_CLIENT_ID,
  DEMO_CIVIL_STATUS_KEY,
  DEMO_PURPOSE,
} from "../../src/modules/access/demo.js";
import { clientHeaders, countStatements, DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 600 });
});
afterAll(() => gw?.close());

const gatewayDb = () => gw.app.sources.gateway;

async function trailOf(requestId: string) {
  return gatewayDb().raw<{
    seq: number;
    client_id: string;
    procedure_code: string;
    case_id: string;
    subject_kind: string | null;
    subject_id: string | null;
    fields: string[];
    action: string;
  }>(
    "select seq, client_id, procedure_code, case_id, subject_kind, subject_id, fields, action from gateway.audit_log where request_id = $1 order by seq",
    [requestId],
  );
}

/** Runs SQL with the triggers off, as only a superuser can: how an attacker with full database access would tamper. */
async function asSuperuserBypassingTriggers(statement: string, params: unknown[] = []) {
  await gatewayDb().db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local session_replication_role = replica"));
    await tx.execute(
      sql.raw(params.reduce<string>((text, value, i) => text.replace(`$${i + 1}`, `'${String(value).replace(/'/g, "''")}'`), statement)),
    );
  });
}

/** Puts a row back exactly as it was, triggers off. */
async function restore(row: Record<string, any>) {
  await gatewayDb().db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local session_replication_role = replica"));
    await tx.execute(sql`insert into gateway.audit_log (seq, recorded_at, request_id, client_id, action, procedure_code, case_id, subject_kind, subject_id, fields, prev_hash, hash)
      values (${row.seq}, ${row.recorded_at}, ${row.request_id}, ${row.client_id}, ${row.action}, ${row.procedure_code}, ${row.case_id},
              ${row.subject_kind}, ${row.subject_id}, ${sql.param(row.fields)}::text[], ${row.prev_hash}, ${row.hash})`);
  });
}

/** The database's own message: drizzle wraps it as the cause of "Failed query: …". */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return `${e.message} | ${e.cause?.message ?? ""}`;
  }
  return "no error";
}

describe("audit trail", () => {
  it("records a nested cross-source read as one row set per request, one row per subject, in one statement", async () => {
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

    const rows = await trailOf(requestId);
    expect(new Set(rows.map((r) => `${r.subject_kind}:${r.subject_id}`))).toEqual(expected);
    expect(rows).toHaveLength(expected.size); // one row per subject
    for (const row of rows) {
      expect(row).toMatchObject({
        client_id: DEMO_ALL_CLIENT_ID,
        procedure_code: DEMO_PURPOSE.procedure,
        case_id: DEMO_PURPOSE.caseId,
        action: "READ",
      });
    }
    // Consecutive sequence numbers: the rows went in together.
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => Number(rows[0].seq) + i));
    // Fields are recorded per subject: the person's own fields, including the sensitive one and nested card numbers.
    const own = rows.find((r) => r.subject_kind === "CITIZEN" && r.subject_id === person)!;
    expect(own.fields).toEqual(expect.arrayContaining(["Citizen.fullName", "Citizen.religion", "IdentityCard.number", "Query.citizen"]));
    expect(own.fields).not.toContain("Enterprise.name");
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
    const rows = await trailOf(requestId);
    expect(rows.map((r) => [r.subject_kind, r.subject_id, r.fields])).toEqual([["CITIZEN", missing[0].id, ["Query.citizen"]]]);

    const publicData = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...DEMO_HEADERS },
      body: JSON.stringify({ query: `{ provinces { code name } }` }),
    });
    expect(await trailOf(publicData.headers.get("x-request-id")!)).toEqual([]);
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

    expect(await trailOf(callerId)).toEqual([]);
    expect((await trailOf(ids[0])).map((r) => [r.client_id, r.subject_id])).toEqual([[DEMO_ALL_CLIENT_ID, person.personal_id]]);
    expect((await trailOf(ids[1])).map((r) => [r.client_id, r.subject_id])).toEqual([[DEMO_CIVIL_STATUS_CLIENT_ID, person.personal_id]]);

    // A malformed caller id is neither used nor echoed.
    const malformed = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "a b;c", ...DEMO_HEADERS },
      body: JSON.stringify({ query: `{ provinces { code } }` }),
    });
    expect(malformed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(malformed.headers.get("x-caller-request-id")).toBeNull();
  });

  it("cannot be updated, deleted or truncated through the gateway's connection", async () => {
    await gw.query(`{ citizens(first: 2) { edges { node { fullName } } } }`);
    const before = await verifyAuditChain(gatewayDb());
    expect(before.problem).toBeNull();
    for (const statement of [
      "update gateway.audit_log set client_id = 'someone-else'",
      "delete from gateway.audit_log",
      "truncate gateway.audit_log",
      "update gateway.audit_chain_head set last_seq = 0",
    ]) {
      await expect(gatewayDb().raw(statement), statement).rejects.toThrow(/append-only/);
    }
    const after = await verifyAuditChain(gatewayDb());
    expect(after).toMatchObject({ rows: before.rows, problem: null });
  });

  it("gives the ndaf_gateway role INSERT and SELECT on the trail only, and no way to switch its triggers off", async () => {
    const db = gatewayDb().db;
    const attempt = (statement: string) =>
      db.transaction(async (tx) => {
        await tx.execute(sql.raw("set local role ndaf_gateway"));
        await tx.execute(sql.raw(statement));
      });
    await attempt(`insert into gateway.audit_log (request_id, client_id, action, fields) values ('role-test', 'role-test', 'READ', '{}')`);
    expect(await failure(attempt("update gateway.audit_log set client_id = 'x' where request_id = 'role-test'"))).toMatch(
      /permission denied/,
    );
    expect(await failure(attempt("delete from gateway.audit_log where request_id = 'role-test'"))).toMatch(/permission denied/);
    expect(await failure(attempt("alter table gateway.audit_log disable trigger audit_log_append_only"))).toMatch(/must be owner/);
    expect(await failure(attempt("update gateway.audit_chain_head set last_seq = 0"))).toMatch(/permission denied/);
    expect((await verifyAuditChain(gatewayDb())).problem).toBeNull();
  });

  it("finds an altered, a removed and an inserted row, and the trail is whole again once restored", async () => {
    for (let i = 0; i < 3; i++) await gw.query(`{ citizens(first: 3, after: null) { edges { node { fullName dateOfBirth } } } }`);
    const intact = await verifyAuditChain(gatewayDb());
    expect(intact.problem).toBeNull();
    expect(intact.rows).toBeGreaterThanOrEqual(9);
    const target = Math.floor(intact.rows / 2);
    const [original] = await gatewayDb().raw<Record<string, any>>("select * from gateway.audit_log where seq = $1", [target]);

    // Altered: someone hides which client read the data.
    await asSuperuserBypassingTriggers("update gateway.audit_log set client_id = 'VN:GOV:NOBODY:NONE' where seq = $1", [target]);
    const altered = await verifyAuditChain(gatewayDb());
    expect(altered.problem).toMatchObject({ kind: "ALTERED", seq: target });
    expect(altered.rows).toBe(target - 1);
    await asSuperuserBypassingTriggers("update gateway.audit_log set client_id = $1 where seq = $2", [original.client_id, target]);
    expect((await verifyAuditChain(gatewayDb())).problem).toBeNull();

    // Removed: a row disappears.
    await asSuperuserBypassingTriggers("delete from gateway.audit_log where seq = $1", [target]);
    const removed = await verifyAuditChain(gatewayDb());
    expect(removed.problem).toMatchObject({ kind: "REMOVED", seq: target });
    expect(removed.problem!.message).toContain(`Row ${target}`);

    // Inserted: a forged row takes its place, with a hash that fits its own content but not the chain.
    const forgedHash = "f".repeat(64);
    await asSuperuserBypassingTriggers(
      `insert into gateway.audit_log (seq, recorded_at, request_id, client_id, action, fields, prev_hash, hash)
       values ($1, now(), 'forged', 'VN:GOV:NOBODY:NONE', 'READ', '{}', $2, $3)`,
      [target, "0".repeat(64), forgedHash],
    );
    const inserted = await verifyAuditChain(gatewayDb());
    expect(inserted.problem?.seq).toBe(target);
    expect(["INSERTED", "ALTERED"]).toContain(inserted.problem?.kind);

    // Restore the original row: the chain verifies again.
    await asSuperuserBypassingTriggers("delete from gateway.audit_log where seq = $1", [target]);
    await restore(original);
    expect((await verifyAuditChain(gatewayDb())).problem).toBeNull();

    // Removed at the end: the head still names the last row.
    const last = intact.rows;
    const [tail] = await gatewayDb().raw<Record<string, any>>(
      "select * from gateway.audit_log where seq = (select max(seq) from gateway.audit_log)",
    );
    await asSuperuserBypassingTriggers("delete from gateway.audit_log where seq = $1", [Number(tail.seq)]);
    const truncated = await verifyAuditChain(gatewayDb());
    expect(truncated.problem?.kind).toBe("REMOVED");
    expect(truncated.problem!.message).toMatch(/last rows were removed/);
    expect(last).toBeGreaterThan(0);
    // Whole again for the tests that follow.
    await restore(tail);
    expect((await verifyAuditChain(gatewayDb())).problem).toBeNull();
  });

  it("withholds personal data when the trail cannot be written (fail closed), and recovers", async () => {
    const query = `{ citizens(first: 1) { edges { node { personalId fullName } } } }`;
    await gatewayDb().raw("alter table gateway.audit_log rename to audit_log_offline");
    try {
      const refused = await gw.query(query);
      expect(refused.status).toBe(503);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors![0].extensions.code).toBe("AUDIT_UNAVAILABLE");
      expect(JSON.stringify(refused.body)).not.toMatch(/\d{12}/); // no personal id leaks
      // Public reference data needs no trail and is still served.
      const publicData = await gw.query(`{ provinces { code } }`);
      expect(publicData.status).toBe(200);
      expect(publicData.body.data.provinces).toHaveLength(34);
    } finally {
      await gatewayDb().raw("alter table gateway.audit_log_offline rename to audit_log");
    }
    const recovered = await gw.query(query);
    expect(recovered.status).toBe(200);
    expect(recovered.body.data.citizens.edges[0].node.personalId).toMatch(/^\d{12}$/);
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
    const rows = await gatewayDb().raw<{ request_id: string; seq: number; prev_hash: string; hash: string }>(
      "select request_id, seq, prev_hash, hash from gateway.audit_log where request_id = any($1::text[]) order by seq",
      [ids],
    );
    expect(rows.map((r) => r.request_id)).toEqual(ids.flatMap((id) => [id, id]));
    // Consecutive and chained: each row's prev_hash is the previous row's hash.
    expect(rows.every((r, i) => i === 0 || (Number(r.seq) === Number(rows[i - 1].seq) + 1 && r.prev_hash === rows[i - 1].hash))).toBe(true);

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
  });

  it("fails only the request whose rows cannot be written; the others of its batch are committed, in order", async () => {
    const ids = Array.from({ length: 10 }, () => `isolate-${randomUUID()}`);
    // A NUL byte the database refuses (22021), and an id too long for the trail's btree index (54000): random, so
    // compression cannot shrink it under the limit as it would a repeated character.
    const hostile = new Map<number, { subject: string; code: string }>([
      [3, { subject: "0123\u00004567", code: "22021" }],
      [7, { subject: randomBytes(2250).toString("base64url"), code: "54000" }],
    ]);
    expect(hostile.get(7)!.subject).toHaveLength(3000);
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

    const rows = await gatewayDb().raw<{ request_id: string; subject_id: string; seq: number; prev_hash: string; hash: string }>(
      "select request_id, subject_id, seq, prev_hash, hash from gateway.audit_log where request_id = any($1::text[]) order by seq",
      [ids],
    );
    const innocent = ids.filter((_, i) => !hostile.has(i));
    expect(rows.map((r) => r.request_id)).toEqual(innocent.flatMap((id) => [id, id]));
    expect(rows.map((r) => r.subject_id)).toEqual(
      ids.flatMap((_, i) => (hostile.has(i) ? [] : [String(300_000_000_000 + i), `01-001-${i}`])),
    );
    expect(rows.every((r, i) => i === 0 || (Number(r.seq) === Number(rows[i - 1].seq) + 1 && r.prev_hash === rows[i - 1].hash))).toBe(true);
    expect((await verifyAuditChain(gatewayDb())).problem).toBeNull();
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
