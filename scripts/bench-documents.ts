/**
 * `npm run bench:documents -- [--duration 10] [--connections 10] [--citizens 2000] [--rounds 1] [--only province,citizen,nested] [--postgres]`
 *
 * What running a trusted document by id costs against sending the same operation as text, through HTTP to a gateway
 * in its own process (NODE_ENV=production, request logs on): embedded PGlite in a temporary data folder, or throwaway
 * databases on local Postgres (--postgres; TEST_POSTGRES_URL). Three operations — a province from the map held in
 * memory (where the gateway's own work per request shows), a citizen by key and the nested cross-source question —
 * each sent as text, by id, and as text that differs on every request (a comment with a counter): what every request
 * would cost if Apollo's cache of parsed and validated documents did not answer. Prints requests/s, p50/p99 latency
 * and the body size of each; figures, not a test.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createApp } from "../src/app.js";
import { type GatewayConfig, loadConfig, SOURCE_NAMES, type SourceName, URL_VARIABLES } from "../src/platform/config.js";
import { BATCH_RESILIENCE } from "../src/platform/db/resilience.js";
import { documentsOf } from "../src/modules/documents/index.js";
import { type RunningServer, spawnGateway } from "./lib/spawn-gateway.js";
import { createThrowawayDatabases, type ThrowawayDatabases } from "./lib/throwaway-db.js";
import { temporarySigningKeyFile } from "./lib/signing-key.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    citizens: { type: "string", default: "2000" },
    postgres: { type: "boolean", default: false },
    rounds: { type: "string", default: "1" },
    only: { type: "string" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const citizens = Number(values.citizens);
/** Each operation's ways are measured this many times in turn: on a shared machine, one run against another says little. */
const rounds = Number(values.rounds);
const runId = randomBytes(3).toString("hex");

const OPERATIONS = [
  {
    // Served from the map in memory: what is left is the gateway's own work per request.
    name: "province (memory)",
    text: "query BenchProvince($code: AdministrativeUnitCode!) { administrativeUnit(code: $code) { code name level ... on Province { nameEn communeCount } } }",
    variables: () => ({ code: provinces[Math.floor(Math.random() * provinces.length)] }),
  },
  {
    name: "citizen by id",
    text: "# purpose: 1.013980\nquery BenchLookup($id: PersonalId!) { citizen(personalId: $id) { fullName dateOfBirth sex permanentResidence { text } } }",
    variables: () => ({ id: pick() }),
  },
  {
    name: "nested question",
    text: "# purpose: 1.013980\nquery BenchNested($id: PersonalId!) { citizen(personalId: $id) { fullName household { members { relationToHead citizen { fullName } } } landParcels { sharePercent parcel { id areaM2 certificates { serial status } encumbrances { lenderName active } } } enterpriseRoles { role enterprise { code name status } } } }",
    variables: () => ({ id: pick() }),
  },
];

let ids: string[] = [];
let provinces: string[] = [];
const pick = () => ids[Math.floor(Math.random() * ids.length)];

let throwaway: ThrowawayDatabases<SourceName> | undefined;
let dataDir: string | undefined;
let gateway: RunningServer | undefined;
const envOfSources: Record<string, string> = {};
let config: GatewayConfig;
// Production refuses to start without the key that signs the audit trail's checkpoints.
const signingKeyFile = temporarySigningKeyFile();
const base = loadConfig({ NODE_ENV: "production", SOURCE_QUERY_TIMEOUT_MS: "0", AUDIT_SIGNING_KEY_FILE: signingKeyFile });
if (values.postgres) {
  throwaway = await createThrowawayDatabases("ndaf_bench_documents", SOURCE_NAMES);
  const sources = {} as GatewayConfig["sources"];
  for (const name of SOURCE_NAMES) {
    sources[name] = { name, url: throwaway.urls[name], resilience: BATCH_RESILIENCE };
    envOfSources[URL_VARIABLES[name]] = throwaway.urls[name];
  }
  config = { ...base, sources };
} else {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-bench-documents-"));
  const sources = Object.fromEntries(
    SOURCE_NAMES.map((name) => [name, { name, dataDir: path.join(dataDir!, name), resilience: BATCH_RESILIENCE }]),
  ) as Record<SourceName, GatewayConfig["sources"][SourceName]>;
  config = { ...base, dataDir, sources };
  envOfSources.DATA_DIR = dataDir;
}

async function cleanup() {
  await gateway?.stop();
  await throwaway?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

try {
  // Seed, register a client, publish the operations, and pick people who hold land to ask about.
  const seedStarted = performance.now();
  const app = await createApp(config, { seedIfEmpty: citizens });
  console.log(
    `Seeded ${citizens.toLocaleString("en")} citizens (${values.postgres ? "Postgres" : "embedded PGlite"}) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`,
  );
  const { key } = await app.clients.register({
    id: `VN:GOV:BENCH:DOCS-${runId.toUpperCase()}`,
    name: "Trusted documents benchmark client",
    grants: [{ sources: ["population", "land", "business"], classes: ["basic", "sensitive"], procedures: ["*"] }],
  });
  const documents = OPERATIONS.map((op, i) => documentsOf([{ name: `op${i}.graphql`, content: op.text }])[0]);
  await app.documents.publish(documents, null);
  provinces = [...app.adminUnits.provinces.keys()];
  ids = (
    await app.sources.land.raw<{ personal_id: string }>(
      "select distinct personal_id from land.holders where personal_id is not null order by personal_id limit 2000",
    )
  ).map((r) => r.personal_id);
  await app.close();

  gateway = await spawnGateway({
    env: {
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      GATEWAY_RATE_LIMIT: "0",
      SEED_CITIZENS: "0",
      AUDIT_SIGNING_KEY_FILE: signingKeyFile,
      ...envOfSources,
    },
    echoStderr: true,
  });
  const { port } = gateway;

  const headers = {
    "content-type": "application/json",
    authorization: `Bearer ${key}`,
    "x-purpose-procedure": "1.013980",
    "x-purpose-case": "HS-BENCH-1",
  };
  let counter = 0;
  const ways = [
    { way: "as text", body: (op: number) => JSON.stringify({ query: documents[op].body, variables: OPERATIONS[op].variables() }) },
    { way: "by id", body: (op: number) => JSON.stringify({ documentId: documents[op].id, variables: OPERATIONS[op].variables() }) },
    {
      way: "text, new each time",
      body: (op: number) => JSON.stringify({ query: `# ${++counter}\n${documents[op].body}`, variables: OPERATIONS[op].variables() }),
    },
  ];
  let failures = 0;
  const rows: { operation: string; way: string; rps: number; p99: number }[] = [];
  const sample: string[] = [];
  const measure = (body: () => string, seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}/graphql`,
      connections,
      duration: seconds,
      method: "POST",
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
      verifyBody: (raw) => {
        const ok = !String(raw ?? "").includes('"errors"');
        if (!ok && sample.length < 3) sample.push(String(raw).slice(0, 300));
        return ok;
      },
    });

  console.log(`Gateway pid ${gateway.pid} on port ${port}; ${connections} connections, ${duration} s per row, after a 3 s warm-up.\n`);
  console.log("operation         sent as               req/s     p50 ms   p99 ms   body bytes   errors");
  for (const [op, operation] of OPERATIONS.entries()) {
    if (values.only && !values.only.split(",").some((word) => operation.name.includes(word))) continue;
    for (const { way, body } of Array.from({ length: rounds }, () => ways).flat()) {
      await measure(() => body(op), 3);
      const result = await measure(() => body(op), duration);
      const errors = result.errors + result.timeouts + result.non2xx;
      failures += errors;
      rows.push({ operation: operation.name, way, rps: result.requests.average, p99: result.latency.p99 });
      console.log(
        `${operation.name.padEnd(18)}${way.padEnd(20)}${result.requests.average.toFixed(0).padStart(8)}${String(result.latency.p50).padStart(11)}${String(result.latency.p99).padStart(9)}${String(Buffer.byteLength(body(op))).padStart(13)}${String(errors).padStart(9)}`,
      );
    }
  }
  if (rounds > 1) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`\nMedians of ${rounds} rounds\noperation         sent as               req/s   p99 ms   req/s against text`);
    for (const operation of new Set(rows.map((r) => r.operation))) {
      const of = (way: string) => rows.filter((r) => r.operation === operation && r.way === way);
      const text = median(of("as text").map((r) => r.rps));
      for (const { way } of ways) {
        const rps = median(of(way).map((r) => r.rps));
        console.log(
          `${operation.padEnd(18)}${way.padEnd(20)}${rps.toFixed(0).padStart(8)}${String(median(of(way).map((r) => r.p99))).padStart(9)}${`${((rps / text) * 100).toFixed(0)} %`.padStart(21)}`,
        );
      }
    }
  }
  if (sample.length) console.log(`\nfirst errors:\n  ${sample.join("\n  ")}`);
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await cleanup();
}
