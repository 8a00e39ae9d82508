/**
 * The population source (cơ sở dữ liệu quốc gia về dân cư): citizens, households and identity cards. Its door:
 * the resolvers, the per-request slice over its own database, the reader and the types other modules use.
 */
export { populationResolvers } from "./resolvers.js";
export { createPopulationSlice, loadCitizen, type PopulationContext, type PopulationReader, type PopulationSlice } from "./slice.js";
export { type CitizenRow } from "./tables.js";
export { Citizen, toHousehold } from "./types.js";
export { demoCitizenOf } from "./service.js";
