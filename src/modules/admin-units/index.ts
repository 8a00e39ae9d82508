/** admin-units: the module's one door. */
export { Address, AddressResolver, address } from "./address.js";
export { AdminUnitRegistry, type AdminUnitSnapshot } from "./registry.js";
export { adminUnitResolvers } from "./resolvers.js";
export { explainLegacy, toLegacyUnit } from "./service.js";
export { toCommune, toProvince } from "./types.js";
