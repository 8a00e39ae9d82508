/**
 * Which access-controlled fields an operation selects, found from the document and the schema's `@access`
 * declarations before anything runs, so a refusal reads no data. Cached per parsed document.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
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

/** The named operation (or the first one) and the fragments it reaches, directly or through other fragments. */
export function reachableDefinitions(
  document: DocumentNode,
  operationName?: string | null,
): (OperationDefinitionNode | FragmentDefinitionNode)[] {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return [];
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const reached = new Map<string, FragmentDefinitionNode>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !reached.has(fragment.name.value)) {
          reached.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [operation, ...reached.values()];
}

/** Access-controlled fields of the named operation (or the only one) and of the fragments it uses. */
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
  const definitions = reachableDefinitions(document, operationName);
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
