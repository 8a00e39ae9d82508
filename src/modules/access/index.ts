/**
 * The access boundary: clients and grants, purpose, the one policy that decides every personal read, the audit
 * trail (written before an answer leaves) and the citizen's access log. Its door: the directives other modules
 * declare access with, the plugin and limits the HTTP front installs, the client store, and the resolvers.
 */
export { analyzeOperation, reachableDefinitions } from "./analyze.js";
export {
  CITIZEN_CLIENT_ID,
  type Client,
  ClientStore,
  type Grant,
  keylessClient,
  ownerRole,
  PROCEDURE_CODE,
  SYSTEM_CLIENT_ID,
  validateGrant,
} from "./clients.js";
export { ConsentStore } from "./consent.js";
export { MAX_COST_NODES, costError, operationCost } from "./cost.js";
export { DEMO_CITIZEN_KEY, DEMO_ORGANIZATION_KEY, DEMO_PURPOSE, type DemoClients, assertNoDemoClients, ensureDemoClients } from "./demo.js";
export {
  Access,
  GraphQLDataClass,
  GraphQLDataSource,
  GraphQLSubjectKind,
  DataSource,
  type DataSourceName,
  SubjectArgument,
  SubjectKey,
  accessDirective,
  subjectDirective,
  typeAccess,
} from "./directive.js";
export { instrumentAccess } from "./instrument.js";
export { DEFAULT_LIMITS, RateLimits, noIntrospection, queryLimitProtection, routerQueryLimits } from "./limits.js";
export { costRefusal } from "./cost.js";
export { accessPlugin } from "./plugin.js";
export { REFUSAL_STATUS, checkAccess, checkDeclaredPurpose, checkNodeAccess, checkProcedureUse, refusalHeaders } from "./policy.js";
export { type AuditAction, PURPOSE_CASE_HEADER, PURPOSE_PROCEDURE_HEADER, type Purpose, RequestAccess, parsePurpose } from "./request.js";
export { AccessGrantResolver, AccessLogEntryResolver, AccessResolver } from "./resolvers.js";
export { ConsentResolver } from "./consent-resolvers.js";
export { type Subject, type SubjectKind, sameSubject, shown, subjectKey } from "./subjects.js";
export { clients, gatewaySecrets } from "./tables.js";
export { type AccessContext } from "./context.js";
export { AccessLogStore, type CheckpointRow } from "./log.js";
export { type SigningKey, publicKeyFrom, resolveSigningKey } from "./checkpoint.js";
export { PROOF_FORMAT, PROOF_FORMATS, type ProofDocument, verifyProof } from "./proof.js";
export { AuditSealer } from "./sealer.js";
