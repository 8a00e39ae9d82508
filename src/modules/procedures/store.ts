/**
 * The dossier store: every statement procedures run against the gateway database — stored dossiers, their
 * components and the correction requests raised for missing data. The rest of the module asks it, never the database.
 */
import { and, asc, count, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import { anyOf } from "../../shared/loaders.js";
import type { Client } from "../access/index.js";
import type { Database } from "../../platform/db/source.js";
import { CorrectionStore } from "./correction-store.js";
import { type ComponentResult, type Evaluation, tally } from "./outcome.js";
import { dataCorrectionRequests, dossierComponents, dossiers, type DossierRow } from "./tables.js";

export interface NewDossier {
  id: string;
  clientId: string;
  idempotencyKey: string;
  requestHash: string;
  evaluation: Evaluation;
}

/** Filters of a dossier list, beyond what the client may see. */
export interface DossierListFilter {
  procedureCode?: string | null;
  applicantPersonalId?: string | null;
  applicantEnterpriseCode?: string | null;
}

export interface ProcedureTotals {
  procedureCode: string;
  dossiers: number;
  components: number;
  fulfilledByData: number;
  documentsRequested: number;
  failedChecks: number;
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A dossier's components as stored, in the procedure's order. */
function componentRows(dossierId: string, components: ComponentResult[]) {
  return components.map((c, position) => ({
    dossierId,
    position,
    componentId: c.component.id,
    status: c.status,
    reason: c.reason,
    message: c.message,
    evidence: c.evidence,
  }));
}

/** Correction requests for the components whose data was missing. */
async function raiseCorrections(tx: Transaction, dossierId: string, components: ComponentResult[]): Promise<void> {
  const corrections = components.filter((c) => c.correction);
  if (corrections.length === 0) return;
  await tx
    .insert(dataCorrectionRequests)
    .values(corrections.map((c) => ({ dossierId, componentId: c.component.id, ...c.correction!, message: c.message ?? "" })));
}

export class DossierStore {
  /** The data-correction requests raised for missing data, and their closing by the sources' owners. */
  readonly corrections: CorrectionStore;

  constructor(private readonly db: Database) {
    this.corrections = new CorrectionStore(db);
  }

  /** Dossiers the client may read: its own submissions, or, for a citizen client, those where they are the applicant. */
  private visibleTo(client: Client): SQL {
    return client.kind === "CITIZEN"
      ? and(eq(dossiers.applicantKind, "CITIZEN"), eq(dossiers.applicantId, client.personalId!))!
      : eq(dossiers.clientId, client.id);
  }

  async byIdempotencyKey(clientId: string, key: string): Promise<DossierRow | undefined> {
    const [row] = await this.db
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.clientId, clientId), eq(dossiers.idempotencyKey, key)));
    return row;
  }

  /**
   * Stores the dossier, its components and its correction requests in one transaction; null when a concurrent
   * retry with the same key won (then nothing more is written).
   */
  insert({ id, clientId, idempotencyKey, requestHash, evaluation }: NewDossier): Promise<DossierRow | null> {
    const { procedure, request } = evaluation;
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .insert(dossiers)
        .values({
          id,
          clientId,
          idempotencyKey,
          requestHash,
          procedureCode: procedure.code,
          applicantKind: request.applicant.kind,
          applicantId: request.applicant.id,
          subjects: request.subjects as Record<string, string>,
          status: evaluation.status,
          components: evaluation.components.length,
          ...tally(evaluation.components),
        })
        .onConflictDoNothing({ target: [dossiers.clientId, dossiers.idempotencyKey] })
        .returning();
      if (rows.length === 0) return null;
      await tx.insert(dossierComponents).values(componentRows(id, evaluation.components));
      await raiseCorrections(tx, id, evaluation.components);
      return rows[0];
    });
  }

  /**
   * Stores a stored dossier's new evaluation: its status, counts and components. A component still missing its data
   * raises a request only when none is open for it and the source has not rejected one (its data stands: the
   * document is the answer). The dossier's row is updated first, so concurrent re-evaluations take turns.
   */
  reevaluated(id: string, evaluation: Evaluation): Promise<DossierRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(dossiers)
        .set({ status: evaluation.status, components: evaluation.components.length, ...tally(evaluation.components) })
        .where(eq(dossiers.id, id))
        .returning();
      if (!row) return undefined;
      await tx.delete(dossierComponents).where(eq(dossierComponents.dossierId, id));
      await tx.insert(dossierComponents).values(componentRows(id, evaluation.components));
      const standing = await tx
        .select({ componentId: dataCorrectionRequests.componentId, subjectId: dataCorrectionRequests.subjectId })
        .from(dataCorrectionRequests)
        .where(and(eq(dataCorrectionRequests.dossierId, id), inArray(dataCorrectionRequests.status, ["OPEN", "REJECTED"])));
      const raised = new Set(standing.map((s) => `${s.componentId}\u001f${s.subjectId}`));
      await raiseCorrections(
        tx,
        id,
        evaluation.components.filter((c) => c.correction && !raised.has(`${c.component.id}\u001f${c.correction.subjectId}`)),
      );
      return row;
    });
  }

  /** A stored dossier the client may see; undefined when there is none for it. */
  async find(client: Client, id: string): Promise<DossierRow | undefined> {
    const [row] = await this.db
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.id, id), this.visibleTo(client)));
    return row;
  }

  /**
   * Each dossier's components in order, each saying whether an open correction request is raised for it: one
   * statement for a page of dossiers.
   */
  async componentsOf(ids: readonly string[]) {
    const rows = await this.db
      .select({
        dossierId: dossierComponents.dossierId,
        componentId: dossierComponents.componentId,
        status: dossierComponents.status,
        reason: dossierComponents.reason,
        message: dossierComponents.message,
        evidence: dossierComponents.evidence,
        // Qualified by hand: drizzle names a single table's columns bare, which inside the subquery would be r's own.
        correctionOpen: sql<boolean>`exists (select 1 from ${dataCorrectionRequests} r where r.dossier_id = "dossier_components"."dossier_id"
          and r.component_id = "dossier_components"."component_id" and r.status = 'OPEN')`,
      })
      .from(dossierComponents)
      .where(anyOf(dossierComponents.dossierId, ids))
      .orderBy(asc(dossierComponents.dossierId), asc(dossierComponents.position));
    const byDossier = new Map<string, typeof rows>(ids.map((id) => [id, []]));
    for (const row of rows) byDossier.get(row.dossierId)?.push(row);
    return ids.map((id) => byDossier.get(id)!);
  }

  /** A keyset page of the dossiers the client may see, with the list's total. */
  page(client: Client, filter: DossierListFilter) {
    const conditions = and(
      this.visibleTo(client),
      filter.procedureCode ? eq(dossiers.procedureCode, filter.procedureCode) : undefined,
      filter.applicantPersonalId
        ? and(eq(dossiers.applicantKind, "CITIZEN"), eq(dossiers.applicantId, filter.applicantPersonalId))
        : undefined,
      filter.applicantEnterpriseCode
        ? and(eq(dossiers.applicantKind, "ENTERPRISE"), eq(dossiers.applicantId, filter.applicantEnterpriseCode))
        : undefined,
    );
    return {
      fetch: (afterKey: string | null, limit: number) =>
        this.db
          .select()
          .from(dossiers)
          .where(and(conditions, afterKey ? gt(dossiers.id, afterKey) : undefined))
          .orderBy(asc(dossiers.id))
          .limit(limit),
      count: async () => (await this.db.select({ n: count() }).from(dossiers).where(conditions))[0].n,
    };
  }

  /** Submitted dossiers per procedure: what data answered and what paper was still asked for. */
  async totals(): Promise<Map<string, ProcedureTotals>> {
    const rows = await this.db
      .select({
        procedureCode: dossiers.procedureCode,
        dossiers: sql<number>`count(*)::int`,
        components: sql<number>`sum(${dossiers.components})::int`,
        fulfilledByData: sql<number>`sum(${dossiers.fulfilledByData})::int`,
        documentsRequested: sql<number>`sum(${dossiers.documentsRequested})::int`,
        failedChecks: sql<number>`sum(${dossiers.failedChecks})::int`,
      })
      .from(dossiers)
      .groupBy(dossiers.procedureCode);
    const n = Number;
    return new Map(
      rows.map((r) => [
        r.procedureCode,
        {
          ...r,
          dossiers: n(r.dossiers),
          components: n(r.components),
          fulfilledByData: n(r.fulfilledByData),
          documentsRequested: n(r.documentsRequested),
          failedChecks: n(r.failedChecks),
        },
      ]),
    );
  }
}
