/**
 * Registered clients and their grants (X-Road's "member + subsystem" with access rights): who may ask, for which
 * sources, field classes and procedures. API keys are shown once at registration and stored only as a SHA-256 hash.
 */
import { hash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database, Listening, Source } from "../../platform/db/source.js";
import { GatewayError } from "../../platform/errors.js";
import { isUnavailability, SourceUnavailableError } from "../../platform/db/resilience.js";
import { DATA_SOURCE_NAMES, type DataSourceName } from "../../platform/config.js";
import type { EnumValue } from "../../shared/enums.js";
import { branchCodeProblem, taxCodeProblem } from "../../shared/codes.js";
import type { DataClass } from "./directive.js";
import { clientGrants, clients, type ClientRow, type GrantRow } from "./tables.js";
import { say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

export const ClientKind = { SYSTEM: "SYSTEM", CITIZEN: "CITIZEN", ORGANIZATION: "ORGANIZATION" } as const;
export type ClientKind = EnumValue<typeof ClientKind>;
export const DATA_CLASSES: readonly DataClass[] = ["basic", "sensitive"];
/** Any procedure, in a grant's procedure list. */
export const ANY_PROCEDURE = "*";

export const SYSTEM_CLIENT_ID = /^VN:GOV:[A-Za-z0-9][A-Za-z0-9.-]{0,39}:[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const CITIZEN_CLIENT_ID = /^VN:CIT:\d{12}$/;
/** A private-sector organisation's system (a bank, an insurer, a telecom): its tax code (enterprise code) and system. */
export const ORGANIZATION_CLIENT_ID = /^VN:ORG:(\d{10}(?:-\d{3})?):[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** What an organisation client's id says wrong (its tax code's check digit included), or null. */
export function organizationClientIdProblem(id: string): string | null {
  const match = ORGANIZATION_CLIENT_ID.exec(id);
  if (!match) return say(M.organizationClientId, { id });
  const taxCode = match[1]!;
  const problem = taxCode.includes("-") ? branchCodeProblem(taxCode) : taxCodeProblem(taxCode);
  return problem ? `${id}: ${problem}` : null;
}

/**
 * Duties a client holds beyond reading (agency systems only): `owner:<source>` is the source's owner, who answers
 * its data-correction requests; `oversight` reads every client's operational records (Decree 278/2025).
 */
export const CLIENT_ROLES = [...DATA_SOURCE_NAMES.map((s) => `owner:${s}` as const), "oversight"] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];
export const ownerRole = (source: DataSourceName): ClientRole => `owner:${source}`;

export function validateRoles(kind: ClientKind, roles: readonly string[]): ClientRole[] {
  for (const role of roles)
    if (!(CLIENT_ROLES as readonly string[]).includes(role))
      throw new GatewayError("INVALID_ARGUMENT", say(M.unknownRole, { role, roles: CLIENT_ROLES.join(", ") }));
  if (roles.length > 0 && kind !== "SYSTEM") throw new GatewayError("INVALID_ARGUMENT", say(M.rolesOnlyForAgencies));
  return [...new Set(roles)] as ClientRole[];
}

/**
 * A client id as it may be shown to someone other than the gateway's operator: a citizen client's id is their
 * personal id, so it is shown as `VN:CIT:[citizen]` (to a stale key's holder, or in another person's access log).
 */
export function shownClientId(id: string): string {
  return CITIZEN_CLIENT_ID.test(id) ? "VN:CIT:[citizen]" : id;
}
export const PROCEDURE_CODE = /^\d\.\d{6}$/;

export interface Grant {
  sources: DataSourceName[];
  classes: DataClass[];
  procedures: string[];
}

export interface Client {
  id: string;
  name: string;
  kind: ClientKind;
  /** For a citizen client: the person it is authenticated as. */
  personalId: string | null;
  keyPrefix: string;
  rateLimitPerMinute: number | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  demo: boolean;
  /** Only trusted documents (sent as `documentId`) are run for this client; query text is refused. */
  trustedDocumentsOnly: boolean;
  grants: Grant[];
  roles: ClientRole[];
}

/**
 * A client known only by who it is and what it may read, holding no key of this process: one declared in a
 * conformance check's client file, or forwarded by the federation router to a subgraph. Keys, limits and expiry
 * are checked where the key is (the registry, the router), so here they are none.
 */
export function keylessClient(
  fields: Pick<Client, "id" | "name" | "kind" | "personalId" | "grants"> & Partial<Pick<Client, "roles">>,
): Client {
  return {
    roles: [],
    ...fields,
    keyPrefix: "",
    rateLimitPerMinute: null,
    expiresAt: null,
    revokedAt: null,
    demo: false,
    // Trusted documents are enforced where the request comes in (the gateway's endpoint, the router).
    trustedDocumentsOnly: false,
  };
}

export function generateApiKey(): string {
  return `ndaf_${randomBytes(32).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return hash("sha256", key, "hex");
}

function toClient(row: ClientRow, grants: GrantRow[]): Client {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ClientKind,
    personalId: row.personalId,
    keyPrefix: row.keyPrefix,
    rateLimitPerMinute: row.rateLimitPerMinute,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    demo: row.demo,
    trustedDocumentsOnly: row.trustedDocumentsOnly,
    roles: row.roles as ClientRole[],
    grants: grants.map((g) => ({ sources: g.sources as DataSourceName[], classes: g.classes as DataClass[], procedures: g.procedures })),
  };
}

export interface RegisterClient {
  id: string;
  name: string;
  kind?: ClientKind;
  personalId?: string | null;
  expiresAt?: Date | null;
  rateLimitPerMinute?: number | null;
  demo?: boolean;
  /** A chosen key (demo clients only); otherwise a random one is generated. */
  key?: string;
  grants?: Grant[];
  trustedDocumentsOnly?: boolean;
  roles?: readonly string[];
}

/** The column is a 32-bit integer. */
export const MAX_RATE_LIMIT_PER_MINUTE = 2_147_483_647;

/** A client's own limit: a positive whole number of requests a minute, or null for the gateway's default. */
export function validateRateLimit(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_RATE_LIMIT_PER_MINUTE) {
    throw new GatewayError("INVALID_ARGUMENT", say(M.rateLimit, { max: MAX_RATE_LIMIT_PER_MINUTE, value }));
  }
  return value;
}

export function validateGrant(grant: Grant): Grant {
  const fail = (message: string) => {
    throw new GatewayError("INVALID_ARGUMENT", message);
  };
  if (grant.sources.length === 0) fail(say(M.grantNoSource));
  for (const s of grant.sources)
    if (!DATA_SOURCE_NAMES.includes(s)) fail(say(M.unknownSource, { source: s, sources: DATA_SOURCE_NAMES.join(", ") }));
  if (grant.classes.length === 0) fail(say(M.grantNoClass));
  for (const c of grant.classes)
    if (!DATA_CLASSES.includes(c)) fail(say(M.unknownClass, { dataClass: c, classes: DATA_CLASSES.join(", ") }));
  if (grant.procedures.length === 0) fail(say(M.grantNoProcedure, { any: ANY_PROCEDURE }));
  for (const p of grant.procedures) {
    if (p !== ANY_PROCEDURE && !PROCEDURE_CODE.test(p)) fail(say(M.notProcedureCode, { code: p }));
  }
  return { sources: [...new Set(grant.sources)], classes: [...new Set(grant.classes)], procedures: [...new Set(grant.procedures)] };
}

/**
 * A grant as a client of this kind may hold it: an organisation reads under each consent's purpose, never a
 * procedure's, so its grants serve any procedure (`*`) and bound only which sources and classes a consent can open.
 */
export function validateGrantFor(kind: ClientKind, grant: Grant): Grant {
  const valid = validateGrant(grant);
  if (kind === "ORGANIZATION" && (valid.procedures.length !== 1 || valid.procedures[0] !== ANY_PROCEDURE)) {
    throw new GatewayError("INVALID_ARGUMENT", say(M.organizationGrantProcedures, { any: ANY_PROCEDURE }));
  }
  return valid;
}

/** The channel every change to a client is announced on, in the gateway database; the payload is the client's id. */
export const CLIENT_CHANGES_CHANNEL = "ndaf_clients";
/** The payload that names every client (the demo clients removed at once). */
const EVERY_CLIENT = "*";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Sent in the change's own transaction: Postgres delivers it when, and only if, that transaction commits. */
async function announce(tx: Transaction, clientId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${CLIENT_CHANGES_CHANNEL}, ${clientId})`);
}

/**
 * Clients from the gateway database, with a cache so a request costs no lookup in the common case. Every change
 * (registration, grant, revocation, rotation, trusted-documents flag, demo clients removed) is announced with
 * `pg_notify` in its transaction, and each gateway process that follows the channel drops what it cached of that
 * client when the change commits: a revoked key is refused by every replica within milliseconds, whichever process
 * (the CLI included) made the change. While a process is not listening, it does not use its cache.
 */
export class ClientStore {
  private readonly cache = new Map<string, { client: Client | null; at: number }>();
  /** Bumped by every change heard: a lookup that began before a change is not cached after it. */
  private version = 0;
  private changes: Listening | undefined;

  constructor(
    private readonly db: Database,
    /** How long an authenticated key is trusted before it is looked up again: a safety net behind the notifications. */
    private readonly cacheMs = 10_000,
  ) {}

  /**
   * Follows the changes of every process (LISTEN on CLIENT_CHANGES_CHANNEL): each one drops that client from the
   * cache; each (re)start of listening drops everything, since changes may have been missed meanwhile.
   */
  async follow(source: Pick<Source, "listen">): Promise<Listening> {
    this.changes = await source.listen(
      CLIENT_CHANGES_CHANNEL,
      (clientId) => this.forget(clientId),
      () => this.forget(EVERY_CLIENT),
    );
    return this.changes;
  }

  /** Drops what is cached of a client (EVERY_CLIENT: of all). */
  private forget(clientId: string): void {
    this.version++;
    if (clientId === EVERY_CLIENT) this.cache.clear();
    else for (const [hash, entry] of this.cache) if (entry.client?.id === clientId) this.cache.delete(hash);
  }

  /** A store that follows changes trusts its cache only while it hears them; one that does not, for cacheMs. */
  private get cacheTrusted(): boolean {
    return this.changes === undefined || this.changes.active;
  }

  /** The client a bearer key belongs to; a typed error for an unknown, revoked or expired key. */
  async authenticate(key: string, now = new Date()): Promise<Client> {
    const hash = hashApiKey(key);
    const cached = this.cache.get(hash);
    let entry = this.cacheTrusted ? cached : undefined;
    if (!entry || now.getTime() - entry.at > this.cacheMs) {
      const version = this.version;
      try {
        entry = { client: await this.findByHash(hash), at: now.getTime() };
        // Only known keys are cached: unknown ones cannot fill memory (and their callers are rate-limited by address).
        if (entry.client && version === this.version) this.cache.set(hash, entry);
        else this.cache.delete(hash);
      } catch (error) {
        // The gateway database itself is unreachable (the LISTEN with it is then down too): no change to a client
        // can commit there meanwhile, so a key verified within the cache's time is still what the database says.
        // Personal data stays withheld all the same: its audit trail cannot be written either.
        const unreachable = error instanceof SourceUnavailableError || isUnavailability(error);
        if (!(unreachable && cached && now.getTime() - cached.at <= this.cacheMs)) throw error;
        entry = cached;
      }
    }
    const client = entry.client;
    if (!client) throw new GatewayError("INVALID_CREDENTIAL", say(M.invalidCredential));
    if (client.revokedAt && client.revokedAt <= now) {
      throw new GatewayError(
        "CREDENTIAL_REVOKED",
        say(M.credentialRevoked, { clientId: shownClientId(client.id), at: client.revokedAt.toISOString() }),
        { clientId: shownClientId(client.id) },
      );
    }
    if (client.expiresAt && client.expiresAt <= now) {
      throw new GatewayError(
        "CREDENTIAL_EXPIRED",
        say(M.credentialExpired, { clientId: shownClientId(client.id), at: client.expiresAt.toISOString() }),
        {
          clientId: shownClientId(client.id),
        },
      );
    }
    return client;
  }

  private async findByHash(hash: string): Promise<Client | null> {
    const [row] = await this.db.select().from(clients).where(eq(clients.keyHash, hash));
    if (!row) return null;
    const grants = await this.db.select().from(clientGrants).where(eq(clientGrants.clientId, row.id)).orderBy(clientGrants.id);
    return toClient(row, grants);
  }

  async get(id: string): Promise<Client | null> {
    const [row] = await this.db.select().from(clients).where(eq(clients.id, id));
    if (!row) return null;
    const grants = await this.db.select().from(clientGrants).where(eq(clientGrants.clientId, id)).orderBy(clientGrants.id);
    return toClient(row, grants);
  }

  async list(): Promise<Client[]> {
    const rows = await this.db.select().from(clients).orderBy(clients.id);
    const grants = await this.db.select().from(clientGrants).orderBy(clientGrants.id);
    return rows.map((row) =>
      toClient(
        row,
        grants.filter((g) => g.clientId === row.id),
      ),
    );
  }

  /** Registers a client (or replaces a demo client of the same id); returns the key, which is not stored. */
  async register(input: RegisterClient): Promise<{ client: Client; key: string }> {
    const kind = input.kind ?? "SYSTEM";
    if (kind === "SYSTEM" && !SYSTEM_CLIENT_ID.test(input.id)) {
      throw new GatewayError("INVALID_ARGUMENT", say(M.systemClientId, { id: input.id }));
    }
    if (kind === "CITIZEN" && (!input.personalId || input.id !== `VN:CIT:${input.personalId}` || !CITIZEN_CLIENT_ID.test(input.id))) {
      throw new GatewayError("INVALID_ARGUMENT", say(M.citizenClientId));
    }
    if (kind === "ORGANIZATION") {
      const problem = organizationClientIdProblem(input.id);
      if (problem) throw new GatewayError("INVALID_ARGUMENT", problem);
    }
    const roles = validateRoles(kind, input.roles ?? []);
    if (!input.name.trim()) throw new GatewayError("INVALID_ARGUMENT", say(M.clientNeedsName));
    const rateLimitPerMinute = validateRateLimit(input.rateLimitPerMinute);
    const grants = (input.grants ?? []).map((g) => validateGrantFor(kind, g));
    const key = input.key ?? generateApiKey();
    const row = {
      id: input.id,
      name: input.name,
      kind,
      personalId: input.personalId ?? null,
      keyHash: hashApiKey(key),
      keyPrefix: key.slice(0, 9),
      rateLimitPerMinute,
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
      demo: input.demo ?? false,
      trustedDocumentsOnly: input.trustedDocumentsOnly ?? false,
      roles,
    };
    await this.db.transaction(async (tx) => {
      if (row.demo) await tx.delete(clients).where(eq(clients.id, row.id));
      // Said plainly rather than as the primary key's violation (whose statement carries the new key's hash).
      else if ((await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, row.id))).length > 0) {
        throw new GatewayError("INVALID_ARGUMENT", say(M.clientAlreadyRegistered, { clientId: row.id }));
      }
      await tx.insert(clients).values(row);
      if (grants.length > 0) await tx.insert(clientGrants).values(grants.map((g) => ({ clientId: row.id, ...g })));
      await announce(tx, row.id);
    });
    this.forget(row.id);
    return { client: (await this.get(row.id))!, key };
  }

  async addGrant(clientId: string, grant: Grant): Promise<Client> {
    const client = await this.get(clientId);
    if (!client) throw new GatewayError("INVALID_ARGUMENT", say(M.noSuchClient, { clientId }));
    const valid = validateGrantFor(client.kind, grant);
    await this.change(clientId, (tx) => tx.insert(clientGrants).values({ clientId, ...valid }));
    return (await this.get(clientId))!;
  }

  /** Replaces the client's roles (an agency system's only). */
  async setRoles(clientId: string, roles: readonly string[]): Promise<Client> {
    const client = await this.get(clientId);
    if (!client) throw new GatewayError("INVALID_ARGUMENT", say(M.noSuchClient, { clientId }));
    const valid = validateRoles(client.kind, roles);
    await this.change(clientId, (tx) => tx.update(clients).set({ roles: valid }).where(eq(clients.id, clientId)));
    return (await this.get(clientId))!;
  }

  /** Whether the client may send query text, or only the ids of trusted documents. */
  async setTrustedDocumentsOnly(clientId: string, only: boolean): Promise<Client> {
    await this.requireClient(clientId);
    await this.change(clientId, (tx) => tx.update(clients).set({ trustedDocumentsOnly: only }).where(eq(clients.id, clientId)));
    return (await this.get(clientId))!;
  }

  async revoke(clientId: string, at = new Date()): Promise<Client> {
    await this.requireClient(clientId);
    await this.change(clientId, (tx) => tx.update(clients).set({ revokedAt: at }).where(eq(clients.id, clientId)));
    return (await this.get(clientId))!;
  }

  /** A new key for the client; the old one stops working at once. A revoked client stays revoked. */
  async rotateKey(clientId: string): Promise<string> {
    await this.requireClient(clientId);
    const key = generateApiKey();
    await this.change(clientId, (tx) =>
      tx
        .update(clients)
        .set({ keyHash: hashApiKey(key), keyPrefix: key.slice(0, 9) })
        .where(eq(clients.id, clientId)),
    );
    return key;
  }

  async countDemoClients(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(clients)
      .where(eq(clients.demo, true));
    return Number(row?.n ?? 0);
  }

  async removeDemoClients(): Promise<void> {
    await this.change(EVERY_CLIENT, (tx) => tx.delete(clients).where(eq(clients.demo, true)));
  }

  /** One change to a client, announced in its transaction; this process forgets the client at once. */
  private async change(clientId: string, write: (tx: Transaction) => Promise<unknown>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await write(tx);
      await announce(tx, clientId);
    });
    this.forget(clientId);
  }

  private async requireClient(id: string): Promise<void> {
    if (!(await this.get(id))) throw new GatewayError("INVALID_ARGUMENT", say(M.noSuchClient, { clientId: id }));
  }
}
