/**
 * Typed errors: one class per kind, each with a stable `extensions.code` and a message a person can act on.
 * Anything that is not one of these is reported to clients as INTERNAL_SERVER_ERROR without details.
 *
 * ERROR_CODES is the one list of codes a client can meet in `extensions.code` — the gateway's own and those Apollo
 * Server and the HTTP front answer with — and the schema's `ErrorCode` enum is built from it, so a frontend can
 * switch over codes with its generated types. test/api/contract.test.ts fails when the code emits one outside it.
 */
import { type ASTNode, GraphQLEnumType, GraphQLError } from "graphql";
import { say } from "./i18n.js";
import { PLATFORM_MESSAGES } from "./messages.js";

export const ERROR_CODES = {
  // Arguments and input values.
  INVALID_PERSONAL_ID: "A personal identification number is not 12 digits of the national format (see the PersonalId scalar).",
  INVALID_TAX_CODE: "An enterprise code (tax code) is not 10 digits with a valid check digit (see the TaxCode scalar).",
  INVALID_ADMINISTRATIVE_UNIT_CODE:
    "An administrative unit code is not 2 digits (province) or 5 digits (commune) (see the AdministrativeUnitCode scalar).",
  UNKNOWN_ADMINISTRATIVE_UNIT:
    "A well-formed administrative unit code names no unit of the 2025 map; the message names its successors when it is a pre-2025 code.",
  INVALID_PAGINATION: "A page size (`first`) outside 1–100.",
  INVALID_CURSOR: "A cursor that this list did not return (another list's, altered or forged).",
  INVALID_NODE_ID: "A global id (`node`, `nodes`) that the gateway did not issue, or that it issued under a key it no longer holds.",
  INVALID_ARGUMENT: "Any other argument the gateway refuses: its shape, a NUL character, more than 256 characters, too many ids.",
  // Credentials, purpose and grants (Decree 13/2023/NĐ-CP: a declared purpose for every read of personal data).
  UNAUTHENTICATED: "Personal data asked for without a credential: send `Authorization: Bearer <API key>`.",
  INVALID_CREDENTIAL: "The Authorization header is malformed, or the key is unknown.",
  CREDENTIAL_EXPIRED: "The client's key has expired.",
  CREDENTIAL_REVOKED: "The client's key has been revoked.",
  PURPOSE_REQUIRED: "Personal data asked for without a declared purpose: send X-Purpose-Procedure and X-Purpose-Case.",
  INVALID_PURPOSE: "The purpose headers are malformed, only one is sent, or the procedure is not in the catalogue.",
  PURPOSE_NOT_GRANTED: "The client holds no grant for the declared procedure.",
  PURPOSE_MISMATCH: "The declared procedure is not the procedure of the dossier (or list of dossiers) asked for.",
  FIELD_NOT_GRANTED:
    "A field needs a grant (source and class) the client does not hold under the declared procedure; `extensions.missingGrant` names it.",
  SUBJECT_NOT_PERMITTED: "A citizen client reached someone else's data, or a root field not open to citizen clients.",
  RATE_LIMITED:
    "Too many requests for this client (or address) in a minute; `extensions.retryAfterSeconds` and the Retry-After header say when to retry.",
  // Roles, consents and correction requests.
  ROLE_REQUIRED:
    "The operation needs a client role the client does not hold (`owner:<source>` for a source's data-correction requests, `oversight` for every client's operational records); `extensions.role` names it.",
  CONSENT_REQUIRED:
    "An organisation client read a citizen's data with no approved consent in force covering the field; `extensions.fields` says what to ask for with requestConsent.",
  RECORD_NOT_FOUND: "No consent or data-correction request with this id is visible to the client.",
  RECORD_NOT_OPEN:
    "The consent or data-correction request is past the state this answer needs (already answered, closed, revoked or expired); `extensions.status` says its state.",
  // Query limits.
  QUERY_TOO_DEEP: "The operation nests fields more deeply than the gateway answers.",
  TOO_MANY_ALIASES: "The operation uses more aliases than the gateway answers.",
  QUERY_TOO_COSTLY: "The operation would cost more than the gateway answers (lists multiply the cost of what they hold).",
  TOO_MANY_DIRECTIVES: "The operation uses more directives than the gateway answers.",
  TOO_MANY_TOKENS: "The document has more tokens than the gateway parses.",
  INTROSPECTION_DISABLED: "Introspection is off on this gateway; the schema is published as schema.graphql.",
  // Procedures and dossiers.
  UNKNOWN_PROCEDURE: "No procedure of the catalogue has this code.",
  INVALID_DOSSIER: "The dossier does not fit its procedure: applicant kind, subjects, a certificate standing for a parcel.",
  IDEMPOTENCY_CONFLICT: "The idempotency key was used before with a different request.",
  // The conformance check.
  INVALID_CONFORMANCE_INPUT:
    "An input of the conformance check is malformed or past one of its bounds; file, line and `extensions.limit` say where.",
  CONFORMANCE_TIMEOUT: "The conformance check ran past its time budget and was stopped.",
  // Trusted documents.
  TRUSTED_DOCUMENTS_ONLY:
    "The client is set to trusted documents only and sent query text (or an automatic persisted query's hash) instead of a published `documentId`.",
  INVALID_DOCUMENT_ID:
    "A `documentId` that is not `sha256:` and 64 lower-case hex digits, given twice, or sent with `query` or `extensions.persistedQuery`.",
  DOCUMENT_NOT_FOUND: "No trusted document with this id is published for this client.",
  // The gateway's own state.
  SOURCE_UNAVAILABLE:
    "A national source did not answer (or its breaker is open); `extensions.source` names it. Fields from it are null; retry shortly.",
  AUDIT_UNAVAILABLE: "The audit trail could not be written, so an answer holding personal data was withheld; retry later.",
  INTERNAL_SERVER_ERROR: "An unexpected failure; it is logged under the request id (x-request-id) to quote when reporting it.",
  // Apollo Server's, for documents and requests it refuses before the gateway sees them.
  GRAPHQL_PARSE_FAILED: "The document is not valid GraphQL syntax.",
  GRAPHQL_VALIDATION_FAILED: "The document does not validate against the schema (an unknown field, a wrong argument type, …).",
  BAD_USER_INPUT: "A variable's value does not fit its type (a missing required variable, a oneOf input with two fields, …).",
  OPERATION_RESOLUTION_FAILURE:
    "The operation to run cannot be chosen: `operationName` names none of the document's operations, or several are given without one.",
  PERSISTED_QUERY_NOT_FOUND: "An automatic persisted query's hash is not known yet: send the query text with it once.",
  PERSISTED_QUERY_NOT_SUPPORTED: "Automatic persisted queries are switched off.",
  // The HTTP front's.
  BAD_REQUEST: "The HTTP request is not a GraphQL request: not UTF-8, not JSON, a batch, a GET for a mutation, no query, …",
  NOT_FOUND: "Nothing is served at this path: GraphQL is at /graphql.",
  PAYLOAD_TOO_LARGE: "The request body is larger than the gateway reads (1 MB).",
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

/** The schema's `ErrorCode` enum: every value `extensions.code` takes. */
export const GraphQLErrorCode = new GraphQLEnumType({
  name: "ErrorCode",
  description:
    "Every value `extensions.code` of an error can take, the gateway's own and those of Apollo Server and the HTTP front. Switch on the code, never on the message (which is in words for people and may change).",
  values: Object.fromEntries(ERROR_CODE_NAMES.map((code) => [code, { value: code, description: ERROR_CODES[code] }])),
});

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
  constructor(code: string, hint?: string, message = say(PLATFORM_MESSAGES.unknownAdministrativeUnit, { code })) {
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
