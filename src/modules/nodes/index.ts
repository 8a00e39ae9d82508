/** Global object ids (`Node.id`, `node`, `nodes`): any record by a sealed id, with the checks of its direct lookup. */
export { nodeResolvers } from "./resolvers.js";
export { type NodesContext } from "./context.js";
export { NODE_TYPES, type NodeType } from "./registry.js";
