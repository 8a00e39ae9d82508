/**
 * The land source (cơ sở dữ liệu đất đai): parcels, certificates, holders, mortgages and transfers. Its door: the
 * resolvers (its own types' and the fields it contributes to Citizen and Enterprise), the per-request slice over
 * its own database, the reader and the mappings other modules use.
 */
import { contributedResolvers } from "./contributed.js";
import { landOwnResolvers } from "./resolvers.js";

export const landResolvers = [...landOwnResolvers, ...contributedResolvers] as const;
export { createLandSlice, type LandContext, type LandReader, type LandSlice } from "./slice.js";
export { toCertificate, toParcel } from "./types.js";
