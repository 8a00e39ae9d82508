/**
 * Stored dossiers: submission (persisted, idempotent per client), and reading them back under a purpose naming
 * their procedure. The SQL is the dossier store's (store.ts).
 */
import { createHash, randomUUID } from "node:crypto";
import DataLoader from "dataloader";
import { GatewayError } from "../../platform/errors.js";
import { paginate } from "../../shared/pagination.js";
import { type ProcedureCatalogue } from "./catalogue.js";
import { disclose } from "./disclosure.js";
import { type Applicant } from "./rules.js";
import type { DossierStore } from "./store.js";
import { type DossierRow } from "./tables.js";
import type { Client } from "../access/index.js";
import type { ProceduresContext } from "./context.js";
import { evaluateAdmitted } from "./evaluation.js";
import type { Evaluation } from "./outcome.js";
import { admit, checkDossierAccess, type DossierRequest, findProcedure, partiesOf } from "./request.js";
import { todayInVietnam } from "../../platform/dates.js";
import { say } from "../../platform/i18n.js";
import { PROCEDURES } from "./messages.js";

function requestHash(request: DossierRequest): string {
  const subjects = Object.entries(request.subjects).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256")
    .update(JSON.stringify([request.procedureCode, request.applicant.kind, request.applicant.id, subjects]))
    .digest("hex");
}

export function newDossierId(): string {
  const date = todayInVietnam().replace(/-/g, "");
  return `HS-${date}-${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

/**
 * Evaluates and stores a dossier. The idempotency key is per client: a retry with the same key and request returns
 * the stored dossier (never a second one); the same key with a different request is refused.
 */
export async function submit(
  ctx: ProceduresContext,
  catalogue: ProcedureCatalogue,
  request: DossierRequest,
  idempotencyKey: string,
): Promise<{ dossier: DossierRow; replayed: boolean }> {
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new GatewayError("INVALID_ARGUMENT", say(PROCEDURES.idempotencyKeyShape));
  }
  const procedure = await admit(ctx, catalogue, request);
  const clientId = ctx.access.client!.id;
  const hash = requestHash(request);
  const existing = await ctx.gateway.dossiers.byIdempotencyKey(clientId, idempotencyKey);
  if (existing) return replay(existing, hash);

  const id = newDossierId();
  const evaluation = await evaluateAdmitted(ctx, procedure, request);
  // Stored, it would read as a decision; half-evaluated, it is not one. The client retries with the same key.
  refuseHalfEvaluated(evaluation, "submit");
  const inserted = await ctx.gateway.dossiers.insert({ id, clientId, idempotencyKey, requestHash: hash, evaluation });
  // What was read and stored for the dossier, about whom: the agency handling it sees all of it.
  if (inserted)
    ctx.access.recordAction("DOSSIER_SUBMIT", disclose(null, partiesOf(procedure, request), evaluation.components).reads, {
      procedure: procedure.code,
      caseId: id,
    });
  if (inserted) return { dossier: inserted, replayed: false };
  return replay((await ctx.gateway.dossiers.byIdempotencyKey(clientId, idempotencyKey))!, hash);
}

function refuseHalfEvaluated(evaluation: Evaluation, action: "submit" | "reevaluate"): void {
  const open = evaluation.components.filter((c) => c.status === "NOT_EVALUATED");
  if (open.length === 0) return;
  const sources = [...new Set(open.map((c) => c.unavailableSource!))];
  const message =
    action === "submit"
      ? sources.length > 1
        ? PROCEDURES.notStoredSourcesDown
        : PROCEDURES.notStoredSourceDown
      : sources.length > 1
        ? PROCEDURES.notReevaluatedSourcesDown
        : PROCEDURES.notReevaluatedSourceDown;
  // Source names are identifiers (population, land, business), joined by the reader's "and".
  throw new GatewayError("SOURCE_UNAVAILABLE", say(message, { count: open.length, sources: sources.join(say(PROCEDURES.and)) }), {
    source: sources[0] ?? null,
    sources,
  });
}

/**
 * Evaluates a stored dossier again against the sources' current data (a record corrected since, say) and stores
 * the new components and status, under the checks of reading it and of submitting it. A component whose data is
 * still missing keeps asking for the document. Null when the client may not see the dossier or there is none.
 */
export async function reevaluate(ctx: ProceduresContext, catalogue: ProcedureCatalogue, id: string): Promise<DossierRow | null> {
  const row = await findDossier(ctx, catalogue, id);
  if (!row) return null;
  const request: DossierRequest = {
    procedureCode: row.procedureCode,
    applicant: { kind: row.applicantKind as Applicant["kind"], id: row.applicantId },
    subjects: { ...(row.subjects as DossierRequest["subjects"]) },
  };
  const procedure = await admit(ctx, catalogue, request);
  const evaluation = await evaluateAdmitted(ctx, procedure, request);
  refuseHalfEvaluated(evaluation, "reevaluate");
  const stored = await ctx.gateway.dossiers.reevaluated(row.id, evaluation);
  // What was read and stored again for the dossier, about whom.
  ctx.access.recordAction("DOSSIER_REEVALUATE", disclose(null, partiesOf(procedure, request), evaluation.components).reads, {
    procedure: procedure.code,
    caseId: row.id,
  });
  return stored ?? null;
}

function replay(existing: DossierRow, hash: string): { dossier: DossierRow; replayed: boolean } {
  if (existing.requestHash !== hash) {
    throw new GatewayError("IDEMPOTENCY_CONFLICT", say(PROCEDURES.idempotencyConflict, { dossierId: existing.id }), {
      dossierId: existing.id,
    });
  }
  return { dossier: existing, replayed: true };
}

/** An agency reads stored dossiers only under a declared purpose (its procedure is checked against each dossier's). */
function readerOf(ctx: ProceduresContext): Client {
  const client = ctx.access.client;
  if (!client) throw new GatewayError("UNAUTHENTICATED", say(PROCEDURES.dossiersUnauthenticated));
  if (client.kind !== "CITIZEN" && !ctx.access.purpose) {
    throw new GatewayError("PURPOSE_REQUIRED", say(PROCEDURES.dossiersPurposeRequired));
  }
  return client;
}

/** A stored dossier the client may read, under a purpose naming its procedure; null when there is none for this client. */
export async function findDossier(ctx: ProceduresContext, catalogue: ProcedureCatalogue, id: string): Promise<DossierRow | null> {
  const row = await ctx.gateway.dossiers.find(readerOf(ctx), id);
  if (!row) return null;
  const procedure = findProcedure(catalogue, row.procedureCode);
  checkDossierAccess(ctx, catalogue, procedure, { applicant: { kind: row.applicantKind as Applicant["kind"], id: row.applicantId } });
  return row;
}

type StoredComponents = Awaited<ReturnType<DossierStore["componentsOf"]>>[number];

/** One loader per request: the components of a page of dossiers are read in one statement. */
const componentLoaders = new WeakMap<object, DataLoader<string, StoredComponents>>();

export function dossierComponentsOf(ctx: ProceduresContext, id: string): Promise<StoredComponents> {
  let loader = componentLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => ctx.gateway.dossiers.componentsOf(ids));
    componentLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

export function listDossiers(
  ctx: ProceduresContext,
  catalogue: ProcedureCatalogue,
  args: {
    first?: number | null;
    after?: string | null;
    procedureCode?: string | null;
    applicantPersonalId?: string | null;
    applicantEnterpriseCode?: string | null;
  },
) {
  const client = readerOf(ctx);
  const declared = ctx.access.purpose?.procedure;
  if (declared && args.procedureCode && args.procedureCode !== declared) {
    throw new GatewayError("PURPOSE_MISMATCH", say(PROCEDURES.purposeMismatch, { declared, procedure: args.procedureCode }), {
      procedure: args.procedureCode,
      declared,
    });
  }
  // An agency lists the dossiers of the procedure it declared, and needs its grants for that procedure.
  const procedureCode = declared ?? args.procedureCode;
  if (declared) checkDossierAccess(ctx, catalogue, findProcedure(catalogue, declared), {});
  const page = ctx.gateway.dossiers.page(client, { ...args, procedureCode });
  return paginate<DossierRow, DossierRow>({
    cursors: ctx.gateway.cursors,
    kind: "dossier",
    first: args.first,
    after: args.after,
    keyOf: (row) => row.id,
    toNode: (row) => row,
    fetch: page.fetch,
    count: page.count,
  });
}
