/** The request's own slice of the context: its id (in every log line and audit row) and what the request log says of it. */
export interface RequestSlice {
  id: string;
  /** A shared object: Apollo hands plugins a shallow copy of the context, so the log is written through it. */
  log: { operation?: string };
}
