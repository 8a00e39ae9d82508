/**
 * How much of the query cost (src/modules/access/limits.ts) a field declares. A field costs 1 plus what it selects; a list
 * costs that once per item it can hold, so every list-returning field declares its size where it is defined:
 * `listOf(n)` with n an upper bound taken from the data (the comment beside it says where from), or, for a
 * connection, its page size (`pagedConnection` and `connectionPage` in shared/pagination.ts).
 * test/access/list-cost.test.ts fails on a list field that declares neither.
 */
import "reflect-metadata"; // declared in type-graphql decorators, whatever imports the types first
import type { ComplexityEstimator } from "graphql-query-complexity";

/** What a list field declared: a number of items, the `first` of a connection, or one page of its connection. */
export type ListSize = number | "first" | "page";

/** A cost estimator (type-graphql's `complexity` option) that says which list size it charges for. */
export type ListCost = ComplexityEstimator & { readonly listSize: ListSize };

export function listCost(listSize: ListSize, estimator: ComplexityEstimator): ListCost {
  return Object.assign(estimator, { listSize });
}

/** A list of at most `size` items: each item costs what the field would cost if it held one. */
export function listOf(size: number): ListCost {
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`A list size is a positive integer, got ${size}`);
  return listCost(size, ({ childComplexity }) => size * (1 + childComplexity));
}

/** The list size a field declared through its `complexity` extension, if it declared one. */
export function declaredListSize(extensions: { readonly complexity?: unknown } | null | undefined): ListSize | undefined {
  const complexity = extensions?.complexity;
  return typeof complexity === "function" ? (complexity as Partial<ListCost>).listSize : undefined;
}
