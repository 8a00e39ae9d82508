/**
 * The gateway's own database schema (`gateway`): administrative units, clients and grants, the audit trail,
 * dossiers and trusted documents each declare their tables in it. Declared here, below every module, so no
 * module reaches into another's tables for it.
 */
import { pgSchema } from "drizzle-orm/pg-core";

export const gateway = pgSchema("gateway");
