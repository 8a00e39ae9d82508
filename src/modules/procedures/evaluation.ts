/**
 * Dossier evaluation (a preview with no side effects): every component of the procedure is answered from data where
 * a rule can, or asked for as a document, with the reason.
 */
import type { DataSourceName } from "../access/index.js";
import type { AuditAction, Purpose } from "../access/index.js";
import type { Subject } from "../access/index.js";
import { findGatewayError } from "../../platform/errors.js";
import { type CatalogueComponent, type CatalogueProcedure, type ProcedureCatalogue } from "./catalogue.js";
import { disclose } from "./disclosure.js";
import { type Evidence, RULES } from "./rules.js";
import { type ProceduresContext, readersOf } from "./context.js";
import { aboutOf, admit, type DossierRequest, partiesOf } from "./request.js";

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

/**
 * Answers every component as a preview, disclosed as the client may see it; reads run concurrently so their loads
 * share batches. No side effect but the audit rows of what the answer shows, about whom, under the declared case.
 */
export async function evaluate(ctx: ProceduresContext, catalogue: ProcedureCatalogue, request: DossierRequest, action: AuditAction): Promise<Evaluation> {
  const procedure = await admit(ctx, catalogue, request);
  const evaluation = await evaluateAdmitted(ctx, procedure, request);
  const { components, reads } = disclose(ctx.access.client, partiesOf(procedure, request), evaluation.components);
  ctx.access.recordAction(action, reads, purposeOf(ctx, procedure.code, "PREVIEW"));
  return { ...evaluation, components };
}

/** The declared purpose when there is one (an agency's, checked to be this procedure), else the procedure and `caseId`. */
export function purposeOf(ctx: ProceduresContext, procedure: string, caseId: string): Purpose {
  return ctx.access.purpose ?? { procedure, caseId };
}

/** Components of a dossier already admitted (access and form checked), with everything they found. */
export async function evaluateAdmitted(ctx: ProceduresContext, procedure: CatalogueProcedure, request: DossierRequest): Promise<Evaluation> {
  const today = new Date().toISOString().slice(0, 10);
  const components = await Promise.all(
    procedure.components.map(async (component): Promise<ComponentResult> => {
      if (component.kind === "DOCUMENT") {
        return { component, status: "NEEDS_DOCUMENT", reason: "DOCUMENT_ONLY", message: component.note, evidence: [], about: [] };
      }
      const about = (evidence: Evidence[]) => aboutOf(procedure, request, component.rule, evidence);
      let outcome;
      try {
        outcome = await RULES[component.rule!].check({ readers: readersOf(ctx), applicant: request.applicant, subjects: request.subjects, today });
      } catch (error) {
        // A source that is down leaves the component open: never fulfilled, never failed, on missing data.
        const unavailable = findGatewayError(error);
        if (unavailable?.code !== "SOURCE_UNAVAILABLE") throw error;
        const source = String(unavailable.extensions.source);
        return { component, status: "NOT_EVALUATED", reason: "SOURCE_UNAVAILABLE", message: unavailable.message, evidence: [], unavailableSource: source, about: about([]) };
      }
      if (outcome.status === "NEEDS_DOCUMENT") {
        return { component, status: "NEEDS_DOCUMENT", reason: "DATA_NOT_FOUND", message: outcome.message, evidence: [], correction: outcome.correction, about: about([]) };
      }
      return {
        component,
        status: outcome.status,
        reason: null,
        message: outcome.status === "FAILED_CHECK" ? outcome.message : null,
        evidence: outcome.evidence,
        about: about(outcome.evidence),
      };
    }),
  );

  return { procedure, request, status: overallStatus(components), components };
}
