/**
 * LISTEN on Postgres, kept up for as long as the process runs. postgres.js's own `sql.listen` re-LISTENs after a
 * reconnect but drops the listener for good when that one attempt fails (the database still down), and a connection
 * that hangs without closing goes unnoticed for minutes (TCP keep-alive). So: one connection of its own, LISTEN again
 * with a backoff until it works, and a heartbeat every second; `active` is true only while the last heartbeat
 * answered, and `onListen` runs each time listening (re)starts, since notifications may have been missed before.
 */
import postgres from "postgres";

/** A LISTEN kept up by the source. */
export interface Listening {
  /** True while notifications are being received (the connection answered within the last heartbeat). */
  readonly active: boolean;
  close(): Promise<void>;
}

export const HEARTBEAT_MS = 1_000;

export async function listenOnPostgres(
  url: string,
  applicationName: string,
  channel: string,
  onMessage: (payload: string) => void,
  onListen: () => void,
): Promise<Listening> {
  let active = false;
  /** The connection that ran LISTEN is still the one open (a new one after a close has not listened yet). */
  let listened = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let attempts = 0;
  const sql = postgres(url, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: 0,
    fetch_types: false,
    connect_timeout: 2,
    onnotice: () => {},
    connection: { application_name: applicationName },
    onnotify: (name: string, payload: string) => {
      if (name === channel) onMessage(payload);
    },
    onclose: () => {
      active = false;
      listened = false;
      schedule();
    },
  } as postgres.Options<Record<string, never>>);

  const start = async () => {
    try {
      await sql.unsafe(`LISTEN "${channel.replace(/"/g, '""')}"`);
      attempts = 0;
      listened = true;
      active = true;
      onListen();
    } catch {
      active = false;
      schedule();
    }
  };
  function schedule() {
    if (closed || retry) return;
    retry = setTimeout(
      () => {
        retry = undefined;
        void start();
      },
      Math.min(100 * 2 ** attempts++, 1_000),
    );
    retry.unref();
  }

  // A statement on the listening connection: it answers after any notification queued before it, so once it does
  // again after a hang, nothing was lost on this connection, but the cache is dropped all the same.
  let beating = false;
  const heartbeat = setInterval(() => {
    if (closed || beating || retry) return;
    beating = true;
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), HEARTBEAT_MS).unref());
    Promise.race([sql.unsafe("select 1").then(() => "ok" as const), timeout])
      .then(
        (outcome) => {
          if (outcome === "timeout") active = false;
          else if (!active && listened) {
            active = true;
            onListen();
          }
        },
        () => (active = false),
      )
      .finally(() => (beating = false));
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await start();
  return {
    get active() {
      return active && !closed;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      active = false;
      clearInterval(heartbeat);
      clearTimeout(retry);
      await sql.end({ timeout: 1 });
    },
  };
}
