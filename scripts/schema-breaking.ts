/**
 * `npm run schema:breaking [-- --against <release.graphql>]`: schema.graphql against the last release snapshot
 * (schema/releases/), every breaking and dangerous change printed; exit 1 when a breaking change is not listed in
 * CHANGELOG.md's Unreleased section (see scripts/lib/schema-changes.ts), 2 when the inputs cannot be read.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { compareSchemas, describe, latestRelease, type Release, unreleasedBreaking } from "./lib/schema-changes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fail = (message: string): never => {
  console.error(`error: ${message}`);
  process.exit(2);
};

const { values } = parseArgs({ options: { against: { type: "string" } } });
const release: Release =
  (values.against
    ? { version: path.basename(values.against, ".graphql"), file: values.against }
    : latestRelease(path.join(root, "schema", "releases"))) ??
  fail("no release snapshot in schema/releases/ (<major>.<minor>.<patch>.graphql); add the last release's schema.graphql there.");
const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : fail(`cannot read ${file}`));

const changelog = read(path.join(root, "CHANGELOG.md"));
const breakingList = unreleasedBreaking(changelog) ?? fail('CHANGELOG.md has no "## [Unreleased]" section.');
const comparison = await compareSchemas(
  read(path.isAbsolute(release.file) ? release.file : path.join(root, release.file)),
  read(path.join(root, "schema.graphql")),
  breakingList,
);
const shown = { ...release, file: path.relative(root, path.resolve(root, release.file)) };
console.log(describe(comparison, shown, "schema.graphql").join("\n"));
process.exit(comparison.breaking.some((c) => !c.listed) ? 1 : 0);
