/**
 * Operational monitoring (Decree 278/2025 "to monitor, trace and evaluate"; X-Road's operational monitoring): each
 * GraphQL request's end counted per minute, client, operation, procedure and outcome, with its latency — in memory,
 * written by one upsert per flush — and `operationalRecords` to read them back. No person is named in them. Its
 * door: the recorder the HTTP front feeds and the app flushes, the per-request slice, and the resolvers.
 */
export { BUCKET_COUNT, LATENCY_BOUNDS_MS, percentile } from "./buckets.js";
export { createMonitoringSlice, type MonitoringContext } from "./context.js";
export { ANONYMOUS_CLIENT, CITIZEN_CLIENTS, OTHER_OPERATION, UNNAMED_OPERATION, UNREAD_OPERATION, operationNameOf } from "./names.js";
export { type FinishedRequest, OperationalRecorder, type RecorderOptions } from "./recorder.js";
export { OperationalRecordsResolver } from "./resolvers.js";
export { MAX_WINDOW_DAYS } from "./service.js";
export { cellWriter, OperationalRecordStore } from "./store.js";
export { operationalRecords } from "./tables.js";

import { OperationalRecordsResolver } from "./resolvers.js";
export const monitoringResolvers = [OperationalRecordsResolver] as const;
