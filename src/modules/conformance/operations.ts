/**
 * Checks a provincial system's GraphQL operations against the national schema, the way the gateway would treat
 * them: GraphQL validation, deprecations, the gateway's query limits (the same graphql-armor rules), introspection,
 * the purpose every personal-data operation must declare and — for a given client — its grants. Sample variables
 * (<document>.variables.json) are coerced to the operation's variable types and their codes checked like payloads.
 * Documents come from .graphql files or from templates in code (code-documents.ts); findings name the line and
 * column of the file either way.
 */
import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  getLocation,
  type GraphQLError,
  Kind,
  NoDeprecatedCustomRule,
  type OperationDefinitionNode,
  parse,
  print,
  Source,
  specifiedRules,
  typeFromAST,
  type GraphQLInputType,
  type ValidationRule,
  validate,
  visit,
  FieldsOnCorrectTypeRule,
  KnownArgumentNamesRule,
  ProvidedRequiredArgumentsRule,
  KnownTypeNamesRule,
  ValuesOfCorrectTypeRule,
  NoUndefinedVariablesRule,
  NoUnusedVariablesRule,
  VariablesInAllowedPositionRule,
  VariablesAreInputTypesRule,
  UniqueVariableNamesRule,
  UniqueOperationNamesRule,
  TypeInfo,
  visitWithTypeInfo,
  NoUnusedFragmentsRule,
  coerceInputValue,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";
import { analyzeOperation, reachableDefinitions } from "../access/index.js";
import { PROCEDURE_CODE, type Client } from "../access/index.js";
import { costError, MAX_COST_NODES, operationCost } from "../access/index.js";
import { DEFAULT_LIMITS, queryLimitProtection } from "../access/index.js";
import { checkAccess } from "../access/index.js";
import { findGatewayError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { assertDocumentBounds, type ConformanceLimits, tokenLimitError } from "./bounds.js";
import { documentsInCode, inFile } from "./code-documents.js";
import {
  ConformanceInputError,
  documentBase,
  type InputFile,
  isCodeFile,
  isOperationsFile,
  isVariablesFile,
  JsonDocument,
  type JsonPath,
} from "./inputs.js";
import { adminUnitProblem, checkTypedValue, type At, type PayloadContext } from "./payloads.js";
import { CONFORMANCE_MESSAGES as M, graphqlMessage } from "./messages.js";
import type { Findings } from "./report.js";
import { type RuleId, ruleForInputError } from "./rules.js";

export interface OperationContext extends PayloadContext {
  /** The client whose grants the operations are checked against, if any. */
  client: Client | null;
  /** The API's bounds (null on the command line): checked before any operation is validated. */
  limits: ConformanceLimits | null;
}

export interface OperationCounts {
  operationFiles: number;
  operations: number;
  variableFiles: number;
}

/** A message graphql-js wrote in English, in the reader's language (messages.ts). */
const theirs = graphqlMessage;

const RULE_OF = new Map<ValidationRule, RuleId>([
  [FieldsOnCorrectTypeRule, "OP_UNKNOWN_FIELD"],
  [KnownArgumentNamesRule, "OP_UNKNOWN_ARGUMENT"],
  [ProvidedRequiredArgumentsRule, "OP_MISSING_ARGUMENT"],
  [KnownTypeNamesRule, "OP_UNKNOWN_TYPE"],
  [ValuesOfCorrectTypeRule, "OP_INVALID_VALUE"],
  [NoUndefinedVariablesRule, "OP_VARIABLE_TYPE"],
  [NoUnusedVariablesRule, "OP_VARIABLE_TYPE"],
  [VariablesInAllowedPositionRule, "OP_VARIABLE_TYPE"],
  [VariablesAreInputTypesRule, "OP_VARIABLE_TYPE"],
  [UniqueVariableNamesRule, "OP_VARIABLE_TYPE"],
]);

/** Fragments may live in other files and serve other operations, so an unused one is not an error here. */
const SPEC_RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

const LIMIT_RULE: Record<string, RuleId> = {
  QUERY_TOO_DEEP: "OP_TOO_DEEP",
  TOO_MANY_ALIASES: "OP_TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES: "OP_TOO_MANY_DIRECTIVES",
};

let limitRules: ValidationRule[] | undefined;

const PURPOSE_COMMENT = /^\s*#\s*purpose\s*:\s*(\S+)/i;

/** A file's operations and fragments: one document, or for a code file the definitions of all its templates. */
interface ParsedFile {
  file: InputFile;
  document: DocumentNode;
}

function locationOf(node: ASTNode | undefined): { file: string | null; line: number | null; column: number | null } {
  if (!node?.loc) return { file: null, line: null, column: null };
  const { line, column } = inFile(node.loc.source, getLocation(node.loc.source, node.loc.start));
  return { file: node.loc.source.name, line, column };
}

const sourceLines = new WeakMap<Source, string[]>();
const linesOf = (source: Source): string[] => {
  let lines = sourceLines.get(source);
  if (!lines) sourceLines.set(source, (lines = source.body.split(/\r?\n/)));
  return lines;
};

/**
 * The purpose an operation declares in a comment: the comment block right above it (`# purpose: 1.001193`), or
 * failing that the comment block at the top of its document (a .graphql file, or the template in code).
 */
function declaredPurpose(parsed: ParsedFile, operation: OperationDefinitionNode): string | null {
  if (!operation.loc) return null;
  const source = operation.loc.source;
  const lines = linesOf(source);
  const start = getLocation(source, operation.loc.start).line - 1;
  const scan = (from: number, step: number, stop: (i: number) => boolean): string | null => {
    for (let i = from; !stop(i); i += step) {
      const line = lines[i].trim();
      if (!line.startsWith("#")) break;
      const match = PURPOSE_COMMENT.exec(line);
      if (match) return match[1];
    }
    return null;
  };
  const above = scan(start - 1, -1, (i) => i < 0);
  if (above) return above;
  const firstDefinition = parsed.document.definitions.find((d) => d.loc?.source === source);
  const firstLine = firstDefinition?.loc ? getLocation(source, firstDefinition.loc.start).line - 1 : 0;
  let top = 0;
  while (top < firstLine && lines[top].trim() === "") top++;
  return scan(top, 1, (i) => i >= firstLine);
}

function parseSource(file: InputFile, source: Source, maxTokens: number | undefined): DocumentNode {
  try {
    return parse(source, { maxTokens });
  } catch (error) {
    const e = error as GraphQLError;
    if (maxTokens !== undefined && /Document contains more tha[nt] \d+ tokens/.test(e.message))
      throw tokenLimitError({ name: file.name, content: source.body }, maxTokens);
    const position = e.locations?.[0] ? inFile(source, e.locations[0]) : undefined;
    throw new ConformanceInputError(
      file.name,
      say(M.notGraphqlDocument, { detail: theirs(e.message).replace(/^(Syntax Error|Lỗi cú pháp): /, "") }),
      position,
    );
  }
}

const isExecutable = (d: DocumentNode["definitions"][number]) =>
  d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION;

/** The file's document, or null for code that holds none. */
function parseFile(file: InputFile, maxTokens: number | undefined): ParsedFile | null {
  let documents: DocumentNode[];
  if (isCodeFile(file.name)) {
    // A template of type definitions alone (a client-side schema, a server's typeDefs) is not an operation.
    documents = documentsInCode(file)
      .map((source) => parseSource(file, source, maxTokens))
      .filter((d) => d.definitions.some(isExecutable));
    if (documents.length === 0) return null;
  } else {
    documents = [parseSource(file, new Source(file.content, file.name), maxTokens)];
  }
  const definitions = documents.flatMap((d) => d.definitions);
  const schemaDefinition = definitions.find((d) => !isExecutable(d));
  if (schemaDefinition) {
    throw new ConformanceInputError(
      file.name,
      say(M.holdsTypeDefinitions),
      locationOf(schemaDefinition) as { line: number; column: number },
    );
  }
  return { file, document: documents.length === 1 ? documents[0] : { kind: Kind.DOCUMENT, definitions } };
}

function add(
  findings: Findings,
  rule: RuleId,
  error: { message: string; nodes?: readonly ASTNode[] | undefined },
  fallback: ASTNode,
  operation: string | null,
  extra: { found?: string; expected?: string; fix?: string } = {},
): void {
  const node = error.nodes?.[0] ?? fallback;
  findings.add({
    rule,
    ...locationOf(node),
    operation,
    message: error.message,
    found: extra.found ?? null,
    expected: extra.expected ?? null,
    fix: extra.fix ?? null,
  });
}

/** What the message of a graphql-js validation error names, for `found`; its suggestion, if any, for `fix`. */
function foundIn(rule: RuleId, message: string): { found?: string; fix?: string } {
  const suggestion = /Did you mean (.+)\?$/.exec(message)?.[1];
  if (rule === "OP_UNKNOWN_FIELD") {
    const m = /Cannot query field "(\w+)" on type "(\w+)"/.exec(message);
    return { found: m ? `${m[2]}.${m[1]}` : undefined, fix: suggestion ? say(M.fixUse, { name: suggestion }) : undefined };
  }
  if (rule === "OP_UNKNOWN_ARGUMENT") {
    const m = /Unknown argument "(\w+)" on field "([\w.]+)"/.exec(message);
    return { found: m ? `${m[2]}(${m[1]}:)` : undefined, fix: suggestion ? say(M.fixUse, { name: suggestion }) : undefined };
  }
  if (rule === "OP_UNKNOWN_TYPE") {
    const m = /Unknown type "(\w+)"/.exec(message);
    return { found: m?.[1], fix: suggestion ? say(M.fixUse, { name: suggestion }) : undefined };
  }
  if (rule === "OP_DEPRECATED") {
    const m = /The (?:field|argument|enum value) (\S+?)(?: "\w+")? is deprecated\. (.*)$/s.exec(message);
    return { found: m?.[1], fix: m?.[2] };
  }
  return {};
}

class OperationChecker {
  private readonly fragments = new Map<string, { node: FragmentDefinitionNode; file: string }>();
  private readonly variables = new Map<string, JsonDocument>();
  /** graphql-js names the nearest field, argument, type or enum value in its messages unless told not to. */
  private readonly validation: { hideSuggestions: boolean };

  constructor(
    private readonly ctx: OperationContext,
    private readonly findings: Findings,
  ) {
    this.validation = { hideSuggestions: !ctx.suggestions };
  }

  run(files: InputFile[]): OperationCounts {
    for (const file of files) {
      if (!isOperationsFile(file.name) && !isCodeFile(file.name) && !isVariablesFile(file.name)) {
        throw new ConformanceInputError(file.name, say(M.operationsFileKinds));
      }
    }
    const limits = this.ctx.limits;
    const parsed = files
      .filter((f) => isOperationsFile(f.name) || isCodeFile(f.name))
      .map((f) => parseFile(f, limits?.maxDocumentTokens))
      .filter((p): p is ParsedFile => p !== null);
    for (const file of files.filter((f) => isVariablesFile(f.name))) {
      const base = file.name.replace(/\.variables\.json$/i, "");
      if (!parsed.some((p) => documentBase(p.file.name) === base)) {
        throw new ConformanceInputError(file.name, say(M.variablesWithoutDocument, { base }));
      }
      this.variables.set(base, JsonDocument.parse(file));
    }
    for (const p of parsed) {
      for (const definition of p.document.definitions) {
        if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
        const existing = this.fragments.get(definition.name.value);
        if (existing) {
          add(
            this.findings,
            "OP_INVALID",
            { message: say(M.fragmentTwice, { name: definition.name.value, first: existing.file, second: p.file.name }) },
            definition,
            null,
          );
          continue;
        }
        this.fragments.set(definition.name.value, { node: definition, file: p.file.name });
      }
    }
    if (limits) {
      assertDocumentBounds(
        parsed.map((p) => p.document),
        new Map([...this.fragments].map(([name, f]) => [name, f.node])),
        limits,
      );
    }
    let operations = 0;
    for (const p of parsed) {
      const ops = p.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const variables = this.variables.get(documentBase(p.file.name));
      if (variables && ops.length > 1) {
        const names = ops.flatMap((op) => (op.name ? [op.name.value] : []));
        const value = variables.value;
        const stray =
          value && typeof value === "object" && !Array.isArray(value)
            ? Object.keys(value).find((key) => !names.includes(key))
            : "(not an object)";
        if (stray !== undefined) {
          throw new ConformanceInputError(
            variables.file,
            say(M.variablesKeyedByOperation, { file: p.file.name, names: names.join(", "), stray }),
            variables.locate(stray === "(not an object)" ? [] : [stray]),
          );
        }
      }
      for (const error of validate(this.ctx.schema, p.document, [UniqueOperationNamesRule], this.validation)) {
        add(
          this.findings,
          "OP_INVALID",
          { message: say(M.operationNamesUnique, { detail: theirs(error.message) }), nodes: error.nodes?.slice(1) },
          p.document,
          null,
        );
      }
      for (const op of ops) {
        // In code, each template is a document of its own, sent alone.
        const alone = ops.every((other) => other === op || other.loc?.source !== op.loc?.source);
        if (!op.name && !alone) add(this.findings, "OP_INVALID", { message: say(M.anonymousNotAlone) }, op, null);
      }
      for (const op of ops) {
        operations++;
        this.operation(p, op, ops.length);
      }
    }
    return { operationFiles: parsed.length, operations, variableFiles: this.variables.size };
  }

  /** The operation with every fragment it reaches, wherever defined: what a client would send. */
  private documentFor(op: OperationDefinitionNode): DocumentNode {
    const candidates: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op, ...[...this.fragments.values()].map((f) => f.node)] };
    return { kind: Kind.DOCUMENT, definitions: reachableDefinitions(candidates, op.name?.value) };
  }

  private operation(parsed: ParsedFile, op: OperationDefinitionNode, opsInFile: number): void {
    const { schema } = this.ctx;
    const name = op.name?.value ?? null;
    const findings = this.findings;
    const document = this.documentFor(op);

    if (!name) {
      add(findings, "OP_UNNAMED", { message: say(M.unnamed, { kind: op.operation }) }, op, null, {
        expected: `${op.operation} <Name>`,
      });
    }

    let valid = true;
    for (const rule of SPEC_RULES) {
      for (const error of validate(schema, document, [rule], this.validation)) {
        valid = false;
        const id = RULE_OF.get(rule) ?? "OP_INVALID";
        const typed = findGatewayError(error.originalError);
        add(
          findings,
          id,
          { message: theirs(typed?.message ? `${error.message.split(";")[0]}; ${typed.message}` : error.message), nodes: error.nodes },
          op,
          name,
          foundIn(id, error.message),
        );
      }
    }
    for (const error of validate(schema, document, [NoDeprecatedCustomRule], this.validation)) {
      add(
        findings,
        "OP_DEPRECATED",
        { message: theirs(error.message.replace(/ is deprecated\. .*$/s, " is deprecated.")), nodes: error.nodes },
        op,
        name,
        foundIn("OP_DEPRECATED", error.message),
      );
    }
    visit(document, {
      Field(node) {
        if (node.name.value === "__schema" || node.name.value === "__type") {
          add(findings, "OP_INTROSPECTION", { message: say(M.introspection, { field: node.name.value }) }, node, name, {
            found: node.name.value,
            expected: say(M.expPublishedSchema),
          });
        }
      },
    });

    limitRules ??= queryLimitProtection(DEFAULT_LIMITS, false).validationRules;
    for (const error of validate(schema, document, limitRules, this.validation)) {
      const rule = LIMIT_RULE[String(error.extensions?.code ?? findGatewayError(error.originalError)?.code)];
      if (rule) add(findings, rule, { message: theirs(error.message) }, op, name);
    }
    const variables = this.variablesFor(parsed, op, opsInFile);
    // The gateway's own cost: with the sample variables when they fit the operation, else as sent without any.
    const values = variables?.values;
    const samples =
      valid && typeof values === "object" && values !== null && !Array.isArray(values) ? (values as Record<string, unknown>) : null;
    const sampled = samples ? operationCost(schema, document, name, samples) : null;
    const cost = sampled ?? operationCost(schema, document, name, null);
    const tooCostly = costError(cost, DEFAULT_LIMITS.maxCost);
    if (tooCostly) {
      add(
        findings,
        "OP_TOO_COSTLY",
        { message: sampled !== null ? say(M.withSampleVariables, { detail: tooCostly.message }) : tooCostly.message },
        op,
        name,
        {
          found: Number.isFinite(cost) ? say(M.foundCost, { cost }) : say(M.foundMoreSelections, { max: MAX_COST_NODES }),
          expected: say(M.expCostAtMost, { max: DEFAULT_LIMITS.maxCost }),
        },
      );
    }
    try {
      parse(print(document), { maxTokens: DEFAULT_LIMITS.maxTokens });
    } catch {
      add(
        findings,
        "OP_TOO_MANY_TOKENS",
        {
          message: say(M.tooManyTokens, { max: DEFAULT_LIMITS.maxTokens }),
        },
        op,
        name,
      );
    }

    // Codes written into the operation are held to the 2025 map like codes in payloads.
    const typeInfo = new TypeInfo(schema);
    const registry = this.ctx.adminUnits;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        StringValue(node) {
          const type = typeInfo.getInputType();
          if (!type || getNamedType(type).name !== "AdministrativeUnitCode" || !/^\d+$/.test(node.value)) return;
          const problem = adminUnitProblem(node.value, node.value.length === 2 ? "PROVINCE" : "COMMUNE", registry);
          if (problem) {
            findings.add({
              rule: problem.rule,
              ...locationOf(node),
              operation: name,
              message: problem.message,
              found: String(problem.found ?? node.value),
              expected: problem.expected ?? null,
              fix: problem.fix ?? null,
            });
          }
        },
      }),
    );

    this.access(parsed, document, op, name);
    if (variables && valid) this.coerceVariables(op, name, variables);
  }

  private access(parsed: ParsedFile, document: DocumentNode, op: OperationDefinitionNode, name: string | null): void {
    const { client, catalogue } = this.ctx;
    const uses = analyzeOperation(this.ctx.schema, document, name);
    if (uses.length === 0) return;
    const fields = uses.map((u) => u.coordinate);
    const fieldList = `${fields.slice(0, 4).join(", ")}${fields.length > 4 ? ", …" : ""}`;
    if (client?.kind === "CITIZEN") {
      for (const error of checkAccess(uses, client, null)?.errors ?? []) this.refused(error, op, name, this.fieldNodes(document));
      return;
    }
    const purpose = declaredPurpose(parsed, op);
    if (!purpose) {
      add(
        this.findings,
        "OP_PURPOSE_MISSING",
        {
          message: say(M.purposeMissing, { fields: fieldList }),
        },
        op,
        name,
        {
          found: fieldList,
          expected: say(M.expPurposeComment),
        },
      );
      return;
    }
    if (!PROCEDURE_CODE.test(purpose) || !catalogue.get(purpose)) {
      add(this.findings, "OP_PURPOSE_UNKNOWN", { message: say(M.purposeUnknown, { purpose }) }, op, name, {
        found: purpose,
        expected: say(M.expPortalCode),
      });
      return;
    }
    if (client) {
      const nodes = this.fieldNodes(document);
      for (const error of checkAccess(uses, client, { procedure: purpose, caseId: "CONFORMANCE-CHECK" })?.errors ?? [])
        this.refused(error, op, name, nodes);
    }
  }

  /** The first selection of each schema coordinate (Type.field), wherever its fragment lives. */
  private fieldNodes(document: DocumentNode): Map<string, ASTNode> {
    const nodes = new Map<string, ASTNode>();
    const typeInfo = new TypeInfo(this.ctx.schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (parent && !nodes.has(`${parent.name}.${node.name.value}`)) nodes.set(`${parent.name}.${node.name.value}`, node);
        },
      }),
    );
    return nodes;
  }

  private refused(
    error: { message: string; extensions?: Record<string, unknown> },
    op: OperationDefinitionNode,
    name: string | null,
    nodes: Map<string, ASTNode>,
  ): void {
    const ext = error.extensions ?? {};
    const missing = ext.missingGrant as { source: string; class: string; procedure: string } | undefined;
    const fieldNode = typeof ext.field === "string" ? nodes.get(ext.field) : undefined;
    add(
      this.findings,
      "OP_NOT_GRANTED",
      { message: say(M.notGranted, { detail: error.message, code: String(ext.code) }), nodes: fieldNode ? [fieldNode] : undefined },
      op,
      name,
      {
        found: typeof ext.field === "string" ? ext.field : undefined,
        expected: missing ? say(M.expGrant, { source: missing.source, class: missing.class, procedure: missing.procedure }) : undefined,
      },
    );
  }

  /** The sample variables of an operation: the whole file for the only operation, else the file's entry under its name. */
  private variablesFor(
    parsed: ParsedFile,
    op: OperationDefinitionNode,
    opsInFile: number,
  ): { doc: JsonDocument; path: JsonPath; values: unknown } | null {
    const doc = this.variables.get(documentBase(parsed.file.name));
    if (!doc) return null;
    const value = doc.value as Record<string, unknown>;
    if (opsInFile === 1) return { doc, path: [], values: value };
    const name = op.name?.value;
    if (!name || typeof value !== "object" || value === null || !(name in value)) return null;
    return { doc, path: [name], values: value[name] };
  }

  private coerceVariables(
    op: OperationDefinitionNode,
    name: string | null,
    variables: { doc: JsonDocument; path: JsonPath; values: unknown },
  ): void {
    const { doc } = variables;
    if (typeof variables.values !== "object" || variables.values === null || Array.isArray(variables.values)) {
      throw new ConformanceInputError(doc.file, say(M.variablesNotObject), doc.locate(variables.path));
    }
    const values = variables.values as Record<string, unknown>;
    const declared = (op.variableDefinitions ?? []).map((d) => d.variable.name.value);
    for (const key of Object.keys(values)) {
      if (declared.includes(key)) continue;
      const near = declared.filter((d) => d.toLowerCase() === key.toLowerCase());
      this.findings.add({
        rule: "OP_VARIABLES_INVALID",
        ...doc.at([...variables.path, key]),
        operation: name,
        message: near.length ? say(M.noSuchVariableNear, { key, near: near[0] }) : say(M.noSuchVariable, { key }),
        found: key,
        expected: declared.length ? declared.map((d) => `$${d}`).join(", ") : say(M.expNoVariables),
        fix: near.length ? say(M.fixRenameTo, { name: near[0] }) : say(M.fixRemove, { name: key }),
      });
    }
    for (const definition of op.variableDefinitions ?? []) {
      const variable = definition.variable.name.value;
      const type = typeFromAST(this.ctx.schema, definition.type as never) as GraphQLInputType | undefined;
      if (!type) continue;
      const at: At = { doc, path: [...variables.path, variable] };
      const value = values[variable];
      const report = (rule: RuleId, message: string, path: JsonPath) =>
        this.findings.add({ rule, ...doc.at(path), operation: name, message, found: null, expected: String(type), fix: null });
      if (value === undefined) {
        const misspelt = Object.keys(values).some((key) => key !== variable && key.toLowerCase() === variable.toLowerCase());
        if (isNonNullType(type) && !definition.defaultValue && !misspelt)
          report("OP_VARIABLES_INVALID", say(M.requiredVariable, { variable, type: String(type) }), at.path);
        continue;
      }
      let ok = true;
      coerceInputValue(
        value,
        type,
        (path, _invalid, error) => {
          ok = false;
          const typed = findGatewayError(error);
          const rule = ruleForInputError(typed?.code, "OP_VARIABLES_INVALID");
          report(rule, `$${variable}${path.length ? `.${path.join(".")}` : ""}: ${typed?.message ?? theirs(error.message)}`, [
            ...at.path,
            ...path,
          ]);
        },
        !this.ctx.suggestions,
      );
      if (ok) this.walk(at, type, value);
    }
  }

  /** Values of national code types inside a variable, checked against the map and the catalogue. */
  private walk(at: At, type: GraphQLInputType, value: unknown): void {
    if (value === null || value === undefined) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      if (Array.isArray(value)) value.forEach((v, i) => this.walk({ doc: at.doc, path: [...at.path, i] }, inner.ofType, v));
      else this.walk(at, inner.ofType, value);
      return;
    }
    const named = getNamedType(inner);
    checkTypedValue(this.findings, this.ctx, at, named.name, value);
    if (isInputObjectType(named) && named.name !== "DossierInput" && typeof value === "object") {
      for (const [field, def] of Object.entries(named.getFields())) {
        this.walk({ doc: at.doc, path: [...at.path, field] }, def.type, (value as Record<string, unknown>)[field]);
      }
    }
  }
}

export function checkOperations(files: InputFile[], ctx: OperationContext, findings: Findings): OperationCounts {
  return new OperationChecker(ctx, findings).run(files);
}
