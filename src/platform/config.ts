/**
 * Runtime configuration, read once from the environment. Every source is embedded PGlite under DATA_DIR
 * unless its *_DATABASE_URL names a real Postgres database.
 */
import os from "node:os";
import path from "node:path";

/** Every database the gateway opens: the three national sources and its own. */
export const SOURCE_NAMES = ["population", "land", "business", "gateway"] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** The three national sources, the databases a grant names; the gateway's own database is not one of them. */
export const DATA_SOURCE_NAMES = ["population", "land", "business"] as const satisfies readonly SourceName[];
export type DataSourceName = (typeof DATA_SOURCE_NAMES)[number];

export type Environment = "development" | "production" | "test";

/**
 * NODE_ENV `development` or `test` (any case) are the only environments without production's guards; anything else,
 * unset or misspelt (`prod`, a container that sets nothing), is production: a typo must not hand out the published
 * demo key with every grant. `npm start` and `npm run dev` set `development` themselves.
 */
export function environmentFrom(nodeEnv: string | undefined): Environment {
  const value = (nodeEnv ?? "").trim().toLowerCase();
  return value === "development" || value === "test" ? value : "production";
}

export interface SourceConfig {
  name: SourceName;
  /** postgres:// URL, or undefined for embedded PGlite. */
  url?: string;
  /** PGlite data folder when url is undefined; undefined with no url means an in-memory database. */
  dataDir?: string;
  /** Query timeout and circuit breaker (defaults: DEFAULT_RESILIENCE). */
  resilience?: ResilienceConfig;
  /** DATABASE_POOL_SIZE: connections to a Postgres source, at most (default: defaultPoolSize()). */
  poolSize?: number;
}

/**
 * Connections per Postgres source in each process unless DATABASE_POOL_SIZE says otherwise: twice this machine's
 * cores, at least 4; under GATEWAY_WORKERS the machine's share divided between its workers, at least 2 each, so
 * that N workers do not open N times what the machine's cores can use (8 workers on 8 cores: 2 a worker, 16 a
 * source, where each taking 16 made 128 a source, past PostgreSQL's default max_connections of 100).
 * More is slower, not faster: a statement that finds every connection busy is pipelined behind another on one of
 * them (postgres.js), so a request's statements to a source leave in one write and one backend runs them, where a
 * connection each meant a socket write, a backend woken and a context switch each (`npm run bench -- --quick`,
 * 2 vCPU: 4 against 10 connections a source, nested question 308 → 366 requests/s, PostgreSQL CPU a request
 * 2.36 → 1.88 ms; docs/performance.md).
 */
export function defaultPoolSize(cores: number = os.availableParallelism(), workers = 1): number {
  return workers <= 1 ? Math.max(4, 2 * cores) : Math.max(2, Math.ceil((2 * cores) / workers));
}

/** A source's query timeout and circuit breaker (src/platform/db/resilience.ts). */
export interface ResilienceConfig {
  /** SOURCE_QUERY_TIMEOUT_MS: a statement that takes longer counts as a failure (also sent as statement_timeout); 0 = none. */
  queryTimeoutMs: number;
  /** SOURCE_CIRCUIT_RESET_MS: how long an open breaker waits before letting one trial query through. */
  resetTimeoutMs: number;
  /** Share of failed statements (in a 10 s window) that opens the breaker. */
  errorThresholdPercentage: number;
  /** Statements in the window before the share counts. */
  volumeThreshold: number;
}

export const DEFAULT_RESILIENCE: ResilienceConfig = {
  queryTimeoutMs: 5_000,
  resetTimeoutMs: 5_000,
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
};

export interface GatewayConfig {
  port: number;
  dataDir: string;
  sources: Record<SourceName, SourceConfig>;
  /** Citizens generated when `npm start` finds empty sources. */
  defaultSeedCitizens: number;
  seed: number;
  environment: Environment;
  access: AccessConfig;
  conformance: ConformanceConfig;
  cors: CorsConfig;
  audit: AuditConfig;
  monitoring: MonitoringConfig;
  /** REDIS_URL: what every process of an installation shares (rate limits); none = each process on its own. */
  redis: RedisConfig;
  /** GATEWAY_WORKERS: processes `npm start` runs on this machine (src/cluster.ts), each a full replica. */
  workers: number;
}

/** The audit trail's checkpoints (src/modules/access/sealer.ts). */
export interface AuditConfig {
  /**
   * AUDIT_SIGNING_KEY_FILE: the Ed25519 private key (PKCS#8 PEM) that signs checkpoints, kept out of the database.
   * Required in production; in development DATA_DIR/audit-signing-key.pem, generated on first run; in tests, unset:
   * a key made for the process.
   */
  signingKeyFile: string | undefined;
  /** Development only: write a new key to signingKeyFile when it does not exist. */
  generateSigningKey: boolean;
  /** Production: refuse to start without signingKeyFile (elsewhere, no file means a key made for the process). */
  requireSigningKey: boolean;
  /** AUDIT_CHECKPOINT_INTERVAL_MS: how often a checkpoint is made (0 = never; tests seal when they need to). */
  checkpointIntervalMs: number;
}

/** Operational records (src/modules/monitoring). */
export interface MonitoringConfig {
  /** GATEWAY_MONITORING_FLUSH_MS: how often counted requests are written (0 = only on close; tests flush when they need to). */
  flushIntervalMs: number;
}

export interface RedisConfig {
  /** REDIS_URL (`redis://[:password@]host:port[/db]` or `rediss://…`); undefined = no Redis. */
  url?: string;
  /** REDIS_PREFIX: the start of every key, so several installations can share one Redis. */
  prefix: string;
}

/** Which browser origins may call the gateway (src/http/cors.ts). */
export interface CorsConfig {
  /** GATEWAY_CORS_ORIGINS: exact origins (`scheme://host[:port]`), as a browser sends them in `Origin`. */
  origins: string[];
  /** `*` in GATEWAY_CORS_ORIGINS: any origin (development and test only; production refuses to start with it). */
  anyOrigin: boolean;
  /** GATEWAY_CORS_LOCALHOST: http(s) on localhost, 127.0.0.1 and [::1], any port. On by default except in production. */
  localhost: boolean;
}

/** How `checkConformance` calls run: in worker threads, each within a time budget (src/modules/conformance/pool.ts). */
export interface ConformanceConfig {
  /** GATEWAY_CONFORMANCE_TIMEOUT_MS: how long one check may run before its thread is stopped (CONFORMANCE_TIMEOUT). */
  timeoutMs: number;
  /** GATEWAY_CONFORMANCE_THREADS: checks that run at once, each on its own thread. */
  threads: number;
  /** GATEWAY_CONFORMANCE_QUEUE: checks that may wait for a thread; beyond them a call is refused (RATE_LIMITED). */
  queue: number;
}

export interface AccessConfig {
  /** Demo clients (development and test only): production refuses to start while any exists. */
  demoClients: boolean;
  /** GATEWAY_DEMO_API_KEY: the key of the demo client that holds every grant. */
  demoApiKey?: string;
  /** GATEWAY_INTROSPECTION: on by default except in production. */
  introspection: boolean;
  /** GATEWAY_RATE_LIMIT: requests a minute per client, unless the client has its own limit (0 = no limit). */
  rateLimitPerMinute: number;
  /** GATEWAY_ANONYMOUS_RATE_LIMIT: requests a minute per address for callers without a key. */
  anonymousRateLimitPerMinute: number;
  /**
   * GATEWAY_CLIENT_CACHE_MS: how long a verified key is trusted before it is looked up again. A safety net only: a
   * change to a client reaches every process's cache at once (LISTEN/NOTIFY), and while a process is not listening
   * it does not use its cache at all.
   */
  clientCacheMs: number;
}

const URL_VARIABLES: Record<SourceName, string> = {
  population: "POPULATION_DATABASE_URL",
  land: "LAND_DATABASE_URL",
  business: "BUSINESS_DATABASE_URL",
  gateway: "GATEWAY_DATABASE_URL",
};

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function booleanFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/**
 * GATEWAY_CORS_ORIGINS: comma-separated exact origins. Anything that is not an origin (a path, a trailing slash, a
 * pattern) is refused at start rather than silently never matching. `*` is refused in production: a national
 * gateway names the apps it serves.
 */
export function corsOriginsFrom(raw: string | undefined, environment: Environment): { origins: string[]; anyOrigin: boolean } {
  const entries = (raw ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const anyOrigin = entries.includes("*");
  if (anyOrigin && environment === "production") {
    throw new Error(
      "GATEWAY_CORS_ORIGINS=* is refused in production: list the origins of the browser apps, e.g. https://portal.example.gov.vn",
    );
  }
  const origins = entries
    .filter((e) => e !== "*")
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : undefined;
      const web = url !== undefined && (url.protocol === "http:" || url.protocol === "https:") && !url.hostname.includes("*");
      if (!web || url.origin.toLowerCase() !== entry.toLowerCase()) {
        const hint = web ? ` (write ${url.origin})` : "";
        throw new Error(
          `GATEWAY_CORS_ORIGINS: "${entry.slice(0, 100)}" is not an origin: scheme://host[:port], no path or trailing slash${hint}`,
        );
      }
      return url.origin;
    });
  return { origins: [...new Set(origins)], anyOrigin };
}

/**
 * REDIS_URL and REDIS_PREFIX. A URL that is not redis:// or rediss:// is refused at start (a typo would otherwise
 * leave every process counting on its own); the prefix is letters, digits and `_ . : -`, and keys are `<prefix>:…`.
 */
export function redisFrom(env: NodeJS.ProcessEnv): RedisConfig {
  const url = env.REDIS_URL?.trim() || undefined;
  if (url !== undefined) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") || !parsed.hostname) {
      throw new Error("REDIS_URL must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379");
    }
  }
  const prefix = env.REDIS_PREFIX?.trim() || "ndaf";
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(prefix)) {
    throw new Error(`REDIS_PREFIX must be 1 to 64 letters, digits or _ . : -, got "${prefix.slice(0, 100)}"`);
  }
  return { url, prefix: prefix.replace(/:+$/, "") || "ndaf" };
}

/** GATEWAY_WORKERS: a whole number from 1, or `auto` for the cores this process may use (os.availableParallelism). */
export function workersFrom(raw: string | undefined, parallelism: number = os.availableParallelism()): number {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "") return 1;
  if (value === "auto") return Math.max(1, parallelism);
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1024) {
    throw new Error(`GATEWAY_WORKERS must be a whole number from 1 to 1024, or auto, got "${raw!.slice(0, 100)}"`);
  }
  return Number(value);
}

/**
 * Why this configuration cannot run as several processes, or undefined: an embedded (PGlite) database is a folder
 * one process may open, so every source needs its *_DATABASE_URL.
 */
export function multiProcessProblem(config: Pick<GatewayConfig, "sources" | "workers">): string | undefined {
  if (config.workers <= 1) return undefined;
  const embedded = SOURCE_NAMES.filter((name) => !config.sources[name].url);
  if (embedded.length === 0) return undefined;
  return (
    `GATEWAY_WORKERS=${config.workers} needs every source on Postgres, but ${embedded.join(", ")} ${embedded.length === 1 ? "is" : "are"} embedded ` +
    `(PGlite is one process's): set ${embedded.map((name) => URL_VARIABLES[name]).join(", ")}, or run one worker`
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const dataDir = path.resolve(env.DATA_DIR || ".data");
  const resilience: ResilienceConfig = {
    ...DEFAULT_RESILIENCE,
    // 0 turns the timeout off: batch work (seeding, migrations, audit:verify) runs statements that take minutes.
    queryTimeoutMs: integerFrom(env, "SOURCE_QUERY_TIMEOUT_MS", DEFAULT_RESILIENCE.queryTimeoutMs),
    resetTimeoutMs: Math.max(100, integerFrom(env, "SOURCE_CIRCUIT_RESET_MS", DEFAULT_RESILIENCE.resetTimeoutMs)),
  };
  const workers = workersFrom(env.GATEWAY_WORKERS);
  const poolSize = Math.max(1, integerFrom(env, "DATABASE_POOL_SIZE", defaultPoolSize(os.availableParallelism(), workers)));
  const sources = Object.fromEntries(
    SOURCE_NAMES.map((name) => {
      const url = env[URL_VARIABLES[name]] || undefined;
      return [name, { name, url, dataDir: url ? undefined : path.join(dataDir, name), resilience, poolSize } satisfies SourceConfig];
    }),
  ) as Record<SourceName, SourceConfig>;
  const environment = environmentFrom(env.NODE_ENV);
  return {
    port: integerFrom(env, "PORT", 4000),
    dataDir,
    sources,
    defaultSeedCitizens: integerFrom(env, "SEED_CITIZENS", 10_000),
    seed: integerFrom(env, "SEED", 2025),
    environment,
    access: {
      demoClients: environment !== "production",
      demoApiKey: env.GATEWAY_DEMO_API_KEY || undefined,
      introspection: booleanFrom(env, "GATEWAY_INTROSPECTION", environment !== "production"),
      rateLimitPerMinute: integerFrom(env, "GATEWAY_RATE_LIMIT", 600),
      anonymousRateLimitPerMinute: integerFrom(env, "GATEWAY_ANONYMOUS_RATE_LIMIT", 120),
      clientCacheMs: integerFrom(env, "GATEWAY_CLIENT_CACHE_MS", 10_000),
    },
    cors: {
      ...corsOriginsFrom(env.GATEWAY_CORS_ORIGINS, environment),
      localhost: booleanFrom(env, "GATEWAY_CORS_LOCALHOST", environment !== "production"),
    },
    audit: {
      signingKeyFile: env.AUDIT_SIGNING_KEY_FILE
        ? path.resolve(env.AUDIT_SIGNING_KEY_FILE)
        : environment === "development"
          ? path.join(dataDir, "audit-signing-key.pem")
          : undefined,
      generateSigningKey: environment === "development",
      requireSigningKey: environment === "production",
      checkpointIntervalMs: integerFrom(env, "AUDIT_CHECKPOINT_INTERVAL_MS", environment === "test" ? 0 : 5_000),
    },
    monitoring: {
      flushIntervalMs: integerFrom(env, "GATEWAY_MONITORING_FLUSH_MS", environment === "test" ? 0 : 10_000),
    },
    conformance: {
      timeoutMs: Math.max(1, integerFrom(env, "GATEWAY_CONFORMANCE_TIMEOUT_MS", 5_000)),
      // One thread leaves the other core of a 2-vCPU machine to the requests; the API's bounds keep a check short.
      threads: Math.max(1, integerFrom(env, "GATEWAY_CONFORMANCE_THREADS", 1)),
      queue: integerFrom(env, "GATEWAY_CONFORMANCE_QUEUE", 3),
    },
    redis: redisFrom(env),
    workers,
  };
}

export { URL_VARIABLES };
