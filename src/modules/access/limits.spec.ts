/**
 * The per-client rate limit in this process, and with Redis configured but not answering: every decision falls back
 * to the in-process count at once (no wait, no error), is counted, and refuses with the same RATE_LIMITED error.
 * The Redis client here never connects (lazyConnect, never asked to): what a process sees before Redis is up, or
 * while it is down. Limits shared through a real Redis are test/reliability/replicas.test.ts's.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { GatewayError } from "../../platform/errors.js";
import { RateLimits } from "./limits.js";

async function outcomes(limits: RateLimits, key: string, perMinute: number, times: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < times; i++) {
    out.push(
      await limits.consume(key, perMinute).then(
        () => "ok",
        (error: GatewayError) => `${error.code} ${(error.extensions as { retryAfterSeconds?: number }).retryAfterSeconds}`,
      ),
    );
  }
  return out;
}

describe("RateLimits in this process", () => {
  it("answers the first N requests of a minute and refuses the next with retryAfterSeconds", async () => {
    const limits = new RateLimits(600, 120);
    expect(limits.shared).toBe(false);
    expect(await outcomes(limits, "client:A", 3, 4)).toEqual(["ok", "ok", "ok", "RATE_LIMITED 60"]);
    // Another key, another count; no limit at all for 0.
    expect(await outcomes(limits, "client:B", 3, 1)).toEqual(["ok"]);
    expect(await outcomes(limits, "client:C", 0, 5)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
  });
});

describe("RateLimits with Redis not answering", () => {
  const redis = new Redis("redis://127.0.0.1:6379", { lazyConnect: true, enableOfflineQueue: false });
  afterAll(() => redis.disconnect());

  it("counts in this process at once, with the same refusal, and counts each fallback", async () => {
    const limits = new RateLimits(600, 120, { redis, prefix: "ndaf-spec", keySecret: Buffer.alloc(32, 7) });
    expect(limits.shared).toBe(true);
    const started = performance.now();
    expect(await outcomes(limits, "client:A", 2, 3)).toEqual(["ok", "ok", "RATE_LIMITED 60"]);
    expect(performance.now() - started).toBeLessThan(200);
    expect(limits.fallbacks.count).toBe(3);
    expect(redis.status).toBe("wait");
  });
});
