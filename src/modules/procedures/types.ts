/** GraphQL types of the procedure catalogue, dossier evaluation and verification answers. */
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { listOf } from "../../shared/cost.js";
import { DataSource } from "../access/index.js";
import { Node } from "../../shared/node.js";
import { DateTimeScalar, PersonalIdScalar, TaxCodeScalar } from "../../shared/scalars.js";
import {
  ApplicantKind,
  ComponentKind,
  ComponentStatus,
  ComponentStatusReason,
  DataRule,
  DocumentReason,
  DossierStatus,
  ProcedureLevel,
  ProcedureSubjectKind,
  SubjectRole,
} from "./enums.js";

export * from "./enums.js";

@ObjectType({ description: "A party or object a procedure is about, besides the applicant." })
export class ProcedureSubject {
  @Field(() => SubjectRole, { description: "Role: the field of DossierSubjectsInput that names it." })
  role!: SubjectRole;

  @Field(() => ProcedureSubjectKind, { description: "What identifies it: a personal id, a parcel id or a tax code." })
  kind!: ProcedureSubjectKind;

  @Field(() => String, { description: "What it is in this procedure." })
  description!: string;
}

@ObjectType({ implements: Node, description: "A dossier component (thành phần hồ sơ) of a procedure." })
export class ProcedureComponent {
  @Field(() => String, {
    description:
      "The component's id within its procedure, e.g. death-notice (until 0.2.0 this was `id`, which repeats across procedures); the audit trail names components by it.",
  })
  key!: string;

  /** The procedure the component belongs to: with `key`, what makes it unique. */
  procedureCode!: string;

  @Field(() => String, { description: "Name as on the National Public Service Portal." })
  name!: string;

  @Field(() => ComponentKind, { description: "Replaceable by data, or document only." })
  kind!: ComponentKind;

  @Field(() => DataRule, { nullable: true, description: "For a data component: the rule that answers it." })
  rule!: DataRule | null;

  @Field(() => String, { nullable: true, description: "For a data component: what the rule establishes." })
  ruleDescription!: string | null;

  // FAMILY_HOLDS_PARCEL reads two sources; every other rule one (rules.ts).
  @Field(() => [String], {
    complexity: listOf(2),
    description: "Sources the rule reads, in lower case (population, land, business); empty for a document.",
    deprecationReason: "Use `dataSources` (the DataSource enum; same sources, upper-case names).",
  })
  sources!: string[];

  @Field(() => [DataSource], { complexity: listOf(2), description: "Sources the rule reads; empty for a document." })
  dataSources!: DataSource[];

  @Field(() => DocumentReason, { nullable: true, description: "For a document: why no database replaces it." })
  reason!: DocumentReason | null;

  @Field(() => String, { description: "What the data replaces, or why the document is needed." })
  note!: string;
}

@ObjectType({ implements: Node, description: "An administrative procedure (thủ tục hành chính) from the National Public Service Portal." })
export class Procedure {
  @Field(() => ID, { description: "Portal code, e.g. 1.001193." })
  code!: string;

  @Field(() => String, { description: "Name (tên thủ tục)." })
  name!: string;

  @Field(() => String, { description: "Name in English." })
  nameEn!: string;

  @Field(() => ProcedureLevel, { description: "Where it is filed." })
  level!: ProcedureLevel;

  @Field(() => String, { description: "Field (lĩnh vực), e.g. Hộ tịch." })
  field!: string;

  @Field(() => String, { description: "Decision that published it (số quyết định)." })
  decision!: string;

  @Field(() => String, { description: "Its page on the National Public Service Portal." })
  url!: string;

  // The catalogue keeps at most five laws and decrees a procedure (seeds/procedures/catalogue.json).
  @Field(() => [String], { complexity: listOf(5), description: "Legal basis (căn cứ pháp lý): the main laws and decrees." })
  legalBasis!: string[];

  @Field(() => ApplicantKind, { description: "Who files: a citizen or an enterprise." })
  applicant!: ApplicantKind;

  // At most 2 in the catalogue (seeds/procedures/catalogue.json).
  @Field(() => [ProcedureSubject], {
    complexity: listOf(2),
    description: "What else a dossier names (a child, a parcel, an enterprise, …).",
  })
  subjects!: ProcedureSubject[];

  // The longest procedure, first land registration (1.013978), has 10 (seeds/procedures/catalogue.json).
  @Field(() => [ProcedureComponent], { complexity: listOf(10), description: "Dossier components, in the portal's order." })
  components!: ProcedureComponent[];

  @Field(() => Int, { description: "Number of components." })
  componentCount!: number;

  @Field(() => Int, { description: "Components replaceable by data." })
  replaceableCount!: number;

  @Field(() => Float, { description: "Share of components replaceable by data, 0–1." })
  replaceableShare!: number;
}

@ObjectType({
  description:
    "Figures for one procedure, or for the whole catalogue: components replaceable by data, and over submitted dossiers, the paper saved.",
})
export class ProcedureFigures {
  @Field(() => String, { nullable: true, description: "Procedure code; null for the catalogue-wide line." })
  code!: string | null;

  @Field(() => String, { description: 'Procedure name, or "All procedures".' })
  name!: string;

  @Field(() => Int, { description: "Procedures counted (1 for a procedure's line)." })
  procedures!: number;

  @Field(() => Int, { description: "Dossier components in the catalogue." })
  components!: number;

  @Field(() => Int, { description: "Of which replaceable by data." })
  replaceable!: number;

  @Field(() => Float, { description: "Share replaceable, 0–1." })
  share!: number;

  @Field(() => Int, { description: "Dossiers submitted." })
  dossiers!: number;

  @Field(() => Int, { description: "Components in submitted dossiers answered from data: paper not asked for." })
  fulfilledByData!: number;

  @Field(() => Int, { description: "Documents still asked for in submitted dossiers." })
  documentsRequested!: number;

  @Field(() => Int, { description: "Components whose check failed in submitted dossiers." })
  failedChecks!: number;
}

@ObjectType({ description: "Per procedure and overall figures of the catalogue and of submitted dossiers." })
export class ProcedureReport {
  // The 34 procedures of seeds/procedures/catalogue.json.
  @Field(() => [ProcedureFigures], { complexity: listOf(34), description: "One line per procedure, by code." })
  procedures!: ProcedureFigures[];

  @Field(() => ProcedureFigures, { description: "The catalogue as a whole." })
  overall!: ProcedureFigures;
}

@InputType({ description: "Who files the dossier: a citizen (personalId) or an enterprise (enterpriseCode), exactly one (a oneOf input)." })
@Directive("@oneOf")
export class ApplicantInput {
  @Field(() => PersonalIdScalar, { nullable: true, description: "The applicant citizen's personal identification number." })
  personalId?: string;

  @Field(() => TaxCodeScalar, { nullable: true, description: "The applicant enterprise's code (tax code)." })
  enterpriseCode?: string;
}

@InputType({ description: "What the dossier is about, besides the applicant; the procedure's `subjects` say which it takes." })
export class DossierSubjectsInput {
  @Field(() => PersonalIdScalar, { nullable: true, description: "A child (birth registration, parent–child relation)." })
  child?: string;

  @Field(() => PersonalIdScalar, { nullable: true, description: "The other party to a marriage." })
  spouse?: string;

  @Field(() => PersonalIdScalar, { nullable: true, description: "The deceased person (death registration)." })
  deceased?: string;

  @Field(() => PersonalIdScalar, { nullable: true, description: "The transferee of a land-use right." })
  buyer?: string;

  @Field(() => String, { nullable: true, description: "A land parcel: <commune code>-<map sheet>-<parcel number>." })
  parcel?: string;

  @Field(() => TaxCodeScalar, { nullable: true, description: "An enterprise (its code)." })
  enterprise?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A land-use right certificate serial (e.g. "AB 123456"); stands for its parcel, and must be the certificate in force.',
  })
  certificate?: string;
}

@InputType({ description: "A dossier: the procedure, the applicant and the subjects." })
export class DossierInput {
  @Field(() => String, { description: "Procedure code, e.g. 1.001193." })
  procedureCode!: string;

  @Field(() => ApplicantInput, { description: "Who files." })
  applicant!: ApplicantInput;

  @Field(() => DossierSubjectsInput, { nullable: true, description: "What the dossier is about." })
  subjects?: DossierSubjectsInput;
}

@ObjectType({ description: "A fact used to answer a component, with its source record." })
export class EvidenceFact {
  @Field(() => String, {
    description: "Source, in lower case: population, land or business.",
    deprecationReason: "Use `dataSource` (the DataSource enum; same source, upper-case name).",
  })
  source!: string;

  // dataSource: a field resolver (resolvers.ts), from `source`.

  @Field(() => String, { description: 'The record, e.g. "citizen 001085012345" or "parcel 00004-12-345".' })
  record!: string;

  @Field(() => String, { description: "The fact's name, e.g. dateOfBirth, status, openMortgages." })
  fact!: string;

  @Field(() => String, { description: "Its value." })
  value!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the source last changed the record." })
  recordUpdatedAt!: Date | null;
}

@ObjectType({ description: "How one component of a dossier was answered." })
export class DossierComponentResult {
  @Field(() => ProcedureComponent, { description: "The component." })
  component!: ProcedureComponent;

  @Field(() => ComponentStatus, {
    description: "Fulfilled by data, document needed, a failed check, or not evaluated (a source was unavailable).",
  })
  status!: ComponentStatus;

  @Field(() => ComponentStatusReason, {
    nullable: true,
    description:
      "Why it was not answered from data: for NEEDS_DOCUMENT, DOCUMENT_ONLY or DATA_NOT_FOUND; for NOT_EVALUATED, SOURCE_UNAVAILABLE; null otherwise.",
  })
  reason!: ComponentStatusReason | null;

  @Field(() => String, {
    nullable: true,
    description: "What a clerk or the applicant should know: the failed rule, the missing record, or why the document is needed.",
  })
  message!: string | null;

  // The most any rule cites is 5: SPOUSE_SINGLE's name and marital status with the 3 facts of its age check (rules.ts).
  @Field(() => [EvidenceFact], { complexity: listOf(5), description: "The facts used, only those the component needs." })
  evidence!: EvidenceFact[];

  @Field(() => Boolean, {
    description:
      "True when the component still needs its document because its data is missing and a data-correction request for it is open with the source: once the source corrects it, reevaluateDossier answers it from data. Always false in a preview.",
  })
  awaitingCorrection!: boolean;
}

@ObjectType({ description: "A dossier answered against shared data: a preview (evaluateDossier) or a stored dossier." })
export class DossierEvaluation {
  @Field(() => Procedure, { description: "The procedure." })
  procedure!: Procedure;

  @Field(() => DossierStatus, { description: "The state following from the components." })
  status!: DossierStatus;

  // As many as the procedure's components: at most 10 (seeds/procedures/catalogue.json).
  @Field(() => [DossierComponentResult], { complexity: listOf(10), description: "Every component, in the procedure's order." })
  components!: DossierComponentResult[];

  @Field(() => Int, { description: "Components answered from data." })
  fulfilledByData!: number;

  @Field(() => Int, { description: "Documents to bring." })
  documentsRequested!: number;

  @Field(() => Int, { description: "Failed checks." })
  failedChecks!: number;

  @Field(() => Int, { description: "Components waiting on an open data-correction request (`awaitingCorrection`); 0 in a preview." })
  awaitingCorrection!: number;
}

@ObjectType({ description: "A subject a dossier names besides its applicant, as its reader may see it." })
export class DossierSubject {
  @Field(() => SubjectRole, { description: "The subject's role in the procedure." })
  role!: SubjectRole;

  @Field(() => ProcedureSubjectKind, { description: "What identifies it: a personal id, a parcel id or a tax code." })
  kind!: ProcedureSubjectKind;

  @Field(() => String, { nullable: true, description: "Its id (personal id, parcel id or tax code); null when withheld from this reader." })
  id!: string | null;

  @Field(() => Boolean, {
    description: "True when the id is withheld: a citizen client sees other people named in its dossier by role only.",
  })
  withheld!: boolean;
}

@ObjectType({ implements: Node, description: "A submitted dossier (hồ sơ), stored by the gateway." })
export class Dossier extends DossierEvaluation {
  @Field(() => String, {
    description:
      "Dossier id, e.g. HS-20261123-1A2B3C4D5E6F: what `dossier(id:)` and the X-Purpose-Case header take (until 0.2.0 this was `id`).",
  })
  dossierId!: string;

  @Field(() => ApplicantKind, { description: "Whether a citizen or an enterprise filed it." })
  applicantKind!: ApplicantKind;

  @Field(() => String, {
    description: "The applicant's personal id or enterprise code.",
    deprecationReason: "Use `applicantPersonalId` or `applicantEnterpriseCode`, typed with the national scalars.",
  })
  applicantId!: string;

  @Field(() => PersonalIdScalar, {
    nullable: true,
    description: "The applicant citizen's personal identification number; null for an enterprise.",
  })
  applicantPersonalId!: string | null;

  @Field(() => TaxCodeScalar, { nullable: true, description: "The applicant enterprise's code (tax code); null for a citizen." })
  applicantEnterpriseCode!: string | null;

  // A procedure names at most two subjects besides its applicant (the catalogue; Procedure.subjects).
  @Field(() => [DossierSubject], {
    complexity: listOf(2),
    description: "The subjects named besides the applicant, by role; a citizen client sees other people's ids withheld.",
  })
  subjects!: DossierSubject[];

  @Field(() => String, {
    description: 'The subjects named, as JSON (role → id; another person\'s id is "[withheld]" to a citizen client).',
    deprecationReason: "Use `subjects`, typed (role, kind, id, withheld).",
  })
  subjectsJson!: string;

  @Field(() => DateTimeScalar, { description: "When it was submitted." })
  submittedAt!: Date;

  @Field(() => String, { description: "The client that submitted it." })
  clientId!: string;
}

@ObjectType({ description: "The result of submitDossier." })
export class SubmitDossierResult {
  @Field(() => Dossier, { description: "The stored dossier." })
  dossier!: Dossier;

  @Field(() => Boolean, {
    description:
      "True when this idempotency key had already been used with the same request: the stored dossier is returned, none is added.",
  })
  replayed!: boolean;
}

@ObjectType({ description: "A yes-or-no answer from a source, with no personal fields (data minimisation)." })
export class Verification {
  @Field(() => Boolean, { description: "The answer." })
  answer!: boolean;

  @Field(() => String, { description: "The question answered, in words." })
  question!: string;

  @Field(() => String, {
    description: "The source that answered, in lower case: population, land or business.",
    deprecationReason: "Use `dataSource` (the DataSource enum; same source, upper-case name).",
  })
  source!: string;

  @Field(() => DataSource, { description: "The source that answered." })
  dataSource!: DataSource;

  @Field(() => DateTimeScalar, { description: "When the gateway asked." })
  checkedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the source last changed the record; null when there is no record." })
  recordUpdatedAt!: Date | null;
}
