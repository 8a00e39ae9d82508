CREATE SCHEMA "business";
--> statement-breakpoint
CREATE TYPE "business"."branch_status" AS ENUM('ACTIVE', 'CLOSED');--> statement-breakpoint
CREATE TYPE "business"."enterprise_role" AS ENUM('LEGAL_REPRESENTATIVE', 'OWNER', 'MEMBER', 'SHAREHOLDER');--> statement-breakpoint
CREATE TYPE "business"."enterprise_status" AS ENUM('ACTIVE', 'SUSPENDED', 'DISSOLVED', 'BANKRUPT');--> statement-breakpoint
CREATE TYPE "business"."household_business_status" AS ENUM('ACTIVE', 'SUSPENDED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "business"."legal_form" AS ENUM('SINGLE_MEMBER_LLC', 'MULTI_MEMBER_LLC', 'JOINT_STOCK', 'PRIVATE_ENTERPRISE', 'PARTNERSHIP');--> statement-breakpoint
CREATE TABLE "business"."branches" (
	"code" char(14) PRIMARY KEY NOT NULL,
	"enterprise_code" char(10) NOT NULL,
	"name" text NOT NULL,
	"commune_code" char(5) NOT NULL,
	"address_line" text NOT NULL,
	"status" "business"."branch_status" NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business"."enterprise_industries" (
	"enterprise_code" char(10) NOT NULL,
	"industry_code" char(4) NOT NULL,
	"is_main" boolean NOT NULL,
	CONSTRAINT "enterprise_industries_enterprise_code_industry_code_pk" PRIMARY KEY("enterprise_code","industry_code")
);
--> statement-breakpoint
CREATE TABLE "business"."enterprise_people" (
	"enterprise_code" char(10) NOT NULL,
	"personal_id" char(12) NOT NULL,
	"role" "business"."enterprise_role" NOT NULL,
	"position" text,
	"share_percent" numeric(5, 2),
	CONSTRAINT "enterprise_people_enterprise_code_personal_id_role_pk" PRIMARY KEY("enterprise_code","personal_id","role")
);
--> statement-breakpoint
CREATE TABLE "business"."enterprises" (
	"code" char(10) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"foreign_name" text,
	"short_name" text,
	"legal_form" "business"."legal_form" NOT NULL,
	"status" "business"."enterprise_status" NOT NULL,
	"status_changed_on" date,
	"registered_on" date NOT NULL,
	"head_office_commune_code" char(5) NOT NULL,
	"head_office_province_code" char(2) NOT NULL,
	"head_office_address_line" text NOT NULL,
	"charter_capital" bigint NOT NULL,
	"main_industry_code" char(4) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business"."household_businesses" (
	"registration_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_personal_id" char(12) NOT NULL,
	"commune_code" char(5) NOT NULL,
	"address_line" text NOT NULL,
	"business_line" text NOT NULL,
	"industry_code" char(4) NOT NULL,
	"capital" bigint NOT NULL,
	"status" "business"."household_business_status" NOT NULL,
	"registered_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "branches_enterprise_idx" ON "business"."branches" USING btree ("enterprise_code");--> statement-breakpoint
CREATE INDEX "enterprise_people_person_idx" ON "business"."enterprise_people" USING btree ("personal_id");--> statement-breakpoint
CREATE INDEX "enterprises_commune_idx" ON "business"."enterprises" USING btree ("head_office_commune_code","code");--> statement-breakpoint
CREATE INDEX "enterprises_province_idx" ON "business"."enterprises" USING btree ("head_office_province_code","code");--> statement-breakpoint
CREATE INDEX "enterprises_status_idx" ON "business"."enterprises" USING btree ("status","code");--> statement-breakpoint
CREATE INDEX "enterprises_search_name_trgm_idx" ON "business"."enterprises" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "household_businesses_owner_idx" ON "business"."household_businesses" USING btree ("owner_personal_id");--> statement-breakpoint
CREATE INDEX "household_businesses_commune_idx" ON "business"."household_businesses" USING btree ("commune_code");