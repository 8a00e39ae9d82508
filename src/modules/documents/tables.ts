/**
 * Trusted documents (persisted operations) in the gateway's own database: the operations a client system published
 * with `ndaf-gateway documents publish`, each stored once under the SHA-256 of its text, and the clients it is bound
 * to. Every replica reads the same rows.
 */
import { sql } from "drizzle-orm";
import { boolean, check, index, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { clients } from "../access/index.js";
import { gateway } from "../../platform/db/gateway-schema.js";

export const trustedDocuments = gateway.table(
  "trusted_documents",
  {
    /** `sha256:<64 hex digits>` of `body`: the id clients send as `documentId`. */
    id: text("id").primaryKey(),
    /** One operation and the fragments it uses, as graphql-js prints them: exactly the text handed to Apollo. */
    body: text("body").notNull(),
    operationName: text("operation_name"),
    /** query or mutation. */
    operationType: text("operation_type").notNull(),
    /** Published without --client: any client may run it. Otherwise only the clients in trusted_document_clients. */
    forEveryClient: boolean("for_every_client").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("trusted_documents_id_check", sql`${t.id} ~ '^sha256:[0-9a-f]{64}$'`)],
);

export const trustedDocumentClients = gateway.table(
  "trusted_document_clients",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => trustedDocuments.id, { onDelete: "cascade" }),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.clientId] }), index("trusted_document_clients_client_idx").on(t.clientId)],
);
