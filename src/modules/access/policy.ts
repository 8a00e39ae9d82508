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
import { say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

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
  if (!client) throw new GatewayError("UNAUTHENTICATED", say(M.dossierUnauthenticated));
  if (purpose && purpose.procedure !== procedure) {
    throw new GatewayError("PURPOSE_MISMATCH", say(M.dossierPurposeMismatch, { declared: purpose.procedure, procedure }), {
      procedure,
      declared: purpose.procedure,
    });
  }
  if (client.kind === "ORGANIZATION") {
    throw new GatewayError("SUBJECT_NOT_PERMITTED", say(M.dossierOrganization, { clientId: client.id }));
  }
  if (client.kind === "CITIZEN") {
    if (applicant && (applicant.kind !== "CITIZEN" || applicant.id !== client.personalId)) {
      throw new GatewayError("SUBJECT_NOT_PERMITTED", say(M.dossierCitizenApplicant));
    }
    return;
  }
  if (!purpose) {
    throw new GatewayError("PURPOSE_REQUIRED", say(M.dossierPurposeRequired, { procedure }), { procedure });
  }
  // Even a procedure that reads no source stores a dossier about its applicant: the client must serve that procedure.
  if (!servesProcedure(client, procedure)) {
    throw new GatewayError(
      "PURPOSE_NOT_GRANTED",
      say(M.purposeNotGranted, { clientId: client.id, procedure, grants: describeGrants(client) }),
      { procedure },
    );
  }
  for (const source of sources) {
    if (!client.grants.some((g) => grantCovers(g, { source, class: "basic" }, procedure))) {
      throw new GatewayError("FIELD_NOT_GRANTED", say(M.dossierSourceNotGranted, { procedure, source, clientId: client.id }), {
        missingGrant: { source, class: "basic", procedure },
      });
    }
  }
}

/** The client's grants, said in the request's language (a part of a PURPOSE_NOT_GRANTED message). */
export function describeGrants(client: Client): string {
  if (client.grants.length === 0) return say(M.noGrants);
  const grants = client.grants.map((g) =>
    say(M.grant, {
      sources: g.sources.join("+"),
      classes: g.classes.join("+"),
      procedures: g.procedures.includes(ANY_PROCEDURE) ? say(M.anyProcedure) : g.procedures.join(", "),
    }),
  );
  return say(M.grants, { grants: grants.join("; ") });
}

/** A field class as the message's reader calls it. */
const className = (dataClass: "basic" | "sensitive"): string => say(dataClass === "basic" ? M.classBasic : M.classSensitive);

export function checkAccess(uses: AccessUse[], client: Client | null, purpose: Purpose | null): Refusal | null {
  if (uses.length === 0) return null;
  const fields = uses.map((u) => u.coordinate);

  if (!client) {
    return refusal(
      "UNAUTHENTICATED",
      say(fields.length === 1 ? M.unauthenticatedOne : M.unauthenticatedMany, {
        fields: `${fields.slice(0, 3).join(", ")}${fields.length > 3 ? ", …" : ""}`,
      }),
      uses,
      { fields },
    );
  }

  if (client.kind === "CITIZEN") {
    const roots = uses.filter((u) => u.root && !CITIZEN_ROOT_FIELDS.has(u.coordinate));
    if (roots.length === 0) return null;
    return refusal(
      "SUBJECT_NOT_PERMITTED",
      say(M.citizenRootNotOpen, { personalId: client.personalId, fields: roots.map((u) => u.coordinate).join(", ") }),
      roots,
      { fields: roots.map((u) => u.coordinate) },
    );
  }

  if (client.kind === "ORGANIZATION") return checkOrganizationAccess(uses, client);

  if (!purpose) {
    return refusal("PURPOSE_REQUIRED", say(M.purposeRequired), uses, { fields });
  }
  if (!servesProcedure(client, purpose.procedure)) {
    return refusal(
      "PURPOSE_NOT_GRANTED",
      say(M.purposeNotGranted, { clientId: client.id, procedure: purpose.procedure, grants: describeGrants(client) }),
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
      message: say(M.fieldNotGranted, {
        field: use.coordinate,
        className: className(dataClass),
        source,
        clientId: client.id,
        dataClass,
        procedure: purpose.procedure,
      }),
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
    return refusal("SUBJECT_NOT_PERMITTED", say(M.organizationRootNotOpen, { fields: roots.map((u) => u.coordinate).join(", ") }), roots, {
      fields: roots.map((u) => u.coordinate),
    });
  }
  const errors: GraphQLFormattedError[] = [];
  for (const use of uses) {
    if (client.grants.some((g) => grantCovers(g, use.access, ANY_PROCEDURE))) continue;
    const { source, class: dataClass } = use.access;
    errors.push({
      message: say(M.fieldNotGrantedNoConsent, {
        field: use.coordinate,
        className: className(dataClass),
        source,
        clientId: client.id,
        dataClass,
      }),
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
    return refusal("SUBJECT_NOT_PERMITTED", say(M.organizationNode), [], { fields: [lookup] });
  }
  if (client?.kind === "CITIZEN" && !CITIZEN_ROOT_FIELDS.has(lookup)) {
    return refusal("SUBJECT_NOT_PERMITTED", say(M.citizenNode, { source: access.source, lookup }), [], { fields: [lookup] });
  }
  return checkAccess([{ coordinate: lookup, access, root: true, locations: [] }], client, purpose);
}

/** A purpose this client may declare at all: an organisation reads under each consent's stated purpose, so a procedure it names would be a purpose made up. */
export function checkDeclaredPurpose(client: Client | null, purpose: Purpose | null): void {
  if (client?.kind === "ORGANIZATION" && purpose) throw new GatewayError("INVALID_PURPOSE", say(M.organizationPurpose));
}

/** The access log is the citizen's own view of the trail: only a citizen client, only about themselves. Returns whose log. */
export function checkAccessLogRead(client: Client | null, personalId: string | undefined): string {
  if (!client) throw new GatewayError("UNAUTHENTICATED", say(M.accessLogUnauthenticated));
  if (client.kind !== "CITIZEN") {
    throw new GatewayError(
      "SUBJECT_NOT_PERMITTED",
      say(client.kind === "ORGANIZATION" ? M.accessLogOrganization : M.accessLogAgency, { clientId: client.id }),
    );
  }
  const who = personalId ?? client.personalId!;
  if (who !== client.personalId) {
    throw new GatewayError("SUBJECT_NOT_PERMITTED", say(M.accessLogOtherPerson), { field: "Query.accessLog" });
  }
  return who;
}
