/**
 * `npm run load -- [--connections 200] [--duration 60] [--citizens 20000] [--soak [--minutes 10] [--every 30]]`
 *
 * Load on the gateway as it runs in production: its own process (NODE_ENV=production, request logs on), sources on
 * local Postgres (throwaway databases, seeded and dropped; or the *_DATABASE_URL databases when all are set), a
 * registered client with every grant, and a mixed workload — key lookups, the nested cross-source question, filtered
 * lists, verification answers, dossier evaluation, public reference data — from autocannon. Prints requests/s,
 * latency percentiles, errors (transport, non-2xx, and GraphQL errors in 200 answers) and the server's RSS at start
 * and end. `--soak` runs for minutes and prints RSS over time, to show whether memory stays flat.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { createApp } from "../src/app.js";
import { loadConfig, SOURCE_NAMES, type GatewayConfig, URL_VARIABLES } from "../src/config.js";
import { BATCH_RESILIENCE } from "../src/db/resilience.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "200" },
    duration: { type: "string", default: "60" },
    citizens: { type: "string", default: "20000" },
    soak: { type: "boolean", default: false },
    minutes: { type: "string", default: "10" },
    every: { type: "string", default: "30" },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const citizens = Number(values.citizens);
const adminUrl = process.env.LOAD_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROOT = path.resolve(import.meta.dirname, "..");

// Databases: the configured ones, or throwaway ones seeded here.
const configured = SOURCE_NAMES.every((name) => process.env[URL_VARIABLES[name]]);
const tag = `ndaf_load_${randomBytes(3).toString("hex")}`;
const admin = configured ? undefined : postgres(adminUrl, { max: 1, onnotice: () => {} });
const urls = {} as Record<(typeof SOURCE_NAMES)[number], string>;
for (const name of SOURCE_NAMES) {
  if (configured) {
    urls[name] = process.env[URL_VARIABLES[name]]!;
  } else {
    await admin!.unsafe(`create database ${tag}_${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${tag}_${name}`;
    urls[name] = url.toString();
  }
}

let child: ChildProcess | undefined;
async function cleanup() {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
  }
  if (admin) {
    for (const name of SOURCE_NAMES) await admin.unsafe(`drop database if exists ${tag}_${name} with (force)`);
    await admin.end();
  }
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

try {
  // Seed (throwaway databases), register the load client, and pick real ids to ask about.
  const base = loadConfig({ NODE_ENV: "production" });
  const config: GatewayConfig = {
    ...base,
    sources: Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name, url: urls[name], resilience: BATCH_RESILIENCE }])) as GatewayConfig["sources"],
  };
  const seedStarted = performance.now();
  const app = await createApp(config, { seedIfEmpty: configured ? 0 : citizens });
  console.log(configured ? "Using the configured databases." : `Seeded ${citizens.toLocaleString("en")} citizens in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`);
  const clientId = `VN:GOV:LOAD:RUN-${tag.slice(-6).toUpperCase()}`;
  const { key } = await app.clients.register({
    id: clientId,
    name: "Load test client",
    grants: [{ sources: ["population", "land", "business"], classes: ["basic", "sensitive"], procedures: ["*"] }],
  });
  const ids = (await app.sources.population.raw<{ personal_id: string }>("select personal_id from population.citizens where date_of_death is null order by personal_id limit 2000")).map((r) => r.personal_id);
  const holders = await app.sources.land.raw<{ personal_id: string; parcel_id: string }>(
    "select h.personal_id, c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE' where h.personal_id is not null limit 2000",
  );
  const enterprises = (await app.sources.business.raw<{ code: string }>("select code from business.enterprises limit 2000")).map((r) => r.code);
  const provinces = [...app.adminUnits.provinces.keys()];
  await app.close();

  // The gateway, as production runs it.
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      GATEWAY_RATE_LIMIT: "0",
      SEED_CITIZENS: "0",
      ...Object.fromEntries(SOURCE_NAMES.map((name) => [URL_VARIABLES[name], urls[name]])),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let port = 0;
  let logLines = 0;
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      logLines++;
      if (!port && line.includes("NDAF Gateway ready")) port = JSON.parse(line).port;
    }
  });
  const startDeadline = Date.now() + 60_000;
  while (!port) {
    if (child.exitCode !== null || Date.now() > startDeadline) throw new Error("the gateway did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid!;

  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];
  const headers = { "content-type": "application/json", authorization: `Bearer ${key}`, "x-purpose-procedure": "1.013980", "x-purpose-case": "HS-LOAD-1" };
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const mix: { name: string; weight: number; body: () => string }[] = [
    { name: "citizen by id", weight: 30, body: () => body("query Lookup($id: PersonalId!) { citizen(personalId: $id) { fullName dateOfBirth sex permanentResidence { text } } }", { id: pick(ids) }) },
    {
      name: "nested question",
      weight: 20,
      body: () =>
        body(
          "query Nested($id: PersonalId!) { citizen(personalId: $id) { fullName household { members { relationToHead citizen { fullName } } } landParcels { sharePercent parcel { id areaM2 certificates { serial status } encumbrances { lenderName active } } } enterpriseRoles { role enterprise { code name status } } } }",
          { id: pick(holders).personal_id },
        ),
    },
    { name: "filtered list", weight: 15, body: () => body("query List($p: AdministrativeUnitCode) { citizens(first: 20, filter: { provinceCode: $p, alive: true }) { totalCount edges { node { personalId fullName } } } }", { p: pick(provinces) }) },
    { name: "enterprise", weight: 10, body: () => body("query Ent($c: TaxCode!) { enterprise(code: $c) { name status legalRepresentatives { personalId } headOffice { text } } }", { c: pick(enterprises) }) },
    { name: "verification", weight: 10, body: () => body("query Alive($id: PersonalId!) { verifyAliveAdult(personalId: $id) { answer checkedAt } }", { id: pick(ids) }) },
    {
      name: "dossier evaluation",
      weight: 5,
      body: () => {
        const h = pick(holders);
        return body("query Eval($input: DossierInput!) { evaluateDossier(input: $input) { status components { status } } }", {
          input: { procedureCode: "1.013980", applicant: { personalId: h.personal_id }, subjects: { parcel: h.parcel_id, buyer: pick(ids) } },
        });
      },
    },
    { name: "public reference", weight: 10, body: () => body("query Ref($p: AdministrativeUnitCode!) { administrativeUnit(code: $p) { name ... on Province { communes { code name } } } }", { p: pick(provinces) }) },
  ];
  const total = mix.reduce((s, m) => s + m.weight, 0);
  const nextBody = () => {
    let r = Math.random() * total;
    for (const m of mix) if ((r -= m.weight) < 0) return m.body();
    return mix[0].body();
  };

  let graphqlErrors = 0;
  const sample: string[] = [];
  const run = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}/graphql`,
      connections,
      duration: seconds,
      method: "POST",
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, body: nextBody() }) }],
      verifyBody: (raw) => {
        const text = String(raw ?? "");
        const ok = !text.includes('"errors"');
        if (!ok) {
          graphqlErrors++;
          if (sample.length < 3) sample.push(text.slice(0, 300));
        }
        return ok;
      },
    });

  console.log(`Gateway pid ${pid} on port ${port}; ${connections} connections; workload: ${mix.map((m) => `${m.name} ${Math.round((m.weight / total) * 100)}%`).join(", ")}.`);
  await run(3); // warm-up: JIT, pools, caches
  graphqlErrors = 0;
  const rssStart = rssMb(pid);

  if (!values.soak) {
    const result = await run(duration);
    const rssEnd = rssMb(pid);
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    console.log(`\nLoad: ${duration} s, ${connections} connections, ${result.requests.total.toLocaleString("en")} requests`);
    console.log(`  requests/s   avg ${result.requests.average.toFixed(0)}   (min ${result.requests.min}, max ${result.requests.max})`);
    console.log(`  latency ms   p50 ${result.latency.p50}   p90 ${result.latency.p90}   p99 ${result.latency.p99}   max ${result.latency.max}`);
    console.log(`  errors       ${errors}   (transport ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors})`);
    console.log(`  server RSS   ${rssStart.toFixed(0)} MB at start, ${rssEnd.toFixed(0)} MB at end`);
    console.log(`  log lines    ${logLines.toLocaleString("en")}`);
    if (sample.length) console.log(`  first errors:\n    ${sample.join("\n    ")}`);
    process.exitCode = errors === 0 ? 0 : 1;
  } else {
    const minutes = Number(values.minutes);
    const every = Number(values.every);
    const rows: { minute: number; rss: number; rps: number; p99: number; errors: number }[] = [];
    const started = performance.now();
    console.log(`\nSoak: ${minutes} min, RSS every ${every} s\n  minute   RSS MB   req/s   p99 ms   errors`);
    while ((performance.now() - started) / 60_000 < minutes) {
      const before = graphqlErrors;
      const result = await run(every);
      const row = { minute: (performance.now() - started) / 60_000, rss: rssMb(pid), rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx + graphqlErrors - before };
      rows.push(row);
      console.log(`  ${row.minute.toFixed(1).padStart(6)}   ${row.rss.toFixed(0).padStart(6)}   ${row.rps.toFixed(0).padStart(5)}   ${String(row.p99).padStart(6)}   ${row.errors}`);
    }
    // Flat: after the first interval (warm-up), RSS grows by less than 10 % to the end.
    const settled = rows[Math.min(1, rows.length - 1)].rss;
    const last = rows[rows.length - 1].rss;
    const growth = ((last - settled) / settled) * 100;
    const slope = rows.length > 2 ? (last - settled) / (rows[rows.length - 1].minute - rows[1].minute) : 0;
    console.log(`\n  RSS ${rssStart.toFixed(0)} MB before, ${settled.toFixed(0)} MB after warm-up, ${last.toFixed(0)} MB at the end: ${growth >= 0 ? "+" : ""}${growth.toFixed(1)} % (${slope.toFixed(2)} MB/min) — ${Math.abs(growth) < 10 ? "flat" : "GROWING"}`);
    process.exitCode = Math.abs(growth) < 10 && rows.every((r) => r.errors === 0) ? 0 : 1;
  }
} finally {
  await cleanup();
}
