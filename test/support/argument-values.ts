/**
 * Argument values from real seeded data, for generated operations: chosen by the value's type (PersonalId,
 * TaxCode, …), by its name (registrationNumber, certificateSerial, after, …), or, for a bare `id` or `code`, by
 * the type the field returns. A dossier input is built from the procedure catalogue as the gateway publishes it:
 * an applicant of the kind the procedure takes, and every subject role it declares, often the applicant's own
 * child, spouse, parcel or enterprise so the rules read real relations.
 */
import fc from "fast-check";
import type { ArgumentValues } from "./operation-generator.js";
import type { Person, ProcedureShape, RealData } from "./real-data.js";

const pick = (values: readonly string[]): fc.Arbitrary<string> | null => (values.length > 0 ? fc.constantFrom(...values) : null);

/** One of several pools, each with a weight; empty pools are left out. */
function weighted(...pools: [number, readonly string[]][]): fc.Arbitrary<string> | null {
  const choices = pools.filter(([, v]) => v.length > 0).map(([weight, v]) => ({ weight, arbitrary: fc.constantFrom(...v) }));
  return choices.length > 0 ? fc.oneof(...choices) : null;
}

export function personalIds(data: RealData): fc.Arbitrary<string> {
  const p = data.personalIds;
  return weighted(
    [6, p.all],
    [2, p.dead],
    [2, p.children],
    [2, p.spouses],
    [1, p.heads],
    [1, p.holders],
    [1, p.enterprisePeople],
    [2, p.businessOwners],
    [1, p.unknown],
  )!;
}

const DATES = ["1940-01-01", "1975-04-30", "1990-06-15", "2007-01-01", "2025-07-01"];

/** Values for the generator, from real data; null where a value must come from data that does not exist. */
/**
 * Global ids: every kind the gateway returned, citizens' most often, and now and then one it did not issue (a
 * forged id, a natural key passed as a global id), whose refusal must name no one.
 */
export function nodeIds(data: RealData): fc.Arbitrary<string> {
  const forged = ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", data.personalIds.all[0] ?? "001203004567", "not an id"];
  const pools = Object.entries(data.nodeIds).map(([type, ids]): [number, readonly string[]] => [type === "Citizen" ? 6 : 1, ids]);
  return weighted(...pools, [1, forged])!;
}

export function realDataValues(data: RealData): ArgumentValues {
  const ids = personalIds(data);
  const globalIds = nodeIds(data);
  const dossier = dossierInput(data);
  return ({ coordinate, name, type, returns }) => {
    if (type === "DossierInput") return dossier;
    if (type === "PersonalId") return ids;
    if (type === "TaxCode") return pick(data.enterprises);
    if (type === "LocalDate") return fc.constantFrom(...DATES);
    // A window around the run (operational records), a moment ahead (a consent's end).
    if (type === "DateTime") {
      const now = Date.now();
      if (name === "from") return fc.constantFrom(new Date(now - 86_400_000).toISOString(), new Date(now - 3_600_000).toISOString());
      if (name === "to") return fc.constantFrom(new Date(now + 3_600_000).toISOString());
      return fc.constantFrom(new Date(now + 30 * 86_400_000).toISOString());
    }
    if (type === "AdministrativeUnitCode") {
      if (/province/i.test(name)) return pick(data.provinces);
      if (/commune/i.test(name)) return pick(data.communes);
      return weighted([1, data.provinces], [2, data.communes]);
    }
    switch (name) {
      case "first":
      case "last":
        return fc.integer({ min: 1, max: 4 });
      case "after":
      case "before":
        return pick(data.cursors[coordinate] ?? []);
      case "registrationNumber":
        return pick(data.householdBusinesses);
      case "certificateSerial":
      case "certificate":
        return pick(data.certificates);
      case "parcel":
        return pick(data.parcels);
      case "procedureCode":
        return pick(data.procedures.map((p) => p.code));
      case "industryCode":
        return pick(data.industries);
      case "landUsePurpose":
        return pick(data.landUsePurposes);
      case "name":
      case "search":
        return type === "String" ? pick(data.nameParts) : undefined;
    }
    if ((name === "id" || name === "ids") && returns === "Node") return globalIds;
    if (name === "id" || name === "code") {
      if (returns === "LandParcel") return pick(data.parcels);
      if (returns === "Dossier") return pick(data.dossiers);
      if (returns === "Procedure") return pick(data.procedures.map((p) => p.code));
      if (returns === "LegacyAdministrativeUnit") return weighted([3, data.legacyCodes], [1, data.provinces]);
      if (type === "ID") return null;
    }
    return undefined;
  };
}

const orElse = (own: readonly string[], pool: readonly string[]) => weighted([3, own], [1, pool]);

/** The value of a subject role for an applicant: their own relation where the role is one. */
function subjectValue(
  data: RealData,
  role: string,
  kind: string,
  applicant: Person | undefined,
  enterprise: string | undefined,
): fc.Arbitrary<[string, string]> | null {
  const p = data.personalIds;
  const as = (field: string, arb: fc.Arbitrary<string> | null) => arb && arb.map((v): [string, string] => [field, v]);
  switch (role) {
    case "CHILD":
      return as("child", orElse(applicant?.children ?? [], p.children.length ? p.children : p.all));
    case "SPOUSE":
      return as("spouse", orElse(applicant?.spouse ? [applicant.spouse] : [], p.spouses.length ? p.spouses : p.all));
    case "DECEASED":
      return as("deceased", orElse([], p.dead.length ? p.dead : p.all));
    case "BUYER":
      return as("buyer", weighted([3, p.all], [1, p.spouses], [1, p.children], [1, p.dead]));
    case "PARCEL": {
      // Their own parcels, and those of their household (a member's parcel proves a place of residence too).
      const family = [...(applicant?.parcels ?? []), ...(applicant?.household ?? []).flatMap((m) => data.people.get(m)?.parcels ?? [])];
      const parcel = as("parcel", orElse(family, data.parcels));
      const certificate = as("certificate", orElse(applicant?.certificates ?? [], data.certificates));
      return parcel && certificate ? fc.oneof({ weight: 3, arbitrary: parcel }, { weight: 1, arbitrary: certificate }) : parcel;
    }
    case "ENTERPRISE":
      return as(
        "enterprise",
        orElse(
          applicant?.enterprises ?? [],
          data.enterprises.filter((e) => e !== enterprise),
        ),
      );
  }
  // A role this suite does not know yet: any real value of its kind, under the role's own field name.
  const field = role.toLowerCase();
  if (kind === "CITIZEN") return as(field, pick(p.all));
  if (kind === "PARCEL") return as(field, pick(data.parcels));
  if (kind === "ENTERPRISE") return as(field, pick(data.enterprises));
  return null;
}

/** An applicant who has what the procedure's roles ask about (a child, a spouse, a parcel), most of the time. */
function applicants(data: RealData, procedure: ProcedureShape): fc.Arbitrary<string> {
  const roles = new Set(procedure.subjects.map((s) => s.role));
  const people = [...data.people.values()];
  const fitting = people.filter(
    (x) =>
      (!roles.has("CHILD") || x.children.length > 0) &&
      (!roles.has("SPOUSE") || !!x.spouse) &&
      (!roles.has("PARCEL") || x.parcels.length > 0 || x.household.some((m) => (data.people.get(m)?.parcels.length ?? 0) > 0)),
  );
  return weighted([4, fitting.map((x) => x.id)], [2, data.personalIds.all], [1, data.personalIds.dead], [1, data.personalIds.children])!;
}

/** A DossierInput for one procedure: its applicant kind, and every declared role (each left out now and then). */
export function dossierInputFor(
  data: RealData,
  procedure: ProcedureShape,
  options: { allRoles?: boolean } = {},
): fc.Arbitrary<Record<string, unknown>> {
  const applicant: fc.Arbitrary<{ personalId?: string; enterpriseCode?: string }> =
    procedure.applicant === "ENTERPRISE"
      ? fc.constantFrom(...data.enterprises).map((code) => ({ enterpriseCode: code }))
      : applicants(data, procedure).map((id) => ({ personalId: id }));
  return applicant.chain((who) => {
    const person = who.personalId ? data.people.get(who.personalId) : undefined;
    const roles = procedure.subjects
      .map((s) => subjectValue(data, s.role, s.kind, person, who.enterpriseCode))
      .filter((r): r is fc.Arbitrary<[string, string]> => !!r);
    const subjects = fc.tuple(...roles.map((r) => (options.allRoles ? r : fc.option(r, { nil: null, freq: 10 }))));
    return subjects.map((entries) => {
      const chosen = Object.fromEntries(entries.filter((e): e is [string, string] => !!e));
      return { procedureCode: procedure.code, applicant: who, ...(Object.keys(chosen).length ? { subjects: chosen } : {}) };
    });
  });
}

export function dossierInput(data: RealData): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(...data.procedures.map((p) => dossierInputFor(data, p)));
}
