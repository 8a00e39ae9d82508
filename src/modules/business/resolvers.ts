import { Access, SubjectKey, SubjectArgument } from "../access/index.js";
import { Arg, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { CodedValue } from "../../shared/coded-value.js";
import { listOf } from "../../shared/cost.js";
import { industry } from "../../shared/code-lists.js";
import { connectionType, pagedConnection } from "../../shared/pagination.js";
import { TaxCodeScalar } from "../../shared/scalars.js";
import { loadCitizen } from "../population/index.js";
import { Citizen } from "../population/index.js";
import { EnterpriseFilter } from "./inputs.js";
import { type BusinessContext, loadEnterprise } from "./slice.js";
import {
  Branch,
  Enterprise,
  EnterpriseIndustry,
  EnterprisePerson,
  HouseholdBusiness,
  toBranch,
  toEnterprisePerson,
  toHouseholdBusiness,
} from "./types.js";

export const EnterpriseConnection = connectionType(Enterprise, "Enterprise", "enterprise");

@ObjectType({ description: "A person's role in an enterprise, seen from the person." })
@Access("business")
@SubjectKey("CITIZEN", "personalId")
export class EnterpriseRole extends EnterprisePerson {}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Access("business")
  @SubjectArgument("ENTERPRISE", "code")
  @Query(() => Enterprise, {
    nullable: true,
    description: "An enterprise by its code (tax code); null when the registry has no such enterprise.",
  })
  enterprise(
    @Arg("code", () => TaxCodeScalar, { description: "10-digit enterprise code (tax code)." }) code: string,
    @Ctx() ctx: BusinessContext,
  ): Promise<Enterprise | null> {
    return loadEnterprise(ctx, code);
  }

  @Access("business")
  @Query(() => EnterpriseConnection, {
    nullable: true,
    complexity: pagedConnection,
    description: "Enterprises matching a filter, ordered by code, a page at a time.",
  })
  enterprises(
    @Ctx() ctx: BusinessContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
    @Arg("filter", () => EnterpriseFilter, { nullable: true, description: "Conditions the enterprises must meet." })
    filter?: EnterpriseFilter,
  ) {
    return ctx.business.enterprises({ first, after, filter });
  }

  @FieldResolver(() => CodedValue, { description: "Main business line (ngành nghề chính), VSIC 2018." })
  mainIndustry(@Root() enterprise: Enterprise): CodedValue {
    return industry(enterprise.mainIndustryCode);
  }

  // The main line and up to 3 others (src/seed/business.ts).
  @FieldResolver(() => [EnterpriseIndustry], { complexity: listOf(4), description: "All registered business lines, the main one first." })
  async industries(@Root() enterprise: Enterprise, @Ctx() ctx: BusinessContext): Promise<EnterpriseIndustry[]> {
    return (await ctx.business.loaders.industriesOfEnterprise.load(enterprise.code)).map((row) => ({
      code: row.industryCode,
      name: industry(row.industryCode).name,
      isMain: row.isMain,
    }));
  }

  // Exactly one an enterprise (src/seed/business.ts).
  @FieldResolver(() => [EnterprisePerson], {
    complexity: listOf(1),
    nullable: "items",
    description:
      "Legal representatives (người đại diện theo pháp luật); an entry refused to this client (another person, to a citizen client) is null, with an error.",
  })
  async legalRepresentatives(@Root() enterprise: Enterprise, @Ctx() ctx: BusinessContext): Promise<EnterprisePerson[]> {
    return (await ctx.business.loaders.peopleOfEnterprise.load(enterprise.code))
      .filter((r) => r.role === "LEGAL_REPRESENTATIVE")
      .map(toEnterprisePerson);
  }

  // Up to 5 members or founding shareholders (src/seed/business.ts).
  @FieldResolver(() => [EnterprisePerson], {
    complexity: listOf(5),
    nullable: "items",
    description:
      "Owners, members and founding shareholders, with their shares of charter capital; an entry refused to this client is null, with an error.",
  })
  async owners(@Root() enterprise: Enterprise, @Ctx() ctx: BusinessContext): Promise<EnterprisePerson[]> {
    return (await ctx.business.loaders.peopleOfEnterprise.load(enterprise.code))
      .filter((r) => r.role !== "LEGAL_REPRESENTATIVE")
      .map(toEnterprisePerson);
  }

  // Up to 3 branches (src/seed/business.ts).
  @FieldResolver(() => [Branch], { complexity: listOf(3), description: "Branches (chi nhánh)." })
  async branches(@Root() enterprise: Enterprise, @Ctx() ctx: BusinessContext): Promise<Branch[]> {
    return (await ctx.business.loaders.branchesOfEnterprise.load(enterprise.code)).map(toBranch);
  }
}

@Resolver(() => EnterprisePerson)
export class EnterprisePersonResolver {
  @FieldResolver(() => Citizen, { nullable: true, description: "The person's record in the population database." })
  citizen(@Root() person: EnterprisePerson, @Ctx() ctx: BusinessContext) {
    return loadCitizen(ctx, person.personalId);
  }
}

@Resolver(() => EnterpriseRole)
export class EnterpriseRoleResolver {
  @FieldResolver(() => Enterprise, { nullable: true, description: "The enterprise." })
  enterprise(@Root() role: EnterpriseRole, @Ctx() ctx: BusinessContext) {
    return loadEnterprise(ctx, role.enterpriseCode);
  }
}

@Resolver(() => Branch)
export class BranchResolver {
  @FieldResolver(() => Enterprise, { nullable: true, description: "The enterprise the branch belongs to." })
  enterprise(@Root() branch: Branch, @Ctx() ctx: BusinessContext) {
    return loadEnterprise(ctx, branch.enterpriseCode);
  }
}

@Resolver(() => HouseholdBusiness)
export class HouseholdBusinessResolver {
  @Access("business")
  @SubjectArgument("HOUSEHOLD_BUSINESS", "registrationNumber")
  @Query(() => HouseholdBusiness, {
    nullable: true,
    description: "A household business by registration number; null when none is registered.",
  })
  async householdBusiness(
    @Arg("registrationNumber", () => String, { description: "Registration number of the household business." }) registrationNumber: string,
    @Ctx() ctx: BusinessContext,
  ): Promise<HouseholdBusiness | null> {
    const row = await ctx.business.loaders.householdBusiness.load(registrationNumber);
    return row ? toHouseholdBusiness(row) : null;
  }

  @FieldResolver(() => Citizen, { nullable: true, description: "The owner (chủ hộ kinh doanh)." })
  owner(@Root() business: HouseholdBusiness, @Ctx() ctx: BusinessContext) {
    return loadCitizen(ctx, business.ownerPersonalId);
  }

  @FieldResolver(() => CodedValue, { description: "Industry of the business line, VSIC 2018." })
  industry(@Root() business: HouseholdBusiness): CodedValue {
    return industry(business.industryCode);
  }
}

export const businessOwnResolvers = [
  EnterpriseResolver,
  EnterprisePersonResolver,
  EnterpriseRoleResolver,
  BranchResolver,
  HouseholdBusinessResolver,
] as const;
