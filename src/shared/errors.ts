/**
 * Typed errors: one class per kind, each with a stable `extensions.code` and a message a person can act on.
 * Anything that is not one of these is reported to clients as INTERNAL_SERVER_ERROR without details.
 */
import { type ASTNode, GraphQLError } from "graphql";

export type ErrorCode =
  | "INVALID_PERSONAL_ID"
  | "INVALID_TAX_CODE"
  | "INVALID_BRANCH_CODE"
  | "INVALID_ADMINISTRATIVE_UNIT_CODE"
  | "UNKNOWN_ADMINISTRATIVE_UNIT"
  | "INVALID_PAGINATION"
  | "INVALID_CURSOR"
  | "INVALID_ARGUMENT"
  | "SOURCE_UNAVAILABLE"
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIAL"
  | "CREDENTIAL_EXPIRED"
  | "CREDENTIAL_REVOKED"
  | "PURPOSE_REQUIRED"
  | "INVALID_PURPOSE"
  | "PURPOSE_NOT_GRANTED"
  | "PURPOSE_MISMATCH"
  | "FIELD_NOT_GRANTED"
  | "SUBJECT_NOT_PERMITTED"
  | "AUDIT_UNAVAILABLE"
  | "RATE_LIMITED"
  | "QUERY_TOO_DEEP"
  | "TOO_MANY_ALIASES"
  | "QUERY_TOO_COSTLY"
  | "TOO_MANY_DIRECTIVES"
  | "TOO_MANY_TOKENS"
  | "INTROSPECTION_DISABLED"
  | "UNKNOWN_PROCEDURE"
  | "INVALID_DOSSIER"
  | "IDEMPOTENCY_CONFLICT"
  | "DOSSIER_NOT_FOUND"
  | "INVALID_CONFORMANCE_INPUT"
  | "CONFORMANCE_TIMEOUT"
  | "TRUSTED_DOCUMENTS_ONLY"
  | "INVALID_DOCUMENT_ID"
  | "DOCUMENT_NOT_FOUND"
  | "INTERNAL_SERVER_ERROR";

export class GatewayError extends GraphQLError {
  /** `nodes`: the part of the document the error is about, so its locations can be reported. */
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, nodes?: ASTNode) {
    super(message, { extensions: { code, ...details }, nodes });
    this.name = "GatewayError";
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export class InvalidInputError extends GatewayError {}

/** A well-formed code that names nothing on the 2025 map. */
export class UnknownAdministrativeUnitError extends GatewayError {
  constructor(code: string, hint?: string, message = `No province or commune has code ${code} on the 2025 administrative map.`) {
    super("UNKNOWN_ADMINISTRATIVE_UNIT", hint ? `${message} ${hint}` : message, { unitCode: code });
  }
}

/** Walks `originalError` links to the first GatewayError, if any. */
export function findGatewayError(error: unknown): GatewayError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current instanceof GatewayError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}
