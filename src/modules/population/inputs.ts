import { Field, InputType } from "type-graphql";
import { AdministrativeUnitCodeScalar, LocalDateScalar } from "../../shared/scalars.js";
import { Sex } from "./types.js";

@InputType({ description: "Filters for the citizen list; all given conditions must hold." })
export class CitizenFilter {
  @Field(() => AdministrativeUnitCodeScalar, { nullable: true, description: "2025 commune code of the permanent residence." })
  communeCode?: string;

  @Field(() => AdministrativeUnitCodeScalar, { nullable: true, description: "2025 province code of the permanent residence." })
  provinceCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the full name; diacritics and case are ignored ("nguyen van" finds "Nguyễn Văn An").',
  })
  name?: string;

  @Field(() => Sex, { nullable: true, description: "Sex." })
  sex?: Sex;

  @Field(() => Boolean, { nullable: true, description: "True for living citizens only, false for deceased only." })
  alive?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: "Born on or after this date." })
  bornFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Born on or before this date." })
  bornTo?: string;
}
