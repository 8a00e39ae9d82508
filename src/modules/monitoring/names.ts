/**
 * What an operational record may say of a request, made safe to store: the operation's name is the client's own
 * text, so it is cut to a short name of letters, digits and underscores, with no run of digits long enough to be a
 * personal id, a phone number or a tax code; the client is named unless it is a citizen (whose id is their
 * personal id); the outcome is a code of the schema's ErrorCode enum.
 */
import type { Client } from "../access/index.js";
import { ERROR_CODES } from "../../platform/errors.js";

export const MAX_OPERATION_NAME = 64;
/** An operation without a name. */
export const UNNAMED_OPERATION = "(unnamed)";
/** Operations past a client's bound of distinct names in one minute. */
export const OTHER_OPERATION = "(other)";
/** A request refused before its operation was read (a refused credential, a rate limit, a body that is not JSON). */
export const UNREAD_OPERATION = "(unread)";
/** Requests without a credential. */
export const ANONYMOUS_CLIENT = "anonymous";
/** Every citizen client's requests, together: a citizen's client id is their personal id. */
export const CITIZEN_CLIENTS = "VN:CIT:[citizens]";
export const OK_OUTCOME = "OK";

/** Digits in a row past which a name's digits are dropped: a personal id is 12, a phone number 10, a tax code 10. */
const LONGEST_DIGIT_RUN = 4;
/** Digits a name keeps in all; more, split by letters or underscores, could spell an id out in pieces. */
const MOST_DIGITS = 8;

/**
 * The operation's name as a record keeps it: only [A-Za-z0-9_], runs of more than 4 digits dropped, no digits at
 * all when more than 8 remain, at most 64 characters; `(unnamed)` when nothing is left.
 */
export function operationNameOf(raw: string | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0) return UNNAMED_OPERATION;
  // A hostile name of megabytes is cut before any work on it; what a record keeps is far shorter.
  let name = raw.slice(0, 4 * MAX_OPERATION_NAME).replace(/[^A-Za-z0-9_]+/g, "");
  name = name.replace(new RegExp(`\\d{${LONGEST_DIGIT_RUN + 1},}`, "g"), "");
  if ((name.match(/\d/g)?.length ?? 0) > MOST_DIGITS) name = name.replace(/\d+/g, "");
  name = name.slice(0, MAX_OPERATION_NAME);
  return name.length > 0 ? name : UNNAMED_OPERATION;
}

/** Whom the records name: the client's id, one name for every citizen, `anonymous` without a credential. */
export function recordedClientId(client: Pick<Client, "id" | "kind"> | null | undefined): string {
  if (!client) return ANONYMOUS_CLIENT;
  return client.kind === "CITIZEN" ? CITIZEN_CLIENTS : client.id;
}

/** `OK`, or the error's code when it is one of the schema's (anything else is the gateway's own failure). */
export function outcomeOf(code: unknown): string {
  if (code === undefined || code === null) return OK_OUTCOME;
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code) ? code : "INTERNAL_SERVER_ERROR";
}
