/** The request's own slice of the context: its id (in every log line and audit row) and what the request log says of it. */
export interface RequestSlice {
  id: string;
  /** A shared object: Apollo hands plugins a shallow copy of the context, so the log is written through it. */
  log: {
    operation?: string;
    /** The operation's own name, once resolved (null: unnamed), for the operational records. */
    operationName?: string | null;
    /** The answer's first error's `extensions.code`, once the answer is known. */
    errorCode?: unknown;
  };
}
