CREATE TABLE "gateway"."data_correction_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" text NOT NULL,
	"component_id" text NOT NULL,
	"source" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."dossier_components" (
	"dossier_id" text NOT NULL,
	"position" integer NOT NULL,
	"component_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"message" text,
	"evidence" jsonb NOT NULL,
	CONSTRAINT "dossier_components_dossier_id_component_id_pk" PRIMARY KEY("dossier_id","component_id")
);
--> statement-breakpoint
CREATE TABLE "gateway"."dossiers" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"procedure_code" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_id" text NOT NULL,
	"subjects" jsonb NOT NULL,
	"status" text NOT NULL,
	"components" integer NOT NULL,
	"fulfilled_by_data" integer NOT NULL,
	"documents_requested" integer NOT NULL,
	"failed_checks" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateway"."data_correction_requests" ADD CONSTRAINT "data_correction_requests_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "gateway"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway"."dossier_components" ADD CONSTRAINT "dossier_components_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "gateway"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_correction_requests_source_idx" ON "gateway"."data_correction_requests" USING btree ("source","status");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_idempotency_idx" ON "gateway"."dossiers" USING btree ("client_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "gateway"."dossiers" USING btree ("applicant_kind","applicant_id","id");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "gateway"."dossiers" USING btree ("procedure_code","id");