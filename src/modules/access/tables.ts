/**
 * Clients, their grants and the audit trail, in the gateway's own database. The trail is append-only and
 * hash-chained by database triggers (drizzle/gateway/0002_audit_chain.sql), not by application code.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { gateway } from "../../platform/db/gateway-schema.js";

export const clients = gateway.table(
  "clients",
  {
    /** `VN:GOV:<agency code>:<system>` for agency systems, `VN:CIT:<personal id>` for a citizen. */
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    /** The person a citizen client is authenticated as. */
    personalId: text("personal_id"),
    /** SHA-256 of the API key (keys are 256-bit random, so a fast hash is enough); the key itself is never stored. */
    keyHash: text("key_hash").notNull().unique(),
    /** First characters of the key, to tell keys apart in listings and logs. */
    keyPrefix: text("key_prefix").notNull(),
    rateLimitPerMinute: integer("rate_limit_per_minute"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Demo clients exist only in development; production refuses to start while any is present. */
    demo: boolean("demo").notNull().default(false),
    /** Runs only trusted documents (published operations, sent as `documentId`): query text is refused. */
    trustedDocumentsOnly: boolean("trusted_documents_only").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("clients_kind_check", sql`${t.kind} in ('SYSTEM', 'CITIZEN')`),
    check("clients_citizen_check", sql`${t.kind} <> 'CITIZEN' or ${t.personalId} is not null`),
  ],
);

export const clientGrants = gateway.table(
  "client_grants",
  {
    id: serial("id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** Sources: population, land, business. */
    sources: text("sources").array().notNull(),
    /** Field classes: basic, sensitive. */
    classes: text("classes").array().notNull(),
    /** Procedure codes the grant serves (National Public Service Portal codes), or '*' for any. */
    procedures: text("procedures").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("client_grants_client_idx").on(t.clientId)],
);

export const auditLog = gateway.table(
  "audit_log",
  {
    /** 1, 2, 3, … without gaps: assigned by the chain trigger under the head's row lock, so chain order is seq order. */
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    /** Set by the chain trigger to the transaction time, truncated to milliseconds. */
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull(),
    requestId: text("request_id").notNull(),
    clientId: text("client_id").notNull(),
    /** READ for a read of personal data; dossier actions name themselves (DOSSIER_SUBMIT, ...). */
    action: text("action").notNull(),
    procedureCode: text("procedure_code"),
    caseId: text("case_id"),
    /** CITIZEN, ENTERPRISE, LAND_PARCEL, HOUSEHOLD_BUSINESS; null for a read that named no one (a count). */
    subjectKind: text("subject_kind"),
    subjectId: text("subject_id"),
    /** Schema coordinates read, e.g. Citizen.fullName, IdentityCard.number. */
    fields: text("fields").array().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_subject_idx").on(t.subjectKind, t.subjectId, t.seq),
    index("audit_log_client_idx").on(t.clientId, t.seq),
    index("audit_log_case_idx").on(t.caseId),
  ],
);

/** The chain's head: the last row's sequence number and hash. One row, kept by the chain trigger. */
export const auditChainHead = gateway.table(
  "audit_chain_head",
  {
    id: smallint("id").primaryKey(),
    lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
    lastHash: text("last_hash").notNull(),
  },
  (t) => [check("audit_chain_head_single", sql`${t.id} = 1`)],
);

export type ClientRow = typeof clients.$inferSelect;
export type GrantRow = typeof clientGrants.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

/**
 * Keys the gateway needs shared by every replica, created once by the migration that adds the table (random,
 * never sent anywhere): `cursor` seals pagination cursors, so they carry no personal id and cannot be forged.
 */
export const gatewaySecrets = gateway.table("secrets", {
  name: text("name").primaryKey(),
  /** 32 random bytes, hex. */
  value: text("value").notNull(),
});
