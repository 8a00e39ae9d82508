/**
 * Every type implementing `Node`: its natural key, how `node(id:)` loads it, and whose data it is. A type that is
 * a subject of personal data (`@subject` on the type) names its subject from the key before anything is read, as
 * its direct lookup does from the argument; a type that is not, but holds personal data (a household, a
 * certificate, a branch), belongs to the subject it is about once loaded, as it does when reached from it.
 */
import type { Subject } from "../access/index.js";
import type { NodesContext } from "./context.js";
import { toLegacyUnit } from "../admin-units/index.js";
import { toCommune, toProvince } from "../admin-units/index.js";
import { loadEnterprise } from "../business/index.js";
import { toBranch, toHouseholdBusiness } from "../business/index.js";
import { toCertificate, toParcel } from "../land/index.js";
import { loadCitizen } from "../population/index.js";
import { toHousehold } from "../population/index.js";
import { loadDossier, toComponent, toProcedure } from "../procedures/index.js";

export interface NodeType {
  /** The record's natural key, from the object the type's resolvers see. */
  key(value: object): string;
  /** The record, by natural key; null when there is none (or, for a dossier, none this client may see). */
  load(ctx: NodesContext, key: string): Promise<object | null> | object | null;
  /** The direct lookup whose checks `node` repeats (a citizen client may use only the lookups open to it). */
  lookup?: string;
  /** For a type that is a subject: the subject its key names (the audit trail's row, the citizen-client check). */
  subject?(key: string): Subject;
  /** For a type that is not a subject but holds personal data: the subject it belongs to. */
  owner?(value: object): Subject;
}

type Row = Record<string, string>;
const field = (name: string) => (value: object) => (value as Row)[name];

/** A key of two parts (a component within its procedure): neither part holds a "/". */
const SEPARATOR = "/";

export const NODE_TYPES: Record<string, NodeType> = {
  Citizen: {
    key: field("personalId"),
    lookup: "Query.citizen",
    subject: (id) => ({ kind: "CITIZEN", id }),
    load: (ctx, key) => loadCitizen(ctx, key),
  },
  Household: {
    key: field("code"),
    // A household is recorded against its head, as the household book named the chủ hộ.
    owner: (value) => ({ kind: "CITIZEN", id: (value as Row).headPersonalId }),
    load: async (ctx, key) => {
      const row = await ctx.population.reader.household(key);
      return row ? toHousehold(row) : null;
    },
  },
  Enterprise: {
    key: field("code"),
    lookup: "Query.enterprise",
    subject: (id) => ({ kind: "ENTERPRISE", id }),
    load: (ctx, key) => loadEnterprise(ctx, key),
  },
  Branch: {
    key: field("code"),
    owner: (value) => ({ kind: "ENTERPRISE", id: (value as Row).enterpriseCode }),
    load: async (ctx, key) => {
      const row = (await ctx.business.reader.branchesOfEnterprise(key.slice(0, 10))).find((b) => b.code === key);
      return row ? toBranch(row) : null;
    },
  },
  HouseholdBusiness: {
    key: field("registrationNumber"),
    lookup: "Query.householdBusiness",
    subject: (id) => ({ kind: "HOUSEHOLD_BUSINESS", id }),
    load: async (ctx, key) => {
      const row = await ctx.business.reader.householdBusiness(key);
      return row ? toHouseholdBusiness(row) : null;
    },
  },
  LandParcel: {
    key: field("parcelId"),
    lookup: "Query.landParcel",
    subject: (id) => ({ kind: "LAND_PARCEL", id }),
    load: async (ctx, key) => {
      const row = await ctx.land.reader.parcel(key);
      return row ? toParcel(row) : null;
    },
  },
  LandCertificate: {
    key: field("serial"),
    owner: (value) => ({ kind: "LAND_PARCEL", id: (value as Row).parcelId }),
    load: async (ctx, key) => {
      const row = await ctx.land.reader.certificate(key);
      return row ? toCertificate(row) : null;
    },
  },
  // The gateway's own records: a dossier is visible as `dossier(id:)` shows it (its purpose and grants checked there).
  Dossier: {
    key: field("dossierId"),
    load: (ctx, key) => loadDossier(ctx, key),
  },
  // Public reference data: no checks, nothing recorded.
  Procedure: {
    key: field("code"),
    load: (ctx, key) => {
      const procedure = ctx.gateway.procedures.get(key);
      return procedure ? toProcedure(procedure) : null;
    },
  },
  ProcedureComponent: {
    key: (value) => `${(value as Row).procedureCode}${SEPARATOR}${(value as Row).key}`,
    load: (ctx, key) => {
      const [code, component] = key.split(SEPARATOR);
      const procedure = ctx.gateway.procedures.get(code);
      const found = procedure?.components.find((c) => c.id === component);
      return procedure && found ? toComponent(found, procedure.code) : null;
    },
  },
  Province: {
    key: field("code"),
    load: (ctx, key) => {
      const record = ctx.adminUnits.province(key);
      return record ? toProvince(record) : null;
    },
  },
  Commune: {
    key: field("code"),
    load: (ctx, key) => {
      const record = ctx.adminUnits.commune(key);
      return record ? toCommune(record) : null;
    },
  },
  LegacyAdministrativeUnit: {
    key: field("code"),
    load: (ctx, key) => {
      const record = ctx.adminUnits.legacyUnit(key);
      return record ? toLegacyUnit(ctx.adminUnits, record) : null;
    },
  },
};
