CREATE TABLE "gateway"."audit_checkpoint_ranges" (
	"checkpoint_seq" bigint NOT NULL,
	"partition" smallint NOT NULL,
	"from_seq" bigint NOT NULL,
	"to_seq" bigint NOT NULL,
	"to_hash" text NOT NULL,
	CONSTRAINT "audit_checkpoint_ranges_partition_to_seq_pk" PRIMARY KEY("partition","to_seq")
);
--> statement-breakpoint
CREATE TABLE "gateway"."audit_checkpoints" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"size" integer NOT NULL,
	"root" text NOT NULL,
	"prev_hash" text NOT NULL,
	"covered" bigint[] NOT NULL,
	"statement" text NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."audit_partition_heads" (
	"partition" smallint PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
-- Entry ids come from a sequence from now on (continuing after the legacy rows): partitions append concurrently,
-- so no one lock hands out gap-free numbers any more; chain order is (partition, partition_seq).
CREATE SEQUENCE "gateway"."audit_log_seq_seq" AS bigint OWNED BY "gateway"."audit_log"."seq";--> statement-breakpoint
SELECT setval('"gateway"."audit_log_seq_seq"', (SELECT coalesce(max("seq"), 0) + 1 FROM "gateway"."audit_log"), false);--> statement-breakpoint
ALTER TABLE "gateway"."audit_log" ALTER COLUMN "seq" SET DEFAULT nextval('"gateway"."audit_log_seq_seq"');--> statement-breakpoint
ALTER TABLE "gateway"."audit_log" ADD COLUMN "partition" smallint;--> statement-breakpoint
ALTER TABLE "gateway"."audit_log" ADD COLUMN "partition_seq" bigint;--> statement-breakpoint
ALTER TABLE "gateway"."audit_log" ADD COLUMN "client_salt" text;--> statement-breakpoint
CREATE INDEX "audit_checkpoint_ranges_checkpoint_idx" ON "gateway"."audit_checkpoint_ranges" USING btree ("checkpoint_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_partition_idx" ON "gateway"."audit_log" USING btree ("partition","partition_seq");