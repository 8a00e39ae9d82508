/** The backoff before a dead worker is started again. */
import { describe, expect, it } from "vitest";
import { restartDelayMs } from "./cluster.js";

describe("restartDelayMs", () => {
  it("waits 1 s after a first death, doubling with each death in a row, never more than 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(restartDelayMs(0)).toBe(1_000);
  });
});
