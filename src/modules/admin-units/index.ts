/**
 * Administrative units (đơn vị hành chính) on the 2025 two-level map, with the pre-2025 units and their
 * successors. Its door: the resolvers, the in-memory registry every address resolves against, and the filter checks.
 */
export { Address, AddressResolver, address } from "./address.js";
export { AdminUnitRegistry, type AdminUnitSnapshot } from "./registry.js";
export { adminUnitResolvers } from "./resolvers.js";
export { explainLegacy, toLegacyUnit } from "./service.js";
export { toCommune, toProvince } from "./types.js";
export { checkCommuneFilter, checkProvinceFilter } from "./filters.js";
export { type AdminUnitsContext } from "./registry.js";
