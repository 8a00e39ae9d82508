/**
 * Relay global object identification: `Node.id` on every main entity, and `node(id:)` / `nodes(ids:)` to fetch any
 * of them again. A lookup by global id is a lookup like any other: it is refused as the type's direct lookup would
 * be (credential, purpose, grant; a citizen client only to its own records), and recorded in the audit trail against
 * the subject before anything is read. Fields selected through fragments (`... on Citizen { religion }`) are checked
 * before the operation runs, like any other (src/modules/access/analyze.ts follows the fragments' type conditions).
 */
import { listCost } from "../../shared/cost.js";
import { type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { typeAccess } from "../access/index.js";
import { checkNodeAccess } from "../access/index.js";
import type { NodesContext } from "./context.js";
import { type ErrorCode, GatewayError, InvalidInputError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { NODE_MESSAGES } from "./messages.js";
import { asNode, Node } from "../../shared/node.js";
import { NODE_TYPES } from "./registry.js";

/** The most ids one `nodes` call takes, as the largest page of a list. */
export const MAX_NODE_IDS = 100;

/** The object a global id names, after the checks and the audit row its direct lookup would have. */
async function resolveNode(
  ctx: NodesContext,
  info: GraphQLResolveInfo,
  id: string,
  coordinate: string,
  argument: string,
): Promise<object | null> {
  const ref = ctx.gateway.nodeIds.decode(id, argument);
  const entry = NODE_TYPES[ref.type];
  const type = info.schema.getType(ref.type) as GraphQLObjectType | undefined;
  // An id issued for a type this schema no longer has: as unknown as a record that no longer exists.
  if (!entry || !type) return null;
  const access = typeAccess(type);
  if (access) {
    const refusal = checkNodeAccess(entry.lookup ?? coordinate, access, ctx.access.client, ctx.access.purpose);
    if (refusal) {
      const [{ message, extensions }] = refusal.errors;
      const { code, ...details } = extensions as { code: ErrorCode };
      throw new GatewayError(code, message, { ...details, type: ref.type });
    }
    // A subject is read (and refused to a citizen client, when another person's) before its record is loaded.
    if (entry.subject) ctx.access.read(entry.subject(ref.key), coordinate);
  }
  const value = await entry.load(ctx, ref.key);
  if (access && !entry.subject) {
    const owner = value && entry.owner ? entry.owner(value) : undefined;
    ctx.access.read(owner, coordinate);
    if (value && owner) ctx.access.owners.set(value, owner);
  }
  return value ? asNode(ref.type, value) : null;
}

@Resolver(() => Node)
export class NodeResolver {
  @FieldResolver(() => ID)
  id(@Root() value: object, @Ctx() ctx: NodesContext, @Info() info: GraphQLResolveInfo): string {
    const type = info.parentType.name;
    const entry = NODE_TYPES[type];
    if (!entry) throw new Error(`${type} implements Node but has no entry in NODE_TYPES`);
    return ctx.gateway.nodeIds.encode(type, entry.key(value));
  }

  @Query(() => Node, {
    nullable: true,
    description:
      "Any object implementing Node, by its global id (Relay): what its direct lookup answers (citizen, enterprise, landParcel, dossier, …), with the same checks and audit trail; a citizen client reaches its own records and public reference data only. Null when the record no longer exists; INVALID_NODE_ID for an id the gateway did not issue.",
  })
  node(
    @Arg("id", () => ID, { description: "A global id: the `id` of an object the gateway returned." }) id: string,
    @Ctx() ctx: NodesContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return resolveNode(ctx, info, id, "Query.node", "id");
  }

  @Query(() => [Node], {
    nullable: "items",
    // One object per id, as a page answers one per item: the cost multiplies by the ids asked for.
    complexity: listCost(
      MAX_NODE_IDS,
      ({ args, childComplexity }) => (Array.isArray(args.ids) ? Math.max(1, args.ids.length) : 1) * (1 + childComplexity),
    ),
    description: `Objects by global id, in the order asked (at most ${MAX_NODE_IDS}): each as \`node(id:)\` would answer it — an entry is null when its record no longer exists, or null with an error (its path names the entry) when it is refused or not an id the gateway issued.`,
  })
  nodes(
    @Arg("ids", () => [ID], { description: `Global ids, at most ${MAX_NODE_IDS}.` }) ids: string[],
    @Ctx() ctx: NodesContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (ids.length > MAX_NODE_IDS) {
      throw new InvalidInputError("INVALID_ARGUMENT", say(NODE_MESSAGES.tooManyIds, { max: MAX_NODE_IDS, count: ids.length }), {
        argument: "ids",
        max: MAX_NODE_IDS,
      });
    }
    return ids.map((id, i) => resolveNode(ctx, info, id, "Query.nodes", `ids[${i}]`));
  }
}

export const nodeResolvers = [NodeResolver] as const;
