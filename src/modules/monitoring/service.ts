/**
 * Who reads which operational records, over which window: a client its own, a client holding `oversight` every
 * client's; a window of at most 31 days. The records' sums become statistics here (average, percentiles from the
 * buckets), in one place.
 */
import type { Client } from "../access/index.js";
import { GatewayError, InvalidInputError } from "../../platform/errors.js";
import { percentile } from "./buckets.js";
import { CITIZEN_CLIENTS, OK_OUTCOME, recordedClientId } from "./names.js";
import type { RecordFilter, Summed, SummedRecord } from "./store.js";
import type { OperationalRecord, OperationalStatistics } from "./types.js";

export const MAX_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;
export const OVERSIGHT_ROLE = "oversight";

/** The client filter a read may have: its own id, or (oversight) any client or all of them (null). */
export function readableClient(client: Client | null, asked: string | null | undefined): string | null {
  if (!client) {
    throw new GatewayError(
      "UNAUTHENTICATED",
      "Operational records are read by a registered client: send `Authorization: Bearer <API key>`.",
    );
  }
  if (client.roles.includes(OVERSIGHT_ROLE)) return asked ?? null;
  const own = recordedClientId(client);
  if (own === CITIZEN_CLIENTS) {
    throw new GatewayError(
      "ROLE_REQUIRED",
      "Citizen clients' requests are recorded together, naming no one; reading them needs the oversight role.",
      { role: OVERSIGHT_ROLE },
    );
  }
  if (asked != null && asked !== own) {
    throw new GatewayError(
      "ROLE_REQUIRED",
      `A client reads its own operational records (${own}); another client's need the oversight role.`,
      { role: OVERSIGHT_ROLE },
    );
  }
  return own;
}

/** The window's bounds, checked: `from` before `to`, at most 31 days apart. */
export function checkWindow(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) {
    throw new InvalidInputError("INVALID_ARGUMENT", `"from" (${from.toISOString()}) must be before "to" (${to.toISOString()}).`, {
      argument: "from",
    });
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new InvalidInputError(
      "INVALID_ARGUMENT",
      `The window from "from" to "to" spans more than ${MAX_WINDOW_DAYS} days; read a longer period a window at a time.`,
      { argument: "to", maxDays: MAX_WINDOW_DAYS },
    );
  }
}

export function recordFilter(
  client: Client | null,
  args: { from: Date; to: Date; clientId?: string | null; operation?: string | null; procedure?: string | null },
): RecordFilter {
  const clientId = readableClient(client, args.clientId);
  checkWindow(args.from, args.to);
  return { from: args.from, to: args.to, clientId, operation: args.operation, procedureCode: args.procedure };
}

export function statisticsOf(sums: Summed): OperationalStatistics {
  const { requests, durationMsMax: max, latencyBuckets: buckets } = sums;
  return {
    requests,
    errors: sums.errors,
    averageMs: requests > 0 ? sums.durationMsSum / requests : null,
    maxMs: requests > 0 ? max : null,
    p50Ms: percentile(buckets, 0.5, max),
    p95Ms: percentile(buckets, 0.95, max),
    p99Ms: percentile(buckets, 0.99, max),
  };
}

export function recordOf(row: SummedRecord): OperationalRecord {
  return {
    clientId: row.clientId,
    operation: row.operation,
    procedureCode: row.procedureCode || null,
    outcome: row.outcome,
    errorCode: row.outcome === OK_OUTCOME ? null : row.outcome,
    ...statisticsOf(row),
  };
}
