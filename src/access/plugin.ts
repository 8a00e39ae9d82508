/**
 * Access control and audit as one Apollo plugin: once the operation is known (and its cost with the request's
 * page sizes is within the limit), its `@access` fields are checked
 * against the client's grants and purpose (a refusal runs nothing); once it has run, the request's audit rows are
 * written in one statement before the answer leaves. If they cannot be written, the answer is withheld.
 */
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, visit } from "graphql";
import type { GatewayContext } from "../context.js";
import type { Source } from "../db/source.js";
import { logger } from "../logger.js";
import { analyzeOperation } from "./analyze.js";
import { writeAudit } from "./audit.js";
import { costRefusal } from "./cost.js";
import type { ErrorCode } from "../shared/errors.js";
import { checkAccess, type Refusal, refusalHeaders } from "./policy.js";

const NUL = "\u0000";
const literalNul = new WeakMap<DocumentNode, boolean>();

/** True when a string in the variables or in the document's literals holds a NUL character. */
function holdsNul(document: DocumentNode, variables: unknown): boolean {
  let inDocument = literalNul.get(document);
  if (inDocument === undefined) {
    inDocument = false;
    visit(document, {
      StringValue(node) {
        if (node.value.includes(NUL)) inDocument = true;
      },
    });
    literalNul.set(document, inDocument);
  }
  if (inDocument) return true;
  const pending: unknown[] = [variables];
  for (let seen = 0; pending.length > 0 && seen < 100_000; seen++) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (value.includes(NUL)) return true;
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

export function accessPlugin(gateway: Source, maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let refusal: Refusal | null = null;
      return {
        async didResolveOperation({ schema, document, operationName, contextValue, request }) {
          // No national source or the audit trail can hold a NUL character: refused before anything is read or recorded.
          if (holdsNul(document, request.variables)) {
            refusal = {
              status: 400,
              errors: [{ message: "A string argument holds a NUL character (U+0000), which no identifier or text of the national sources can contain.", extensions: { code: "INVALID_ARGUMENT" } }],
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
            await writeAudit(gateway, { requestId: contextValue.requestId, clientId: access.client?.id ?? "anonymous", purpose: access.purpose }, entries);
          } catch (error) {
            logger.error({ requestId: contextValue.requestId, err: error }, "audit trail write failed; answer withheld");
            response.http.status = 503;
            response.body = {
              kind: "single",
              singleResult: {
                errors: [
                  {
                    message:
                      "The answer holds personal data and the audit trail could not be written, so it is withheld. Retry later; quote the x-request-id response header when reporting it.",
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
