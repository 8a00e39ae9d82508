ALTER TABLE "gateway"."clients" DROP CONSTRAINT "clients_kind_check";--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD COLUMN "roles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD CONSTRAINT "clients_roles_check" CHECK ("gateway"."clients"."kind" = 'SYSTEM' or cardinality("gateway"."clients"."roles") = 0);--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD CONSTRAINT "clients_kind_check" CHECK ("gateway"."clients"."kind" in ('SYSTEM', 'CITIZEN', 'ORGANIZATION'));