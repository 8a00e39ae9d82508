/** Operations written in TypeScript and JavaScript: where their findings point, and what of the code is read. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { offlineEnvironment, readInputs } from "../../src/cli/conformance.js";
import { ConformanceInputError, type InputFile } from "../../src/modules/conformance/inputs.js";
import { checkConformance } from "../../src/modules/conformance/service.js";

async function check(operations: InputFile[]) {
  const report = await checkConformance(await offlineEnvironment(), { operations, samples: [], schema: null }, { today: "2026-12-01" });
  return {
    inputs: report.inputs,
    findings: report.findings.map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column, operation: f.operation })),
  };
}

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("operations written in code", () => {
  it("points at the line and column of the code file, on the template's first line too", async () => {
    const content = lines(
      'import { graphql } from "./gql";',
      "",
      "export const Provinces = graphql(`query Provinces { provinces { code nmae } }`);",
      "export const Communes = /* GraphQL */ `",
      "  query Communes {",
      "    provinces { communes { code nmae } }",
      "  }",
      "`;",
    );
    const { findings } = await check([{ name: "src/units.ts", content }]);
    expect(findings).toEqual([
      { rule: "OP_UNKNOWN_FIELD", file: "src/units.ts", line: 3, column: 70, operation: "Provinces" },
      { rule: "OP_UNKNOWN_FIELD", file: "src/units.ts", line: 6, column: 33, operation: "Communes" },
    ]);
    expect(content.split("\n")[2].slice(69, 73)).toBe("nmae");
    expect(content.split("\n")[5].slice(32, 36)).toBe("nmae");
  });

  it("keeps columns after an interpolated fragment, and reads the fragment from its own template", async () => {
    const content = lines(
      "const Parts = gql`fragment Parts on Province { code }`;",
      "const Q = gql`query Q { provinces { ...Parts } } ${Parts} query R { provinces { nmae } }`;",
    );
    const { findings } = await check([{ name: "q.js", content }]);
    expect(findings).toEqual([{ rule: "OP_UNKNOWN_FIELD", file: "q.js", line: 2, column: 81, operation: "R" }]);
    expect(content.split("\n")[1].slice(80, 84)).toBe("nmae");
  });

  it("reads the purpose declared inside the template, above the operation or at the template's top", async () => {
    const query = (name: string) => `query ${name}($id: PersonalId!) { citizen(personalId: $id) { fullName } }`;
    const content = lines(
      `export const A = graphql(\`\n  # purpose: 1.001193\n  ${query("A")}\n\`);`,
      `export const B = graphql(\`\n  # Birth registration\n  # purpose: 1.001193\n\n  ${query("B")}\n\`);`,
      "// purpose: 1.001193 — outside the template, so not read",
      `export const C = graphql(\`${query("C")}\`);`,
    );
    const { findings } = await check([{ name: "citizen.tsx", content }]);
    expect(findings).toEqual([{ rule: "OP_PURPOSE_MISSING", file: "citizen.tsx", line: 12, column: 27, operation: "C" }]);
  });

  it("takes each template as a document of its own, and a template of type definitions as no operation", async () => {
    const content = lines(
      "export const typeDefs = gql`extend type Query { isLoggedIn: Boolean! }`;",
      "export const A = gql`{ provinces { code } }`;",
      "export const B = gql`{ provinces { name } }`;",
    );
    const { inputs, findings } = await check([{ name: "a.ts", content }]);
    expect(inputs).toMatchObject({ operationFiles: 1, operations: 2 });
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ["OP_UNNAMED", 2],
      ["OP_UNNAMED", 3],
    ]);
  });

  it("checks sample variables beside a code file, and counts no file that holds no operation", async () => {
    const { inputs, findings } = await check([
      {
        name: "src/applicant.ts",
        content:
          "export const A = graphql(`\n  # purpose: 1.001193\n  query A($id: PersonalId!) { citizen(personalId: $id) { fullName } }\n`);\n",
      },
      { name: "src/applicant.variables.json", content: '{ "id": "12345" }' },
      { name: "src/util.ts", content: "export const graphqlEndpoint = '/graphql';\n" },
    ]);
    expect(inputs).toMatchObject({ operationFiles: 1, operations: 1, variableFiles: 1 });
    expect(findings).toMatchObject([{ rule: "DATA_PERSONAL_ID", file: "src/applicant.variables.json", line: 1 }]);
  });

  it("refuses code that does not parse, naming the line and column", async () => {
    const error = await check([{ name: "broken.ts", content: "const a = 1;\nconst = graphql(`{ provinces { code } }`);\n" }]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConformanceInputError);
    expect((error as Error).message).toMatch(/^broken\.ts:2:7: not parseable as TypeScript or JavaScript: /);

    const syntax = await check([{ name: "bad-query.ts", content: "\nconst a = gql`\n  query A { provinces { code }\n`;\n" }]).catch(
      (e: unknown) => e,
    );
    expect((syntax as Error).message).toMatch(/^bad-query\.ts:4:1: not a GraphQL document: Expected Name, found <EOF>/);
  });

  it("reads a folder's code files that mention GraphQL, and nothing under node_modules or dot folders", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-code-"));
    try {
      for (const [file, content] of Object.entries({
        "src/queries.ts": "export const Q = graphql(`query Q { provinces { code } }`);\n",
        "src/view.tsx": "export const View = () => <p>no operation here</p>;\n",
        "src/gql/fragment-masking.ts": "export type FragmentType<T> = T; // generated by graphql-codegen\n",
        "node_modules/dep/index.js": "module.exports = gql`query Dep { provinces { code } }`;\n",
        ".cache/q.ts": "export const Q = gql`query Cached { provinces { code } }`;\n",
      })) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
      }
      const inputs = readInputs({ operations: ["."], data: [] }, dir);
      expect(inputs.operations.map((f) => f.name)).toEqual(["src/gql/fragment-masking.ts", "src/queries.ts"]);
      expect(readInputs({ operations: ["src/view.tsx"], data: [] }, dir).operations.map((f) => f.name)).toEqual(["src/view.tsx"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
