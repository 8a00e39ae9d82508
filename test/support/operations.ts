/**
 * Operations as values: a tree of selected fields with their argument values, rendered to a document with one
 * typed variable per value; and a root field with every field below it, for cases a suite checks every time.
 */
import {
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
} from "graphql";

export interface FieldSelection {
  kind: "field";
  name: string;
  args: Record<string, unknown>;
  selection?: Selection[];
}
export interface FragmentSelection {
  kind: "fragment";
  on: string;
  selection: Selection[];
}
export type Selection = FieldSelection | FragmentSelection;
/** An operation: root fields of Query, each answered under the alias r0, r1, … */
export interface Operation {
  roots: FieldSelection[];
}

export function isListOf(field: GraphQLField<unknown, unknown>): boolean {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return isListType(type);
}

/**
 * A root field with the given arguments and every field below it down to `depth` (no random choice; a list field
 * is not repeated along a path): for cases a suite must check every time, like each dossier with all its evidence.
 */
export function completeField(schema: GraphQLSchema, name: string, args: Record<string, unknown>, depth: number): FieldSelection {
  const everything = (type: GraphQLNamedType, level: number, lists: readonly string[]): Selection[] | undefined => {
    if (isLeafType(type)) return undefined;
    if (isAbstractType(type)) {
      return [
        { kind: "field", name: "__typename", args: {} },
        ...schema.getPossibleTypes(type).map((t): Selection => ({ kind: "fragment", on: t.name, selection: everything(t, level, lists)! })),
      ];
    }
    const object = type as GraphQLObjectType;
    const fields = Object.values(object.getFields()).filter(
      (f) =>
        (isLeafType(getNamedType(f.type)) || level < depth) &&
        !lists.includes(`${object.name}.${f.name}`) &&
        !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined),
    );
    const selection = fields.map((f): Selection => {
      const coordinate = `${object.name}.${f.name}`;
      return {
        kind: "field",
        name: f.name,
        args: {},
        selection: everything(getNamedType(f.type), level + 1, isListOf(f) ? [...lists, coordinate] : lists),
      };
    });
    return selection.length > 0 ? selection : [{ kind: "field", name: "__typename", args: {} }];
  };
  const query = schema.getQueryType()!;
  const field = query.getFields()[name];
  return {
    kind: "field",
    name,
    args,
    selection: everything(getNamedType(field.type), 2, isListOf(field) ? [`${query.name}.${name}`] : []),
  };
}

/** Fields in an operation, and its deepest field (root fields are depth 1). */
export function operationSize(operation: Operation): { fields: number; depth: number } {
  let fields = 0;
  let deepest = 0;
  const walk = (selection: Selection[], depth: number) => {
    for (const s of selection) {
      if (s.kind === "fragment") walk(s.selection, depth);
      else {
        fields++;
        deepest = Math.max(deepest, depth);
        if (s.selection) walk(s.selection, depth + 1);
      }
    }
  };
  walk(operation.roots, 1);
  return { fields, depth: deepest };
}

/** The operation as a document with one variable per argument value, typed as the schema declares it. */
export function renderOperation(schema: GraphQLSchema, operation: Operation): { query: string; variables: Record<string, unknown> } {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  // Fragments on different types that select a field of the same name would merge under one response name, and
  // the document is invalid when their types differ (`code: TaxCode!` on Enterprise, `code: String!` on Household):
  // such fields are aliased per type, so every generated operation validates.
  const renderSelection = (parent: GraphQLCompositeType, selection: Selection[]): string => {
    // Same-named leaves of one type merge safely; objects may differ deeper down, so they are aliased too.
    const fragments = selection.filter((s): s is FragmentSelection => s.kind === "fragment");
    const shapes = new Map<string, Set<string>>();
    for (const f of fragments) {
      const fields = (schema.getType(f.on) as GraphQLObjectType).getFields();
      for (const s of f.selection) {
        if (s.kind !== "field" || s.name === "__typename") continue;
        const type = fields[s.name].type;
        (shapes.get(s.name) ?? shapes.set(s.name, new Set()).get(s.name)!).add(
          isLeafType(getNamedType(type)) ? String(type) : `${f.on}.${s.name}`,
        );
      }
    }
    const seen = new Map([...shapes].map(([name, types]) => [name, types.size]));
    return selection
      .map((s) => {
        if (s.kind === "field") return renderField(parent, s);
        const type = schema.getType(s.on) as GraphQLCompositeType;
        const fields = s.selection.map((inner) => {
          if (inner.kind === "field" && inner.name !== "__typename" && (seen.get(inner.name) ?? 0) > 1)
            return renderField(type, inner, `${inner.name}_${s.on}`);
          return inner.kind === "field" ? renderField(type, inner) : renderSelection(type, [inner]);
        });
        return `... on ${s.on} { ${fields.join(" ")} }`;
      })
      .join(" ");
  };
  const renderField = (parent: GraphQLCompositeType, s: FieldSelection, alias?: string): string => {
    if (s.name === "__typename") return "__typename";
    const def = (parent as GraphQLObjectType).getFields()[s.name];
    const args = Object.entries(s.args).map(([name, value]) => {
      const variable = `v${definitions.length}`;
      definitions.push(`$${variable}: ${def.args.find((a) => a.name === name)!.type.toString()}`);
      variables[variable] = value;
      return `${name}: $${variable}`;
    });
    const head = `${alias ? `${alias}: ` : ""}${s.name}${args.length ? `(${args.join(", ")})` : ""}`;
    return s.selection ? `${head} { ${renderSelection(getNamedType(def.type) as GraphQLCompositeType, s.selection)} }` : head;
  };
  const query = schema.getQueryType()!;
  const body = operation.roots.map((root, i) => renderField(query, root, `r${i}`)).join(" ");
  return { query: `query Generated${definitions.length ? `(${definitions.join(", ")})` : ""} { ${body} }`, variables };
}
