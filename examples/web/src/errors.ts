/**
 * Errors by code. The gateway puts a stable code in every error's `extensions.code` (and a message a person can
 * act on); an app branches on the code, never on the message. The schema's `ErrorCode` enum, once published, lists
 * them all; these are the ones an app usually handles itself.
 */
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";

export type GatewayErrorCode =
  /** No or a malformed key: sign in again. */
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIAL"
  | "CREDENTIAL_EXPIRED"
  /** Personal data needs X-Purpose-Procedure and X-Purpose-Case: the operation was sent without a purpose. */
  | "PURPOSE_REQUIRED"
  | "INVALID_PURPOSE"
  /** The client holds no grant for this source, class or procedure: a field to remove, or a grant to ask for. */
  | "PURPOSE_NOT_GRANTED"
  | "FIELD_NOT_GRANTED"
  | "SUBJECT_NOT_PERMITTED"
  /** A cursor that is not one the gateway gave (or from another list): start the list again. */
  | "INVALID_CURSOR"
  | "INVALID_PERSONAL_ID"
  | "RATE_LIMITED"
  | "SOURCE_UNAVAILABLE"
  | (string & {});

export interface GatewayErrorDetail {
  code: GatewayErrorCode;
  message: string;
  /** For a refused field: its schema coordinate (Citizen.religion). */
  field?: string;
}

function detail(error: { message: string; extensions?: Record<string, unknown> | null }): GatewayErrorDetail {
  const ext = error.extensions ?? {};
  return {
    code: typeof ext.code === "string" ? ext.code : "INTERNAL_SERVER_ERROR",
    message: error.message,
    ...(typeof ext.field === "string" ? { field: ext.field } : {}),
  };
}

/**
 * The gateway's errors in what Apollo Client returned or threw: GraphQL errors, and the body of an HTTP error the
 * gateway answered with JSON. Empty for anything else (the network, a bug).
 */
export function gatewayErrors(error: unknown): GatewayErrorDetail[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(detail);
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      return (body.errors ?? []).map(detail);
    } catch {
      return [];
    }
  }
  return [];
}

/** The codes alone, e.g. to branch: `if (errorCodes(error).includes("PURPOSE_REQUIRED")) …`. */
export function errorCodes(error: unknown): GatewayErrorCode[] {
  return gatewayErrors(error).map((e) => e.code);
}
