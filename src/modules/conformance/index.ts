/**
 * Interoperability conformance (the check provincial systems run in their CI): operations, sample records and
 * schemas against the national schema and data standards. Its door: the resolvers, the worker pool, the check and
 * its report formats (the command line uses them).
 */
export { mayHoldDocuments } from "./code-documents.js";
export { FORMATS, type ReportFormat, formatReport, formatRules } from "./formats.js";
export {
  ConformanceInputError,
  type ConformanceInputs,
  type InputFile,
  JsonDocument,
  isCodeFile,
  isOperationsFile,
  isVariablesFile,
} from "./inputs.js";
export { ConformancePool } from "./pool.js";
export { type Report } from "./report.js";
export { conformanceResolvers } from "./resolvers.js";
export { type ConformanceEnvironment, checkConformance } from "./service.js";
export { type SubgraphComposer, type SubgraphComposition } from "./subgraph.js";
export { type ConformanceContext } from "./resolvers.js";
