/** land: the module's one door. */
export { type LandLoaders, createLandLoaders } from "./loaders.js";
export { landResolvers } from "./resolvers.js";
export { toCertificate, toParcel } from "./types.js";
