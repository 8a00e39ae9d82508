/**
 * The query cost: one calculation (graphql-query-complexity) for the gateway's requests (./plugin.ts, before
 * anything runs) and for the conformance check. Each field costs 1 plus what it selects; a list costs that times
 * its size as the field declares it (src/shared/cost.ts: a connection its `first`, any other list its largest size
 * in the data), so every alias and every level of lists multiplies.
 */
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import {
  type DocumentNode,
  GraphQLDirective,
  type GraphQLInputType,
  GraphQLScalarType,
  type GraphQLSchema,
  getVariableValues,
  isNonNullType,
  isSpecifiedScalarType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type ValueNode,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { GatewayError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

/**
 * Selections evaluated at most while costing one operation, fragments written out wherever they are spread:
 * a few hundred for the largest operation the project ships, so only a document built to multiply through its
 * fragments reaches it (and is refused as too costly without being costed further).
 */
export const MAX_COST_NODES = 10_000;

const COST_ESTIMATORS = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
const costSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();
const optionalVariables = new WeakMap<DocumentNode, DocumentNode>();

/**
 * Costs already worked out for one parsed document (Apollo keeps them per query text): the variables the cost can
 * depend on, and the cost by their values. Most questions' variables are ids and filters no estimator reads, so
 * their cost is worked out once per document instead of once per request.
 */
interface CostMemo {
  /** Names of the variables passed to a field whose cost reads its arguments, or to a directive (@include, @skip). */
  relevant: string[];
  costs: Map<string, number>;
}
const costMemos = new WeakMap<DocumentNode, CostMemo>();
/** Costs kept per document: one per value of its relevant variables (a page size, a list of ids), up to this many. */
const MAX_MEMO_COSTS = 256;
/** A key longer than this (a long list of ids) is costed each time rather than kept. */
const MAX_MEMO_KEY = 1_024;

function variablesIn(value: ValueNode, into: Set<string>): void {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value);
  else if (value.kind === Kind.LIST) for (const v of value.values) variablesIn(v, into);
  else if (value.kind === Kind.OBJECT) for (const f of value.fields) variablesIn(f.value, into);
}

/**
 * The variables the cost of `document` can depend on, found once per document: any passed, whole or inside an
 * input object, to a directive, to a field whose `complexity` is a function (it may read its arguments: a page's
 * `first`, the ids of `nodes`), or to a field the schema does not know.
 */
function memoOf(schema: GraphQLSchema, document: DocumentNode): CostMemo {
  let memo = costMemos.get(document);
  if (!memo) {
    const relevant = new Set<string>();
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const directive = typeInfo.getDirective();
          const field = directive ? null : typeInfo.getFieldDef();
          if (directive || !field || typeof field.extensions?.complexity === "function") variablesIn(node.value, relevant);
          return false;
        },
      }),
    );
    memo = { relevant: [...relevant].sort(), costs: new Map() };
    costMemos.set(document, memo);
  }
  return memo;
}

const optional = <T extends GraphQLInputType>(type: T) => (isNonNullType(type) ? type.ofType : type) as GraphQLInputType;

/**
 * The schema as the cost reads it: every argument, input field and variable optional and every custom scalar
 * taking any value, so an operation is costed whatever variables came with it (one left out counts as absent: a
 * connection's page of 20). Holding values to their types stays with execution, which then runs nothing.
 */
function costSchemaOf(schema: GraphQLSchema): GraphQLSchema {
  let relaxed = costSchemas.get(schema);
  if (!relaxed) {
    relaxed = mapSchema(schema, {
      [MapperKind.SCALAR_TYPE]: (type) =>
        isSpecifiedScalarType(type)
          ? type
          : new GraphQLScalarType({ name: type.name, parseValue: (value) => value, parseLiteral: (node) => valueFromASTUntyped(node) }),
      [MapperKind.ARGUMENT]: (argument) => ({ ...argument, type: optional(argument.type) }),
      [MapperKind.DIRECTIVE]: (directive) => {
        const config = directive.toConfig();
        const args = Object.fromEntries(Object.entries(config.args).map(([name, arg]) => [name, { ...arg, type: optional(arg.type) }]));
        return new GraphQLDirective({ ...config, args });
      },
      [MapperKind.INPUT_OBJECT_FIELD]: (field) => ({ ...field, type: optional(field.type) }),
    });
    costSchemas.set(schema, relaxed);
  }
  return relaxed;
}

function withOptionalVariables(document: DocumentNode): DocumentNode {
  let relaxed = optionalVariables.get(document);
  if (!relaxed) {
    relaxed = visit(document, {
      VariableDefinition(node) {
        return node.type.kind === Kind.NON_NULL_TYPE ? { ...node, type: node.type.type } : undefined;
      },
    });
    optionalVariables.set(document, relaxed);
  }
  return relaxed;
}

/**
 * The query cost of the operation, with the request's variables: each field costs 1 plus what it selects, and a
 * list that times its size as the field declares it (src/shared/cost.ts: a connection's `first`, any other list
 * its largest size in the data), so every alias and every list level multiplies. Inline fragments and fragment
 * spreads count where they are used; of a union or interface, the costliest type. Infinity when the operation
 * expands to more than MAX_COST_NODES selections; null when its variables do not fit their types (execution
 * refuses those before running anything).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number | null {
  const memo = memoOf(schema, document);
  const key = JSON.stringify([operationName ?? null, ...memo.relevant.map((name) => variables?.[name] ?? null)]);
  const known = memo.costs.get(key);
  if (known !== undefined) return known;
  const cost = costOf(schema, document, operationName, variables);
  if (cost !== null && key.length <= MAX_MEMO_KEY && memo.costs.size < MAX_MEMO_COSTS) memo.costs.set(key, cost);
  return cost;
}

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number | null {
  const costSchema = costSchemaOf(schema);
  const relaxed = withOptionalVariables(document);
  const operation = relaxed.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return null;
  const name = operation.name?.value;
  const definitions = operation.variableDefinitions ?? [];
  if (definitions.length > 0 && getVariableValues(costSchema, definitions, variables ?? {}).errors) return null;
  let cost: number;
  try {
    cost = getComplexity({
      schema: costSchema,
      query: relaxed,
      operationName: name,
      variables: variables ?? {},
      estimators: COST_ESTIMATORS,
      maxQueryNodes: MAX_COST_NODES,
    });
  } catch {
    // The node limit, or anything else the calculation cannot answer: refused as too costly rather than run uncosted.
    cost = Number.POSITIVE_INFINITY;
  }
  return cost;
}

/** QUERY_TOO_COSTLY for a cost over `maxCost`, with the cost and the limit in its extensions; else null. */
export function costError(cost: number | null, maxCost: number): GatewayError | null {
  if (cost === null || cost <= maxCost) return null;
  if (!Number.isFinite(cost)) {
    return new GatewayError("QUERY_TOO_COSTLY", say(M.tooManySelections, { max: MAX_COST_NODES }), {
      maxCost,
      maxSelections: MAX_COST_NODES,
    });
  }
  return new GatewayError("QUERY_TOO_COSTLY", say(M.tooCostly, { cost, maxCost }), {
    cost,
    maxCost,
  });
}

/** The refusal of an operation that costs more than `maxCost` with these variables, or null. */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): GatewayError | null {
  return costError(operationCost(schema, document, operationName, variables), maxCost);
}
