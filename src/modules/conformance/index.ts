/** conformance: the module's one door. */
export { mayHoldDocuments } from "./code-documents.js";
export { FORMATS, type ReportFormat, formatReport, formatRules } from "./formats.js";
export { ConformanceInputError, type ConformanceInputs, type InputFile, JsonDocument, isCodeFile, isOperationsFile, isVariablesFile } from "./inputs.js";
export { ConformancePool } from "./pool.js";
export { type ConformanceReport } from "./report.js";
export { conformanceResolvers } from "./resolvers.js";
export { type ConformanceEnvironment, checkConformance } from "./service.js";
