/**
 * Latency buckets of the operational records: fixed upper bounds in milliseconds, the last one +Inf. The bounds are
 * part of what the table's `latency_buckets` arrays mean — every replica and every stored minute uses these — so
 * they are never changed in place; percentiles are estimated from them, as Prometheus's histogram_quantile does.
 */

/** Upper bounds (ms, inclusive) of every bucket but the last, which holds everything slower. */
export const LATENCY_BOUNDS_MS: readonly number[] = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];

/** Buckets per record: one per bound, and the +Inf one. */
export const BUCKET_COUNT = LATENCY_BOUNDS_MS.length + 1;

/** The index of the bucket a duration falls in. */
export function bucketOf(durationMs: number): number {
  for (let i = 0; i < LATENCY_BOUNDS_MS.length; i++) if (durationMs <= LATENCY_BOUNDS_MS[i]!) return i;
  return LATENCY_BOUNDS_MS.length;
}

export function emptyBuckets(): number[] {
  return new Array<number>(BUCKET_COUNT).fill(0);
}

/** Adds `from` into `into`, element by element (a shorter array counts as zeros past its end). */
export function addBuckets(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < Math.min(into.length, from.length); i++) into[i]! += from[i] ?? 0;
  return into;
}

/**
 * The q-quantile (0 < q ≤ 1) estimated from bucket counts: the bucket holding the rank, then linear interpolation
 * between its bounds. The +Inf bucket has no upper bound, so the slowest request seen (`maxMs`) stands for it; no
 * estimate exceeds `maxMs`. Null when there are no requests.
 */
export function percentile(buckets: readonly number[], q: number, maxMs: number): number | null {
  const total = buckets.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i] ?? 0;
    if (count > 0 && below + count >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i]! : Math.max(maxMs, lower);
      const estimate = lower + (upper - lower) * ((rank - below) / count);
      return Math.min(estimate, maxMs);
    }
    below += count;
  }
  return maxMs;
}
