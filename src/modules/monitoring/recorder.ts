/**
 * The operational records' hot path: each request's end is added to an in-memory cell per minute, client,
 * operation, procedure and outcome (no statement per request), and the cells are written every few seconds — and
 * on close — with one upsert that adds them to what other replicas wrote for the same minute. A failed write keeps
 * its cells for the next one, within a bound; nothing here can fail a request or touch the audit trail.
 */
import { PROCEDURE_CODE } from "../access/index.js";
import { logger } from "../../platform/logger.js";
import { addBuckets, bucketOf, emptyBuckets } from "./buckets.js";
import { operationNameOf, OTHER_OPERATION, outcomeOf, recordedClientId } from "./names.js";
import type { Client } from "../access/index.js";

/** One minute's counts for one (client, operation, procedure, outcome): a row of gateway.operational_records. */
export interface OperationalCell {
  windowStart: Date;
  clientId: string;
  operation: string;
  procedureCode: string;
  outcome: string;
  requests: number;
  durationMsSum: number;
  durationMsMax: number;
  latencyBuckets: number[];
}

/** What the HTTP front knows of a request when it ends. Raw: the recorder makes it safe to store. */
export interface FinishedRequest {
  client: Pick<Client, "id" | "kind"> | null;
  /** The operation's name as sent or resolved (null: unnamed); a sentinel such as `(unread)` is kept as it is. */
  operation: string | null;
  /** The declared purpose's procedure, once validated against the catalogue; null otherwise. */
  procedure: string | null;
  /** The first error's `extensions.code`; undefined for an answer without errors. */
  code?: unknown;
  durationMs: number;
}

/** Where cells are written: one statement for all of them (./store.ts). */
export type CellWriter = (cells: OperationalCell[]) => Promise<void>;

export interface RecorderOptions {
  /** How often cells are written; 0 = only when flush() is called (tests) and on stop(). */
  flushIntervalMs: number;
  /** Distinct operation names a client has per minute (per process); past it, `(other)`. */
  maxOperationsPerClient?: number;
  /** Cells held in memory at most (unwritten included); past it new ones are dropped, and counted. */
  maxCells?: number;
  now?: () => number;
}

const MINUTE_MS = 60_000;
/** Sentinels the HTTP front passes as they are: they are the gateway's own words, not the client's. */
const SENTINELS = new Set(["(unread)", "(unnamed)", "(other)"]);

/** A failure as the log may show it: the error's kind and SQLSTATE, never its message (a query's text and parameters). */
function failureOf(error: unknown): { error: string; code?: string } {
  const err = error as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  const code = [err?.cause?.code, err?.code].find((c): c is string => typeof c === "string" && /^[A-Z0-9_]{1,40}$/.test(c));
  return { error: typeof err?.name === "string" ? err.name : "Error", ...(code ? { code } : {}) };
}

export class OperationalRecorder {
  private cells = new Map<string, OperationalCell>();
  /** Per minute and client, the operation names counted so far: the bound on distinct names. */
  private names = new Map<string, Set<string>>();
  private dropped = 0;
  private chain: Promise<void> = Promise.resolve();
  private busy = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly maxOperations: number;
  private readonly maxCells: number;
  private readonly now: () => number;

  constructor(
    private readonly write: CellWriter,
    private readonly options: RecorderOptions,
  ) {
    this.maxOperations = options.maxOperationsPerClient ?? 50;
    // 5,000 cells of 9 values each stay under Postgres's 65,535 parameters of one statement.
    this.maxCells = Math.min(options.maxCells ?? 5_000, 7_000);
    this.now = options.now ?? Date.now;
  }

  /** Cells waiting to be written. */
  get pending(): number {
    return this.cells.size;
  }

  start(): void {
    if (this.timer || this.options.flushIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (!this.busy) void this.flush();
    }, this.options.flushIntervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Counts a finished request. Never throws: a request's answer does not depend on its record. */
  record(request: FinishedRequest): void {
    try {
      const at = this.now();
      const minute = at - (at % MINUTE_MS);
      const clientId = recordedClientId(request.client);
      const operation = this.boundedName(minute, clientId, request.operation);
      const procedure = request.procedure && PROCEDURE_CODE.test(request.procedure) ? request.procedure : "";
      const outcome = outcomeOf(request.code);
      const key = `${minute}\u0000${clientId}\u0000${operation}\u0000${procedure}\u0000${outcome}`;
      let cell = this.cells.get(key);
      if (!cell) {
        if (this.cells.size >= this.maxCells) {
          this.dropped++;
          return;
        }
        cell = {
          windowStart: new Date(minute),
          clientId,
          operation,
          procedureCode: procedure,
          outcome,
          requests: 0,
          durationMsSum: 0,
          durationMsMax: 0,
          latencyBuckets: emptyBuckets(),
        };
        this.cells.set(key, cell);
      }
      const ms = Number.isFinite(request.durationMs) && request.durationMs > 0 ? request.durationMs : 0;
      cell.requests++;
      cell.durationMsSum += ms;
      if (ms > cell.durationMsMax) cell.durationMsMax = ms;
      cell.latencyBuckets[bucketOf(ms)]!++;
    } catch (error) {
      logger.warn(failureOf(error), "operational record not counted");
    }
  }

  /** Writes every waiting cell in one statement; resolves when written (or, on failure, kept for the next try). */
  flush(): Promise<void> {
    this.chain = this.chain.then(() => this.flushOnce());
    return this.chain;
  }

  private boundedName(minute: number, clientId: string, raw: string | null): string {
    const name = raw !== null && SENTINELS.has(raw) ? raw : operationNameOf(raw);
    const key = `${minute}\u0000${clientId}`;
    let seen = this.names.get(key);
    if (!seen) this.names.set(key, (seen = new Set()));
    if (seen.has(name)) return name;
    if (seen.size >= this.maxOperations) return OTHER_OPERATION;
    seen.add(name);
    return name;
  }

  private async flushOnce(): Promise<void> {
    this.busy = true;
    try {
      // The names of past minutes are no longer needed: a minute's bound is over once the minute is.
      const now = this.now();
      const current = now - (now % MINUTE_MS);
      for (const key of this.names.keys()) if (Number(key.slice(0, key.indexOf("\u0000"))) < current - MINUTE_MS) this.names.delete(key);
      if (this.dropped > 0) {
        logger.warn({ dropped: this.dropped, bound: this.maxCells }, "operational records dropped: too many unwritten cells");
        this.dropped = 0;
      }
      if (this.cells.size === 0) return;
      const batch = this.cells;
      this.cells = new Map();
      try {
        await this.write([...batch.values()]);
      } catch (error) {
        this.keep(batch);
        logger.warn({ ...failureOf(error), cells: batch.size }, "operational records not written; kept for the next flush");
      }
    } finally {
      this.busy = false;
    }
  }

  /** Puts an unwritten batch back, added to what was counted meanwhile, within the bound. */
  private keep(batch: Map<string, OperationalCell>): void {
    for (const [key, old] of batch) {
      const cell = this.cells.get(key);
      if (cell) {
        cell.requests += old.requests;
        cell.durationMsSum += old.durationMsSum;
        cell.durationMsMax = Math.max(cell.durationMsMax, old.durationMsMax);
        addBuckets(cell.latencyBuckets, old.latencyBuckets);
      } else if (this.cells.size < this.maxCells) this.cells.set(key, old);
      else this.dropped += old.requests;
    }
  }
}
