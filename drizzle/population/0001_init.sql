CREATE SCHEMA "population";
--> statement-breakpoint
CREATE TYPE "population"."household_relation" AS ENUM('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER');--> statement-breakpoint
CREATE TYPE "population"."identity_card_status" AS ENUM('VALID', 'EXPIRED', 'REVOKED', 'LOST');--> statement-breakpoint
CREATE TYPE "population"."identity_card_type" AS ENUM('CMND', 'CCCD', 'CAN_CUOC');--> statement-breakpoint
CREATE TYPE "population"."marital_status" AS ENUM('SINGLE', 'MARRIED', 'DIVORCED', 'WIDOWED');--> statement-breakpoint
CREATE TYPE "population"."sex" AS ENUM('MALE', 'FEMALE');--> statement-breakpoint
CREATE TABLE "population"."citizens" (
	"personal_id" char(12) PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"search_name" text NOT NULL,
	"sex" "population"."sex" NOT NULL,
	"date_of_birth" date NOT NULL,
	"date_of_death" date,
	"ethnicity_code" char(2) NOT NULL,
	"religion" text,
	"nationality" char(2) DEFAULT 'VN' NOT NULL,
	"birth_registration_commune_code" char(5),
	"birth_registration_legacy_commune_code" char(5),
	"hometown_commune_code" char(5),
	"hometown_legacy_commune_code" char(5),
	"permanent_commune_code" char(5),
	"permanent_legacy_commune_code" char(5),
	"permanent_province_code" char(2) NOT NULL,
	"permanent_address_line" text,
	"temporary_commune_code" char(5),
	"temporary_address_line" text,
	"current_commune_code" char(5),
	"current_address_line" text,
	"marital_status" "population"."marital_status" NOT NULL,
	"father_id" char(12),
	"mother_id" char(12),
	"spouse_id" char(12),
	"household_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population"."household_members" (
	"household_id" text NOT NULL,
	"personal_id" char(12) NOT NULL,
	"relation_to_head" "population"."household_relation" NOT NULL,
	CONSTRAINT "household_members_household_id_personal_id_pk" PRIMARY KEY("household_id","personal_id")
);
--> statement-breakpoint
CREATE TABLE "population"."households" (
	"id" text PRIMARY KEY NOT NULL,
	"head_personal_id" char(12) NOT NULL,
	"commune_code" char(5),
	"legacy_commune_code" char(5),
	"address_line" text NOT NULL,
	"registered_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population"."identity_cards" (
	"id" serial PRIMARY KEY NOT NULL,
	"personal_id" char(12) NOT NULL,
	"card_type" "population"."identity_card_type" NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"issuing_authority" text NOT NULL,
	"status" "population"."identity_card_status" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "citizens_permanent_commune_idx" ON "population"."citizens" USING btree ("permanent_commune_code","personal_id");--> statement-breakpoint
CREATE INDEX "citizens_permanent_province_idx" ON "population"."citizens" USING btree ("permanent_province_code","personal_id");--> statement-breakpoint
CREATE INDEX "citizens_father_idx" ON "population"."citizens" USING btree ("father_id");--> statement-breakpoint
CREATE INDEX "citizens_mother_idx" ON "population"."citizens" USING btree ("mother_id");--> statement-breakpoint
CREATE INDEX "citizens_household_idx" ON "population"."citizens" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "citizens_search_name_trgm_idx" ON "population"."citizens" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "household_members_person_idx" ON "population"."household_members" USING btree ("personal_id");--> statement-breakpoint
CREATE INDEX "households_commune_idx" ON "population"."households" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "identity_cards_person_idx" ON "population"."identity_cards" USING btree ("personal_id");