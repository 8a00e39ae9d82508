/** The operational records as GraphQL shows them: statistics per (client, operation, procedure, outcome), and totals. */
import "reflect-metadata";
import { Field, Float, ObjectType } from "type-graphql";
import { connectionPage, PageInfo } from "../../shared/pagination.js";
import { SafeIntScalar } from "../../shared/scalars.js";

@ObjectType({
  description: "Requests and their latency over a window: counts, average and maximum, percentiles estimated from latency buckets.",
})
export class OperationalStatistics {
  @Field(() => SafeIntScalar, { description: "Requests that ended in the window." })
  requests!: number;

  @Field(() => SafeIntScalar, { description: "Of those, the requests answered with an error (their outcome is a code, not OK)." })
  errors!: number;

  @Field(() => Float, { nullable: true, description: "Average time from request to answer, in milliseconds; null without requests." })
  averageMs!: number | null;

  @Field(() => Float, { nullable: true, description: "The slowest request, in milliseconds; null without requests." })
  maxMs!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Median latency in milliseconds, estimated from the latency buckets (within a bucket's width).",
  })
  p50Ms!: number | null;

  @Field(() => Float, { nullable: true, description: "95th-percentile latency in milliseconds, estimated from the latency buckets." })
  p95Ms!: number | null;

  @Field(() => Float, { nullable: true, description: "99th-percentile latency in milliseconds, estimated from the latency buckets." })
  p99Ms!: number | null;
}

@ObjectType({
  description:
    "One client's requests of one operation, under one procedure, with one outcome, summed over the window (X-Road's operational monitoring; Decree 278/2025 giám sát, truy vết, đánh giá). Names no person.",
})
export class OperationalRecord extends OperationalStatistics {
  @Field(() => String, {
    description: "The client's id; `anonymous` without a credential; `VN:CIT:[citizens]` for every citizen client together.",
  })
  clientId!: string;

  @Field(() => String, {
    description:
      "The operation's name as recorded: letters, digits and _ (no long digit runs), at most 64 characters; `(unnamed)`, `(other)` past 50 names a client uses in a minute, `(unread)` for a request refused before its operation was read.",
  })
  operation!: string;

  @Field(() => String, {
    nullable: true,
    description: "The declared purpose's procedure code (thủ tục hành chính), when one was declared and valid.",
  })
  procedureCode!: string | null;

  @Field(() => String, { description: "`OK`, or the code (ErrorCode) of the answer's first error." })
  outcome!: string;

  @Field(() => String, { nullable: true, description: "The outcome when it is an error (an ErrorCode value); null for OK." })
  errorCode!: string | null;
}

@ObjectType({ description: "One operational record in a page, with its cursor." })
export class OperationalRecordEdge {
  @Field(() => String, { description: "Opaque cursor of this record; pass it as `after` to continue after it." })
  cursor!: string;

  @Field(() => OperationalRecord, { description: "The record." })
  node!: OperationalRecord;
}

@ObjectType({
  description:
    "A page of operational records over a window, in order of client, operation, procedure and outcome, and the window's totals.",
})
export class OperationalRecordConnection {
  @Field(() => [OperationalRecordEdge], { description: "The records of this page, in order.", complexity: connectionPage })
  edges!: OperationalRecordEdge[];

  @Field(() => PageInfo, { description: "Whether more pages follow, and the cursors to fetch them." })
  pageInfo!: PageInfo;

  countTotal!: () => Promise<number>;
  sumTotals!: () => Promise<OperationalStatistics>;

  @Field(() => SafeIntScalar, { description: "Number of records in the window (matching the filter), across all pages." })
  totalCount(): Promise<number> {
    return this.countTotal();
  }

  @Field(() => OperationalStatistics, { description: "Every request of the window (matching the filter), all records together." })
  totals(): Promise<OperationalStatistics> {
    return this.sumTotals();
  }
}
