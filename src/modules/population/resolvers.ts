import { Access, SubjectArgument } from "../access/index.js";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { todayInVietnam, yearsBetween } from "../../platform/dates.js";
import { CodedValue } from "../../shared/coded-value.js";
import { listOf } from "../../shared/cost.js";
import { ethnicity } from "../../shared/code-lists.js";
import { connectionType, pagedConnection } from "../../shared/pagination.js";
import { PersonalIdScalar } from "../../shared/scalars.js";
import { CitizenFilter } from "./inputs.js";
import { loadCitizen, type PopulationContext } from "./slice.js";
import { Citizen, Household, HouseholdMember, IdentityCard, LifeStatus, toCitizen, toHousehold, toIdentityCard } from "./types.js";

export const CitizenConnection = connectionType(Citizen, "Citizen", "citizen");

@Resolver(() => Citizen)
export class CitizenResolver {
  @Access("population")
  @SubjectArgument("CITIZEN", "personalId")
  @Query(() => Citizen, {
    nullable: true,
    description: "A citizen by personal identification number; null when the population database has no such person.",
  })
  citizen(
    @Arg("personalId", () => PersonalIdScalar, { description: "12-digit personal identification number." }) personalId: string,
    @Ctx() ctx: PopulationContext,
  ): Promise<Citizen | null> {
    return loadCitizen(ctx, personalId);
  }

  @Access("population")
  @Query(() => CitizenConnection, {
    nullable: true,
    complexity: pagedConnection,
    description: "Citizens matching a filter, ordered by personal identification number, a page at a time.",
  })
  citizens(
    @Ctx() ctx: PopulationContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
    @Arg("filter", () => CitizenFilter, { nullable: true, description: "Conditions the citizens must meet." }) filter?: CitizenFilter,
  ) {
    return ctx.population.citizens({ first, after, filter });
  }

  @Access("population", "sensitive")
  @FieldResolver(() => CodedValue, { description: "Ethnicity (dân tộc) from the national list of 54 ethnic groups." })
  ethnicity(@Root() citizen: Citizen): CodedValue {
    return ethnicity(citizen.ethnicityCode);
  }

  @FieldResolver(() => LifeStatus, { description: "Whether the person is alive, and their age." })
  lifeStatus(@Root() citizen: Citizen): LifeStatus {
    return { alive: !citizen.dateOfDeath, age: yearsBetween(citizen.dateOfBirth, citizen.dateOfDeath ?? todayInVietnam()) };
  }

  @FieldResolver(() => Citizen, { nullable: true, description: "Father (cha), when recorded." })
  father(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext) {
    return loadCitizen(ctx, citizen.fatherId);
  }

  @FieldResolver(() => Citizen, { nullable: true, description: "Mother (mẹ), when recorded." })
  mother(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext) {
    return loadCitizen(ctx, citizen.motherId);
  }

  @FieldResolver(() => Citizen, { nullable: true, description: "Spouse (vợ / chồng), while married." })
  spouse(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext) {
    return loadCitizen(ctx, citizen.spouseId);
  }

  // The generator gives a couple at most 4 children (src/seed/families.ts); `npm run list-sizes` checks.
  @FieldResolver(() => [Citizen], {
    complexity: listOf(4),
    nullable: "items",
    description:
      "Children (con) recorded with this person as father or mother, eldest first; an entry refused to this client (to a citizen client, a child is another person) is null, with an error.",
  })
  async children(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext): Promise<Citizen[]> {
    return (await ctx.population.loaders.children.load(citizen.personalId)).map(toCitizen);
  }

  @FieldResolver(() => Household, { nullable: true, description: "The household the person belongs to (hộ gia đình)." })
  async household(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext): Promise<Household | null> {
    if (!citizen.householdId) return null;
    const row = await ctx.population.loaders.household.load(citizen.householdId);
    return row ? toHousehold(row) : null;
  }

  // One of each kind at most: CMND, CCCD, căn cước (src/seed/cards.ts).
  @FieldResolver(() => [IdentityCard], { complexity: listOf(3), description: "Identity cards issued to the person, newest first." })
  async identityCards(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext): Promise<IdentityCard[]> {
    return (await ctx.population.loaders.identityCards.load(citizen.personalId)).map(toIdentityCard);
  }
}

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => Citizen, { nullable: true, description: "Head of household (chủ hộ)." })
  head(@Root() household: Household, @Ctx() ctx: PopulationContext) {
    return loadCitizen(ctx, household.headPersonalId);
  }

  // The largest household the generator makes: three generations, 8 living members (src/seed/families.ts).
  @FieldResolver(() => [HouseholdMember], {
    complexity: listOf(8),
    description: "Everyone registered in the household, with their relation to the head.",
  })
  async members(@Root() household: Household, @Ctx() ctx: PopulationContext): Promise<HouseholdMember[]> {
    return (await ctx.population.loaders.householdMembers.load(household.code)).map((row) => ({
      relationToHead: row.relationToHead as HouseholdMember["relationToHead"],
      personalId: row.personalId,
    }));
  }
}

@Resolver(() => HouseholdMember)
export class HouseholdMemberResolver {
  @FieldResolver(() => Citizen, { nullable: true, description: "The member's record." })
  citizen(@Root() member: HouseholdMember, @Ctx() ctx: PopulationContext) {
    return loadCitizen(ctx, member.personalId);
  }
}

export const populationResolvers = [CitizenResolver, HouseholdResolver, HouseholdMemberResolver] as const;
