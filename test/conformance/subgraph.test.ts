/**
 * `--subgraph`: a provincial system's own subgraph composed with the national ones, on the command line. The
 * fixtures' conformant set holds a subgraph that composes, SCHEMA_SUBGRAPH_COMPOSITION's set one that does not, and
 * the API is compared with the command line on both (conformance.test.ts); here, a subgraph with two errors on one
 * field, its name, and its inputs.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runConformance } from "../../src/cli/conformance.js";
import type { Report } from "../../src/modules/conformance/report.js";

const DIR = path.join(import.meta.dirname, "fixtures", "subgraph");

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await runConformance(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: DIR,
  });
  return { status, stdout, stderr };
}

describe("conformance --subgraph", () => {
  it("reports each composition error at the field of the file it is about, with its code", async () => {
    const { status, stdout } = await run(["--subgraph", "permits.graphql", "--format", "json"]);
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.inputs.subgraphsChecked).toBe(1);
    expect(report.findings.map(({ rule, file, line, column, path, message }) => ({ rule, file, line, column, path, message }))).toEqual([
      {
        rule: "SCHEMA_SUBGRAPH_COMPOSITION",
        file: "permits.graphql",
        line: 12,
        column: 3,
        path: "Citizen.fullName",
        message:
          'Type of field "Citizen.fullName" is incompatible across subgraphs: it has type "Int" in subgraph "permits" but type "String!" in subgraph "population" (FIELD_TYPE_MISMATCH)',
      },
      {
        rule: "SCHEMA_SUBGRAPH_COMPOSITION",
        file: "permits.graphql",
        line: 12,
        column: 3,
        path: "Citizen.fullName",
        message:
          'Non-shareable field "Citizen.fullName" is resolved from multiple subgraphs: it is resolved from subgraphs "permits" and "population" and defined as non-shareable in all of them (INVALID_FIELD_SHARING)',
      },
    ]);
  });

  it("composes under --subgraph-name, refuses a national subgraph's name, and a subgraph that cannot be read, with exit 2", async () => {
    const named = await run(["--subgraph", "permits.graphql", "--subgraph-name", "khanh-hoa-permits", "--format", "json"]);
    expect(named.status).toBe(1);
    expect((JSON.parse(named.stdout) as Report).findings[0].message).toContain('in subgraph "khanh-hoa-permits"');

    const national = await run(["--subgraph", "permits.graphql", "--subgraph-name", "population"]);
    expect(national).toMatchObject({ status: 2, stdout: "" });
    expect(national.stderr).toBe(
      'ndaf-gateway conformance: permits.graphql: "population" is the name of the national population subgraph; give the provincial subgraph a name of its own with --subgraph-name.\n',
    );

    const missing = await run(["--subgraph", "nowhere.graphql"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nowhere.graphql: cannot be read");

    const alone = await run(["--schema", "permits.graphql", "--subgraph-name", "permits"]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain("--subgraph-name needs --subgraph.");
  });
});
