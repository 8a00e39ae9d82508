/**
 * The per-request context: the one place where everything request-scoped is built — request id, fresh
 * DataLoaders for every source (never shared between requests), and (from the access issue on) the client,
 * its grants, the declared purpose and the audit recorder.
 */
import { randomUUID } from "node:crypto";
import { RequestAccess } from "./modules/access/index.js";
import type { SourceName } from "./platform/config.js";
import type { Source } from "./platform/db/source.js";
import type { NodeIdCodec } from "./shared/node-id.js";
import type { CursorCodec } from "./shared/pagination.js";
import type { AdminUnitRegistry } from "./modules/admin-units/index.js";
import type { ConformancePool } from "./modules/conformance/index.js";
import type { ProcedureCatalogue } from "./modules/procedures/index.js";
import { type BusinessLoaders, createBusinessLoaders } from "./modules/business/index.js";
import { createLandLoaders, type LandLoaders } from "./modules/land/index.js";
import { createPopulationLoaders, type PopulationLoaders } from "./modules/population/index.js";

export type Sources = Record<SourceName, Source>;

export interface GatewayContext {
  requestId: string;
  /** What the request log says of the request (a shared object: Apollo hands plugins a shallow copy of the context). */
  log: { operation?: string };
  /** Who asks and why, and what this request has read about whom (written to the audit trail). */
  access: RequestAccess;
  sources: Sources;
  adminUnits: AdminUnitRegistry;
  procedures: ProcedureCatalogue;
  /** Seals and opens pagination cursors (the gateway's key, shared by every replica). */
  cursors: CursorCodec;
  /** Seals and opens global object ids (`Node.id`), with a key derived from the same secret. */
  nodeIds: NodeIdCodec;
  /** Runs conformance checks off the request thread (shared: its threads are the gateway's, not the request's). */
  conformance: ConformancePool;
  population: PopulationLoaders;
  land: LandLoaders;
  business: BusinessLoaders;
}

export function createContext(
  shared: { sources: Sources; adminUnits: AdminUnitRegistry; procedures: ProcedureCatalogue; cursors: CursorCodec; nodeIds: NodeIdCodec; conformance: ConformancePool },
  requestId: string = randomUUID(),
  access: RequestAccess = new RequestAccess(null, null),
): GatewayContext {
  return {
    requestId,
    log: {},
    access,
    sources: shared.sources,
    adminUnits: shared.adminUnits,
    procedures: shared.procedures,
    cursors: shared.cursors,
    nodeIds: shared.nodeIds,
    conformance: shared.conformance,
    population: createPopulationLoaders(shared.sources.population.db),
    land: createLandLoaders(shared.sources.land.db),
    business: createBusinessLoaders(shared.sources.business.db),
  };
}
