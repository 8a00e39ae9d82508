/**
 * The longest list of each kind the data holds, to hold the list sizes the schema declares for the query cost
 * (src/shared/cost.ts) against: generated data (counted from the generator's CSV, no database), the reference
 * files in seeds/ (the 2025 map, its predecessors, the procedure catalogue) and the schema itself.
 * Used by `npm run list-sizes` and test/access/list-cost.test.ts.
 */
import { type GraphQLOutputType, type GraphQLSchema, isListType, isNonNullType, isObjectType } from "graphql";
import { fieldAccess } from "../../src/modules/access/directive.js";
import { ProcedureCatalogue } from "../../src/modules/procedures/catalogue.js";
import { RULES } from "../../src/modules/procedures/rules.js";
import { declaredListSize, type ListSize } from "../../src/shared/cost.js";
import { parseCsv } from "../../src/seed/csv.js";
import { generateDataset } from "../../src/seed/generate.js";
import { loadGeography, registryFromGeography } from "../../src/seed/geography.js";
import { SEED_TABLES, type SeedTable } from "../../src/seed/tables.js";

/** Largest size found per schema coordinate (Type.field). */
export type Largest = Map<string, number>;

class Counter {
  private readonly counts = new Map<string, number>();
  add(key: string | undefined): void {
    if (key) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  get max(): number {
    let max = 0;
    for (const n of this.counts.values()) if (n > max) max = n;
    return max;
  }
}

/** Counts the generator's rows for `citizens` citizens as they are produced, without a database. */
export async function largestInGeneratedData(citizens: number, seed = 2025): Promise<Largest> {
  const counters = new Map<string, Counter>();
  const counter = (coordinate: string) => {
    let c = counters.get(coordinate);
    if (!c) counters.set(coordinate, (c = new Counter()));
    return c;
  };
  // Holders are counted once every certificate is known: a certificate and its holders may come in different chunks.
  const activeParcelOf = new Map<string, string>();
  const holders: { serial: string; personalId: string; enterpriseCode: string }[] = [];
  const decoder = new TextDecoder();
  const count: Partial<Record<SeedTable, (row: Record<string, string>) => void>> = {
    citizens: (r) => {
      counter("Citizen.children").add(r.father_id);
      counter("Citizen.children").add(r.mother_id);
    },
    identityCards: (r) => counter("Citizen.identityCards").add(r.personal_id),
    householdMembers: (r) => counter("Household.members").add(r.household_id),
    certificates: (r) => {
      counter("LandParcel.certificates").add(r.parcel_id);
      if (r.status === "ACTIVE") activeParcelOf.set(r.serial, r.parcel_id);
    },
    holders: (r) => {
      counter("LandCertificate.holders").add(r.certificate_serial);
      holders.push({ serial: r.certificate_serial, personalId: r.personal_id, enterpriseCode: r.enterprise_code });
    },
    encumbrances: (r) => counter("LandParcel.encumbrances").add(r.parcel_id),
    transfers: (r) => counter("LandParcel.transfers").add(r.parcel_id),
    enterpriseIndustries: (r) => counter("Enterprise.industries").add(r.enterprise_code),
    enterprisePeople: (r) => {
      counter(r.role === "LEGAL_REPRESENTATIVE" ? "Enterprise.legalRepresentatives" : "Enterprise.owners").add(r.enterprise_code);
      counter("Citizen.enterpriseRoles").add(r.personal_id);
    },
    branches: (r) => counter("Enterprise.branches").add(r.enterprise_code),
    householdBusinesses: (r) => counter("Citizen.householdBusinesses").add(r.owner_personal_id),
  };
  await generateDataset({
    citizens,
    seed,
    onChunk: ({ table, data }) => {
      const handle = count[table];
      if (!handle) return;
      const columns = SEED_TABLES[table].columns;
      for (const fields of parseCsv(decoder.decode(data))) {
        if (fields.length > 1) handle(Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? ""])));
      }
    },
  });
  for (const h of holders) {
    const parcel = activeParcelOf.get(h.serial);
    if (!parcel) continue;
    counter("LandParcel.holders").add(parcel);
    counter("Citizen.landParcels").add(h.personalId);
    counter("Enterprise.landParcels").add(h.enterpriseCode);
  }
  return new Map([...counters].map(([coordinate, c]) => [coordinate, c.max]));
}

/** Sizes fixed by the reference files: the 2025 map and its predecessors, the procedure catalogue. */
export function largestInReferenceData(): Largest {
  const map = registryFromGeography(loadGeography());
  const catalogue = ProcedureCatalogue.load();
  const most = (values: number[]) => Math.max(0, ...values);
  const procedures = catalogue.procedures;
  return new Map([
    ["Query.provinces", map.provinces.size],
    ["Province.communes", most([...map.communesByProvince.values()].map((c) => c.length))],
    ["LegacyAdministrativeUnit.successors", most([...map.legacy.values()].map((u) => u.successors.length))],
    ["Query.procedures", procedures.length],
    ["ProcedureReport.procedures", procedures.length],
    ["Procedure.components", most(procedures.map((p) => p.components.length))],
    ["Dossier.components", most(procedures.map((p) => p.components.length))],
    ["DossierEvaluation.components", most(procedures.map((p) => p.components.length))],
    ["Procedure.legalBasis", most(procedures.map((p) => p.legalBasis.length))],
    ["Procedure.subjects", most(procedures.map((p) => (p.subjects ?? []).length))],
    ["ProcedureComponent.sources", most(Object.values(RULES).map((r) => r.sources.length))],
  ]);
}

/** Sizes that follow from the schema: an audit entry names at most every `@access` field there is. */
export function largestInSchema(schema: GraphQLSchema): Largest {
  let accessFields = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) if (fieldAccess(type, field)) accessFields++;
  }
  return new Map([["AccessLogEntry.fields", accessFields]]);
}

export interface ListField {
  coordinate: string;
  /** A list type (possibly non-null), or an object type reached through a `first` argument. */
  type: GraphQLOutputType;
  declared: ListSize | undefined;
  paged: boolean;
}

/** Every field of the schema that returns a list or pages through one, outside introspection. */
export function listFields(schema: GraphQLSchema): ListField[] {
  const found: ListField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
      const paged = field.args.some((a) => a.name === "first");
      if (!isListType(unwrapped) && !paged) continue;
      found.push({ coordinate: `${type.name}.${field.name}`, type: field.type, declared: declaredListSize(field.extensions), paged });
    }
  }
  return found.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}

/** Declared sizes no data set fixes, with what bounds them instead. */
export const NOT_FROM_DATA: Record<string, string> = {
  "AccessGrant.procedures": "a grant's procedure codes: the catalogue's and `*`",
  "AccessGrant.sources": "the three sources (DATA_SOURCES)",
  "AccessGrant.classes": "the two field classes (DATA_CLASSES)",
  "AccessGrant.dataSources": "the three sources (DATA_SOURCES)",
  "AccessGrant.dataClasses": "the two field classes (DATA_CLASSES)",
  "ProcedureComponent.dataSources": "the sources a rule reads (rules.ts: two at most)",
  "Dossier.subjects": "a procedure's subject roles (the catalogue: two at most)",
  "Query.nodes": "the ids asked for, at most MAX_NODE_IDS (src/modules/nodes)",
  "Viewer.grants": "a client's grants, written by an administrator: one per source and class",
  "Viewer.roles": "a client's roles (CLIENT_ROLES: four)",
  "Consent.requestedFields": "the fields a consent names, at most MAX_CONSENT_FIELDS (src/modules/access/consent.ts)",
  "Consent.approvedFields": "a subset of the fields asked for, at most MAX_CONSENT_FIELDS",
  "Dossier.corrections": "the newest MAX_DOSSIER_CORRECTIONS requests (src/modules/procedures/correction-store.ts)",
  "ConformanceReport.findings": "one per problem in the checked input",
  "ConformanceReport.summary": "one per conformance rule (CONFORMANCE_RULES)",
  "Query.conformanceRules": "the conformance rules (CONFORMANCE_RULES)",
  "DossierComponentResult.evidence": "the facts a rule cites (src/modules/procedures/rules.ts)",
};

export interface SizeCheck {
  coordinate: string;
  declared: ListSize | undefined;
  largest: number | undefined;
  /** Declared, and at least the largest size found (or not a size data fixes). */
  ok: boolean;
}

/** Each list field's declared size against the largest found; `largest` undefined where no data fixes it. */
export function checkListSizes(schema: GraphQLSchema, largest: Largest): SizeCheck[] {
  return listFields(schema).map(({ coordinate, declared, paged }) => {
    const found = largest.get(coordinate);
    const isEdges = coordinate.endsWith("Connection.edges");
    const ok =
      declared === undefined
        ? false
        : typeof declared === "number"
          ? !paged && !isEdges && (found === undefined ? coordinate in NOT_FROM_DATA : declared >= found)
          : declared === "first"
            ? paged
            : isEdges;
    return { coordinate, declared, largest: found, ok };
  });
}
