/**
 * The conformance rules: what a provincial system's operations, payloads and schema are checked for, each with
 * its severity, its legal or technical basis and the usual fix. `conformance --list-rules` prints this list and
 * docs/conformance.md documents it; every rule has a failing fixture in test/conformance/fixtures/.
 */
import type { EnumValue } from "../../shared/enums.js";

// What a rule checks and how much its findings weigh: each one object, the TS type derived from it; types.ts registers
// them as the GraphQL enums ConformanceCategory and ConformanceSeverity.
export const RuleCategory = { OPERATION: "OPERATION", PAYLOAD: "PAYLOAD", SCHEMA: "SCHEMA" } as const;
export type RuleCategory = EnumValue<typeof RuleCategory>;
export const Severity = { ERROR: "ERROR", WARNING: "WARNING" } as const;
export type Severity = EnumValue<typeof Severity>;

/** An entry of the rule list; `conformanceRules` returns them as the GraphQL type ConformanceRule. */
export interface Rule {
  id: RuleId;
  category: RuleCategory;
  severity: Severity;
  title: string;
  /** The legal text or technical standard the rule applies. */
  basis: string;
  /** What to do about a finding, in general (a finding may say more). */
  fix: string;
}

const NATIONAL_SCHEMA = "National schema (schema.graphql of the NDAF Gateway)";
const GRAPHQL_SPEC = "GraphQL specification (October 2021), section";
const LIMITS = "Gateway query limits (docs/operations.md: query limits)";
const PDP = "Decree 13/2023/NĐ-CP and Law 91/2025/QH15 on personal data protection: purpose limitation";
const ADMIN_MAP = "Resolution 202/2025/QH15 and Decision 19/2025/QĐ-TTg: the 2025 two-level administrative map and its codes";
const PERSONAL_ID = "Decree 137/2015/NĐ-CP, art. 7: structure of the personal identification number";
const TAX_CODE = "Circular 105/2020/TT-BTC, art. 5: structure of the tax code and its check digit";

const rules = [
  // Operations
  {
    id: "OP_UNKNOWN_FIELD",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation selects a field the national schema does not have",
    basis: `${NATIONAL_SCHEMA}; ${GRAPHQL_SPEC} 5.3.1 (field selections)`,
    fix: "Use a field of the type (see schema.graphql or the IDE's documentation); the finding suggests the nearest name.",
  },
  {
    id: "OP_UNKNOWN_ARGUMENT",
    category: "OPERATION",
    severity: "ERROR",
    title: "A field or directive is given an argument it does not take",
    basis: `${NATIONAL_SCHEMA}; ${GRAPHQL_SPEC} 5.4.1 (argument names)`,
    fix: "Remove the argument or use the name the schema declares.",
  },
  {
    id: "OP_MISSING_ARGUMENT",
    category: "OPERATION",
    severity: "ERROR",
    title: "A required argument is missing",
    basis: `${NATIONAL_SCHEMA}; ${GRAPHQL_SPEC} 5.4.2.1 (required arguments)`,
    fix: "Pass the argument (as a literal or a variable).",
  },
  {
    id: "OP_UNKNOWN_TYPE",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation names a type the national schema does not have",
    basis: `${NATIONAL_SCHEMA}; ${GRAPHQL_SPEC} 5.5.1.2 and 5.8.2 (type names of fragments and variables)`,
    fix: "Use a type of the national schema, e.g. PersonalId for a personal identification number.",
  },
  {
    id: "OP_INVALID_VALUE",
    category: "OPERATION",
    severity: "ERROR",
    title: "A literal value does not fit its type (including the national code formats)",
    basis: `${GRAPHQL_SPEC} 5.6.1 (values of correct type); ${PERSONAL_ID}; ${TAX_CODE}`,
    fix: "Give a value of the argument's type; national codes are quoted strings of digits.",
  },
  {
    id: "OP_VARIABLE_TYPE",
    category: "OPERATION",
    severity: "ERROR",
    title: "A variable is undefined, unused, or used where its type is not allowed",
    basis: `${GRAPHQL_SPEC} 5.8 (variables)`,
    fix: "Declare each variable once with the argument's type (e.g. $id: PersonalId!) and use every one you declare.",
  },
  {
    id: "OP_INVALID",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation breaks another GraphQL validation rule",
    basis: `${GRAPHQL_SPEC} 5 (validation)`,
    fix: "Follow the message; the gateway refuses such a document with GRAPHQL_VALIDATION_FAILED.",
  },
  {
    id: "OP_DEPRECATED",
    category: "OPERATION",
    severity: "WARNING",
    title: "The operation uses a deprecated field, argument or enum value",
    basis: `${NATIONAL_SCHEMA}: @deprecated marks what will be removed`,
    fix: "Move to the replacement the deprecation reason names before the field is removed.",
  },
  {
    id: "OP_TOO_DEEP",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation nests deeper than the gateway allows",
    basis: `${LIMITS}: depth 12`,
    fix: "Ask for less at once, or split the operation in two.",
  },
  {
    id: "OP_TOO_MANY_ALIASES",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation uses more aliases than the gateway allows",
    basis: `${LIMITS}: 30 aliases`,
    fix: "Use a list field with a filter instead of many aliased lookups.",
  },
  {
    id: "OP_TOO_COSTLY",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation costs more than the gateway allows",
    basis: `${LIMITS}: cost 50,000, every list multiplied by its size (a page by its first, other lists by their largest size in the data)`,
    fix: "Ask for smaller pages (first), fewer nested lists or fewer aliases.",
  },
  {
    id: "OP_TOO_MANY_DIRECTIVES",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation uses more directives than the gateway allows",
    basis: `${LIMITS}: 20 directives`,
    fix: "Use fewer @include / @skip directives, e.g. one on a fragment.",
  },
  {
    id: "OP_TOO_MANY_TOKENS",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation (with its fragments) is longer than the gateway parses",
    basis: `${LIMITS}: 5,000 tokens`,
    fix: "Split the operation, or remove fields the system does not use.",
  },
  {
    id: "OP_INTROSPECTION",
    category: "OPERATION",
    severity: "WARNING",
    title: "The operation relies on introspection, which the production gateway refuses",
    basis: `${LIMITS}: introspection is off in production`,
    fix: "Read the schema from the published schema.graphql at build time instead of __schema / __type at run time.",
  },
  {
    id: "OP_UNNAMED",
    category: "OPERATION",
    severity: "WARNING",
    title: "The operation has no name",
    basis: "X-Road service descriptions and the gateway's request logs identify every exchange by name",
    fix: "Name the operation (query CitizenForBirthRegistration { … }) so logs and audit reviews can tell exchanges apart.",
  },
  {
    id: "OP_PURPOSE_MISSING",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation reads personal data but declares no purpose",
    basis: `${PDP}; the gateway refuses such requests with PURPOSE_REQUIRED`,
    fix: "Write the procedure it serves above the operation (# purpose: 1.001193) and send it as X-Purpose-Procedure, with X-Purpose-Case.",
  },
  {
    id: "OP_PURPOSE_UNKNOWN",
    category: "OPERATION",
    severity: "ERROR",
    title: "The declared purpose is not a procedure of the national catalogue",
    basis: `${PDP}; National Public Service Portal procedure codes (query procedures)`,
    fix: "Declare the portal code of the procedure the data is read for, e.g. 1.001193 (birth registration).",
  },
  {
    id: "OP_NOT_GRANTED",
    category: "OPERATION",
    severity: "ERROR",
    title: "The operation would be refused for the client's grants",
    basis: `${PDP}; the client's grants in the gateway (npm run clients -- list)`,
    fix: "Drop the fields the grant does not cover, or ask the gateway operator for the missing grant (source, class, procedure).",
  },
  {
    id: "OP_VARIABLES_INVALID",
    category: "OPERATION",
    severity: "ERROR",
    title: "Sample variables do not fit the operation's variable types",
    basis: `${GRAPHQL_SPEC} 6.1.2 (coercing variable values)`,
    fix: "Send values of the declared types; required variables must be given.",
  },
  // Payloads
  {
    id: "DATA_UNKNOWN_KIND",
    category: "PAYLOAD",
    severity: "WARNING",
    title: "A sample file holds records of a kind the data standards do not cover",
    basis: "Conformance input format (docs/conformance.md)",
    fix: "Put records under citizens, addresses, enterprises, branches, parcels or dossiers.",
  },
  {
    id: "DATA_REQUIRED",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A required field is missing or empty",
    basis: `${NATIONAL_SCHEMA}: non-null fields of the record's type`,
    fix: "Fill the field; the national sources always hold it.",
  },
  {
    id: "DATA_TYPE",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A value has the wrong JSON type",
    basis: `${NATIONAL_SCHEMA}; RFC 8259 (JSON)`,
    fix: "Codes are strings (a number loses leading zeros: 001203004567 is not 1203004567); amounts and areas are numbers.",
  },
  {
    id: "DATA_UNKNOWN_FIELD",
    category: "PAYLOAD",
    severity: "WARNING",
    title: "A field is not part of the national record type",
    basis: NATIONAL_SCHEMA,
    fix: "Use the national field name (the finding suggests the nearest), or keep local fields out of exchanged records.",
  },
  {
    id: "DATA_PERSONAL_ID",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A personal identification number is malformed",
    basis: PERSONAL_ID,
    fix: "12 digits: province of birth registration (3), century and sex (1), year of birth (2), serial (6).",
  },
  {
    id: "DATA_PERSONAL_ID_MISMATCH",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A personal identification number disagrees with the record's date of birth or sex",
    basis: PERSONAL_ID,
    fix: "Check the record against the population database: the id encodes century, sex and year of birth.",
  },
  {
    id: "DATA_TAX_CODE",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "An enterprise code (tax code) is malformed or has a wrong check digit",
    basis: TAX_CODE,
    fix: "10 digits, the last the check digit of the first nine (weights 31, 29, 23, 19, 17, 13, 7, 5, 3).",
  },
  {
    id: "DATA_BRANCH_CODE",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A branch code is malformed or does not belong to its enterprise",
    basis: `${TAX_CODE}; Decree 168/2025/NĐ-CP on enterprise registration (branch codes)`,
    fix: "The enterprise code, a hyphen and 3 digits (NNNNNNNNNN-NNN), with the enterprise code of the branch's enterprise.",
  },
  {
    id: "DATA_ADMIN_UNIT_FORMAT",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "An administrative unit code is malformed",
    basis: ADMIN_MAP,
    fix: "2 digits for a province, 5 for a commune, as a quoted string.",
  },
  {
    id: "DATA_ADMIN_UNIT_LEGACY",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "An administrative unit code is a pre-2025 code",
    basis: ADMIN_MAP,
    fix: "Replace it with the 2025 code the finding names; for a commune split between several, confirm the address with the person.",
  },
  {
    id: "DATA_ADMIN_UNIT_UNKNOWN",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "An administrative unit code names no unit, old or new",
    basis: ADMIN_MAP,
    fix: "Check the code against the 2025 list (query provinces { communes { code name } }).",
  },
  {
    id: "DATA_ADMIN_UNIT_MISMATCH",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A commune is not in the province the record names",
    basis: ADMIN_MAP,
    fix: "Give the province the commune belongs to on the 2025 map (or leave the province out: the commune implies it).",
  },
  {
    id: "DATA_DISTRICT",
    category: "PAYLOAD",
    severity: "WARNING",
    title: "A record still carries a district",
    basis: `${ADMIN_MAP}: districts were abolished on 1 July 2025`,
    fix: "Drop the district; an address is a line, a commune and (optionally) its province.",
  },
  {
    id: "DATA_DATE",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A date is not an ISO 8601 calendar date, or is impossible",
    basis: "ISO 8601 / RFC 3339: dates as YYYY-MM-DD, times as YYYY-MM-DDThh:mm:ssZ",
    fix: "Write 2025-07-01, not 01/07/2025; dates of birth cannot lie in the future or before a date of death.",
  },
  {
    id: "DATA_CODE_LIST",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A value is not in its national code list",
    basis: `${NATIONAL_SCHEMA} enums; national code lists (ethnic groups, land-use purposes: Land Law 2024, VSIC 2018 industries)`,
    fix: "Use a code of the list the finding names.",
  },
  {
    id: "DATA_PARCEL_ID",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A parcel identifier is malformed",
    basis: "Land Law 2024 and Circular 10/2024/TT-BTNMT: a parcel is identified by its commune, map sheet and parcel number",
    fix: "Write <2025 commune code>-<map sheet>-<parcel number>, e.g. 00004-12-345.",
  },
  {
    id: "DATA_CERTIFICATE_SERIAL",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A land-use right certificate serial is malformed",
    basis: "Circular 10/2024/TT-BTNMT: the printed serial of the certificate (số phát hành)",
    fix: "Two capital letters, a space and 6 to 8 digits, e.g. DA 123456.",
  },
  {
    id: "DATA_PROCEDURE",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A dossier names a procedure the national catalogue does not have",
    basis: "National Public Service Portal procedure codes (query procedures)",
    fix: "Use the portal code of the procedure, e.g. 1.001193.",
  },
  {
    id: "DATA_DOSSIER",
    category: "PAYLOAD",
    severity: "ERROR",
    title: "A dossier does not fit its procedure (applicant kind, subjects)",
    basis: "Resolution 66.7/2025/NQ-CP: dossier components replaced by data need the subjects they are about",
    fix: "Give the applicant and the subjects the procedure takes (query procedure(code) { subjects { role description } }).",
  },
  // Schemas
  {
    id: "SCHEMA_BREAKING",
    category: "SCHEMA",
    severity: "ERROR",
    title: "A shared type differs from the national one in a way that breaks a national consumer",
    basis: `${NATIONAL_SCHEMA}; graphql-inspector's criticality levels`,
    fix: "Expose the national field, type and arguments as the national schema declares them.",
  },
  {
    id: "SCHEMA_DANGEROUS",
    category: "SCHEMA",
    severity: "WARNING",
    title: "A shared type differs from the national one in a way that may break a national consumer",
    basis: `${NATIONAL_SCHEMA}; graphql-inspector's criticality levels`,
    fix: "Align the difference (e.g. an extra enum value national consumers do not expect) or document it.",
  },
  {
    id: "SCHEMA_NO_SHARED_TYPES",
    category: "SCHEMA",
    severity: "WARNING",
    title: "The schema shares no type with the national schema",
    basis: NATIONAL_SCHEMA,
    fix: "Name shared types as the national schema does (Citizen, Address, Enterprise, LandParcel, …) so they can be compared.",
  },
  {
    id: "SCHEMA_SUBGRAPH_COMPOSITION",
    category: "SCHEMA",
    severity: "ERROR",
    title: "The system's subgraph does not compose with the national supergraph",
    basis: "Apollo Federation 2 composition rules (The Guild's federation composition); the national subgraphs of supergraph.graphql",
    fix: "Follow the message and its code: extend national entities by their @key (Citizen by personalId) with fields of your own, and do not redefine national fields or non-@shareable types.",
  },
] as const satisfies readonly (Omit<Rule, "id"> & { id: string })[];

export type RuleId = (typeof rules)[number]["id"];

export const CONFORMANCE_RULES: readonly Rule[] = rules;

const byId = new Map<string, Rule>(CONFORMANCE_RULES.map((r) => [r.id, r]));

export function ruleById(id: RuleId): Rule {
  return byId.get(id)!;
}

/** The payload rule a national scalar's refusal (its error code) stands for, or `fallback`. */
export function ruleForInputError(code: string | undefined, fallback: RuleId): RuleId {
  switch (code) {
    case "INVALID_PERSONAL_ID":
      return "DATA_PERSONAL_ID";
    case "INVALID_TAX_CODE":
      return "DATA_TAX_CODE";
    case "INVALID_ADMINISTRATIVE_UNIT_CODE":
      return "DATA_ADMIN_UNIT_FORMAT";
    default:
      return fallback;
  }
}
