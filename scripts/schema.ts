/**
 * `npm run schema:emit` writes schema.graphql and supergraph.graphql; `npm run schema:check` fails when either is
 * stale.
 */
import fs from "node:fs";
import path from "node:path";
import { printGatewaySchema, readSchemaFile, SCHEMA_FILE } from "../src/schema.js";
import { printSupergraph, readSupergraphFile, SUPERGRAPH_FILE } from "../src/federation/supergraph.js";

const files = [
  { file: SCHEMA_FILE, printed: await printGatewaySchema(), committed: readSchemaFile() },
  { file: SUPERGRAPH_FILE, printed: await printSupergraph(), committed: readSupergraphFile() },
];
if (process.argv.includes("--check")) {
  const stale = files.filter((f) => f.committed !== f.printed).map((f) => path.basename(f.file));
  if (stale.length > 0) {
    console.error(`${stale.join(" and ")} ${stale.length > 1 ? "are" : "is"} stale: run \`npm run schema:emit\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${files.map((f) => path.basename(f.file)).join(" and ")} are up to date.`);
} else {
  for (const { file, printed } of files) {
    fs.writeFileSync(file, printed);
    console.log(`Wrote ${path.basename(file)} (${printed.split("\n").length} lines).`);
  }
}
