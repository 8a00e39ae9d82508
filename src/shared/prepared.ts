/**
 * Statements built by drizzle once per database and shape, then run with each request's values: drizzle builds a
 * query's SQL from its tree of columns and conditions every time it runs one, which was a twentieth of a filtered
 * list's CPU (bench --profile). A batch loader's statement has one shape; a filtered page has one per set of
 * filters given, a few dozen at most.
 */
import { and, asc, gt, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export interface Statement<R> {
  execute(values: Record<string, unknown>): Promise<R[]>;
}

const prepared = new WeakMap<object, Map<string, Statement<unknown>>>();

/** The statement `name` of this database, built the first time it is asked for. */
export function preparedStatement<R>(db: object, name: string, build: () => { prepare(name: string): Statement<R> }): Statement<R> {
  let byName = prepared.get(db);
  if (!byName) {
    byName = new Map();
    prepared.set(db, byName);
  }
  let statement = byName.get(name) as Statement<R> | undefined;
  if (!statement) {
    statement = build().prepare(name.replace(/\W/g, "_"));
    byName.set(name, statement as Statement<unknown>);
  }
  return statement;
}

/**
 * One condition of a filter. `shape` names the SQL it makes (the same shape, the same text); `value`, when the
 * condition has one, is bound to the placeholder `where` is given: never part of the text.
 */
export interface FilterTerm {
  shape: string;
  where: (value: Placeholder | SQL) => SQL;
  value?: unknown;
}

/** A term comparing against the filter's value: `column = $value`, `column like $pattern`, … */
export function term(shape: string, value: unknown, where: (value: Placeholder | SQL) => SQL): FilterTerm {
  return { shape, value, where };
}

/** A term with no value (`date_of_death is null`): its shape says which. */
export function fixedTerm(shape: string, condition: SQL): FilterTerm {
  return { shape, where: () => condition };
}

/** The terms' conditions with their values bound in place (a statement run once, such as a count). */
export function boundConditions(terms: readonly FilterTerm[]): SQL[] {
  return terms.map((t) => t.where(sql`${t.value}`));
}

/**
 * `fetch(afterKey, limit)` for `paginate`: the rows after a key, ordered by it, matching every term, in one
 * statement prepared once per database and shape (which terms, and whether a page follows a key). `select` is the
 * query without its where, order and limit: `db.select().from(table)`.
 */
export function keysetFetch<R>(
  db: object,
  name: string,
  key: PgColumn,
  terms: readonly FilterTerm[],
  select: () => {
    where(where: SQL | undefined): { orderBy(order: SQL): { limit(limit: Placeholder): { prepare(name: string): Statement<R> } } };
  },
): (afterKey: string | null, limit: number) => Promise<R[]> {
  return (afterKey, limit) => {
    const shape = `${name}(${terms.map((t) => t.shape).join(",")}${afterKey === null ? "" : ",after"})`;
    const values: Record<string, unknown> = { limit };
    terms.forEach((t, i) => {
      if (t.value !== undefined) values[`v${i}`] = t.value;
    });
    if (afterKey !== null) values.after = afterKey;
    const statement = preparedStatement(db, shape, () =>
      select()
        .where(
          and(...terms.map((t, i) => t.where(sql.placeholder(`v${i}`))), afterKey === null ? undefined : gt(key, sql.placeholder("after"))),
        )
        .orderBy(asc(key))
        .limit(sql.placeholder("limit")),
    );
    return statement.execute(values);
  };
}
