/**
 * drizzle-kit configuration, one source at a time: `DRIZZLE_SOURCE=land drizzle-kit generate`.
 * `npm run db:generate` runs it for every source.
 */
import { defineConfig } from "drizzle-kit";

const schemas: Record<string, string[]> = {
  population: ["./src/modules/population/tables.ts"],
  land: ["./src/modules/land/tables.ts"],
  business: ["./src/modules/business/tables.ts"],
  gateway: [
    "./src/platform/db/gateway-schema.ts",
    "./src/modules/admin-units/tables.ts",
    "./src/modules/access/tables.ts",
    "./src/modules/procedures/tables.ts",
    "./src/modules/documents/tables.ts",
    "./src/modules/monitoring/tables.ts",
  ],
};

const source = process.env.DRIZZLE_SOURCE ?? "";
if (!schemas[source]) throw new Error(`Set DRIZZLE_SOURCE to one of: ${Object.keys(schemas).join(", ")}`);

export default defineConfig({
  dialect: "postgresql",
  schema: schemas[source],
  out: `./drizzle/${source}`,
  schemaFilter: [source],
});
