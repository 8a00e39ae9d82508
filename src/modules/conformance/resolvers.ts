import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { listOf } from "../../shared/cost.js";
import { CONFORMANCE_RULES } from "./rules.js";
import { checkConformance } from "./service.js";
import { type ConformanceFileInput, ConformanceInput, ConformanceReport, ConformanceRule } from "./types.js";

/**
 * What a check costs by its input: its work grows with what it is given, whatever it selects. Measured on this
 * project's development machines: operations take about 15 µs a character (every operation is validated and
 * costed on its own), sample records and schemas about 1.3 µs. At these rates a request checks at most about
 * 100,000 characters of operations or 2,000,000 of samples (more than the 1 MB body), and aliases of the check
 * multiply like lists.
 */
const OPERATION_CHARACTERS_PER_COST = 2;
const DATA_CHARACTERS_PER_COST = 40;

function inputCost(input: Partial<ConformanceInput> | null | undefined): number {
  const characters = (files: (ConformanceFileInput | null | undefined)[] | null | undefined) =>
    (files ?? []).reduce((n, file) => n + (file?.name?.length ?? 0) + (file?.content?.length ?? 0), 0);
  const data = characters(input?.samples) + characters([input?.schema]);
  return Math.ceil(characters(input?.operations) / OPERATION_CHARACTERS_PER_COST) + Math.ceil(data / DATA_CHARACTERS_PER_COST);
}

@Resolver()
export class ConformanceResolver {
  @Query(() => ConformanceReport, {
    complexity: ({ args, childComplexity }) => 1 + childComplexity + inputCost(args.input),
    description:
      "Checks a provincial system's operations, sample records and schema against the national schema and data standards — the same check as `npx ndaf-gateway conformance`. Public; sent with a client's key, operations are also checked against that client's grants. Malformed input is INVALID_CONFORMANCE_INPUT, naming file and line.",
  })
  checkConformance(@Arg("input", () => ConformanceInput, { description: "The operations, sample records and schema to check." }) input: ConformanceInput, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConformanceReport> {
    return checkConformance(
      { schema: info.schema, adminUnits: ctx.adminUnits, catalogue: ctx.procedures },
      {
        operations: input.operations ?? [],
        samples: input.samples ?? [],
        schema: input.schema ?? null,
        schemaTypeMap: Object.fromEntries((input.schemaTypeMap ?? []).map((m) => [m.theirs, m.national])),
      },
      { client: ctx.access.client },
    );
  }

  @Query(() => [ConformanceRule], { complexity: listOf(CONFORMANCE_RULES.length), description: "The conformance rules, with their legal or technical basis and the usual fix." })
  conformanceRules(): ConformanceRule[] {
    return [...CONFORMANCE_RULES];
  }
}

export const conformanceResolvers = [ConformanceResolver] as const;
