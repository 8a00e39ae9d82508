/**
 * Dossier evaluation (a preview with no side effects): every component of the procedure is answered from data where
 * a rule can, or asked for as a document, with the reason.
 */
import type { AuditAction, Purpose } from "../access/index.js";
import { todayInVietnam } from "../../platform/dates.js";
import { findGatewayError } from "../../platform/errors.js";
import { type CatalogueProcedure, noteOf, type ProcedureCatalogue } from "./catalogue.js";
import { disclose } from "./disclosure.js";
import { type Evidence, RULES } from "./rules.js";
import { type ProceduresContext, readersOf } from "./context.js";
import { aboutOf, admit, type DossierRequest, partiesOf } from "./request.js";
import { type ComponentResult, type Evaluation, overallStatus } from "./outcome.js";

/**
 * Answers every component as a preview, disclosed as the client may see it; reads run concurrently so their loads
 * share batches. No side effect but the audit rows of what the answer shows, about whom, under the declared case.
 */
export async function evaluate(
  ctx: ProceduresContext,
  catalogue: ProcedureCatalogue,
  request: DossierRequest,
  action: AuditAction,
): Promise<Evaluation> {
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
export async function evaluateAdmitted(
  ctx: ProceduresContext,
  procedure: CatalogueProcedure,
  request: DossierRequest,
): Promise<Evaluation> {
  const today = todayInVietnam();
  const components = await Promise.all(
    procedure.components.map(async (component): Promise<ComponentResult> => {
      if (component.kind === "DOCUMENT") {
        return { component, status: "NEEDS_DOCUMENT", reason: "DOCUMENT_ONLY", message: noteOf(component), evidence: [], about: [] };
      }
      const about = (evidence: Evidence[]) => aboutOf(procedure, request, component.rule, evidence);
      let outcome;
      try {
        outcome = await RULES[component.rule!].check({
          readers: readersOf(ctx),
          applicant: request.applicant,
          subjects: request.subjects,
          today,
        });
      } catch (error) {
        // A source that is down leaves the component open: never fulfilled, never failed, on missing data.
        const unavailable = findGatewayError(error);
        if (unavailable?.code !== "SOURCE_UNAVAILABLE") throw error;
        const source = String(unavailable.extensions.source);
        return {
          component,
          status: "NOT_EVALUATED",
          reason: "SOURCE_UNAVAILABLE",
          message: unavailable.message,
          evidence: [],
          unavailableSource: source,
          about: about([]),
        };
      }
      if (outcome.status === "NEEDS_DOCUMENT") {
        return {
          component,
          status: "NEEDS_DOCUMENT",
          reason: "DATA_NOT_FOUND",
          message: outcome.message,
          evidence: [],
          correction: outcome.correction,
          about: about([]),
        };
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
