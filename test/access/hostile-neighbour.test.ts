/**
 * Load beside hostile traffic: one client (the demo client holding every grant) sends 200 innocent lookups of
 * real citizens at once, while a second client with the same grants sends hostile arguments at the same time —
 * for every root field, each string argument (and each string field of an input argument) 3,000 characters long,
 * or holding a NUL byte, as a variable; and `landParcel(id:)` with a 3,000-character literal. A neighbour's input
 * must never cost an innocent client its answer, and a hostile request gets a typed refusal, never a 5xx.
 *
 * The audit trail's group commit writes the rows of requests finishing together in one INSERT, so one bad row can
 * fail every request in its batch. Batches form when writes overlap: on Postgres they do under this load; the
 * embedded database runs each INSERT to completion before the next request finishes, so there they stay single.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { type GraphQLInputType, getNamedType, isInputObjectType, isListType, isNonNullType, isScalarType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANY_PROCEDURE } from "../../src/modules/access/clients.js";
import { realDataValues } from "../support/argument-values.js";
import { clientHeaders, DEMO_HEADERS, type GatewayAnswer, startTestGateway, type TestGateway } from "../support/gateway.js";
import { OperationGenerator } from "../support/operation-generator.js";
import { auditedCitizens } from "../support/personal-ids.js";
import { collectRealData } from "../support/real-data.js";

const INNOCENT = 200;
const HOSTILE_STREAMS = 4;
const SEED = 2025;
const HOSTILE_CLIENT_ID = "VN:GOV:TEST:HOSTILE-NEIGHBOUR";
/** Scalars that take a number or a boolean: a long string there is only a type error, already tested elsewhere. */
const NOT_STRINGS = new Set(["Int", "Float", "Boolean", "SafeInt"]);
/** Codes that mean the gateway failed, not that it refused the input. */
const FAILURE_CODES = new Set(["INTERNAL_SERVER_ERROR", "AUDIT_UNAVAILABLE", "SOURCE_UNAVAILABLE"]);

interface Hostile {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

interface Outcome {
  status: number;
  codes: string[];
  hasData: boolean;
}

/** 3,000 characters that do not compress (a repeated character would fit an index entry once compressed). */
const long = () => randomBytes(2_250).toString("base64url");
const withNul = (value: unknown) => `${typeof value === "string" ? value : "01A8012345"}\u0000${"x".repeat(8)}`;

/** Paths to every string-taking value of an argument: itself, or the fields of an input object (not in lists). */
function stringPaths(type: GraphQLInputType, path: string[] = [], depth = 0): string[][] {
  const bare = isNonNullType(type) ? type.ofType : type;
  if (isListType(bare)) return [];
  const named = getNamedType(bare);
  if (isScalarType(named)) return NOT_STRINGS.has(named.name) ? [] : [path];
  if (isInputObjectType(named) && depth < 3)
    return Object.values(named.getFields()).flatMap((f) => stringPaths(f.type, [...path, f.name], depth + 1));
  return [];
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

const outcomeOf = (answer: GatewayAnswer): Outcome => ({
  status: answer.status,
  codes: (answer.body.errors ?? []).map((e: any) => String(e.extensions?.code ?? "NONE")),
  hasData: answer.body.data !== undefined && answer.body.data !== null,
});

let gw: TestGateway;
let innocent: { id: string; answer: GatewayAnswer }[] = [];
let hostile: { request: Hostile; outcome: Outcome }[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 300 });
  const { key } = await gw.app.clients.register({
    id: HOSTILE_CLIENT_ID,
    name: "A second client holding every grant, sending hostile arguments (test)",
    grants: [{ sources: ["population", "land", "business"], classes: ["basic", "sensitive"], procedures: [ANY_PROCEDURE] }],
  });
  const data = await collectRealData(gw, { maxPages: 2 });
  const generator = new OperationGenerator(gw.app.schema, realDataValues(data));

  // Every root field, every string it takes: 3,000 characters, or a NUL byte after a real value.
  const requests: Hostile[] = [];
  for (const { field } of generator.roots) {
    const base = generator.requiredArguments(field);
    const args = base ? fc.sample(base, { seed: SEED, numRuns: 1 })[0] : {};
    for (const arg of field.args) {
      for (const path of stringPaths(arg.type, [arg.name])) {
        const real = path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], args);
        for (const [kind, value] of [
          ["3,000 characters", long()],
          ["a NUL byte", withNul(real)],
        ] as const) {
          const variables = setAt(args, path, value);
          const rendered = generator.render({ roots: [generator.complete(field.name, variables, 2)] });
          requests.push({ name: `${field.name}(${path.join(".")}: ${kind})`, query: rendered.query, variables: rendered.variables });
        }
      }
    }
  }
  requests.push({ name: "landParcel(id: 3,000-character literal)", query: `{ landParcel(id: "${long()}") { id areaM2 } }`, variables: {} });

  const people = data.personalIds.all.filter((id) => data.people.get(id)?.alive);
  const hostileHeaders = clientHeaders(key);
  // Both keys known to the gateway's client cache first, so neither client's requests wait on a key lookup.
  await gw.send(`{ viewer { clientId } }`, {}, hostileHeaders);
  await gw.send(`{ viewer { clientId } }`, {}, DEMO_HEADERS);
  const innocentAnswers: { id: string; answer: GatewayAnswer }[] = [];
  const hostileAnswers: { request: Hostile; outcome: Outcome }[] = [];
  // The hostile client keeps HOSTILE_STREAMS requests in flight, cycling through its list, for as long as the
  // innocent burst lasts (and at least once through the list): whatever the timing, the two share the gateway.
  let innocentDone = false;
  let cursor = 0;
  const stream = async () => {
    while (!innocentDone || cursor < requests.length) {
      const request = requests[cursor++ % requests.length];
      const answer = await gw.send(request.query, request.variables, hostileHeaders);
      hostileAnswers.push({ request, outcome: outcomeOf(answer) });
    }
  };
  const streams = Array.from({ length: HOSTILE_STREAMS }, stream);
  await Promise.all(
    Array.from({ length: INNOCENT }, async (_, i) => {
      const id = people[i % people.length];
      const answer = await gw.send(
        `query Innocent($id: PersonalId!) { citizen(personalId: $id) { personalId fullName dateOfBirth } }`,
        { id },
        DEMO_HEADERS,
      );
      innocentAnswers.push({ id, answer });
    }),
  );
  innocentDone = true;
  await Promise.all(streams);
  innocent = innocentAnswers;
  hostile = hostileAnswers.sort((a, b) => a.request.name.localeCompare(b.request.name));
  console.log(
    `hostile neighbour: ${innocent.length} innocent requests at once, ${hostile.length} hostile ones (${requests.length} kinds) in ${HOSTILE_STREAMS} streams meanwhile`,
  );
}, 180_000);
afterAll(() => gw?.close());

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([v, n]) => `${v} ×${n}`)
    .join(", ");
}

describe("hostile neighbour", () => {
  it("answers every innocent request with its data, no errors, and its audit row", async () => {
    const failed = innocent.filter(
      ({ id, answer }) => answer.status !== 200 || answer.body.errors || answer.body.data?.citizen?.personalId !== id,
    );
    const summary = tally(
      failed.map(
        ({ answer }) => `${answer.status} ${(answer.body.errors ?? []).map((e: any) => e.extensions?.code).join("+") || "no error"}`,
      ),
    );
    console.log(`hostile neighbour: innocent requests failed: ${failed.length}/${innocent.length}${failed.length ? ` (${summary})` : ""}`);
    expect(failed.length, `innocent requests of the demo client failed while another client sent hostile ones: ${summary}`).toBe(0);
    const unaudited: string[] = [];
    for (const { id, answer } of innocent)
      if (!(await auditedCitizens(gw.app.sources.gateway, answer.requestIds)).has(id)) unaudited.push(id);
    expect(unaudited, "every innocent lookup is in the trail").toEqual([]);
    // Nor did the hostile traffic trip a source's breaker: the gateway is still ready.
    expect((await fetch(`${gw.url}/health/ready`)).status).toBe(200);
  });

  it("never answers a hostile request with a 5xx, an internal error or a broken trail", () => {
    const problems = hostile.flatMap(({ request, outcome }) => {
      const failures = outcome.codes.filter((c) => FAILURE_CODES.has(c) || c === "NONE");
      return outcome.status >= 500 || failures.length ? [`${request.name}: HTTP ${outcome.status} [${outcome.codes.join(", ")}]`] : [];
    });
    console.log(
      `hostile neighbour: hostile outcomes: ${tally(hostile.map(({ outcome }) => `${outcome.status} ${outcome.codes.join("+") || "no error"}`))}`,
    );
    expect([...new Set(problems)].sort(), "hostile requests answered with a failure instead of a refusal").toEqual([]);
  });

  it("refuses every hostile argument with a typed error code, as invalid input", () => {
    const accepted = hostile
      .filter(({ outcome }) => outcome.codes.length === 0)
      .map(({ request, outcome }) => `${request.name}: HTTP ${outcome.status}, ${outcome.hasData ? "data answered" : "no data"}, no error`);
    expect([...new Set(accepted)].sort(), "hostile arguments accepted as if they were ordinary input").toEqual([]);
  });
});
