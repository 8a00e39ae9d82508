/**
 * Field classes are declared on the schema, not in resolvers: `@access(source: POPULATION, class: SENSITIVE)` on a
 * type applies to all its fields; on a field it overrides the type's. A field with no `@access` (on itself or its
 * type) is public reference data. schema.graphql shows every declaration, so frontend teams see what needs a grant.
 */
import { DirectiveLocation, GraphQLDirective, GraphQLEnumType, GraphQLNonNull, type GraphQLField, type GraphQLNamedType, isObjectType } from "graphql";
import { Directive } from "type-graphql";

export type DataSourceName = "population" | "land" | "business";
export type DataClass = "basic" | "sensitive";

export const DataSourceEnum = new GraphQLEnumType({
  name: "DataSource",
  description: "A national source behind the gateway; a client's grant names the sources it may read.",
  values: {
    POPULATION: { value: "population", description: "National population database (Cơ sở dữ liệu quốc gia về dân cư)." },
    LAND: { value: "land", description: "National land database (Cơ sở dữ liệu quốc gia về đất đai)." },
    BUSINESS: { value: "business", description: "National business registration database (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp)." },
  },
});

export const DataClassEnum = new GraphQLEnumType({
  name: "DataClass",
  description: "Class of personal data, as a grant names it (Decree 13/2023/NĐ-CP, Law 91/2025/QH15).",
  values: {
    BASIC: { value: "basic", description: "Basic personal data: names, dates, addresses, identifiers, records." },
    SENSITIVE: {
      value: "sensitive",
      description: "Sensitive personal data: ethnic origin, religion, criminal records; needs a grant that names this class.",
    },
  },
});

export const accessDirective = new GraphQLDirective({
  name: "access",
  description:
    "Data from a national source. Reading it needs a client credential, a grant on that source and class for the declared purpose (headers X-Purpose-Procedure and X-Purpose-Case), and is recorded in the audit trail.",
  locations: [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION],
  args: {
    source: { type: new GraphQLNonNull(DataSourceEnum), description: "The source that holds the data." },
    class: { type: new GraphQLNonNull(DataClassEnum), defaultValue: "basic", description: "The class of the data." },
  },
});

const SOURCE_ENUM: Record<DataSourceName, string> = { population: "POPULATION", land: "LAND", business: "BUSINESS" };

/** type-graphql decorator: `@Access("population")` on a type or field, `@Access("population", "sensitive")` for sensitive data. */
export function Access(source: DataSourceName, dataClass: DataClass = "basic") {
  return Directive(`@access(source: ${SOURCE_ENUM[source]}${dataClass === "sensitive" ? ", class: SENSITIVE" : ""})`);
}

export interface FieldAccess {
  source: DataSourceName;
  class: DataClass;
}

function readDirective(node: { directives?: readonly import("graphql").ConstDirectiveNode[] } | null | undefined): FieldAccess | undefined {
  const directive = node?.directives?.find((d) => d.name.value === "access");
  if (!directive) return undefined;
  let source: DataSourceName | undefined;
  let dataClass: DataClass = "basic";
  for (const arg of directive.arguments ?? []) {
    if (arg.value.kind !== "EnumValue") continue;
    if (arg.name.value === "source") source = arg.value.value.toLowerCase() as DataSourceName;
    if (arg.name.value === "class") dataClass = arg.value.value.toLowerCase() as DataClass;
  }
  return source ? { source, class: dataClass } : undefined;
}

/** The access a field needs: its own declaration, else its type's; undefined for public data. */
export function fieldAccess(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): FieldAccess | undefined {
  return readDirective(field.astNode) ?? (isObjectType(parent) ? readDirective(parent.astNode) : undefined);
}

/** The declaration on a type itself. */
export function typeAccess(type: GraphQLNamedType): FieldAccess | undefined {
  return isObjectType(type) ? readDirective(type.astNode) : undefined;
}
