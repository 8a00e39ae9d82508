/**
 * The population source's per-request slice: fresh DataLoaders over its own database (never shared between
 * requests), its list, and the reader other modules use. Nothing outside this module sees its database.
 */
import type { SourceDatabases } from "../../platform/db/source.js";
import type { CursorCodec, PageArgs } from "../../shared/pagination.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import type { CitizenFilter } from "./inputs.js";
import { createPopulationLoaders } from "./loaders.js";
import { listCitizens } from "./service.js";
import { type Citizen, toCitizen } from "./types.js";

export function createPopulationSlice({ db, lookups }: SourceDatabases, adminUnits: AdminUnitRegistry, cursors: CursorCodec) {
  const loaders = createPopulationLoaders(lookups);
  /** What other modules read of the population source: records by key, batched per request. */
  const reader = {
    citizen: (id: string) => loaders.citizen.load(id),
    identityCards: (id: string) => loaders.identityCards.load(id),
    household: (id: string) => loaders.household.load(id),
    householdMembers: (householdId: string) => loaders.householdMembers.load(householdId),
  };
  return {
    loaders,
    reader,
    citizens: (page: PageArgs<CitizenFilter>) => listCitizens(db, adminUnits, { cursors, ...page }),
  };
}

export type PopulationSlice = ReturnType<typeof createPopulationSlice>;
export type PopulationReader = PopulationSlice["reader"];

/** What this module's resolvers read of the request. */
export interface PopulationContext {
  population: PopulationSlice;
}

/** A citizen as the schema shows one, by id (other modules' fields that name a person resolve through this). */
export async function loadCitizen(ctx: { population: PopulationSlice }, id: string | null | undefined): Promise<Citizen | null> {
  if (!id) return null;
  const row = await ctx.population.reader.citizen(id);
  return row ? toCitizen(row) : null;
}
