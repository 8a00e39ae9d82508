/** What the access module reads of the request: the request itself, who asks and why, and the access log's store. */
import type { CursorCodec } from "../../shared/pagination.js";
import type { RequestSlice } from "../../platform/request.js";
import type { ConsentStore } from "./consent.js";
import type { AccessLogStore } from "./log.js";
import type { RequestAccess } from "./request.js";

export interface AccessContext {
  request: RequestSlice;
  access: RequestAccess;
  gateway: { accessLog: AccessLogStore; consents: ConsentStore; cursors: CursorCodec };
}
