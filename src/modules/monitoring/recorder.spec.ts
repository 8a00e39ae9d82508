import { describe, expect, it, vi } from "vitest";
import { logger } from "../../platform/logger.js";
import { OperationalRecorder, type OperationalCell } from "./recorder.js";

const SYSTEM = { id: "VN:GOV:000.00.00.H01:test", kind: "SYSTEM" as const };
const MINUTE = Date.UTC(2026, 0, 5, 10, 30);

function recorder(options: { maxCells?: number; fail?: () => boolean } = {}) {
  let now = MINUTE + 1_000;
  const written: OperationalCell[][] = [];
  const r = new OperationalRecorder(
    async (cells) => {
      if (options.fail?.()) throw Object.assign(new Error("Failed query: insert … params: VN:GOV:secret"), { cause: { code: "08006" } });
      written.push(cells.map((c) => ({ ...c, latencyBuckets: [...c.latencyBuckets] })));
    },
    { flushIntervalMs: 0, maxCells: options.maxCells, now: () => now },
  );
  return { r, written, at: (ms: number) => (now = ms) };
}

describe("the operational recorder", () => {
  it("sums requests per minute, client, operation, procedure and outcome, and writes them in one batch", async () => {
    const { r, written } = recorder();
    r.record({ client: SYSTEM, operation: "Profile", procedure: "1.001193", durationMs: 3 });
    r.record({ client: SYSTEM, operation: "Profile", procedure: "1.001193", durationMs: 40 });
    r.record({ client: SYSTEM, operation: "Profile", procedure: "1.001193", code: "FIELD_NOT_GRANTED", durationMs: 2 });
    r.record({ client: null, operation: null, procedure: null, code: "UNAUTHENTICATED", durationMs: 1 });
    await r.flush();
    expect(written).toHaveLength(1);
    const cells = written[0]!;
    expect(cells).toHaveLength(3);
    const ok = cells.find((c) => c.outcome === "OK")!;
    expect(ok).toMatchObject({
      clientId: SYSTEM.id,
      operation: "Profile",
      procedureCode: "1.001193",
      requests: 2,
      durationMsSum: 43,
      durationMsMax: 40,
    });
    expect(ok.windowStart.getTime()).toBe(MINUTE);
    expect(ok.latencyBuckets.reduce((a, b) => a + b, 0)).toBe(2);
    expect(cells.find((c) => c.clientId === "anonymous")).toMatchObject({
      operation: "(unnamed)",
      procedureCode: "",
      outcome: "UNAUTHENTICATED",
    });
    await r.flush();
    expect(written).toHaveLength(1);
  });

  it("holds each client to 50 operation names a minute, the rest as (other), and starts again the next minute", async () => {
    const { r, written, at } = recorder();
    for (let i = 0; i < 70; i++) r.record({ client: SYSTEM, operation: `Op${i}`, procedure: null, durationMs: 1 });
    r.record({ client: SYSTEM, operation: "Op3", procedure: null, durationMs: 1 });
    for (let i = 0; i < 70; i++) r.record({ client: null, operation: `Anon${i}`, procedure: null, durationMs: 1 });
    await r.flush();
    const names = (client: string) => new Set(written[0]!.filter((c) => c.clientId === client).map((c) => c.operation));
    expect(names(SYSTEM.id).size).toBe(51);
    expect(names(SYSTEM.id).has("(other)")).toBe(true);
    expect(names("anonymous").size).toBe(51);
    expect(written[0]!.find((c) => c.operation === "(other)" && c.clientId === SYSTEM.id)!.requests).toBe(20);
    expect(written[0]!.find((c) => c.operation === "Op3")!.requests).toBe(2);
    at(MINUTE + 61_000);
    r.record({ client: SYSTEM, operation: "Op69", procedure: null, durationMs: 1 });
    await r.flush();
    expect(written[1]).toMatchObject([{ operation: "Op69", windowStart: new Date(MINUTE + 60_000) }]);
  });

  it("records a procedure only when it is a procedure code", async () => {
    const { r, written } = recorder();
    r.record({ client: SYSTEM, operation: "A", procedure: "001204012345 lookup", durationMs: 1 });
    await r.flush();
    expect(written[0]![0]!.procedureCode).toBe("");
  });

  it("keeps a failed flush's counts and adds them to the next one", async () => {
    let failing = true;
    const { r, written } = recorder({ fail: () => failing });
    const warn = vi.spyOn(logger, "warn");
    r.record({ client: SYSTEM, operation: "A", procedure: null, durationMs: 10 });
    await r.flush();
    expect(written).toHaveLength(0);
    // Logged by kind and SQLSTATE only: a failed query's message carries its text and parameters.
    expect(warn).toHaveBeenCalledWith({ error: "Error", code: "08006", cells: 1 }, expect.stringContaining("kept for the next flush"));
    expect(JSON.stringify(warn.mock.calls)).not.toContain("secret");
    warn.mockRestore();
    expect(r.pending).toBe(1);
    r.record({ client: SYSTEM, operation: "A", procedure: null, durationMs: 30 });
    failing = false;
    await r.flush();
    expect(written[0]).toMatchObject([{ operation: "A", requests: 2, durationMsSum: 40, durationMsMax: 30 }]);
    expect(r.pending).toBe(0);
  });

  it("holds at most maxCells in memory while writes fail, dropping what is past the bound", async () => {
    const { r } = recorder({ maxCells: 10, fail: () => true });
    for (let i = 0; i < 30; i++)
      r.record({ client: { id: `VN:GOV:X:s${i}`, kind: "SYSTEM" }, operation: "A", procedure: null, durationMs: 1 });
    expect(r.pending).toBe(10);
    await r.flush();
    r.record({ client: SYSTEM, operation: "B", procedure: null, durationMs: 1 });
    expect(r.pending).toBe(10);
  });

  it("never throws into the request, whatever it is given", () => {
    const { r } = recorder();
    expect(() =>
      r.record({ client: SYSTEM, operation: "A".repeat(10_000), procedure: null, code: { toString: null }, durationMs: NaN }),
    ).not.toThrow();
  });
});
