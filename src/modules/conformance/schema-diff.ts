/**
 * Compares the types a provincial system's own schema shares with the national one (same name) using
 * graphql-inspector's diff, from the national schema to theirs: what would break, or may break, a consumer written
 * against the national schema if it were pointed at the provincial system.
 */
import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { MapperKind, mapSchema, renameType } from "@graphql-tools/utils";
import {
  buildASTSchema,
  buildClientSchema,
  type DocumentNode,
  type NamedTypeNode,
  parse,
  Source,
  specifiedScalarTypes,
  validateSchema,
  visit,
  getLocation,
  type GraphQLError,
  type GraphQLSchema,
  type IntrospectionQuery,
  isIntrospectionType,
  isSpecifiedScalarType,
  type ASTNode,
  isObjectType,
  isInterfaceType,
  isInputObjectType,
  isEnumType,
} from "graphql";
import { ConformanceInputError, type InputFile, JsonDocument } from "./inputs.js";
import type { Findings } from "./report.js";
import { say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";

/** The provincial schema from SDL, or from an introspection result ({ data: { __schema } } or { __schema }). */
export function loadProvincialSchema(file: InputFile): GraphQLSchema {
  const text = file.content.replace(/^\uFEFF/, "");
  if (/\.json$/i.test(file.name) || /^\s*\{/.test(text)) {
    const doc = JsonDocument.parse(file);
    const value = doc.value as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
    const introspection = value?.__schema ? (value as IntrospectionQuery) : value?.data?.__schema ? value.data : null;
    if (!introspection) throw new ConformanceInputError(file.name, say(M.introspectionJson));
    try {
      return buildClientSchema(introspection);
    } catch (error) {
      throw new ConformanceInputError(file.name, say(M.badIntrospection, { detail: (error as Error).message }));
    }
  }
  let document: DocumentNode;
  try {
    document = parse(new Source(text, file.name));
  } catch (error) {
    const e = error as GraphQLError;
    throw new ConformanceInputError(file.name, say(M.notSchema, { detail: e.message.replace(/^Syntax Error: /, "") }), e.locations?.[0]);
  }
  // The first unknown type, with its place (buildASTSchema would only say "Unknown type").
  const defined = new Set([
    ...specifiedScalarTypes.map((t) => t.name),
    ...document.definitions.flatMap((d) =>
      "name" in d && d.name && (d.kind.endsWith("Definition") || d.kind.endsWith("Extension")) ? [d.name.value] : [],
    ),
  ]);
  let unknown: NamedTypeNode | undefined;
  visit(document, {
    NamedType(node) {
      if (!unknown && !defined.has(node.name.value)) unknown = node;
    },
  });
  if (unknown?.loc) {
    throw new ConformanceInputError(
      file.name,
      say(M.schemaUnknownType, { type: unknown.name.value }),
      getLocation(unknown.loc.source, unknown.loc.start),
    );
  }
  try {
    const schema = buildASTSchema(document);
    // A system's schema is compared type by type: it need not have a query root of its own.
    const [invalid] = validateSchema(schema).filter((e) => !/^Query root type must be provided/.test(e.message));
    if (invalid) throw invalid;
    return schema;
  } catch (error) {
    const e = error as GraphQLError;
    const located = e.locations?.[0] ?? (e.nodes?.[0]?.loc ? getLocation(e.nodes[0].loc.source, e.nodes[0].loc.start) : undefined);
    throw new ConformanceInputError(file.name, say(M.notSchema, { detail: e.message.split("\n")[0] }), located);
  }
}

function userTypeNames(schema: GraphQLSchema): Set<string> {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name),
  );
  return new Set(
    Object.values(schema.getTypeMap())
      .filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t) && !roots.has(t.name))
      .map((t) => t.name),
  );
}

/** The node of the provincial schema a change is about: the field if it exists there, else its type. */
function nodeFor(schema: GraphQLSchema, path: string): ASTNode | undefined {
  const [typeName, member] = path.split(".");
  const type = schema.getType(typeName);
  if (!type) return undefined;
  if (member && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) {
    const field = type.getFields()[member];
    if (field?.astNode) return field.astNode;
  }
  if (member && isEnumType(type)) {
    const value = type.getValue(member);
    if (value?.astNode) return value.astNode;
  }
  return type.astNode ?? undefined;
}

/**
 * The provincial schema with its types renamed to the national names they stand for (`CongDan` → `Citizen`), so a
 * system that names its types in Vietnamese is compared all the same. Field types follow the renaming.
 */
function renamed(theirs: GraphQLSchema, national: GraphQLSchema, map: Record<string, string>, file: string): GraphQLSchema {
  for (const [own, nationalName] of Object.entries(map)) {
    if (!theirs.getType(own)) throw new ConformanceInputError(file, say(M.mapNoType, { own, national: nationalName }));
    if (!national.getType(nationalName)) throw new ConformanceInputError(file, say(M.mapNoNationalType, { own, national: nationalName }));
    if (theirs.getType(nationalName) && !map[nationalName]) {
      throw new ConformanceInputError(file, say(M.mapTypeExists, { own, national: nationalName }));
    }
  }
  if (Object.keys(map).length === 0) return theirs;
  return mapSchema(theirs, {
    [MapperKind.TYPE]: (type) => (map[type.name] ? renameType(type, map[type.name]) : type),
  });
}

/**
 * The gateway's global object identification — the `Node` interface and the opaque `id` it gives each type — is
 * its own contract with client caches, not part of a record's shape: a provincial system's types need not carry it.
 */
function isGatewayIdentity(national: GraphQLSchema, change: Change): boolean {
  if (change.type === "OBJECT_TYPE_INTERFACE_REMOVED")
    return (change.meta as { removedInterfaceName?: string }).removedInterfaceName === "Node";
  if (change.type !== "FIELD_REMOVED" || !change.path) return false;
  const [typeName, member] = change.path.split(".");
  const type = national.getType(typeName);
  return member === "id" && (isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((i) => i.name === "Node");
}

/** Returns the number of types compared. `map`: their type name → the national type it stands for. */
export async function checkSchema(
  file: InputFile,
  national: GraphQLSchema,
  findings: Findings,
  map: Record<string, string> = {},
): Promise<number> {
  const theirs = renamed(loadProvincialSchema(file), national, map, file.name);
  const ownName = Object.fromEntries(Object.entries(map).map(([own, nationalName]) => [nationalName, own]));
  const nationalTypes = userTypeNames(national);
  const shared = [...userTypeNames(theirs)].filter((name) => nationalTypes.has(name)).sort();
  if (shared.length === 0) {
    findings.add({
      rule: "SCHEMA_NO_SHARED_TYPES",
      file: file.name,
      message: say(M.noSharedTypes),
      found: [...userTypeNames(theirs)].slice(0, 6).join(", ") || say(M.foundNoTypes),
      expected: say(M.expNationalNames),
    });
    return 0;
  }
  const sharedSet = new Set(shared);
  const changes: Change[] = await diff(national, theirs);
  const place = (path: string) => {
    const node = nodeFor(theirs, path);
    const location = node?.loc ? getLocation(node.loc.source, node.loc.start) : null;
    return { file: file.name, line: location?.line ?? null, column: location?.column ?? null };
  };
  const their = (typeName: string) => (ownName[typeName] ? say(M.theirType, { name: ownName[typeName] }) : "");
  // Fields a shared type lacks are one finding per type, not one per field: a system often exposes a subset.
  const missing = new Map<string, string[]>();
  for (const change of changes) {
    if (change.type.startsWith("DIRECTIVE_USAGE")) continue; // the gateway's own annotations (@access) are not part of a record's shape
    const path = change.path ?? "";
    const [typeName, member] = path.split(".");
    if (!sharedSet.has(typeName)) continue;
    if (isGatewayIdentity(national, change)) continue;
    const level = change.criticality.level;
    if (level === CriticalityLevel.NonBreaking) continue;
    if (change.type === "FIELD_REMOVED" && member) {
      missing.set(typeName, [...(missing.get(typeName) ?? []), member]);
      continue;
    }
    findings.add({
      rule: level === CriticalityLevel.Breaking ? "SCHEMA_BREAKING" : "SCHEMA_DANGEROUS",
      ...place(path),
      path,
      message: say(M.schemaChange, {
        change: change.message,
        reason: change.criticality.reason ? ` — ${change.criticality.reason}` : "",
        their: their(typeName),
      }),
      found: change.type,
      expected: say(M.expAsNational, { path }),
    });
  }
  for (const [typeName, fields] of missing) {
    findings.add({
      rule: "SCHEMA_BREAKING",
      ...place(typeName),
      path: typeName,
      message: say(M.lacksFields, { type: typeName, their: their(typeName), count: fields.length, fields: fields.join(", ") }),
      found: `FIELD_REMOVED × ${fields.length}`,
      expected: say(M.expEveryField, { type: typeName }),
      fix: say(M.fixExpose, { fields: `${fields.slice(0, 5).join(", ")}${fields.length > 5 ? ", …" : ""}`, type: typeName }),
    });
  }
  return shared.length;
}
