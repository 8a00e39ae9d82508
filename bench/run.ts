/**
 * `npm run bench -- [--quick] [--citizens N] [--duration S] [--connections C] [--only gateway,router,postgraphile,…]
 *   [--scenarios lookup,nested,…] [--profile DIR] [--skip-cold] [--output FILE]`
 *
 * What it costs to ask the gateway a question, side by side on the same data and the same Postgres (throwaway
 * databases on TEST_POSTGRES_URL's server, by default 127.0.0.1:5432, dropped at the end):
 *   1. NDAF Gateway as production runs it (its own process, four databases), and again with the three sources and
 *      the gateway's tables in one database;
 *   1b. the same four databases behind federation: the four subgraphs and the Hive Gateway router (src/federation),
 *      five processes, asked the gateway's lookup and nested questions through the router;
 *   2. PostGraphile v5 serving the three schemas of that one database (bench/postgraphile.mjs);
 *   3. the floor: a bare HTTP server answering with one hand-written SQL statement (bench/floor.ts).
 * Scenarios: a citizen by key, the nested cross-source question, a filtered page of a list; for the gateway also a
 * dossier evaluation and a verification answer. For each: requests/s, p50/p99, errors, SQL statements per request,
 * the server's and PostgreSQL's CPU per request and the server's peak RSS; then seed throughput and the embedded cold start. Prints a table and writes
 * bench/results.md with the machine, versions, commands, the ratios gateway/PostGraphile and gateway/floor, and the
 * cost of the router's extra hop (router/gateway).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { createApp, openSources } from "../src/app.js";
import { defaultPoolSize, type GatewayConfig, loadConfig, SOURCE_NAMES, type SourceName, URL_VARIABLES } from "../src/platform/config.js";
import { migrateSource } from "../src/platform/db/migrate.js";
import { BATCH_RESILIENCE } from "../src/platform/db/resilience.js";
import { seedDatabases } from "../src/seed/index.js";
import { type RunningServer, spawnGateway, spawnServer } from "../scripts/lib/spawn-gateway.js";
import { createThrowawayDatabases } from "../scripts/lib/throwaway-db.js";
import { temporarySigningKeyFile } from "../scripts/lib/signing-key.js";

// Production refuses to start without the key that signs the audit trail's checkpoints: one for every gateway here.
const signingKeyFile = temporarySigningKeyFile();

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    citizens: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string", default: "10" },
    only: { type: "string" },
    output: { type: "string", default: "bench/results.md" },
    profile: { type: "string" },
    scenarios: { type: "string" },
    "skip-cold": { type: "boolean", default: false },
  },
});
const quick = values.quick;
const citizens = Number(values.citizens ?? (quick ? 20_000 : 1_000_000));
const duration = Number(values.duration ?? (quick ? 5 : 15));
const connections = Number(values.connections);
// Every server — the gateway, PostGraphile, the floor — gets the same connections per database: the gateway's
// default for this machine unless DATABASE_POOL_SIZE is set.
process.env.DATABASE_POOL_SIZE ||= String(defaultPoolSize());
const only = values.only ? new Set(values.only.split(",")) : null;
const onlyScenarios = values.scenarios ? new Set(values.scenarios.split(",")) : null;
/** `--profile DIR`: the gateway runs with --cpu-prof, its profile written to DIR when it stops. */
const profileArgs = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
const ROOT = path.resolve(import.meta.dirname, "..");
const databases = await createThrowawayDatabases("ndaf_bench", [...SOURCE_NAMES, "one"]);
const separate = Object.fromEntries(SOURCE_NAMES.map((n) => [n, databases.urls[n]])) as Record<SourceName, string>;
const oneUrl = databases.urls.one;
const single = Object.fromEntries(SOURCE_NAMES.map((n) => [n, oneUrl])) as Record<SourceName, string>;

const servers = new Set<RunningServer>();
async function cleanup() {
  for (const server of servers) await server.stop(0);
  // A database left behind is said, not thrown: the run's own error, if any, is the one to see.
  await databases.close().catch((error: Error) => console.error(error.message));
}

function configFor(urls: Record<SourceName, string>): GatewayConfig {
  const base = loadConfig({ NODE_ENV: "production", AUDIT_SIGNING_KEY_FILE: signingKeyFile });
  return {
    ...base,
    sources: Object.fromEntries(
      SOURCE_NAMES.map((n) => [n, { name: n, url: urls[n], resilience: BATCH_RESILIENCE }]),
    ) as GatewayConfig["sources"],
  };
}

async function seed(urls: Record<SourceName, string>) {
  const { sources, close } = await openSources(configFor(urls));
  try {
    for (const source of Object.values(sources)) await migrateSource(source);
    return await seedDatabases(sources, { citizens, seed: 2025, reset: true });
  } finally {
    await close();
  }
}

/** Starts a server process and waits for the port it prints (JSON `port` on a stdout line, `announce` if given). */
async function start(name: string, args: string[], env: NodeJS.ProcessEnv, announce?: RegExp): Promise<RunningServer> {
  const server = await spawnServer({ name, args, env, announce });
  servers.add(server);
  return server;
}

/** The gateway's `npm start`, with `--profile`'s flags when asked. */
async function startGateway(name: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<RunningServer> {
  const server = await spawnGateway({ name, env, nodeArgs });
  servers.add(server);
  return server;
}

async function stop(server: RunningServer): Promise<void> {
  await server.stop();
  servers.delete(server);
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command's name: state is field 3, utime 14 and stime 15.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds every PostgreSQL process on this machine has used so far (backends, WAL writer, checkpointer): the
 * database's share of a scenario, read the same way. Only the server being measured uses PostgreSQL meanwhile.
 */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
      total += cpuSeconds(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

function peakRssMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];

interface Scenario {
  name: string;
  method: "POST" | "GET";
  path: () => string;
  body?: () => string;
  headers?: Record<string, string>;
}

interface Row {
  server: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statements: number | null;
  /** Milliseconds of the server's CPU (its processes', user + system) per answered request. */
  cpuMs: number | null;
  /** Milliseconds of PostgreSQL's CPU per answered request. */
  dbCpuMs: number;
  requests: number;
}

async function measure(
  server: string,
  port: number,
  scenario: Scenario,
  statements: () => Promise<number | null>,
  pids: number[],
): Promise<Row | null> {
  if (onlyScenarios && !onlyScenarios.has(scenario.name)) return null;
  let bad = 0;
  let sample = "";
  const fire = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: seconds,
      requests: [
        {
          method: scenario.method,
          headers: { "content-type": "application/json", ...scenario.headers },
          setupRequest: (req) => ({ ...req, path: scenario.path(), body: scenario.body?.() }),
        },
      ],
      verifyBody: (raw) => {
        const text = String(raw ?? "");
        const ok = text.startsWith('{"data"') && !text.includes('"errors"');
        if (!ok) {
          bad++;
          sample ||= text.slice(0, 300);
        }
        return ok;
      },
    });
  await fire(quick ? 1 : 3);
  bad = 0;
  sample = "";
  const before = await statements();
  const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const cpuBefore = cpu();
  const dbBefore = postgresCpuSeconds();
  const result = await fire(duration);
  const cpuAfter = cpu();
  const dbAfter = postgresCpuSeconds();
  const after = await statements();
  const errors = result.errors + result.timeouts + result.non2xx + bad;
  if (errors > 0) console.log(`  ! ${server} ${scenario.name}: ${errors} errors, e.g. ${sample}`);
  return {
    server,
    scenario: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    statements: before !== null && after !== null ? (after - before) / Math.max(1, result.requests.total) : null,
    cpuMs: pids.length > 0 ? ((cpuAfter - cpuBefore) * 1000) / Math.max(1, result.requests.total) : null,
    dbCpuMs: ((dbAfter - dbBefore) * 1000) / Math.max(1, result.requests.total),
    requests: result.requests.total,
  };
}

async function gatewayStatements(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^ndaf_source_statements_total\{[^}]*\} (\d+)/gm)) total += Number(match[1]);
  return total;
}

const rows: Row[] = [];
/** What the router is asked: the gateway's own documents, key and purpose. */
const ROUTER_SCENARIOS = ["lookup", "nested"];
const push = (row: Row | null) => row && rows.push(row);
const peaks: Record<string, number> = {};
let seedLine: string;
let coldLine: string;

try {
  const pgVersion = (await databases.admin.unsafe("show server_version"))[0].server_version as string;

  console.log(`Seeding ${citizens.toLocaleString("en")} citizens into four databases, then into one...`);
  const seeded = await seed(separate);
  const rowsTotal = Object.values(seeded.rows).reduce((a, b) => a + b, 0);
  seedLine = `${citizens.toLocaleString("en")} citizens, ${rowsTotal.toLocaleString("en")} rows in ${(seeded.elapsedMs / 1000).toFixed(1)} s (${Math.round(rowsTotal / (seeded.elapsedMs / 1000)).toLocaleString("en")} rows/s), four databases`;
  console.log(`  ${seedLine}`);
  await seed(single);

  // A client with every grant in both gateway databases, and real ids to ask about (same seed: same data).
  const keys: Record<string, string> = {};
  for (const [label, urls] of [
    ["four", separate],
    ["one", single],
  ] as const) {
    const app = await createApp(configFor(urls));
    keys[label] = (
      await app.clients.register({
        id: "VN:GOV:BENCH:RUN",
        name: "Benchmark client",
        grants: [{ sources: ["population", "land", "business"], classes: ["basic", "sensitive"], procedures: ["*"] }],
      })
    ).key;
    await app.close();
  }
  const sample = postgres(oneUrl, { max: 1, onnotice: () => {} });
  const holders = await sample.unsafe<{ personal_id: string; parcel_id: string }[]>(
    `select h.personal_id, c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE'
     where h.personal_id is not null order by md5(h.personal_id) limit 2000`,
  );
  const people = (
    await sample.unsafe<{ personal_id: string }[]>("select personal_id from population.citizens order by md5(personal_id) limit 2000")
  ).map((r) => r.personal_id);
  const provinces = (await sample.unsafe<{ code: string }[]>("select code from gateway.provinces")).map((r) => r.code);
  await sample.end();

  const gql = (query: string, variables: () => Record<string, unknown>) => () => JSON.stringify({ query, variables: variables() });
  const NESTED_GATEWAY =
    "query Nested($id: PersonalId!) { citizen(personalId: $id) { fullName household { id members { relationToHead citizen { fullName } } } landParcels { sharePercent parcel { id areaM2 certificates { serial status } encumbrances { lenderName active } } } enterpriseRoles { role enterprise { code name status } } } }";
  const NESTED_POSTGRAPHILE =
    "query Nested($id: String!) { citizenByPersonalId(personalId: $id) { fullName householdByHouseholdId { rowId householdMembersByHouseholdId { nodes { relationToHead citizenByPersonalId { fullName } } } } landHoldersByPersonalId { nodes { sharePercent landCertificateByCertificateSerial { status landParcelByParcelId { rowId areaM2 landCertificatesByParcelId { nodes { serial status } } landEncumbrancesByParcelId { nodes { lenderName releasedOn } } } } } } businessEnterprisePeopleByPersonalId { nodes { role businessEnterprisByEnterpriseCode { code name status } } } } }";

  const gatewayScenarios = (key: string): Scenario[] => {
    const headers = { authorization: `Bearer ${key}`, "x-purpose-procedure": "1.013980", "x-purpose-case": "HS-BENCH-1" };
    const post = (name: string, body: () => string): Scenario => ({ name, method: "POST", path: () => "/graphql", body, headers });
    return [
      post(
        "lookup",
        gql("query Lookup($id: PersonalId!) { citizen(personalId: $id) { fullName dateOfBirth sex } }", () => ({ id: pick(people) })),
      ),
      post(
        "nested",
        gql(NESTED_GATEWAY, () => ({ id: pick(holders).personal_id })),
      ),
      post(
        "list",
        gql(
          "query List($p: AdministrativeUnitCode) { citizens(first: 20, filter: { provinceCode: $p }) { edges { node { personalId fullName } } pageInfo { endCursor } } }",
          () => ({ p: pick(provinces) }),
        ),
      ),
      post(
        "dossier",
        gql("query Eval($input: DossierInput!) { evaluateDossier(input: $input) { status components { status } } }", () => {
          const h = pick(holders);
          return {
            input: {
              procedureCode: "1.013980",
              applicant: { personalId: h.personal_id },
              subjects: { parcel: h.parcel_id, buyer: pick(people) },
            },
          };
        }),
      ),
      post(
        "verification",
        gql("query Alive($id: PersonalId!) { verifyAliveAdult(personalId: $id) { answer } }", () => ({ id: pick(people) })),
      ),
    ];
  };
  const postgraphileScenarios: Scenario[] = [
    {
      name: "lookup",
      method: "POST",
      path: () => "/graphql",
      body: gql("query Lookup($id: String!) { citizenByPersonalId(personalId: $id) { fullName dateOfBirth sex } }", () => ({
        id: pick(people),
      })),
    },
    { name: "nested", method: "POST", path: () => "/graphql", body: gql(NESTED_POSTGRAPHILE, () => ({ id: pick(holders).personal_id })) },
    {
      name: "list",
      method: "POST",
      path: () => "/graphql",
      body: gql(
        "query List($p: String!) { allCitizens(first: 20, orderBy: PERSONAL_ID_ASC, condition: { permanentProvinceCode: $p }) { nodes { personalId fullName } pageInfo { endCursor } } }",
        () => ({ p: pick(provinces) }),
      ),
    },
  ];
  const floorScenarios: Scenario[] = [
    { name: "lookup", method: "GET", path: () => `/lookup?id=${pick(people)}` },
    { name: "nested", method: "GET", path: () => `/nested?id=${pick(holders).personal_id}` },
    { name: "list", method: "GET", path: () => `/list?province=${pick(provinces)}` },
  ];

  const gatewayEnv = (urls: Record<SourceName, string>) => ({
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_GATEWAY_LOG_LEVEL ?? "info",
    PORT: "0",
    GATEWAY_RATE_LIMIT: "0",
    SEED_CITIZENS: "0",
    AUDIT_SIGNING_KEY_FILE: signingKeyFile,
    ...Object.fromEntries(SOURCE_NAMES.map((n) => [URL_VARIABLES[n], urls[n]])),
  });
  const runs: { name: string; run: () => Promise<void> }[] = [
    {
      name: "gateway",
      run: async () => {
        const server = await startGateway("gateway", gatewayEnv(separate), profileArgs);
        const { port } = server;
        for (const s of gatewayScenarios(keys.four)) push(await measure("gateway", port, s, () => gatewayStatements(port), [server.pid]));
        peaks.gateway = peakRssMb(server.pid);
        await stop(server);
      },
    },
    {
      name: "router",
      run: async () => {
        // Four subgraphs over the gateway's four databases, then the router in front of them, each its own process.
        const env = { ...gatewayEnv(separate), FEDERATION_HMAC_SECRET: randomBytes(32).toString("hex") };
        const federation = (args: string[]) => ["--import", "tsx", "src/federation/main.ts", ...args];
        const subgraphUrl = (server: RunningServer) => `${server.url}/graphql`;
        const subgraphs = Object.fromEntries(
          await Promise.all(
            SOURCE_NAMES.filter((n) => n !== "gateway").map(
              async (n) => [n, await start(`${n} subgraph`, federation(["subgraph", n]), env, /ready at/)] as const,
            ),
          ),
        ) as Record<"population" | "land" | "business", RunningServer>;
        const sourceUrls = {
          POPULATION_SUBGRAPH_URL: subgraphUrl(subgraphs.population),
          LAND_SUBGRAPH_URL: subgraphUrl(subgraphs.land),
          BUSINESS_SUBGRAPH_URL: subgraphUrl(subgraphs.business),
        };
        const platform = await start("gateway subgraph", federation(["subgraph", "gateway"]), { ...env, ...sourceUrls }, /ready at/);
        const router = await start(
          "router",
          federation(["router"]),
          { ...env, ...sourceUrls, GATEWAY_SUBGRAPH_URL: subgraphUrl(platform) },
          /ready at/,
        );
        const processes = [router, platform, ...Object.values(subgraphs)];
        // The subgraphs serve no statement counter: that column stays empty for the router.
        for (const s of gatewayScenarios(keys.four).filter((s) => ROUTER_SCENARIOS.includes(s.name)))
          push(
            await measure(
              "router",
              router.port,
              s,
              async () => null,
              processes.map((p) => p.pid),
            ),
          );
        // Its footprint is the five processes'.
        peaks.router = processes.reduce((sum, p) => sum + peakRssMb(p.pid), 0);
        for (const p of processes) await stop(p);
      },
    },
    {
      name: "gateway-one-db",
      run: async () => {
        const server = await startGateway("gateway-one-db", gatewayEnv(single));
        const { port } = server;
        for (const s of gatewayScenarios(keys.one).slice(0, 3))
          push(await measure("gateway-one-db", port, s, () => gatewayStatements(port), [server.pid]));
        peaks["gateway-one-db"] = peakRssMb(server.pid);
        await stop(server);
      },
    },
    {
      name: "postgraphile",
      run: async () => {
        const server = await start("postgraphile", ["--require", "./bench/promise-with-resolvers.cjs", "bench/postgraphile.mjs"], {
          DATABASE_URL: oneUrl,
          PORT: "0",
          NODE_ENV: "production",
        });
        const { port } = server;
        const count = async () => Number(await (await fetch(`http://127.0.0.1:${port}/__statements`)).text());
        for (const s of postgraphileScenarios) push(await measure("postgraphile", port, s, count, [server.pid]));
        peaks.postgraphile = peakRssMb(server.pid);
        await stop(server);
      },
    },
    {
      name: "floor",
      run: async () => {
        const server = await start("floor", ["--import", "tsx", "bench/floor.ts"], { DATABASE_URL: oneUrl, PORT: "0" });
        const { port } = server;
        const count = async () => Number(await (await fetch(`http://127.0.0.1:${port}/__statements`)).text());
        for (const s of floorScenarios) push(await measure("floor", port, s, count, [server.pid]));
        peaks.floor = peakRssMb(server.pid);
        await stop(server);
      },
    },
  ];
  for (const { name, run } of runs) {
    if (only && !only.has(name)) continue;
    console.log(`Measuring ${name}...`);
    await run();
  }

  // Embedded cold start: `npm start` on an empty data folder (migrate, seed 10,000 citizens, serve), then again.
  const coldDir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-cold-"));
  const timeStart = async () => {
    const started = performance.now();
    const server = await startGateway("embedded gateway", { DATA_DIR: coldDir, PORT: "0", LOG_LEVEL: "info", NODE_ENV: "development" });
    const ms = performance.now() - started;
    await stop(server);
    return ms;
  };
  if (values["skip-cold"]) {
    coldLine = "not measured (--skip-cold)";
  } else {
    const cold = await timeStart();
    const warm = await timeStart();
    coldLine = `embedded start on an empty data folder (migrate, seed 10,000 citizens, serve): ${(cold / 1000).toFixed(1)} s; again on the same folder: ${(warm / 1000).toFixed(1)} s`;
  }
  fs.rmSync(coldDir, { recursive: true, force: true });

  // Report.
  const find = (server: string, scenario: string) => rows.find((r) => r.server === server && r.scenario === scenario);
  const fmt = (n: number | null, digits = 0) =>
    n === null || Number.isNaN(n) ? "—" : n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const table = [
    "| server | scenario | requests/s | p50 ms | p99 ms | errors | SQL statements / request | server CPU ms / request | PostgreSQL CPU ms / request | peak RSS MB |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.server} | ${r.scenario} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${fmt(r.statements, 2)} | ${fmt(r.cpuMs, 2)} | ${fmt(r.dbCpuMs, 2)} | ${fmt(peaks[r.server])} |`,
    ),
  ];
  const ratios = [
    "| scenario | gateway / PostGraphile (req/s) | gateway / floor (req/s) | gateway p99 / floor p99 |",
    "|---|---:|---:|---:|",
  ];
  for (const scenario of ["lookup", "nested", "list"]) {
    const g = find("gateway", scenario);
    const p = find("postgraphile", scenario);
    const f = find("floor", scenario);
    ratios.push(
      `| ${scenario} | ${g && p ? fmt(g.rps / p.rps, 2) : "—"} | ${g && f ? fmt(g.rps / f.rps, 2) : "—"} | ${g && f ? fmt(g.p99 / Math.max(1, f.p99), 1) : "—"} |`,
    );
  }
  const hop = [
    "| scenario | gateway requests/s | router requests/s | router / gateway (req/s) | gateway p99 ms | router p99 ms | router p99 − gateway p99 ms |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const scenario of ROUTER_SCENARIOS) {
    const g = find("gateway", scenario);
    const r = find("router", scenario);
    hop.push(
      `| ${scenario} | ${g ? fmt(g.rps) : "—"} | ${r ? fmt(r.rps) : "—"} | ${g && r ? fmt(r.rps / g.rps, 2) : "—"} | ${g ? fmt(g.p99) : "—"} | ${r ? fmt(r.p99) : "—"} | ${g && r ? fmt(r.p99 - g.p99) : "—"} |`,
    );
  }
  const version = (pkg: string) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version as string;
    } catch {
      return "?";
    }
  };
  let gitHead = "?";
  try {
    gitHead = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  } catch {
    // not a checkout
  }
  const report = [
    "# Benchmark results",
    "",
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC at commit ${gitHead} with \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\`.`,
    "",
    `Machine: ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} vCPU, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB; ${os.type()} ${os.release()}. The servers, PostgreSQL and the load generator share it: compare within a run, not across machines.`,
    `Versions: Node ${process.version}, PostgreSQL ${pgVersion}, @apollo/server ${version("@apollo/server")}, graphql ${version("graphql")}, postgres.js ${version("postgres")}, PostGraphile ${version("postgraphile")}, autocannon ${version("autocannon")}.`,
    `Load: ${connections} connections, ${duration} s per scenario after a warm-up; every server at most ${process.env.DATABASE_POOL_SIZE} connections to each database (DATABASE_POOL_SIZE; the gateway's to a national source in two pools, half for its lookups by key and half for the rest); ids drawn at random from ${people.length.toLocaleString("en")} citizens and ${holders.length.toLocaleString("en")} land holders.`,
    "",
    "The gateway runs as in production: its own process, NODE_ENV=production, request logs on, a client key and a declared purpose, and every personal-data answer written to the hash-chained audit trail before it leaves. PostGraphile and the floor have no access control and no audit. `gateway` uses four databases; `gateway-one-db` puts the sources and the gateway's tables in one; PostGraphile and the floor read that one database. Statements per request: the gateway's own statement counter (audit insert included), PostGraphile's `pg` client queries, the floor's one. Server CPU per request: the server's own process's user + system CPU (the router's: its five processes') over the measured window, divided by the requests answered — steadier than requests/s on a shared machine; PostgreSQL's share is read the same way from all its processes.",
    "",
    "`router` is the same four databases behind federation (src/federation): the four subgraphs and the Hive Gateway router, five processes, asked the gateway's lookup and nested documents with the same key and purpose. The router authenticates the key and reads the purpose, plans the query, and makes one HTTP hop router → subgraph for each subgraph the query touches, the identity of the request HMAC-signed with the operation; each subgraph checks that signature and its own fields' grants, reads its own database and writes its own audit rows before it answers. Its peak RSS is the sum of the five processes'; the subgraphs count no statements, so that column is empty. The hop table below is the cost of that path against the all-in-one gateway on the same databases.",
    "",
    ...table,
    "",
    ...ratios,
    "",
    ...hop,
    "",
    `Seed: ${seedLine}.`,
    "",
    `Cold start: ${coldLine}.`,
    "",
  ].join("\n");
  fs.writeFileSync(path.resolve(ROOT, values.output!), report);
  console.log(
    `\n${table.join("\n")}\n\n${ratios.join("\n")}\n\n${hop.join("\n")}\n\nSeed: ${seedLine}\nCold start: ${coldLine}\n\nWritten to ${values.output}.`,
  );
} finally {
  await cleanup();
}
