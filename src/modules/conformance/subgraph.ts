/**
 * Whether a provincial system's own Apollo Federation 2 subgraph composes with the national supergraph. The
 * composition is not this module's: the environment hands it a composer (src/federation's, on the command line
 * and on the API's worker threads). Each composition error is a SCHEMA_SUBGRAPH_COMPOSITION finding, placed in the
 * provincial file by the error's AST nodes when they are the file's, or else by the schema coordinate its message
 * names (errors between subgraphs carry no nodes); an error about the national subgraphs alone has no position.
 */
import { type ASTNode, type DocumentNode, getLocation, type GraphQLError, Kind, parse, Source } from "graphql";
import { ConformanceInputError, type InputFile } from "./inputs.js";
import type { Findings } from "./report.js";
import { say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";

export type SubgraphComposition = { ok: true } | { ok: false; errors: readonly GraphQLError[] };

/** Composes one more subgraph with the national ones. */
export interface SubgraphComposer {
  /** The national subgraphs' names, which a provincial subgraph may not take. */
  nationalNames: readonly string[];
  /** The national subgraphs composed with this one (`typeDefs` keeps its locations in the provincial file). */
  compose(name: string, typeDefs: DocumentNode): Promise<SubgraphComposition>;
  /** Builds what composition needs (the national subgraphs) ahead of the first check; optional. */
  prepare?(): Promise<void>;
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/** `subgraphs/their.graphql` → `their`: the name a subgraph file gives its subgraph unless one is given. */
export function subgraphNameOf(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, "");
}

/** The supergraph's graph enum value a name becomes (join__Graph): upper case, other characters as `_`. */
const graphValue = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, "_");

/** The subgraph's name, given or from its file, checked: a usable name that no national subgraph has. */
export function subgraphName(file: InputFile, given: string | undefined | null, national: readonly string[]): string {
  const name = given ?? subgraphNameOf(file.name);
  if (!NAME.test(name)) {
    throw new ConformanceInputError(file.name, say(M.badSubgraphName, { name }));
  }
  const taken = national.find((n) => graphValue(n) === graphValue(name));
  if (taken) {
    throw new ConformanceInputError(file.name, say(M.nationalSubgraphName, { name, taken }));
  }
  return name;
}

/** The subgraph's SDL parsed into a document whose locations are the file's; malformed SDL is an input error. */
export function parseSubgraph(file: InputFile): { source: Source; document: DocumentNode } {
  const source = new Source(file.content.replace(/^\uFEFF/, ""), file.name);
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    const e = error as GraphQLError;
    throw new ConformanceInputError(
      file.name,
      say(M.notSubgraphSchema, { detail: e.message.replace(/^Syntax Error: /, "") }),
      e.locations?.[0],
    );
  }
  const executable = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION);
  if (executable?.loc) {
    throw new ConformanceInputError(file.name, say(M.subgraphHoldsOperations), getLocation(source, executable.loc.start));
  }
  return { source, document };
}

/** The type and field definitions of the provincial document by coordinate (`Citizen`, `Citizen.fullName`). */
function coordinates(document: DocumentNode): Map<string, ASTNode> {
  const byCoordinate = new Map<string, ASTNode>();
  for (const definition of document.definitions) {
    if (!("name" in definition) || !definition.name) continue;
    const type = definition.name.value;
    if (!byCoordinate.has(type)) byCoordinate.set(type, definition.name);
    const members = "fields" in definition ? definition.fields : "values" in definition ? definition.values : undefined;
    for (const member of members ?? []) {
      const coordinate = `${type}.${member.name.value}`;
      if (!byCoordinate.has(coordinate)) byCoordinate.set(coordinate, member.name);
    }
  }
  return byCoordinate;
}

const QUOTED_COORDINATE = /"([_A-Za-z][_0-9A-Za-z]*(?:\.[_A-Za-z][_0-9A-Za-z]*)?)"/g;

/** Composes the provincial subgraph with the national ones; every composition error becomes a finding. */
export async function checkSubgraph(
  file: InputFile,
  given: string | undefined | null,
  composer: SubgraphComposer | undefined,
  findings: Findings,
): Promise<void> {
  if (!composer) throw new ConformanceInputError(file.name, say(M.noComposer));
  const name = subgraphName(file, given, composer.nationalNames);
  const { source, document } = parseSubgraph(file);
  const composed = await composer.compose(name, document);
  if (composed.ok) return;
  const defined = coordinates(document);
  for (const error of composed.errors) {
    const node = error.nodes?.find((n) => n.loc?.source === source);
    const coordinate = [...error.message.matchAll(QUOTED_COORDINATE)].map((m) => m[1]).find((c) => defined.has(c));
    const at = node ?? (coordinate ? defined.get(coordinate) : undefined);
    const position = at?.loc ? getLocation(source, at.loc.start) : null;
    const code = error.extensions?.code;
    findings.add({
      rule: "SCHEMA_SUBGRAPH_COMPOSITION",
      file: file.name,
      line: position?.line ?? null,
      column: position?.column ?? null,
      path: coordinate ?? null,
      message: typeof code === "string" ? `${error.message} (${code})` : error.message,
    });
  }
}
