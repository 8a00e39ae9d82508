/**
 * The per-request context: a composition of slices, one per concern — the request, who asks and why (access), each
 * national source's loaders and reader over its own database, the administrative map, and the gateway's own
 * services. No raw database handle is in it: a module reaches a database only through its own slice.
 */
import { randomUUID } from "node:crypto";
import { type AccessContext, type AccessLogStore, type ConsentStore, RequestAccess } from "./modules/access/index.js";
import type { AdminUnitRegistry, AdminUnitsContext } from "./modules/admin-units/index.js";
import { type BusinessContext, createBusinessSlice } from "./modules/business/index.js";
import type { ConformanceContext, ConformancePool } from "./modules/conformance/index.js";
import { createLandSlice, type LandContext } from "./modules/land/index.js";
import { createMonitoringSlice, type MonitoringContext } from "./modules/monitoring/index.js";
import type { NodesContext } from "./modules/nodes/index.js";
import { createPopulationSlice, type PopulationContext } from "./modules/population/index.js";
import type { DossierStore, ProcedureCatalogue, ProceduresContext } from "./modules/procedures/index.js";
import type { Sources } from "./platform/db/source.js";
import type { NodeIdCodec } from "./shared/node-id.js";
import type { CursorCodec } from "./shared/pagination.js";

/** Every module's view of the request, at once: each module's resolvers see only the slices their own type names. */
export type GatewayContext = AccessContext &
  AdminUnitsContext &
  PopulationContext &
  LandContext &
  BusinessContext &
  ProceduresContext &
  NodesContext &
  ConformanceContext &
  MonitoringContext;

/** What every request shares, built once per process (app.ts). */
export interface ContextServices {
  /** Only to build each source's slice over its own database; never put on the context itself. */
  sources: Sources;
  adminUnits: AdminUnitRegistry;
  procedures: ProcedureCatalogue;
  /** Seals and opens pagination cursors (the gateway's key, shared by every replica). */
  cursors: CursorCodec;
  /** Seals and opens global object ids (`Node.id`), with a key derived from the same secret. */
  nodeIds: NodeIdCodec;
  /** Runs conformance checks off the request thread (shared: its threads are the gateway's, not the request's). */
  conformance: ConformancePool;
  /** The gateway database's stores: stateless, so one per process. */
  dossiers: DossierStore;
  accessLog: AccessLogStore;
  consents: ConsentStore;
}

/**
 * The lazy slices live on this prototype, not on the context: Apollo Server copies the context's own properties
 * into a new object for every operation (`Object.assign(Object.create(prototype), context)`), which would run an own
 * getter — every source's DataLoaders made on every request — and keep the values. A getter on the prototype is
 * kept by that copy and runs only when a resolver reaches its source; what it makes is memoised on the copy itself.
 */
class RequestContext {
  declare private populationSlice?: PopulationContext["population"];
  declare private landSlice?: LandContext["land"];
  declare private businessSlice?: BusinessContext["business"];
  declare private monitoringSlice?: MonitoringContext["monitoring"];
  readonly gateway: GatewayContext["gateway"];
  readonly adminUnits: AdminUnitRegistry;

  constructor(
    /** Own, so Apollo's copy has it: the getters below build each source's slice from it. */
    private readonly services: ContextServices,
    readonly request: AccessContext["request"],
    readonly access: RequestAccess,
  ) {
    this.adminUnits = services.adminUnits;
    this.gateway = {
      procedures: services.procedures,
      dossiers: services.dossiers,
      accessLog: services.accessLog,
      consents: services.consents,
      cursors: services.cursors,
      nodeIds: services.nodeIds,
      conformance: services.conformance,
    };
  }

  // Each source's slice (its DataLoaders, its reader) is made the first time the request reaches it, once: most
  // questions touch one or two sources, and a slice made for nothing is work and garbage on every request.
  get population(): PopulationContext["population"] {
    return (this.populationSlice ??= createPopulationSlice(this.services.sources.population, this.adminUnits, this.services.cursors));
  }

  get land(): LandContext["land"] {
    return (this.landSlice ??= createLandSlice(this.services.sources.land, this.adminUnits, this.services.cursors));
  }

  get business(): BusinessContext["business"] {
    return (this.businessSlice ??= createBusinessSlice(this.services.sources.business, this.adminUnits, this.services.cursors));
  }

  get monitoring(): MonitoringContext["monitoring"] {
    return (this.monitoringSlice ??= createMonitoringSlice(this.services.sources.gateway.db));
  }
}

export function createContext(
  services: ContextServices,
  requestId: string = randomUUID(),
  access: RequestAccess = new RequestAccess(null, null),
): GatewayContext {
  return new RequestContext(services, { id: requestId, log: {} }, access);
}
