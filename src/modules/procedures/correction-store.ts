/**
 * The statements of the data-correction loop (Resolution 66.7/2025/NQ-CP): the requests a source's owner or a
 * citizen may list, a dossier's own, and closing one — a single conditional UPDATE, so of two concurrent closers
 * exactly one wins. Each row comes with its dossier's procedure and applicant, which decide who sees it and the
 * purpose its audit rows carry.
 */
import { and, asc, count, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import { anyOf } from "../../shared/loaders.js";
import type { DataSourceName } from "../../platform/config.js";
import type { Database } from "../../platform/db/source.js";
import type { EnumValue } from "../../shared/enums.js";
import { dataCorrectionRequests as requests, dossiers } from "./tables.js";

/** A request's state: OPEN until the source's owner closes it as RESOLVED (data corrected) or REJECTED (data stands). */
export const CorrectionStatus = { OPEN: "OPEN", RESOLVED: "RESOLVED", REJECTED: "REJECTED" } as const;
export type CorrectionStatus = EnumValue<typeof CorrectionStatus>;

/** Whose requests a client may see: those of the sources it owns, or (a citizen) those about them or in their dossiers. */
export type CorrectionScope = { sources: readonly DataSourceName[] } | { citizen: string };

export interface CorrectionFilter {
  status?: CorrectionStatus | null;
  source?: DataSourceName | null;
}

const columns = {
  id: requests.id,
  dossierId: requests.dossierId,
  componentId: requests.componentId,
  source: requests.source,
  subjectKind: requests.subjectKind,
  subjectId: requests.subjectId,
  message: requests.message,
  status: requests.status,
  createdAt: requests.createdAt,
  closedBy: requests.closedBy,
  closedAt: requests.closedAt,
  resolution: requests.resolution,
  reason: requests.reason,
};

/**
 * The request's own dossier_id, qualified by hand: drizzle names a single table's columns bare, and a subquery over
 * another table would read a bare name as its own column where it has one.
 */
const OWN_DOSSIER_ID = sql.raw(`"data_correction_requests"."dossier_id"`);

const dossierOf = (column: "procedure_code" | "applicant_kind" | "applicant_id") =>
  sql<string>`(select d.${sql.raw(column)} from ${dossiers} d where d.id = ${OWN_DOSSIER_ID})`;

/** Every column of a request, with its dossier's procedure and applicant. */
const withDossier = {
  ...columns,
  procedureCode: dossierOf("procedure_code"),
  applicantKind: dossierOf("applicant_kind"),
  applicantId: dossierOf("applicant_id"),
};

export interface CorrectionRow {
  id: number;
  dossierId: string;
  componentId: string;
  source: string;
  subjectKind: string;
  subjectId: string;
  message: string;
  status: string;
  createdAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  resolution: string | null;
  reason: string | null;
  procedureCode: string;
  applicantKind: string;
  applicantId: string;
}

/** How an owner closes a request. */
export interface Closing {
  status: Exclude<CorrectionStatus, "OPEN">;
  clientId: string;
  text: string;
}

/** The most requests `Dossier.corrections` shows: the newest, three rounds of the longest procedure's components. */
export const MAX_DOSSIER_CORRECTIONS = 30;

export class CorrectionStore {
  constructor(private readonly db: Database) {}

  private visibleIn(scope: CorrectionScope): SQL {
    if ("sources" in scope) return scope.sources.length > 0 ? inArray(requests.source, [...scope.sources]) : sql`false`;
    return or(
      and(eq(requests.subjectKind, "CITIZEN"), eq(requests.subjectId, scope.citizen)),
      sql`exists (select 1 from ${dossiers} d where d.id = ${OWN_DOSSIER_ID} and d.applicant_kind = 'CITIZEN' and d.applicant_id = ${scope.citizen})`,
    )!;
  }

  /** A keyset page (by id) of the requests in scope, with the list's total. */
  page(scope: CorrectionScope, filter: CorrectionFilter) {
    const conditions = and(
      this.visibleIn(scope),
      filter.status ? eq(requests.status, filter.status) : undefined,
      filter.source ? eq(requests.source, filter.source) : undefined,
    );
    return {
      fetch: (afterKey: string | null, limit: number): Promise<CorrectionRow[]> =>
        this.db
          .select(withDossier)
          .from(requests)
          .where(and(conditions, afterKey ? gt(requests.id, Number(afterKey)) : undefined))
          .orderBy(asc(requests.id))
          .limit(limit),
      count: async () => Number((await this.db.select({ n: count() }).from(requests).where(conditions))[0].n),
    };
  }

  /**
   * For each dossier, the newest MAX_DOSSIER_CORRECTIONS requests it raised, oldest first: one statement for a
   * page of dossiers (each dossier's requests ranked by a window, the rest left in the database).
   */
  async forDossiers(dossierIds: readonly string[]): Promise<CorrectionRow[][]> {
    const ranked = this.db
      .select({
        id: requests.id,
        rank: sql<number>`row_number() over (partition by ${requests.dossierId} order by ${requests.id} desc)`.as("rank"),
      })
      .from(requests)
      .where(anyOf(requests.dossierId, dossierIds))
      .as("ranked");
    const rows = await this.db
      .select(withDossier)
      .from(requests)
      .innerJoin(ranked, and(eq(ranked.id, requests.id), sql`${ranked.rank} <= ${MAX_DOSSIER_CORRECTIONS}`))
      .orderBy(asc(requests.id));
    const byDossier = new Map<string, CorrectionRow[]>(dossierIds.map((id) => [id, []]));
    for (const row of rows) byDossier.get(row.dossierId)?.push(row);
    return dossierIds.map((id) => byDossier.get(id)!);
  }

  /**
   * Closes an OPEN request of one of `sources`: the row as closed, or, when nothing was closed, the status the
   * request has (null when there is none in scope). The WHERE status = 'OPEN' is what decides between closers.
   */
  async close(
    id: number,
    sources: readonly DataSourceName[],
    closing: Closing,
  ): Promise<{ closed: CorrectionRow } | { status: string | null }> {
    const inScope = and(eq(requests.id, id), this.visibleIn({ sources }));
    const [closed] = await this.db
      .update(requests)
      .set({
        status: closing.status,
        closedBy: closing.clientId,
        closedAt: sql`now()`,
        ...(closing.status === "RESOLVED" ? { resolution: closing.text } : { reason: closing.text }),
      })
      .where(and(inScope, eq(requests.status, "OPEN")))
      .returning(withDossier);
    if (closed) return { closed };
    const [current] = await this.db.select({ status: requests.status }).from(requests).where(inScope);
    return { status: current?.status ?? null };
  }
}
