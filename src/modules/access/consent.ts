/**
 * Consents (Decree 13/2023/NĐ-CP, art. 9–12): an organisation client (VN:ORG:<tax code>:<system>) reads a citizen's
 * data only under that citizen's consent, field by field. The store keeps requests and answers; the gate, one per
 * request of an organisation client, loads the consents in force of every person the request reads (one statement
 * per batch) and says which consent covers each field read, or refuses it with CONSENT_REQUIRED.
 */
import DataLoader from "dataloader";
import { and, count, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { anyOf } from "../../shared/loaders.js";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database } from "../../platform/db/source.js";
import { GatewayError } from "../../platform/errors.js";
import type { Client } from "./clients.js";
import { clients, consents, type ConsentRow } from "./tables.js";
import { type Message, say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

export const CONSENT_STATUSES = ["REQUESTED", "APPROVED", "REJECTED", "REVOKED"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** A consent is asked for at most this long (a year and a day): the citizen is asked again after it. */
export const MAX_CONSENT_DAYS = 366;
/** Fields one consent may name: every `@access` field of a citizen's records fits. */
export const MAX_CONSENT_FIELDS = 100;
export const MAX_CONSENT_PURPOSE_LENGTH = 200;
/** Requests of one client waiting on one citizen's answer: more are refused, so no client can flood a person's list. */
export const MAX_PENDING_PER_PERSON = 3;

export interface ConsentInForce {
  id: string;
  fields: ReadonlySet<string>;
  validUntil: Date;
}

/** A consent as its citizen or its client sees it, with the client's registered name. */
export type ConsentView = ConsentRow & { clientName: string };

export interface ConsentRequestInput {
  personalId: string;
  fields: string[];
  purpose: string;
  validUntil: Date;
}

/** Who lists consents: a citizen (consents about them) or an organisation client (consents it asked for). */
export type ConsentOwner = { personalId: string } | { clientId: string };

const notFound = () => new GatewayError("RECORD_NOT_FOUND", say(M.consentNotFound), { argument: "id" });

/** A consent's state as its reader calls it. */
const STATUS_WORDS: Record<ConsentStatus | "EXPIRED", Message> = {
  REQUESTED: M.statusRequested,
  APPROVED: M.statusApproved,
  REJECTED: M.statusRejected,
  REVOKED: M.statusRevoked,
  EXPIRED: M.statusExpired,
};

export class ConsentStore {
  constructor(private readonly db: Database) {}

  /** Each person's consents in force for the client, in one statement (newest first). */
  async inForce(clientId: string, personalIds: readonly string[]): Promise<ConsentInForce[][]> {
    const rows = await this.db
      .select({ id: consents.id, personalId: consents.personalId, fields: consents.approvedFields, validUntil: consents.validUntil })
      .from(consents)
      .where(
        and(
          eq(consents.clientId, clientId),
          anyOf(consents.personalId, personalIds),
          eq(consents.status, "APPROVED"),
          sql`${consents.validUntil} > now()`,
        ),
      )
      .orderBy(desc(consents.createdAt));
    const byPerson = new Map<string, ConsentInForce[]>();
    for (const row of rows) {
      const list = byPerson.get(row.personalId) ?? [];
      list.push({ id: row.id, fields: new Set(row.fields ?? []), validUntil: row.validUntil });
      byPerson.set(row.personalId, list);
    }
    return personalIds.map((id) => byPerson.get(id) ?? []);
  }

  /**
   * Files a request. It is stored whether or not the person exists, so that asking tells the client nothing about
   * anyone; a client may keep at most MAX_PENDING_PER_PERSON requests waiting on one person.
   */
  async request(client: Client, input: ConsentRequestInput): Promise<ConsentView> {
    return this.db.transaction(async (tx) => {
      // One request at a time per client and person, so the bound holds under concurrent requests.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`consent:${client.id}:${input.personalId}`}, 0))`);
      const [{ pending }] = await tx
        .select({ pending: count() })
        .from(consents)
        .where(
          and(
            eq(consents.clientId, client.id),
            eq(consents.personalId, input.personalId),
            eq(consents.status, "REQUESTED"),
            sql`${consents.validUntil} > now()`,
          ),
        );
      if (pending >= MAX_PENDING_PER_PERSON) {
        throw new GatewayError(
          "INVALID_ARGUMENT",
          say(M.tooManyPendingConsents, { clientId: client.id, pending, max: MAX_PENDING_PER_PERSON }),
          { argument: "input.personalId" },
        );
      }
      const [row] = await tx
        .insert(consents)
        .values({
          clientId: client.id,
          personalId: input.personalId,
          purpose: input.purpose,
          requestedFields: input.fields,
          validUntil: input.validUntil,
        })
        .returning();
      return { ...row, clientName: client.name };
    });
  }

  /** A consent its citizen or client may see; RECORD_NOT_FOUND otherwise (a stranger's id says nothing). */
  async find(owner: ConsentOwner, id: string): Promise<ConsentView> {
    if (!UUID.test(id)) throw notFound();
    const [row] = await this.select().where(and(eq(consents.id, id), ownedBy(owner)));
    if (!row) throw notFound();
    return row;
  }

  /** The citizen approves all the fields asked for, or some of them: REQUESTED → APPROVED while not expired. */
  async approve(personalId: string, id: string, fields: string[] | undefined): Promise<ConsentView> {
    const current = await this.find({ personalId }, id);
    const approved = fields === undefined ? current.requestedFields : [...new Set(fields)];
    const extra = approved.filter((f) => !current.requestedFields.includes(f));
    if (approved.length === 0 || extra.length > 0) {
      throw new GatewayError(
        "INVALID_ARGUMENT",
        approved.length === 0
          ? "Approve at least one of the fields asked for, or reject the request."
          : `Only fields the request asked for can be approved; it did not ask for ${extra.slice(0, 3).join(", ")}${extra.length > 3 ? ", …" : ""}.`,
        { argument: "fields" },
      );
    }
    return this.transition(current, "REQUESTED", { status: "APPROVED", approvedFields: approved.sort(), answeredAt: sql`now()` });
  }

  async reject(personalId: string, id: string): Promise<ConsentView> {
    return this.transition(await this.find({ personalId }, id), "REQUESTED", { status: "REJECTED", answeredAt: sql`now()` });
  }

  /** APPROVED → REVOKED, effective for every read that starts after it. */
  async revoke(personalId: string, id: string): Promise<ConsentView> {
    return this.transition(await this.find({ personalId }, id), "APPROVED", { status: "REVOKED", revokedAt: sql`now()` });
  }

  /** One conditional UPDATE: of two concurrent answers, one wins and the other meets RECORD_NOT_OPEN. */
  private async transition(current: ConsentView, from: ConsentStatus, set: PgUpdateSetSource<typeof consents>): Promise<ConsentView> {
    const rows = await this.db
      .update(consents)
      .set(set)
      .where(and(eq(consents.id, current.id), eq(consents.status, from), sql`${consents.validUntil} > now()`))
      .returning();
    if (rows.length === 0) {
      const now = await this.find({ personalId: current.personalId }, current.id);
      const status = shownStatus(now);
      throw new GatewayError(
        "RECORD_NOT_OPEN",
        say(set.status === "REVOKED" ? M.consentNotOpenToRevoke : M.consentNotOpenToAnswer, {
          status: say(STATUS_WORDS[status]),
          from: say(STATUS_WORDS[from]),
        }),
        { status },
      );
    }
    return { ...rows[0], clientName: current.clientName };
  }

  /** Keyset pages (newest first) of the consents a citizen or client may see, optionally only those waiting for an answer. */
  page(owner: ConsentOwner, filter: { status?: ConsentStatus | "EXPIRED"; pending?: boolean }) {
    const conditions = and(ownedBy(owner), statusCondition(filter.pending ? "REQUESTED" : filter.status));
    return {
      fetch: async (afterKey: string | null, limit: number): Promise<ConsentView[]> => {
        const after = afterKey === null ? null : parseKey(afterKey);
        return this.select()
          .where(
            and(
              conditions,
              after ? or(lt(consents.createdAt, after.at), and(eq(consents.createdAt, after.at), lt(consents.id, after.id))) : undefined,
            ),
          )
          .orderBy(desc(consents.createdAt), desc(consents.id))
          .limit(limit);
      },
      count: async () => (await this.db.select({ n: count() }).from(consents).where(conditions))[0].n,
    };
  }

  private select() {
    return this.db
      .select({
        id: consents.id,
        clientId: consents.clientId,
        personalId: consents.personalId,
        purpose: consents.purpose,
        requestedFields: consents.requestedFields,
        approvedFields: consents.approvedFields,
        validUntil: consents.validUntil,
        status: consents.status,
        createdAt: consents.createdAt,
        answeredAt: consents.answeredAt,
        revokedAt: consents.revokedAt,
        clientName: clients.name,
      })
      .from(consents)
      .innerJoin(clients, eq(clients.id, consents.clientId))
      .$dynamic();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const consentKey = (row: Pick<ConsentRow, "createdAt" | "id">): string => `${row.createdAt.getTime()}|${row.id}`;

function parseKey(key: string): { at: Date; id: string } {
  const [ms, id] = key.split("|");
  const at = new Date(Number(ms));
  if (!id || !UUID.test(id) || Number.isNaN(at.getTime())) throw new GatewayError("INVALID_CURSOR", say(M.consentCursor));
  return { at, id };
}

function ownedBy(owner: ConsentOwner) {
  return "personalId" in owner ? eq(consents.personalId, owner.personalId) : eq(consents.clientId, owner.clientId);
}

/** A stored status, or EXPIRED for a request or approval whose date has passed. */
function statusCondition(status: ConsentStatus | "EXPIRED" | undefined) {
  if (!status) return undefined;
  if (status === "EXPIRED") return and(inArray(consents.status, ["REQUESTED", "APPROVED"]), sql`${consents.validUntil} <= now()`);
  if (status === "REQUESTED" || status === "APPROVED") return and(eq(consents.status, status), sql`${consents.validUntil} > now()`);
  return eq(consents.status, status);
}

/** What a person reads as the consent's state: a request or approval past its date is EXPIRED. */
export function shownStatus(row: Pick<ConsentRow, "status" | "validUntil">, now = new Date()): ConsentStatus | "EXPIRED" {
  const status = row.status as ConsentStatus;
  return (status === "REQUESTED" || status === "APPROVED") && row.validUntil.getTime() <= now.getTime() ? "EXPIRED" : status;
}

/** What an organisation client is told to ask for: never whose data it is, only which fields. */
export function consentRequired(coordinate: string, fields: readonly string[], clientId: string): GatewayError {
  const asked = [...new Set(fields)];
  return new GatewayError(
    "CONSENT_REQUIRED",
    say(M.consentRequired, {
      field: coordinate,
      clientId,
      fields: `${asked
        .slice(0, 5)
        .map((f) => `"${f}"`)
        .join(", ")}${asked.length > 5 ? ", …" : ""}`,
    }),
    { field: coordinate, fields: asked },
  );
}

/**
 * One request's consent checks, for an organisation client. Every field read belongs to a person — a citizen's own
 * fields to them, anything reached from their record (an identity card, a parcel, a business) to the citizen it was
 * reached from (`governors`), a personal id to the person it names — and is allowed only when a consent of that
 * person in force approves that very field. Consents are loaded once per request for each person met (batched).
 */
export class ConsentGate {
  /** Objects reached from a person's record, mapped to that person: whose consent governs their fields. */
  readonly governors = new WeakMap<object, string>();
  private readonly loader: DataLoader<string, ConsentInForce[]>;
  private readonly loaded = new Map<string, ConsentInForce[]>();

  constructor(
    store: ConsentStore,
    private readonly client: Client,
    /** The operation's fields, offered as what to ask for when a person has given no consent at all. */
    private readonly askable: () => string[],
  ) {
    this.loader = new DataLoader(async (ids) => {
      const lists = await store.inForce(client.id, ids);
      ids.forEach((id, i) => this.loaded.set(id, lists[i]));
      return lists;
    });
  }

  /** The person whose consent governs an object's fields, when the object was reached from one. */
  governorOf(value: unknown): string | undefined {
    return value && typeof value === "object" ? this.governors.get(value) : undefined;
  }

  /** Marks the objects of a field's value as reached from `personalId`'s record. */
  govern(value: unknown, personalId: string): void {
    if (Array.isArray(value)) {
      for (const item of value) this.govern(item, personalId);
    } else if (value && typeof value === "object" && !this.governors.has(value)) {
      this.governors.set(value, personalId);
    }
  }

  /**
   * The id of the consent that lets `coordinate` of `personalId`'s data be read — any consent in force for a root
   * lookup of the person — synchronously once the person's consents are loaded. Throws (or rejects with)
   * CONSENT_REQUIRED; a field reached from no one is refused too.
   */
  cover(personalId: string | undefined, coordinate: string, root = false): string | Promise<string> {
    if (personalId === undefined) throw consentRequired(coordinate, [coordinate], this.client.id);
    const known = this.loaded.get(personalId);
    if (known) return this.pick(known, coordinate, root);
    return this.loader.load(personalId).then((list) => this.pick(list, coordinate, root));
  }

  private pick(list: ConsentInForce[], coordinate: string, root: boolean): string {
    const now = Date.now();
    const found = list.find((c) => c.validUntil.getTime() > now && (root || c.fields.has(coordinate)));
    if (found) return found.id;
    const ask = root ? this.askable().filter((f) => !f.startsWith("Query.")) : [coordinate];
    throw consentRequired(coordinate, ask.length > 0 ? ask : [coordinate], this.client.id);
  }
}
