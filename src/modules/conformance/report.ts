/**
 * Findings and the report they make: the same object whether it is printed by the command line (text, JSON,
 * JUnit, Markdown) or returned by the `checkConformance` query.
 */
import { type RuleCategory, type RuleId, ruleById, type Severity } from "./rules.js";

export interface Location {
  /** The input file, as named on the command line or in the API input. */
  file: string | null;
  /** 1-based line and column in that file, when known. */
  line: number | null;
  column: number | null;
  /** JSON path of the value ($.citizens[2].personalId), or the schema coordinate (Citizen.personalId). */
  path: string | null;
  /** The GraphQL operation the finding is about, when it is about one. */
  operation: string | null;
}

export interface Finding extends Location {
  rule: RuleId;
  category: RuleCategory;
  severity: Severity;
  message: string;
  /** What was found (the value, the field, the type), as text. */
  found: string | null;
  /** What the national standard expects there. */
  expected: string | null;
  /** How to fix this one (for a pre-2025 code: the 2025 code). */
  fix: string | null;
}

export interface RuleCount {
  rule: RuleId;
  severity: Severity;
  count: number;
}

export interface CheckedInputs {
  operationFiles: number;
  operations: number;
  variableFiles: number;
  sampleFiles: number;
  records: number;
  schemaTypesCompared: number;
  /** Provincial subgraphs checked for composing with the national ones (0 or 1). */
  subgraphsChecked: number;
}

/** The outcome of a check; `checkConformance` returns it as the GraphQL type ConformanceReport. */
export interface Report {
  /** True when no finding is an error (warnings do not fail conformance unless asked to). */
  conformant: boolean;
  /** SHA-256 of the national schema the inputs were checked against (its first 16 hex digits). */
  nationalSchema: string;
  /** The client whose grants operations were checked against, when one was given. */
  client: string | null;
  inputs: CheckedInputs;
  errors: number;
  warnings: number;
  /** Findings in input order: file, then line. */
  findings: Finding[];
  /** Findings per rule, in the order of the rule list. */
  summary: RuleCount[];
}

export type FindingInput = Partial<Location> & {
  rule: RuleId;
  message: string;
  found?: string | null;
  expected?: string | null;
  fix?: string | null;
};

/** Collects findings, dropping exact repeats (a fragment shared by several operations is reported once). */
export class Findings {
  private readonly list: Finding[] = [];
  private readonly seen = new Set<string>();

  add(input: FindingInput): void {
    const rule = ruleById(input.rule);
    const finding: Finding = {
      rule: input.rule,
      category: rule.category,
      severity: rule.severity,
      file: input.file ?? null,
      line: input.line ?? null,
      column: input.column ?? null,
      path: input.path ?? null,
      operation: input.operation ?? null,
      message: input.message,
      found: input.found ?? null,
      expected: input.expected ?? null,
      fix: input.fix ?? null,
    };
    const key = JSON.stringify([finding.rule, finding.file, finding.line, finding.column, finding.path, finding.message]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(finding);
  }

  all(): Finding[] {
    return this.list;
  }
}

const CATEGORY_ORDER: Record<RuleCategory, number> = { OPERATION: 0, PAYLOAD: 1, SCHEMA: 2 };

export function buildReport(
  findings: Finding[],
  inputs: CheckedInputs,
  nationalSchema: string,
  client: string | null,
  ruleOrder: readonly RuleId[],
): Report {
  const sorted = [...findings].sort(
    (a, b) =>
      CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
  const counts = new Map<RuleId, number>();
  for (const f of sorted) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const summary = ruleOrder
    .filter((id) => counts.has(id))
    .map((id) => ({ rule: id, severity: ruleById(id).severity, count: counts.get(id)! }));
  const errors = sorted.filter((f) => f.severity === "ERROR").length;
  return {
    conformant: errors === 0,
    nationalSchema,
    client,
    inputs,
    errors,
    warnings: sorted.length - errors,
    findings: sorted,
    summary,
  };
}
