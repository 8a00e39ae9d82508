/**
 * One handle per national source: a drizzle database over embedded PGlite or postgres.js, the raw client
 * for bulk COPY, and a statement counter every query passes through (tests assert on it; metrics read it).
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { DATA_SOURCE_NAMES, DEFAULT_RESILIENCE, defaultPoolSize, type SourceConfig, type SourceName } from "../config.js";
import { type Listening, listenOnPostgres } from "./listen.js";
import { ADVISORY_LOCKS, withAdvisoryLock } from "./lock.js";
import { SourceGuard } from "./resilience.js";
import { type MappedQuery, useFlatRowMapper } from "./row-mapper.js";
import { createFreshDataDir, isFreshDataDir, pgliteTemplate } from "./template.js";

export type { Listening };
export type Database = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export interface QueryEvent {
  source: SourceName;
  sql: string;
  params: unknown[];
}

export interface Source {
  readonly name: SourceName;
  readonly driver: "pglite" | "postgres";
  readonly db: Database;
  /**
   * The same database for the loaders' batches, statements that fetch rows by key (`column = ANY($keys)`), whose
   * best plan does not depend on the keys. On Postgres, connections of their own that keep one generic plan per
   * statement (`plan_cache_mode = force_generic_plan`): by default the server plans such a statement again at every
   * execution, since its plan for one key always looks cheaper than the generic one, which doubled what a lookup
   * cost the server. Every other statement (lists, searches, the trail) is planned for its values, on `db`.
   * Embedded, and for the gateway's own database (no loaders), `db` itself.
   */
  readonly lookups: Database;
  /** Statements issued through `db` and `lookups` since the source was opened. */
  readonly statements: { count: number };
  /** Listeners told of every statement (SQL text and parameters); used by tests and metrics. */
  readonly listeners: Set<(event: QueryEvent) => void>;
  /** Run raw SQL (DDL, maintenance); rows as plain objects on both drivers. */
  raw<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The source's circuit breaker and query timeout; every statement through `db` and `raw` passes it. */
  readonly guard: SourceGuard;
  /** Bulk-load CSV text into a table with COPY (both drivers). */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * LISTEN on a channel for as long as the source is open: `onMessage` with each notification's payload (sent with
   * `pg_notify` in a transaction, delivered when it commits, to every process listening on the database), and
   * `onListen` each time listening (re)starts — notifications sent while it was down are lost, so whatever they
   * keep fresh is to be dropped then. On Postgres over a connection of its own (src/platform/db/listen.ts).
   */
  listen(channel: string, onMessage: (payload: string) => void, onListen: () => void): Promise<Listening>;
  /**
   * Runs `fn` once no other process runs the same step on this database: a Postgres advisory lock. An embedded
   * database is one process's (the data-folder lock), so there it just runs.
   */
  exclusively<T>(step: keyof typeof ADVISORY_LOCKS, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Every source by name: what app.ts opens and closes, and what per-request slices are built over. */
export type Sources = Record<SourceName, Source>;

/** What a source module reads through: its database, and the same database for its loaders' lookups by key. */
export type SourceDatabases = Pick<Source, "db" | "lookups">;

interface PreparedLike {
  [method: string]: unknown;
}

interface SessionLike {
  prepareQuery(...args: unknown[]): PreparedLike;
  transaction(...args: unknown[]): Promise<unknown>;
}

/**
 * Puts every statement drizzle runs on this database — builders, db.execute, relational queries — and every
 * transaction (as one unit) under the source's guard, at the one place they all pass: the session.
 *
 * On Postgres every statement is also a named prepared statement (`preparedStatements`). drizzle asks postgres.js
 * for an unnamed one unless the query was given a name, and postgres.js answers an unnamed statement with
 * parameters in two round trips: Parse/Describe, wait for the parameter types, then Bind/Execute — and the server
 * parses and plans it again every time. Named, postgres.js keeps it per connection by its text and types, so from
 * the second time on a statement is one Bind/Execute in one write. The statements' texts are the code's own (values
 * are always parameters), so the set each connection keeps is bounded by the code.
 */
function guardDatabase(db: Database, guard: SourceGuard, preparedStatements = false): void {
  const session = (db as unknown as { session: SessionLike }).session;
  const prepare = session.prepareQuery.bind(session);
  session.prepareQuery = (...args: unknown[]) => {
    const prepared = prepare(...args);
    if (preparedStatements && typeof prepared.prepare === "boolean") prepared.prepare = true;
    // `execute` maps rows through it; `all` and `values` return them raw.
    useFlatRowMapper(prepared as MappedQuery);
    for (const method of ["execute", "all", "values"]) {
      const original = prepared[method];
      if (typeof original === "function")
        prepared[method] = (...a: unknown[]) => guard.run(() => original.apply(prepared, a) as Promise<unknown>);
    }
    return prepared;
  };
  const transaction = session.transaction.bind(session);
  session.transaction = (...args: unknown[]) => guard.run(() => transaction(...args));
}

export async function openSource(config: SourceConfig): Promise<Source> {
  const statements = { count: 0 };
  const resilience = config.resilience ?? DEFAULT_RESILIENCE;
  const guard = new SourceGuard(config.name, resilience);
  const listeners = new Set<(event: QueryEvent) => void>();
  const logger = {
    logQuery(query: string, params: unknown[]) {
      statements.count++;
      for (const listener of listeners) listener({ source: config.name, sql: query, params });
    },
  };

  if (config.url) {
    const url = config.url;
    const listenings = new Set<Listening>();
    // The source's connections in all: a data source's split between its loaders' lookups by key and the rest, one
    // each at least (the bench measured no difference between 2 + 2 and 4 + 4 on two cores). The gateway's own
    // database has no loaders: its lookups are `db`, which keeps every connection (the audit insert, the sealer).
    const size = config.poolSize ?? defaultPoolSize();
    const hasLoaders = (DATA_SOURCE_NAMES as readonly SourceName[]).includes(config.name);
    const lookupSize = hasLoaders ? Math.max(1, Math.floor(size / 2)) : 0;
    const connect = (role: string, max: number, settings: Record<string, string> = {}) =>
      postgres(url, {
        max,
        // Seconds before a closed connection is opened again, after `retries` failed ones in a row. postgres.js's own
        // grows to 20 s, and a statement given that connection waits it out: once a source was back, its answers
        // kept timing out for seconds (more often the fewer connections). The breaker is what holds requests off a
        // source that is down; this only spaces the reconnects, at most half a second apart.
        backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
        onnotice: () => {},
        // Dates stay as 'YYYY-MM-DD' strings on both drivers (PGlite returns them as Date by default).
        types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
        // A server that does not answer is given up on; the server itself cancels statements past the timeout.
        connect_timeout: resilience.queryTimeoutMs > 0 ? Math.max(1, Math.ceil(resilience.queryTimeoutMs / 1000)) : 30,
        connection: {
          application_name: `ndaf-gateway:${config.name}${role}`,
          ...(resilience.queryTimeoutMs > 0 ? { statement_timeout: resilience.queryTimeoutMs } : {}),
          ...settings,
        },
      });
    const client = connect("", Math.max(1, size - lookupSize));
    const db = drizzlePostgres(client, { logger }) as unknown as Database;
    guardDatabase(db, guard, true);
    // Connected on the first lookup, as every postgres.js pool is on the first statement that needs a connection.
    const lookupClient = lookupSize > 0 ? connect(":lookups", lookupSize, { plan_cache_mode: "force_generic_plan" }) : undefined;
    let lookups = db;
    if (lookupClient) {
      lookups = drizzlePostgres(lookupClient, { logger }) as unknown as Database;
      guardDatabase(lookups, guard, true);
    }
    return {
      name: config.name,
      driver: "postgres",
      db,
      lookups,
      statements,
      listeners,
      guard,
      async raw<T>(text: string, params: unknown[] = []) {
        return guard.run(async () => (await client.unsafe(text, params as never[])) as unknown as T[]);
      },
      async copyCsv(table, columns, csv) {
        const stream = await client.unsafe(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`).writable();
        await new Promise<void>((resolve, reject) => {
          stream.on("error", reject);
          stream.on("finish", () => resolve());
          stream.end(csv);
        });
      },
      async listen(channel, onMessage, onListen) {
        const listening = await listenOnPostgres(url, `ndaf-gateway:${config.name}:listen`, channel, onMessage, onListen);
        listenings.add(listening);
        return listening;
      },
      exclusively: (step, fn) => withAdvisoryLock(url, step, fn),
      close: async () => {
        guard.shutdown();
        await Promise.allSettled([...listenings].map((l) => l.close()));
        await Promise.all([client.end({ timeout: 5 }), lookupClient?.end({ timeout: 5 })]);
      },
    };
  }

  // A new database starts from a copy of an initialised one instead of running initdb again (src/platform/db/template.ts).
  if (config.dataDir && isFreshDataDir(config.dataDir)) await createFreshDataDir(config.dataDir);
  const client = await PGlite.create(config.dataDir ?? "memory://", {
    extensions: { pg_trgm },
    parsers: { 1082: (x: string) => x },
    ...(config.dataDir ? {} : { loadDataDir: new Blob([new Uint8Array(await pgliteTemplate())]) }),
  });
  const db = drizzlePglite(client, { logger }) as unknown as Database;
  guardDatabase(db, guard);
  return {
    name: config.name,
    driver: "pglite",
    db,
    lookups: db,
    statements,
    listeners,
    guard,
    async raw<T>(text: string, params: unknown[] = []) {
      return guard.run(async () => {
        const result = params.length
          ? await client.query<T>(text, params)
          : await client.exec(text).then((r) => ({ rows: (r.at(-1)?.rows ?? []) as T[] }));
        return result.rows;
      });
    },
    async copyCsv(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async listen(channel, onMessage, onListen) {
      // One process, one connection: nothing to lose or reconnect, so listening is active until closed.
      const unlisten = await client.listen(channel, onMessage);
      onListen();
      let active = true;
      return {
        get active() {
          return active;
        },
        close: async () => {
          active = false;
          await unlisten().catch(() => {});
        },
      };
    },
    exclusively: (_step, fn) => fn(),
    close: async () => {
      guard.shutdown();
      await client.close();
    },
  };
}
