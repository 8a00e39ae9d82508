/** GraphQL types of the procedure catalogue, dossier evaluation and verification answers. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar, PersonalIdScalar, TaxCodeScalar } from "../../shared/scalars.js";

export enum ProcedureLevelEnum {
  COMMUNE = "COMMUNE",
  PROVINCE = "PROVINCE",
  MINISTRY = "MINISTRY",
}
registerEnumType(ProcedureLevelEnum, {
  name: "ProcedureLevel",
  description: "Where the procedure is filed (cấp thực hiện).",
  valuesConfig: {
    COMMUNE: { description: "Commune level (cấp xã)." },
    PROVINCE: { description: "Province level (cấp tỉnh)." },
    MINISTRY: { description: "Ministry level (cấp bộ)." },
  },
});

export enum ComponentKindEnum {
  DATA = "DATA",
  DOCUMENT = "DOCUMENT",
}
registerEnumType(ComponentKindEnum, {
  name: "ComponentKind",
  description: "Whether a dossier component can be replaced by data the state already holds.",
  valuesConfig: {
    DATA: { description: "Replaceable by data: a rule reads the named sources instead of asking for paper." },
    DOCUMENT: { description: "Document only: no national database holds it (a signed form, a medical certificate, …)." },
  },
});

export enum ComponentStatusEnum {
  FULFILLED_BY_DATA = "FULFILLED_BY_DATA",
  NEEDS_DOCUMENT = "NEEDS_DOCUMENT",
  FAILED_CHECK = "FAILED_CHECK",
  NOT_EVALUATED = "NOT_EVALUATED",
}
registerEnumType(ComponentStatusEnum, {
  name: "ComponentStatus",
  description: "How a dossier component was answered.",
  valuesConfig: {
    FULFILLED_BY_DATA: { description: "Answered from shared data; see the evidence. No paper is asked for." },
    NEEDS_DOCUMENT: { description: "The applicant brings the document: it is document-only, or its data was not found (a correction request is raised)." },
    FAILED_CHECK: { description: "The data shows a rule is not met; see the message." },
    NOT_EVALUATED: { description: "A source this component reads was unavailable (reason SOURCE_UNAVAILABLE): neither fulfilled nor failed. Evaluate again later." },
  },
});

export enum DossierStatusEnum {
  READY = "READY",
  NEEDS_DOCUMENTS = "NEEDS_DOCUMENTS",
  BLOCKED = "BLOCKED",
  INCOMPLETE = "INCOMPLETE",
}
registerEnumType(DossierStatusEnum, {
  name: "DossierStatus",
  description: "The dossier's state, following from its components.",
  valuesConfig: {
    READY: { description: "Every data component was answered from data; only document-only components remain to attach." },
    NEEDS_DOCUMENTS: { description: "No check failed, but some data was missing: those documents must be brought." },
    BLOCKED: { description: "At least one check failed; the dossier cannot proceed as it is." },
    INCOMPLETE: { description: "No check failed, but some components could not be evaluated because a source was unavailable; evaluate again later." },
  },
});

@ObjectType({ description: "A party or object a procedure is about, besides the applicant." })
export class ProcedureSubject {
  @Field(() => String, { description: "Role: CHILD, SPOUSE, DECEASED, BUYER, PARCEL or ENTERPRISE (the field of DossierSubjectsInput)." })
  role!: string;

  @Field(() => String, { description: "What identifies it: CITIZEN (personal id), PARCEL (parcel id) or ENTERPRISE (tax code)." })
  kind!: string;

  @Field(() => String, { description: "What it is in this procedure." })
  description!: string;
}

@ObjectType({ description: "A dossier component (thành phần hồ sơ) of a procedure." })
export class ProcedureComponent {
  @Field(() => ID, { description: "Component id within the procedure." })
  id!: string;

  @Field(() => String, { description: "Name as on the National Public Service Portal." })
  name!: string;

  @Field(() => ComponentKindEnum, { description: "Replaceable by data, or document only." })
  kind!: ComponentKindEnum;

  @Field(() => String, { nullable: true, description: "For a data component: the rule that answers it." })
  rule!: string | null;

  @Field(() => String, { nullable: true, description: "For a data component: what the rule establishes." })
  ruleDescription!: string | null;

  @Field(() => [String], { description: "Sources the rule reads (population, land, business); empty for a document." })
  sources!: string[];

  @Field(() => String, { nullable: true, description: "For a document: why no database replaces it (APPLICATION_FORM, SIGNED_AGREEMENT, ISSUED_BY_OTHER_BODY, …)." })
  reason!: string | null;

  @Field(() => String, { description: "What the data replaces, or why the document is needed." })
  note!: string;
}

@ObjectType({ description: "An administrative procedure (thủ tục hành chính) from the National Public Service Portal." })
export class Procedure {
  @Field(() => ID, { description: "Portal code, e.g. 1.001193." })
  code!: string;

  @Field(() => String, { description: "Name (tên thủ tục)." })
  name!: string;

  @Field(() => String, { description: "Name in English." })
  nameEn!: string;

  @Field(() => ProcedureLevelEnum, { description: "Where it is filed." })
  level!: ProcedureLevelEnum;

  @Field(() => String, { description: "Field (lĩnh vực), e.g. Hộ tịch." })
  field!: string;

  @Field(() => String, { description: "Decision that published it (số quyết định)." })
  decision!: string;

  @Field(() => String, { description: "Its page on the National Public Service Portal." })
  url!: string;

  @Field(() => [String], { description: "Legal basis (căn cứ pháp lý): the main laws and decrees." })
  legalBasis!: string[];

  @Field(() => String, { description: "Who files: CITIZEN or ENTERPRISE." })
  applicant!: string;

  @Field(() => [ProcedureSubject], { description: "What else a dossier names (a child, a parcel, an enterprise, …)." })
  subjects!: ProcedureSubject[];

  @Field(() => [ProcedureComponent], { description: "Dossier components, in the portal's order." })
  components!: ProcedureComponent[];

  @Field(() => Int, { description: "Number of components." })
  componentCount!: number;

  @Field(() => Int, { description: "Components replaceable by data." })
  replaceableCount!: number;

  @Field(() => Float, { description: "Share of components replaceable by data, 0–1." })
  replaceableShare!: number;
}

@ObjectType({ description: "Figures for one procedure, or for the whole catalogue: components replaceable by data, and over submitted dossiers, the paper saved." })
export class ProcedureFigures {
  @Field(() => String, { nullable: true, description: "Procedure code; null for the catalogue-wide line." })
  code!: string | null;

  @Field(() => String, { description: "Procedure name, or \"All procedures\"." })
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
  @Field(() => [ProcedureFigures], { description: "One line per procedure, by code." })
  procedures!: ProcedureFigures[];

  @Field(() => ProcedureFigures, { description: "The catalogue as a whole." })
  overall!: ProcedureFigures;
}

@InputType({ description: "Who files the dossier: a citizen (personalId) or an enterprise (enterpriseCode), exactly one." })
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
    description: "A land-use right certificate serial (e.g. \"AB 123456\"); stands for its parcel, and must be the certificate in force.",
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
  @Field(() => String, { description: "Source: population, land or business." })
  source!: string;

  @Field(() => String, { description: "The record, e.g. \"citizen 001085012345\" or \"parcel 00004-12-345\"." })
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

  @Field(() => ComponentStatusEnum, { description: "Fulfilled by data, document needed, a failed check, or not evaluated (a source was unavailable)." })
  status!: ComponentStatusEnum;

  @Field(() => String, { nullable: true, description: "For NEEDS_DOCUMENT: DOCUMENT_ONLY or DATA_NOT_FOUND; for NOT_EVALUATED: SOURCE_UNAVAILABLE." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "What a clerk or the applicant should know: the failed rule, the missing record, or why the document is needed." })
  message!: string | null;

  @Field(() => [EvidenceFact], { description: "The facts used, only those the component needs." })
  evidence!: EvidenceFact[];
}

@ObjectType({ description: "A dossier answered against shared data: a preview (evaluateDossier) or a stored dossier." })
export class DossierEvaluation {
  @Field(() => Procedure, { description: "The procedure." })
  procedure!: Procedure;

  @Field(() => DossierStatusEnum, { description: "The state following from the components." })
  status!: DossierStatusEnum;

  @Field(() => [DossierComponentResult], { description: "Every component, in the procedure's order." })
  components!: DossierComponentResult[];

  @Field(() => Int, { description: "Components answered from data." })
  fulfilledByData!: number;

  @Field(() => Int, { description: "Documents to bring." })
  documentsRequested!: number;

  @Field(() => Int, { description: "Failed checks." })
  failedChecks!: number;
}

@ObjectType({ description: "A submitted dossier (hồ sơ), stored by the gateway." })
export class Dossier extends DossierEvaluation {
  @Field(() => ID, { description: "Dossier id, e.g. HS-20261123-1A2B3C4D5E6F." })
  id!: string;

  @Field(() => String, { description: "CITIZEN or ENTERPRISE." })
  applicantKind!: string;

  @Field(() => String, { description: "The applicant's personal id or enterprise code." })
  applicantId!: string;

  @Field(() => String, { description: "The subjects named, as JSON (role → id)." })
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

  @Field(() => Boolean, { description: "True when this idempotency key had already been used with the same request: the stored dossier is returned, none is added." })
  replayed!: boolean;
}

@ObjectType({ description: "A yes-or-no answer from a source, with no personal fields (data minimisation)." })
export class Verification {
  @Field(() => Boolean, { description: "The answer." })
  answer!: boolean;

  @Field(() => String, { description: "The question answered, in words." })
  question!: string;

  @Field(() => String, { description: "The source that answered: population, land or business." })
  source!: string;

  @Field(() => DateTimeScalar, { description: "When the gateway asked." })
  checkedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the source last changed the record; null when there is no record." })
  recordUpdatedAt!: Date | null;
}
