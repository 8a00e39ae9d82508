/**
 * The frontend kit's generated code (examples/web/src/gql/): `npm run kit:codegen` writes it from schema.graphql and
 * the kit's operations; `npm run kit:check` fails when it is stale, as schema:check does for schema.graphql. Offline:
 * GraphQL Code Generator reads the committed schema, never a running gateway.
 */
import fs from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import config from "../examples/web/codegen.js";

const GENERATED = path.resolve(import.meta.dirname, "../examples/web/src/gql");
const shown = (file: string) => path.relative(process.cwd(), file);

let outputs: { filename: string; content: string }[];
try {
  outputs = await generate({ ...config, silent: true }, false);
} catch (error) {
  // Codegen validates the kit's operations against schema.graphql: an invalid one is named with its file.
  const first = error instanceof AggregateError ? error.errors[0] : error;
  console.error(`GraphQL Code Generator failed: ${(first as Error).message}`);
  process.exit(1);
}
const expected = new Map(outputs.map((o) => [path.resolve(o.filename), o.content]));
const present = fs.existsSync(GENERATED) ? fs.readdirSync(GENERATED).map((f) => path.join(GENERATED, f)) : [];

if (process.argv.includes("--check")) {
  const stale = [
    ...[...expected].filter(([file, content]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content).map(([file]) => file),
    ...present.filter((file) => !expected.has(file)),
  ];
  if (stale.length > 0) {
    console.error(`The kit's generated code is stale (${stale.map(shown).join(", ")}): run \`npm run kit:codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log(`examples/web/src/gql/ is up to date (${expected.size} files).`);
} else {
  for (const file of present) if (!expected.has(file)) fs.rmSync(file);
  for (const [file, content] of expected) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  console.log(`Wrote ${[...expected.keys()].map(shown).join(", ")}.`);
}
