/**
 * Who reads which operational records, over which window: a client its own, a client holding `oversight` every
 * client's; a window of at most 31 days. The records' sums become statistics here (average, percentiles from the
 * buckets), in one place.
 */
import type { Client } from "../access/index.js";
import { GatewayError, InvalidInputError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { percentile } from "./buckets.js";
import { MONITORING_MESSAGES } from "./messages.js";
import { CITIZEN_CLIENTS, OK_OUTCOME, recordedClientId } from "./names.js";
import type { RecordFilter, Summed, SummedRecord } from "./store.js";
import type { OperationalRecord, OperationalStatistics } from "./types.js";

export const MAX_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;
export const OVERSIGHT_ROLE = "oversight";

/** The client filter a read may have: its own id, or (oversight) any client or all of them (null). */
export function readableClient(client: Client | null, asked: string | null | undefined): string | null {
  if (!client) {
    throw new GatewayError("UNAUTHENTICATED", say(MONITORING_MESSAGES.unauthenticated));
  }
  if (client.roles.includes(OVERSIGHT_ROLE)) return asked ?? null;
  const own = recordedClientId(client);
  if (own === CITIZEN_CLIENTS) {
    throw new GatewayError("ROLE_REQUIRED", say(MONITORING_MESSAGES.citizensPooled), { role: OVERSIGHT_ROLE });
  }
  if (asked != null && asked !== own) {
    throw new GatewayError("ROLE_REQUIRED", say(MONITORING_MESSAGES.anotherClient, { own }), { role: OVERSIGHT_ROLE });
  }
  return own;
}

/** The window's bounds, checked: `from` before `to`, at most 31 days apart. */
export function checkWindow(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) {
    throw new InvalidInputError(
      "INVALID_ARGUMENT",
      say(MONITORING_MESSAGES.windowOrder, { from: from.toISOString(), to: to.toISOString() }),
      {
        argument: "from",
      },
    );
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new InvalidInputError("INVALID_ARGUMENT", say(MONITORING_MESSAGES.windowTooLong, { days: MAX_WINDOW_DAYS }), {
      argument: "to",
      maxDays: MAX_WINDOW_DAYS,
    });
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
