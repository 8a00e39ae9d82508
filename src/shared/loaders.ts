/**
 * DataLoader factories. Every cross-row or cross-source hop batches its keys into one statement of the form
 * `column = ANY($keys)`, with the array bound as a single parameter cast to the column's own type (so the index on
 * the column is used), prepared once per database; results come back in key order.
 */
import DataLoader from "dataloader";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { preparedStatement, type Statement } from "./prepared.js";

/** The batch's keys, bound at execution: `anyKey(column)` in a statement built once by `batchQuery`. */
const KEYS = sql.placeholder("keys");

/** `column = ANY($keys::<column type>[])`, the keys bound when the prepared statement runs. */
export function anyKey(column: PgColumn): SQL {
  return sql`${column} = any(${KEYS}::${sql.raw(column.getSQLType())}[])`;
}

/**
 * `column = ANY($1::<column type>[])` with these values: one statement text whatever their number (an IN list is
 * a new prepared statement on every connection for every length it is given).
 */
export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::${sql.raw(column.getSQLType())}[])`;
}

/**
 * A batch statement built and prepared once per database, then run with each batch's keys: building drizzle's SQL
 * for every batch cost more CPU than anything else the gateway did per request (bench --profile).
 */
export function batchQuery<R>(
  db: object,
  name: string,
  build: () => { prepare(name: string): Statement<R> },
): (keys: readonly unknown[]) => Promise<R[]> {
  return (keys) => preparedStatement(db, name, build).execute({ keys: [...keys] });
}

/** One row (or null) per key. */
export function rowLoader<K extends string | number, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, R>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows per key (possibly none). */
export function groupLoader<K extends string | number, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, R[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
