/**
 * `npm run list-sizes -- [--citizens 1000000] [--seed 2025]`: the largest list of each kind in generated data (the
 * generator's output counted as it is produced, no database), in seeds/ and in the schema, against the size each
 * list field declares for the query cost (src/shared/cost.ts). Exit 1 when a declaration is missing or too small.
 */
import { parseArgs } from "node:util";
import { buildGatewaySchema } from "../src/schema.js";
import { checkListSizes, largestInGeneratedData, largestInReferenceData, largestInSchema, NOT_FROM_DATA } from "./lib/list-sizes.js";

const { values } = parseArgs({
  options: { citizens: { type: "string", default: "1000000" }, seed: { type: "string", default: "2025" } },
  strict: true,
});
const citizens = Number(values.citizens!.replace(/_/g, ""));
const seed = Number(values.seed);
if (!Number.isSafeInteger(citizens) || citizens < 1 || !Number.isSafeInteger(seed)) {
  console.error("Usage: npm run list-sizes -- [--citizens N] [--seed N]");
  process.exit(2);
}

const schema = await buildGatewaySchema();
const started = performance.now();
const generated = await largestInGeneratedData(citizens, seed);
console.log(`${citizens.toLocaleString("en")} citizens generated and counted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const largest = new Map([...generated, ...largestInReferenceData(), ...largestInSchema(schema)]);
const checks = checkListSizes(schema, largest);
const width = Math.max(...checks.map((c) => c.coordinate.length));
console.log(`${"field".padEnd(width)}  declared  largest`);
for (const c of checks) {
  const found =
    c.largest === undefined
      ? (NOT_FROM_DATA[c.coordinate] ?? (c.declared === "first" ? "its `first`" : c.declared === "page" ? "its connection's page" : ""))
      : String(c.largest);
  console.log(
    `${c.coordinate.padEnd(width)}  ${String(c.declared ?? "—").padStart(8)}  ${found}${c.ok ? "" : "   <-- missing or too small"}`,
  );
}
const bad = checks.filter((c) => !c.ok);
if (bad.length > 0) {
  console.error(`\n${bad.length} list field(s) without a size that covers the data: ${bad.map((c) => c.coordinate).join(", ")}`);
  process.exit(1);
}
