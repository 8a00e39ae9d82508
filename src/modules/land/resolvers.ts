import { Access, SubjectArgument } from "../access/index.js";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { CodedValue } from "../../shared/coded-value.js";
import { listOf } from "../../shared/cost.js";
import { InvalidInputError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { LAND_MESSAGES } from "./messages.js";
import { PARCEL_ID_PATTERN } from "../../shared/codes.js";
import { landUsePurpose } from "../../shared/code-lists.js";
import { connectionType, pagedConnection } from "../../shared/pagination.js";
import { loadEnterprise } from "../business/index.js";
import { Enterprise } from "../business/index.js";
import { loadCitizen } from "../population/index.js";
import { Citizen } from "../population/index.js";
import { LandParcelFilter } from "./inputs.js";
import type { LandContext } from "./slice.js";
import {
  Encumbrance,
  LandCertificate,
  LandHolder,
  LandHolderSubject,
  LandParcel,
  LandTransfer,
  toCertificate,
  toEncumbrance,
  toHolder,
  toParcel,
  toTransfer,
} from "./types.js";

export const LandParcelConnection = connectionType(LandParcel, "LandParcel", "land parcel");

async function loadCertificate(ctx: LandContext, serial: string): Promise<LandCertificate | null> {
  const row = await ctx.land.loaders.certificate.load(serial);
  return row ? toCertificate(row) : null;
}

@Resolver(() => LandParcel)
export class LandParcelResolver {
  @Access("land")
  @SubjectArgument("LAND_PARCEL", "id")
  @Query(() => LandParcel, {
    nullable: true,
    description: "A parcel by identifier (`<commune code>-<map sheet>-<parcel number>`); null when the land database has none.",
  })
  async landParcel(
    @Arg("id", () => ID, { description: 'Parcel identifier, e.g. "00004-12-345".' }) id: string,
    @Ctx() ctx: LandContext,
  ): Promise<LandParcel | null> {
    if (!PARCEL_ID_PATTERN.test(id)) {
      throw new InvalidInputError("INVALID_ARGUMENT", say(LAND_MESSAGES.parcelIdShape, { value: JSON.stringify(id) }));
    }
    const row = await ctx.land.loaders.parcel.load(id);
    return row ? toParcel(row) : null;
  }

  @Access("land")
  @Query(() => LandParcelConnection, {
    nullable: true,
    complexity: pagedConnection,
    description: "Parcels matching a filter, ordered by identifier, a page at a time.",
  })
  landParcels(
    @Ctx() ctx: LandContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
    @Arg("filter", () => LandParcelFilter, { nullable: true, description: "Conditions the parcels must meet." }) filter?: LandParcelFilter,
  ) {
    return ctx.land.parcels({ first, after, filter });
  }

  @FieldResolver(() => CodedValue, { description: "Land-use purpose (mục đích sử dụng đất), Land Law 2024 code list." })
  landUsePurpose(@Root() parcel: LandParcel): CodedValue {
    return landUsePurpose(parcel.landUsePurposeCode);
  }

  // The one in force and at most one it replaced (src/seed/land.ts).
  @FieldResolver(() => [LandCertificate], { complexity: listOf(2), description: "Every certificate issued for the parcel, newest first." })
  async certificates(@Root() parcel: LandParcel, @Ctx() ctx: LandContext): Promise<LandCertificate[]> {
    return (await ctx.land.loaders.certificatesOfParcel.load(parcel.parcelId)).map(toCertificate);
  }

  @FieldResolver(() => LandCertificate, { nullable: true, description: "The certificate in force." })
  async activeCertificate(@Root() parcel: LandParcel, @Ctx() ctx: LandContext): Promise<LandCertificate | null> {
    const active = (await ctx.land.loaders.certificatesOfParcel.load(parcel.parcelId)).find((c) => c.status === "ACTIVE");
    return active ? toCertificate(active) : null;
  }

  // A household head alone or husband and wife (src/seed/land.ts).
  @FieldResolver(() => [LandHolder], {
    complexity: listOf(2),
    nullable: "items",
    description:
      "Current land users (named on the certificate in force), with shares; an entry refused to this client (a co-holder, to a citizen client) is null, with an error.",
  })
  async holders(@Root() parcel: LandParcel, @Ctx() ctx: LandContext): Promise<LandHolder[]> {
    return (await ctx.land.loaders.holdersOfParcel.load(parcel.parcelId)).map(toHolder);
  }

  // At most one mortgage a parcel (src/seed/land.ts).
  @FieldResolver(() => [Encumbrance], {
    complexity: listOf(1),
    description: "Mortgage registrations, newest first, released ones included.",
  })
  async encumbrances(@Root() parcel: LandParcel, @Ctx() ctx: LandContext): Promise<Encumbrance[]> {
    return (await ctx.land.loaders.encumbrancesOfParcel.load(parcel.parcelId)).map(toEncumbrance);
  }

  @FieldResolver(() => Boolean, { description: "True while a mortgage registration is not released." })
  async mortgaged(@Root() parcel: LandParcel, @Ctx() ctx: LandContext): Promise<boolean> {
    return (await ctx.land.loaders.encumbrancesOfParcel.load(parcel.parcelId)).some((e) => e.releasedOn === null);
  }

  // At most one transfer a parcel (src/seed/land.ts).
  @FieldResolver(() => [LandTransfer], { complexity: listOf(1), description: "Transfer history, newest first." })
  async transfers(@Root() parcel: LandParcel, @Ctx() ctx: LandContext): Promise<LandTransfer[]> {
    return (await ctx.land.loaders.transfersOfParcel.load(parcel.parcelId)).map(toTransfer);
  }
}

@Resolver(() => LandCertificate)
export class LandCertificateResolver {
  // A household head alone or husband and wife; a previous holder alone (src/seed/land.ts).
  @FieldResolver(() => [LandHolder], {
    complexity: listOf(2),
    nullable: "items",
    description: "Land users named on this certificate; an entry refused to this client is null, with an error.",
  })
  async holders(@Root() certificate: LandCertificate, @Ctx() ctx: LandContext): Promise<LandHolder[]> {
    return (await ctx.land.loaders.holdersOfCertificate.load(certificate.serial)).map(toHolder);
  }

  @FieldResolver(() => LandParcel, { nullable: true, description: "The parcel." })
  async parcel(@Root() certificate: LandCertificate, @Ctx() ctx: LandContext): Promise<LandParcel | null> {
    const row = await ctx.land.loaders.parcel.load(certificate.parcelId);
    return row ? toParcel(row) : null;
  }
}

@Resolver(() => LandHolder)
export class LandHolderResolver {
  @FieldResolver(() => LandHolderSubject, {
    nullable: true,
    description: "The holder's record: a Citizen or an Enterprise, from its own source.",
  })
  async subject(@Root() holder: LandHolder, @Ctx() ctx: LandContext): Promise<Citizen | Enterprise | null> {
    return holder.personalId ? loadCitizen(ctx, holder.personalId) : loadEnterprise(ctx, holder.enterpriseCode);
  }
}

@Resolver(() => LandTransfer)
export class LandTransferResolver {
  @FieldResolver(() => LandCertificate, { nullable: true, description: "Certificate held before the transfer." })
  fromCertificate(@Root() transfer: LandTransfer, @Ctx() ctx: LandContext) {
    return loadCertificate(ctx, transfer.fromCertificateSerial);
  }

  @FieldResolver(() => LandCertificate, { nullable: true, description: "Certificate issued by the transfer." })
  toCertificate(@Root() transfer: LandTransfer, @Ctx() ctx: LandContext) {
    return loadCertificate(ctx, transfer.toCertificateSerial);
  }
}

@Resolver(() => Encumbrance)
export class EncumbranceResolver {
  @FieldResolver(() => Enterprise, { nullable: true, description: "The lender's record in the business registry, when it has one." })
  async lender(@Root() encumbrance: Encumbrance, @Ctx() ctx: LandContext): Promise<Enterprise | null> {
    return loadEnterprise(ctx, encumbrance.lenderEnterpriseCode);
  }
}

export const landOwnResolvers = [
  LandParcelResolver,
  LandCertificateResolver,
  LandHolderResolver,
  LandTransferResolver,
  EncumbranceResolver,
] as const;
