/**
 * Liveness and readiness. Live: the process answers. Ready: each source is probed (`select 1` through its guard,
 * so a probe is a real statement under the same timeout and breaker); the gateway is ready while its own database
 * (clients, audit trail) answers — a national source that is down makes it "degraded", still serving the others —
 * and not ready while it shuts down, so a load balancer drains it first. Both answer for the process that serves
 * them, and name it: replicas (GATEWAY_WORKERS, or several hosts) are told apart by pid and cluster worker id.
 */
import cluster from "node:cluster";
import os from "node:os";
import { SOURCE_NAMES, type SourceName } from "../config.js";
import type { Source } from "../db/source.js";
import { type CircuitState, SourceUnavailableError } from "../db/resilience.js";

export interface SourceHealth {
  state: "UP" | "DOWN";
  circuit: CircuitState;
  latencyMs: number;
  /** Why it is down (a class of failure, never data). */
  reason?: string;
  lastFailureAt?: string;
}

/** The process answering: its host, its pid and, under node:cluster, its worker id. */
export interface ProcessIdentity {
  host: string;
  pid: number;
  worker?: number;
}

export function processIdentity(): ProcessIdentity {
  return { host: os.hostname(), pid: process.pid, ...(cluster.isWorker && cluster.worker ? { worker: cluster.worker.id } : {}) };
}

export interface Readiness {
  status: "READY" | "DEGRADED" | "NOT_READY" | "SHUTTING_DOWN";
  process: ProcessIdentity;
  sources: Record<SourceName, SourceHealth>;
}

async function probe(source: Source): Promise<SourceHealth> {
  const started = performance.now();
  try {
    await source.raw("select 1");
    return { state: "UP", circuit: source.guard.state, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const failure = source.guard.lastFailure;
    return {
      state: "DOWN",
      circuit: source.guard.state,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      reason: error instanceof SourceUnavailableError ? error.reason : (error as Error).message,
      ...(failure ? { lastFailureAt: failure.at.toISOString() } : {}),
    };
  }
}

export async function readiness(
  sources: Record<SourceName, Source>,
  shuttingDown: boolean,
): Promise<{ httpStatus: number; body: Readiness }> {
  const results = await Promise.all(SOURCE_NAMES.map(async (name) => [name, await probe(sources[name])] as const));
  const health = Object.fromEntries(results) as Record<SourceName, SourceHealth>;
  const status: Readiness["status"] = shuttingDown
    ? "SHUTTING_DOWN"
    : health.gateway.state === "DOWN"
      ? "NOT_READY"
      : results.some(([, h]) => h.state === "DOWN")
        ? "DEGRADED"
        : "READY";
  return {
    httpStatus: status === "READY" || status === "DEGRADED" ? 200 : 503,
    body: { status, process: processIdentity(), sources: health },
  };
}
