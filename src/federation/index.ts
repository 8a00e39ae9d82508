/**
 * Federation: each national source served as its own Apollo Federation 2 subgraph, cut from the one unified schema by
 * ownership, and Hive Gateway routing them over the committed supergraph, with the gateway's promises at both ends.
 * This door names what other parts use (composition, for conformance and the schema script; conformance imports
 * composer.ts itself, which loads the composition library only when a subgraph is checked); the subgraph servers
 * and the router (subgraph-server.ts, router.ts) are loaded only by their command (main.ts), so nothing else pays for
 * Hive Gateway's modules.
 */
export { subgraphComposer } from "./composer.js";
export { composeSupergraph, printSupergraph, readSupergraphFile, SUPERGRAPH_FILE } from "./supergraph.js";
export { isSubgraphName, SUBGRAPH_NAMES, type SubgraphName } from "./ownership.js";
