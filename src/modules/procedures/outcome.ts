/** What evaluating a dossier gives: each component's status and reason, the dossier's status, and their counts. */
import type { Subject, SubjectKind } from "../access/index.js";
import type { DataSourceName } from "../../platform/config.js";
import type { EnumValue } from "../../shared/enums.js";
import type { CatalogueComponent, CatalogueProcedure } from "./catalogue.js";
import type { DossierRequest } from "./request.js";
import type { Evidence } from "./rules.js";

// How a component and a dossier were answered: each one object, the TS type derived from it, registered by enums.ts
// as the GraphQL enum of the same name.
export const ComponentStatus = {
  FULFILLED_BY_DATA: "FULFILLED_BY_DATA",
  NEEDS_DOCUMENT: "NEEDS_DOCUMENT",
  FAILED_CHECK: "FAILED_CHECK",
  NOT_EVALUATED: "NOT_EVALUATED",
} as const;
export type ComponentStatus = EnumValue<typeof ComponentStatus>;
export const ComponentStatusReason = {
  DOCUMENT_ONLY: "DOCUMENT_ONLY",
  DATA_NOT_FOUND: "DATA_NOT_FOUND",
  SOURCE_UNAVAILABLE: "SOURCE_UNAVAILABLE",
} as const;
export type ComponentStatusReason = EnumValue<typeof ComponentStatusReason>;
export const DossierStatus = { READY: "READY", NEEDS_DOCUMENTS: "NEEDS_DOCUMENTS", BLOCKED: "BLOCKED", INCOMPLETE: "INCOMPLETE" } as const;
export type DossierStatus = EnumValue<typeof DossierStatus>;
export interface ComponentResult {
  component: CatalogueComponent;
  status: ComponentStatus;
  /** DOCUMENT_ONLY for a component no database replaces; DATA_NOT_FOUND when its data was missing. */
  reason: ComponentStatusReason | null;
  message: string | null;
  evidence: Evidence[];
  correction?: { source: DataSourceName; subjectKind: SubjectKind; subjectId: string };
  /** For NOT_EVALUATED: the source that was unavailable. */
  unavailableSource?: string;
  /** Every subject the outcome is about (the applicant, the roles its rule reads, its facts' subjects and mentions). */
  about: Subject[];
}

export interface Evaluation {
  procedure: CatalogueProcedure;
  request: DossierRequest;
  status: DossierStatus;
  components: ComponentResult[];
}

/** Components answered by data, documents asked for, failed checks. */
export function tally(components: readonly { status: string }[]) {
  const count = (status: ComponentStatus) => components.filter((c) => c.status === status).length;
  return { fulfilledByData: count("FULFILLED_BY_DATA"), documentsRequested: count("NEEDS_DOCUMENT"), failedChecks: count("FAILED_CHECK") };
}

export function overallStatus(components: ComponentResult[]): DossierStatus {
  if (components.some((c) => c.status === "FAILED_CHECK")) return "BLOCKED";
  if (components.some((c) => c.status === "NOT_EVALUATED")) return "INCOMPLETE";
  if (components.some((c) => c.status === "NEEDS_DOCUMENT" && c.reason === "DATA_NOT_FOUND")) return "NEEDS_DOCUMENTS";
  return "READY";
}
