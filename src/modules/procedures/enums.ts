/**
 * Closed sets of the procedure catalogue and of dossier answers, as GraphQL enums: each registered over the one object
 * the code checks against (catalogue.ts, rules.ts, outcome.ts) or derived from RULES, so the schema cannot name a value
 * the code does not know.
 */
import { registerEnumType } from "type-graphql";
import { enumOf, type EnumValue } from "../../shared/enums.js";
import { ApplicantKind, ComponentKind, DOCUMENT_REASONS, DocumentReason, ProcedureLevel, ProcedureSubjectKind } from "./catalogue.js";
import { ruleDescription, RULES, type RuleName, SubjectRole } from "./rules.js";
import { ComponentStatus, ComponentStatusReason, DossierStatus } from "./outcome.js";

export {
  ApplicantKind,
  ComponentKind,
  ComponentStatus,
  ComponentStatusReason,
  DocumentReason,
  DossierStatus,
  ProcedureLevel,
  ProcedureSubjectKind,
  SubjectRole,
};

registerEnumType(ProcedureLevel, {
  name: "ProcedureLevel",
  description: "Where the procedure is filed (cấp thực hiện).",
  valuesConfig: {
    COMMUNE: { description: "Commune level (cấp xã)." },
    PROVINCE: { description: "Province level (cấp tỉnh)." },
    MINISTRY: { description: "Ministry level (cấp bộ)." },
  },
});

registerEnumType(ApplicantKind, {
  name: "ApplicantKind",
  description: "Who files a procedure's dossiers (đối tượng thực hiện).",
  valuesConfig: {
    CITIZEN: { description: "A citizen, by personal identification number." },
    ENTERPRISE: { description: "An enterprise, by enterprise code (tax code)." },
  },
});

registerEnumType(SubjectRole, {
  name: "ProcedureSubjectRole",
  description: "The part a subject plays in a dossier besides the applicant: the field of DossierSubjectsInput that names it.",
  valuesConfig: {
    CHILD: { description: "A child (birth registration, parent–child relation): `subjects.child`." },
    SPOUSE: { description: "The other party to a marriage: `subjects.spouse`." },
    DECEASED: { description: "The deceased person (death registration): `subjects.deceased`." },
    BUYER: { description: "The transferee of a land-use right: `subjects.buyer`." },
    PARCEL: { description: "A land parcel: `subjects.parcel` (or `subjects.certificate`, which stands for its parcel)." },
    ENTERPRISE: { description: "An enterprise: `subjects.enterprise`." },
    CERTIFICATE: {
      description:
        "A land-use right certificate named instead of its parcel: `subjects.certificate` (a dossier's subjects only; procedures declare PARCEL).",
    },
  },
});

registerEnumType(ProcedureSubjectKind, {
  name: "ProcedureSubjectKind",
  description: "What identifies a dossier's subject.",
  valuesConfig: {
    CITIZEN: { description: "A person, by personal identification number." },
    PARCEL: { description: "A land parcel, by parcel id (`<commune code>-<map sheet>-<parcel number>`)." },
    ENTERPRISE: { description: "An enterprise, by enterprise code (tax code)." },
    CERTIFICATE: { description: "A land-use right certificate, by serial (standing for its parcel)." },
  },
});

const DOCUMENT_REASON_DESCRIPTIONS: Record<DocumentReason, string> = {
  APPLICATION_FORM: "The application form itself (tờ khai), filled in and signed by the applicant.",
  SIGNED_AGREEMENT: "An agreement or contract the parties sign (a transfer contract, a co-users' agreement).",
  ISSUED_BY_OTHER_BODY: "Issued by a body whose records no national database shares yet (a hospital, a court, the police).",
  TECHNICAL_DOCUMENT: "A technical document: drawings, sketches, measurements, designs.",
  AUTHORISATION: "An authorisation or power of attorney to act for someone else.",
  PHOTO: "A photograph of the applicant.",
  FOREIGN_DOCUMENT: "A document issued abroad (legalised and translated).",
  OTHER: "Any other document no database replaces.",
};
registerEnumType(DocumentReason, {
  name: "DocumentReason",
  description: "Why no national database replaces a document-only component.",
  valuesConfig: Object.fromEntries(DOCUMENT_REASONS.map((r) => [r, { description: DOCUMENT_REASON_DESCRIPTIONS[r] }])),
});

export const DataRule = enumOf(Object.keys(RULES) as RuleName[]);
export type DataRule = EnumValue<typeof DataRule>;
registerEnumType(DataRule, {
  name: "DataRule",
  description: "A rule that answers a data component from the national sources instead of a paper document.",
  valuesConfig: Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [name, { description: ruleDescription(rule, "en") }])),
});

registerEnumType(ComponentKind, {
  name: "ComponentKind",
  description: "Whether a dossier component can be replaced by data the state already holds.",
  valuesConfig: {
    DATA: { description: "Replaceable by data: a rule reads the named sources instead of asking for paper." },
    DOCUMENT: { description: "Document only: no national database holds it (a signed form, a medical certificate, …)." },
  },
});

registerEnumType(ComponentStatus, {
  name: "ComponentStatus",
  description: "How a dossier component was answered.",
  valuesConfig: {
    FULFILLED_BY_DATA: { description: "Answered from shared data; see the evidence. No paper is asked for." },
    NEEDS_DOCUMENT: {
      description: "The applicant brings the document: it is document-only, or its data was not found (a correction request is raised).",
    },
    FAILED_CHECK: { description: "The data shows a rule is not met; see the message." },
    NOT_EVALUATED: {
      description:
        "A source this component reads was unavailable (reason SOURCE_UNAVAILABLE): neither fulfilled nor failed. Evaluate again later.",
    },
  },
});

registerEnumType(ComponentStatusReason, {
  name: "ComponentStatusReason",
  description: "Why a component was not answered from data.",
  valuesConfig: {
    DOCUMENT_ONLY: { description: "With NEEDS_DOCUMENT: the component is document-only (see its `reason`)." },
    DATA_NOT_FOUND: { description: "With NEEDS_DOCUMENT: its data was not found in the source; a data-correction request was raised." },
    SOURCE_UNAVAILABLE: { description: "With NOT_EVALUATED: a source the rule reads did not answer." },
  },
});

registerEnumType(DossierStatus, {
  name: "DossierStatus",
  description: "The dossier's state, following from its components.",
  valuesConfig: {
    READY: { description: "Every data component was answered from data; only document-only components remain to attach." },
    NEEDS_DOCUMENTS: { description: "No check failed, but some data was missing: those documents must be brought." },
    BLOCKED: { description: "At least one check failed; the dossier cannot proceed as it is." },
    INCOMPLETE: {
      description: "No check failed, but some components could not be evaluated because a source was unavailable; evaluate again later.",
    },
  },
});
