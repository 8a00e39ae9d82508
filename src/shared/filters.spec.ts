/** Name search in list filters: folded, escaped for LIKE, and refused when too short to narrow anything. */
import { describe, expect, it } from "vitest";
import { GatewayError } from "../platform/errors.js";
import { foldName } from "./codes.js";
import { searchPattern } from "./filters.js";

describe("searchPattern", () => {
  it("is no filter when no text is given", () => {
    expect(searchPattern(undefined, foldName)).toBeUndefined();
    expect(searchPattern(null, foldName)).toBeUndefined();
  });

  it("matches the folded text anywhere in the name", () => {
    expect(searchPattern("Nguyễn Văn", foldName)).toBe("%nguyen van%");
  });

  it("escapes LIKE's wildcards and its escape character, so they match themselves", () => {
    expect(searchPattern("50%_off\\x", (s) => s)).toBe("%50\\%\\_off\\\\x%");
  });

  it("refuses fewer than 2 characters after folding, as INVALID_ARGUMENT", () => {
    for (const text of ["", "a", "  a  ", "Đ"]) {
      let error: unknown;
      try {
        searchPattern(text, foldName);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).code).toBe("INVALID_ARGUMENT");
    }
    expect(searchPattern("ab", foldName)).toBe("%ab%");
  });
});
