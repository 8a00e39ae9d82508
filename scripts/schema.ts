/** `npm run schema:emit` writes schema.graphql; `npm run schema:check` fails when it is stale. */
import fs from "node:fs";
import { printGatewaySchema, readSchemaFile, SCHEMA_FILE } from "../src/schema.js";

const printed = await printGatewaySchema();
if (process.argv.includes("--check")) {
  if (readSchemaFile() !== printed) {
    console.error("schema.graphql is stale: run `npm run schema:emit` and commit the result.");
    process.exit(1);
  }
  console.log("schema.graphql is up to date.");
} else {
  fs.writeFileSync(SCHEMA_FILE, printed);
  console.log(`Wrote ${SCHEMA_FILE.split("/").pop()} (${printed.split("\n").length} lines).`);
}
