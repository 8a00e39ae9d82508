import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { listOf } from "../../shared/cost.js";
import { CONFORMANCE_RULES } from "./rules.js";
import { checkConformance } from "./service.js";
import { ConformanceInput, ConformanceReport, ConformanceRule } from "./types.js";

@Resolver()
export class ConformanceResolver {
  @Query(() => ConformanceReport, {
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
