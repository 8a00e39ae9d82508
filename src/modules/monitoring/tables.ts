/**
 * Operational records (Decree 278/2025 "to monitor, trace and evaluate"; X-Road's operational monitoring): per
 * minute, per client, operation, procedure and outcome, how many requests and how long they took. They name no
 * person: no subject, no argument, no case — only what a client sent as its operation's name and purpose procedure.
 */
import { doublePrecision, index, integer, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { gateway } from "../../platform/db/gateway-schema.js";

export const operationalRecords = gateway.table(
  "operational_records",
  {
    /** The minute the requests finished in (UTC, truncated). */
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    /** The client's id; `anonymous` for requests without a credential. */
    clientId: text("client_id").notNull(),
    /**
     * The operation's name (bounded); `(unnamed)` for an unnamed operation, `(other)` past the per-client bound,
     * `(unread)` for a request refused before its body was read.
     */
    operation: text("operation").notNull(),
    /** The declared purpose's procedure code, or '' for none. */
    procedureCode: text("procedure_code").notNull().default(""),
    /** `OK`, or the first error's code (an ErrorCode). */
    outcome: text("outcome").notNull(),
    requests: integer("requests").notNull(),
    durationMsSum: doublePrecision("duration_ms_sum").notNull(),
    durationMsMax: doublePrecision("duration_ms_max").notNull(),
    /** Requests per latency bucket, bucket bounds fixed in code (the last is +Inf). */
    latencyBuckets: integer("latency_buckets").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.windowStart, t.clientId, t.operation, t.procedureCode, t.outcome] }),
    index("operational_records_client_idx").on(t.clientId, t.windowStart),
  ],
);

export type OperationalRecordRow = typeof operationalRecords.$inferSelect;
