-- The trail in AUDIT_PARTITIONS (16) chains that append concurrently. A statement's rows go to one partition: the
-- first head no other transaction holds (FOR UPDATE SKIP LOCKED), looked for from the one this connection's backend
-- prefers, so concurrent writers — several per process, any number of processes — each take a free chain instead of
-- queueing on one. Only when all 16 are held does a statement wait (for its preferred one). Positions are gap-free
-- within a partition; a transaction keeps its partition for every statement it makes, and locks one head only, so
-- writers never wait on each other in a cycle.
-- The entry hash (version 2) is recomputed independently by auditEntryHash in src/modules/access/entry.ts. It
-- covers sha256(salt, client id) rather than the client id, so a citizen's inclusion proof can leave out another
-- citizen's client id. Entries written before this migration keep their version 1 hashes: the closed legacy chain.
INSERT INTO "gateway"."audit_partition_heads" ("partition", "last_seq", "last_hash")
  SELECT p, 0, repeat('0', 64) FROM generate_series(0, 15) AS p;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "gateway"."audit_log_chain"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  -- The transaction's partition and position, carried from row to row in a transaction-local setting: the head is
  -- locked and read on the first row, and written once per statement (audit_log_chain_head).
  running text := current_setting('ndaf.audit_chain', true);
  preferred smallint := (pg_backend_pid() % 16)::smallint;
  p smallint;
  last_seq bigint;
  last_hash text;
BEGIN
  IF running IS NULL OR running = '' THEN
    SELECT h.partition, h.last_seq, h.last_hash INTO p, last_seq, last_hash FROM gateway.audit_partition_heads h
      ORDER BY (h.partition - preferred + 16) % 16 LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF p IS NULL THEN
      SELECT h.partition, h.last_seq, h.last_hash INTO p, last_seq, last_hash FROM gateway.audit_partition_heads h
        WHERE h.partition = preferred FOR UPDATE;
    END IF;
  ELSE
    -- The setting is the transaction's own, but any session may write one: the statement trigger checks what it
    -- says against the head before the head moves (audit_log_chain_head), so a forged one only fails the INSERT.
    p := split_part(running, ':', 1)::smallint;
    IF p IS NULL OR p < 0 OR p > 15 THEN
      RAISE EXCEPTION 'audit chain setting names no partition' USING ERRCODE = 'insufficient_privilege';
    END IF;
    last_seq := split_part(running, ':', 2)::bigint;
    last_hash := split_part(running, ':', 3);
  END IF;
  -- The entry's id comes from the sequence, whatever the INSERT said.
  NEW.seq := nextval('gateway.audit_log_seq_seq');
  NEW.partition := p;
  NEW.partition_seq := last_seq + 1;
  NEW.recorded_at := date_trunc('milliseconds', now());
  NEW.client_salt := replace(gen_random_uuid()::text, '-', '');
  NEW.prev_hash := last_hash;
  NEW.hash := encode(sha256(convert_to(concat_ws(chr(31),
    'v2',
    NEW.seq::text,
    NEW.partition::text,
    NEW.partition_seq::text,
    to_char(NEW.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    NEW.request_id,
    encode(sha256(convert_to(NEW.client_salt || chr(31) || NEW.client_id, 'UTF8')), 'hex'),
    NEW.action,
    coalesce(NEW.procedure_code, ''),
    coalesce(NEW.case_id, ''),
    coalesce(NEW.subject_kind, ''),
    coalesce(NEW.subject_id, ''),
    array_to_string(NEW.fields, ','),
    NEW.prev_hash), 'UTF8')), 'hex');
  PERFORM set_config('ndaf.audit_chain', p::text || ':' || NEW.partition_seq::text || ':' || NEW.hash, true);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "gateway"."audit_log_chain_head"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  running text := current_setting('ndaf.audit_chain', true);
  p smallint;
  new_seq bigint;
  new_hash text;
  old_seq bigint;
  old_hash text;
BEGIN
  IF running IS NOT NULL AND running <> '' THEN
    p := split_part(running, ':', 1)::smallint;
    new_seq := split_part(running, ':', 2)::bigint;
    new_hash := split_part(running, ':', 3);
    SELECT h.last_seq, h.last_hash INTO old_seq, old_hash FROM gateway.audit_partition_heads h WHERE h.partition = p FOR UPDATE;
    -- The head moves only forward, along the chain: the entry after it follows it, and the new head is an entry.
    IF old_seq IS NULL OR new_seq < old_seq
       OR (new_seq > old_seq AND (
         NOT EXISTS (SELECT 1 FROM gateway.audit_log a WHERE a.partition = p AND a.partition_seq = old_seq + 1 AND a.prev_hash = old_hash)
         OR NOT EXISTS (SELECT 1 FROM gateway.audit_log a WHERE a.partition = p AND a.partition_seq = new_seq AND a.hash = new_hash))) THEN
      RAISE EXCEPTION 'audit chain of partition % does not continue its head', p USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE gateway.audit_partition_heads SET last_seq = new_seq, last_hash = new_hash WHERE partition = p;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "gateway"."audit_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- The chain's statement trigger (depth 1) moves the heads; nothing else may change the trail's tables.
  IF TG_TABLE_NAME IN ('audit_chain_head', 'audit_partition_heads') AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_partition_heads_guard" BEFORE UPDATE OR DELETE ON "gateway"."audit_partition_heads"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_partition_heads_no_truncate" BEFORE TRUNCATE ON "gateway"."audit_partition_heads"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "gateway"."audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "gateway"."audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoint_ranges_append_only" BEFORE UPDATE OR DELETE ON "gateway"."audit_checkpoint_ranges"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoint_ranges_no_truncate" BEFORE TRUNCATE ON "gateway"."audit_checkpoint_ranges"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."audit_refuse_change"();
--> statement-breakpoint
-- The gateway's role reads the trail and appends to it (entries, checkpoints); it changes none of it.
REVOKE UPDATE, DELETE, TRUNCATE ON "gateway"."audit_partition_heads", "gateway"."audit_checkpoints", "gateway"."audit_checkpoint_ranges" FROM PUBLIC, ndaf_gateway;
--> statement-breakpoint
GRANT SELECT ON "gateway"."audit_partition_heads" TO ndaf_gateway;
--> statement-breakpoint
GRANT SELECT, INSERT ON "gateway"."audit_checkpoints", "gateway"."audit_checkpoint_ranges" TO ndaf_gateway;
