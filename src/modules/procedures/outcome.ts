/** What evaluating a dossier gives: each component's status and reason, the dossier's status, and their counts. */
import type { DataSourceName, Subject } from "../access/index.js";
import type { CatalogueComponent, CatalogueProcedure } from "./catalogue.js";
import type { DossierRequest } from "./request.js";
import type { Evidence } from "./rules.js";

export type ComponentStatus = "FULFILLED_BY_DATA" | "NEEDS_DOCUMENT" | "FAILED_CHECK" | "NOT_EVALUATED";
export type DossierStatus = "READY" | "NEEDS_DOCUMENTS" | "BLOCKED" | "INCOMPLETE";
export interface ComponentResult {
  component: CatalogueComponent;
  status: ComponentStatus;
  /** DOCUMENT_ONLY for a component no database replaces; DATA_NOT_FOUND when its data was missing. */
  reason: "DOCUMENT_ONLY" | "DATA_NOT_FOUND" | "SOURCE_UNAVAILABLE" | null;
  message: string | null;
  evidence: Evidence[];
  correction?: { source: DataSourceName; subjectKind: string; subjectId: string };
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
