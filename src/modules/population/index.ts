/** population: the module's one door. */
export { type PopulationLoaders, createPopulationLoaders } from "./loaders.js";
export { loadCitizen, populationResolvers } from "./resolvers.js";
export { type CitizenRow } from "./tables.js";
export { Citizen, toHousehold, yearsBetween } from "./types.js";
