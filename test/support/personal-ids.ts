/**
 * Finding personal ids in an answer, and the people the audit trail names for a request: the two sides of the
 * audit invariant (every personal id that leaves the gateway has a row naming that person, in that request).
 */
import { parsePersonalId } from "../../src/shared/codes.js";
import type { Source } from "../../src/platform/db/source.js";

/** Where in the answer an id was seen, and how it was carried. */
export interface Occurrence {
  id: string;
  /** JSON path in the response body: `data.r0.edges[3].cursor`, `errors[0].message`. */
  path: string;
  /** `value`: the whole string; `inside`: part of a longer string; `decoded`: inside a base64url `<kind>:<key>` token. */
  via: "value" | "inside" | "decoded";
}

/** A run of exactly 12 digits: not part of a longer number, a word or a hex group. */
const TWELVE_DIGITS = /(?<![0-9A-Za-z])\d{12}(?![0-9A-Za-z])/g;
/**
 * Identifiers the gateway mints at random that can, by chance, hold 12 digits in a row: UUIDs (request ids) and
 * dossier ids (HS-<date>-<12 hex digits>). They are not personal data and never carry a personal id.
 */
const OPAQUE_IDS = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\bHS-\d{8}-[0-9A-F]{12}\b/gi;
const BASE64URL = /^[A-Za-z0-9_-]{4,}={0,2}$/;
/** What a readable cursor decodes to: `<kind>:<key>` in printable text (`citizen:001203004567`). */
const KIND_AND_KEY = /^[A-Za-z][\w.-]*:[\x20-\x7e\u00a0-\uffff]+$/;

export function isPersonalId(value: string): boolean {
  return !("error" in parsePersonalId(value));
}

/** The `<kind>:<key>` text a base64url token decodes to, or null when it is not one (an opaque token, a word). */
export function decodeReadableToken(value: string): string | null {
  if (!BASE64URL.test(value)) return null;
  const bytes = Buffer.from(value, "base64url");
  // Only canonical encodings: an arbitrary word is not taken for a token because it happens to decode.
  if (bytes.toString("base64url") !== value.replace(/=+$/, "")) return null;
  const text = bytes.toString("utf8");
  return KIND_AND_KEY.test(text) && !text.includes("\ufffd") ? text : null;
}

/** Personal ids in a text, wherever they stand, once opaque identifiers are set aside. */
function idsInText(text: string): string[] {
  return [...text.replace(OPAQUE_IDS, "<opaque>").matchAll(TWELVE_DIGITS)].map((m) => m[0]).filter(isPersonalId);
}

/** Every personal id in a JSON value: whole strings, 12-digit runs inside longer ones, and inside readable tokens. */
export function personalIdsIn(value: unknown, path = ""): Occurrence[] {
  const found: Occurrence[] = [];
  const walk = (v: unknown, at: string) => {
    if (typeof v === "string") {
      if (isPersonalId(v)) found.push({ id: v, path: at, via: "value" });
      else for (const id of idsInText(v)) found.push({ id, path: at, via: "inside" });
      const decoded = decodeReadableToken(v);
      if (decoded) for (const id of idsInText(decoded)) found.push({ id, path: at, via: "decoded" });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${at}[${i}]`));
    } else if (v && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) walk(item, at ? `${at}.${key}` : key);
    }
  };
  walk(value, path);
  return found;
}

export interface AuditRow {
  request_id: string;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  fields: string[];
}

/** The audit rows of the given request ids, as the trail holds them. */
export async function auditRowsOf(gateway: Source, requestIds: string[]): Promise<AuditRow[]> {
  if (requestIds.length === 0) return [];
  return gateway.raw<AuditRow>(
    "select request_id, action, subject_kind, subject_id, fields from gateway.audit_subjects where request_id = any($1::text[]) order by seq, subject_index",
    [requestIds],
  );
}

/** The people (subject_kind CITIZEN) the trail names for those requests. */
export async function auditedCitizens(gateway: Source, requestIds: string[]): Promise<Set<string>> {
  const rows = await auditRowsOf(gateway, requestIds);
  return new Set(rows.filter((r) => r.subject_kind === "CITIZEN" && r.subject_id).map((r) => r.subject_id!));
}
