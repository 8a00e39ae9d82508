/**
 * GraphQL operations generated from the schema itself (fast-check): every root Query field, any sub-selection of
 * every object, union and interface type down to a depth bound, arguments filled by an `ArgumentValues` source
 * (real seeded data for the audit invariant). Nothing is listed by hand, so a new field is generated as soon as
 * the schema has it — or reported as uncovered when one of its required arguments cannot be filled.
 */
import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import {
  completeField,
  type FieldSelection,
  isListOf,
  type Operation,
  operationSize,
  renderOperation,
  type Selection,
} from "./operations.js";

export type { FieldSelection, FragmentSelection, Operation, Selection } from "./operations.js";

/** Where a value is asked for: the field (`Query.citizens`), the argument or input field, and the types around it. */
export interface Where {
  coordinate: string;
  /** Argument name, or the input field's name inside an input object. */
  name: string;
  /** The named input type of the value. */
  type: string;
  /** The named type the field returns (an `id` argument of a field returning LandParcel is a parcel id). */
  returns: string;
  /** The input object the value sits in, if any. */
  inside?: string;
}

/** An arbitrary for the value, `null` when it must not be filled (no real value exists), undefined for no opinion. */
export type ArgumentValues = (where: Where) => fc.Arbitrary<unknown> | null | undefined;

export interface GeneratorOptions {
  /** Deepest field generated (the root field is depth 1); the gateway refuses more than 12. */
  maxDepth?: number;
  /** Root fields per operation. */
  maxRoots?: number;
  /** How often each root field is chosen, by coordinate; the default weighs fields that can carry personal data. */
  weight?: (field: GraphQLField<unknown, unknown>, personal: boolean) => number;
}

/** The arbitrary's value with probability p, else null; shrinks towards null (the field left out). */
const maybe = <T>(arbitrary: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> =>
  fc.oneof(
    { withCrossShrink: true },
    { weight: Math.max(1, Math.round((1 - p) * 100)), arbitrary: fc.constant(null) },
    { weight: Math.max(1, Math.round(p * 100)), arbitrary },
  );

/**
 * An arbitrary built on first use: selections depend on the path (see `selection`), and building every path's
 * arbitrary up front would build far more than is ever drawn.
 */
class Lazy<T> extends fc.Arbitrary<T> {
  private built: fc.Arbitrary<T> | undefined;
  constructor(private readonly build: () => fc.Arbitrary<T>) {
    super();
  }
  private get arbitrary(): fc.Arbitrary<T> {
    return (this.built ??= this.build());
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.arbitrary.generate(mrng, biasFactor);
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.arbitrary.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arbitrary.shrink(value, context);
  }
}

const GENERIC_STRINGS = fc.constantFrom("", "a", "Nguyễn", "Hà Nội", "001");

function hasAccessDirective(node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null | undefined }): boolean {
  return !!node.astNode?.directives?.some((d) => d.name.value === "access");
}

/** A PersonalId, or an input object holding one at any depth. */
function takesPersonalId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === "PersonalId") return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => takesPersonalId(f.type, seen));
}

export class OperationGenerator {
  /** Fields left out because a required argument could not be filled: the pools need a new source. */
  readonly uncovered = new Set<string>();
  readonly roots: { field: GraphQLField<unknown, unknown>; weight: number; personal: boolean }[] = [];
  private readonly selections = new Map<string, fc.Arbitrary<Selection[]>>();
  private readonly maxDepth: number;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly values: ArgumentValues,
    private readonly options: GeneratorOptions = {},
  ) {
    this.maxDepth = options.maxDepth ?? 9;
    const query = schema.getQueryType()!;
    for (const field of Object.values(query.getFields())) {
      const personal = this.carriesPersonalData(field);
      // A personal id inside an input object (a dossier naming its subjects) has many shapes to try: weigh it more.
      const shapes = field.args.some((a) => isInputObjectType(getNamedType(a.type)) && takesPersonalId(a.type));
      const weight = options.weight?.(field, personal) ?? (personal ? (shapes ? 18 : 6) : 1);
      this.roots.push({ field, weight, personal });
    }
  }

  /** Marked `@access` (itself, or any type it reaches), or takes a personal id in an argument. */
  carriesPersonalData(field: GraphQLField<unknown, unknown>): boolean {
    if (hasAccessDirective(field)) return true;
    if (field.args.some((a) => takesPersonalId(a.type))) return true;
    const seen = new Set<string>();
    const reaches = (type: GraphQLNamedType): boolean => {
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      if (type.name === "PersonalId") return true;
      if (isAbstractType(type)) return this.schema.getPossibleTypes(type).some(reaches);
      if (!isObjectType(type)) return false;
      if (hasAccessDirective(type)) return true;
      return Object.values(type.getFields()).some((f) => hasAccessDirective(f) || reaches(getNamedType(f.type)));
    };
    return reaches(getNamedType(field.type));
  }

  /** One operation of 1 to maxRoots root fields, chosen by weight. */
  operation(): fc.Arbitrary<Operation> {
    const roots = this.roots
      .map(({ field, weight }) => ({ weight, arbitrary: this.rootField(field) }))
      .filter((r): r is { weight: number; arbitrary: fc.Arbitrary<FieldSelection> } => !!r.arbitrary);
    return fc.array(fc.oneof(...roots), { minLength: 1, maxLength: this.options.maxRoots ?? 3 }).map((list) => ({ roots: list }));
  }

  /** The arbitrary of one root field alone (undefined when its required arguments cannot be filled). */
  rootField(field: GraphQLField<unknown, unknown>): fc.Arbitrary<FieldSelection> | undefined {
    return this.field(this.schema.getQueryType()!, field, 1);
  }

  private field(
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    depth: number,
    lists: readonly string[] = [],
  ): fc.Arbitrary<FieldSelection> | undefined {
    const coordinate = `${parent.name}.${field.name}`;
    const returns = getNamedType(field.type);
    const args: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) {
      const value = this.argument(arg, { coordinate, name: arg.name, type: getNamedType(arg.type).name, returns: returns.name });
      if (value === undefined) {
        if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
          this.uncovered.add(`${coordinate}(${arg.name})`);
          return undefined;
        }
        continue;
      }
      args[arg.name] = value;
    }
    const argsArbitrary = fc.record(args).map((values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
    if (isLeafType(returns)) return argsArbitrary.map((a) => ({ kind: "field" as const, name: field.name, args: a }));
    const selection = this.selection(returns as GraphQLCompositeType, depth + 1, isListOf(field) ? [...lists, coordinate] : lists);
    return fc.tuple(argsArbitrary, selection).map(([a, s]) => ({ kind: "field" as const, name: field.name, args: a, selection: s }));
  }

  /** Values for the field's required arguments only (undefined when one cannot be filled). */
  requiredArguments(
    field: GraphQLField<unknown, unknown>,
    parent = this.schema.getQueryType()!,
  ): fc.Arbitrary<Record<string, unknown>> | undefined {
    const args: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
      const value = this.argument(arg, {
        coordinate: `${parent.name}.${field.name}`,
        name: arg.name,
        type: getNamedType(arg.type).name,
        returns: getNamedType(field.type).name,
      });
      if (!value) return undefined;
      args[arg.name] = value;
    }
    return fc.record(args);
  }

  /** A required argument's value, an optional one's value or undefined (left out), or undefined when it cannot be filled. */
  private argument(arg: GraphQLArgument, where: Where): fc.Arbitrary<unknown> | undefined {
    const value = this.input(arg.type, where);
    if (!value) return undefined;
    return isNonNullType(arg.type) ? value : fc.option(value, { nil: undefined, freq: 2 });
  }

  private input(type: GraphQLInputType, where: Where): fc.Arbitrary<unknown> | undefined {
    if (isNonNullType(type)) return this.input(type.ofType, where);
    if (isListType(type)) {
      const item = this.input(type.ofType, where);
      return item && fc.array(item, { maxLength: 2 });
    }
    const pooled = this.values({ ...where, type: type.name });
    if (pooled === null) return undefined;
    if (pooled) return pooled;
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    if (isInputObjectType(type)) {
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of Object.values(type.getFields())) {
        const value = this.input(f.type, { ...where, name: f.name, type: getNamedType(f.type).name, inside: type.name });
        if (!value) {
          if (isNonNullType(f.type) && f.defaultValue === undefined) return undefined;
          continue;
        }
        fields[f.name] = isNonNullType(f.type) && f.defaultValue === undefined ? value : fc.option(value, { nil: undefined, freq: 3 });
      }
      return fc.record(fields).map((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)));
    }
    switch (type.name) {
      case "Boolean":
        return fc.boolean();
      case "Int":
        return fc.integer({ min: 1, max: 5 });
      case "Float":
        return fc.constantFrom(0, 1.5, 100);
      case "String":
        return GENERIC_STRINGS;
      default:
        return undefined;
    }
  }

  /**
   * Sub-selections of a composite type at a depth; deeper levels pick fewer composite fields. A list field is not
   * repeated along one path (`lists`): provinces { communes { province { communes … } } } multiplies a hundredfold a
   * level, and the gateway's cost limit, static, would let it through; one level of each list shows every field.
   */
  private selection(type: GraphQLCompositeType, depth: number, lists: readonly string[]): fc.Arbitrary<Selection[]> {
    const key = `${type.name}@${depth}:${[...lists].sort().join(",")}`;
    const known = this.selections.get(key);
    if (known) return known;
    const built = new Lazy(() => {
      const typename: Selection = { kind: "field", name: "__typename", args: {} };
      if (isAbstractType(type)) {
        const parts = this.schema.getPossibleTypes(type).map((t) =>
          maybe(
            this.selection(t, depth, lists).map((s): Selection => ({ kind: "fragment", on: t.name, selection: s })),
            0.7,
          ),
        );
        return fc.tuple(...parts).map((list) => [typename, ...list.filter((s): s is Selection => s !== null)]);
      }
      const fields = Object.values(type.getFields()).filter((f) => !lists.includes(`${type.name}.${f.name}`));
      const composites = fields.filter((f) => !isLeafType(getNamedType(f.type))).length;
      // About three composite fields right under a root, fewer further down, so answers stay small but reach deep.
      const compositeChance = Math.min(0.6, 3 / Math.max(1, composites)) * 0.85 ** Math.max(0, depth - 2);
      const parts: fc.Arbitrary<Selection | null>[] = [];
      for (const f of fields) {
        const leaf = isLeafType(getNamedType(f.type));
        if (!leaf && depth >= this.maxDepth) continue;
        const arbitrary = this.field(type, f, depth, lists);
        if (arbitrary) parts.push(maybe(arbitrary, leaf ? 0.4 : compositeChance));
      }
      return fc.tuple(...parts).map((list) => {
        const chosen = list.filter((s): s is Selection => s !== null);
        return chosen.length > 0 ? chosen : [typename];
      });
    });
    this.selections.set(key, built);
    return built;
  }

  /** A root field with every field below it down to `depth`: see `completeField`. */
  complete(name: string, args: Record<string, unknown>, depth: number): FieldSelection {
    return completeField(this.schema, name, args, depth);
  }

  /** The operation as a document with one variable per argument value: see `renderOperation`. */
  render(operation: Operation): { query: string; variables: Record<string, unknown> } {
    return renderOperation(this.schema, operation);
  }

  static size = operationSize;
}
