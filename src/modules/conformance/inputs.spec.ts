/** Input files by kind, and JSON read with positions so a finding can say file, line and column. */
import { describe, expect, it } from "vitest";
import {
  ConformanceInputError,
  JsonDocument,
  LineIndex,
  documentBase,
  formatJsonPath,
  isCodeFile,
  isOperationsFile,
  isVariablesFile,
} from "./inputs.js";

function inputError(run: () => unknown): ConformanceInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConformanceInputError);
    return error as ConformanceInputError;
  }
  throw new Error("expected an input error");
}

describe("file kinds", () => {
  it("tells documents, code and sample variables apart", () => {
    expect(["a.graphql", "b.GQL"].every(isOperationsFile)).toBe(true);
    expect(["a.ts", "a.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs"].every(isCodeFile)).toBe(true);
    expect(isVariablesFile("ops/a.variables.json")).toBe(true);
    expect([isOperationsFile("a.json"), isCodeFile("a.d.json"), isVariablesFile("a.json"), isCodeFile("a.graphql")]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("keys sample variables by the document's name without its extension", () => {
    expect(documentBase("ops/applicant.graphql")).toBe("ops/applicant");
    expect(documentBase("src/applicant.tsx")).toBe("src/applicant");
    expect(documentBase("src/applicant.gql")).toBe("src/applicant");
  });
});

describe("LineIndex", () => {
  it("turns an offset into a 1-based line and column", () => {
    const index = new LineIndex("ab\ncde\n\nf");
    expect([0, 1, 3, 5, 7, 8].map((o) => index.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});

describe("formatJsonPath", () => {
  it("writes identifiers with dots and anything else quoted in brackets", () => {
    expect(formatJsonPath([])).toBe("$");
    expect(formatJsonPath(["citizens", 2, "personalId"])).toBe("$.citizens[2].personalId");
    expect(formatJsonPath(["a b", "ngàySinh", "$x"])).toBe('$["a b"]["ngàySinh"].$x');
  });
});

describe("JsonDocument", () => {
  it("locates a value by its path, or the nearest enclosing value that exists", () => {
    const doc = JsonDocument.parse({
      name: "c.json",
      content: '{\n  "citizens": [\n    { "personalId": "1" },\n    { "personalId": "2" }\n  ]\n}',
    });
    expect(doc.value).toEqual({ citizens: [{ personalId: "1" }, { personalId: "2" }] });
    expect(doc.at(["citizens", 1, "personalId"])).toEqual({ file: "c.json", line: 4, column: 21, path: "$.citizens[1].personalId" });
    expect(doc.locate(["citizens", 1, "missing"])).toEqual({ line: 4, column: 5 });
    expect(doc.locate(["nothing", "at", "all"])).toEqual({ line: 1, column: 1 });
  });

  it("reads past a byte-order mark", () => {
    expect(JsonDocument.parse({ name: "b.json", content: "\uFEFF[1]" }).value).toEqual([1]);
  });

  it("refuses malformed JSON, naming file, line and column in words", () => {
    const error = inputError(() => JsonDocument.parse({ name: "bad.json", content: '{\n  "a": 1,\n  "b" 2\n}' }));
    expect(error.code).toBe("INVALID_CONFORMANCE_INPUT");
    expect(error.extensions).toMatchObject({ file: "bad.json", line: 3, column: 7 });
    expect(error.message).toMatch(/^bad\.json:3:7: invalid JSON: a colon was expected\.$/);
  });

  it("is strict: no comments, no trailing commas, no empty file", () => {
    expect(inputError(() => JsonDocument.parse({ name: "c.json", content: '{ "a": 1 // no\n}' })).message).toMatch(
      /comments are not allowed/,
    );
    expect(inputError(() => JsonDocument.parse({ name: "t.json", content: "[1, 2,]" })).extensions).toMatchObject({ line: 1 });
    expect(inputError(() => JsonDocument.parse({ name: "e.json", content: "  \n" })).message).toMatch(/the file is empty/);
  });
});
