/**
 * Population source (Cơ sở dữ liệu quốc gia về dân cư): drizzle tables.
 * Lives in its own database, in the `population` Postgres schema, so it can also share one server
 * (and one database, for benchmarks) with the other sources without name clashes.
 */
import { sql } from "drizzle-orm";
import { char, date, index, pgSchema, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";

export const population = pgSchema("population");

export const sexEnum = population.enum("sex", ["MALE", "FEMALE"]);
export const maritalStatusEnum = population.enum("marital_status", ["SINGLE", "MARRIED", "DIVORCED", "WIDOWED"]);
export const householdRelationEnum = population.enum("household_relation", [
  "HEAD",
  "SPOUSE",
  "CHILD",
  "PARENT",
  "GRANDCHILD",
  "SIBLING",
  "OTHER",
]);
export const identityCardTypeEnum = population.enum("identity_card_type", ["CMND", "CCCD", "CAN_CUOC"]);
export const identityCardStatusEnum = population.enum("identity_card_status", ["VALID", "EXPIRED", "REVOKED", "LOST"]);

/**
 * One row per person. Addresses are stored as a 2025 commune code plus a free-text line; where the record still
 * names a pre-2025 commune (not yet updated after the 1 July 2025 reorganisation) the legacy code is kept instead.
 */
export const citizens = population.table(
  "citizens",
  {
    personalId: char("personal_id", { length: 12 }).primaryKey(),
    fullName: text("full_name").notNull(),
    /** Lower-case, diacritics removed: what name search matches against. */
    searchName: text("search_name").notNull(),
    sex: sexEnum("sex").notNull(),
    dateOfBirth: date("date_of_birth").notNull(),
    dateOfDeath: date("date_of_death"),
    ethnicityCode: char("ethnicity_code", { length: 2 }).notNull(),
    religion: text("religion"),
    nationality: char("nationality", { length: 2 }).notNull().default("VN"),
    birthRegistrationCommuneCode: char("birth_registration_commune_code", { length: 5 }),
    birthRegistrationLegacyCommuneCode: char("birth_registration_legacy_commune_code", { length: 5 }),
    hometownCommuneCode: char("hometown_commune_code", { length: 5 }),
    hometownLegacyCommuneCode: char("hometown_legacy_commune_code", { length: 5 }),
    permanentCommuneCode: char("permanent_commune_code", { length: 5 }),
    permanentLegacyCommuneCode: char("permanent_legacy_commune_code", { length: 5 }),
    /** Province of the permanent residence, kept for filtering (a 2025 code, also for legacy addresses). */
    permanentProvinceCode: char("permanent_province_code", { length: 2 }).notNull(),
    permanentAddressLine: text("permanent_address_line"),
    temporaryCommuneCode: char("temporary_commune_code", { length: 5 }),
    temporaryAddressLine: text("temporary_address_line"),
    currentCommuneCode: char("current_commune_code", { length: 5 }),
    currentAddressLine: text("current_address_line"),
    maritalStatus: maritalStatusEnum("marital_status").notNull(),
    fatherId: char("father_id", { length: 12 }),
    motherId: char("mother_id", { length: 12 }),
    spouseId: char("spouse_id", { length: 12 }),
    householdId: text("household_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("citizens_permanent_commune_idx").on(t.permanentCommuneCode, t.personalId),
    index("citizens_permanent_province_idx").on(t.permanentProvinceCode, t.personalId),
    index("citizens_father_idx").on(t.fatherId),
    index("citizens_mother_idx").on(t.motherId),
    index("citizens_household_idx").on(t.householdId),
    index("citizens_search_name_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
  ],
);

/** Household (hộ gia đình) registered at a permanent residence; replaces the paper household book since 2023. */
export const households = population.table(
  "households",
  {
    id: text("id").primaryKey(),
    headPersonalId: char("head_personal_id", { length: 12 }).notNull(),
    communeCode: char("commune_code", { length: 5 }),
    legacyCommuneCode: char("legacy_commune_code", { length: 5 }),
    addressLine: text("address_line").notNull(),
    registeredOn: date("registered_on").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("households_commune_idx").on(t.communeCode)],
);

export const householdMembers = population.table(
  "household_members",
  {
    householdId: text("household_id").notNull(),
    personalId: char("personal_id", { length: 12 }).notNull(),
    relationToHead: householdRelationEnum("relation_to_head").notNull(),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.personalId] }), index("household_members_person_idx").on(t.personalId)],
);

/** Identity documents: old 9-digit CMND, 12-digit CCCD (2016–2024) and căn cước (from 1 July 2024). */
export const identityCards = population.table(
  "identity_cards",
  {
    id: serial("id").primaryKey(),
    personalId: char("personal_id", { length: 12 }).notNull(),
    cardType: identityCardTypeEnum("card_type").notNull(),
    number: text("number").notNull(),
    issuedOn: date("issued_on").notNull(),
    expiresOn: date("expires_on"),
    issuingAuthority: text("issuing_authority").notNull(),
    status: identityCardStatusEnum("status").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("identity_cards_person_idx").on(t.personalId)],
);

export type CitizenRow = typeof citizens.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;
export type IdentityCardRow = typeof identityCards.$inferSelect;
export const populationTables = { citizens, households, householdMembers, identityCards };
