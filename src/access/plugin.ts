/**
 * Access control and audit as one Apollo plugin: once the operation is known (and its cost with the request's
 * page sizes is within the limit), its `@access` fields are checked
 * against the client's grants and purpose (a refusal runs nothing); once it has run, the request's audit rows are
 * written in one statement before the answer leaves. If they cannot be written, the answer is withheld.
 */
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context.js";
import type { Source } from "../db/source.js";
import { logger } from "../logger.js";
import { analyzeOperation } from "./analyze.js";
import { writeAudit } from "./audit.js";
import { costRefusal } from "./cost.js";
import { checkAccess, type Refusal } from "./policy.js";

export function accessPlugin(gateway: Source, maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let refusal: Refusal | null = null;
      return {
        async didResolveOperation({ schema, document, operationName, contextValue, request }) {
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
          if (refusal.status === 401) headers.set("www-authenticate", 'Bearer realm="ndaf-gateway"');
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
