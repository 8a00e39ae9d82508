/** Builds the one unified GraphQL schema from every module's resolvers. */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { type GraphQLEnumType, GraphQLInputObjectType, GraphQLSchema, lexicographicSortSchema, specifiedDirectives } from "graphql";
import { buildSchema } from "type-graphql";
import { accessDirective, GraphQLDataClass, GraphQLDataSource, GraphQLSubjectKind, subjectDirective } from "./modules/access/index.js";
import { instrumentAccess } from "./modules/access/index.js";
import { AccessGrantResolver, AccessLogEntryResolver, AccessResolver, ConsentResolver } from "./modules/access/index.js";
import { AddressResolver } from "./modules/admin-units/index.js";
import { adminUnitResolvers } from "./modules/admin-units/index.js";
import { businessResolvers } from "./modules/business/index.js";
import { conformanceResolvers } from "./modules/conformance/index.js";
import { landResolvers } from "./modules/land/index.js";
import { monitoringResolvers } from "./modules/monitoring/index.js";
import { nodeResolvers } from "./modules/nodes/index.js";
import { populationResolvers } from "./modules/population/index.js";
import { procedureResolvers } from "./modules/procedures/index.js";
import { GraphQLErrorCode } from "./platform/errors.js";

let unified: Promise<GraphQLSchema> | undefined;
let built: Promise<GraphQLSchema> | undefined;

/** Input types declared `@Directive("@oneOf")`: type-graphql keeps the directive, graphql-js needs `isOneOf` to enforce it. */
function withOneOf(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_TYPE]: (type) =>
      type.astNode?.directives?.some((d) => d.name.value === "oneOf") && !type.isOneOf
        ? new GraphQLInputObjectType({ ...type.toConfig(), isOneOf: true })
        : type,
  });
}

/**
 * The unified schema as the modules declare it, built once per process (type-graphql metadata is global), before
 * any instrumentation: what the gateway serves (below) and each subgraph is cut from (src/federation/).
 */
export function buildUnifiedSchema(): Promise<GraphQLSchema> {
  unified ??= buildSchema({
    resolvers: [
      AccessResolver,
      AccessGrantResolver,
      AccessLogEntryResolver,
      ConsentResolver,
      ...nodeResolvers,
      ...adminUnitResolvers,
      AddressResolver,
      ...populationResolvers,
      ...landResolvers,
      ...businessResolvers,
      ...procedureResolvers,
      ...conformanceResolvers,
      ...monitoringResolvers,
    ],
    validate: false,
    directives: [...specifiedDirectives],
  }).then((schema) => {
    const mutation = schema.getMutationType();
    if (mutation)
      mutation.description =
        "Actions that change the gateway's own records: dossiers submitted and re-evaluated, consents asked for and answered, data-correction requests closed.";
    const query = schema.getQueryType();
    if (query) {
      query.description =
        "Questions to the national sources — population, land, business — and the administrative map, answered as one graph.";
    }
    // The directives' enums are the schema's own where a field returns them (one type per name), else their own.
    const own = (fallback: GraphQLEnumType) => (schema.getType(fallback.name) as GraphQLEnumType | undefined) ?? fallback;
    const config = schema.toConfig();
    const complete = new GraphQLSchema({
      ...config,
      directives: [
        ...specifiedDirectives,
        accessDirective(own(GraphQLDataSource), own(GraphQLDataClass)),
        subjectDirective(own(GraphQLSubjectKind)),
      ],
      // Types no field returns, but which clients need: the codes of `extensions.code`.
      types: [...config.types, GraphQLErrorCode],
    });
    return lexicographicSortSchema(withOneOf(complete));
  });
  return unified;
}

/** The schema the gateway serves: the unified one, its every read of an @access field noticed in one place. */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= buildUnifiedSchema().then((schema) => {
    // A copy (same resolvers, own field objects), so the unified schema stays as declared.
    const served = lexicographicSortSchema(schema);
    instrumentAccess(served);
    return served;
  });
  return built;
}

/** The committed schema.graphql: what frontend teams read. Printed from the code, compared in tests. */
export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "schema.graphql");

export async function printGatewaySchema(): Promise<string> {
  const header = "# NDAF Gateway — unified schema. Emitted by `npm run schema:emit`; do not edit by hand.\n\n";
  return header + printSchemaWithDirectives(await buildGatewaySchema()) + "\n";
}

export function readSchemaFile(): string | null {
  return fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : null;
}
