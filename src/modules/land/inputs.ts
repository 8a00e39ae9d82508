import { Field, InputType } from "type-graphql";
import { AdministrativeUnitCodeScalar } from "../../shared/scalars.js";

@InputType({ description: "Filters for the parcel list; all given conditions must hold." })
export class LandParcelFilter {
  @Field(() => AdministrativeUnitCodeScalar, { nullable: true, description: "2025 commune code of the parcel." })
  communeCode?: string;

  @Field(() => AdministrativeUnitCodeScalar, { nullable: true, description: "2025 province code of the parcel." })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: "Land-use purpose code (mục đích sử dụng đất), e.g. ODT, ONT, LUC, CLN." })
  landUsePurpose?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "True for parcels under a mortgage not yet released; false for parcels without one.",
  })
  mortgaged?: boolean;
}
