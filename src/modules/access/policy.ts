/**
 * The access decision, in one place: may this client, under this purpose, read this class of this source about
 * this subject. Default deny. Public reference data needs nothing; personal data needs a client, a declared
 * purpose inside its grants, and a grant for every field's source and class under that purpose. Citizen clients
 * read their own records (checked per subject while resolving) and their own access log, for which no purpose is
 * asked. GraphQL fields (checkAccess, before anything runs; citizenMayRead, per subject while resolving),
 * dossiers (checkProcedureUse) and the conformance check's prediction all ask here.
 */
import type { GraphQLFormattedError } from "graphql";
import { type ErrorCode, GatewayError } from "../../platform/errors.js";
import type { AccessUse } from "./analyze.js";
import { ANY_PROCEDURE, type Client, type Grant } from "./clients.js";
import type { DataSourceName } from "../../platform/config.js";
import type { FieldAccess } from "./directive.js";
import type { Purpose } from "./request.js";
import type { Subject } from "./subjects.js";

/**
 * HTTP status of every refusal the gateway answers before or instead of running an operation; the HTTP front
 * and the access plugin both answer with it. Anything not listed is a 400.
 */
export const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIAL: 401,
  CREDENTIAL_REVOKED: 401,
  CREDENTIAL_EXPIRED: 401,
  PURPOSE_REQUIRED: 400,
  INVALID_PURPOSE: 400,
  PURPOSE_NOT_GRANTED: 403,
  PURPOSE_MISMATCH: 403,
  FIELD_NOT_GRANTED: 403,
  SUBJECT_NOT_PERMITTED: 403,
  ROLE_REQUIRED: 403,
  CONSENT_REQUIRED: 403,
  RECORD_NOT_FOUND: 404,
  RECORD_NOT_OPEN: 409,
  RATE_LIMITED: 429,
  TRUSTED_DOCUMENTS_ONLY: 403,
  INVALID_DOCUMENT_ID: 400,
  DOCUMENT_NOT_FOUND: 404,
  SOURCE_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
};

/** Headers that go with a refusal of this status. */
export function refusalHeaders(status: number, code: ErrorCode, details: Record<string, unknown> = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  if (status === 401)
    headers["www-authenticate"] =
      code === "UNAUTHENTICATED" ? 'Bearer realm="ndaf-gateway"' : 'Bearer realm="ndaf-gateway", error="invalid_token"';
  if (code === "RATE_LIMITED" && details.retryAfterSeconds !== undefined) headers["retry-after"] = String(details.retryAfterSeconds);
  return headers;
}

/** The one citizen-client rule: a citizen reads only their own person's records (their parcels and businesses through them). */
export function citizenMayRead(client: Client | null, subject: Subject): boolean {
  return client?.kind !== "CITIZEN" || subject.kind !== "CITIZEN" || subject.id === client.personalId;
}

export interface Refusal {
  status: number;
  errors: GraphQLFormattedError[];
}

/** Root fields a citizen client may start from. */
export const CITIZEN_ROOT_FIELDS = new Set(["Query.citizen", "Query.accessLog"]);
/** Root fields an organisation client may start from: a person it holds a consent of (checked as it is read). */
export const ORGANIZATION_ROOT_FIELDS = new Set(["Query.citizen"]);

function refusal(code: ErrorCode, message: string, uses: AccessUse[], details: Record<string, unknown> = {}): Refusal {
  return {
    status: REFUSAL_STATUS[code] ?? 400,
    errors: [{ message, locations: uses.flatMap((u) => u.locations.slice(0, 1)), extensions: { code, ...details } }],
  };
}

const namesProcedure = (grant: Grant, procedure: string): boolean =>
  grant.procedures.includes(ANY_PROCEDURE) || grant.procedures.includes(procedure);

/** Some grant of the client serves this procedure (whatever it covers). */
function servesProcedure(client: Client, procedure: string): boolean {
  return client.grants.some((g) => namesProcedure(g, procedure));
}

function grantCovers(grant: Grant, access: { source: DataSourceName; class: "basic" | "sensitive" }, procedure: string): boolean {
  return grant.sources.includes(access.source) && grant.classes.includes(access.class) && namesProcedure(grant, procedure);
}

/**
 * A dossier action (evaluate, submit, read) for a procedure that reads `sources`: an agency system must declare
 * that very procedure as its purpose and hold a basic grant on each source under it; a citizen acts only as the
 * applicant (no purpose asked; if one is declared, it must be this procedure). Throws the refusal.
 */
export function checkProcedureUse(
  client: Client | null,
  purpose: Purpose | null,
  procedure: string,
  sources: readonly DataSourceName[],
  applicant?: { kind: "CITIZEN" | "ENTERPRISE"; id: string },
): void {
  if (!client)
    throw new GatewayError(
      "UNAUTHENTICATED",
      "Dossiers hold personal data: send the API key of a registered client (Authorization: Bearer <key>).",
    );
  if (purpose && purpose.procedure !== procedure) {
    throw new GatewayError(
      "PURPOSE_MISMATCH",
      `The declared purpose is procedure ${purpose.procedure}, but this dossier is for procedure ${procedure}: declare X-Purpose-Procedure: ${procedure} for it.`,
      { procedure, declared: purpose.procedure },
    );
  }
  if (client.kind === "ORGANIZATION") {
    throw new GatewayError(
      "SUBJECT_NOT_PERMITTED",
      `Dossiers are filed by agency systems and by citizens; client ${client.id} is an organisation, which reads a citizen's data only under their consent (requestConsent).`,
    );
  }
  if (client.kind === "CITIZEN") {
    if (applicant && (applicant.kind !== "CITIZEN" || applicant.id !== client.personalId)) {
      throw new GatewayError("SUBJECT_NOT_PERMITTED", "A citizen client may file and read dossiers only as the applicant.");
    }
    return;
  }
  if (!purpose) {
    throw new GatewayError(
      "PURPOSE_REQUIRED",
      `A dossier reads personal data: declare its procedure and case with X-Purpose-Procedure: ${procedure} and X-Purpose-Case (the case or dossier id).`,
      { procedure },
    );
  }
  // Even a procedure that reads no source stores a dossier about its applicant: the client must serve that procedure.
  if (!servesProcedure(client, procedure)) {
    throw new GatewayError(
      "PURPOSE_NOT_GRANTED",
      `Client ${client.id} has no grant for procedure ${procedure}; ${describeGrants(client)}.`,
      { procedure },
    );
  }
  for (const source of sources) {
    if (!client.grants.some((g) => grantCovers(g, { source, class: "basic" }, procedure))) {
      throw new GatewayError(
        "FIELD_NOT_GRANTED",
        `Procedure ${procedure} reads the ${source} source, and client ${client.id} has no grant for ${source}/basic under procedure ${procedure}.`,
        { missingGrant: { source, class: "basic", procedure } },
      );
    }
  }
}

export function describeGrants(client: Client): string {
  if (client.grants.length === 0) return "it holds no grants";
  return `its grants: ${client.grants.map((g) => `${g.sources.join("+")} ${g.classes.join("+")} for ${g.procedures.includes(ANY_PROCEDURE) ? "any procedure" : g.procedures.join(", ")}`).join("; ")}`;
}

export function checkAccess(uses: AccessUse[], client: Client | null, purpose: Purpose | null): Refusal | null {
  if (uses.length === 0) return null;
  const fields = uses.map((u) => u.coordinate);

  if (!client) {
    return refusal(
      "UNAUTHENTICATED",
      `${fields.slice(0, 3).join(", ")}${fields.length > 3 ? ", …" : ""} ${fields.length === 1 ? "is" : "are"} personal data from the national sources. Send the API key of a registered client (Authorization: Bearer <key>); without one, only public reference data (administrative units, the procedure catalogue) is served.`,
      uses,
      { fields },
    );
  }

  if (client.kind === "CITIZEN") {
    const roots = uses.filter((u) => u.root && !CITIZEN_ROOT_FIELDS.has(u.coordinate));
    if (roots.length === 0) return null;
    return refusal(
      "SUBJECT_NOT_PERMITTED",
      `A citizen client may read only their own records: start from citizen(personalId: "${client.personalId}"); ${roots.map((u) => u.coordinate).join(", ")} is not open to citizen clients.`,
      roots,
      { fields: roots.map((u) => u.coordinate) },
    );
  }

  if (client.kind === "ORGANIZATION") return checkOrganizationAccess(uses, client);

  if (!purpose) {
    return refusal(
      "PURPOSE_REQUIRED",
      "Reading personal data needs a declared purpose: send X-Purpose-Procedure (the procedure code, e.g. 1.001193) and X-Purpose-Case (the case or dossier id).",
      uses,
      { fields },
    );
  }
  if (!servesProcedure(client, purpose.procedure)) {
    return refusal(
      "PURPOSE_NOT_GRANTED",
      `Client ${client.id} has no grant for procedure ${purpose.procedure}; ${describeGrants(client)}.`,
      uses,
      {
        procedure: purpose.procedure,
      },
    );
  }

  const errors: GraphQLFormattedError[] = [];
  for (const use of uses) {
    if (client.grants.some((g) => grantCovers(g, use.access, purpose.procedure))) continue;
    const { source, class: dataClass } = use.access;
    errors.push({
      message: `${use.coordinate} is ${dataClass} data from the ${source} source, and client ${client.id} has no grant for ${source}/${dataClass} under procedure ${purpose.procedure}.`,
      locations: use.locations,
      extensions: {
        code: "FIELD_NOT_GRANTED",
        field: use.coordinate,
        missingGrant: { source, class: dataClass, procedure: purpose.procedure },
      },
    });
  }
  return errors.length > 0 ? { status: REFUSAL_STATUS.FIELD_NOT_GRANTED!, errors } : null;
}

/**
 * An organisation client: its purpose is each consent's, so it declares none; it starts from a person
 * (Query.citizen), and its grants (sources and classes, for any procedure) bound what any consent can open.
 * Which person consented to which field is checked as each field is read (./consent.ts).
 */
function checkOrganizationAccess(uses: AccessUse[], client: Client): Refusal | null {
  const roots = uses.filter((u) => u.root && !ORGANIZATION_ROOT_FIELDS.has(u.coordinate));
  if (roots.length > 0) {
    return refusal(
      "SUBJECT_NOT_PERMITTED",
      `An organisation client reads a citizen's data only under their consent, starting from citizen(personalId:); ${roots.map((u) => u.coordinate).join(", ")} is not open to organisation clients.`,
      roots,
      { fields: roots.map((u) => u.coordinate) },
    );
  }
  const errors: GraphQLFormattedError[] = [];
  for (const use of uses) {
    if (client.grants.some((g) => grantCovers(g, use.access, ANY_PROCEDURE))) continue;
    const { source, class: dataClass } = use.access;
    errors.push({
      message: `${use.coordinate} is ${dataClass} data from the ${source} source, and client ${client.id} has no grant for ${source}/${dataClass}: no consent can open it.`,
      locations: use.locations,
      extensions: {
        code: "FIELD_NOT_GRANTED",
        field: use.coordinate,
        missingGrant: { source, class: dataClass, procedure: ANY_PROCEDURE },
      },
    });
  }
  return errors.length > 0 ? { status: REFUSAL_STATUS.FIELD_NOT_GRANTED!, errors } : null;
}

/** Whether an organisation client's grants could ever open this field (what a consent request may ask for). */
export function organizationMayAsk(client: Client, access: FieldAccess): boolean {
  return client.grants.some((g) => grantCovers(g, access, ANY_PROCEDURE));
}

/**
 * `node(id:)` / `nodes(ids:)` of an object whose type is `access` data: the refusal its direct lookup (`lookup`,
 * e.g. Query.citizen) would get, checked at the field since the type is known only from the id. A citizen client
 * may use a lookup open to it (its own Citizen: which person is checked as it is read); a type with no direct
 * lookup is named by `lookup` = the node field itself, which is not open to citizen clients.
 */
export function checkNodeAccess(lookup: string, access: FieldAccess, client: Client | null, purpose: Purpose | null): Refusal | null {
  // An organisation starts from citizen(personalId:), whose lookup is checked against the person's consents.
  if (client?.kind === "ORGANIZATION") {
    return refusal(
      "SUBJECT_NOT_PERMITTED",
      `An organisation client reads a citizen's data only from citizen(personalId:), under their consent; node(id:) and nodes(ids:) are not open to it.`,
      [],
      { fields: [lookup] },
    );
  }
  if (client?.kind === "CITIZEN" && !CITIZEN_ROOT_FIELDS.has(lookup)) {
    return refusal(
      "SUBJECT_NOT_PERMITTED",
      `A citizen client may fetch by id only their own records (their Citizen, their dossiers) and public reference data; this id names ${access.source} data that ${lookup} does not open to citizen clients.`,
      [],
      { fields: [lookup] },
    );
  }
  return checkAccess([{ coordinate: lookup, access, root: true, locations: [] }], client, purpose);
}

/** The access log is the citizen's own view of the trail: only a citizen client, only about themselves. Returns whose log. */
export function checkAccessLogRead(client: Client | null, personalId: string | undefined): string {
  if (!client)
    throw new GatewayError(
      "UNAUTHENTICATED",
      "The access log is open to the person it is about: authenticate as a citizen client (Authorization: Bearer <key>).",
    );
  if (client.kind !== "CITIZEN") {
    throw new GatewayError(
      "SUBJECT_NOT_PERMITTED",
      `The access log is open to the person it is about; client ${client.id} is ${client.kind === "ORGANIZATION" ? "an organisation's system" : "an agency system"}.`,
    );
  }
  const who = personalId ?? client.personalId!;
  if (who !== client.personalId) {
    throw new GatewayError("SUBJECT_NOT_PERMITTED", "A citizen may read only their own access log.", { field: "Query.accessLog" });
  }
  return who;
}
