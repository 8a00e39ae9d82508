/**
 * One transaction on one dedicated connection of a source, for bulk loading. `Source` does not expose one;
 * drizzle's public `$client` (the postgres.js pool or the PGlite instance) provides it. Without it, statements
 * go through `source.raw` / `source.copyCsv` outside any transaction (`transactional` is then false).
 */
import type { Source } from "../platform/db/source.js";

export interface Session {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: readonly string[], csv: Uint8Array, freeze: boolean): Promise<void>;
}

type PostgresClient = {
  begin<T>(fn: (tx: PostgresClient) => Promise<T>): Promise<T>;
  unsafe(text: string, params?: unknown[]): Promise<unknown[]> & { writable(): Promise<NodeJS.WritableStream> };
};
type PgliteClient = {
  transaction<T>(fn: (tx: PgliteTx) => Promise<T>): Promise<T>;
};
type PgliteTx = {
  query<T>(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
};

function copySql(table: string, columns: readonly string[], source: "STDIN" | "'/dev/blob'", freeze: boolean): string {
  return `COPY ${table} (${columns.join(", ")}) FROM ${source} WITH (FORMAT csv${freeze ? ", FREEZE true" : ""})`;
}

/** Runs `work` in one transaction on one connection of the source, or unwrapped when that is not available. */
export async function inTransaction<T>(source: Source, work: (session: Session, transactional: boolean) => Promise<T>): Promise<T> {
  const client = (source.db as unknown as { $client?: unknown }).$client;
  if (source.driver === "postgres" && client && typeof (client as PostgresClient).begin === "function") {
    return (client as PostgresClient).begin((tx) =>
      work(
        {
          query: async <R>(text: string, params: unknown[] = []) => (await tx.unsafe(text, params)) as R[],
          copy: async (table, columns, csv, freeze) => {
            const stream = await tx.unsafe(copySql(table, columns, "STDIN", freeze)).writable();
            await new Promise<void>((resolve, reject) => {
              stream.on("error", reject);
              stream.on("finish", () => resolve());
              stream.end(csv);
            });
          },
        },
        true,
      ),
    );
  }
  if (source.driver === "pglite" && client && typeof (client as PgliteClient).transaction === "function") {
    return (client as PgliteClient).transaction((tx) =>
      work(
        {
          query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
          copy: async (table, columns, csv, freeze) => {
            await tx.query(copySql(table, columns, "'/dev/blob'", freeze), [], { blob: new Blob([csv as Uint8Array<ArrayBuffer>]) });
          },
        },
        true,
      ),
    );
  }
  return work(
    {
      query: (text, params) => source.raw(text, params),
      copy: (table, columns, csv) =>
        source.copyCsv(table, columns, Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength).toString("utf8")),
    },
    false,
  );
}

/** Progress lines on stderr when SEED_TRACE is set (timings of each COPY lane and index build). */
export function trace(message: string): void {
  if (process.env.SEED_TRACE) console.error(`[seed ${(performance.now() / 1000).toFixed(1)}] ${message}`);
}
