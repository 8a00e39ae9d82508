/**
 * The national data standards a provincial system's records are checked against, one description per record
 * kind. Field names are those of the national GraphQL types (a record may carry any field of its type; others
 * are reported); enums are read from the national schema itself, so the two cannot drift apart.
 */
import { ETHNICITIES, LAND_USE_PURPOSES } from "../../shared/code-lists.js";

export type ValueSpec =
  | { kind: "string" }
  | { kind: "personalId" }
  | { kind: "taxCode" }
  | { kind: "branchCode" }
  /** A calendar date; `past`: it cannot lie in the future. */
  | { kind: "date"; past?: boolean }
  | { kind: "dateTime" }
  /** A value of an enum of the national schema. */
  | { kind: "enum"; type: string }
  /** A code of a national code list, as a string or as `{ code }` (the shape of CodedValue). */
  | { kind: "codeList"; list: string; codes: ReadonlySet<string> }
  /** A VSIC 2018 level-4 industry code (format only: the gateway holds part of the list). */
  | { kind: "industry" }
  | { kind: "country" }
  | { kind: "number"; min?: number; max?: number; integer?: boolean; positive?: boolean }
  | { kind: "address" }
  | { kind: "adminUnit"; level: "PROVINCE" | "COMMUNE" }
  | { kind: "parcelId" }
  | { kind: "certificateSerial" }
  | { kind: "list"; of: ValueSpec }
  | { kind: "record"; type: string; fields: Record<string, FieldSpec> };

export interface FieldSpec {
  spec: ValueSpec;
  required?: boolean;
}

export interface RecordKind {
  /** The top-level key of a sample file that holds records of this kind. */
  key: string;
  /** The national GraphQL type of such a record. */
  type: string;
  fields: Record<string, FieldSpec>;
}

const req = (spec: ValueSpec): FieldSpec => ({ spec, required: true });
const opt = (spec: ValueSpec): FieldSpec => ({ spec });

const string: ValueSpec = { kind: "string" };
const date: ValueSpec = { kind: "date" };
const pastDate: ValueSpec = { kind: "date", past: true };
const address: ValueSpec = { kind: "address" };

export const ADDRESS_FIELDS: Record<string, FieldSpec> = {
  line: opt(string),
  communeCode: opt({ kind: "adminUnit", level: "COMMUNE" }),
  /** The pre-2025 commune a record named before it was updated: checked against communeCode in the address check. */
  legacyCommuneCode: opt({ kind: "string" }),
  /** Not a field of the national Address type, but systems often store it: checked against the commune. */
  provinceCode: opt({ kind: "adminUnit", level: "PROVINCE" }),
};

/** Field names that name a district, in records from before 1 July 2025. */
export const DISTRICT_FIELDS = new Set(["district", "districtCode", "districtName"]);

const citizenRef: ValueSpec = {
  kind: "record",
  type: "Citizen",
  fields: { personalId: req({ kind: "personalId" }), fullName: opt(string) },
};
const personRef = (type: string): ValueSpec => ({
  kind: "record",
  type,
  fields: { personalId: req({ kind: "personalId" }), fullName: opt(string), sharePercent: opt({ kind: "number", min: 0, max: 100 }) },
});

const BRANCH_FIELDS: Record<string, FieldSpec> = {
  code: req({ kind: "branchCode" }),
  name: req(string),
  address: opt(address),
  status: opt({ kind: "enum", type: "BranchStatus" }),
  registeredOn: opt(pastDate),
  /** Not a field of Branch (which links the Enterprise): when given, the branch code must start with it. */
  enterpriseCode: opt({ kind: "taxCode" }),
};

const LAND_USE_CODES = new Set<string>(LAND_USE_PURPOSES.map((p) => p.code));
const ETHNICITY_CODES = new Set<string>(ETHNICITIES.map((e) => e.code));

export const RECORD_KINDS: readonly RecordKind[] = [
  {
    key: "citizens",
    type: "Citizen",
    fields: {
      personalId: req({ kind: "personalId" }),
      fullName: req(string),
      dateOfBirth: req(pastDate),
      sex: req({ kind: "enum", type: "Sex" }),
      dateOfDeath: opt(pastDate),
      maritalStatus: opt({ kind: "enum", type: "MaritalStatus" }),
      nationality: opt({ kind: "country" }),
      ethnicity: opt({ kind: "codeList", list: "ethnic groups (Decision 121-TCTK/PPCĐ)", codes: ETHNICITY_CODES }),
      religion: opt(string),
      permanentResidence: opt(address),
      temporaryResidence: opt(address),
      currentResidence: opt(address),
      hometown: opt(address),
      placeOfBirthRegistration: opt(address),
      father: opt(citizenRef),
      mother: opt(citizenRef),
      spouse: opt(citizenRef),
      children: opt({ kind: "list", of: citizenRef }),
      updatedAt: opt({ kind: "dateTime" }),
    },
  },
  { key: "addresses", type: "Address", fields: ADDRESS_FIELDS },
  {
    key: "enterprises",
    type: "Enterprise",
    fields: {
      code: req({ kind: "taxCode" }),
      name: req(string),
      legalForm: req({ kind: "enum", type: "LegalForm" }),
      status: opt({ kind: "enum", type: "EnterpriseStatus" }),
      registeredOn: req(pastDate),
      statusChangedOn: opt(pastDate),
      headOffice: req(address),
      charterCapital: opt({ kind: "number", min: 0, integer: true }),
      mainIndustry: opt({ kind: "industry" }),
      industries: opt({ kind: "list", of: { kind: "record", type: "EnterpriseIndustry", fields: { code: req({ kind: "industry" }) } } }),
      legalRepresentatives: opt({ kind: "list", of: personRef("EnterprisePerson") }),
      owners: opt({ kind: "list", of: personRef("EnterprisePerson") }),
      branches: opt({ kind: "list", of: { kind: "record", type: "Branch", fields: BRANCH_FIELDS } }),
      shortName: opt(string),
      foreignName: opt(string),
      updatedAt: opt({ kind: "dateTime" }),
    },
  },
  { key: "branches", type: "Branch", fields: BRANCH_FIELDS },
  {
    key: "parcels",
    type: "LandParcel",
    fields: {
      id: req({ kind: "parcelId" }),
      address: opt(address),
      areaM2: req({ kind: "number", positive: true }),
      landUsePurpose: req({ kind: "codeList", list: "land-use purposes (Land Law 2024)", codes: LAND_USE_CODES }),
      mapSheetNumber: opt({ kind: "number", integer: true, positive: true }),
      parcelNumber: opt({ kind: "number", integer: true, positive: true }),
      useTermUntil: opt(date),
      holders: opt({
        kind: "list",
        of: {
          kind: "record",
          type: "LandHolder",
          fields: {
            personalId: opt({ kind: "personalId" }),
            enterpriseCode: opt({ kind: "taxCode" }),
            kind: opt({ kind: "enum", type: "HolderKind" }),
            sharePercent: opt({ kind: "number", min: 0, max: 100 }),
            certificateSerial: opt({ kind: "certificateSerial" }),
          },
        },
      }),
      activeCertificate: opt({
        kind: "record",
        type: "LandCertificate",
        fields: { serial: req({ kind: "certificateSerial" }), issuedOn: opt(pastDate) },
      }),
      certificates: opt({
        kind: "list",
        of: {
          kind: "record",
          type: "LandCertificate",
          fields: {
            serial: req({ kind: "certificateSerial" }),
            issuedOn: opt(pastDate),
            status: opt({ kind: "enum", type: "CertificateStatus" }),
          },
        },
      }),
      updatedAt: opt({ kind: "dateTime" }),
    },
  },
];

/** Dossiers are checked against the national DossierInput type and the procedure catalogue. */
export const DOSSIER_KEY = "dossiers";

export const RECORD_KIND_KEYS = [...RECORD_KINDS.map((k) => k.key), DOSSIER_KEY];
