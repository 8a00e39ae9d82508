/** Plain-text table of a seed run, for the CLI scripts. */
import type { SeedSummary } from "./index.js";

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const secs = (ms: number) => (ms / 1000).toFixed(2);

export function formatSeedSummary(summary: SeedSummary): string {
  const header = ["table", "rows", "COPY s", "index s", "rows/s"];
  const rows: string[][] = summary.tables.map((t) => {
    const ms = t.copyMs + t.indexMs;
    return [t.table, fmt(t.rows), ms ? secs(t.copyMs) : "-", ms ? secs(t.indexMs) : "-", ms ? fmt(t.rows / (ms / 1000)) : "-"];
  });
  const total = summary.tables.reduce((s, t) => s + t.rows, 0);
  rows.push(["total (wall clock)", fmt(total), "", "", fmt(total / (summary.elapsedMs / 1000))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(0, -1).map(line),
    widths.map((w) => "-".repeat(w)).join("  "),
    line(rows[rows.length - 1]),
    "",
    `${fmt(summary.citizens)} citizens (seed ${summary.seed}) in ${secs(summary.elapsedMs)} s ` +
      `(reference data ${secs(summary.referenceMs)} s; the three sources load concurrently, so per-table seconds overlap).`,
  ].join("\n");
}
