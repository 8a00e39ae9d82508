/** GraphQL types of the conformance check: its input files, the report, and the rule list. */
import { MAX_API_FINDINGS } from "./bounds.js";
import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { listOf } from "../../shared/cost.js";
import { enumOf } from "../../shared/enums.js";
import type { CheckedInputs, Finding, Report, RuleCount } from "./report.js";
import { CONFORMANCE_RULES, type Rule, RuleCategory, type RuleId, Severity } from "./rules.js";

/** The rule ids as a GraphQL enum, so frontends and provincial tools get them typed. */
export const ConformanceRuleId = enumOf(CONFORMANCE_RULES.map((r) => r.id));
registerEnumType(ConformanceRuleId, {
  name: "ConformanceRuleId",
  description: "A conformance rule; `conformanceRules` lists each with its basis and fix.",
  valuesConfig: Object.fromEntries(CONFORMANCE_RULES.map((r) => [r.id, { description: `${r.title}.` }])),
});

registerEnumType(Severity, {
  name: "ConformanceSeverity",
  description: "How much a finding weighs.",
  valuesConfig: {
    ERROR: { description: "Not conformant: the gateway would refuse the operation, or the data breaks a national standard." },
    WARNING: { description: "Conformant, but likely to cause trouble (deprecated fields, districts, unknown fields)." },
  },
});

registerEnumType(RuleCategory, {
  name: "ConformanceCategory",
  description: "What a rule checks.",
  valuesConfig: {
    OPERATION: { description: "GraphQL operations the system sends, and their sample variables." },
    PAYLOAD: { description: "Records the system sends or stores (JSON samples)." },
    SCHEMA: { description: "The system's own GraphQL schema, compared with the national one." },
  },
});

@InputType({ description: "One input file: its name (used in the report's locations) and its text." })
export class ConformanceFileInput {
  @Field(() => String, {
    description:
      'File name, e.g. "ops/citizen.graphql"; it decides how the file is read (.graphql, .ts/.tsx/.js/.jsx, .variables.json, .json).',
  })
  name!: string;

  @Field(() => String, { description: "The file's text (UTF-8)." })
  content!: string;
}

@InputType({ description: "A type of the system's schema and the national type it stands for." })
export class ConformanceTypeMapInput {
  @Field(() => String, { description: "The type's name in the system's schema, e.g. CongDan." })
  theirs!: string;

  @Field(() => String, { description: "The national type it stands for, e.g. Citizen." })
  national!: string;
}

@InputType({ description: "What to check; give any of them. The same inputs as `ndaf-gateway conformance`." })
export class ConformanceInput {
  @Field(() => [ConformanceFileInput], {
    defaultValue: [],
    description:
      "GraphQL documents (.graphql, .gql), code holding them in graphql() or gql templates (.ts, .tsx, .js, .jsx), and sample variables for them (<document name>.variables.json). A `# purpose: <procedure code>` comment above an operation (inside the template, in code) declares its purpose.",
  })
  operations!: ConformanceFileInput[];

  @Field(() => [ConformanceFileInput], {
    defaultValue: [],
    description:
      "JSON sample records: an object whose keys are record kinds (citizens, addresses, enterprises, branches, parcels, dossiers), each a list of records.",
  })
  samples!: ConformanceFileInput[];

  @Field(() => ConformanceFileInput, {
    nullable: true,
    description: "The system's own schema (SDL, or an introspection result as .json); its types named as national ones are compared.",
  })
  schema?: ConformanceFileInput | null;

  @Field(() => [ConformanceTypeMapInput], {
    defaultValue: [],
    description:
      "Types of the schema named otherwise than the national ones they stand for (CongDan → Citizen), so they are compared (`--map`).",
  })
  schemaTypeMap!: ConformanceTypeMapInput[];

  @Field(() => ConformanceFileInput, {
    nullable: true,
    description:
      "The system's own Apollo Federation 2 subgraph (SDL), composed with the national subgraphs; each composition error is a SCHEMA_SUBGRAPH_COMPOSITION finding (`--subgraph`).",
  })
  subgraph?: ConformanceFileInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The subgraph's name in the composition (`--subgraph-name`); by default its file name without the extension. No national subgraph's name (population, land, business, gateway).",
  })
  subgraphName?: string | null;
}

@ObjectType({ description: "One thing that does not conform, where it is, and how to fix it." })
export class ConformanceFinding implements Finding {
  @Field(() => ConformanceRuleId, { description: "The rule broken." })
  rule!: RuleId;

  @Field(() => RuleCategory, { description: "What the rule checks." })
  category!: RuleCategory;

  @Field(() => Severity, { description: "Error (not conformant) or warning." })
  severity!: Severity;

  @Field(() => String, { nullable: true, description: "The input file." })
  file!: string | null;

  @Field(() => Int, { nullable: true, description: "1-based line in the file." })
  line!: number | null;

  @Field(() => Int, { nullable: true, description: "1-based column in the file." })
  column!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "JSON path of the value ($.citizens[2].personalId), or the schema coordinate (Citizen.personalId).",
  })
  path!: string | null;

  @Field(() => String, { nullable: true, description: "The operation the finding is about." })
  operation!: string | null;

  @Field(() => String, { description: "What is wrong, in words a developer can act on." })
  message!: string;

  @Field(() => String, { nullable: true, description: "What was found." })
  found!: string | null;

  @Field(() => String, { nullable: true, description: "What the national standard expects." })
  expected!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "How to fix this finding (for a pre-2025 code: the 2025 code, or why it cannot be chosen).",
  })
  fix!: string | null;
}

@ObjectType({ description: "How many findings one rule produced." })
export class ConformanceRuleCount implements RuleCount {
  @Field(() => ConformanceRuleId, { description: "The rule." })
  rule!: RuleId;

  @Field(() => Severity, { description: "Its severity." })
  severity!: Severity;

  @Field(() => Int, { description: "Findings." })
  count!: number;
}

@ObjectType({ description: "What the check read." })
export class ConformanceInputsChecked implements CheckedInputs {
  @Field(() => Int, { description: "GraphQL documents, and code files holding operations (a code file holding none is not counted)." })
  operationFiles!: number;

  @Field(() => Int, { description: "Operations in them." })
  operations!: number;

  @Field(() => Int, { description: "Sample variables files." })
  variableFiles!: number;

  @Field(() => Int, { description: "Sample data files." })
  sampleFiles!: number;

  @Field(() => Int, { description: "Records in them." })
  records!: number;

  @Field(() => Int, { description: "Types of the given schema compared with national types of the same name." })
  schemaTypesCompared!: number;

  @Field(() => Int, { description: "Subgraphs of the system checked for composing with the national ones (0 or 1)." })
  subgraphsChecked!: number;
}

@ObjectType({ description: "The outcome of a conformance check: the same report the command line prints." })
export class ConformanceReport implements Report {
  @Field(() => Boolean, { description: "True when no finding is an error." })
  conformant!: boolean;

  @Field(() => String, { description: "The national schema checked against: the first 16 hex digits of the SHA-256 of its SDL." })
  nationalSchema!: string;

  @Field(() => String, {
    nullable: true,
    description: "The client whose grants the operations were checked against: the caller's, when it sent a key.",
  })
  client!: string | null;

  @Field(() => ConformanceInputsChecked, { description: "What was read." })
  inputs!: ConformanceInputsChecked;

  @Field(() => Int, { description: "Findings that are errors." })
  errors!: number;

  @Field(() => Int, { description: "Findings that are warnings." })
  warnings!: number;

  // The API lists at most MAX_API_FINDINGS (bounds.ts); the command line lists every one.
  @Field(() => [ConformanceFinding], {
    complexity: listOf(MAX_API_FINDINGS),
    description:
      "The findings, by category, file and line: through the API the first 1,000 (findingsOmitted counts the rest); the command line lists every one.",
  })
  findings!: ConformanceFinding[];

  @Field(() => Int, {
    nullable: true,
    description:
      "Findings past the first 1,000 that the API answer does not list (counted in errors, warnings and summary); null from the command line.",
  })
  findingsOmitted?: number | null;

  @Field(() => [ConformanceRuleCount], {
    complexity: listOf(CONFORMANCE_RULES.length),
    description: "Findings per rule, in the order of the rule list.",
  })
  summary!: ConformanceRuleCount[];
}

@ObjectType({ description: "A conformance rule, with its legal or technical basis." })
export class ConformanceRule implements Rule {
  @Field(() => ConformanceRuleId, { description: "Rule id, as findings name it." })
  id!: RuleId;

  @Field(() => RuleCategory, { description: "What it checks." })
  category!: RuleCategory;

  @Field(() => Severity, { description: "Severity of its findings." })
  severity!: Severity;

  @Field(() => String, { description: "What the rule finds." })
  title!: string;

  @Field(() => String, { description: "The legal text or technical standard it applies." })
  basis!: string;

  @Field(() => String, { description: "The usual fix." })
  fix!: string;
}
