/**
 * Each subgraph's schema, cut from the one unified schema by ownership (./ownership.ts): the fields a subgraph
 * answers, the types they reach, the other sources' entities as keys only, with Apollo Federation 2's `@key` and
 * `@shareable`. The resolvers are the modules' own (type-graphql's, through `createResolversMap`), so a subgraph
 * answers as `npm start` does; `@access` and `@subject` stay on its fields, so it checks and records its own reads.
 */
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { MapperKind, mapSchema, printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  type ConstDirectiveNode,
  type DocumentNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  visit,
} from "graphql";
import { createResolversMap } from "type-graphql";
import { NODE_TYPES } from "../modules/nodes/index.js";
import { instrumentAccess } from "../modules/access/index.js";
import { buildUnifiedSchema } from "../schema.js";
import { ENTITIES, fieldOwner, SHARED_TYPES, type SubgraphName, typeHome } from "./ownership.js";

const DIRECTIVE_TYPES = ["DataSource", "DataClass", "SubjectKind"];
const ERROR_CODE_TYPE = "ErrorCode";
const FEDERATION_SPEC = "https://specs.apollo.dev/federation/v2.6";

/** The `@access(source:)` a field (or its type) declares, if any. */
function accessSource(type: GraphQLNamedType, field: GraphQLField<unknown, unknown>): string | undefined {
  const directive = [...(field.astNode?.directives ?? []), ...(type.astNode?.directives ?? [])].find((d) => d.name.value === "access");
  const source = directive?.arguments?.find((a) => a.name.value === "source")?.value;
  return source?.kind === Kind.ENUM ? source.value : undefined;
}

function isRoot(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  return type === schema.getQueryType() || type === schema.getMutationType();
}

/** Whether `subgraph` answers `type.field`. */
export function answers(
  schema: GraphQLSchema,
  subgraph: SubgraphName,
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): boolean {
  const owner = fieldOwner(type.name, field.name, accessSource(type, field), isRoot(schema, type));
  return owner === null || owner === subgraph;
}

/**
 * A field of `subgraph` that returns another source's entity answers with its key only (the router fetches the
 * record from its owner): how to take the key from the parent object.
 */
const REFERENCES: Record<string, (parent: Record<string, unknown>) => object | null> = {
  "EnterprisePerson.citizen": (p) => (p.personalId ? { __typename: "Citizen", personalId: p.personalId } : null),
  "EnterpriseRole.citizen": (p) => (p.personalId ? { __typename: "Citizen", personalId: p.personalId } : null),
  "HouseholdBusiness.owner": (p) => (p.ownerPersonalId ? { __typename: "Citizen", personalId: p.ownerPersonalId } : null),
  "LandHolder.subject": (p) =>
    p.personalId
      ? { __typename: "Citizen", personalId: p.personalId }
      : p.enterpriseCode
        ? { __typename: "Enterprise", code: p.enterpriseCode }
        : null,
  "Encumbrance.lender": (p) => (p.lenderEnterpriseCode ? { __typename: "Enterprise", code: p.lenderEnterpriseCode } : null),
};

interface Cut {
  /** Types the subgraph has, with the fields it has of each object or interface type. */
  types: Map<string, Set<string> | null>;
  /** Other sources' entities the subgraph has as keys (and, for some, the fields it contributes). */
  stubs: Set<string>;
}

/** What `subgraph` holds of the unified schema: its fields, and everything they reach. */
export function cut(schema: GraphQLSchema, subgraph: SubgraphName): Cut {
  const types = new Map<string, Set<string> | null>();
  const stubs = new Set<string>();
  const pending: GraphQLNamedType[] = [];
  const fieldsOf = (name: string) => {
    let fields = types.get(name);
    if (!fields) types.set(name, (fields = new Set()));
    return fields;
  };
  const reach = (type: GraphQLNamedType) => {
    if (type.name.startsWith("__")) return;
    if (isObjectType(type) && ENTITIES[type.name] && typeHome(type.name) !== subgraph) {
      stubs.add(type.name);
      fieldsOf(type.name).add(ENTITIES[type.name].key);
      return;
    }
    if (types.has(type.name) && (!isObjectType(type) || types.get(type.name)!.size > 0)) return;
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = fieldsOf(type.name);
      for (const field of Object.values(type.getFields())) {
        if (isObjectType(type) && !answers(schema, subgraph, type, field)) continue;
        fields.add(field.name);
        pending.push(getNamedType(field.type));
        for (const arg of field.args) pending.push(getNamedType(arg.type));
      }
      if (isObjectType(type)) for (const iface of type.getInterfaces()) pending.push(iface);
      // An interface's implementations that this subgraph answers (the platform's `node` answers them all).
      if (isInterfaceType(type)) {
        for (const impl of schema.getPossibleTypes(type)) {
          const home = typeHome(impl.name);
          if (home === null || home === subgraph || (subgraph === "gateway" && ENTITIES[impl.name])) pending.push(impl);
        }
      }
    } else {
      types.set(type.name, null);
      if (isUnionType(type)) pending.push(...type.getTypes());
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) pending.push(getNamedType(field.type));
    }
  };
  // The roots the subgraph answers, the types it is the home of, and its fields on other sources' entities.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const own = Object.values(type.getFields()).filter((f) => answers(schema, subgraph, type, f));
    if (isRoot(schema, type)) {
      if (own.length === 0) continue;
      const fields = fieldsOf(type.name);
      for (const field of own) {
        fields.add(field.name);
        pending.push(getNamedType(field.type));
        for (const arg of field.args) pending.push(getNamedType(arg.type));
      }
    } else if (typeHome(type.name) === subgraph) pending.push(type);
    else if (ENTITIES[type.name] && own.length > 0) {
      stubs.add(type.name);
      const fields = fieldsOf(type.name);
      fields.add(ENTITIES[type.name].key);
      for (const field of own) {
        fields.add(field.name);
        pending.push(getNamedType(field.type));
        for (const arg of field.args) pending.push(getNamedType(arg.type));
      }
    }
  }
  // The access directives' own enums, in every subgraph (they declare its fields' access); the error codes with the platform.
  pending.push(...DIRECTIVE_TYPES.map((name) => schema.getType(name)!));
  if (subgraph === "gateway") pending.push(schema.getType(ERROR_CODE_TYPE)!);
  while (pending.length > 0) reach(pending.pop()!);
  // The platform's `node(id:)` may answer any entity: each is there as a Node with its key and id.
  if (subgraph === "gateway") for (const name of Object.keys(ENTITIES)) fieldsOf(name).add("id");
  return { types, stubs };
}

function directive(name: string, args: Record<string, string | boolean> = {}): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([key, value]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: key },
      value: typeof value === "boolean" ? { kind: Kind.BOOLEAN, value } : { kind: Kind.STRING, value },
    })),
  };
}

/** The subgraph's SDL: its cut of the unified schema, with the federation directives. */
export function subgraphTypeDefs(schema: GraphQLSchema, subgraph: SubgraphName): DocumentNode {
  const { types, stubs } = cut(schema, subgraph);
  const pruned = mapSchema(schema, {
    [MapperKind.TYPE]: (type) => (types.has(type.name) || type.name.startsWith("__") ? type : null),
    [MapperKind.OBJECT_TYPE]: (type) => {
      if (!types.has(type.name)) return null;
      if (!stubs.has(type.name) || subgraph === "gateway") return type;
      // A key-only entity stands for the owner's record: it implements nothing here.
      return new GraphQLObjectType({ ...type.toConfig(), interfaces: [] });
    },
    [MapperKind.COMPOSITE_FIELD]: (config, fieldName, typeName) => (types.get(typeName)?.has(fieldName) ? config : null),
  });
  const document = parse(printSchemaWithDirectives(pruned));
  const shared = (name: string) => SHARED_TYPES.has(name);
  const typed = visit(document, {
    ObjectTypeDefinition(node) {
      const entity = ENTITIES[node.name.value];
      const added: ConstDirectiveNode[] = [];
      if (entity) added.push(directive("key", { fields: entity.key }));
      if (shared(node.name.value)) added.push(directive("shareable"));
      const fields = entity
        ? node.fields?.map((f) => (f.name.value === "id" ? { ...f, directives: [...(f.directives ?? []), directive("shareable")] } : f))
        : node.fields;
      return { ...node, fields, directives: [...(node.directives ?? []), ...added] };
    },
  });
  const link = parse(`extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key", "@shareable"])`);
  return { kind: Kind.DOCUMENT, definitions: [...link.definitions, ...typed.definitions] };
}

/** The modules' resolvers for what the subgraph has, and each entity's reference resolver. */
function subgraphResolvers(schema: GraphQLSchema, subgraph: SubgraphName, typeDefs: DocumentNode): GraphQLResolverMap<unknown> {
  const all = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  const present = new Map<string, Set<string>>();
  for (const definition of typeDefs.definitions) {
    if ("name" in definition && definition.name && "fields" in definition) {
      present.set(definition.name.value, new Set((definition.fields ?? []).map((f) => f.name.value)));
    } else if ("name" in definition && definition.name) present.set(definition.name.value, new Set());
  }
  const resolvers: Record<string, Record<string, unknown> | unknown> = {};
  for (const [typeName, fields] of present) {
    const type = schema.getType(typeName);
    const source = all[typeName];
    if (!type || !source) continue;
    if (isEnumType(type) || !(isObjectType(type) || isInterfaceType(type) || isUnionType(type))) {
      resolvers[typeName] = source;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(source)) {
      if (name.startsWith("__") || fields.has(name)) kept[name] = value;
    }
    if (isObjectType(type)) {
      for (const name of fields) {
        const field = type.getFields()[name];
        const returned = getNamedType(field.type);
        const foreign = (t: GraphQLNamedType) => ENTITIES[t.name] && ENTITIES[t.name].subgraph !== subgraph;
        const reachesForeign = foreign(returned) || (isUnionType(returned) && returned.getTypes().some(foreign));
        const reference = REFERENCES[`${typeName}.${name}`];
        if (reference && subgraph !== "gateway") {
          kept[name] = (parent: Record<string, unknown>) => reference(parent);
        } else if (reachesForeign && subgraph !== "gateway") {
          throw new Error(`${typeName}.${name} returns another source's entity in the ${subgraph} subgraph: add it to REFERENCES`);
        }
      }
      const entity = ENTITIES[typeName];
      if (entity && entity.subgraph === subgraph) {
        const node = NODE_TYPES[typeName];
        kept.__resolveReference = async (reference: Record<string, unknown>, context: never) => {
          const key = reference[entity.key];
          if (typeof key !== "string" || key.length === 0 || key.length > 64) return null;
          const value = await node.load(context, key);
          // A record that is not a subject itself (a household, a certificate, a branch) is its owner's data, as
          // when the monolith's node(id) or a parent field reaches it: its fields are recorded against the owner.
          const owner = value && node.owner ? node.owner(value) : undefined;
          if (value && owner) (context as { access: { owners: WeakMap<object, unknown> } }).access.owners.set(value, owner);
          return value;
        };
      }
      if (entity && entity.subgraph !== subgraph) {
        // Another source's record: this subgraph knows its key, and adds its own fields to it.
        kept.__resolveReference = (reference: object) => reference;
      }
    }
    resolvers[typeName] = kept;
  }
  return resolvers as GraphQLResolverMap<unknown>;
}

/** The executable schema a subgraph serves: its cut, its resolvers, its reads noticed as the monolith's are. */
export async function buildSubgraph(subgraph: SubgraphName): Promise<{ schema: GraphQLSchema; typeDefs: DocumentNode }> {
  const unified = await buildUnifiedSchema();
  const typeDefs = subgraphTypeDefs(unified, subgraph);
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: subgraphResolvers(unified, subgraph, typeDefs) }]);
  instrumentAccess(schema);
  return { schema, typeDefs };
}
