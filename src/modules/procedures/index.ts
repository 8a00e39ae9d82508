/** procedures: the module's one door. */
export { type CatalogueProcedure, ProcedureCatalogue } from "./catalogue.js";
export { loadDossier, procedureResolvers, toComponent, toProcedure } from "./resolvers.js";
export { checkRequest, toRequest } from "./service.js";
