/**
 * The checks that let a dossier component be answered from shared data instead of paper (the once-only principle,
 * Resolution 66.7/2025/NQ-CP). Each rule names the sources it reads and the subjects it needs, and returns either
 * the facts it used (only those), a failed check a clerk can read, or "not found" (the document is asked for and
 * a data-correction request is raised against the source). Reads go through the request's DataLoaders, so the
 * components of one dossier share batches.
 */
import type { Subject, SubjectKind } from "../access/index.js";
import { type AdminUnitRegistry, explainLegacy } from "../admin-units/index.js";
import type { CitizenRow, PopulationReader } from "../population/index.js";
import type { BusinessReader } from "../business/index.js";
import type { LandReader } from "../land/index.js";
import type { DataSourceName } from "../../platform/config.js";
import type { EnumValue } from "../../shared/enums.js";
import { yearsBetween } from "../../platform/dates.js";
import { PROCEDURES, RULE_DESCRIPTIONS, sayOutcome, type Who } from "./messages.js";
import { type Language, language, type Message, say } from "../../platform/i18n.js";

/** The part a subject plays in a dossier besides the applicant (the GraphQL enum ProcedureSubjectRole). */
export const SubjectRole = {
  CHILD: "CHILD",
  SPOUSE: "SPOUSE",
  DECEASED: "DECEASED",
  BUYER: "BUYER",
  PARCEL: "PARCEL",
  ENTERPRISE: "ENTERPRISE",
  CERTIFICATE: "CERTIFICATE",
} as const;
export type SubjectRole = EnumValue<typeof SubjectRole>;

export interface Evidence {
  source: DataSourceName;
  /** The record the fact comes from, e.g. "citizen 001085012345", "parcel 00004-12-345" (for people to read). */
  record: string;
  /** Whose data the fact is: the audit trail records it against this subject. */
  subject: Subject;
  /** Other subjects the fact's value names (a spouse, a household head, a co-holder): recorded against each too. */
  mentions: Subject[];
  fact: string;
  value: string;
  /** When the source last changed that record. */
  recordUpdatedAt: Date | null;
}

export type Outcome =
  | { status: "FULFILLED_BY_DATA"; evidence: Evidence[] }
  | { status: "FAILED_CHECK"; message: string; evidence: Evidence[]; about?: Subject[] }
  | { status: "NEEDS_DOCUMENT"; message: string; correction: { source: DataSourceName; subjectKind: SubjectKind; subjectId: string } };

export interface Applicant {
  kind: "CITIZEN" | "ENTERPRISE";
  id: string;
}

/** What a rule may read: each source's reader (records by key, batched per request) and the administrative map. */
export interface DossierReaders {
  population: PopulationReader;
  land: LandReader;
  business: BusinessReader;
  adminUnits: AdminUnitRegistry;
}

export interface RuleInput {
  readers: DossierReaders;
  applicant: Applicant;
  subjects: Partial<Record<SubjectRole, string>>;
  today: string;
}

export interface Rule {
  sources: DataSourceName[];
  needs: SubjectRole[];
  /** What the rule establishes, for the catalogue and clerks, in both languages (messages.ts RULE_DESCRIPTIONS). */
  description: Message;
  check(input: RuleInput): Promise<Outcome>;
}

/** The age of majority: a person of full 18 years is an adult (Civil Code 2015, art. 20). */
export const AGE_OF_MAJORITY = 18;

/** What a rule establishes, in `lang` (the current request's by default). */
export function ruleDescription(rule: Pick<Rule, "description">, lang: Language = language()): string {
  return say(rule.description, { age: AGE_OF_MAJORITY }, lang);
}

/** The alive-adult test, wherever it is asked (a dossier's rules, verifyAliveAdult): alive, and of full age on `today`. */
export function isAliveAdult(row: Pick<CitizenRow, "dateOfBirth" | "dateOfDeath">, today: string): boolean {
  return !row.dateOfDeath && yearsBetween(row.dateOfBirth, today) >= AGE_OF_MAJORITY;
}

const citizen = (id: string): Subject => ({ kind: "CITIZEN", id });
const parcelSubject = (id: string): Subject => ({ kind: "LAND_PARCEL", id });
const enterpriseSubject = (code: string): Subject => ({ kind: "ENTERPRISE", id: code });
const householdBusinessSubject = (id: string): Subject => ({ kind: "HOUSEHOLD_BUSINESS", id });

const fact = (
  source: DataSourceName,
  record: string,
  name: string,
  value: unknown,
  updatedAt: Date | null,
  subject: Subject,
  ...mentions: Subject[]
): Evidence => ({
  source,
  record,
  subject,
  mentions,
  fact: name,
  value: value === null || value === undefined ? "" : String(value),
  recordUpdatedAt: updatedAt,
});

const fulfilled = (...evidence: Evidence[]): Outcome => ({ status: "FULFILLED_BY_DATA", evidence });
const failed = (message: string, ...evidence: Evidence[]): Outcome => ({ status: "FAILED_CHECK", message, evidence });
const notFound = (source: DataSourceName, subjectKind: SubjectKind, subjectId: string, message: string): Outcome => ({
  status: "NEEDS_DOCUMENT",
  message,
  correction: { source, subjectKind, subjectId },
});

function personFacts(row: CitizenRow, ...names: ("fullName" | "dateOfBirth" | "sex" | "alive" | "maritalStatus")[]): Evidence[] {
  const record = `citizen ${row.personalId}`;
  return names.map((name) => {
    const value = name === "alive" ? (row.dateOfDeath ? `no (died ${row.dateOfDeath})` : "yes") : row[name];
    return fact("population", record, name, value, row.updatedAt, citizen(row.personalId));
  });
}

/** The spouse the applicant's record names, as a fact about the applicant that mentions the spouse. */
function spouseFacts(row: CitizenRow): Evidence[] {
  if (!row.spouseId) return [];
  return [
    fact("population", `citizen ${row.personalId}`, "spouse", row.spouseId, row.updatedAt, citizen(row.personalId), citizen(row.spouseId)),
  ];
}

async function person(input: RuleInput, id: string | undefined) {
  return id ? input.readers.population.citizen(id) : null;
}

function applicantPersonId(input: RuleInput): string | undefined {
  return input.applicant.kind === "CITIZEN" ? input.applicant.id : undefined;
}

function applicantSubject(input: RuleInput): Subject {
  return input.applicant.kind === "CITIZEN" ? citizen(input.applicant.id) : enterpriseSubject(input.applicant.id);
}

/** The applicant citizen's record, or the outcome to return when there is none. */
async function applicantRecord(input: RuleInput): Promise<{ row: CitizenRow } | { outcome: Outcome }> {
  const id = applicantPersonId(input);
  if (!id) return { outcome: failed(sayOutcome("applicantMustBeCitizen")) };
  const row = await person(input, id);
  return row ? { row } : { outcome: missingPerson(id, "applicant") };
}

const missingPerson = (id: string, who: Who) => notFound("population", "CITIZEN", id, sayOutcome("missingPerson", { who, id }));

/** Identity: the person exists, is alive and holds a valid identity card. */
async function identity(input: RuleInput, id: string | undefined, who: Who): Promise<Outcome> {
  if (!id) return failed(sayOutcome("mustBeCitizen", { who }));
  // Record and cards in the same tick: one batch per table for all the dossier's rules.
  const [row, cards] = await Promise.all([person(input, id), input.readers.population.identityCards(id)]);
  if (!row) return missingPerson(id, who);
  const valid = cards.find((c) => c.status === "VALID" && (!c.expiresOn || c.expiresOn >= input.today));
  const base = personFacts(row, "fullName", "dateOfBirth", "alive");
  if (row.dateOfDeath) return failed(sayOutcome("deceasedNamed", { who, name: row.fullName, date: row.dateOfDeath }), ...base);
  if (!valid) {
    const latest = cards[0];
    return failed(
      latest
        ? sayOutcome(latest.expiresOn ? "cardNotValidExpiry" : "cardNotValid", {
            who,
            cardType: latest.cardType,
            number: latest.number,
            cardStatus: latest.status,
            expiresOn: latest.expiresOn,
          })
        : sayOutcome("noCard", { who }),
      ...base,
    );
  }
  return fulfilled(
    ...base,
    fact(
      "population",
      `identity card ${valid.number}`,
      "identityCard",
      `${valid.cardType} ${valid.number}, valid${valid.expiresOn ? ` until ${valid.expiresOn}` : ""}`,
      row.updatedAt,
      citizen(row.personalId),
    ),
  );
}

async function aliveAdult(input: RuleInput, id: string | undefined, who: Who): Promise<Outcome> {
  if (!id) return failed(sayOutcome("mustBeCitizen", { who }));
  const row = await person(input, id);
  if (!row) return missingPerson(id, who);
  const age = yearsBetween(row.dateOfBirth, input.today);
  const evidence = [
    ...personFacts(row, "dateOfBirth", "alive"),
    fact("population", `citizen ${row.personalId}`, "age", age, row.updatedAt, citizen(row.personalId)),
  ];
  if (isAliveAdult(row, input.today)) return fulfilled(...evidence);
  if (row.dateOfDeath) return failed(sayOutcome("deceased", { who, date: row.dateOfDeath }), ...evidence);
  return failed(sayOutcome("underAge", { who, age, majority: AGE_OF_MAJORITY }), ...evidence);
}

async function parcelOf(input: RuleInput) {
  const id = input.subjects.PARCEL!;
  // The parcel's holders and mortgages are asked for in the same tick as the parcel, so they share batches.
  const [parcel, holders, encumbrances] = await Promise.all([
    input.readers.land.parcel(id),
    input.readers.land.holdersOfParcel(id),
    input.readers.land.encumbrancesOfParcel(id),
  ]);
  return { id, parcel, holders, encumbrances };
}

/** The enterprise named as subject, else the applicant enterprise, in one of the accepted statuses. */
async function enterpriseStatus(input: RuleInput, accepted: string[]): Promise<Outcome> {
  const code = input.subjects.ENTERPRISE ?? (input.applicant.kind === "ENTERPRISE" ? input.applicant.id : undefined);
  if (!code) return failed(sayOutcome("noEnterprise"));
  const row = await input.readers.business.enterprise(code);
  if (!row) return notFound("business", "ENTERPRISE", code, sayOutcome("missingEnterpriseCertificate", { code }));
  const evidence = [
    fact("business", `enterprise ${code}`, "name", row.name, row.updatedAt, enterpriseSubject(code)),
    fact("business", `enterprise ${code}`, "status", row.status, row.updatedAt, enterpriseSubject(code)),
  ];
  return accepted.includes(row.status)
    ? fulfilled(...evidence)
    : failed(sayOutcome("enterpriseNotInStatus", { name: row.name, code, enterpriseStatus: row.status }), ...evidence);
}

const missingParcel = (id: string) => notFound("land", "LAND_PARCEL", id, sayOutcome("missingParcel", { id }));

export const RULES = {
  IDENTITY: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.IDENTITY,
    check: (input) => identity(input, applicantPersonId(input), "applicant"),
  },
  FOUNDER_IDENTITIES: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.FOUNDER_IDENTITIES,
    check: (input) => identity(input, applicantPersonId(input), "founder"),
  },
  BUYER_IDENTITY: {
    sources: ["population"],
    needs: ["BUYER"],
    description: RULE_DESCRIPTIONS.BUYER_IDENTITY,
    async check(input) {
      const [adult, id] = await Promise.all([
        aliveAdult(input, input.subjects.BUYER, "transferee"),
        identity(input, input.subjects.BUYER, "transferee"),
      ]);
      if (adult.status !== "FULFILLED_BY_DATA") return adult;
      return id;
    },
  },
  ALIVE_ADULT: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.ALIVE_ADULT,
    check: (input) => aliveAdult(input, applicantPersonId(input), "applicant"),
  },
  RESIDENCE: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.RESIDENCE,
    async check(input) {
      const found = await applicantRecord(input);
      if ("outcome" in found) return found.outcome;
      const { row } = found;
      const id = row.personalId;
      const record = `citizen ${row.personalId}`;
      if (row.permanentLegacyCommuneCode) {
        const legacy = input.readers.adminUnits.legacyUnit(row.permanentLegacyCommuneCode);
        const successors = legacy?.successors.map((s) => s.code) ?? [];
        return failed(
          sayOutcome(successors.length === 1 ? "legacyResidenceOne" : "legacyResidenceMany", {
            legacy: row.permanentLegacyCommuneCode,
            legacyName: legacy ? ` (${legacy.name})` : "",
            explanation: legacy ? explainLegacy(input.readers.adminUnits, legacy) : say(PROCEDURES.legacyNotOnOldMap),
            successor: successors[0],
            successors: successors.join(", "),
          }),
          fact("population", record, "permanentResidenceLegacyCommune", row.permanentLegacyCommuneCode, row.updatedAt, citizen(id)),
          fact("population", record, "successorCommunes", successors.join(", "), row.updatedAt, citizen(id)),
        );
      }
      if (!row.permanentCommuneCode) return notFound("population", "CITIZEN", id, sayOutcome("missingResidence", { id }));
      const commune = input.readers.adminUnits.commune(row.permanentCommuneCode);
      return fulfilled(
        fact(
          "population",
          record,
          "permanentResidence",
          [row.permanentAddressLine, commune?.name].filter(Boolean).join(", "),
          row.updatedAt,
          citizen(id),
        ),
        fact("population", record, "permanentCommuneCode", row.permanentCommuneCode, row.updatedAt, citizen(id)),
      );
    },
  },
  MARITAL_STATUS_SINGLE: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.MARITAL_STATUS_SINGLE,
    async check(input) {
      const found = await applicantRecord(input);
      if ("outcome" in found) return found.outcome;
      const { row } = found;
      const evidence = personFacts(row, "maritalStatus");
      if (row.maritalStatus !== "MARRIED") return fulfilled(...evidence);
      return failed(sayOutcome("recordedMarried"), ...evidence, ...spouseFacts(row));
    },
  },
  MARITAL_STATUS: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.MARITAL_STATUS,
    async check(input) {
      const found = await applicantRecord(input);
      if ("outcome" in found) return found.outcome;
      const { row } = found;
      return fulfilled(...personFacts(row, "maritalStatus"), ...spouseFacts(row));
    },
  },
  SPOUSE_SINGLE: {
    sources: ["population"],
    needs: ["SPOUSE"],
    description: RULE_DESCRIPTIONS.SPOUSE_SINGLE,
    async check(input) {
      const adult = await aliveAdult(input, input.subjects.SPOUSE, "otherParty");
      if (adult.status !== "FULFILLED_BY_DATA") return adult;
      const row = (await person(input, input.subjects.SPOUSE))!;
      const evidence = [...personFacts(row, "fullName", "maritalStatus"), ...adult.evidence];
      return row.maritalStatus === "MARRIED"
        ? failed(sayOutcome("otherPartyMarried", { name: row.fullName }), ...evidence)
        : fulfilled(...evidence);
    },
  },
  MARRIAGE_RECORD: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.MARRIAGE_RECORD,
    async check(input) {
      const found = await applicantRecord(input);
      if ("outcome" in found) return found.outcome;
      const { row } = found;
      const id = row.personalId;
      if (row.maritalStatus !== "MARRIED" || !row.spouseId) {
        return notFound("population", "CITIZEN", id, sayOutcome("noMarriage"));
      }
      const spouse = await person(input, row.spouseId);
      return fulfilled(
        ...personFacts(row, "maritalStatus"),
        fact(
          "population",
          `citizen ${row.personalId}`,
          "spouse",
          spouse ? `${spouse.fullName} (${spouse.personalId})` : row.spouseId,
          row.updatedAt,
          citizen(id),
          citizen(row.spouseId),
        ),
      );
    },
  },
  PARENT_OF_CHILD: {
    sources: ["population"],
    needs: ["CHILD"],
    description: RULE_DESCRIPTIONS.PARENT_OF_CHILD,
    async check(input) {
      const childId = input.subjects.CHILD!;
      const child = await person(input, childId);
      if (!child) return missingPerson(childId, "child");
      const parent = applicantPersonId(input);
      const evidence = personFacts(child, "fullName", "dateOfBirth");
      if (parent && (child.fatherId === parent || child.motherId === parent)) {
        return fulfilled(
          ...evidence,
          fact(
            "population",
            `citizen ${child.personalId}`,
            child.fatherId === parent ? "father" : "mother",
            parent,
            child.updatedAt,
            citizen(child.personalId),
            citizen(parent),
          ),
        );
      }
      return failed(sayOutcome("notParent"), ...evidence);
    },
  },
  DECEASED_PERSON: {
    sources: ["population"],
    needs: ["DECEASED"],
    description: RULE_DESCRIPTIONS.DECEASED_PERSON,
    async check(input) {
      const id = input.subjects.DECEASED!;
      const row = await person(input, id);
      if (!row) return missingPerson(id, "deceased");
      return fulfilled(...personFacts(row, "fullName", "dateOfBirth", "sex"));
    },
  },
  HOUSEHOLD: {
    sources: ["population"],
    needs: [],
    description: RULE_DESCRIPTIONS.HOUSEHOLD,
    async check(input) {
      const found = await applicantRecord(input);
      if ("outcome" in found) return found.outcome;
      const { row } = found;
      const id = row.personalId;
      if (!row.householdId) return notFound("population", "CITIZEN", id, sayOutcome("noHousehold"));
      const [household, members] = await Promise.all([
        input.readers.population.household(row.householdId),
        input.readers.population.householdMembers(row.householdId),
      ]);
      // A household id the population source does not hold is missing data, not an empty household.
      if (!household) {
        return notFound("population", "CITIZEN", id, sayOutcome("missingHousehold", { household: row.householdId }));
      }
      const relation = members.find((m) => m.personalId === id)?.relationToHead ?? "unknown";
      const record = `household ${row.householdId}`;
      const head = household?.headPersonalId;
      return fulfilled(
        fact("population", record, "household", row.householdId, household?.updatedAt ?? null, citizen(id)),
        fact("population", record, "head", head ?? "", household?.updatedAt ?? null, citizen(id), ...(head ? [citizen(head)] : [])),
        fact("population", record, "relationToHead", relation, household?.updatedAt ?? null, citizen(id)),
      );
    },
  },
  CERTIFICATE_HELD: {
    sources: ["land"],
    needs: ["PARCEL"],
    description: RULE_DESCRIPTIONS.CERTIFICATE_HELD,
    async check(input) {
      const { id, parcel, holders } = await parcelOf(input);
      if (!parcel) return missingParcel(id);
      const mine = holders.find((h) =>
        input.applicant.kind === "CITIZEN" ? h.personalId === input.applicant.id : h.enterpriseCode === input.applicant.id,
      );
      const record = `parcel ${id}`;
      const base = [
        fact("land", record, "parcel", `${id}, ${parcel.areaM2} m², ${parcel.landUsePurpose}`, parcel.updatedAt, parcelSubject(id)),
      ];
      const named = input.subjects.CERTIFICATE;
      if (named && !holders.some((h) => h.certificateSerial === named)) {
        return failed(
          holders[0]
            ? sayOutcome("certificateReplaced", { serial: named, id, current: holders[0].certificateSerial })
            : sayOutcome("certificateReplacedNone", { serial: named, id }),
          ...base,
        );
      }
      if (!mine) {
        return failed(
          holders.length === 0
            ? sayOutcome("noCertificateInForce", { id })
            : sayOutcome("notOnCertificate", { id, serial: holders[0].certificateSerial }),
          ...base,
        );
      }
      return fulfilled(
        ...base,
        fact(
          "land",
          `certificate ${mine.certificateSerial}`,
          "certificate",
          `${mine.certificateSerial}, share ${mine.sharePercent}%`,
          parcel.updatedAt,
          parcelSubject(id),
          applicantSubject(input),
        ),
      );
    },
  },
  PARCEL_UNENCUMBERED: {
    sources: ["land"],
    needs: ["PARCEL"],
    description: RULE_DESCRIPTIONS.PARCEL_UNENCUMBERED,
    async check(input) {
      const { id, parcel, encumbrances } = await parcelOf(input);
      if (!parcel) return missingParcel(id);
      const open = encumbrances.filter((e) => !e.releasedOn);
      const record = `parcel ${id}`;
      if (open.length > 0) {
        const e = open[0];
        return failed(
          sayOutcome("mortgaged", { id, lender: e.lenderName, registeredOn: e.registeredOn }),
          fact("land", record, "openMortgage", `${e.lenderName}, registered ${e.registeredOn}`, parcel.updatedAt, parcelSubject(id)),
        );
      }
      return fulfilled(fact("land", record, "openMortgages", "none", parcel.updatedAt, parcelSubject(id)));
    },
  },
  FAMILY_HOLDS_PARCEL: {
    sources: ["land", "population"],
    needs: ["PARCEL"],
    description: RULE_DESCRIPTIONS.FAMILY_HOLDS_PARCEL,
    async check(input) {
      const applicant = applicantPersonId(input);
      const [{ id, parcel, holders }, row] = await Promise.all([parcelOf(input), person(input, applicant)]);
      if (!parcel) return missingParcel(id);
      if (!applicant || !row) return applicant ? missingPerson(applicant, "applicant") : failed(sayOutcome("applicantMustBeCitizen"));
      const members = row.householdId ? await input.readers.population.householdMembers(row.householdId) : [];
      const family = new Set([applicant, ...members.map((m) => m.personalId)]);
      const holder = holders.find((h) => h.personalId && family.has(h.personalId));
      if (!holder) {
        return notFound("land", "LAND_PARCEL", id, sayOutcome("familyNotHolder", { id }));
      }
      return fulfilled(
        fact("land", `parcel ${id}`, "address", parcel.addressLine, parcel.updatedAt, parcelSubject(id)),
        fact(
          "land",
          `certificate ${holder.certificateSerial}`,
          "holder",
          holder.personalId === applicant ? "the applicant" : `household member ${holder.personalId}`,
          parcel.updatedAt,
          parcelSubject(id),
          citizen(holder.personalId!),
        ),
      );
    },
  },
  ENTERPRISE_ACTIVE: {
    sources: ["business"],
    needs: [],
    description: RULE_DESCRIPTIONS.ENTERPRISE_ACTIVE,
    check: (input) => enterpriseStatus(input, ["ACTIVE"]),
  },
  ENTERPRISE_REGISTERED: {
    sources: ["business"],
    needs: [],
    description: RULE_DESCRIPTIONS.ENTERPRISE_REGISTERED,
    check: (input) => enterpriseStatus(input, ["ACTIVE", "SUSPENDED"]),
  },
  LEGAL_REPRESENTATIVE: {
    sources: ["business"],
    needs: ["ENTERPRISE"],
    description: RULE_DESCRIPTIONS.LEGAL_REPRESENTATIVE,
    async check(input) {
      const code = input.subjects.ENTERPRISE!;
      const row = await input.readers.business.enterprise(code);
      if (!row) return notFound("business", "ENTERPRISE", code, sayOutcome("missingEnterprise", { code }));
      const people = await input.readers.business.peopleOfEnterprise(code);
      const representative = people.find((p) => p.role === "LEGAL_REPRESENTATIVE" && p.personalId === applicantPersonId(input));
      if (!representative) return failed(sayOutcome("notRepresentative", { name: row.name, code }));
      return fulfilled(
        fact(
          "business",
          `enterprise ${code}`,
          "legalRepresentative",
          `${representative.personalId}${representative.position ? `, ${representative.position}` : ""}`,
          row.updatedAt,
          enterpriseSubject(code),
          citizen(representative.personalId),
        ),
      );
    },
  },
  NO_OTHER_PRIVATE_ENTERPRISE: {
    sources: ["business"],
    needs: [],
    description: RULE_DESCRIPTIONS.NO_OTHER_PRIVATE_ENTERPRISE,
    async check(input) {
      const id = applicantPersonId(input);
      if (!id) return failed(sayOutcome("privateFounderMustBeCitizen"));
      const [roles, households] = await Promise.all([
        input.readers.business.rolesOfPerson(id),
        input.readers.business.householdBusinessesOfOwner(id),
      ]);
      const owned = roles.find(
        (r) =>
          r.role.role === "OWNER" &&
          r.enterprise.legalForm === "PRIVATE_ENTERPRISE" &&
          r.enterprise.status !== "DISSOLVED" &&
          r.enterprise.status !== "BANKRUPT",
      );
      const household = households.find((h) => h.status !== "CLOSED");
      if (owned) {
        return failed(
          sayOutcome("ownsPrivateEnterprise", { name: owned.enterprise.name, code: owned.enterprise.code }),
          fact(
            "business",
            `enterprise ${owned.enterprise.code}`,
            "ownedPrivateEnterprise",
            owned.enterprise.code,
            owned.enterprise.updatedAt,
            citizen(id),
            enterpriseSubject(owned.enterprise.code),
          ),
        );
      }
      if (household) {
        return failed(
          sayOutcome("ownsHouseholdBusiness", { name: household.name, number: household.registrationNumber }),
          fact(
            "business",
            `household business ${household.registrationNumber}`,
            "ownedHouseholdBusiness",
            household.registrationNumber,
            household.updatedAt,
            citizen(id),
            householdBusinessSubject(household.registrationNumber),
          ),
        );
      }
      return fulfilled(
        fact("business", `person ${id}`, "privateEnterprisesOwned", 0, null, citizen(id)),
        fact("business", `person ${id}`, "householdBusinessesOwned", 0, null, citizen(id)),
      );
    },
  },
  NO_OTHER_HOUSEHOLD_BUSINESS: {
    sources: ["business"],
    needs: [],
    description: RULE_DESCRIPTIONS.NO_OTHER_HOUSEHOLD_BUSINESS,
    async check(input) {
      const id = applicantPersonId(input);
      if (!id) return failed(sayOutcome("householdFounderMustBeCitizen"));
      const households = await input.readers.business.householdBusinessesOfOwner(id);
      const active = households.find((h) => h.status !== "CLOSED");
      if (active) {
        return failed(
          sayOutcome("ownsOtherHouseholdBusiness", { name: active.name, number: active.registrationNumber }),
          fact(
            "business",
            `household business ${active.registrationNumber}`,
            "ownedHouseholdBusiness",
            active.registrationNumber,
            active.updatedAt,
            citizen(id),
            householdBusinessSubject(active.registrationNumber),
          ),
        );
      }
      return fulfilled(fact("business", `person ${id}`, "activeHouseholdBusinessesOwned", 0, null, citizen(id)));
    },
  },
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof RULES;
