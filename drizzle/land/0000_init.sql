CREATE SCHEMA "land";
--> statement-breakpoint
CREATE TYPE "land"."certificate_status" AS ENUM('ACTIVE', 'REPLACED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "land"."holder_kind" AS ENUM('CITIZEN', 'ENTERPRISE');--> statement-breakpoint
CREATE TYPE "land"."transfer_kind" AS ENUM('SALE', 'GIFT', 'INHERITANCE', 'CAPITAL_CONTRIBUTION');--> statement-breakpoint
CREATE TABLE "land"."certificates" (
	"serial" text PRIMARY KEY NOT NULL,
	"parcel_id" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuing_authority" text NOT NULL,
	"status" "land"."certificate_status" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "land"."encumbrances" (
	"id" serial PRIMARY KEY NOT NULL,
	"parcel_id" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"lender_name" text NOT NULL,
	"lender_enterprise_code" char(10),
	"secured_amount" numeric(18, 0),
	"registered_on" date NOT NULL,
	"released_on" date
);
--> statement-breakpoint
CREATE TABLE "land"."holders" (
	"id" serial PRIMARY KEY NOT NULL,
	"certificate_serial" text NOT NULL,
	"kind" "land"."holder_kind" NOT NULL,
	"personal_id" char(12),
	"enterprise_code" char(10),
	"share_percent" numeric(5, 2) NOT NULL,
	CONSTRAINT "holders_one_subject" CHECK (("land"."holders"."kind" = 'CITIZEN' and "land"."holders"."personal_id" is not null and "land"."holders"."enterprise_code" is null) or ("land"."holders"."kind" = 'ENTERPRISE' and "land"."holders"."enterprise_code" is not null and "land"."holders"."personal_id" is null))
);
--> statement-breakpoint
CREATE TABLE "land"."parcels" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" char(5) NOT NULL,
	"province_code" char(2) NOT NULL,
	"map_sheet_number" integer NOT NULL,
	"parcel_number" integer NOT NULL,
	"area_m2" numeric(12, 1) NOT NULL,
	"land_use_purpose" text NOT NULL,
	"use_term_until" date,
	"address_line" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "land"."transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"parcel_id" text NOT NULL,
	"kind" "land"."transfer_kind" NOT NULL,
	"from_certificate_serial" text NOT NULL,
	"to_certificate_serial" text NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "certificates_parcel_idx" ON "land"."certificates" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "encumbrances_parcel_idx" ON "land"."encumbrances" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "holders_certificate_idx" ON "land"."holders" USING btree ("certificate_serial");--> statement-breakpoint
CREATE INDEX "holders_person_idx" ON "land"."holders" USING btree ("personal_id");--> statement-breakpoint
CREATE INDEX "holders_enterprise_idx" ON "land"."holders" USING btree ("enterprise_code");--> statement-breakpoint
CREATE INDEX "parcels_commune_idx" ON "land"."parcels" USING btree ("commune_code","id");--> statement-breakpoint
CREATE INDEX "parcels_province_idx" ON "land"."parcels" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "parcels_purpose_idx" ON "land"."parcels" USING btree ("land_use_purpose","id");--> statement-breakpoint
CREATE INDEX "transfers_parcel_idx" ON "land"."transfers" USING btree ("parcel_id");