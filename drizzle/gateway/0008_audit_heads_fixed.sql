-- The partition heads are the migration's 16 rows: the schema's default privileges gave the gateway's role INSERT on
-- the table, which would let it add a head no entry can have. Only the chain trigger (as owner) writes the heads.
REVOKE INSERT ON "gateway"."audit_partition_heads" FROM PUBLIC, ndaf_gateway;
--> statement-breakpoint
CREATE TRIGGER "audit_partition_heads_no_insert" BEFORE INSERT ON "gateway"."audit_partition_heads"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_refuse_change"();
