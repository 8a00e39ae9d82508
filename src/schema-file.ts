/** The committed schema.graphql: what frontend teams read. Printed from the code, compared in tests. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { buildGatewaySchema } from "./schema.js";

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "schema.graphql");

export async function printGatewaySchema(): Promise<string> {
  const header = "# NDAF Gateway — unified schema. Emitted by `npm run schema:emit`; do not edit by hand.\n\n";
  return header + printSchemaWithDirectives(await buildGatewaySchema()) + "\n";
}

export function readSchemaFile(): string | null {
  return fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : null;
}
