/**
 * Business source (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp): enterprises, their people, branches, and
 * household businesses. Its own database, in the `business` Postgres schema. People are referenced by personal id.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, char, date, index, numeric, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const business = pgSchema("business");

export const legalFormEnum = business.enum("legal_form", [
  "SINGLE_MEMBER_LLC",
  "MULTI_MEMBER_LLC",
  "JOINT_STOCK",
  "PRIVATE_ENTERPRISE",
  "PARTNERSHIP",
]);
export const enterpriseStatusEnum = business.enum("enterprise_status", ["ACTIVE", "SUSPENDED", "DISSOLVED", "BANKRUPT"]);
export const enterpriseRoleEnum = business.enum("enterprise_role", ["LEGAL_REPRESENTATIVE", "OWNER", "MEMBER", "SHAREHOLDER"]);
export const branchStatusEnum = business.enum("branch_status", ["ACTIVE", "CLOSED"]);
export const householdBusinessStatusEnum = business.enum("household_business_status", ["ACTIVE", "SUSPENDED", "CLOSED"]);

/** An enterprise; its code is its tax code (mã số doanh nghiệp = mã số thuế). */
export const enterprises = business.table(
  "enterprises",
  {
    code: char("code", { length: 10 }).primaryKey(),
    name: text("name").notNull(),
    searchName: text("search_name").notNull(),
    foreignName: text("foreign_name"),
    shortName: text("short_name"),
    legalForm: legalFormEnum("legal_form").notNull(),
    status: enterpriseStatusEnum("status").notNull(),
    statusChangedOn: date("status_changed_on"),
    registeredOn: date("registered_on").notNull(),
    headOfficeCommuneCode: char("head_office_commune_code", { length: 5 }).notNull(),
    headOfficeProvinceCode: char("head_office_province_code", { length: 2 }).notNull(),
    headOfficeAddressLine: text("head_office_address_line").notNull(),
    charterCapital: bigint("charter_capital", { mode: "number" }).notNull(),
    mainIndustryCode: char("main_industry_code", { length: 4 }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("enterprises_commune_idx").on(t.headOfficeCommuneCode, t.code),
    index("enterprises_province_idx").on(t.headOfficeProvinceCode, t.code),
    index("enterprises_status_idx").on(t.status, t.code),
    index("enterprises_search_name_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
  ],
);

/** Registered business lines (ngành nghề kinh doanh), VSIC 2018 level-4 codes. */
export const enterpriseIndustries = business.table(
  "enterprise_industries",
  {
    enterpriseCode: char("enterprise_code", { length: 10 }).notNull(),
    industryCode: char("industry_code", { length: 4 }).notNull(),
    isMain: boolean("is_main").notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseCode, t.industryCode] })],
);

/** Legal representatives, owners, members and founding shareholders of an enterprise. */
export const enterprisePeople = business.table(
  "enterprise_people",
  {
    enterpriseCode: char("enterprise_code", { length: 10 }).notNull(),
    personalId: char("personal_id", { length: 12 }).notNull(),
    role: enterpriseRoleEnum("role").notNull(),
    position: text("position"),
    sharePercent: numeric("share_percent", { precision: 5, scale: 2, mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.enterpriseCode, t.personalId, t.role] }), index("enterprise_people_person_idx").on(t.personalId)],
);

/** Branch (chi nhánh), coded `<enterprise code>-<3 digits>`. */
export const branches = business.table(
  "branches",
  {
    code: char("code", { length: 14 }).primaryKey(),
    enterpriseCode: char("enterprise_code", { length: 10 }).notNull(),
    name: text("name").notNull(),
    communeCode: char("commune_code", { length: 5 }).notNull(),
    addressLine: text("address_line").notNull(),
    status: branchStatusEnum("status").notNull(),
    registeredOn: date("registered_on").notNull(),
  },
  (t) => [index("branches_enterprise_idx").on(t.enterpriseCode)],
);

/** Household business (hộ kinh doanh), registered at commune level since 1 July 2025. */
export const householdBusinesses = business.table(
  "household_businesses",
  {
    registrationNumber: text("registration_number").primaryKey(),
    name: text("name").notNull(),
    ownerPersonalId: char("owner_personal_id", { length: 12 }).notNull(),
    communeCode: char("commune_code", { length: 5 }).notNull(),
    addressLine: text("address_line").notNull(),
    businessLine: text("business_line").notNull(),
    industryCode: char("industry_code", { length: 4 }).notNull(),
    capital: bigint("capital", { mode: "number" }).notNull(),
    status: householdBusinessStatusEnum("status").notNull(),
    registeredOn: date("registered_on").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("household_businesses_owner_idx").on(t.ownerPersonalId), index("household_businesses_commune_idx").on(t.communeCode)],
);

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterprisePersonRow = typeof enterprisePeople.$inferSelect;
export type BranchRow = typeof branches.$inferSelect;
export type HouseholdBusinessRow = typeof householdBusinesses.$inferSelect;
export const businessTables = { enterprises, enterpriseIndustries, enterprisePeople, branches, householdBusinesses };
