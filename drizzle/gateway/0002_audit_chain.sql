-- The audit trail is append-only and hash-chained, enforced here in the database rather than trusted to code.
-- Each row's hash covers its content and the previous row's hash (see src/access/audit.ts: auditRowHash, which
-- `npm run audit:verify` uses to re-walk the chain). Sequence numbers are assigned under the head's row lock, so
-- they have no gaps and chain order is sequence order, whatever the number of concurrent writers.
INSERT INTO "gateway"."audit_chain_head" ("id", "last_seq", "last_hash") VALUES (1, 0, repeat('0', 64));
--> statement-breakpoint
CREATE FUNCTION "gateway"."audit_log_chain"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  -- The chain position is carried from row to row in a transaction-local setting, so a statement of many rows
  -- locks and reads the head once (first row) and writes it once (audit_log_chain_head, after the statement).
  running text := current_setting('ndaf.audit_chain', true);
  last_seq bigint;
  last_hash text;
BEGIN
  IF running IS NULL OR running = '' THEN
    SELECT h.last_seq, h.last_hash INTO last_seq, last_hash FROM gateway.audit_chain_head h WHERE h.id = 1 FOR UPDATE;
  ELSE
    last_seq := split_part(running, ':', 1)::bigint;
    last_hash := split_part(running, ':', 2);
  END IF;
  NEW.seq := last_seq + 1;
  NEW.recorded_at := date_trunc('milliseconds', now());
  NEW.prev_hash := last_hash;
  NEW.hash := encode(sha256(convert_to(concat_ws(chr(31),
    NEW.seq::text,
    to_char(NEW.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    NEW.request_id,
    NEW.client_id,
    NEW.action,
    coalesce(NEW.procedure_code, ''),
    coalesce(NEW.case_id, ''),
    coalesce(NEW.subject_kind, ''),
    coalesce(NEW.subject_id, ''),
    array_to_string(NEW.fields, ','),
    NEW.prev_hash), 'UTF8')), 'hex');
  PERFORM set_config('ndaf.audit_chain', NEW.seq::text || ':' || NEW.hash, true);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE FUNCTION "gateway"."audit_log_chain_head"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  running text := current_setting('ndaf.audit_chain', true);
BEGIN
  IF running IS NOT NULL AND running <> '' THEN
    UPDATE gateway.audit_chain_head
      SET last_seq = split_part(running, ':', 1)::bigint, last_hash = split_part(running, ':', 2)
      WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "gateway"."audit_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- The chain's statement trigger (depth 1) moves the head; nothing else may change either table.
  IF TG_TABLE_NAME = 'audit_chain_head' AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "gateway"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_log_chain"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_chain_head" AFTER INSERT ON "gateway"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."audit_log_chain_head"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "gateway"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "gateway"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_guard" BEFORE UPDATE OR DELETE ON "gateway"."audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_no_truncate" BEFORE TRUNCATE ON "gateway"."audit_chain_head"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
-- The role the gateway should run as on real Postgres (README: "Database roles"): it reads everything, keeps
-- clients and dossiers, and may only INSERT into the trail. It owns nothing, so it cannot disable the triggers.
DO $$
BEGIN
  CREATE ROLE ndaf_gateway NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "gateway" TO ndaf_gateway;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA "gateway" TO ndaf_gateway;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON "gateway"."clients", "gateway"."client_grants" TO ndaf_gateway;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA "gateway" TO ndaf_gateway;
--> statement-breakpoint
GRANT INSERT ON "gateway"."audit_log" TO ndaf_gateway;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "gateway"."audit_log", "gateway"."audit_chain_head" FROM PUBLIC;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "gateway" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ndaf_gateway;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "gateway" GRANT USAGE ON SEQUENCES TO ndaf_gateway;
