/**
 * Access control and audit as one Apollo plugin: once the operation is known (and its cost with the request's
 * page sizes is within the limit), its `@access` fields are checked
 * against the client's grants and purpose (a refusal runs nothing); once it has run, the request's audit rows are
 * written in one statement before the answer leaves. If they cannot be written, the answer is withheld.
 */
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, type GraphQLSchema, Kind, TypeInfo, type ValueNode, visit, visitWithTypeInfo } from "graphql";
import type { AccessContext } from "./context.js";
import type { Source } from "../../platform/db/source.js";
import { logger } from "../../platform/logger.js";
import { analyzeOperation } from "./analyze.js";
import { writeAudit } from "./audit.js";
import { costRefusal } from "./cost.js";
import type { ErrorCode } from "../../platform/errors.js";
import { checkAccess, type Refusal, refusalHeaders } from "./policy.js";
import { say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

const NUL = "\u0000";

/**
 * The longest string an argument may carry: identifiers, codes, names, search phrases and sealed cursors are far
 * shorter. Fields that take documents as text (the conformance check's operations, samples and schema) bound their
 * own inputs and are exempt.
 */
export const MAX_ARGUMENT_LENGTH = 256;
const LONG_TEXT_FIELDS = new Set(["Query.checkConformance"]);

/**
 * What is wrong with a string argument: where (`input.purpose`, `input ($v).purpose`), and what. Kept as facts,
 * not words: a document's own problem is cached with it and said to each request in that request's language.
 */
interface ArgumentProblem {
  path: string;
  nul: boolean;
  length: number;
}

/** The problem said in the request's language. */
function sayProblem(problem: ArgumentProblem): string {
  return problem.nul
    ? say(M.argumentNul, { path: problem.path })
    : say(M.argumentTooLong, { path: problem.path, length: problem.length, max: MAX_ARGUMENT_LENGTH });
}

/** What is wrong with the operation's string arguments (a NUL, or over the length bound), or null. */
function badString(value: unknown, where: string): ArgumentProblem | null {
  const pending: [unknown, string][] = [[value, where]];
  for (let seen = 0; pending.length > 0 && seen < 100_000; seen++) {
    const [item, path] = pending.pop()!;
    if (typeof item === "string") {
      if (item.includes(NUL)) return { path, nul: true, length: item.length };
      if (item.length > MAX_ARGUMENT_LENGTH) return { path, nul: false, length: item.length };
    } else if (item && typeof item === "object") {
      for (const [key, inner] of Object.entries(item)) pending.push([inner, Array.isArray(item) ? path : `${path}.${key}`]);
    }
  }
  return null;
}

function literal(node: ValueNode): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.LIST) return node.values.map(literal);
  if (node.kind === Kind.OBJECT) return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
  return undefined;
}

interface ArgumentUses {
  /** What is wrong with the document's own literals, if anything (cached with the document: facts, not words). */
  literalProblem: ArgumentProblem | null;
  /** Variables passed to checked arguments, with the argument each is passed to. */
  variables: Map<string, string>;
}

const argumentUses = new WeakMap<DocumentNode, ArgumentUses>();

/** The document's literal arguments checked, and its variables found, once per parsed document. */
function usesOf(schema: GraphQLSchema, document: DocumentNode): ArgumentUses {
  const cached = argumentUses.get(document);
  if (cached) return cached;
  const typeInfo = new TypeInfo(schema);
  const uses: ArgumentUses = { literalProblem: null, variables: new Map() };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && LONG_TEXT_FIELDS.has(`${parent.name}.${node.name.value}`)) return false;
        return undefined;
      },
      Argument(node) {
        const where = node.name.value;
        const walk = (v: ValueNode): unknown => {
          if (v.kind === Kind.VARIABLE) {
            if (!uses.variables.has(v.name.value)) uses.variables.set(v.name.value, where);
            return undefined;
          }
          if (v.kind === Kind.LIST) return v.values.map(walk);
          if (v.kind === Kind.OBJECT) return Object.fromEntries(v.fields.map((f) => [f.name.value, walk(f.value)]));
          return literal(v);
        };
        uses.literalProblem ??= badString(walk(node.value), where);
        return false;
      },
    }),
  );
  argumentUses.set(document, uses);
  return uses;
}

/** Checks every argument the operation passes (literal or variable) before anything is read or recorded. */
function checkArguments(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): string | null {
  const uses = usesOf(schema, document);
  if (uses.literalProblem) return sayProblem(uses.literalProblem);
  for (const [name, where] of uses.variables) {
    const problem = badString(variables?.[name], `${where} ($${name})`);
    if (problem) return sayProblem(problem);
  }
  return null;
}

export function accessPlugin(gateway: Source, maxCost: number): ApolloServerPlugin<AccessContext> {
  return {
    async requestDidStart() {
      let refusal: Refusal | null = null;
      return {
        async didResolveOperation({ schema, document, operationName, contextValue, request }) {
          // Before anything is read or recorded: no source or the audit trail holds a NUL, and no argument is unbounded.
          const badArgument = checkArguments(schema, document, request.variables);
          if (badArgument) {
            refusal = {
              status: 400,
              errors: [{ message: say(M.invalidArgument, { problem: badArgument }), extensions: { code: "INVALID_ARGUMENT" } }],
            };
            return;
          }
          const tooCostly = costRefusal(schema, document, operationName, request.variables, maxCost);
          if (tooCostly) {
            refusal = { status: 400, errors: [{ message: tooCostly.message, extensions: tooCostly.extensions }] };
            return;
          }
          const uses = analyzeOperation(schema, document, operationName);
          contextValue.access.uses = uses;
          refusal = checkAccess(uses, contextValue.access.client, contextValue.access.purpose);
        },
        async responseForOperation() {
          if (!refusal) return null;
          const headers = new HeaderMap();
          const code = refusal.errors[0]?.extensions?.code as ErrorCode | undefined;
          if (code) for (const [name, value] of Object.entries(refusalHeaders(refusal.status, code))) headers.set(name, value);
          return { http: { status: refusal.status, headers }, body: { kind: "single", singleResult: { errors: refusal.errors } } };
        },
        async willSendResponse({ contextValue, response }) {
          const access = contextValue?.access;
          if (!access || refusal) return;
          const entries = access.entries();
          if (entries.length === 0) return;
          try {
            await writeAudit(
              gateway,
              { requestId: contextValue.request.id, clientId: access.client?.id ?? "anonymous", purpose: access.purpose },
              entries,
            );
          } catch (error) {
            logger.error({ requestId: contextValue.request.id, err: error }, "audit trail write failed; answer withheld");
            response.http.status = 503;
            response.body = {
              kind: "single",
              singleResult: {
                errors: [
                  {
                    message: say(M.auditUnavailable),
                    extensions: { code: "AUDIT_UNAVAILABLE" },
                  },
                ],
              },
            };
          }
        },
      };
    },
  };
}
