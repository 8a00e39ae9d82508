/**
 * Field classes are declared on the schema, not in resolvers: `@access(source: POPULATION, class: SENSITIVE)` on a
 * type applies to all its fields; on a field it overrides the type's. A field with no `@access` (on itself or its
 * type) is public reference data. schema.graphql shows every declaration, so frontend teams see what needs a grant.
 */
import {
  type ConstDirectiveNode,
  DirectiveLocation,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLField,
  type GraphQLNamedType,
  isObjectType,
} from "graphql";
import { Directive, registerEnumType } from "type-graphql";
import type { DataSourceName } from "../../platform/config.js";
import { enumOf, type EnumValue } from "../../shared/enums.js";
import { SUBJECT_KINDS, type SubjectKind } from "./subjects.js";

export type { DataSourceName } from "../../platform/config.js";

/**
 * The enums of the access layer, each defined once: an object registered with type-graphql (for fields that return
 * it) and the same definition as a GraphQLEnumType (for the directives' arguments). schema.ts hands the directives
 * the schema's own instance when a field uses the enum, so the schema holds one type of each name.
 */
function accessEnum<E extends Record<string, string>>(
  enumObj: E,
  config: { name: string; description: string; valuesConfig: Record<keyof E, { description: string }> },
): GraphQLEnumType {
  registerEnumType(enumObj, config);
  return new GraphQLEnumType({
    name: config.name,
    description: config.description,
    values: Object.fromEntries(
      Object.entries(enumObj).map(([key, value]) => [key, { value, description: config.valuesConfig[key].description }]),
    ),
  });
}

/** Internal values are the lower-case names the grants and the code use; GraphQL shows the upper-case names. */
export const DataSource = { POPULATION: "population", LAND: "land", BUSINESS: "business" } as const satisfies {
  [N in DataSourceName as Uppercase<N>]: N;
};
export type DataSource = EnumValue<typeof DataSource>;

export const GraphQLDataSource = accessEnum(DataSource, {
  name: "DataSource",
  description: "A national source behind the gateway; a client's grant names the sources it may read.",
  valuesConfig: {
    POPULATION: { description: "National population database (Cơ sở dữ liệu quốc gia về dân cư)." },
    LAND: { description: "National land database (Cơ sở dữ liệu quốc gia về đất đai)." },
    BUSINESS: { description: "National business registration database (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp)." },
  },
});

export const DataClass = { BASIC: "basic", SENSITIVE: "sensitive" } as const;
export type DataClass = EnumValue<typeof DataClass>;

export const GraphQLDataClass = accessEnum(DataClass, {
  name: "DataClass",
  description: "Class of personal data, as a grant names it (Decree 13/2023/NĐ-CP, Law 91/2025/QH15).",
  valuesConfig: {
    BASIC: { description: "Basic personal data: names, dates, addresses, identifiers, records." },
    SENSITIVE: { description: "Sensitive personal data: ethnic origin, religion, criminal records; needs a grant that names this class." },
  },
});

/** The `@access` directive, its arguments typed with the schema's own DataSource and DataClass enums. */
export const accessDirective = (dataSource: GraphQLEnumType = GraphQLDataSource, dataClass: GraphQLEnumType = GraphQLDataClass) =>
  new GraphQLDirective({
    name: "access",
    description:
      "Data from a national source. Reading it needs a client credential, a grant on that source and class for the declared purpose (headers X-Purpose-Procedure and X-Purpose-Case), and is recorded in the audit trail.",
    locations: [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION],
    args: {
      source: { type: new GraphQLNonNull(dataSource), description: "The source that holds the data." },
      class: { type: new GraphQLNonNull(dataClass), defaultValue: "basic", description: "The class of the data." },
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

function readDirective(node: { directives?: readonly ConstDirectiveNode[] } | null | undefined): FieldAccess | undefined {
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

export const GraphQLSubjectKind = accessEnum(enumOf(SUBJECT_KINDS), {
  name: "SubjectKind",
  description: "Whom (or what) a record of personal data is about, as the audit trail names it.",
  valuesConfig: {
    CITIZEN: { description: "A person, by personal identification number." },
    ENTERPRISE: { description: "An enterprise, by enterprise code (tax code)." },
    LAND_PARCEL: { description: "A land parcel, by parcel id." },
    HOUSEHOLD_BUSINESS: { description: "A household business, by registration number." },
  },
});

/**
 * Whose data an object (or a root field's answer) is. On a type: `key` names the field of the object that holds
 * the subject's id (repeatable: the first present key wins, as for a land holder that is a person or an
 * enterprise). On a root field: `argument` names the argument that holds it, so the lookup itself is a read of
 * that subject. Objects of an `@access` type without `@subject` belong to the subject they were reached from.
 */
export const subjectDirective = (subjectKind: GraphQLEnumType = GraphQLSubjectKind) =>
  new GraphQLDirective({
    name: "subject",
    description:
      "Whose personal data this is: the object's field (`key`) or the root field's argument (`argument`) that holds the subject's id. Every read is recorded in the audit trail against that subject.",
    locations: [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION],
    isRepeatable: true,
    args: {
      kind: { type: new GraphQLNonNull(subjectKind), description: "The kind of subject." },
      key: { type: GraphQLString, description: "On a type: the field holding the subject's id." },
      argument: { type: GraphQLString, description: "On a root field: the argument holding the subject's id." },
    },
  });

/** type-graphql decorator on a type: `@SubjectKey("CITIZEN", "personalId")`. */
export function SubjectKey(kind: SubjectKind, key: string) {
  return Directive(`@subject(kind: ${kind}, key: "${key}")`);
}

/** type-graphql decorator on a root field: `@SubjectArgument("CITIZEN", "personalId")`. */
export function SubjectArgument(kind: SubjectKind, argument: string) {
  return Directive(`@subject(kind: ${kind}, argument: "${argument}")`);
}

export interface SubjectDeclaration {
  kind: SubjectKind;
  key?: string;
  argument?: string;
}

/** Every `@subject` declaration on a type or field, in order. */
export function subjectDeclarations(node: { directives?: readonly ConstDirectiveNode[] } | null | undefined): SubjectDeclaration[] {
  const declarations: SubjectDeclaration[] = [];
  for (const directive of node?.directives ?? []) {
    if (directive.name.value !== "subject") continue;
    const declaration: Partial<SubjectDeclaration> = {};
    for (const arg of directive.arguments ?? []) {
      if (arg.name.value === "kind" && arg.value.kind === "EnumValue" && (SUBJECT_KINDS as readonly string[]).includes(arg.value.value)) {
        declaration.kind = arg.value.value as SubjectKind;
      }
      if (arg.name.value === "key" && arg.value.kind === "StringValue") declaration.key = arg.value.value;
      if (arg.name.value === "argument" && arg.value.kind === "StringValue") declaration.argument = arg.value.value;
    }
    if (declaration.kind) declarations.push(declaration as SubjectDeclaration);
  }
  return declarations;
}

/** The access a field needs: its own declaration, else its type's; undefined for public data. */
export function fieldAccess(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): FieldAccess | undefined {
  return readDirective(field.astNode) ?? (isObjectType(parent) ? readDirective(parent.astNode) : undefined);
}

/** The declaration on a type itself. */
export function typeAccess(type: GraphQLNamedType): FieldAccess | undefined {
  return isObjectType(type) ? readDirective(type.astNode) : undefined;
}
