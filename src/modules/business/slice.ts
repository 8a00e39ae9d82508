/**
 * The business source's per-request slice: fresh DataLoaders over its own database, its list, and the reader
 * other modules use. Nothing outside this module sees its database.
 */
import type { SourceDatabases } from "../../platform/db/source.js";
import type { CursorCodec, PageArgs } from "../../shared/pagination.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import type { PopulationContext } from "../population/index.js";
import type { EnterpriseFilter } from "./inputs.js";
import { createBusinessLoaders } from "./loaders.js";
import { listEnterprises } from "./service.js";
import { type Enterprise, toEnterprise } from "./types.js";

export function createBusinessSlice({ db, lookups }: SourceDatabases, adminUnits: AdminUnitRegistry, cursors: CursorCodec) {
  const loaders = createBusinessLoaders(lookups);
  /** What other modules read of the business source: records by key, batched per request. */
  const reader = {
    enterprise: (code: string) => loaders.enterprise.load(code),
    peopleOfEnterprise: (code: string) => loaders.peopleOfEnterprise.load(code),
    branchesOfEnterprise: (code: string) => loaders.branchesOfEnterprise.load(code),
    rolesOfPerson: (personalId: string) => loaders.rolesOfPerson.load(personalId),
    householdBusinessesOfOwner: (personalId: string) => loaders.householdBusinessesOfOwner.load(personalId),
    householdBusiness: (registrationNumber: string) => loaders.householdBusiness.load(registrationNumber),
  };
  return {
    loaders,
    reader,
    enterprises: (page: PageArgs<EnterpriseFilter>) => listEnterprises(db, adminUnits, { cursors, ...page }),
  };
}

export type BusinessSlice = ReturnType<typeof createBusinessSlice>;
export type BusinessReader = BusinessSlice["reader"];

/** What this module's resolvers read of the request (people of an enterprise are citizens). */
export interface BusinessContext extends PopulationContext {
  business: BusinessSlice;
}

/** An enterprise as the schema shows one, by code (other modules' fields that name an enterprise resolve through this). */
export async function loadEnterprise(ctx: { business: BusinessSlice }, code: string | null | undefined): Promise<Enterprise | null> {
  if (!code) return null;
  const row = await ctx.business.reader.enterprise(code);
  return row ? toEnterprise(row) : null;
}
