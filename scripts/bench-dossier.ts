/**
 * `npm run bench:dossier -- [--citizens 5000] [--requests 500] [--concurrency 1] [--procedure <code>] [--postgres]`
 *
 * Latency of `evaluateDossier` through HTTP for the catalogue procedure with the most data components (or the one
 * named), on the embedded default (in-memory PGlite) or on throwaway databases on local Postgres (--postgres;
 * TEST_POSTGRES_URL). Applicants and subjects are real records, chosen so the rules have something to read. Prints
 * p50 / p99 and the SQL statements per evaluation.
 */
import { parseArgs } from "node:util";
import { DEFAULT_DEMO_API_KEY } from "../src/modules/access/demo.js";
import { createApp } from "../src/app.js";
import { loadConfig, SOURCE_NAMES, type GatewayConfig } from "../src/platform/config.js";
import { RULES } from "../src/modules/procedures/rules.js";
import { createServer } from "../src/http/server.js";
import { createThrowawayDatabases } from "./lib/throwaway-db.js";

const { values } = parseArgs({
  options: {
    citizens: { type: "string" },
    requests: { type: "string" },
    concurrency: { type: "string" },
    procedure: { type: "string" },
    postgres: { type: "boolean", default: false },
  },
});
const citizens = Number(values.citizens ?? 5000);
const requests = Number(values.requests ?? 500);
const concurrency = Number(values.concurrency ?? 1);

const base = loadConfig({ NODE_ENV: "test", GATEWAY_RATE_LIMIT: "0" });
let config: GatewayConfig = {
  ...base,
  sources: Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name }])) as GatewayConfig["sources"],
};
const throwaway = values.postgres ? await createThrowawayDatabases("ndaf_bench_dossier", SOURCE_NAMES) : undefined;
if (throwaway)
  config = {
    ...base,
    sources: Object.fromEntries(SOURCE_NAMES.map((name) => [name, { name, url: throwaway.urls[name] }])) as GatewayConfig["sources"],
  };

// Until the try below, a failure would leave the databases behind.
const app = await createApp(config, { seedIfEmpty: citizens }).catch(async (error: unknown) => {
  await throwaway?.close();
  throw error;
});
const server = await createServer(app);
const port = await server.listen(0, "127.0.0.1");
try {
  const procedure =
    (values.procedure && app.procedures.get(values.procedure)) ||
    [...app.procedures.procedures]
      .filter((p) => p.applicant === "CITIZEN")
      .sort((a, b) => {
        const score = (p: typeof a) => {
          const rules = p.components.filter((c) => c.kind === "DATA");
          return new Set(rules.flatMap((c) => RULES[c.rule!].sources)).size * 100 + rules.length;
        };
        return score(b) - score(a);
      })[0];
  const dataComponents = procedure.components.filter((c) => c.kind === "DATA");
  const sources = [...new Set(dataComponents.flatMap((c) => RULES[c.rule!].sources))];

  // Applicants who hold land and represent an enterprise, with a child, a buyer and a deceased person to hand.
  const land = await app.sources.land.raw<{ personal_id: string; parcel_id: string }>(
    `select h.personal_id, c.parcel_id from land.holders h join land.certificates c on c.serial = h.certificate_serial and c.status = 'ACTIVE'
     where h.personal_id is not null order by h.personal_id limit 2000`,
  );
  const reps = await app.sources.business.raw<{ personal_id: string; enterprise_code: string }>(
    "select personal_id, enterprise_code from business.enterprise_people where role = 'LEGAL_REPRESENTATIVE' order by personal_id",
  );
  const people = await app.sources.population.raw<{ personal_id: string; spouse_id: string | null; date_of_death: string | null }>(
    "select personal_id, spouse_id, date_of_death from population.citizens order by personal_id limit 5000",
  );
  const children = await app.sources.population.raw<{ parent: string; child: string }>(
    "select coalesce(father_id, mother_id) as parent, personal_id as child from population.citizens where coalesce(father_id, mother_id) is not null limit 5000",
  );
  const repOf = new Map(reps.map((r) => [r.personal_id, r.enterprise_code]));
  const childOf = new Map(children.map((c) => [c.parent, c.child]));
  const deceased = people.find((p) => p.date_of_death)?.personal_id;
  const anyone = people.map((p) => p.personal_id);
  const applicants = land.map((h) => h.personal_id).filter((id) => repOf.has(id));
  const pool = (applicants.length > 0 ? applicants : land.map((h) => h.personal_id)).slice(0, 200);
  const parcelOf = new Map(land.map((h) => [h.personal_id, h.parcel_id]));
  const inputs = pool.map((id, i) => ({
    procedureCode: procedure.code,
    applicant: { personalId: id },
    subjects: Object.fromEntries(
      procedure.subjects.map((s) => {
        const value =
          s.role === "PARCEL"
            ? parcelOf.get(id)
            : s.role === "ENTERPRISE"
              ? repOf.get(id)
              : s.role === "CHILD"
                ? (childOf.get(id) ?? anyone[i % anyone.length])
                : s.role === "SPOUSE"
                  ? (people.find((p) => p.personal_id === id)?.spouse_id ?? anyone[(i + 1) % anyone.length])
                  : s.role === "DECEASED"
                    ? deceased
                    : anyone[(i + 7) % anyone.length];
        return [s.role.toLowerCase(), value];
      }),
    ),
  }));

  const query = `query($input: DossierInput!) { evaluateDossier(input: $input) { status components { status evidence { fact value } } } }`;
  // A dossier reads personal data: the gateway answers it only for a declared purpose, the procedure evaluated.
  const headers = {
    "content-type": "application/json",
    authorization: `Bearer ${DEFAULT_DEMO_API_KEY}`,
    "x-purpose-procedure": procedure.code,
    "x-purpose-case": "HS-BENCH-DOSSIER-1",
  };
  const send = async (input: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables: { input } }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  };
  for (let i = 0; i < 20; i++) await send(inputs[i % inputs.length]); // warm-up

  const statementsBefore = Object.values(app.sources).reduce((n, s) => n + s.statements.count, 0);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const input = inputs[next++ % inputs.length];
        const t = performance.now();
        await send(input);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const statements = Object.values(app.sources).reduce((n, s) => n + s.statements.count, 0) - statementsBefore;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2);
  console.log(
    `evaluateDossier ${procedure.code} (${procedure.nameEn}): ${dataComponents.length} data components of ${procedure.components.length}, sources ${sources.join(", ")}`,
  );
  console.log(
    `${values.postgres ? "PostgreSQL" : "embedded PGlite"}, ${citizens.toLocaleString("en")} citizens, ${requests} requests at concurrency ${concurrency}, ${pool.length} distinct applicants`,
  );
  console.log(
    `p50 ${q(0.5)} ms   p99 ${q(0.99)} ms   ${(requests / seconds).toFixed(0)} requests/s   ${(statements / requests).toFixed(1)} SQL statements per evaluation (audit insert included)`,
  );
} finally {
  await server.close();
  await app.close();
  await throwaway?.close();
}
