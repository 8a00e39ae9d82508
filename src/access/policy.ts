/**
 * Default deny. Public reference data needs nothing; personal data needs a client, a declared purpose inside
 * its grants, and a grant for every field's source and class under that purpose. Citizen clients read their own
 * records (checked per subject while resolving) and their own access log, for which no purpose is asked.
 */
import type { GraphQLFormattedError } from "graphql";
import type { ErrorCode } from "../shared/errors.js";
import type { AccessUse } from "./analyze.js";
import { ANY_PROCEDURE, type Client, type Grant } from "./clients.js";
import type { Purpose } from "./request.js";

export interface Refusal {
  status: number;
  errors: GraphQLFormattedError[];
}

/** Root fields a citizen client may start from. */
export const CITIZEN_ROOT_FIELDS = new Set(["Query.citizen", "Query.accessLog"]);

function refusal(status: number, code: ErrorCode, message: string, uses: AccessUse[], details: Record<string, unknown> = {}): Refusal {
  return { status, errors: [{ message, locations: uses.flatMap((u) => u.locations.slice(0, 1)), extensions: { code, ...details } }] };
}

function grantCovers(grant: Grant, use: AccessUse, procedure: string): boolean {
  return (
    grant.sources.includes(use.access.source) &&
    grant.classes.includes(use.access.class) &&
    (grant.procedures.includes(ANY_PROCEDURE) || grant.procedures.includes(procedure))
  );
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
      401,
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
      403,
      "SUBJECT_NOT_PERMITTED",
      `A citizen client may read only their own records: start from citizen(personalId: "${client.personalId}"); ${roots.map((u) => u.coordinate).join(", ")} is not open to citizen clients.`,
      roots,
      { fields: roots.map((u) => u.coordinate) },
    );
  }

  if (!purpose) {
    return refusal(
      400,
      "PURPOSE_REQUIRED",
      "Reading personal data needs a declared purpose: send X-Purpose-Procedure (the procedure code, e.g. 1.001193) and X-Purpose-Case (the case or dossier id).",
      uses,
      { fields },
    );
  }
  if (!client.grants.some((g) => g.procedures.includes(ANY_PROCEDURE) || g.procedures.includes(purpose.procedure))) {
    return refusal(403, "PURPOSE_NOT_GRANTED", `Client ${client.id} has no grant for procedure ${purpose.procedure}; ${describeGrants(client)}.`, uses, {
      procedure: purpose.procedure,
    });
  }

  const errors: GraphQLFormattedError[] = [];
  for (const use of uses) {
    if (client.grants.some((g) => grantCovers(g, use, purpose.procedure))) continue;
    const { source, class: dataClass } = use.access;
    errors.push({
      message: `${use.coordinate} is ${dataClass} data from the ${source} source, and client ${client.id} has no grant for ${source}/${dataClass} under procedure ${purpose.procedure}.`,
      locations: use.locations,
      extensions: { code: "FIELD_NOT_GRANTED", field: use.coordinate, missingGrant: { source, class: dataClass, procedure: purpose.procedure } },
    });
  }
  return errors.length > 0 ? { status: 403, errors } : null;
}
