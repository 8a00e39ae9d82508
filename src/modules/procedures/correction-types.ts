/** GraphQL types of the data-correction loop: a request raised against a source when a dossier found its data missing. */
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DataSource } from "../access/index.js";
import { connectionType } from "../../shared/pagination.js";
import { DateTimeScalar, PersonalIdScalar } from "../../shared/scalars.js";
import { CorrectionStatus } from "./correction-store.js";
import { ProcedureSubjectKind } from "./enums.js";

export { CorrectionStatus };

registerEnumType(CorrectionStatus, {
  name: "DataCorrectionStatus",
  description: "Where a data-correction request (yêu cầu điều chỉnh dữ liệu) stands.",
  valuesConfig: {
    OPEN: { description: "Raised, waiting for the source's owner." },
    RESOLVED: { description: "Closed by the source's owner: the source's data was corrected." },
    REJECTED: { description: "Closed by the source's owner: the source's data stands." },
  },
});

@ObjectType({
  description:
    "A data-correction request (Resolution 66.7/2025/NQ-CP): raised against a national source when a dossier found a record missing, answered by the source's owner.",
})
export class DataCorrectionRequest {
  @Field(() => ID, { description: "The request's number: what resolveDataCorrection and rejectDataCorrection take." })
  correctionId!: string;

  @Field(() => String, { description: "The dossier that found the data missing (`dossierId`)." })
  dossierId!: string;

  @Field(() => String, { description: "The component of that dossier whose data was missing (`ProcedureComponent.key`)." })
  componentKey!: string;

  @Field(() => DataSource, { description: "The source asked to correct its data." })
  source!: DataSource;

  @Field(() => ProcedureSubjectKind, { description: "What the missing record is about: a person, a parcel or an enterprise." })
  subjectKind!: ProcedureSubjectKind;

  @Field(() => String, {
    nullable: true,
    description: "The id of the record's subject (personal id, parcel id or tax code); null when withheld from this reader.",
  })
  subjectId!: string | null;

  @Field(() => PersonalIdScalar, {
    nullable: true,
    description: "The subject's personal id, for a person shown to this reader; else null.",
  })
  subjectPersonalId!: string | null;

  @Field(() => Boolean, {
    description:
      "True when the subject is withheld: a citizen sees a request about someone else named in their dossier by its status only.",
  })
  withheld!: boolean;

  @Field(() => String, { description: "What was found missing, as the dossier said it." })
  message!: string;

  @Field(() => CorrectionStatus, { description: "Open, resolved or rejected." })
  status!: CorrectionStatus;

  @Field(() => DateTimeScalar, { description: "When the dossier raised it." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the source's owner closed it; null while open." })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The client (the source owner's system) that closed it; null while open." })
  closedBy!: string | null;

  @Field(() => String, { nullable: true, description: "What was corrected (RESOLVED); null otherwise." })
  resolution!: string | null;

  @Field(() => String, { nullable: true, description: "Why the data stands (REJECTED); null otherwise." })
  reason!: string | null;
}

export const DataCorrectionRequestConnection = connectionType(DataCorrectionRequest, "DataCorrectionRequest", "data-correction request");
