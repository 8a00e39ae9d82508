/**
 * DataLoader factories. Every cross-row or cross-source hop batches its keys into one statement of the form
 * `column = ANY($keys)`, with the array bound as a single parameter cast to the column's own type (so the index on
 * the column is used), prepared once per database; results come back in key order.
 */
import DataLoader from "dataloader";
import { getTableColumns, getTableName, type InferSelectModel, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../platform/db/source.js";
import { preparedStatement, type Statement } from "./prepared.js";

/**
 * `column = ANY($keys::<column type>[])`, the keys bound when the prepared statement runs (`batchQuery` binds
 * `keys`; a statement with two key lists names its second).
 */
export function anyKey(column: PgColumn, placeholder = "keys"): SQL {
  return sql`${column} = any(${sql.placeholder(placeholder)}::${sql.raw(column.getSQLType())}[])`;
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

/** The rows by key, each key's in the order they came. */
function groupRows<K, R>(rows: readonly R[], keyOf: (row: R) => K): Map<K, R[]> {
  const byKey = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return byKey;
}

/** All rows per key (possibly none). */
export function groupLoader<K extends string | number, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const byKey = groupRows(await fetch(keys), keyOf);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** One side of `pairedGroupLoaders`: a table's rows grouped by `key`, newest `newestFirst` first. */
export interface GroupSide<T extends PgTable> {
  table: T;
  key: PgColumn;
  newestFirst: PgColumn;
}

/** What a group loader offers its resolvers: the rows of a key. */
export interface GroupReader<R> {
  load(key: string): Promise<R[]>;
}

/**
 * Two group loaders over two tables of one source keyed by the same value (a parcel's certificates and its
 * encumbrances, which a parcel's fields ask together): the loads of both made in one tick are one statement, the two
 * tables' rows in a UNION ALL with each row tagged by its table; the loads of one alone run that table's own statement.
 * Each side's rows come in its own order (`newestFirst` descending), as its own statement gives them.
 */
export function pairedGroupLoaders<A extends PgTable, B extends PgTable>(
  db: Database,
  name: string,
  a: GroupSide<A>,
  b: GroupSide<B>,
): [GroupReader<InferSelectModel<A>>, GroupReader<InferSelectModel<B>>] {
  type Row = Record<string, unknown>;
  type Prepared = { prepare(name: string): Statement<Row> };
  const alone = [a, b].map((side) =>
    batchQuery<Row>(
      db,
      `${name}.${getTableName(side.table)}`,
      () =>
        db
          .select()
          .from(side.table as PgTable)
          .where(anyKey(side.key))
          .orderBy(sql`${side.newestFirst} desc`) as unknown as Prepared,
    ),
  );
  // Each side's columns, and the other side's as typeless nulls, which the union gives the real side's type.
  const columns = [getTableColumns(a.table), getTableColumns(b.table)] as Record<string, PgColumn>[];
  const nulls = (of: Record<string, PgColumn>) =>
    Object.fromEntries(Object.entries(of).map(([field, column]) => [field, sql`null`.mapWith(column)]));
  // The union ordered by position: the tag, then each side's order column (null on the other side's rows).
  const position = (side: 0 | 1, column: PgColumn) => {
    const index = Object.values(columns[side]).indexOf(column);
    if (index < 0) throw new Error(`${name}: newestFirst must be a column of its own table`);
    return 2 + (side === 1 ? Object.keys(columns[0]).length : 0) + index;
  };
  const order = sql.raw(`1, ${position(0, a.newestFirst)} desc, ${position(1, b.newestFirst)} desc`);
  const together = (values: { a: string[]; b: string[] }) =>
    preparedStatement<Row>(db, name, () => {
      const left = db
        .select({ side: sql`0`.mapWith(Number), a: columns[0], b: nulls(columns[1]) })
        .from(a.table as PgTable)
        .where(anyKey(a.key, "a"));
      const right = db
        .select({ side: sql`1`.mapWith(Number), a: nulls(columns[0]), b: columns[1] })
        .from(b.table as PgTable)
        .where(anyKey(b.key, "b"));
      return (left as unknown as { unionAll(other: unknown): { orderBy(order: SQL): Prepared } }).unionAll(right).orderBy(order);
    }).execute(values) as Promise<{ side: number; a: Row; b: Row }[]>;

  const keyField = [a.key, b.key].map((key, side) => Object.entries(columns[side]).find(([, c]) => c === key)![0]);
  const loader = new DataLoader<readonly [0 | 1, string], Row[], string>(
    async (keys) => {
      const wanted: [string[], string[]] = [[], []];
      for (const [side, key] of keys) wanted[side].push(key);
      let rows: [Row[], Row[]];
      if (wanted[0].length > 0 && wanted[1].length > 0) {
        rows = [[], []];
        for (const row of await together({ a: wanted[0], b: wanted[1] })) {
          if (row.side === 0) rows[0].push(row.a);
          else rows[1].push(row.b);
        }
      } else if (wanted[0].length > 0) {
        rows = [await alone[0](wanted[0]), []];
      } else {
        rows = [[], await alone[1](wanted[1])];
      }
      const grouped = rows.map((list, side) => groupRows(list, (row) => row[keyField[side]] as string));
      return keys.map(([side, key]) => grouped[side].get(key) ?? []);
    },
    { cacheKeyFn: ([side, key]) => `${side}:${key}` },
  );
  return [
    { load: (key) => loader.load([0, key]) as Promise<InferSelectModel<A>[]> },
    { load: (key) => loader.load([1, key]) as Promise<InferSelectModel<B>[]> },
  ];
}
