/**
 * The conformance check's composer (`--subgraph`): a provincial system's subgraph composed with the national ones.
 * The composition library and the national subgraphs (cut from the unified schema) load on first use, so a check
 * without a subgraph never pays for them.
 */
import type { SubgraphComposer } from "../modules/conformance/index.js";
import { SUBGRAPH_NAMES } from "./ownership.js";

export const subgraphComposer: SubgraphComposer = {
  nationalNames: SUBGRAPH_NAMES,
  async compose(name, typeDefs) {
    const { composeSupergraph } = await import("./supergraph.js");
    const composed = await composeSupergraph([{ name, typeDefs, url: `http://${name}.subgraph.invalid/graphql` }]);
    return composed.ok ? { ok: true } : { ok: false, errors: composed.errors };
  },
  async prepare() {
    const { nationalSubgraphs } = await import("./supergraph.js");
    await nationalSubgraphs();
  },
};
