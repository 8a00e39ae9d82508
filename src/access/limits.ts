/**
 * Query limits (graphql-armor: depth, aliases, cost, directives; field suggestions hidden in production), the
 * token limit (Apollo's parser option: armor's own turns syntax errors into 500s), introspection per environment,
 * and a per-client rate limit (rate-limiter-flexible). Every refusal is a typed error with a code.
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, type FieldNode, type GraphQLFormattedError, type GraphQLSchema, Kind, type ValidationContext, type ValidationRule, validate, visit } from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../shared/pagination.js";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { GatewayContext } from "../context.js";
import { type ErrorCode, GatewayError } from "../shared/errors.js";

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * Chosen above the deepest and costliest operations the gateway's own examples and tests need: the nested
 * household / land / enterprise question of test/api/batching.test.ts over 100 citizens costs 43,770 by armor's
 * measure (lists multiplied by their page size), the largest legitimate page we know of.
 */
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 50_000, maxDirectives: 20, maxTokens: 5_000 };

const COST_MESSAGE =
  "The query would cost too much to answer (lists multiply the cost of what they hold); ask for smaller pages or fewer nested lists.";

function reject(code: ErrorCode, what: string) {
  return (context: ValidationContext | null, error: { message: string }) => {
    const detail = error.message.replace(/^Syntax Error: /, "");
    context?.reportError(new GatewayError(code, `${what} ${detail}`));
  };
}

export function queryLimitProtection(limits: QueryLimits, production: boolean): { plugins: ApolloServerPlugin<GatewayContext>[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [reject("QUERY_TOO_DEEP", "The query nests too deeply; ask for less at once or split it.")],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reject("TOO_MANY_ALIASES", "The query uses too many aliases.")],
    },
    costLimit: {
      maxCost: limits.maxCost,
      propagateOnRejection: false,
      onReject: [reject("QUERY_TOO_COSTLY", COST_MESSAGE)],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reject("TOO_MANY_DIRECTIVES", "The query uses too many directives.")],
    },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins as unknown as ApolloServerPlugin<GatewayContext>[], validationRules: validationRules as unknown as ValidationRule[] };
}

const PAGE_ARGUMENTS = new Set(["first", "last"]);
const pagedByVariable = new WeakMap<DocumentNode, boolean>();

/** `nodes(ids:)` answers one object per id, as a page answers one per item: its cost is multiplied by the ids' count. */
const isNodesField = (node: FieldNode) => node.name.value === "nodes" && !!node.arguments?.some((a) => a.name.value === "ids");

function idsCount(node: FieldNode, variables: Record<string, unknown> | undefined): number {
  const ids = node.arguments!.find((a) => a.name.value === "ids")!.value;
  const value = ids.kind === Kind.VARIABLE ? variables?.[ids.name.value] : ids.kind === Kind.LIST ? ids.values : [ids];
  return Array.isArray(value) ? Math.max(1, value.length) : 1;
}
const costRules = new Map<number, ValidationRule[]>();

/**
 * graphql-armor's cost rule multiplies a list by its `first` only when `first` is a literal; a page size given in a
 * variable would count as 1, and so would `nodes(ids:)` of a hundred ids. When a document pages by variable or
 * asks for `nodes`, the rule runs again on the document with the request's values written in (20, the default page
 * size, when a variable is not given; the number of ids as `nodes`' page size). A refusal, or null.
 */
export function costWithVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
): GraphQLFormattedError[] | null {
  let paged = pagedByVariable.get(document);
  if (paged === undefined) {
    paged = false;
    visit(document, {
      Argument(node) {
        if (PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) paged = true;
      },
      Field(node) {
        if (isNodesField(node)) paged = true;
      },
    });
    pagedByVariable.set(document, paged);
  }
  if (!paged) return null;
  const defaults = new Map<string, unknown>();
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue?.kind === Kind.INT) defaults.set(node.variable.name.value, Number(node.defaultValue.value));
    },
  });
  const written = visit(document, {
    Field(node) {
      if (!isNodesField(node) || node.arguments!.some((a) => PAGE_ARGUMENTS.has(a.name.value))) return undefined;
      const first = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "first" }, value: { kind: Kind.INT, value: String(idsCount(node, variables)) } } as const;
      return { ...node, arguments: [...node.arguments!, first] };
    },
    Argument(node) {
      if (!PAGE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const name = node.value.name.value;
      const value = variables?.[name] ?? defaults.get(name);
      // Sizes outside 1–100 are refused by the list itself (INVALID_PAGINATION), which says more than a cost error.
      const size = Number.isInteger(value) && (value as number) > 0 ? Math.min(value as number, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
      return { ...node, value: { kind: Kind.INT, value: String(size) } };
    },
  });
  let rules = costRules.get(maxCost);
  if (!rules) {
    const armor = new ApolloArmor({
      costLimit: { maxCost, propagateOnRejection: false, onReject: [reject("QUERY_TOO_COSTLY", COST_MESSAGE)] },
      maxDepth: { enabled: false },
      maxAliases: { enabled: false },
      maxDirectives: { enabled: false },
      maxTokens: { enabled: false },
      blockFieldSuggestion: { enabled: false },
    });
    rules = armor.protect().validationRules as unknown as ValidationRule[];
    costRules.set(maxCost, rules);
  }
  const errors = validate(schema, written, rules);
  return errors.length > 0 ? errors.map((e) => ({ message: e.message, extensions: { code: "QUERY_TOO_COSTLY" } })) : null;
}

/** Refuses `__schema` and `__type` when introspection is off (`__typename` stays allowed). */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      context.reportError(new GatewayError("INTROSPECTION_DISABLED", "Introspection is disabled on this gateway; the schema is published as schema.graphql."));
    }
  },
});

/** Requests per minute per client (anonymous callers by address), each client with its own limit if it has one. */
export class RateLimits {
  private readonly limiters = new Map<number, RateLimiterMemory>();

  constructor(
    readonly defaultPerMinute: number,
    readonly anonymousPerMinute: number,
  ) {}

  private limiter(points: number): RateLimiterMemory {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points, duration: 60 });
      this.limiters.set(points, limiter);
    }
    return limiter;
  }

  /** Resolves when the request may go on; a RATE_LIMITED error (with retryAfterSeconds) when it may not. */
  async consume(key: string, perMinute: number): Promise<void> {
    if (perMinute <= 0) return;
    try {
      await this.limiter(perMinute).consume(key);
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      throw new GatewayError("RATE_LIMITED", `Too many requests: the limit is ${perMinute} a minute for this client. Retry in ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
      });
    }
  }
}
