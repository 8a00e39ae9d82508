/**
 * The business source (cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp): enterprises, their people, branches and
 * household businesses. Its door: the resolvers (its own types' and the fields it contributes to Citizen), the
 * per-request slice over its own database, the reader and the types other modules use.
 */
import { contributedResolvers } from "./contributed.js";
import { businessOwnResolvers } from "./resolvers.js";

export const businessResolvers = [...businessOwnResolvers, ...contributedResolvers] as const;
export { type BusinessContext, type BusinessReader, type BusinessSlice, createBusinessSlice, loadEnterprise } from "./slice.js";
export { Enterprise, toBranch, toHouseholdBusiness } from "./types.js";
