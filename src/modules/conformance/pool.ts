/**
 * `checkConformance` through the API: bounded (bounds.ts), and run on a worker thread so that a heavy check never
 * holds the request thread — health checks and other queries keep answering while it runs. piscina keeps the
 * threads: started on the first call, ended after a minute idle, at lowered priority. A few calls wait their turn;
 * beyond them a call is refused (RATE_LIMITED) rather than spawning threads. A check still running when its time
 * budget is spent has its thread terminated and is answered CONFORMANCE_TIMEOUT.
 */
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Client } from "../access/index.js";
import type { ConformanceConfig } from "../../platform/config.js";
import { logger } from "../../platform/logger.js";
import { GatewayError } from "../../platform/errors.js";
import { language, say } from "../../platform/i18n.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import type { ProcedureCatalogue } from "../procedures/index.js";
import { API_LIMITS, assertInputSizes, type ConformanceLimits } from "./bounds.js";
import type { ConformanceInputs } from "./inputs.js";
import { CONFORMANCE_MESSAGES } from "./messages.js";
import type { Report } from "./report.js";
import type { CheckOptions } from "./service.js";
import type { CheckOutcome, CheckTask, WorkerData } from "./worker-protocol.js";

// From the TypeScript sources (npm start, vitest) the worker needs tsx; the compiled build runs worker.js as is.
const FROM_SOURCES = import.meta.url.endsWith(".ts");
const WORKER_FILE = new URL(FROM_SOURCES ? "./worker-tsx.mjs" : "./worker.js", import.meta.url).href;

export interface ConformancePoolOptions extends ConformanceConfig {
  adminUnits: AdminUnitRegistry;
  catalogue: ProcedureCatalogue;
  /** Production: findings name no nearest field or value ("Did you mean …?"), as the gateway's own errors do not. */
  production: boolean;
  limits?: ConformanceLimits;
}

export class ConformancePool {
  private pool: Piscina<CheckTask, CheckOutcome> | null = null;
  private inFlight = 0;
  /** Checks on a thread now; the others wait here, first come first served, never in piscina's own queue. */
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly limits: ConformanceLimits;

  constructor(private readonly options: ConformancePoolOptions) {
    this.limits = options.limits ?? API_LIMITS;
  }

  /** The report for these inputs, as `checkConformance(…)` gives it, or a typed error. */
  async check(inputs: ConformanceInputs, client: Client | null): Promise<Report> {
    // Sizes are cheap to check here: an oversized call is refused without waiting for a thread.
    assertInputSizes(inputs, this.limits);
    const { threads, queue, timeoutMs } = this.options;
    if (this.inFlight >= threads + queue) {
      const retryAfterSeconds = Math.max(1, Math.ceil(timeoutMs / 1000));
      throw new GatewayError("RATE_LIMITED", say(CONFORMANCE_MESSAGES.busy, { inFlight: this.inFlight, retryAfterSeconds }), {
        retryAfterSeconds,
      });
    }
    this.inFlight++;
    try {
      await this.turn();
      try {
        return await this.run(inputs, { client, limits: this.limits, suggestions: !this.options.production });
      } finally {
        this.running--;
        this.waiting.shift()?.();
      }
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Resolves when a thread is free for this call. A call is handed to piscina only then: a call left in piscina's
   * queue when the running check's thread was terminated for its budget was never given to the replacement thread.
   */
  private turn(): Promise<void> {
    if (this.running < this.options.threads) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running++;
        resolve();
      }),
    );
  }

  private async run(inputs: ConformanceInputs, options: CheckOptions): Promise<Report> {
    const { timeoutMs } = this.options;
    const pool = (this.pool ??= this.createPool());
    const abort = new AbortController();
    const { port1: started, port2 } = new MessageChannel();
    let timedOut = false;
    let budget: NodeJS.Timeout | undefined;
    // The call has a free thread (turn()); it waits only for the thread to start (~1–2 s). Not started long after
    // that means a broken worker, answered as an internal error.
    const startDeadlineMs = 20_000;
    const startBy = setTimeout(
      () => abort.abort(new Error(`the conformance worker did not start a check within ${startDeadlineMs} ms`)),
      startDeadlineMs,
    );
    started.once("message", () => {
      clearTimeout(startBy);
      budget = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, timeoutMs);
    });
    try {
      const outcome = await pool.run(
        { inputs, options, language: language(), started: port2 },
        { signal: abort.signal, transferList: [port2] },
      );
      if ("error" in outcome) throw new GatewayError(outcome.error.code, outcome.error.message, outcome.error.details);
      return outcome.report;
    } catch (error) {
      if (timedOut) {
        throw new GatewayError(
          "CONFORMANCE_TIMEOUT",
          say(CONFORMANCE_MESSAGES.timeout, { timeoutMs: timeoutMs.toLocaleString(language() === "vi" ? "vi" : "en") }),
          { timeoutMs },
        );
      }
      if (abort.signal.aborted) throw abort.signal.reason;
      throw error;
    } finally {
      clearTimeout(startBy);
      clearTimeout(budget);
      started.close();
    }
  }

  private createPool(): Piscina<CheckTask, CheckOutcome> {
    const { adminUnits, catalogue, threads } = this.options;
    const pool = new Piscina<CheckTask, CheckOutcome>({
      filename: WORKER_FILE,
      // The bootstrap registers tsx itself; a worker inheriting `--import tsx` would register it twice.
      execArgv: FROM_SOURCES ? [] : undefined,
      minThreads: 0,
      maxThreads: threads,
      // No queue bound here: check() admits at most `queue` waiting calls, and piscina's own bound would also refuse a
      // call that arrives while a stopped thread's replacement is starting.
      idleTimeout: 60_000,
      // An ordinary event loop in the worker, not Atomics.wait between tasks: the thread builds its schema
      // asynchronously as it starts, and microseconds of dispatch do not matter to checks of milliseconds or more.
      atomics: "disabled",
      // Lower priority than the request thread where the OS allows it (Linux): requests first, checks after.
      niceIncrement: 10,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      workerData: { adminUnits: adminUnits.snapshot(), procedures: catalogue.procedures } satisfies WorkerData,
    });
    pool.on("error", (error: unknown) => logger.error({ err: error }, "conformance worker failed"));
    return pool;
  }

  /** Ids of the threads alive now (none before the first call, or after a minute idle). */
  get threadIds(): number[] {
    return (this.pool?.threads ?? []).map((t) => t.threadId);
  }

  /** Stops the threads (a check still running is answered with an error). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
