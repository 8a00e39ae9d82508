CREATE SCHEMA "gateway";
--> statement-breakpoint
CREATE TYPE "gateway"."commune_kind" AS ENUM('XA', 'PHUONG', 'DAC_KHU');--> statement-breakpoint
CREATE TYPE "gateway"."merge_type" AS ENUM('FULL', 'PARTIAL');--> statement-breakpoint
CREATE TABLE "gateway"."communes" (
	"code" char(5) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "gateway"."commune_kind" NOT NULL,
	"province_code" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."legacy_commune_successors" (
	"legacy_code" char(5) NOT NULL,
	"successor_code" char(5) NOT NULL,
	"merge_type" "gateway"."merge_type" NOT NULL,
	CONSTRAINT "legacy_commune_successors_legacy_code_successor_code_pk" PRIMARY KEY("legacy_code","successor_code")
);
--> statement-breakpoint
CREATE TABLE "gateway"."legacy_communes" (
	"code" char(5) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"district_code" char(3) NOT NULL,
	"province_code" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."legacy_districts" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"province_code" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."legacy_provinces" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"successor_code" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."provinces" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"commune_count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "communes_province_idx" ON "gateway"."communes" USING btree ("province_code");