/**
 * One conformance check over a provincial system's operations, sample records and schema: the same function
 * behind `ndaf-gateway conformance` and the `checkConformance` query, so both give the same report.
 */
import { createHash } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { Client } from "../access/index.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import type { ProcedureCatalogue } from "../procedures/index.js";
import { todayInVietnam } from "../../platform/dates.js";
import { assertInputSizes, type ConformanceLimits } from "./bounds.js";
import { ConformanceInputError, type ConformanceInputs } from "./inputs.js";
import { checkOperations } from "./operations.js";
import { checkSampleFile } from "./payloads.js";
import { buildReport, type Report, Findings } from "./report.js";
import { CONFORMANCE_RULES } from "./rules.js";
import { checkSchema } from "./schema-diff.js";
import { checkSubgraph, type SubgraphComposer } from "./subgraph.js";
import { say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";

export interface ConformanceEnvironment {
  schema: GraphQLSchema;
  adminUnits: AdminUnitRegistry;
  catalogue: ProcedureCatalogue;
  /** Composes a provincial subgraph with the national ones; without it, a subgraph to check is an input error. */
  subgraphComposer?: SubgraphComposer;
}

export interface CheckOptions {
  client?: Client | null;
  /** YYYY-MM-DD; dates of birth and registration may not lie after it. Defaults to today in Vietnam. */
  today?: string;
  /** Bounds on what the inputs may ask (API_LIMITS for the API); none by default, as on the command line. */
  limits?: ConformanceLimits | null;
  /** Whether findings may suggest the nearest national name ("Did you mean …?"); on by default. */
  suggestions?: boolean;
}

const schemaHashes = new WeakMap<GraphQLSchema, string>();

/** First 16 hex digits of the SHA-256 of the printed national schema (schema.graphql without its header). */
export function nationalSchemaHash(schema: GraphQLSchema): string {
  let hash = schemaHashes.get(schema);
  if (!hash) {
    hash = `sha256:${createHash("sha256").update(printSchemaWithDirectives(schema)).digest("hex").slice(0, 16)}`;
    schemaHashes.set(schema, hash);
  }
  return hash;
}

/** Input limits, so a check stays a quick question (the API's body limit is 1 MB anyway). */
export const MAX_FILES = 200;

/** Runs every check the inputs allow. Malformed inputs throw ConformanceInputError; everything else is a finding. */
export async function checkConformance(
  env: ConformanceEnvironment,
  inputs: ConformanceInputs,
  options: CheckOptions = {},
): Promise<Report> {
  const given = [
    ...inputs.operations,
    ...inputs.samples,
    ...(inputs.schema ? [inputs.schema] : []),
    ...(inputs.subgraph ? [inputs.subgraph] : []),
  ];
  const total = given.length;
  if (total === 0) throw new ConformanceInputError("(input)", say(M.nothingToCheck));
  if (!inputs.subgraph && inputs.subgraphName) throw new ConformanceInputError("(input)", say(M.subgraphNameWithoutSubgraph));
  if (!inputs.schema && Object.keys(inputs.schemaTypeMap ?? {}).length > 0)
    throw new ConformanceInputError("(input)", say(M.typeMapWithoutSchema));
  if (total > MAX_FILES) throw new ConformanceInputError("(input)", say(M.tooManyFiles, { total, max: MAX_FILES }));
  const limits = options.limits ?? null;
  if (limits) assertInputSizes(inputs, limits);
  const names = new Set<string>();
  for (const file of given) {
    if (names.has(file.name)) throw new ConformanceInputError(file.name, say(M.givenTwice));
    names.add(file.name);
  }

  const findings = new Findings();
  const today = options.today ?? todayInVietnam();
  const client = options.client ?? null;
  const context = {
    schema: env.schema,
    adminUnits: env.adminUnits,
    catalogue: env.catalogue,
    today,
    suggestions: options.suggestions ?? true,
  };

  const operations = checkOperations(inputs.operations, { ...context, client, limits }, findings);
  let records = 0;
  for (const file of inputs.samples) {
    if (!/\.json$/i.test(file.name)) throw new ConformanceInputError(file.name, say(M.samplesAreJson));
    records += checkSampleFile(file, context, findings);
  }
  const schemaTypesCompared = inputs.schema ? await checkSchema(inputs.schema, env.schema, findings, inputs.schemaTypeMap ?? {}) : 0;
  if (inputs.subgraph) await checkSubgraph(inputs.subgraph, inputs.subgraphName, env.subgraphComposer, findings);

  return buildReport(
    findings.all(),
    { ...operations, sampleFiles: inputs.samples.length, records, schemaTypesCompared, subgraphsChecked: inputs.subgraph ? 1 : 0 },
    nationalSchemaHash(env.schema),
    client?.id ?? null,
    CONFORMANCE_RULES.map((r) => r.id),
  );
}
