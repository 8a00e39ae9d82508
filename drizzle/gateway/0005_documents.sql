CREATE TABLE "gateway"."trusted_document_clients" (
	"document_id" text NOT NULL,
	"client_id" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_document_clients_document_id_client_id_pk" PRIMARY KEY("document_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "gateway"."trusted_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"operation_name" text,
	"operation_type" text NOT NULL,
	"for_every_client" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_documents_id_check" CHECK ("gateway"."trusted_documents"."id" ~ '^sha256:[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD COLUMN "trusted_documents_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway"."trusted_document_clients" ADD CONSTRAINT "trusted_document_clients_document_id_trusted_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "gateway"."trusted_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway"."trusted_document_clients" ADD CONSTRAINT "trusted_document_clients_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "gateway"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trusted_document_clients_client_idx" ON "gateway"."trusted_document_clients" USING btree ("client_id");