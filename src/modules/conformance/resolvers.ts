import { MAX_API_FINDINGS } from "./bounds.js";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { DEFAULT_LIMITS } from "../access/index.js";
import type { RequestAccess } from "../access/index.js";
import type { ConformancePool } from "./pool.js";
import { listOf } from "../../shared/cost.js";
import { localizedRules } from "./rule-messages.js";
import { CONFORMANCE_RULES } from "./rules.js";
import { ConformanceInput, ConformanceReport, ConformanceRule } from "./types.js";

/**
 * The query cost of one check, whatever it selects: half the limit, so a request holds one check and a second
 * alias is refused before anything runs. The check itself is bounded by the API's limits (bounds.ts) and its
 * worker's time budget; aliases would otherwise queue checks behind one request until the pool is full.
 */
const CHECK_COST = Math.ceil(DEFAULT_LIMITS.maxCost / 2);

/** What the conformance check reads of the request: who asks (their grants are checked too) and the worker pool. */
export interface ConformanceContext {
  access: RequestAccess;
  gateway: { conformance: ConformancePool };
}

@Resolver()
export class ConformanceResolver {
  @Query(() => ConformanceReport, {
    complexity: ({ childComplexity }) => CHECK_COST + childComplexity,
    description:
      "Checks a provincial system's operations, sample records, schema and subgraph against the national schema and data standards — the same check as `npx ndaf-gateway conformance`. Public; sent with a client's key, operations are also checked against that client's grants. Malformed input is INVALID_CONFORMANCE_INPUT, naming file and line; so is input past one of the API's bounds (size, documents, operations, tokens, fragment expansion, samples, schema, subgraph), naming the bound in `extensions.limit`. A check runs off the request thread and is stopped past its time budget (CONFORMANCE_TIMEOUT).",
  })
  async checkConformance(
    @Arg("input", () => ConformanceInput, { description: "The operations, sample records, schema and subgraph to check." })
    input: ConformanceInput,
    @Ctx() ctx: ConformanceContext,
  ): Promise<ConformanceReport> {
    const report = await ctx.gateway.conformance.check(
      {
        operations: input.operations ?? [],
        samples: input.samples ?? [],
        schema: input.schema ?? null,
        schemaTypeMap: Object.fromEntries((input.schemaTypeMap ?? []).map((m) => [m.theirs, m.national])),
        subgraph: input.subgraph ?? null,
        subgraphName: input.subgraphName ?? null,
      },
      ctx.access.client,
    );
    // The answer is bounded as the work is: the first findings in full, the rest counted (errors, warnings, summary).
    if (report.findings.length <= MAX_API_FINDINGS) return { ...report, findingsOmitted: 0 };
    return { ...report, findings: report.findings.slice(0, MAX_API_FINDINGS), findingsOmitted: report.findings.length - MAX_API_FINDINGS };
  }

  @Query(() => [ConformanceRule], {
    complexity: listOf(CONFORMANCE_RULES.length),
    description: "The conformance rules, with their legal or technical basis and the usual fix.",
  })
  conformanceRules(): ConformanceRule[] {
    return localizedRules();
  }
}

export const conformanceResolvers = [ConformanceResolver] as const;
