/** "Did you mean …?" for misspelt names. */
import { describe, expect, it } from "vitest";
import { didYouMean, suggestionList } from "./suggest.js";

const FIELDS = ["fullName", "dateOfBirth", "dateOfDeath", "personalId", "permanentResidence", "religion"];

describe("suggestionList", () => {
  it("offers the nearest names, nearest first", () => {
    expect(suggestionList("fulName", FIELDS)).toEqual(["fullName"]);
    expect(suggestionList("dateOfBirt", FIELDS)).toEqual(["dateOfBirth", "dateOfDeath"]);
  });

  it("counts a difference of case alone as one edit, closer than any other", () => {
    expect(suggestionList("FullName", ["fullName", "fullNames"])).toEqual(["fullName", "fullNames"]);
    expect(suggestionList("Religion", FIELDS)).toEqual(["religion"]);
  });

  it("offers nothing further than 40% of the name away, and at least one edit", () => {
    expect(suggestionList("zzzzzz", FIELDS)).toEqual([]);
    expect(suggestionList("ab", ["ac", "xy"])).toEqual(["ac"]);
  });

  it("breaks ties alphabetically", () => {
    expect(suggestionList("cat", ["cut", "bat", "cot"])).toEqual(["bat", "cot", "cut"]);
  });
});

describe("didYouMean", () => {
  it("names up to three suggestions, or says nothing", () => {
    expect(didYouMean([])).toBe("");
    expect(didYouMean(["a"])).toBe(" Did you mean a?");
    expect(didYouMean(["a", "b", "c", "d"])).toBe(" Did you mean a, or b, or c?");
  });
});
