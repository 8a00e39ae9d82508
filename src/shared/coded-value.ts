import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A value from a national code list (danh mục), with its official name." })
export class CodedValue {
  @Field(() => String, { description: "Code in the national code list." })
  code!: string;

  @Field(() => String, { description: "Official Vietnamese name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "English name, where one is published." })
  nameEn!: string | null;
}
