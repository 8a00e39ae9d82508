/**
 * Clients, their grants and the audit trail, in the gateway's own database. The trail is append-only and
 * hash-chained by database triggers (drizzle/gateway/0002_audit_chain.sql), not by application code.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { gateway } from "../../platform/db/gateway-schema.js";

export const clients = gateway.table(
  "clients",
  {
    /**
     * `VN:GOV:<agency code>:<system>` for agency systems, `VN:CIT:<personal id>` for a citizen,
     * `VN:ORG:<tax code>:<system>` for a private-sector organisation's system (reads only under a citizen's consent).
     */
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
    /** Duties beyond reading (agency systems only): `owner:<source>` answers that source's correction requests; `oversight` reads every client's operational records. */
    roles: text("roles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("clients_kind_check", sql`${t.kind} in ('SYSTEM', 'CITIZEN', 'ORGANIZATION')`),
    check("clients_citizen_check", sql`${t.kind} <> 'CITIZEN' or ${t.personalId} is not null`),
    check("clients_roles_check", sql`${t.kind} = 'SYSTEM' or cardinality(${t.roles}) = 0`),
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

/**
 * The audit trail. Each entry belongs to one of AUDIT_PARTITIONS chains: an INSERT's rows go to the first partition
 * whose head no other writer holds, so concurrent writers — in one process or many — append to different chains at
 * once, each under its own head's row lock (drizzle/gateway/0007_audit_partition_chains.sql). Entries written before
 * partitions existed have no partition: they form the closed legacy chain, in `seq` order, under `audit_chain_head`.
 */
export const auditLog = gateway.table(
  "audit_log",
  {
    /** The entry's id, from a sequence: increasing, but with gaps and not commit order (chain order is per partition). */
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
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
    /** The one subject of a version 2 entry (written before subject groups); null in a version 3 entry. */
    subjectId: text("subject_id"),
    /**
     * A version 3 entry's subjects: every subject of one kind a request read the same fields of, in one entry. The
     * hash covers each as sha256(salt ␟ id) rather than the id, so a citizen's proof can leave the others out.
     */
    subjectIds: text("subject_ids").array(),
    /** Random, one per subject id, set by the trigger (whatever the INSERT said). */
    subjectSalts: text("subject_salts").array(),
    /** Schema coordinates read, e.g. Citizen.fullName, IdentityCard.number. */
    fields: text("fields").array().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /** The entry's chain (0 … AUDIT_PARTITIONS − 1), set by the trigger; null for a legacy entry. */
    partition: smallint("partition"),
    /** 1, 2, 3, … without gaps within the partition: chain order. */
    partitionSeq: bigint("partition_seq", { mode: "number" }),
    /**
     * Random, per entry, set by the trigger: the hash covers sha256(salt, client id) rather than the client id, so an
     * inclusion proof handed to a citizen can leave out another citizen's client id and still verify.
     */
    clientSalt: text("client_salt"),
  },
  (t) => [
    index("audit_log_subject_idx").on(t.subjectKind, t.subjectId, t.seq),
    // fastupdate off: each insert files its ids at once, instead of a pending list some later insert cleans up.
    index("audit_log_subjects_idx").using("gin", t.subjectIds).with({ fastupdate: false }),
    index("audit_log_client_idx").on(t.clientId, t.seq),
    index("audit_log_case_idx").on(t.caseId),
    uniqueIndex("audit_log_partition_idx").on(t.partition, t.partitionSeq),
  ],
);

/** The legacy chain's head: its last row's sequence number and hash. One row; closed once partitions came. */
export const auditChainHead = gateway.table(
  "audit_chain_head",
  {
    id: smallint("id").primaryKey(),
    lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
    lastHash: text("last_hash").notNull(),
  },
  (t) => [check("audit_chain_head_single", sql`${t.id} = 1`)],
);

/** Each partition's head: its last entry's position and hash. AUDIT_PARTITIONS rows, kept by the chain trigger. */
export const auditPartitionHeads = gateway.table("audit_partition_heads", {
  partition: smallint("partition").primaryKey(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
});

/**
 * Signed checkpoints (src/modules/access/checkpoint.ts): each covers, per partition, the entries appended since the
 * previous one; its statement names those ranges with their head hashes, the Merkle root over the entries, and the
 * previous statement's hash, and is signed with Ed25519 by a key the database does not hold.
 */
export const auditCheckpoints = gateway.table("audit_checkpoints", {
  /** 1, 2, 3, … without gaps. */
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
  /** Leaves (entries) in this checkpoint's tree. */
  size: integer("size").notNull(),
  /** Hex SHA-256: the RFC 6962 Merkle tree hash over the entries, in (partition, position) order. */
  root: text("root").notNull(),
  /** Hex SHA-256 of the previous checkpoint's statement; 64 zeros for the first. */
  prevHash: text("prev_hash").notNull(),
  /** Each partition's last covered position after this checkpoint (index = partition). */
  covered: bigint("covered", { mode: "number" }).array().notNull(),
  /** The signed text, exactly (checkpointStatement). */
  statement: text("statement").notNull(),
  keyId: text("key_id").notNull(),
  /** The signing key's public half (SPKI PEM), carried into proofs; verifiers pin the key they trust, not this. */
  publicKey: text("public_key").notNull(),
  /** Base64 Ed25519 signature over the statement's UTF-8 bytes. */
  signature: text("signature").notNull(),
});

/** The ranges a checkpoint covers: per partition touched, positions from (exclusive) … to (inclusive). */
export const auditCheckpointRanges = gateway.table(
  "audit_checkpoint_ranges",
  {
    checkpointSeq: bigint("checkpoint_seq", { mode: "number" }).notNull(),
    partition: smallint("partition").notNull(),
    fromSeq: bigint("from_seq", { mode: "number" }).notNull(),
    toSeq: bigint("to_seq", { mode: "number" }).notNull(),
    toHash: text("to_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.partition, t.toSeq] }), index("audit_checkpoint_ranges_checkpoint_idx").on(t.checkpointSeq)],
);

/**
 * Consents (Decree 13/2023, art. 11): an organisation client asks a citizen to let it read named fields of their
 * data, for a stated purpose, until a date; the citizen approves all or some of the fields, rejects, or later
 * revokes. An organisation client reads a citizen's data only under an approved consent in force.
 */
export const consents = gateway.table(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** The citizen asked. */
    personalId: text("personal_id").notNull(),
    /** What the organisation says it reads the data for, shown to the citizen as sent. */
    purpose: text("purpose").notNull(),
    /** Schema coordinates asked for, e.g. Citizen.fullName. */
    requestedFields: text("requested_fields").array().notNull(),
    /** The coordinates the citizen approved (a subset of those asked for); null until approved. */
    approvedFields: text("approved_fields").array(),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    /** REQUESTED, APPROVED, REJECTED, REVOKED. */
    status: text("status").notNull().default("REQUESTED"),
    /** Milliseconds, so a page's cursor (created at, id) round-trips through JavaScript exactly. */
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    check("consents_status_check", sql`${t.status} in ('REQUESTED', 'APPROVED', 'REJECTED', 'REVOKED')`),
    check("consents_approved_check", sql`${t.status} not in ('APPROVED', 'REVOKED') or ${t.approvedFields} is not null`),
    index("consents_person_idx").on(t.personalId, t.clientId, t.status),
    index("consents_client_idx").on(t.clientId, t.createdAt),
  ],
);

export type ClientRow = typeof clients.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
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
