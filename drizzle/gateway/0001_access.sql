CREATE TABLE "gateway"."audit_chain_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_single" CHECK ("gateway"."audit_chain_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "gateway"."audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"request_id" text NOT NULL,
	"client_id" text NOT NULL,
	"action" text NOT NULL,
	"procedure_code" text,
	"case_id" text,
	"subject_kind" text,
	"subject_id" text,
	"fields" text[] NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."client_grants" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"sources" text[] NOT NULL,
	"classes" text[] NOT NULL,
	"procedures" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."clients" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"personal_id" text,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"rate_limit_per_minute" integer,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_key_hash_unique" UNIQUE("key_hash"),
	CONSTRAINT "clients_kind_check" CHECK ("gateway"."clients"."kind" in ('SYSTEM', 'CITIZEN')),
	CONSTRAINT "clients_citizen_check" CHECK ("gateway"."clients"."kind" <> 'CITIZEN' or "gateway"."clients"."personal_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "gateway"."client_grants" ADD CONSTRAINT "client_grants_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "gateway"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "gateway"."audit_log" USING btree ("subject_kind","subject_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_client_idx" ON "gateway"."audit_log" USING btree ("client_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "gateway"."audit_log" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "client_grants_client_idx" ON "gateway"."client_grants" USING btree ("client_id");