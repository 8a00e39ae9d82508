/** The list sizes fields declare for the query cost, and how the cost reads them back. */
import { describe, expect, it } from "vitest";
import { declaredListSize, listCost, listOf } from "./cost.js";
import { connectionPage, pagedConnection } from "./pagination.js";

/** The estimator's arguments for a field whose selection costs `childComplexity`. */
const args = (childComplexity: number, fieldArgs: Record<string, unknown> = {}) =>
  ({ childComplexity, args: fieldArgs }) as Parameters<ReturnType<typeof listOf>>[0];

describe("listOf", () => {
  it("charges each item the field's 1 plus what it selects", () => {
    expect(listOf(34)(args(0))).toBe(34);
    expect(listOf(34)(args(2))).toBe(34 * 3);
  });

  it("takes only a positive whole size", () => {
    for (const size of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => listOf(size)).toThrow(/positive integer/);
  });
});

describe("connections", () => {
  it("charge what a page selects once per item of its `first`", () => {
    expect(pagedConnection(args(3, { first: 10 }))).toBe(10 * 4);
    expect(pagedConnection(args(3, {}))).toBe(20 * 4);
  });

  it("charge a page's edges once, the connection having multiplied them already", () => {
    expect(connectionPage(args(5))).toBe(6);
  });
});

describe("declaredListSize", () => {
  it("reads back what a field declared", () => {
    expect(declaredListSize({ complexity: listOf(168) })).toBe(168);
    expect(declaredListSize({ complexity: pagedConnection })).toBe("first");
    expect(declaredListSize({ complexity: connectionPage })).toBe("page");
    expect(declaredListSize({ complexity: listCost(7, () => 1) })).toBe(7);
  });

  it("finds nothing where nothing was declared", () => {
    expect(declaredListSize(undefined)).toBeUndefined();
    expect(declaredListSize({})).toBeUndefined();
    expect(declaredListSize({ complexity: 5 })).toBeUndefined();
    expect(declaredListSize({ complexity: () => 5 })).toBeUndefined();
  });
});
