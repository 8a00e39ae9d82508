/** What the procedures module reads of the request: who asks, the sources' readers, and its own store. */
import type { RequestAccess } from "../access/index.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import type { BusinessReader } from "../business/index.js";
import type { LandReader } from "../land/index.js";
import type { PopulationReader } from "../population/index.js";
import type { CursorCodec } from "../../shared/pagination.js";
import type { ProcedureCatalogue } from "./catalogue.js";
import type { DossierReaders } from "./rules.js";
import type { DossierStore } from "./store.js";

export interface ProceduresContext {
  access: RequestAccess;
  adminUnits: AdminUnitRegistry;
  population: { reader: PopulationReader };
  land: { reader: LandReader };
  business: { reader: BusinessReader };
  gateway: { procedures: ProcedureCatalogue; dossiers: DossierStore; cursors: CursorCodec };
}

export function readersOf(ctx: ProceduresContext): DossierReaders {
  return { population: ctx.population.reader, land: ctx.land.reader, business: ctx.business.reader, adminUnits: ctx.adminUnits };
}
