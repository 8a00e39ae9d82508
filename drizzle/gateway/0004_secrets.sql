CREATE TABLE "gateway"."secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
-- 32 random bytes from two random UUIDs (gen_random_uuid is core since PostgreSQL 13; 244 random bits).
INSERT INTO "gateway"."secrets" ("name", "value") VALUES ('cursor', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
