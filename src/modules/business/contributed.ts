/**
 * The business source's fields on a type another module owns (Citizen): in one file, because they are what a
 * business subgraph contributes to the population source's entity.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Access } from "../access/index.js";
import { listOf } from "../../shared/cost.js";
import { Citizen } from "../population/index.js";
import type { BusinessContext } from "./slice.js";
import { EnterpriseRole } from "./resolvers.js";
import { EnterpriseRoleKind, HouseholdBusiness, toEnterprisePerson, toHouseholdBusiness } from "./types.js";

@Resolver(() => Citizen)
export class CitizenBusinessResolver {
  @Access("business")
  // Not fixed by the generator: representatives and owners are drawn from all adults. The 1,000,000-citizen data
  // set has at most 8 roles a person (`npm run list-sizes`); 10 leaves room for a larger one.
  @FieldResolver(() => [EnterpriseRole], {
    nullable: true,
    complexity: listOf(10),
    description: "Enterprises the person represents, owns, or holds capital in.",
  })
  async enterpriseRoles(
    @Root() citizen: Citizen,
    @Ctx() ctx: BusinessContext,
    @Arg("role", () => EnterpriseRoleKind, { nullable: true, description: "Only roles of this kind." }) role?: EnterpriseRoleKind,
  ): Promise<EnterpriseRole[]> {
    const rows = await ctx.business.loaders.rolesOfPerson.load(citizen.personalId);
    return rows.filter((r) => !role || r.role.role === role).map((r) => toEnterprisePerson(r.role));
  }

  @Access("business")
  // One a person (Decree 01/2021/NĐ-CP, art. 80; the generator gives each owner one).
  @FieldResolver(() => [HouseholdBusiness], {
    nullable: true,
    complexity: listOf(1),
    description: "Household businesses the person owns (hộ kinh doanh).",
  })
  async householdBusinesses(@Root() citizen: Citizen, @Ctx() ctx: BusinessContext): Promise<HouseholdBusiness[]> {
    return (await ctx.business.loaders.householdBusinessesOfOwner.load(citizen.personalId)).map(toHouseholdBusiness);
  }
}

export const contributedResolvers = [CitizenBusinessResolver] as const;
