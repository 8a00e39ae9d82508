/**
 * Which access-controlled fields an operation selects, found from the document and the schema's `@access`
 * declarations before anything runs, so a refusal reads no data. Cached per parsed document.
 */
import {
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  type SourceLocation,
  TypeInfo,
  getLocation,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { type FieldAccess, fieldAccess } from "./directive.js";

export interface AccessUse {
  /** Schema coordinate, e.g. Citizen.religion. */
  coordinate: string;
  access: FieldAccess;
  /** True for a root field (Query.citizen ...). */
  root: boolean;
  locations: SourceLocation[];
}

const cache = new WeakMap<DocumentNode, Map<string, AccessUse[]>>();

/** Access-controlled fields of the named operation (or the only one) and of every fragment in the document. */
export function analyzeOperation(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): AccessUse[] {
  let byOperation = cache.get(document);
  if (!byOperation) {
    byOperation = new Map();
    cache.set(document, byOperation);
  }
  const key = operationName ?? "";
  const cached = byOperation.get(key);
  if (cached) return cached;

  const uses = new Map<string, AccessUse>();
  const typeInfo = new TypeInfo(schema);
  const definitions = document.definitions.filter(
    (d) => d.kind === Kind.FRAGMENT_DEFINITION || (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)),
  );
  const root = schema.getQueryType();
  const mutation = schema.getMutationType();
  for (const definition of definitions) {
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field) return;
          const access = fieldAccess(parent, field);
          if (!access) return;
          const coordinate = `${parent.name}.${field.name}`;
          const location = node.loc ? getLocation(node.loc.source, node.loc.start) : undefined;
          const existing = uses.get(coordinate);
          if (existing) {
            if (location && existing.locations.length < 5) existing.locations.push(location);
            return;
          }
          uses.set(coordinate, { coordinate, access, root: parent === root || parent === mutation, locations: location ? [location] : [] });
        },
      }),
    );
  }
  const result = [...uses.values()];
  byOperation.set(key, result);
  return result;
}
