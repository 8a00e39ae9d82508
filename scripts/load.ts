/**
 * `npm run load -- [--connections 200] [--duration 60] [--citizens 20000] [--soak [--minutes 10] [--every 30]]`
 *
 * Load on the gateway as it runs in production: its own process (NODE_ENV=production, request logs on), sources on
 * local Postgres (throwaway databases on TEST_POSTGRES_URL's server, seeded and dropped; or the *_DATABASE_URL
 * databases when all are set), a registered client with every grant, and a mixed workload — key lookups, the nested
 * cross-source question, filtered lists, verification answers, dossier evaluation, public reference data — from
 * autocannon. Prints requests/s, latency percentiles, errors (transport, non-2xx, and GraphQL errors in 200 answers)
 * and the server's RSS at start and end. `--soak` runs for minutes and prints RSS over time, to show whether memory
 * stays flat.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createApp } from "../src/app.js";
import { loadConfig, SOURCE_NAMES, type GatewayConfig, URL_VARIABLES } from "../src/platform/config.js";
import { BATCH_RESILIENCE } from "../src/platform/db/resilience.js";
import { type RunningServer, spawnGateway } from "./lib/spawn-gateway.js";
import { createThrowawayDatabases } from "./lib/throwaway-db.js";
import { temporarySigningKeyFile } from "./lib/signing-key.js";

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

// Databases: the configured ones, or throwaway ones seeded here.
const configured = SOURCE_NAMES.every((name) => process.env[URL_VARIABLES[name]]);
const runId = randomBytes(3).toString("hex");
const throwaway = configured ? undefined : await createThrowawayDatabases("ndaf_load", SOURCE_NAMES);
const urls = throwaway
  ? throwaway.urls
  : (Object.fromEntries(SOURCE_NAMES.map((name) => [name, process.env[URL_VARIABLES[name]]!])) as Record<
      (typeof SOURCE_NAMES)[number],
      string
    >);

let gateway: RunningServer | undefined;
async function cleanup() {
  await gateway?.stop();
  await throwaway?.close();
}

/** V8 heap in use, from the gateway's own /metrics. */
async function heapUsedMb(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^ndaf_nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? Number.NaN) / 1024 / 1024;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

try {
  // Seed (throwaway databases), register the load client, and pick real ids to ask about.
  // Production refuses to start without the key that signs the audit trail's checkpoints.
  const signingKeyFile = temporarySigningKeyFile();
  const base = loadConfig({ NODE_ENV: "production", AUDIT_SIGNING_KEY_FILE: signingKeyFile });
  const config: GatewayConfig = {
    ...base,
    sources: Object.fromEntries(
      SOURCE_NAMES.map((name) => [name, { name, url: urls[name], resilience: BATCH_RESILIENCE }]),
    ) as GatewayConfig["sources"],
  };
  const seedStarted = performance.now();
  const app = await createApp(config, { seedIfEmpty: configured ? 0 : citizens });
  console.log(
    configured
      ? "Using the configured databases."
      : `Seeded ${citizens.toLocaleString("en")} citizens in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`,
  );
  const clientId = `VN:GOV:LOAD:RUN-${runId.toUpperCase()}`;
  const { key } = await app.clients.register({
    id: clientId,
    name: "Load test client",
    grants: [{ sources: ["population", "land", "business"], classes: ["basic", "sensitive"], procedures: ["*"] }],
  });
  const ids = (
    await app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens where date_of_death is null order by personal_id limit 2000",
    )
  ).map((r) => r.personal_id);
  const holders = await app.sources.land.raw<{ personal_id: string; parcel_id: string }>(
    "select h.personal_id, c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE' where h.personal_id is not null limit 2000",
  );
  const enterprises = (await app.sources.business.raw<{ code: string }>("select code from business.enterprises limit 2000")).map(
    (r) => r.code,
  );
  const provinces = [...app.adminUnits.provinces.keys()];
  await app.close();

  // The gateway, as production runs it.
  let logLines = 0;
  gateway = await spawnGateway({
    env: {
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      GATEWAY_RATE_LIMIT: "0",
      SEED_CITIZENS: "0",
      AUDIT_SIGNING_KEY_FILE: signingKeyFile,
      ...Object.fromEntries(SOURCE_NAMES.map((name) => [URL_VARIABLES[name], urls[name]])),
    },
    echoStderr: true,
    timeoutMs: 60_000,
    onLine: () => logLines++,
  });
  const { pid, port } = gateway;

  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];
  const headers = {
    "content-type": "application/json",
    authorization: `Bearer ${key}`,
    "x-purpose-procedure": "1.013980",
    "x-purpose-case": "HS-LOAD-1",
  };
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const mix: { name: string; weight: number; body: () => string }[] = [
    {
      name: "citizen by id",
      weight: 30,
      body: () =>
        body("query Lookup($id: PersonalId!) { citizen(personalId: $id) { fullName dateOfBirth sex permanentResidence { text } } }", {
          id: pick(ids),
        }),
    },
    {
      name: "nested question",
      weight: 20,
      body: () =>
        body(
          "query Nested($id: PersonalId!) { citizen(personalId: $id) { fullName household { members { relationToHead citizen { fullName } } } landParcels { sharePercent parcel { id areaM2 certificates { serial status } encumbrances { lenderName active } } } enterpriseRoles { role enterprise { code name status } } } }",
          { id: pick(holders).personal_id },
        ),
    },
    {
      name: "filtered list",
      weight: 15,
      body: () =>
        body(
          "query List($p: AdministrativeUnitCode) { citizens(first: 20, filter: { provinceCode: $p, alive: true }) { totalCount edges { node { personalId fullName } } } }",
          { p: pick(provinces) },
        ),
    },
    {
      name: "enterprise",
      weight: 10,
      body: () =>
        body("query Ent($c: TaxCode!) { enterprise(code: $c) { name status legalRepresentatives { personalId } headOffice { text } } }", {
          c: pick(enterprises),
        }),
    },
    {
      name: "verification",
      weight: 10,
      body: () => body("query Alive($id: PersonalId!) { verifyAliveAdult(personalId: $id) { answer checkedAt } }", { id: pick(ids) }),
    },
    {
      name: "dossier evaluation",
      weight: 5,
      body: () => {
        const h = pick(holders);
        return body("query Eval($input: DossierInput!) { evaluateDossier(input: $input) { status components { status } } }", {
          input: {
            procedureCode: "1.013980",
            applicant: { personalId: h.personal_id },
            subjects: { parcel: h.parcel_id, buyer: pick(ids) },
          },
        });
      },
    },
    {
      name: "public reference",
      weight: 10,
      body: () =>
        body(
          "query Ref($p: AdministrativeUnitCode!) { administrativeUnit(code: $p) { name ... on Province { communes { code name } } } }",
          { p: pick(provinces) },
        ),
    },
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

  console.log(
    `Gateway pid ${pid} on port ${port}; ${connections} connections; workload: ${mix.map((m) => `${m.name} ${Math.round((m.weight / total) * 100)}%`).join(", ")}.`,
  );
  await run(3); // warm-up: JIT, pools, caches
  graphqlErrors = 0;
  const rssStart = rssMb(pid);

  if (!values.soak) {
    const result = await run(duration);
    const rssEnd = rssMb(pid);
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    console.log(`\nLoad: ${duration} s, ${connections} connections, ${result.requests.total.toLocaleString("en")} requests`);
    console.log(`  requests/s   avg ${result.requests.average.toFixed(0)}   (min ${result.requests.min}, max ${result.requests.max})`);
    console.log(
      `  latency ms   p50 ${result.latency.p50}   p90 ${result.latency.p90}   p99 ${result.latency.p99}   max ${result.latency.max}`,
    );
    console.log(
      `  errors       ${errors}   (transport ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors})`,
    );
    console.log(`  server RSS   ${rssStart.toFixed(0)} MB at start, ${rssEnd.toFixed(0)} MB at end`);
    console.log(`  log lines    ${logLines.toLocaleString("en")}`);
    if (sample.length) console.log(`  first errors:\n    ${sample.join("\n    ")}`);
    process.exitCode = errors === 0 ? 0 : 1;
  } else {
    const minutes = Number(values.minutes);
    const every = Number(values.every);
    const rows: { minute: number; rss: number; heap: number; rps: number; p99: number; errors: number }[] = [];
    const started = performance.now();
    console.log(`\nSoak: ${minutes} min, sampled every ${every} s\n  minute   RSS MB   heap MB   req/s   p99 ms   errors`);
    while ((performance.now() - started) / 60_000 < minutes) {
      const before = graphqlErrors;
      const result = await run(every);
      const row = {
        minute: (performance.now() - started) / 60_000,
        rss: rssMb(pid),
        heap: await heapUsedMb(port),
        rps: result.requests.average,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx + graphqlErrors - before,
      };
      rows.push(row);
      console.log(
        `  ${row.minute.toFixed(1).padStart(6)}   ${row.rss.toFixed(0).padStart(6)}   ${row.heap.toFixed(0).padStart(7)}   ${row.rps.toFixed(0).padStart(5)}   ${String(row.p99).padStart(6)}   ${row.errors}`,
      );
    }
    // Memory saw-tooths with garbage collection, so one sample against another says little: fit a line through the
    // samples after the first (warm-up) and call it flat when it projects less than 10 % growth over the run.
    const settled = rows.slice(1);
    const trend = (values: number[], minutesAt: number[]) => {
      const mx = minutesAt.reduce((a, b) => a + b, 0) / minutesAt.length;
      const my = values.reduce((a, b) => a + b, 0) / values.length;
      const slope =
        minutesAt.reduce((sum, x, i) => sum + (x - mx) * (values[i] - my), 0) / minutesAt.reduce((sum, x) => sum + (x - mx) ** 2, 0) || 0;
      return { slope, mean: my, projected: ((slope * (minutesAt[minutesAt.length - 1] - minutesAt[0])) / my) * 100 };
    };
    const at = settled.map((r) => r.minute);
    const rss = trend(
      settled.map((r) => r.rss),
      at,
    );
    const heap = trend(
      settled.map((r) => r.heap),
      at,
    );
    const flat = settled.length >= 2 && Math.abs(rss.projected) < 10;
    console.log(
      `\n  RSS ${rssStart.toFixed(0)} MB before; after warm-up min ${Math.min(...settled.map((r) => r.rss)).toFixed(0)}, mean ${rss.mean.toFixed(0)}, max ${Math.max(...settled.map((r) => r.rss)).toFixed(0)} MB`,
    );
    console.log(
      `  trend: RSS ${rss.slope >= 0 ? "+" : ""}${rss.slope.toFixed(2)} MB/min (${rss.projected >= 0 ? "+" : ""}${rss.projected.toFixed(1)} % over the run), heap ${heap.slope >= 0 ? "+" : ""}${heap.slope.toFixed(2)} MB/min — ${flat ? "flat" : "GROWING"}`,
    );
    process.exitCode = flat && rows.every((r) => r.errors === 0) ? 0 : 1;
  }
} finally {
  await cleanup();
}
