import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { DataSource } from "../access/index.js";
import type { DataSourceName } from "../../platform/config.js";
import { foldName } from "../../shared/codes.js";
import { listOf } from "../../shared/cost.js";
import { connectionType, mapNodes, pagedConnection } from "../../shared/pagination.js";
import { PersonalIdScalar, TaxCodeScalar } from "../../shared/scalars.js";
import {
  type CatalogueComponent,
  type CatalogueProcedure,
  noteOf,
  replaceableShare,
  restateNote,
  subjectDescriptionOf,
} from "./catalogue.js";
import { disclose, visibleSubjects, WITHHELD } from "./disclosure.js";
import { type Evidence, ruleDescription, RULES, type SubjectRole } from "./rules.js";
import type { ProceduresContext } from "./context.js";
import { dossierComponentsOf, findDossier, listDossiers, reevaluate, submit } from "./dossiers.js";
import { evaluate, purposeOf } from "./evaluation.js";
import { type ComponentResult, tally } from "./outcome.js";
import { procedureReport } from "./report.js";
import { aboutOf, partiesOf, toRequest } from "./request.js";
import type { DossierRow } from "./tables.js";
import { restate } from "./messages.js";
import {
  type ComponentStatus,
  Dossier,
  DossierEvaluation,
  DossierInput,
  type DossierStatus,
  EvidenceFact,
  Procedure,
  ProcedureComponent,
  ProcedureLevel,
  ProcedureReport,
  SubmitDossierResult,
} from "./types.js";

export function toComponent(c: CatalogueComponent, procedureCode: string): ProcedureComponent {
  const rule = c.kind === "DATA" && c.rule ? RULES[c.rule] : undefined;
  const sources: DataSourceName[] = rule ? [...rule.sources] : [];
  return {
    key: c.id,
    procedureCode,
    name: c.name,
    kind: c.kind,
    rule: c.rule ?? null,
    ruleDescription: rule ? ruleDescription(rule) : null,
    sources,
    dataSources: sources,
    reason: c.reason ?? null,
    note: noteOf(c),
  };
}

export function toProcedure(p: CatalogueProcedure): Procedure {
  const replaceable = p.components.filter((c) => c.kind === "DATA").length;
  return {
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    level: p.level,
    field: p.field,
    decision: p.decision,
    url: p.url,
    legalBasis: p.legalBasis,
    applicant: p.applicant,
    subjects: p.subjects.map(({ role, kind, ...s }) => ({ role, kind, description: subjectDescriptionOf(s) })),
    components: p.components.map((c) => toComponent(c, p.code)),
    componentCount: p.components.length,
    replaceableCount: replaceable,
    replaceableShare: replaceableShare(p.components.length, replaceable),
  };
}

function toResult(c: ComponentResult, procedureCode: string) {
  return {
    component: toComponent(c.component, procedureCode),
    status: c.status,
    reason: c.reason,
    message: c.message,
    evidence: c.evidence,
    awaitingCorrection: false,
  };
}

/** A stored dossier as its reader may see it (see disclosure.ts), with the trail of what it shows about whom. */
async function toDossier(ctx: ProceduresContext, row: DossierRow): Promise<Dossier> {
  const procedure = ctx.gateway.procedures.get(row.procedureCode)!;
  const byId = new Map(procedure.components.map((c) => [c.id, c]));
  const stored = await dossierComponentsOf(ctx, row.id);
  const request = {
    applicant: { kind: row.applicantKind as "CITIZEN" | "ENTERPRISE", id: row.applicantId },
    subjects: row.subjects as Partial<Record<SubjectRole, string>>,
  };
  const parties = partiesOf(procedure, request);
  const all = stored.map((c) => {
    const catalogued = byId.get(c.componentId);
    const evidence = (c.evidence as Evidence[]).map((e) => ({
      ...e,
      recordUpdatedAt: e.recordUpdatedAt ? new Date(e.recordUpdatedAt) : null,
    }));
    return {
      component: catalogued ?? { id: c.componentId, name: c.componentId, kind: "DOCUMENT" as const, note: "", noteVi: "" },
      status: c.status,
      reason: c.reason,
      // Stored in the submitter's language (the record), said in the reader's: a document's note from the catalogue
      // (catalogue.ts restateNote), an outcome message from its template (messages.ts restate).
      message: c.reason === "DOCUMENT_ONLY" && catalogued ? restateNote(c.message, catalogued) : restate(c.message),
      evidence,
      about: catalogued?.kind === "DATA" ? aboutOf(procedure, request, catalogued.rule, evidence) : [],
      awaitingCorrection: c.correctionOpen && c.status === "NEEDS_DOCUMENT",
    };
  });
  const { components: shown, reads } = disclose(ctx.access.client, parties, all);
  ctx.access.recordAction("DOSSIER_READ", reads, purposeOf(ctx, row.procedureCode, row.id));
  const components = shown.map((c) => ({
    component: toComponent(c.component, procedure.code),
    status: c.status as ComponentStatus,
    reason: c.reason as ComponentResult["reason"],
    message: c.message,
    evidence: c.evidence,
    awaitingCorrection: c.awaitingCorrection,
  }));
  const applicantKind = row.applicantKind as Dossier["applicantKind"];
  const visible = visibleSubjects(ctx.access.client, parties);
  return {
    dossierId: row.id,
    procedure: toProcedure(procedure),
    status: row.status as DossierStatus,
    components,
    ...tally(components),
    awaitingCorrection: components.filter((c) => c.awaitingCorrection).length,
    applicantKind,
    applicantId: row.applicantId,
    applicantPersonalId: applicantKind === "CITIZEN" ? row.applicantId : null,
    applicantEnterpriseCode: applicantKind === "ENTERPRISE" ? row.applicantId : null,
    subjects: visible.map(({ role, kind, id }) => ({ role, kind, id, withheld: id === null })),
    subjectsJson: JSON.stringify(Object.fromEntries(visible.map(({ role, id }) => [role, id ?? WITHHELD]))),
    submittedAt: row.submittedAt,
    clientId: row.clientId,
  };
}

/** A stored dossier by id, with the checks and trail of `dossier(id:)`; null when the client may not see it or there is none. */
export async function loadDossier(ctx: ProceduresContext, id: string): Promise<Dossier | null> {
  const row = await findDossier(ctx, ctx.gateway.procedures, id);
  return row ? toDossier(ctx, row) : null;
}

export const DossierConnection = connectionType(Dossier, "Dossier", "dossier");

@Resolver()
export class ProcedureResolver {
  // The 34 procedures of seeds/procedures/catalogue.json.
  @Query(() => [Procedure], {
    complexity: listOf(34),
    description:
      "The procedure catalogue, by code; public reference data. `search` matches a phrase of the name (Vietnamese or English) with or without diacritics, or a code prefix.",
  })
  procedures(
    @Ctx() ctx: ProceduresContext,
    @Arg("search", () => String, {
      nullable: true,
      description: 'A phrase of the name, Vietnamese or English, with or without diacritics ("dang ky khai sinh"), or a code prefix.',
    })
    search?: string,
    @Arg("level", () => ProcedureLevel, { nullable: true, description: "Only procedures filed at this level." }) level?: ProcedureLevel,
    @Arg("field", () => String, { nullable: true, description: "Only procedures of this field (lĩnh vực), e.g. Hộ tịch." }) field?: string,
  ): Procedure[] {
    // The words as a phrase, in the Vietnamese or the English name ("khai sinh" is not "phát sinh … khai thác").
    const phrase = search ? foldName(search).split(/\s+/).filter(Boolean).join(" ") : "";
    return ctx.gateway.procedures.procedures
      .filter((p) => !level || p.level === level)
      .filter((p) => !field || foldName(p.field) === foldName(field))
      .filter(
        (p) => !phrase || p.code.startsWith(search!.trim()) || foldName(p.name).includes(phrase) || foldName(p.nameEn).includes(phrase),
      )
      .map(toProcedure);
  }

  @Query(() => Procedure, { nullable: true, description: "A procedure by its portal code; null when the catalogue has none." })
  procedure(
    @Ctx() ctx: ProceduresContext,
    @Arg("code", () => String, { description: "Portal code, e.g. 1.001193." }) code: string,
  ): Procedure | null {
    const p = ctx.gateway.procedures.get(code.trim());
    return p ? toProcedure(p) : null;
  }

  @Query(() => ProcedureReport, {
    nullable: true,
    description:
      "Per procedure and overall: components, replaceable components and share; over submitted dossiers, what data answered and the documents still asked for.",
  })
  async procedureReport(@Ctx() ctx: ProceduresContext): Promise<ProcedureReport> {
    return procedureReport(ctx.gateway.procedures, await ctx.gateway.dossiers.totals());
  }

  @Query(() => DossierEvaluation, {
    nullable: true,
    description:
      "Answers a dossier's components from shared data without storing anything (a preview): each is fulfilled by data with its evidence, needs a document (and why), or fails a check. Needs a grant for the sources the procedure reads, under that procedure.",
  })
  async evaluateDossier(
    @Ctx() ctx: ProceduresContext,
    @Arg("input", () => DossierInput, { description: "The dossier." }) input: DossierInput,
  ): Promise<DossierEvaluation> {
    const evaluation = await evaluate(ctx, ctx.gateway.procedures, toRequest(input), "DOSSIER_EVALUATE");
    const components = evaluation.components.map((c) => toResult(c, evaluation.procedure.code));
    return {
      procedure: toProcedure(evaluation.procedure),
      status: evaluation.status,
      components,
      ...tally(components),
      awaitingCorrection: 0,
    };
  }

  @Mutation(() => SubmitDossierResult, {
    description:
      "Evaluates and stores a dossier; records a data-correction request against a source for every record found missing. A retry with the same idempotency key returns the same dossier; the key with a different request is refused (IDEMPOTENCY_CONFLICT).",
  })
  async submitDossier(
    @Ctx() ctx: ProceduresContext,
    @Arg("input", () => DossierInput, { description: "The dossier." }) input: DossierInput,
    @Arg("idempotencyKey", () => String, { description: "A key unique to this dossier for the client (8–100 characters; a UUID)." })
    idempotencyKey: string,
  ): Promise<SubmitDossierResult> {
    const { dossier, replayed } = await submit(ctx, ctx.gateway.procedures, toRequest(input), idempotencyKey);
    return { dossier: await toDossier(ctx, dossier), replayed };
  }

  @Mutation(() => Dossier, {
    nullable: true,
    description:
      "Evaluates a stored dossier again against the sources' current data — after a data-correction request was resolved, say — and stores its new components and status: a component whose data is now present is answered from data, one still missing keeps asking for the document (and raises a correction request unless one is open or was rejected). Under the checks of `dossier(id:)` and `submitDossier`: the dossier's procedure as purpose and its grants, or the applicant citizen. Null when the client may not see the dossier or there is none.",
  })
  async reevaluateDossier(
    @Ctx() ctx: ProceduresContext,
    @Arg("id", () => ID, { description: "Dossier id (`dossierId`)." }) id: string,
  ): Promise<Dossier | null> {
    const row = await reevaluate(ctx, ctx.gateway.procedures, id);
    return row ? toDossier(ctx, row) : null;
  }

  @Query(() => Dossier, {
    nullable: true,
    description:
      "A dossier by id, with its components and evidence; visible to the client that submitted it, and to the applicant citizen.",
  })
  dossier(
    @Ctx() ctx: ProceduresContext,
    @Arg("id", () => ID, { description: "Dossier id (`dossierId`, e.g. HS-20261123-1A2B3C4D5E6F)." }) id: string,
  ): Promise<Dossier | null> {
    return loadDossier(ctx, id);
  }

  @Query(() => DossierConnection, {
    nullable: true,
    complexity: pagedConnection,
    description: "Dossiers visible to the client (its own submissions; a citizen's own), by id, filtered by applicant or procedure.",
  })
  async dossiers(
    @Ctx() ctx: ProceduresContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." }) after?: string,
    @Arg("procedureCode", () => String, { nullable: true, description: "Only this procedure." }) procedureCode?: string,
    @Arg("applicantPersonalId", () => PersonalIdScalar, { nullable: true, description: "Only this citizen's dossiers." })
    applicantPersonalId?: string,
    @Arg("applicantEnterpriseCode", () => TaxCodeScalar, { nullable: true, description: "Only this enterprise's dossiers." })
    applicantEnterpriseCode?: string,
  ) {
    const page = await listDossiers(ctx, ctx.gateway.procedures, {
      first,
      after,
      procedureCode,
      applicantPersonalId,
      applicantEnterpriseCode,
    });
    return mapNodes(page, (row) => toDossier(ctx, row));
  }
}

@Resolver(() => EvidenceFact)
export class EvidenceFactResolver {
  @FieldResolver(() => DataSource, { description: "The source the fact comes from." })
  dataSource(@Root() fact: EvidenceFact): DataSource {
    return fact.source as DataSource;
  }
}

export const dossierResolvers = [ProcedureResolver, EvidenceFactResolver] as const;
