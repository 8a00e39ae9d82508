/**
 * Land source (cơ sở dữ liệu đất đai): parcels, land-use right certificates, holders, encumbrances, transfers.
 * Its own database, in the `land` Postgres schema. Holders point at the population and business sources by
 * personal id / enterprise code; those links are resolved by the gateway, never by a SQL join.
 */
import { check, char, date, index, integer, numeric, pgSchema, serial, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const land = pgSchema("land");

export const certificateStatusEnum = land.enum("certificate_status", ["ACTIVE", "REPLACED", "REVOKED"]);
export const holderKindEnum = land.enum("holder_kind", ["CITIZEN", "ENTERPRISE"]);
export const transferKindEnum = land.enum("transfer_kind", ["SALE", "GIFT", "INHERITANCE", "CAPITAL_CONTRIBUTION"]);

/** A land parcel (thửa đất), identified as `<commune code>-<map sheet>-<parcel number>`. */
export const parcels = land.table(
  "parcels",
  {
    id: text("id").primaryKey(),
    communeCode: char("commune_code", { length: 5 }).notNull(),
    provinceCode: char("province_code", { length: 2 }).notNull(),
    mapSheetNumber: integer("map_sheet_number").notNull(),
    parcelNumber: integer("parcel_number").notNull(),
    areaM2: numeric("area_m2", { precision: 12, scale: 1, mode: "number" }).notNull(),
    landUsePurpose: text("land_use_purpose").notNull(),
    /** Null means long-term use (lâu dài). */
    useTermUntil: date("use_term_until"),
    addressLine: text("address_line").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("parcels_commune_idx").on(t.communeCode, t.id),
    index("parcels_province_idx").on(t.provinceCode, t.id),
    index("parcels_purpose_idx").on(t.landUsePurpose, t.id),
  ],
);

/** Land-use right certificate (Giấy chứng nhận quyền sử dụng đất), by its printed serial. */
export const certificates = land.table(
  "certificates",
  {
    serial: text("serial").primaryKey(),
    parcelId: text("parcel_id").notNull(),
    issuedOn: date("issued_on").notNull(),
    issuingAuthority: text("issuing_authority").notNull(),
    status: certificateStatusEnum("status").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("certificates_parcel_idx").on(t.parcelId)],
);

/** Who a certificate names as land user: a citizen or an enterprise, with a share in percent. */
export const holders = land.table(
  "holders",
  {
    id: serial("id").primaryKey(),
    certificateSerial: text("certificate_serial").notNull(),
    kind: holderKindEnum("kind").notNull(),
    personalId: char("personal_id", { length: 12 }),
    enterpriseCode: char("enterprise_code", { length: 10 }),
    sharePercent: numeric("share_percent", { precision: 5, scale: 2, mode: "number" }).notNull(),
  },
  (t) => [
    index("holders_certificate_idx").on(t.certificateSerial),
    index("holders_person_idx").on(t.personalId),
    index("holders_enterprise_idx").on(t.enterpriseCode),
    check(
      "holders_one_subject",
      sql`(${t.kind} = 'CITIZEN' and ${t.personalId} is not null and ${t.enterpriseCode} is null) or (${t.kind} = 'ENTERPRISE' and ${t.enterpriseCode} is not null and ${t.personalId} is null)`,
    ),
  ],
);

/** Registered security interest (đăng ký thế chấp) over a parcel; open while `released_on` is null. */
export const encumbrances = land.table(
  "encumbrances",
  {
    id: serial("id").primaryKey(),
    parcelId: text("parcel_id").notNull(),
    certificateSerial: text("certificate_serial").notNull(),
    lenderName: text("lender_name").notNull(),
    lenderEnterpriseCode: char("lender_enterprise_code", { length: 10 }),
    securedAmount: numeric("secured_amount", { precision: 18, scale: 0, mode: "number" }),
    registeredOn: date("registered_on").notNull(),
    releasedOn: date("released_on"),
  },
  (t) => [index("encumbrances_parcel_idx").on(t.parcelId)],
);

/** Transfer history: each change of land user, from the certificate it replaced to the one it issued. */
export const transfers = land.table(
  "transfers",
  {
    id: serial("id").primaryKey(),
    parcelId: text("parcel_id").notNull(),
    kind: transferKindEnum("kind").notNull(),
    fromCertificateSerial: text("from_certificate_serial").notNull(),
    toCertificateSerial: text("to_certificate_serial").notNull(),
    registeredOn: date("registered_on").notNull(),
  },
  (t) => [index("transfers_parcel_idx").on(t.parcelId)],
);

export type ParcelRow = typeof parcels.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
export type HolderRow = typeof holders.$inferSelect;
export type EncumbranceRow = typeof encumbrances.$inferSelect;
export type TransferRow = typeof transfers.$inferSelect;
export const landTables = { parcels, certificates, holders, encumbrances, transfers };
