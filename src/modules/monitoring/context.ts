/** What the monitoring module reads of the request: who asks, the cursor key, and the records' store. */
import type { RequestAccess } from "../access/index.js";
import type { Database } from "../../platform/db/source.js";
import type { CursorCodec } from "../../shared/pagination.js";
import { OperationalRecordStore } from "./store.js";

export interface MonitoringContext {
  access: RequestAccess;
  gateway: { cursors: CursorCodec };
  monitoring: { records: OperationalRecordStore };
}

/** The per-request slice; the store is stateless, so building it is a field assignment. */
export function createMonitoringSlice(gatewayDb: Database): MonitoringContext["monitoring"] {
  return { records: new OperationalRecordStore(gatewayDb) };
}
