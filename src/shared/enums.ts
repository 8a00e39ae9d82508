/**
 * A closed set declared once, as a list of its values, made into the object type-graphql's registerEnumType takes:
 * each value keyed by itself. The GraphQL enum then cannot name a value the list does not hold, nor miss one.
 *
 *   export const Sex = enumOf(sexEnum.enumValues);   // the Postgres enum's values
 *   export type Sex = EnumValue<typeof Sex>;
 */
export function enumOf<const V extends string>(values: readonly V[]): { readonly [K in V]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in V]: K };
}

/** The values of an enum object (`enumOf`'s or an `as const` literal), as a union. */
export type EnumValue<E extends Record<string, string>> = E[keyof E];
