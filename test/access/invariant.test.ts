/**
 * The audit invariant, as a property over generated operations: every personal id that appears anywhere in an
 * answer — a field, a cursor, dossier evidence, an error message, a question string — has an audit row in that
 * request naming that person (subject_kind CITIZEN, subject_id the id).
 *
 * Operations come from the schema (test/support/operation-generator.ts) with arguments from real seeded data, run
 * as the demo client holding every grant. Every operation is checked, and the violations are grouped into failure
 * classes (root field, path, how the id was carried), each with an example; then fast-check shrinks the first
 * failing generated operation to a small one. INVARIANT_RUNS and INVARIANT_SEED change the run.
 */
import fc from "fast-check";
import { isNonNullType, printSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierInputFor, realDataValues } from "../support/argument-values.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";
import { type Operation, OperationGenerator } from "../support/operation-generator.js";
import { auditedCitizens, type Occurrence, personalIdsIn } from "../support/personal-ids.js";
import { collectRealData, describeRealData, type RealData } from "../support/real-data.js";

const RUNS = Number(process.env.INVARIANT_RUNS ?? 500);
const SEED = Number(process.env.INVARIANT_SEED ?? 2025);
/** Refusals by the gateway's query limits: the operation is skipped, and counted. */
const LIMIT_CODES = new Set(["QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "QUERY_TOO_COSTLY", "TOO_MANY_DIRECTIVES", "TOO_MANY_TOKENS"]);

interface Checked {
  operation: Operation;
  status: number;
  refused: boolean;
  codes: string[];
  occurrences: Occurrence[];
  unaudited: Occurrence[];
  body: unknown;
}

interface FailureClass {
  key: string;
  count: number;
  ids: Set<string>;
  procedures: Set<string>;
  /** What tells cases apart at that place: an evidence fact's name and record kind. */
  details: Set<string>;
  example: { id: string; path: string; query: string; variables: Record<string, unknown> };
}

let gw: TestGateway;
let data: RealData;
let generator: OperationGenerator;
/**
 * 12-digit examples the gateway publishes to anyone, in its schema and its public reference answers (a conformance
 * rule's fix reads "001203004567 is not 1203004567"): documentation, not a person's data. Checked to name no one.
 */
const published = new Set<string>();

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 600, configure: (c) => ({ ...c, access: { ...c.access, rateLimitPerMinute: 0 } }) });
  data = await collectRealData(gw);
  // Stored dossiers for `dossier` and `dossiers`: one per procedure, every role named.
  for (const procedure of data.procedures) {
    const [input] = fc.sample(dossierInputFor(data, procedure, { allRoles: true }), { seed: SEED, numRuns: 1 });
    const { body } = await gw.query(
      `mutation($input: DossierInput!, $key: String!) { submitDossier(input: $input, idempotencyKey: $key) { dossier { id dossierId } } }`,
      {
        input,
        key: `invariant-${procedure.code}`,
      },
    );
    if (body.data?.submitDossier) {
      data.dossiers.push(body.data.submitDossier.dossier.dossierId);
      data.nodeIds.Dossier.push(body.data.submitDossier.dossier.id);
    }
  }
  generator = new OperationGenerator(gw.app.schema, realDataValues(data));
  for (const o of personalIdsIn(printSchema(gw.app.schema))) published.add(o.id);
  for (const { field, personal } of generator.roots) {
    if (personal || field.args.some((a) => isNonNullType(a.type))) continue;
    const { query, variables } = generator.render({ roots: [generator.complete(field.name, {}, 3)] });
    const anonymous = await gw.send(query, variables, {});
    for (const o of personalIdsIn(anonymous.body)) published.add(o.id);
  }
  console.log(`invariant: real data — ${describeRealData(data)}`);
});
afterAll(() => gw?.close());

async function check(operation: Operation): Promise<Checked> {
  const { query, variables } = generator.render(operation);
  const answer = await gw.send(query, variables);
  const codes = (answer.body.errors ?? []).map((e: any) => String(e.extensions?.code ?? "NONE"));
  const refused = answer.body.data === undefined && codes.some((c: string) => LIMIT_CODES.has(c));
  const occurrences = personalIdsIn(answer.body).filter((o) => !published.has(o.id));
  const audited = occurrences.length > 0 ? await auditedCitizens(gw.app.sources.gateway, answer.requestIds) : new Set<string>();
  return {
    operation,
    status: answer.status,
    refused,
    codes,
    occurrences,
    unaudited: occurrences.filter((o) => !audited.has(o.id)),
    body: answer.body,
  };
}

/** The value at a JSON path of the answer (`data.r0.edges[2].node`). */
function at(body: unknown, path: string): unknown {
  return path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), body);
}

/** A failure class: the root field, the path with indices dropped, how the id was carried, and an error's code. */
function classify(checked: Checked, occurrence: Occurrence): { key: string; detail?: string; procedure?: string } {
  const root = /^data\.r(\d+)/.exec(occurrence.path);
  const field = root ? checked.operation.roots[Number(root[1])] : undefined;
  const path = occurrence.path.replace(/^data\.r\d+/, field ? `Query.${field.name}` : "").replace(/\[\d+\]/g, "[]");
  const notes: string[] = [];
  if (occurrence.path.startsWith("errors[")) {
    const error = at(checked.body, occurrence.path.replace(/^(errors\[\d+\]).*$/, "$1")) as
      { extensions?: { code?: string }; path?: (string | number)[] } | undefined;
    const where = (error?.path ?? [])
      .map((p) => (typeof p === "number" ? "[]" : p))
      .join(".")
      .replace(/^r(\d+)/, (_, i) => `Query.${checked.operation.roots[Number(i)]?.name}`);
    notes.push(`code=${error?.extensions?.code}`, `field=${where}`);
  }
  // Evidence names its fact and record: "spouse" of "citizen …", "head" of "household …".
  const container = at(checked.body, occurrence.path.replace(/\.[^.[\]]+$/, "")) as Record<string, unknown> | undefined;
  const detail =
    container && typeof container.fact === "string"
      ? `${container.fact}${typeof container.record === "string" ? ` of ${container.record.split(" ")[0]}` : ""}`
      : undefined;
  const input = field?.args.input as { procedureCode?: string } | undefined;
  return { key: `${path} [${occurrence.via}]${notes.length ? ` ${notes.join(" ")}` : ""}`, detail, procedure: input?.procedureCode };
}

function describeClasses(classes: FailureClass[]): string {
  return classes
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((c, i) =>
      [
        `${i + 1}. ${c.key} — ${c.count} time(s), ${c.ids.size} distinct id(s)` +
          `${c.details.size ? `; facts: ${[...c.details].sort().join(", ")}` : ""}${c.procedures.size ? `; procedures ${[...c.procedures].sort().join(" ")}` : ""}`,
        `   e.g. ${c.example.id} at ${c.example.path}`,
        `   ${c.example.query}`,
        `   variables ${JSON.stringify(c.example.variables)}`,
      ].join("\n"),
    )
    .join("\n");
}

describe("audit invariant", () => {
  it("every personal id in an answer has an audit row naming that person in that request", async () => {
    const started = performance.now();
    // Always checked: each root field with all its fields a few levels down, each stored dossier with all its
    // evidence, and each procedure's dossier with every role named, for a few applicants.
    const coverage: Operation[] = [
      ...generator.roots.flatMap(({ field }) => {
        const arbitrary = generator.rootField(field);
        return arbitrary
          ? fc.sample(arbitrary, { seed: SEED, numRuns: 1 }).map((root) => ({ roots: [generator.complete(field.name, root.args, 5)] }))
          : [];
      }),
      ...data.dossiers.map((id) => ({ roots: [generator.complete("dossier", { id }, 4)] })),
      // Each kind of global id through node, with every field of its type.
      ...Object.entries(data.nodeIds).flatMap(([type, ids]) =>
        ids.slice(0, 3).map((id) => {
          const node = generator.complete("node", { id }, 4);
          return { roots: [{ ...node, selection: node.selection!.filter((s) => s.kind !== "fragment" || s.on === type) }] };
        }),
      ),
      ...data.procedures.flatMap((p) =>
        fc
          .sample(dossierInputFor(data, p, { allRoles: true }), { seed: SEED, numRuns: 5 })
          .map((input) => ({ roots: [generator.complete("evaluateDossier", { input }, 4)] })),
      ),
    ];
    const generated = fc.sample(generator.operation(), { seed: SEED, numRuns: RUNS });

    const classes = new Map<string, FailureClass>();
    const answeredRoots = new Set<string>();
    const procedures = new Set<string>();
    const codes = new Map<string, number>();
    let refused = 0;
    let fields = 0;
    let deepest = 0;
    let answerBytes = 0;
    let idsChecked = 0;
    let failing = 0;
    for (const operation of [...coverage, ...generated]) {
      const checked = await check(operation);
      const size = OperationGenerator.size(operation);
      fields += size.fields;
      deepest = Math.max(deepest, size.depth);
      answerBytes += JSON.stringify(checked.body).length;
      for (const code of checked.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
      if (checked.refused) {
        refused++;
        continue;
      }
      for (const root of operation.roots) {
        answeredRoots.add(root.name);
        const code = (root.args.input as { procedureCode?: string } | undefined)?.procedureCode;
        if (root.name === "evaluateDossier" && code) procedures.add(code);
      }
      idsChecked += checked.occurrences.length;
      if (checked.unaudited.length === 0) continue;
      failing++;
      const { query, variables } = generator.render(operation);
      for (const occurrence of checked.unaudited) {
        const { key, detail, procedure } = classify(checked, occurrence);
        let c = classes.get(key);
        if (!c) {
          c = {
            key,
            count: 0,
            ids: new Set(),
            procedures: new Set(),
            details: new Set(),
            example: { id: occurrence.id, path: occurrence.path, query, variables },
          };
          classes.set(key, c);
        }
        c.count++;
        c.ids.add(occurrence.id);
        if (procedure) c.procedures.add(procedure);
        if (detail) c.details.add(detail);
      }
    }
    const total = coverage.length + generated.length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `invariant: ${total} operations checked (${coverage.length} coverage + ${generated.length} generated, seed ${SEED}) in ${seconds} s; ` +
        `${total - refused} answered, ${refused} refused by query limits; ${(fields / total).toFixed(1)} fields an operation on average, deepest ${deepest}, ` +
        `${Math.round(answerBytes / total)} bytes an answer on average; ${idsChecked} personal-id occurrences checked; ` +
        `${failing} operation(s) with an unaudited id, ${classes.size} failure class(es); ` +
        `root fields answered: ${answeredRoots.size}/${generator.roots.length}; procedures evaluated: ${procedures.size}/${data.procedures.length}; ` +
        `error codes: ${JSON.stringify(Object.fromEntries(codes))}`,
    );
    console.log(`invariant: published 12-digit examples, not counted as personal data: ${[...published].join(", ") || "none"}`);
    if (generator.uncovered.size > 0)
      console.log(`invariant: fields not generated (a required argument has no real value): ${[...generator.uncovered].join(", ")}`);

    expect
      .soft(
        [...published].filter((id) => data.people.has(id)),
        "published examples name no seeded person",
      )
      .toEqual([]);
    expect
      .soft(
        [...generator.uncovered],
        "every field can be generated: a required argument without a source needs a pool in test/support/argument-values.ts",
      )
      .toEqual([]);
    expect
      .soft(
        generator.roots.map((r) => r.field.name).filter((name) => !answeredRoots.has(name)),
        "every root field answered at least once",
      )
      .toEqual([]);
    expect
      .soft(
        data.procedures.map((p) => p.code).filter((code) => !procedures.has(code)),
        "every procedure evaluated",
      )
      .toEqual([]);
    expect.soft(refused / total, "most generated operations are within the query limits").toBeLessThan(0.2);

    let smallest = "";
    if (classes.size > 0) {
      // The first failing generated operation, shrunk by fast-check to a small one that still fails.
      const result = await fc.check(
        fc.asyncProperty(generator.operation(), async (operation) => (await check(operation)).unaudited.length === 0),
        { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
      );
      if (result.failed && result.counterexample) {
        const [operation] = result.counterexample;
        const { query, variables } = generator.render(operation);
        const unaudited = (await check(operation)).unaudited.map((o) => `${o.id} at ${o.path} (${o.via})`);
        smallest = `\n\nSmallest failing generated operation (shrunk ${result.numShrinks} times):\n${query}\nvariables ${JSON.stringify(variables)}\nunaudited: ${unaudited.join("; ")}`;
      }
    }
    expect(
      classes.size,
      `personal ids left the gateway without an audit row naming the person:\n${describeClasses([...classes.values()])}${smallest}`,
    ).toBe(0);
  }, 240_000);
});
