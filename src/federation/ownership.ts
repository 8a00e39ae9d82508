/**
 * Who answers what when each source runs as its own subgraph: the ministry that holds the data serves its types and
 * the fields it contributes to other sources' entities; the platform (the `gateway` subgraph) serves the
 * administrative map, procedures and dossiers, the access log and conformance. One table, read by the subgraph
 * schemas (./subgraph-schema.ts) and the router.
 */
import type { SourceName } from "../platform/config.js";

export const SUBGRAPH_NAMES = ["population", "land", "business", "gateway"] as const satisfies readonly SourceName[];
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export type SourceSubgraph = Exclude<SubgraphName, "gateway">;

export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(value);
}

/** The entities: a type with a key other subgraphs reference it by, and the subgraph that holds its record. */
export const ENTITIES: Record<string, { subgraph: SourceSubgraph; key: string }> = {
  Citizen: { subgraph: "population", key: "personalId" },
  Household: { subgraph: "population", key: "code" },
  Enterprise: { subgraph: "business", key: "code" },
  Branch: { subgraph: "business", key: "code" },
  HouseholdBusiness: { subgraph: "business", key: "registrationNumber" },
  LandParcel: { subgraph: "land", key: "parcelId" },
  LandCertificate: { subgraph: "land", key: "serial" },
};

/**
 * Value types every subgraph that reaches them resolves itself (`@shareable`): the administrative map is reference
 * data each process loads, a page's info and a coded value are shapes, a verification's answer is the same type
 * from each source.
 */
export const SHARED_TYPES = new Set([
  "Address",
  "AdministrativeUnit",
  "Province",
  "Commune",
  "LegacyAdministrativeUnit",
  "UnitSuccession",
  "CodedValue",
  "PageInfo",
  "Node",
  "Verification",
]);

/** The home subgraph of the types that are not the platform's. */
const TYPE_HOMES: Record<string, SourceSubgraph> = {
  CitizenConnection: "population",
  CitizenEdge: "population",
  HouseholdMember: "population",
  IdentityCard: "population",
  LifeStatus: "population",
  EnterpriseConnection: "business",
  EnterpriseEdge: "business",
  EnterpriseIndustry: "business",
  EnterprisePerson: "business",
  EnterpriseRole: "business",
  LandParcelConnection: "land",
  LandParcelEdge: "land",
  LandHolder: "land",
  LandHolderSubject: "land",
  Encumbrance: "land",
  LandTransfer: "land",
  ParcelHolding: "land",
};

const BY_DATA_SOURCE: Record<string, SourceSubgraph> = { POPULATION: "population", LAND: "land", BUSINESS: "business" };

/** Root fields that read a source's data through the platform's own records, so the platform answers them. */
const PLATFORM_ROOT_FIELDS = new Set(["Query.accessLog"]);

/** The subgraph a type's fields belong to unless one says otherwise; null for shared value types. */
export function typeHome(type: string): SubgraphName | null {
  if (SHARED_TYPES.has(type)) return null;
  return ENTITIES[type]?.subgraph ?? TYPE_HOMES[type] ?? "gateway";
}

/**
 * The subgraph that answers `type.field`: a root field or a field on another source's type goes to the source its
 * `@access` names (`Citizen.landParcels` is the land registry's); the rest to its type's home. Null: every
 * subgraph that has the type (shared value types).
 */
export function fieldOwner(type: string, field: string, accessSource: string | undefined, root: boolean): SubgraphName | null {
  const coordinate = `${type}.${field}`;
  if (PLATFORM_ROOT_FIELDS.has(coordinate)) return "gateway";
  const bySource = accessSource ? BY_DATA_SOURCE[accessSource] : undefined;
  if (root) return bySource ?? "gateway";
  const home = typeHome(type);
  if (home && bySource && bySource !== home && ENTITIES[type]) return bySource;
  return home;
}
