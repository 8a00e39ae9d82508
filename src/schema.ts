/** Builds the one unified GraphQL schema from every module's resolvers. */
import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, specifiedDirectives } from "graphql";
import { buildSchema } from "type-graphql";
import { accessDirective, subjectDirective } from "./access/directive.js";
import { instrumentAccess } from "./access/instrument.js";
import { AccessResolver } from "./access/resolvers.js";
import { AddressResolver } from "./modules/admin-units/address.js";
import { adminUnitResolvers } from "./modules/admin-units/resolvers.js";
import { businessResolvers } from "./modules/business/resolvers.js";
import { conformanceResolvers } from "./modules/conformance/resolvers.js";
import { landResolvers } from "./modules/land/resolvers.js";
import { populationResolvers } from "./modules/population/resolvers.js";
import { procedureResolvers } from "./modules/procedures/resolvers.js";
import { ErrorCodeEnum } from "./shared/errors.js";

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process (type-graphql metadata is global). */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [AccessResolver, ...adminUnitResolvers, AddressResolver, ...populationResolvers, ...landResolvers, ...businessResolvers, ...procedureResolvers, ...conformanceResolvers],
    validate: false,
    directives: [...specifiedDirectives, accessDirective, subjectDirective],
  }).then((schema) => {
    const mutation = schema.getMutationType();
    if (mutation) mutation.description = "Actions that change the gateway's own records: dossiers submitted for a procedure.";
    const query = schema.getQueryType();
    if (query) {
      query.description =
        "Questions to the national sources — population, land, business — and the administrative map, answered as one graph.";
    }
    // Types no field returns, but which clients need: the codes of `extensions.code`.
    const config = schema.toConfig();
    const sorted = lexicographicSortSchema(new GraphQLSchema({ ...config, types: [...config.types, ErrorCodeEnum] }));
    // Every read of an @access field is noticed in one place (src/access/instrument.ts).
    instrumentAccess(sorted);
    return sorted;
  });
  return built;
}
