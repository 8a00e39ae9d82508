/**
 * Prometheus metrics (prom-client) at /metrics: HTTP requests and their latency, GraphQL errors by code, and per
 * source the statements run, their latency and outcome, and the circuit breaker's state; plus Node's process
 * metrics (memory, CPU, event-loop lag); and whether the shared Redis answers and how often rate limits fell back to
 * the process's own count. One registry per app, so several apps in one process (tests) do not clash. Per process:
 * each replica is scraped on its own (docs/operations.md#many-processes).
 */
import cluster from "node:cluster";
import type { ApolloServerPlugin } from "@apollo/server";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { SOURCE_NAMES, type SourceName } from "../config.js";
import type { Source } from "../db/source.js";

const CIRCUIT_VALUE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

/** What the metrics read of the state shared between processes (platform code cannot reach the access module). */
export interface SharedStateProbe {
  /** Whether the Redis connection is ready; absent without REDIS_URL. */
  redisReady?: () => boolean;
  /** Rate-limit decisions taken in this process because Redis failed, since the start. */
  rateLimitFallbacks?: () => number;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: "ndaf_http_requests_total",
    help: "HTTP requests by route, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: "ndaf_http_request_duration_seconds",
    help: "Time from request to the end of the response, by route.",
    labelNames: ["route"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: "ndaf_graphql_errors_total",
    help: "Errors in GraphQL responses (and refusals before GraphQL ran), by extensions.code.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: "ndaf_graphql_operations_total",
    help: "GraphQL operations executed, by type.",
    labelNames: ["type"] as const,
    registers: [this.registry],
  });
  readonly sourceStatements = new Counter({
    name: "ndaf_source_statements_total",
    help: "SQL statements (or transactions) per source, by outcome: ok, error, unavailable (down, slow or circuit open).",
    labelNames: ["source", "outcome"] as const,
    registers: [this.registry],
  });
  readonly sourceDuration = new Histogram({
    name: "ndaf_source_statement_duration_seconds",
    help: "Statement latency per source, as the gateway waits for it.",
    labelNames: ["source"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(sources: Record<SourceName, Source>, shared: SharedStateProbe = {}) {
    // Under GATEWAY_WORKERS a scrape of the shared port reaches one worker: its series carry its id, so they stay apart.
    if (cluster.isWorker && cluster.worker) this.registry.setDefaultLabels({ worker: String(cluster.worker.id) });
    collectDefaultMetrics({ register: this.registry, prefix: "ndaf_" });
    const { redisReady, rateLimitFallbacks } = shared;
    if (redisReady) {
      new Gauge({
        name: "ndaf_redis_up",
        help: "1 while the connection to REDIS_URL (shared rate limits) is ready, 0 while it is not.",
        registers: [this.registry],
        collect() {
          this.set(redisReady() ? 1 : 0);
        },
      });
    }
    if (rateLimitFallbacks) {
      let counted = 0;
      new Counter({
        name: "ndaf_rate_limit_fallbacks_total",
        help: "Rate-limit decisions taken in this process because Redis did not answer (down, slow or not yet connected).",
        registers: [this.registry],
        collect() {
          const now = rateLimitFallbacks();
          if (now > counted) this.inc(now - counted);
          counted = now;
        },
      });
    }
    new Gauge({
      name: "ndaf_source_circuit_state",
      help: "Circuit breaker per source: 0 closed (healthy), 1 half-open (trying), 2 open (failing fast).",
      labelNames: ["source"] as const,
      registers: [this.registry],
      collect() {
        for (const name of SOURCE_NAMES) this.set({ source: name }, CIRCUIT_VALUE[sources[name].guard.state]);
      },
    });
    for (const name of SOURCE_NAMES) {
      sources[name].guard.observers.add(({ seconds, outcome }) => {
        this.sourceStatements.inc({ source: name, outcome });
        this.sourceDuration.observe({ source: name }, seconds);
      });
    }
  }

  /** Counts the operation and the codes of its errors. */
  plugin(): ApolloServerPlugin<object> {
    return {
      requestDidStart: async () => ({
        executionDidStart: async ({ operation }) => {
          if (operation) this.graphqlOperations.inc({ type: operation.operation });
        },
        willSendResponse: async ({ response }) => {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? [])
            this.graphqlErrors.inc({ code: String(error.extensions?.code ?? "UNKNOWN") });
        },
      }),
    };
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
