/**
 * Locks between processes. PGlite has no cross-process lock: two processes on one data folder corrupt it. A pid
 * file in DATA_DIR refuses a second gateway (or seed run) while the first is alive, and is taken over from a dead
 * one. On Postgres, start-up steps that several replicas may run at once (migrating, seeding an empty installation)
 * wait for each other on a session-level advisory lock.
 */
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

/** The advisory locks' first key, "NDAF" in ASCII; the second names the step. */
const LOCK_SPACE = 0x4e444146;
export const ADVISORY_LOCKS = { migrate: 1, seed: 2 } as const;

/**
 * Runs `fn` while holding an advisory lock on the database of `url`, on a connection of its own (session-level, so
 * no transaction has to span the work; released, and the connection closed, after it — or by the server if this
 * process dies). Without a statement timeout: the wait lasts as long as the other process's migration or seeding.
 */
export async function withAdvisoryLock<T>(url: string, lock: keyof typeof ADVISORY_LOCKS, fn: () => Promise<T>): Promise<T> {
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    fetch_types: false,
    connection: { application_name: `ndaf-gateway:lock:${lock}` },
  });
  try {
    await sql`select pg_advisory_lock(${LOCK_SPACE}::int, ${ADVISORY_LOCKS[lock]}::int)`;
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_SPACE}::int, ${ADVISORY_LOCKS[lock]}::int)`.catch(() => {});
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws a message naming the holder; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "gateway.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(file, "utf8"));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new Error(
          `Another gateway process (pid ${holder}) is using the embedded databases in ${dataDir}. ` +
            "Stop it first, or set DATA_DIR to another folder: PGlite must not be opened by two processes.",
          { cause: error },
        );
      }
      fs.unlinkSync(file); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
