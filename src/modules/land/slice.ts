/**
 * The land source's per-request slice: fresh DataLoaders over its own database, its list, and the reader other
 * modules use. Nothing outside this module sees its database.
 */
import type { SourceDatabases } from "../../platform/db/source.js";
import type { CursorCodec, PageArgs } from "../../shared/pagination.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import type { LandParcelFilter } from "./inputs.js";
import { createLandLoaders } from "./loaders.js";
import { listParcels } from "./service.js";
import type { BusinessContext } from "../business/index.js";
import type { PopulationContext } from "../population/index.js";

export function createLandSlice({ db, lookups }: SourceDatabases, adminUnits: AdminUnitRegistry, cursors: CursorCodec) {
  const loaders = createLandLoaders(lookups);
  /** What other modules read of the land source: records by key, batched per request. */
  const reader = {
    parcel: (id: string) => loaders.parcel.load(id),
    holdersOfParcel: (id: string) => loaders.holdersOfParcel.load(id),
    encumbrancesOfParcel: (id: string) => loaders.encumbrancesOfParcel.load(id),
    certificate: (serial: string) => loaders.certificate.load(serial),
    holdersOfCertificate: (serial: string) => loaders.holdersOfCertificate.load(serial),
  };
  return {
    loaders,
    reader,
    parcels: (page: PageArgs<LandParcelFilter>) => listParcels(db, adminUnits, { cursors, ...page }),
  };
}

export type LandSlice = ReturnType<typeof createLandSlice>;
export type LandReader = LandSlice["reader"];

/** What this module's resolvers read of the request (a land holder names a citizen or an enterprise). */
export interface LandContext extends PopulationContext, BusinessContext {
  land: LandSlice;
}
