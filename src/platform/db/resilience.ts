/**
 * Each source behind a circuit breaker (opossum) with a query timeout. A source that cannot be reached, or does
 * not answer in time, turns into a typed SOURCE_UNAVAILABLE error naming it; after repeated failures the
 * breaker opens and further queries fail at once (no pile-up of waiting requests), and after a pause one trial
 * query is let through: when it succeeds, the source is back without a restart. Errors that say nothing about
 * the source's health (a constraint violation, a bad query) pass through unchanged and do not count.
 */
import CircuitBreaker from "opossum";
import { DEFAULT_RESILIENCE, type ResilienceConfig, type SourceName } from "../config.js";
import { GatewayError } from "../errors.js";
import { type Message, say } from "../i18n.js";
import { PLATFORM_MESSAGES } from "../messages.js";

/** Why a source is unavailable: a catalogue message (said in the reader's language), or words given as they are. */
export type UnavailabilityReason = string | { message: Message; params?: Record<string, string | number> };

/** For batch work (seeding, bulk loads): no statement timeout. */
export const BATCH_RESILIENCE: ResilienceConfig = { ...DEFAULT_RESILIENCE, queryTimeoutMs: 0 };

export type CircuitState = "CLOSED" | "OPEN" | "HALF_OPEN";

/** Error codes of postgres.js, Node sockets and PostgreSQL (SQLSTATE classes 08, 57P) that mean: the source is not there. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57014", // query_canceled: statement_timeout
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);

/** The string codes of an error and of what it wraps (drizzle wraps driver errors as `cause`), outermost first. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** True when the error (or what it wraps) says the source is unreachable or too slow. */
export function isUnavailability(error: unknown): boolean {
  return codesOf(error).some((code) => UNAVAILABLE_CODES.has(code) || code.startsWith("08"));
}

export class SourceUnavailableError extends GatewayError {
  /** Why, in a few words (a class of failure, never data), in English: what readiness reports. */
  readonly reason: string;

  constructor(source: SourceName, reason: UnavailabilityReason) {
    const said = (inLanguage?: "en") => (typeof reason === "string" ? reason : say(reason.message, reason.params, inLanguage));
    super("SOURCE_UNAVAILABLE", say(PLATFORM_MESSAGES.sourceUnavailable, { source, reason: said() }), { source });
    this.reason = said("en");
  }
}

export class SourceGuard {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  /** Told of every statement's latency and outcome (metrics). */
  readonly observers = new Set<(event: { seconds: number; outcome: "ok" | "error" | "unavailable" }) => void>();
  /** The last unavailability seen, for /health/ready (no personal data: a code and a class of failure). */
  lastFailure: { at: Date; reason: string } | null = null;

  constructor(
    readonly source: SourceName,
    readonly config: ResilienceConfig = DEFAULT_RESILIENCE,
  ) {
    this.breaker = new CircuitBreaker((run: () => Promise<unknown>) => run(), {
      timeout: config.queryTimeoutMs > 0 ? config.queryTimeoutMs : false,
      resetTimeout: config.resetTimeoutMs,
      errorThresholdPercentage: config.errorThresholdPercentage,
      volumeThreshold: config.volumeThreshold,
      rollingCountTimeout: 10_000,
      // Only unavailability counts against the source; any other error is the caller's business.
      errorFilter: (error: unknown) => !isUnavailability(error),
    });
  }

  get state(): CircuitState {
    return this.breaker.opened ? "OPEN" : this.breaker.halfOpen ? "HALF_OPEN" : "CLOSED";
  }

  /** Runs one statement (or transaction) under the breaker and the timeout. */
  async run<T>(statement: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = (await this.breaker.fire(statement)) as T;
      this.observe(started, "ok");
      return result;
    } catch (error) {
      const translated = this.translate(error);
      this.observe(started, translated instanceof SourceUnavailableError ? "unavailable" : "error");
      throw translated;
    }
  }

  private observe(started: number, outcome: "ok" | "error" | "unavailable"): void {
    if (this.observers.size === 0) return;
    const seconds = (performance.now() - started) / 1000;
    for (const observer of this.observers) observer({ seconds, outcome });
  }

  private translate(error: unknown): unknown {
    const code = (error as { code?: string }).code;
    let reason: UnavailabilityReason | null = null;
    if (code === "EOPENBREAKER")
      reason = { message: PLATFORM_MESSAGES.breakerOpen, params: { seconds: Math.round(this.config.resetTimeoutMs / 1000) } };
    else if (code === "ETIMEDOUT" && (error as Error).message.startsWith("Timed out after"))
      reason = { message: PLATFORM_MESSAGES.queryTimedOut, params: { ms: this.config.queryTimeoutMs } };
    else if (isUnavailability(error))
      reason = { message: PLATFORM_MESSAGES.unreachable, params: { cause: codesOf(error)[0] ?? "unknown" } };
    if (!reason) return error;
    const unavailable = new SourceUnavailableError(this.source, reason);
    if (code !== "EOPENBREAKER") this.lastFailure = { at: new Date(), reason: unavailable.reason };
    return unavailable;
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
