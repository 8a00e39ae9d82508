/**
 * Throwaway databases on a PostgreSQL server, for the tests, the benchmarks and the load run: created under names no
 * other run can hold, dropped on close with any connection still open to them. The server is TEST_POSTGRES_URL (a
 * URL whose user may create databases), by default postgres://postgres@127.0.0.1:5432/postgres.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export const ADMIN_URL_VARIABLE = "TEST_POSTGRES_URL";
export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server's admin URL: TEST_POSTGRES_URL when set, an empty value as unset; else the local default. */
export function postgresAdminUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env[ADMIN_URL_VARIABLE]) return env[ADMIN_URL_VARIABLE];
  return DEFAULT_ADMIN_URL;
}

export interface ThrowawayDatabases<N extends string> {
  /** `<prefix>_<pid>_<random>`, the start of every database's name: a leftover names the process that made it. */
  readonly tag: string;
  /** Each database's name, `<tag>_<name>`. */
  readonly databases: Record<N, string>;
  /** Each database's URL: the admin URL with the database's name as its path. */
  readonly urls: Record<N, string>;
  readonly adminUrl: string;
  /** One connection to the server's admin database, open until close(). */
  readonly admin: postgres.Sql;
  /** Drops every database (each tried, whatever the others do) and ends the admin connection; once. */
  close(): Promise<void>;
}

// Postgres cuts longer identifiers to 63 bytes, so two long names could end up one database.
const MAX_IDENTIFIER = 63;

/** Lower-case letters, digits and underscores: a name Postgres neither folds nor needs quoted to read as it is. */
function sanitise(part: string): string {
  const clean = part
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!clean) throw new Error(`"${part}" leaves nothing to name a database with`);
  return clean;
}

/**
 * Creates one database per name, `<prefix>_<pid>_<random>_<name>`, on the server of `adminUrl` (default
 * postgresAdminUrl()). When one cannot be created, those already made are dropped before the error is thrown.
 */
export async function createThrowawayDatabases<const N extends string>(
  prefix: string,
  names: readonly N[],
  options: { adminUrl?: string } = {},
): Promise<ThrowawayDatabases<N>> {
  const adminUrl = options.adminUrl ?? postgresAdminUrl();
  const tag = `${sanitise(prefix)}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const databases = {} as Record<N, string>;
  const urls = {} as Record<N, string>;
  const seen = new Set<string>();
  for (const name of names) {
    const database = `${tag}_${sanitise(name)}`;
    if (Buffer.byteLength(database) > MAX_IDENTIFIER)
      throw new Error(`database name ${database} is longer than ${MAX_IDENTIFIER} bytes: use a shorter prefix or name`);
    if (seen.has(database)) throw new Error(`two databases would be named ${database}`);
    seen.add(database);
    databases[name] = database;
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    urls[name] = url.toString();
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const created: string[] = [];
  // DROP DATABASE … WITH (FORCE) arrived in PostgreSQL 13; before it, the open connections are ended first.
  let force = true;
  const drop = async (database: string) => {
    if (!force)
      await admin.unsafe("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
        database,
      ]);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${database}"${force ? " WITH (FORCE)" : ""}`);
  };
  const dropAll = async () => {
    const failures: string[] = [];
    for (const database of created.splice(0).reverse()) {
      await drop(database).catch((error: Error) => failures.push(`${database}: ${error.message}`));
    }
    await admin.end({ timeout: 5 });
    if (failures.length) throw new Error(`could not drop every throwaway database; left behind:\n  ${failures.join("\n  ")}`);
  };

  try {
    const [{ server_version_num }] = await admin.unsafe<{ server_version_num: string }[]>("SHOW server_version_num");
    force = Number(server_version_num) >= 130000;
    for (const name of names) {
      await admin.unsafe(`CREATE DATABASE "${databases[name]}"`);
      created.push(databases[name]);
    }
  } catch (error) {
    await dropAll().catch(() => {});
    throw error;
  }

  let closing: Promise<void> | undefined;
  return { tag, databases, urls, adminUrl, admin, close: () => (closing ??= dropAll()) };
}
