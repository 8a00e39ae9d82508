CREATE TABLE "gateway"."consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"personal_id" text NOT NULL,
	"purpose" text NOT NULL,
	"requested_fields" text[] NOT NULL,
	"approved_fields" text[],
	"valid_until" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'REQUESTED' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "consents_status_check" CHECK ("gateway"."consents"."status" in ('REQUESTED', 'APPROVED', 'REJECTED', 'REVOKED')),
	CONSTRAINT "consents_approved_check" CHECK ("gateway"."consents"."status" not in ('APPROVED', 'REVOKED') or "gateway"."consents"."approved_fields" is not null)
);
--> statement-breakpoint
CREATE TABLE "gateway"."operational_records" (
	"window_start" timestamp with time zone NOT NULL,
	"client_id" text NOT NULL,
	"operation" text NOT NULL,
	"procedure_code" text DEFAULT '' NOT NULL,
	"outcome" text NOT NULL,
	"requests" integer NOT NULL,
	"duration_ms_sum" double precision NOT NULL,
	"duration_ms_max" double precision NOT NULL,
	"latency_buckets" integer[] NOT NULL,
	CONSTRAINT "operational_records_window_start_client_id_operation_procedure_code_outcome_pk" PRIMARY KEY("window_start","client_id","operation","procedure_code","outcome")
);
--> statement-breakpoint
ALTER TABLE "gateway"."data_correction_requests" ADD COLUMN "closed_by" text;--> statement-breakpoint
ALTER TABLE "gateway"."data_correction_requests" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateway"."data_correction_requests" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "gateway"."data_correction_requests" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "gateway"."consents" ADD CONSTRAINT "consents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "gateway"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "gateway"."consents" USING btree ("personal_id","client_id","status");--> statement-breakpoint
CREATE INDEX "consents_client_idx" ON "gateway"."consents" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "operational_records_client_idx" ON "gateway"."operational_records" USING btree ("client_id","window_start");--> statement-breakpoint
CREATE INDEX "data_correction_requests_subject_idx" ON "gateway"."data_correction_requests" USING btree ("subject_kind","subject_id");--> statement-breakpoint
ALTER TABLE "gateway"."data_correction_requests" ADD CONSTRAINT "data_correction_requests_status_check" CHECK ("gateway"."data_correction_requests"."status" in ('OPEN', 'RESOLVED', 'REJECTED'));--> statement-breakpoint
ALTER TABLE "gateway"."data_correction_requests" ADD CONSTRAINT "data_correction_requests_closed_check" CHECK (("gateway"."data_correction_requests"."status" = 'OPEN') = ("gateway"."data_correction_requests"."closed_at" is null));