import { describe, expect, it } from "vitest";
import { addBuckets, BUCKET_COUNT, bucketOf, emptyBuckets, LATENCY_BOUNDS_MS, percentile } from "./buckets.js";

describe("latency buckets", () => {
  it("puts a duration in the first bucket whose bound holds it, and anything slower than the last bound in +Inf", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(5)).toBe(0);
    expect(bucketOf(5.01)).toBe(1);
    expect(bucketOf(100)).toBe(LATENCY_BOUNDS_MS.indexOf(100));
    expect(bucketOf(10_000)).toBe(BUCKET_COUNT - 2);
    expect(bucketOf(10_000.5)).toBe(BUCKET_COUNT - 1);
    expect(bucketOf(Number.MAX_VALUE)).toBe(BUCKET_COUNT - 1);
  });

  it("adds bucket arrays element by element", () => {
    const a = emptyBuckets();
    a[0] = 2;
    a[3] = 1;
    const b = emptyBuckets();
    b[3] = 4;
    b[BUCKET_COUNT - 1] = 1;
    expect(addBuckets(a, b)).toEqual([2, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe("percentiles from buckets", () => {
  it("is null without requests", () => {
    expect(percentile(emptyBuckets(), 0.5, 0)).toBeNull();
  });

  it("interpolates within the bucket holding the rank", () => {
    // 100 requests in (10, 25] ms: the median half-way through the bucket, p99 near its top.
    const buckets = emptyBuckets();
    buckets[2] = 100;
    expect(percentile(buckets, 0.5, 25)).toBeCloseTo(17.5);
    expect(percentile(buckets, 0.99, 25)).toBeCloseTo(24.85);
  });

  it("finds the rank across buckets: 90 fast requests and 10 slow ones", () => {
    const buckets = emptyBuckets();
    buckets[0] = 90; // ≤ 5 ms
    buckets[LATENCY_BOUNDS_MS.indexOf(1_000)] = 10; // (500, 1000] ms
    expect(percentile(buckets, 0.5, 900)).toBeLessThanOrEqual(5);
    expect(percentile(buckets, 0.95, 900)).toBeGreaterThan(500);
    expect(percentile(buckets, 0.95, 900)).toBeLessThanOrEqual(900);
  });

  it("never estimates past the slowest request, and uses it for the +Inf bucket", () => {
    const buckets = emptyBuckets();
    buckets[1] = 1; // (5, 10] ms, but the request took 6 ms
    expect(percentile(buckets, 0.99, 6)).toBe(6);
    const slow = emptyBuckets();
    slow[BUCKET_COUNT - 1] = 4;
    expect(percentile(slow, 0.5, 30_000)).toBe(20_000);
    expect(percentile(slow, 1, 30_000)).toBe(30_000);
  });
});
