/** nodes: the module's one door. */
export { nodeResolvers } from "./resolvers.js";
