/**
 * Procedures and dossiers (thủ tục hành chính, hồ sơ): the catalogue, dossier components answered from the sources'
 * data or asked for as documents, stored dossiers, the data-correction loop and the verification queries. Its door:
 * the resolvers, the dossier store over the gateway database, and what the conformance check and node lookups use.
 */
import { correctionResolvers } from "./correction-resolvers.js";
import { dossierResolvers } from "./resolvers.js";
import { VerificationResolver } from "./verification.js";

export const procedureResolvers = [...dossierResolvers, ...correctionResolvers, VerificationResolver] as const;
export { type CatalogueProcedure, ProcedureCatalogue } from "./catalogue.js";
export { type ProceduresContext } from "./context.js";
export { procedureReport } from "./report.js";
export { checkRequest, toRequest } from "./request.js";
export { loadDossier, toComponent, toProcedure } from "./resolvers.js";
export { DossierStore } from "./store.js";
