/**
 * The supergraph: the four subgraphs composed by The Guild's federation composition (the engine Hive Gateway runs
 * on). `supergraph.graphql` is emitted from the code and committed beside `schema.graphql`, with the same staleness
 * check; the router serves it with each subgraph's URL from the environment.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices, type ServiceDefinition } from "@theguild/federation-composition";
import type { DocumentNode, GraphQLError } from "graphql";
import { SUBGRAPH_NAMES, type SubgraphName } from "./ownership.js";
import { subgraphTypeDefs } from "./subgraph-schema.js";
import { buildUnifiedSchema } from "../schema.js";

export const SUPERGRAPH_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "supergraph.graphql");

/** The placeholder each subgraph's URL has in the committed supergraph; the router puts the real one in. */
export function placeholderUrl(name: SubgraphName): string {
  return `http://${name}.subgraph.invalid/graphql`;
}

let national: Promise<ServiceDefinition[]> | undefined;

/** The national subgraphs' definitions, cut from the unified schema (once per process). */
export function nationalSubgraphs(): Promise<ServiceDefinition[]> {
  national ??= buildUnifiedSchema().then((schema) =>
    SUBGRAPH_NAMES.map((name) => ({ name, url: placeholderUrl(name), typeDefs: subgraphTypeDefs(schema, name) })),
  );
  return national;
}

export type Composition = { ok: true; supergraphSdl: string; publicSdl: string } | { ok: false; errors: GraphQLError[] };

/** The national subgraphs composed, with `extra` ones (a provincial system's) if given. */
export async function composeSupergraph(extra: { name: string; typeDefs: DocumentNode; url?: string }[] = []): Promise<Composition> {
  const result = composeServices([...(await nationalSubgraphs()), ...extra]);
  if (result.errors) return { ok: false, errors: result.errors };
  return { ok: true, supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl };
}

const HEADER =
  "# NDAF Gateway — the supergraph of the population, land, business and gateway subgraphs. Emitted by `npm run schema:emit`; do not edit by hand.\n";

/** The committed supergraph.graphql, as the code composes it now. */
export async function printSupergraph(): Promise<string> {
  const composed = await composeSupergraph();
  if (!composed.ok) throw new Error(`The subgraphs do not compose:\n${composed.errors.map((e) => `- ${e.message}`).join("\n")}`);
  return `${HEADER}\n${composed.supergraphSdl.trim()}\n`;
}

export function readSupergraphFile(): string | null {
  return fs.existsSync(SUPERGRAPH_FILE) ? fs.readFileSync(SUPERGRAPH_FILE, "utf8") : null;
}
