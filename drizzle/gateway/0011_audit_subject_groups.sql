ALTER TABLE "gateway"."audit_log" ADD COLUMN "subject_ids" text[];--> statement-breakpoint
ALTER TABLE "gateway"."audit_log" ADD COLUMN "subject_salts" text[];--> statement-breakpoint
CREATE INDEX "audit_log_subjects_idx" ON "gateway"."audit_log" USING gin ("subject_ids") WITH (fastupdate=false);--> statement-breakpoint
-- Subject groups: an entry (version 3) names every subject of one kind a request read the same fields of — a page
-- of 20 citizens is one entry, not 20 — so the trail's cost follows requests, not rows. Its hash covers each
-- subject as sha256(salt ␟ id) with a random salt per subject, never the id itself: a citizen's inclusion proof
-- carries the other subjects' commitments only. An INSERT that sets subject_id instead (a writer from before this
-- migration) still gets a version 2 entry, as does a read that named no one. auditEntryHash in
-- src/modules/access/entry.ts recomputes both formulas independently.
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
  salt text;
  ids text[] := '{}';
  salts text[] := '{}';
  commitments text[] := '{}';
  subjects text;
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
  IF NEW.subject_ids IS NOT NULL THEN
    -- One dimension, at least one id, none null (array_ndims of an empty array is null).
    IF NEW.subject_id IS NOT NULL OR NEW.subject_kind IS NULL OR array_ndims(NEW.subject_ids) IS DISTINCT FROM 1
       OR array_position(NEW.subject_ids, NULL) IS NOT NULL THEN
      RAISE EXCEPTION 'an audit entry names its subjects by kind, in subject_ids alone, none of them null'
        USING ERRCODE = 'check_violation';
    END IF;
    -- The ids stored again from 1 (an INSERT may give an array other bounds), each with a fresh salt, whatever the
    -- INSERT said, and its commitment.
    FOR i IN array_lower(NEW.subject_ids, 1) .. array_upper(NEW.subject_ids, 1) LOOP
      salt := replace(gen_random_uuid()::text, '-', '');
      ids := ids || NEW.subject_ids[i];
      salts := salts || salt;
      commitments := commitments || encode(sha256(convert_to(salt || chr(31) || NEW.subject_ids[i], 'UTF8')), 'hex');
    END LOOP;
    NEW.subject_ids := ids;
    NEW.subject_salts := salts;
    subjects := array_to_string(commitments, ',');
  ELSE
    NEW.subject_salts := NULL;
  END IF;
  NEW.hash := encode(sha256(convert_to(concat_ws(chr(31),
    CASE WHEN subjects IS NULL THEN 'v2' ELSE 'v3' END,
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
    coalesce(subjects, NEW.subject_id, ''),
    array_to_string(NEW.fields, ','),
    NEW.prev_hash), 'UTF8')), 'hex');
  PERFORM set_config('ndaf.audit_chain', p::text || ':' || NEW.partition_seq::text || ':' || NEW.hash, true);
  RETURN NEW;
END $$;
--> statement-breakpoint
-- One row per subject an entry names, whatever its version (subject_index from 1, in the entry's order), for reading
-- the trail subject by subject, and the tests. A read that named no one is one row with a null subject. A filter on
-- its subject_id reads the whole trail: to find one person's entries use the indexes, on gateway.audit_log:
-- subject_kind = 'CITIZEN' AND (subject_id = $1 OR subject_ids @> ARRAY[$1]).
CREATE VIEW "gateway"."audit_subjects" AS
  SELECT a.seq, s.n AS subject_index, a.recorded_at, a.request_id, a.client_id, a.client_salt, a.action, a.procedure_code,
         a.case_id, a.subject_kind, s.id AS subject_id, s.salt AS subject_salt, a.fields, a.partition, a.partition_seq,
         a.prev_hash, a.hash
  FROM "gateway"."audit_log" a
  CROSS JOIN LATERAL unnest(coalesce(a.subject_ids, ARRAY[a.subject_id]), coalesce(a.subject_salts, ARRAY[NULL::text]))
    WITH ORDINALITY AS s(id, salt, n);
--> statement-breakpoint
GRANT SELECT ON "gateway"."audit_subjects" TO ndaf_gateway;
