/**
 * The data-correction loop (Resolution 66.7/2025/NQ-CP): who sees a request, who closes it, and what each answer
 * shows and records. A source's owner (an agency system holding `owner:<source>`) lists and closes the requests
 * raised against its source; a citizen sees those about themselves and those in the dossiers they filed (about
 * anyone else, the status only). An organisation client holds no roles, so it meets ROLE_REQUIRED like an agency
 * system that owns no source. Every subject shown is recorded against its subject, under the request's dossier.
 */
import DataLoader from "dataloader";
import { type Client, ownerRole, type Purpose, type Subject, type SubjectKind } from "../access/index.js";
import { DATA_SOURCE_NAMES, type DataSourceName } from "../../platform/config.js";
import { GatewayError } from "../../platform/errors.js";
import { paginate } from "../../shared/pagination.js";
import type { ProceduresContext } from "./context.js";
import { type CorrectionFilter, type CorrectionRow, type CorrectionScope, CorrectionStatus } from "./correction-store.js";
import type { DataCorrectionRequest } from "./correction-types.js";
import type { ProcedureSubjectKind } from "./enums.js";
import { purposeOf } from "./evaluation.js";
import { say } from "../../platform/i18n.js";
import { PROCEDURES, restate } from "./messages.js";

/** The longest resolution or reason kept: the gateway bounds every string argument at this length. */
export const MAX_CLOSING_TEXT = 256;

/** How the GraphQL enum spells the subject kinds a correction request is raised about (rules.ts). */
const SHOWN_KIND: Partial<Record<SubjectKind, ProcedureSubjectKind>> = {
  CITIZEN: "CITIZEN",
  LAND_PARCEL: "PARCEL",
  ENTERPRISE: "ENTERPRISE",
};

/** The sources a client answers the correction requests of. */
export function ownedSources(client: Client): DataSourceName[] {
  return client.kind === "SYSTEM" ? DATA_SOURCE_NAMES.filter((s) => client.roles.includes(ownerRole(s))) : [];
}

function roleRequired(client: Client, source?: DataSourceName | null): GatewayError {
  const role = source ? ownerRole(source) : "owner:<source>";
  const message =
    client.kind === "ORGANIZATION"
      ? PROCEDURES.correctionsRoleRequiredOrganization
      : source
        ? PROCEDURES.correctionsRoleRequired
        : PROCEDURES.correctionsRoleRequiredAny;
  return new GatewayError("ROLE_REQUIRED", say(message, { role, clientId: client.id }), {
    role,
    roles: (source ? [source] : DATA_SOURCE_NAMES).map(ownerRole),
  });
}

function authenticated(ctx: ProceduresContext): Client {
  const client = ctx.access.client;
  if (!client) {
    throw new GatewayError("UNAUTHENTICATED", say(PROCEDURES.correctionsUnauthenticated));
  }
  return client;
}

/** What a client may list: a citizen their own; an owner the sources it owns (a `source` it does not own is refused). */
export function correctionScope(client: Client, source?: DataSourceName | null): CorrectionScope {
  if (client.kind === "CITIZEN") return { citizen: client.personalId! };
  const owned = ownedSources(client);
  if (source && !owned.includes(source)) throw roleRequired(client, source);
  if (owned.length === 0) throw roleRequired(client);
  return { sources: owned };
}

/** The request as `client` may see it, and the audit row of what that shows about whom. */
export function disclose(client: Client, row: CorrectionRow): { correction: DataCorrectionRequest; subject: Subject; fields: string[] } {
  const subject: Subject = { kind: row.subjectKind as SubjectKind, id: row.subjectId };
  const withheld = client.kind === "CITIZEN" && !(subject.kind === "CITIZEN" && subject.id === client.personalId);
  const correction: DataCorrectionRequest = {
    correctionId: String(row.id),
    dossierId: row.dossierId,
    componentKey: row.componentId,
    source: row.source as DataSourceName,
    subjectKind: SHOWN_KIND[subject.kind]!,
    subjectId: withheld ? null : subject.id,
    subjectPersonalId: !withheld && subject.kind === "CITIZEN" ? subject.id : null,
    withheld,
    // Stored in the submitter's language (the record), said in the reader's.
    message: withheld ? say(PROCEDURES.withheldNotFound) : (restate(row.message) ?? row.message),
    status: row.status as CorrectionStatus,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    // The owner's words may name the person the request is about: withheld with the subject.
    closedBy: withheld ? null : row.closedBy,
    resolution: withheld ? null : row.resolution,
    reason: withheld ? null : row.reason,
  };
  const fields = withheld
    ? ["DataCorrectionRequest.status"]
    : ["DataCorrectionRequest.message", "DataCorrectionRequest.status", "DataCorrectionRequest.subjectId"];
  return { correction, subject, fields };
}

const purposeOfRow = (row: CorrectionRow): Purpose => ({ procedure: row.procedureCode, caseId: row.dossierId });

/** A page of the requests the client may see, each recorded (CORRECTION_READ) against its subject under its dossier. */
export async function listCorrections(ctx: ProceduresContext, args: { first?: number | null; after?: string | null } & CorrectionFilter) {
  const client = authenticated(ctx);
  const page = ctx.gateway.dossiers.corrections.page(correctionScope(client, args.source), args);
  return paginate<CorrectionRow, DataCorrectionRequest>({
    cursors: ctx.gateway.cursors,
    kind: "data-correction",
    first: args.first,
    after: args.after,
    keyOf: (row) => String(row.id),
    toNode: (row) => {
      const { correction, subject, fields } = disclose(client, row);
      ctx.access.recordAction("CORRECTION_READ", [{ subject, fields }], purposeOfRow(row));
      return correction;
    },
    fetch: page.fetch,
    count: page.count,
  });
}

/** One loader per request: the corrections of a page of dossiers are read in one statement. */
const correctionLoaders = new WeakMap<object, DataLoader<string, CorrectionRow[]>>();

function correctionLoader(ctx: ProceduresContext): DataLoader<string, CorrectionRow[]> {
  let loader = correctionLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => ctx.gateway.dossiers.corrections.forDossiers(ids));
    correctionLoaders.set(ctx, loader);
  }
  return loader;
}

/** The requests a dossier raised, for a reader of that dossier, recorded as `dossier(id:)` records its reads. */
export async function correctionsOfDossier(
  ctx: ProceduresContext,
  dossier: { dossierId: string; procedureCode: string },
): Promise<DataCorrectionRequest[]> {
  const client = authenticated(ctx);
  const rows = await correctionLoader(ctx).load(dossier.dossierId);
  return rows.map((row) => {
    const { correction, subject, fields } = disclose(client, row);
    ctx.access.recordAction("CORRECTION_READ", [{ subject, fields }], purposeOf(ctx, dossier.procedureCode, dossier.dossierId));
    return correction;
  });
}

/** A request number as the database holds it (a positive 32-bit integer); null for anything else. */
function requestNumber(id: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(id.trim())) return null;
  const n = Number(id.trim());
  return n <= 2_147_483_647 ? n : null;
}

/**
 * Closes an open request as its source's owner: RESOLVED with what was corrected, or REJECTED with why the data
 * stands. A request the client cannot see is RECORD_NOT_FOUND whether or not it exists; a closed one RECORD_NOT_OPEN.
 */
export async function closeCorrection(
  ctx: ProceduresContext,
  id: string,
  status: Exclude<CorrectionStatus, "OPEN">,
  text: string,
): Promise<DataCorrectionRequest> {
  const client = authenticated(ctx);
  const owned = ownedSources(client);
  if (owned.length === 0) throw roleRequired(client);
  const argument = status === "RESOLVED" ? "resolution" : "reason";
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_CLOSING_TEXT) {
    throw new GatewayError(
      "INVALID_ARGUMENT",
      say(status === "RESOLVED" ? PROCEDURES.resolutionText : PROCEDURES.reasonText, { max: MAX_CLOSING_TEXT }),
      { argument },
    );
  }
  // The id is not echoed: whatever was sent (a personal id, say) does not come back in an error.
  const notFound = () => new GatewayError("RECORD_NOT_FOUND", say(PROCEDURES.correctionNotFound, { clientId: client.id }));
  const number = requestNumber(id);
  if (number === null) throw notFound();
  const result = await ctx.gateway.dossiers.corrections.close(number, owned, { status, clientId: client.id, text: trimmed });
  if (!("closed" in result)) {
    if (result.status === null) throw notFound();
    throw new GatewayError("RECORD_NOT_OPEN", say(PROCEDURES.correctionNotOpen, { id: number, status: result.status }), {
      id: String(number),
      status: result.status,
    });
  }
  const { correction, subject } = disclose(client, result.closed);
  ctx.access.recordAction(
    status === "RESOLVED" ? "CORRECTION_RESOLVED" : "CORRECTION_REJECTED",
    [{ subject, fields: ["DataCorrectionRequest.status", `DataCorrectionRequest.${argument}`, "DataCorrectionRequest.subjectId"] }],
    purposeOfRow(result.closed),
  );
  return correction;
}

export { CorrectionStatus };
