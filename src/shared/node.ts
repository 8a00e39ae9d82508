/**
 * The Relay `Node` interface: every main entity has a globally unique, opaque `id` (see node-id.ts) and can be
 * fetched again by it with `node(id:)`, so client caches (Apollo Client, Relay, urql) normalise records without
 * hand-written type policies. Natural keys stay as fields of their own (`personalId`, `code`, `parcelId`, …).
 */
import { Field, ID, InterfaceType } from "type-graphql";

/** The GraphQL type of an object answered by `node` / `nodes`, set by the one place that loads them. */
export const NODE_TYPE = Symbol("node type");

@InterfaceType({
  description:
    "An object with a globally unique id (Relay global object identification): fetch it again with `node(id:)`. Ids are opaque and sealed — never parse or build one — and the same for the same record in every answer.",
  resolveType: (value: object) => (value as { [NODE_TYPE]?: string })[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, {
    description: "Globally unique, opaque id of this object (for caches and `node(id:)`); its natural key is a field of its own.",
  })
  id!: string;
}

/** Marks `value` as an object of GraphQL type `type`, for `Node`'s resolveType. */
export function asNode<T extends object>(type: string, value: T): T {
  (value as { [NODE_TYPE]?: string })[NODE_TYPE] = type;
  return value;
}
