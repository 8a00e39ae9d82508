/**
 * The land source's fields on types other modules own (Citizen, Enterprise): in one file, because they are what a
 * land subgraph contributes to the population and business sources' entities.
 */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Access } from "../access/index.js";
import { listOf } from "../../shared/cost.js";
import { Enterprise } from "../business/index.js";
import { Citizen } from "../population/index.js";
import type { LandContext } from "./slice.js";
import { ParcelHolding, toParcel } from "./types.js";

function toHolding(row: {
  holder: { sharePercent: number; certificateSerial: string };
  parcel: Parameters<typeof toParcel>[0];
}): ParcelHolding {
  return { parcel: toParcel(row.parcel), sharePercent: row.holder.sharePercent, certificateSerial: row.holder.certificateSerial };
}

/** The land source's fields on Citizen and Enterprise. */
@Resolver(() => Citizen)
export class CitizenLandResolver {
  @Access("land")
  // A household's parcels in a xã: residential land and up to 3 farm parcels (src/seed/land.ts).
  @FieldResolver(() => [ParcelHolding], {
    nullable: true,
    complexity: listOf(4),
    description: "Parcels the person holds under a certificate in force, with their share.",
  })
  async landParcels(@Root() citizen: Citizen, @Ctx() ctx: LandContext): Promise<ParcelHolding[]> {
    return (await ctx.land.loaders.holdingsOfCitizen.load(citizen.personalId)).map(toHolding);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseLandResolver {
  @Access("land")
  // At most two parcels at an enterprise's head office (src/seed/business.ts).
  @FieldResolver(() => [ParcelHolding], {
    nullable: true,
    complexity: listOf(2),
    description: "Parcels the enterprise holds under a certificate in force.",
  })
  async landParcels(@Root() enterprise: Enterprise, @Ctx() ctx: LandContext): Promise<ParcelHolding[]> {
    return (await ctx.land.loaders.holdingsOfEnterprise.load(enterprise.code)).map(toHolding);
  }
}

export const contributedResolvers = [CitizenLandResolver, EnterpriseLandResolver] as const;
