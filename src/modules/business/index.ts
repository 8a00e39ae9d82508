/** business: the module's one door. */
export { type BusinessLoaders, createBusinessLoaders } from "./loaders.js";
export { businessResolvers, loadEnterprise } from "./resolvers.js";
export { Enterprise, toBranch, toHouseholdBusiness } from "./types.js";
