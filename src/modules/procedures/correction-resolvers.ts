/** The data-correction loop's fields: the list, closing a request, and a dossier's own requests. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { DataSource } from "../access/index.js";
import { listOf } from "../../shared/cost.js";
import { pagedConnection } from "../../shared/pagination.js";
import type { ProceduresContext } from "./context.js";
import { MAX_DOSSIER_CORRECTIONS } from "./correction-store.js";
import { closeCorrection, correctionsOfDossier, listCorrections } from "./corrections.js";
import { CorrectionStatus, DataCorrectionRequest, DataCorrectionRequestConnection } from "./correction-types.js";
import { Dossier } from "./types.js";

@Resolver()
export class CorrectionResolver {
  @Query(() => DataCorrectionRequestConnection, {
    nullable: true,
    complexity: pagedConnection,
    description:
      "Data-correction requests, oldest first. A source's owner (an agency system holding `owner:<source>`) sees those raised against the sources it owns; a citizen those about themselves and those in the dossiers they filed. Other clients: ROLE_REQUIRED.",
  })
  dataCorrectionRequests(
    @Ctx() ctx: ProceduresContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
    @Arg("status", () => CorrectionStatus, { nullable: true, description: "Only requests in this state." }) status?: CorrectionStatus,
    @Arg("source", () => DataSource, { nullable: true, description: "Only requests to this source; an owner names one it owns." })
    source?: DataSource,
  ) {
    return listCorrections(ctx, { first, after, status, source });
  }

  @Mutation(() => DataCorrectionRequest, {
    description:
      "Closes an open data-correction request as resolved: the source's data was corrected. Only for the owner of the request's source; then reevaluateDossier answers the dossier's component from data.",
  })
  resolveDataCorrection(
    @Ctx() ctx: ProceduresContext,
    @Arg("id", () => ID, { description: "The request (`correctionId`)." }) id: string,
    @Arg("resolution", () => String, { description: "What was corrected (1–256 characters)." }) resolution: string,
  ): Promise<DataCorrectionRequest> {
    return closeCorrection(ctx, id, "RESOLVED", resolution);
  }

  @Mutation(() => DataCorrectionRequest, {
    description:
      "Closes an open data-correction request as rejected: the source's data stands (the applicant brings the document). Only for the owner of the request's source.",
  })
  rejectDataCorrection(
    @Ctx() ctx: ProceduresContext,
    @Arg("id", () => ID, { description: "The request (`correctionId`)." }) id: string,
    @Arg("reason", () => String, { description: "Why the data stands (1–256 characters)." }) reason: string,
  ): Promise<DataCorrectionRequest> {
    return closeCorrection(ctx, id, "REJECTED", reason);
  }
}

@Resolver(() => Dossier)
export class DossierCorrectionsResolver {
  // One per data component found missing (raised again only after a resolution that left it missing): the longest
  // procedure has 10 components (seeds/procedures/catalogue.json); rounds of re-evaluation add more, so the newest
  // MAX_DOSSIER_CORRECTIONS are shown.
  @FieldResolver(() => [DataCorrectionRequest], {
    complexity: listOf(MAX_DOSSIER_CORRECTIONS),
    description: `The data-correction requests the dossier raised (the newest ${MAX_DOSSIER_CORRECTIONS}), oldest first, with their status; a citizen sees those about anyone else by status only.`,
  })
  corrections(@Ctx() ctx: ProceduresContext, @Root() dossier: Dossier): Promise<DataCorrectionRequest[]> {
    return correctionsOfDossier(ctx, { dossierId: dossier.dossierId, procedureCode: dossier.procedure.code });
  }
}

export const correctionResolvers = [CorrectionResolver, DossierCorrectionsResolver] as const;
