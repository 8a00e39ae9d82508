/**
 * The Redis connection the processes of an installation share state through (the rate limits). Every command is
 * bounded, because a request must never wait on Redis: no offline queue (a command sent while disconnected fails at
 * once instead of piling up), a timeout on each command, no retries of a failed one. The callers have an in-process
 * fallback for every failure. The connection itself is retried for ever, backing off to 2 s.
 */
import { Redis } from "ioredis";
import type { RedisConfig } from "./config.js";
import { logger } from "./logger.js";

/** A command that has not answered by then fails, and its caller falls back. */
export const REDIS_COMMAND_TIMEOUT_MS = 250;
/** How long start-up waits for a first connection before going on without it (the callers fall back meanwhile). */
export const REDIS_CONNECT_WAIT_MS = 2_000;

export type { Redis };

/** Connects (waiting up to REDIS_CONNECT_WAIT_MS), logging each loss and each recovery once, not every retry. */
export async function openRedis(config: RedisConfig & { url: string }): Promise<Redis> {
  const client = new Redis(config.url, {
    enableOfflineQueue: false,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_CONNECT_WAIT_MS,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
    // Named in `CLIENT LIST`, as the Postgres connections are in pg_stat_activity.
    connectionName: `ndaf-gateway:${config.prefix}`,
    lazyConnect: true,
  });
  // The URL may carry a password: only its host is ever logged.
  const where = new URL(config.url).host;
  let up = false;
  let reported = false;
  client.on("ready", () => {
    up = true;
    reported = false;
    logger.info({ redis: where }, "Redis connected: rate limits are shared by every process");
  });
  client.on("error", (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn(
      { redis: where, err: error },
      up ? "Redis connection lost; retrying (meanwhile each process counts rate limits on its own)" : "Redis unreachable; retrying",
    );
    up = false;
  });
  client.on("close", () => (up = false));
  await Promise.race([client.connect().catch(() => {}), new Promise((resolve) => setTimeout(resolve, REDIS_CONNECT_WAIT_MS).unref())]);
  if (client.status !== "ready")
    logger.warn({ redis: where }, "Starting without Redis; rate limits count in this process until it connects");
  return client;
}

/** QUIT when connected (bounded), else drop the connection and stop retrying. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === "ready") {
    const quit = client.quit().then(
      () => true,
      () => false,
    );
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000).unref());
    if (await Promise.race([quit, timeout])) return;
  }
  client.disconnect(false);
}
