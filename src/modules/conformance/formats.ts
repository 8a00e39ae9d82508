/**
 * The report as text (for people), JSON (for tools), JUnit XML (each finding a failing test case, so a CI shows
 * them) and Markdown (for a merge request comment).
 */
import junitModule, { type Builder } from "junit-report-builder";
import type { Report, Finding } from "./report.js";
import { localizedRules } from "./rule-messages.js";
import type { Rule, RuleCategory } from "./rules.js";

export const FORMATS = ["text", "json", "junit", "markdown"] as const;
export type ReportFormat = (typeof FORMATS)[number];

function where(f: Finding): string {
  const position = f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : ""}` : "";
  return [position, f.path, f.operation ? `operation ${f.operation}` : null].filter(Boolean).join("  ");
}

function details(f: Finding): string[] {
  return [
    f.found !== null ? `found:    ${f.found}` : null,
    f.expected !== null ? `expected: ${f.expected}` : null,
    f.fix !== null ? `fix:      ${f.fix}` : null,
  ].filter((line): line is string => line !== null);
}

function verdict(report: Report): string {
  const counts = `${report.errors} error${report.errors === 1 ? "" : "s"}, ${report.warnings} warning${report.warnings === 1 ? "" : "s"}`;
  return `${report.conformant ? "CONFORMANT" : "NOT CONFORMANT"}: ${counts}`;
}

function checked(report: Report): string {
  const i = report.inputs;
  return `${i.operations} operation(s) in ${i.operationFiles} file(s), ${i.variableFiles} variables file(s), ${i.records} record(s) in ${i.sampleFiles} sample file(s), ${i.schemaTypesCompared} shared schema type(s)${i.subgraphsChecked > 0 ? `, ${i.subgraphsChecked} subgraph(s)` : ""}`;
}

export function formatText(report: Report): string {
  const lines = [
    `NDAF conformance — national schema ${report.nationalSchema}${report.client ? `, grants of ${report.client}` : ""}`,
    `Checked ${checked(report)}.`,
    "",
  ];
  for (const f of report.findings) {
    lines.push(`${f.severity === "ERROR" ? "error  " : "warning"} ${f.rule}  ${where(f)}`);
    lines.push(`        ${f.message}`);
    for (const d of details(f)) lines.push(`        ${d}`);
    lines.push("");
  }
  if (report.summary.length > 0) {
    lines.push("Findings per rule:");
    const width = Math.max(...report.summary.map((s) => s.rule.length));
    for (const s of report.summary) lines.push(`  ${s.rule.padEnd(width)}  ${s.severity.toLowerCase().padEnd(7)}  ${s.count}`);
    lines.push("");
  }
  lines.push(verdict(report));
  return `${lines.join("\n")}\n`;
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// A CommonJS module whose default export is the builder; depending on the loader it arrives as is or wrapped once more.
const junit = ((junitModule as unknown as { newBuilder?: unknown }).newBuilder
  ? junitModule
  : (junitModule as unknown as { default: Builder }).default) as unknown as Builder;

const SUITES: Record<RuleCategory, string> = { OPERATION: "operations", PAYLOAD: "payloads", SCHEMA: "schema" };

/** One suite per category; each finding a test case named by rule and place (errors fail, warnings are skipped with the message). */
export function formatJunit(report: Report): string {
  const builder = junit.newBuilder();
  for (const category of Object.keys(SUITES) as RuleCategory[]) {
    const suite = builder.testSuite().name(`ndaf-conformance.${SUITES[category]}`);
    const findings = report.findings.filter((f) => f.category === category);
    for (const f of findings) {
      const testCase = suite
        .testCase()
        .className(`ndaf-conformance.${SUITES[category]}.${f.rule}`)
        .name(`${f.rule} ${where(f)}`.trim())
        .file(f.file ?? "");
      const text = [f.message, ...details(f)].join("\n");
      if (f.severity === "ERROR") testCase.failure(text, f.rule);
      else testCase.skipped().standardOutput(`warning: ${text}`);
    }
    if (findings.length === 0) suite.testCase().className(`ndaf-conformance.${SUITES[category]}`).name(`${SUITES[category]} conform`);
  }
  return builder.build();
}

function cell(value: string | number | null): string {
  return String(value ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ");
}

export function formatMarkdown(report: Report): string {
  const lines = [
    `## NDAF conformance: ${verdict(report)}`,
    "",
    `National schema \`${report.nationalSchema}\`${report.client ? `, grants of \`${report.client}\`` : ""}. Checked ${checked(report)}.`,
    "",
  ];
  if (report.findings.length > 0) {
    lines.push("| severity | rule | where | finding | fix |", "|---|---|---|---|---|");
    for (const f of report.findings) {
      lines.push(`| ${f.severity.toLowerCase()} | \`${f.rule}\` | ${cell(where(f))} | ${cell(f.message)} | ${cell(f.fix ?? f.expected)} |`);
    }
    lines.push("", "| rule | severity | findings |", "|---|---|---|");
    for (const s of report.summary) lines.push(`| \`${s.rule}\` | ${s.severity.toLowerCase()} | ${s.count} |`);
  }
  return `${lines.join("\n")}\n`;
}

export function formatReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case "json":
      return formatJson(report);
    case "junit":
      return formatJunit(report);
    case "markdown":
      return formatMarkdown(report);
    default:
      return formatText(report);
  }
}

/** `conformance --list-rules`: every rule with its severity, basis and fix. */
export function formatRules(format: ReportFormat, rules: readonly Rule[] = localizedRules()): string {
  if (format === "json") return `${JSON.stringify(rules, null, 2)}\n`;
  if (format === "markdown") {
    const lines = ["| rule | severity | checks | basis |", "|---|---|---|---|"];
    for (const r of rules) lines.push(`| \`${r.id}\` | ${r.severity.toLowerCase()} | ${cell(r.title)} | ${cell(r.basis)} |`);
    return `${lines.join("\n")}\n`;
  }
  const lines: string[] = [];
  for (const category of Object.keys(SUITES) as RuleCategory[]) {
    lines.push(`${SUITES[category].toUpperCase()}`);
    for (const r of rules.filter((x) => x.category === category)) {
      lines.push(`  ${r.id} (${r.severity.toLowerCase()})`, `      ${r.title}.`, `      basis: ${r.basis}`, `      fix:   ${r.fix}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
