import { Field, InputType } from "type-graphql";
import { AdministrativeUnitCodeScalar } from "../../shared/scalars.js";
import { EnterpriseStatus, LegalForm } from "./types.js";

@InputType({ description: "Filters for the enterprise list; all given conditions must hold." })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: "Part of the Vietnamese name; diacritics and case are ignored." })
  name?: string;

  @Field(() => EnterpriseStatus, { nullable: true, description: "Legal status." })
  status?: EnterpriseStatus;

  @Field(() => LegalForm, { nullable: true, description: "Legal form." })
  legalForm?: LegalForm;

  @Field(() => AdministrativeUnitCodeScalar, { nullable: true, description: "2025 commune code of the head office." })
  communeCode?: string;

  @Field(() => AdministrativeUnitCodeScalar, { nullable: true, description: "2025 province code of the head office." })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: "VSIC code of the main business line (4 digits)." })
  industryCode?: string;
}
