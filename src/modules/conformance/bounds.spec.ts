/** The bounds of one `checkConformance` call, on small limits so each is reached with a few lines of input. */
import { type DocumentNode, type FragmentDefinitionNode, Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { GatewayError } from "../../platform/errors.js";
import {
  API_LIMITS,
  ConformanceLimitError,
  type ConformanceLimits,
  assertDocumentBounds,
  assertInputSizes,
  tokenLimitError,
} from "./bounds.js";
import type { ConformanceInputs } from "./inputs.js";

const LIMITS: ConformanceLimits = {
  maxInputBytes: 1_000,
  maxOperationFiles: 2,
  maxOperations: 3,
  maxDocumentTokens: 50,
  maxFragmentSpreads: 4,
  maxExpandedFields: 20,
  maxSampleFiles: 2,
  maxSampleBytes: 100,
  maxSchemaBytes: 200,
  maxTypeMapEntries: 2,
  maxSubgraphBytes: 200,
};

function exceeded(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConformanceLimitError);
    expect((error as GatewayError).code).toBe("INVALID_CONFORMANCE_INPUT");
    return (error as GatewayError).extensions;
  }
  return {};
}

const inputs = (fields: Partial<ConformanceInputs>): ConformanceInputs => ({ operations: [], samples: [], schema: null, ...fields });

describe("assertInputSizes", () => {
  it("takes input at every bound", () => {
    expect(() =>
      assertInputSizes(
        inputs({
          operations: [
            { name: "a.graphql", content: "{ x }" },
            { name: "b.ts", content: "gql`{ x }`" },
            { name: "a.variables.json", content: "{}" },
          ],
          samples: [
            { name: "s1.json", content: " ".repeat(100) },
            { name: "s2.json", content: "{}" },
          ],
          schema: { name: "schema.graphql", content: " ".repeat(200) },
          schemaTypeMap: { A: "Citizen", B: "Address" },
        }),
        LIMITS,
      ),
    ).not.toThrow();
  });

  it("counts documents and code files, not their variables files", () => {
    const files = ["a.graphql", "b.gql", "c.tsx"].map((name) => ({ name, content: "" }));
    expect(exceeded(() => assertInputSizes(inputs({ operations: files }), LIMITS))).toMatchObject({
      limit: "maxOperationFiles",
      maximum: 2,
      actual: 3,
    });
    expect(() =>
      assertInputSizes(inputs({ operations: [...files.slice(0, 2), { name: "a.variables.json", content: "" }] }), LIMITS),
    ).not.toThrow();
  });

  it("measures sizes in UTF-8 bytes, the names too", () => {
    // 60 × "đ" is 60 characters and 120 bytes.
    expect(exceeded(() => assertInputSizes(inputs({ samples: [{ name: "s.json", content: "đ".repeat(60) }] }), LIMITS))).toMatchObject({
      limit: "maxSampleBytes",
      actual: 120,
      file: "s.json",
    });
    const total = exceeded(() =>
      assertInputSizes(
        inputs({
          operations: [
            { name: "x".repeat(995), content: "{ a }" },
            { name: "b.graphql", content: "" },
          ],
        }),
        LIMITS,
      ),
    );
    expect(total).toMatchObject({ limit: "maxInputBytes", actual: 995 + 5 + 9 });
  });

  it("refuses one over each other bound, naming it", () => {
    expect(
      exceeded(() => assertInputSizes(inputs({ samples: [1, 2, 3].map((i) => ({ name: `${i}.json`, content: "" })) }), LIMITS)),
    ).toMatchObject({ limit: "maxSampleFiles" });
    expect(exceeded(() => assertInputSizes(inputs({ schema: { name: "s.graphql", content: " ".repeat(201) } }), LIMITS))).toMatchObject({
      limit: "maxSchemaBytes",
      file: "s.graphql",
    });
    expect(exceeded(() => assertInputSizes(inputs({ schemaTypeMap: { A: "a", B: "b", C: "c" } }), LIMITS))).toMatchObject({
      limit: "maxTypeMapEntries",
      actual: 3,
    });
    expect(
      exceeded(() => assertInputSizes(inputs({ subgraph: { name: "their.graphql", content: " ".repeat(201) } }), LIMITS)),
    ).toMatchObject({
      limit: "maxSubgraphBytes",
      file: "their.graphql",
    });
  });

  it("says in the message what was given, the bound and the way around it", () => {
    const error = new ConformanceLimitError("maxOperations", 200, 1234, "ops.graphql");
    expect(error.message).toContain("ops.graphql: 1,234 operations");
    expect(error.message).toContain("maxOperations: 200");
    expect(error.message).toContain("npx ndaf-gateway conformance");
  });
});

/** The documents and the fragments they define, as the check hands them over. */
function documents(...texts: string[]): [DocumentNode[], Map<string, FragmentDefinitionNode>] {
  const docs = texts.map((t) => parse(t));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of docs) for (const def of d.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return [docs, fragments];
}

describe("assertDocumentBounds", () => {
  it("counts operations across documents", () => {
    const [docs, fragments] = documents("query A { a } query B { b }", "query C { c } query D { d }");
    expect(exceeded(() => assertDocumentBounds(docs, fragments, LIMITS))).toMatchObject({ limit: "maxOperations", actual: 4 });
  });

  it("counts spreads written in operations and in fragments", () => {
    const [docs, fragments] = documents("fragment F on T { a ...G } fragment G on T { b } { x { ...F ...G } y { ...F } z { ...G } }");
    expect(exceeded(() => assertDocumentBounds(docs, fragments, LIMITS))).toMatchObject({ limit: "maxFragmentSpreads", actual: 5 });
  });

  it("counts a fragment's fields once for every spread of it", () => {
    // Each operation: x (1) + F's 4 fields = 5; four operations select 20, at the bound.
    const fragment = "fragment F on T { a b c d }";
    const ops = (n: number) => Array.from({ length: n }, (_, i) => `query Q${i} { x { ...F } }`).join("\n");
    expect(() => assertDocumentBounds(...documents(`${fragment}\n${ops(3)}`), { ...LIMITS, maxOperations: 10 })).not.toThrow();
    const [docs, fragments] = documents(`${fragment}\n${ops(5)}`);
    expect(exceeded(() => assertDocumentBounds(docs, fragments, { ...LIMITS, maxOperations: 10, maxFragmentSpreads: 10 }))).toMatchObject({
      limit: "maxExpandedFields",
      actual: 25,
    });
  });

  it("counts a fragment that doubles at every level without writing it out, saying 'more than' past what a double holds", () => {
    const levels = 80;
    const chain = Array.from({ length: levels }, (_, i) => `fragment F${i} on T { ...F${i + 1} ...F${i + 1} }`).join("\n");
    const [docs, fragments] = documents(`${chain}\nfragment F${levels} on T { a }\n{ x { ...F0 } }`);
    const details = exceeded(() => assertDocumentBounds(docs, fragments, { ...LIMITS, maxFragmentSpreads: 1_000 }));
    expect(details).toMatchObject({ limit: "maxExpandedFields" });
    expect(String(details.actual)).toMatch(/^more than /);
  });

  it("counts nothing for a spread of an unknown fragment or a cycle, which validation reports", () => {
    const [docs, fragments] = documents("fragment A on T { a ...B } fragment B on T { b ...A } { x { ...A ...Missing } }");
    expect(() => assertDocumentBounds(docs, fragments, LIMITS)).not.toThrow();
  });
});

describe("tokenLimitError", () => {
  it("counts the document's tokens for the message", () => {
    expect(tokenLimitError({ name: "q.graphql", content: "query Q { a b }" }, 5).extensions).toMatchObject({
      limit: "maxDocumentTokens",
      maximum: 5,
      actual: 6,
      file: "q.graphql",
    });
  });

  it("says 'more than' when the document does not even lex", () => {
    expect(tokenLimitError({ name: "q.graphql", content: 'query Q { a "unterminated' }, 5).extensions.actual).toBe("more than 5");
  });
});

describe("API_LIMITS", () => {
  it("cannot be changed by a caller", () => {
    expect(Object.isFrozen(API_LIMITS)).toBe(true);
  });
});
