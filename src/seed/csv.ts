/**
 * CSV in both directions: reading the reference files under seeds/ and writing COPY input (FORMAT csv).
 * In COPY's CSV format an unquoted empty field is NULL and a quoted one ("") is the empty string, so free text
 * always goes through `quote` and codes/dates/numbers are written bare.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Project root (src/seed/ → ../..), so the seeds are found from tsx, vitest and a built dist/ alike. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function seedFile(...parts: string[]): string {
  return path.join(PROJECT_ROOT, "seeds", ...parts);
}

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV file with a header row into objects keyed by the header's column names. */
export function readCsvRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  return rows.filter((r) => r.length > 1 || r[0] !== "").map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

/** A text value for CSV held as a JS string: always quoted, inner quotes doubled; null/undefined → NULL. */
export function quote(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL and the other control characters included
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The UTF-8 bytes of `value` as a one-byte JS string (one char per byte). The generator builds its CSV from such
 * strings and copies them into the COPY buffer as latin1, which is several times faster than UTF-8-encoding
 * two-byte (Vietnamese) strings row by row. See TableBuffer.
 */
export function utf8Bytes(value: string): string {
  return ASCII.test(value) ? value : Buffer.from(value, "utf8").toString("latin1");
}

/** A text value for the generator's CSV buffers: quoted like `quote`, and as UTF-8 bytes (`utf8Bytes`). */
export function field(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return quote(utf8Bytes(value));
}

/** A bare value for COPY (codes, dates, numbers); null/undefined → NULL. */
export function bare(value: string | number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** One CSV line from already-encoded fields. */
export function line(fields: readonly string[]): string {
  return `${fields.join(",")}\n`;
}
