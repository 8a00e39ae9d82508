/** `operationalRecords`: a client's own requests — or, with the oversight role, every client's — over a window. */
import "reflect-metadata";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { checkPageSize, pagedConnection } from "../../shared/pagination.js";
import { DateTimeScalar } from "../../shared/scalars.js";
import { InvalidInputError } from "../../platform/errors.js";
import type { MonitoringContext } from "./context.js";
import { recordFilter, recordOf, statisticsOf } from "./service.js";
import type { RecordKey } from "./store.js";
import { OperationalRecordConnection } from "./types.js";
import { MONITORING_MESSAGES } from "./messages.js";
import { say } from "../../platform/i18n.js";

const CURSOR_KIND = "operational-records";

function keyOf(row: RecordKey): string {
  return JSON.stringify([row.clientId, row.operation, row.procedureCode, row.outcome]);
}

function keyFrom(raw: string): RecordKey {
  const parts = JSON.parse(raw) as unknown;
  if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => typeof p === "string"))
    throw new InvalidInputError("INVALID_CURSOR", say(MONITORING_MESSAGES.badCursor), { argument: "after" });
  const [clientId, operation, procedureCode, outcome] = parts as string[];
  return { clientId: clientId!, operation: operation!, procedureCode: procedureCode!, outcome: outcome! };
}

@Resolver()
export class OperationalRecordsResolver {
  @Query(() => OperationalRecordConnection, {
    complexity: pagedConnection,
    description:
      "Operational records (giám sát, truy vết, đánh giá — Decree 278/2025; X-Road's operational monitoring): requests, errors by code and latency per operation and procedure, summed over the minutes starting in [from, to) — at most 31 days. A client reads its own; a client holding the `oversight` role reads every client's. They name no person.",
  })
  async operationalRecords(
    @Ctx() ctx: MonitoringContext,
    @Arg("from", () => DateTimeScalar, { description: "Start of the window (inclusive); records are per minute, UTC." }) from: Date,
    @Arg("to", () => DateTimeScalar, { description: "End of the window (exclusive), at most 31 days after `from`." }) to: Date,
    @Arg("clientId", () => String, {
      nullable: true,
      description: "Whose records: your own (the default), or any client's with the oversight role (all of them when omitted).",
    })
    clientId?: string,
    @Arg("operation", () => String, { nullable: true, description: "Only this operation's records (its name as recorded)." })
    operation?: string,
    @Arg("procedure", () => String, { nullable: true, description: "Only the records under this procedure code." }) procedure?: string,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
  ): Promise<OperationalRecordConnection> {
    const filter = recordFilter(ctx.access.client, { from, to, clientId, operation, procedure });
    const size = checkPageSize(first);
    const afterKey = after ? keyFrom(ctx.gateway.cursors.decode(CURSOR_KIND, after)) : null;
    const store = ctx.monitoring.records;
    const rows = await store.page(filter, afterKey, size + 1);
    const edges = rows.slice(0, size).map((row) => ({ cursor: ctx.gateway.cursors.encode(CURSOR_KIND, keyOf(row)), node: recordOf(row) }));
    return Object.assign(new OperationalRecordConnection(), {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: afterKey !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      countTotal: () => store.count(filter),
      sumTotals: async () => statisticsOf(await store.totals(filter)),
    });
  }
}
