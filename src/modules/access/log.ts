/**
 * The access log's reads of the audit trail: a person's entries, newest first, with the reading client's name. The
 * statements the `accessLog` query runs against the gateway database, and nothing else.
 */
import { and, count, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import { GatewayError } from "../../platform/errors.js";
import { auditLog, clients } from "./tables.js";

export interface AccessLogRow {
  seq: number;
  recordedAt: Date;
  clientId: string;
  clientName: string | null;
  action: string;
  procedureCode: string | null;
  caseId: string | null;
  fields: string[];
  requestId: string;
}

export class AccessLogStore {
  constructor(private readonly db: Database) {}

  /** Keyset pages (by sequence, descending) of the entries about one citizen. */
  page(personalId: string) {
    const mine = and(eq(auditLog.subjectKind, "CITIZEN"), eq(auditLog.subjectId, personalId));
    return {
      fetch: (afterKey: string | null, limit: number): Promise<AccessLogRow[]> => {
        const before = afterKey === null ? undefined : Number(afterKey);
        if (before !== undefined && !Number.isSafeInteger(before))
          throw new GatewayError("INVALID_CURSOR", "The cursor is not an access-log cursor.");
        return this.db
          .select({
            seq: auditLog.seq,
            recordedAt: auditLog.recordedAt,
            clientId: auditLog.clientId,
            clientName: clients.name,
            action: auditLog.action,
            procedureCode: auditLog.procedureCode,
            caseId: auditLog.caseId,
            fields: auditLog.fields,
            requestId: auditLog.requestId,
          })
          .from(auditLog)
          .leftJoin(clients, eq(clients.id, auditLog.clientId))
          .where(and(mine, before === undefined ? undefined : lt(auditLog.seq, before)))
          .orderBy(desc(auditLog.seq))
          .limit(limit);
      },
      count: async () => (await this.db.select({ n: count() }).from(auditLog).where(mine))[0].n,
    };
  }
}
