/** Name search in list filters: folded, escaped, and long enough not to scan a whole source. */
import { InvalidInputError } from "../platform/errors.js";
import { say } from "../platform/i18n.js";
import { SHARED_MESSAGES } from "./messages.js";

/** Name search needs at least 2 characters after folding, or it would scan the whole source. */
export function searchPattern(text: string | null | undefined, fold: (s: string) => string): string | undefined {
  if (text === null || text === undefined) return undefined;
  const folded = fold(text);
  if (folded.length < 2)
    throw new InvalidInputError("INVALID_ARGUMENT", say(SHARED_MESSAGES.nameSearchTooShort, { text: JSON.stringify(text) }));
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
