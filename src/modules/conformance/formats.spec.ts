/** One report in every output format: the same findings, each format's own rules of escaping and counting. */
import { describe, expect, it } from "vitest";
import { FORMATS, formatJson, formatJunit, formatMarkdown, formatReport, formatRules, formatText } from "./formats.js";
import { type CheckedInputs, Findings, buildReport } from "./report.js";
import { CONFORMANCE_RULES } from "./rules.js";

const INPUTS: CheckedInputs = {
  operationFiles: 2,
  operations: 5,
  variableFiles: 1,
  sampleFiles: 1,
  records: 7,
  schemaTypesCompared: 3,
  subgraphsChecked: 0,
};
const ORDER = CONFORMANCE_RULES.map((r) => r.id);

function report() {
  const findings = new Findings();
  findings.add({
    rule: "OP_UNKNOWN_FIELD",
    file: "ops/a.graphql",
    line: 3,
    column: 5,
    operation: "Applicant",
    message: "Citizen has no field fulName.",
    found: "fulName",
    expected: "a field of Citizen",
    fix: "fullName",
  });
  findings.add({
    rule: "DATA_PERSONAL_ID",
    file: "samples/c.json",
    line: 2,
    column: 9,
    path: "$.citizens[0].personalId",
    message: "Not 12 digits | a pipe\nand a new line.",
    found: "123",
  });
  findings.add({ rule: "SCHEMA_NO_SHARED_TYPES", file: "schema.graphql", message: "No shared types." });
  return buildReport(findings.all(), INPUTS, "0123456789abcdef", null, ORDER);
}

const severity = (id: string) => CONFORMANCE_RULES.find((r) => r.id === id)!.severity;

describe("formatText", () => {
  it("lists each finding with its place and details, the counts per rule, and the verdict last", () => {
    const r = report();
    const text = formatText(r);
    expect(text).toContain("national schema 0123456789abcdef");
    expect(text).toContain(
      "Checked 5 operation(s) in 2 file(s), 1 variables file(s), 7 record(s) in 1 sample file(s), 3 shared schema type(s).",
    );
    expect(text).toContain("OP_UNKNOWN_FIELD  ops/a.graphql:3:5  operation Applicant");
    expect(text).toContain("fix:      fullName");
    expect(text).toContain("samples/c.json:2:9  $.citizens[0].personalId");
    const verdict = `${r.conformant ? "CONFORMANT" : "NOT CONFORMANT"}: ${r.errors} error${r.errors === 1 ? "" : "s"}, ${r.warnings} warning${r.warnings === 1 ? "" : "s"}`;
    expect(text.trimEnd().split("\n").at(-1)).toBe(verdict);
  });

  it("says a report without findings is conformant", () => {
    const empty = buildReport([], INPUTS, "h", "VN:GOV:x:y", ORDER);
    expect(formatText(empty)).toContain("grants of VN:GOV:x:y");
    expect(formatText(empty).trimEnd().split("\n").at(-1)).toBe("CONFORMANT: 0 errors, 0 warnings");
  });
});

describe("formatJson", () => {
  it("is the report itself", () => {
    const r = report();
    expect(JSON.parse(formatJson(r))).toEqual(r);
  });
});

describe("formatJunit", () => {
  const xml = formatJunit(report());
  const suites = [...xml.matchAll(/<testsuite [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/testsuite>/g)].map((m) => ({ name: m[1], body: m[2] }));

  it("has one suite per category", () => {
    expect(suites.map((s) => s.name)).toEqual(["ndaf-conformance.operations", "ndaf-conformance.payloads", "ndaf-conformance.schema"]);
  });

  it("fails a case for each error and skips one for each warning", () => {
    const r = report();
    expect((xml.match(/<failure/g) ?? []).length).toBe(r.errors);
    expect((xml.match(/<skipped/g) ?? []).length).toBe(r.warnings);
    expect(severity("SCHEMA_NO_SHARED_TYPES")).toBe("WARNING");
    expect(suites[2].body).toContain("<skipped");
  });

  it("gives a category without findings one passing case", () => {
    const only = new Findings();
    only.add({ rule: "OP_UNKNOWN_FIELD", message: "x" });
    const body = formatJunit(buildReport(only.all(), INPUTS, "h", null, ORDER));
    expect(body).toMatch(/<testcase [^>]*name="payloads conform"[^>]*\/>/);
  });

  it("escapes what XML would read as markup", () => {
    const odd = new Findings();
    odd.add({ rule: "OP_UNKNOWN_FIELD", message: 'a <b> & "c"', file: "x&y.graphql" });
    const body = formatJunit(buildReport(odd.all(), INPUTS, "h", null, ORDER));
    expect(body).not.toContain("<b>");
    expect(body).toContain('message="a &lt;b');
    expect(body).toContain('file="x&amp;y.graphql"');
  });
});

describe("formatMarkdown", () => {
  it("has a row per finding and per rule, pipes and new lines in cells escaped", () => {
    const r = report();
    const md = formatMarkdown(r);
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| severity") && !l.startsWith("| rule"));
    expect(rows).toHaveLength(r.findings.length + r.summary.length);
    expect(md).toContain("Not 12 digits \\| a pipe and a new line.");
    expect(md.split("\n")[0]).toBe("## NDAF conformance: NOT CONFORMANT: 2 errors, 1 warning");
  });

  it("has no tables for a report without findings", () => {
    expect(formatMarkdown(buildReport([], INPUTS, "h", null, ORDER))).not.toContain("|");
  });
});

describe("formatReport", () => {
  it("dispatches on the format, text by default", () => {
    const r = report();
    expect(formatReport(r, "json")).toBe(formatJson(r));
    expect(formatReport(r, "junit")).toBe(formatJunit(r));
    expect(formatReport(r, "markdown")).toBe(formatMarkdown(r));
    expect(formatReport(r, "text")).toBe(formatText(r));
    expect(FORMATS).toEqual(["text", "json", "junit", "markdown"]);
  });
});

describe("formatRules", () => {
  it("lists every rule in every format", () => {
    expect(JSON.parse(formatRules("json"))).toEqual(CONFORMANCE_RULES);
    const md = formatRules("markdown").trimEnd().split("\n");
    expect(md).toHaveLength(2 + CONFORMANCE_RULES.length);
    const text = formatRules("text");
    for (const rule of CONFORMANCE_RULES) {
      expect(text).toContain(`  ${rule.id} (${rule.severity.toLowerCase()})`);
      expect(text).toContain(`basis: ${rule.basis}`);
    }
  });
});
