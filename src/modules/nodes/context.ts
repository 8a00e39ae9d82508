/**
 * What `node(id:)` reads of the request: every module whose types implement `Node` (it loads any of them by key,
 * through their readers) and the codec of global ids.
 */
import type { RequestAccess } from "../access/index.js";
import type { AdminUnitsContext } from "../admin-units/index.js";
import type { BusinessContext } from "../business/index.js";
import type { LandContext } from "../land/index.js";
import type { PopulationContext } from "../population/index.js";
import type { ProceduresContext } from "../procedures/index.js";
import type { NodeIdCodec } from "../../shared/node-id.js";

export type NodesContext = PopulationContext &
  BusinessContext &
  LandContext &
  ProceduresContext &
  AdminUnitsContext & { access: RequestAccess; gateway: { nodeIds: NodeIdCodec } };
