/**
 * Submitted dossiers, their components with evidence, and the data-correction requests raised against a source
 * when a record was missing (Resolution 66.7/2025/NQ-CP), in the gateway's own database.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { gateway } from "../../platform/db/gateway-schema.js";

export const dossiers = gateway.table(
  "dossiers",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of the normalised request, to tell a retry from a different dossier under a reused key. */
    requestHash: text("request_hash").notNull(),
    procedureCode: text("procedure_code").notNull(),
    applicantKind: text("applicant_kind").notNull(),
    applicantId: text("applicant_id").notNull(),
    subjects: jsonb("subjects").$type<Record<string, string>>().notNull(),
    status: text("status").notNull(),
    components: integer("components").notNull(),
    fulfilledByData: integer("fulfilled_by_data").notNull(),
    documentsRequested: integer("documents_requested").notNull(),
    failedChecks: integer("failed_checks").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("dossiers_idempotency_idx").on(t.clientId, t.idempotencyKey),
    index("dossiers_applicant_idx").on(t.applicantKind, t.applicantId, t.id),
    index("dossiers_procedure_idx").on(t.procedureCode, t.id),
  ],
);

export const dossierComponents = gateway.table(
  "dossier_components",
  {
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    componentId: text("component_id").notNull(),
    status: text("status").notNull(),
    reason: text("reason"),
    message: text("message"),
    evidence: jsonb("evidence").$type<unknown[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.componentId] })],
);

export const dataCorrectionRequests = gateway.table(
  "data_correction_requests",
  {
    id: serial("id").primaryKey(),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    componentId: text("component_id").notNull(),
    source: text("source").notNull(),
    subjectKind: text("subject_kind").notNull(),
    subjectId: text("subject_id").notNull(),
    message: text("message").notNull(),
    /** OPEN, then RESOLVED (the source's data corrected) or REJECTED (the data stands), by the source's owner. */
    status: text("status").notNull().default("OPEN"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The client (an `owner:<source>` system) that closed the request, and when. */
    closedBy: text("closed_by"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** What was corrected (RESOLVED). */
    resolution: text("resolution"),
    /** Why the data stands (REJECTED). */
    reason: text("reason"),
  },
  (t) => [
    index("data_correction_requests_source_idx").on(t.source, t.status),
    index("data_correction_requests_subject_idx").on(t.subjectKind, t.subjectId),
    check("data_correction_requests_status_check", sql`${t.status} in ('OPEN', 'RESOLVED', 'REJECTED')`),
    check("data_correction_requests_closed_check", sql`(${t.status} = 'OPEN') = (${t.closedAt} is null)`),
  ],
);

export type DossierRow = typeof dossiers.$inferSelect;
