/** Findings collected and ordered into the report every output format prints. */
import { describe, expect, it } from "vitest";
import { type CheckedInputs, Findings, buildReport } from "./report.js";
import { CONFORMANCE_RULES, type RuleId, ruleById } from "./rules.js";

const INPUTS: CheckedInputs = {
  operationFiles: 1,
  operations: 2,
  variableFiles: 0,
  sampleFiles: 1,
  records: 3,
  schemaTypesCompared: 0,
  subgraphsChecked: 0,
};
const ORDER = CONFORMANCE_RULES.map((r) => r.id);

describe("Findings", () => {
  it("takes category and severity from the rule", () => {
    const findings = new Findings();
    findings.add({ rule: "DATA_PERSONAL_ID", message: "m", file: "a.json", line: 3 });
    const [finding] = findings.all();
    expect(finding).toMatchObject({ category: ruleById("DATA_PERSONAL_ID").category, severity: ruleById("DATA_PERSONAL_ID").severity });
    expect(finding).toMatchObject({ column: null, path: null, operation: null, found: null, expected: null, fix: null });
  });

  it("drops an exact repeat (a fragment shared by several operations), keeping findings elsewhere", () => {
    const findings = new Findings();
    const one = { rule: "OP_UNKNOWN_FIELD" as const, message: "no field x", file: "ops.graphql", line: 4, column: 7 };
    findings.add(one);
    findings.add({ ...one, operation: "Another" });
    findings.add({ ...one, line: 9 });
    findings.add({ ...one, message: "no field y" });
    expect(findings.all().map((f) => [f.line, f.message])).toEqual([
      [4, "no field x"],
      [9, "no field x"],
      [4, "no field y"],
    ]);
  });
});

describe("buildReport", () => {
  const finding = (rule: RuleId, file: string | null, line: number | null, column: number | null = null) => {
    const f = new Findings();
    f.add({ rule, message: `${rule} at ${file}:${line}`, file, line, column });
    return f.all()[0];
  };

  it("orders findings by category (operations, payloads, schema), then file, line, column and rule", () => {
    const report = buildReport(
      [
        finding("SCHEMA_BREAKING", "schema.graphql", 1),
        finding("DATA_TAX_CODE", "b.json", 2),
        finding("DATA_PERSONAL_ID", "a.json", 9),
        finding("OP_UNKNOWN_FIELD", "ops.graphql", 5, 3),
        finding("OP_UNKNOWN_ARGUMENT", "ops.graphql", 5, 3),
        finding("OP_UNKNOWN_FIELD", "ops.graphql", 5, 1),
        finding("DATA_PERSONAL_ID", "a.json", 2),
      ],
      INPUTS,
      "0123456789abcdef",
      null,
      ORDER,
    );
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column ?? ""}`)).toEqual([
      "OP_UNKNOWN_FIELD ops.graphql:5:1",
      "OP_UNKNOWN_ARGUMENT ops.graphql:5:3",
      "OP_UNKNOWN_FIELD ops.graphql:5:3",
      "DATA_PERSONAL_ID a.json:2:",
      "DATA_PERSONAL_ID a.json:9:",
      "DATA_TAX_CODE b.json:2:",
      "SCHEMA_BREAKING schema.graphql:1:",
    ]);
  });

  it("counts errors and warnings, and is conformant with warnings only", () => {
    const warning = CONFORMANCE_RULES.find((r) => r.severity === "WARNING")!.id;
    const error = CONFORMANCE_RULES.find((r) => r.severity === "ERROR")!.id;
    const warned = buildReport([finding(warning, "a", 1), finding(warning, "a", 2)], INPUTS, "h", "VN:GOV:x:y", ORDER);
    expect(warned).toMatchObject({ conformant: true, errors: 0, warnings: 2, client: "VN:GOV:x:y", inputs: INPUTS });
    const failed = buildReport([finding(warning, "a", 1), finding(error, "a", 2)], INPUTS, "h", null, ORDER);
    expect(failed).toMatchObject({ conformant: false, errors: 1, warnings: 1 });
  });

  it("sums findings per rule in the order of the rule list, naming only rules that found something", () => {
    const report = buildReport(
      [finding("DATA_TAX_CODE", "a", 1), finding("OP_UNKNOWN_FIELD", "o", 1), finding("DATA_TAX_CODE", "a", 2)],
      INPUTS,
      "h",
      null,
      ORDER,
    );
    expect(report.summary).toEqual([
      { rule: "OP_UNKNOWN_FIELD", severity: ruleById("OP_UNKNOWN_FIELD").severity, count: 1 },
      { rule: "DATA_TAX_CODE", severity: ruleById("DATA_TAX_CODE").severity, count: 2 },
    ]);
  });
});

describe("the rule list", () => {
  it("names each rule once, by a prefix of its category", () => {
    expect(new Set(ORDER).size).toBe(ORDER.length);
    const prefix = { OPERATION: "OP_", PAYLOAD: "DATA_", SCHEMA: "SCHEMA_" };
    for (const rule of CONFORMANCE_RULES) expect(rule.id.startsWith(prefix[rule.category]), rule.id).toBe(true);
  });
});
