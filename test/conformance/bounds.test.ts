/**
 * The public `checkConformance` query is bounded and runs off the request thread: inputs past a bound are refused
 * with the bound named, the event loop stays free while a heavy accepted check runs, a check past its time budget
 * has its thread stopped, calls beyond the threads and queue are refused, and production findings carry no
 * suggestions.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputs } from "../../src/cli/conformance.js";
import { API_LIMITS, type ConformanceLimits, MAX_API_FINDINGS } from "../../src/modules/conformance/bounds.js";
import type { InputFile } from "../../src/modules/conformance/inputs.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const CONFORMANT = path.join(import.meta.dirname, "fixtures/conformant");

const REPORT = `query($input: ConformanceInput!) { checkConformance(input: $input) {
  conformant errors warnings inputs { operationFiles operations sampleFiles records }
  findings { rule message found expected fix } } }`;

interface Input {
  operations?: InputFile[];
  samples?: InputFile[];
  schema?: InputFile;
  schemaTypeMap?: { theirs: string; national: string }[];
}

/** `n` selections of fields of a real type (Province), repeated as a fragment of a provincial system might. */
const provinceFields = (n: number) => Array.from({ length: n }, (_, i) => ["code", "name", "nameEn", "communeCount"][i % 4]).join(" ");

/** One fragment of `size` Province fields, spread by `operations` operations: each operation expands it again. */
function spreadFragment(size: number, operations: number): InputFile {
  let content = `fragment Big on Province { ${provinceFields(size)} }\n`;
  for (let i = 0; i < operations; i++) content += `query Q${i} { provinces { ...Big } }\n`;
  return { name: "spread.graphql", content };
}

/** A JSON sample file of exactly `bytes` bytes (an object with no record kinds, padded with spaces). */
const paddedSample = (name: string, bytes: number): InputFile => ({ name, content: `{}${" ".repeat(bytes - 2)}` });

/** An operations document of exactly `n` tokens: `query Q { provinces { … } }` is 7, and then one per field. */
const tokens = (n: number): InputFile => ({ name: "tokens.graphql", content: `query Q { provinces { ${"code ".repeat(n - 7)}} }` });

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

function check(gateway: TestGateway, input: Input) {
  return gateway.query(REPORT, { input }, {});
}

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ citizens: 100 });
});
afterAll(() => gateway?.close());

describe("checkConformance through the API", () => {
  it("lists the first findings in full and counts the rest, so half a megabyte of bad records is a bounded answer", async () => {
    // Each record has a malformed personal id and an unknown field: at least two findings a record.
    const records = Array.from({ length: 1_500 }, (_, i) => ({ personalId: String(i), fullNme: "x" }));
    const { body } = await gateway.query(
      `query($input: ConformanceInput!) { checkConformance(input: $input) { errors warnings findingsOmitted findings { rule } summary { count } } }`,
      { input: { samples: [{ name: "bad.json", content: JSON.stringify({ citizens: records }) }] } },
      {},
    );
    expect(body.errors).toBeUndefined();
    const report = body.data.checkConformance;
    expect(report.findings).toHaveLength(MAX_API_FINDINGS);
    const total = report.errors + report.warnings;
    expect(total).toBeGreaterThan(MAX_API_FINDINGS);
    expect(report.findingsOmitted).toBe(total - MAX_API_FINDINGS);
    expect(report.summary.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(total);
  });

  it("still passes the conformant provincial system", async () => {
    const inputs = readInputs({ operations: ["operations"], data: ["samples"], schema: "schema.graphql" }, CONFORMANT);
    const { status, body } = await check(gateway, { operations: inputs.operations, samples: inputs.samples, schema: inputs.schema! });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.checkConformance).toMatchObject({
      conformant: true,
      errors: 0,
      warnings: 0,
      findings: [],
      inputs: { operationFiles: 6, operations: 7, sampleFiles: 2, records: 8 },
    });
  });

  it("refuses one fragment of 2,000 fields spread by 60 operations at once, naming the bound", async () => {
    const hostile = spreadFragment(2_000, 60);
    expect(hostile.content.length).toBeGreaterThan(15_000);
    const { ms, result } = await timed(() => check(gateway, { operations: [hostile] }));
    expect(result.body.data).toBeNull();
    expect(result.body.errors![0].extensions).toEqual({
      code: "INVALID_CONFORMANCE_INPUT",
      limit: "maxExpandedFields",
      maximum: API_LIMITS.maxExpandedFields,
      actual: 60 * 2_001,
      file: null,
    });
    expect(result.body.errors![0].message).toContain("120,060 fields");
    expect(result.body.errors![0].message).toContain("maxExpandedFields: 25,000");
    expect(ms).toBeLessThan(1_000);
  });

  it("takes a fragment spread by as many operations as fit within the bound", async () => {
    // 200 operations × (provinces + 124 fields) = 25,000 expanded fields, exactly the bound.
    const { status, body } = await check(gateway, { operations: [spreadFragment(124, 200)] });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.checkConformance.inputs.operations).toBe(200);
  });

  const justOver: [keyof ConformanceLimits, () => Input, number | string][] = [
    [
      "maxInputBytes",
      () => {
        // Three samples each under maxSampleBytes, together one byte over (names count too).
        const each = Math.floor(API_LIMITS.maxInputBytes / 3);
        const names = ["a.json", "b.json", "c.json"];
        const last = API_LIMITS.maxInputBytes + 1 - 2 * each - names.join("").length;
        return { samples: [paddedSample(names[0], each), paddedSample(names[1], each), paddedSample(names[2], last)] };
      },
      API_LIMITS.maxInputBytes + 1,
    ],
    [
      "maxOperationFiles",
      () => ({
        operations: Array.from({ length: API_LIMITS.maxOperationFiles + 1 }, (_, i) => ({
          name: `q${i}.graphql`,
          content: `query Q${i} { provinces { code } }`,
        })),
      }),
      API_LIMITS.maxOperationFiles + 1,
    ],
    [
      "maxOperations",
      () => ({
        operations: [
          {
            name: "many.graphql",
            content: Array.from({ length: API_LIMITS.maxOperations + 1 }, (_, i) => `query Q${i} { provinces { code } }`).join("\n"),
          },
        ],
      }),
      API_LIMITS.maxOperations + 1,
    ],
    ["maxDocumentTokens", () => ({ operations: [tokens(API_LIMITS.maxDocumentTokens + 1)] }), API_LIMITS.maxDocumentTokens + 1],
    [
      "maxFragmentSpreads",
      () => ({
        operations: [
          {
            name: "spreads.graphql",
            content: `fragment C on Province { code }\nquery Q { provinces { ${"...C ".repeat(API_LIMITS.maxFragmentSpreads + 1)}} }`,
          },
        ],
      }),
      API_LIMITS.maxFragmentSpreads + 1,
    ],
    [
      "maxExpandedFields",
      () => {
        // provinces + 1,000 spreads × 25 fields = 25,001: one field over, with the spreads within their bound.
        const spreads = API_LIMITS.maxFragmentSpreads;
        const size = API_LIMITS.maxExpandedFields / spreads;
        return {
          operations: [
            {
              name: "expanded.graphql",
              content: `fragment F on Province { ${provinceFields(size)} }\nquery Q { provinces { ${"...F ".repeat(spreads)}} }`,
            },
          ],
        };
      },
      API_LIMITS.maxExpandedFields + 1,
    ],
    [
      "maxSampleFiles",
      () => ({ samples: Array.from({ length: API_LIMITS.maxSampleFiles + 1 }, (_, i) => ({ name: `s${i}.json`, content: "{}" })) }),
      API_LIMITS.maxSampleFiles + 1,
    ],
    ["maxSampleBytes", () => ({ samples: [paddedSample("big.json", API_LIMITS.maxSampleBytes + 1)] }), API_LIMITS.maxSampleBytes + 1],
    [
      "maxSchemaBytes",
      () => {
        const head = "type Query { a: String }\n";
        return { schema: { name: "their.graphql", content: head + "#".repeat(API_LIMITS.maxSchemaBytes + 1 - head.length) } };
      },
      API_LIMITS.maxSchemaBytes + 1,
    ],
    [
      "maxTypeMapEntries",
      () => ({
        schema: { name: "their.graphql", content: "type Query { a: String }" },
        schemaTypeMap: Array.from({ length: API_LIMITS.maxTypeMapEntries + 1 }, (_, i) => ({ theirs: `T${i}`, national: "Citizen" })),
      }),
      API_LIMITS.maxTypeMapEntries + 1,
    ],
  ];

  describe.each(justOver)("bound %s", (limit, input, actual) => {
    it("refuses an input just over it with INVALID_CONFORMANCE_INPUT naming the bound and both values", async () => {
      const { status, body } = await check(gateway, input());
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].extensions).toMatchObject({ code: "INVALID_CONFORMANCE_INPUT", limit, maximum: API_LIMITS[limit], actual });
      expect(body.errors![0].message).toContain(`${limit}: ${API_LIMITS[limit].toLocaleString("en")}`);
      expect(body.errors![0].message).toContain(actual.toLocaleString("en"));
    });
  });

  it("takes a document of exactly the token bound", async () => {
    const { body } = await check(gateway, { operations: [tokens(API_LIMITS.maxDocumentTokens)] });
    expect(body.errors).toBeUndefined();
    expect(body.data.checkConformance.inputs.operations).toBe(1);
  });

  it("keeps answering health checks and queries while a heavy accepted check runs", async () => {
    await check(gateway, { operations: [{ name: "warm.graphql", content: "query W { provinces { code } }" }] }); // the thread is up
    const heavy = timed(() => check(gateway, { operations: [spreadFragment(124, 200)] }));
    let heavyDone = 0;
    void heavy.then(() => (heavyDone = performance.now()));
    await new Promise((resolve) => setTimeout(resolve, 100));

    const live = await timed(() => fetch(`${gateway.url}/health/live`));
    const provinces = await timed(() => gateway.query("{ provinces { code } }", undefined, {}));
    const probesDone = performance.now();

    expect(live.result.status).toBe(200);
    expect(live.ms).toBeLessThan(500);
    expect(provinces.result.body.data.provinces).toHaveLength(34);
    expect(provinces.ms).toBeLessThan(500);

    const { result } = await heavy;
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.checkConformance.inputs.operations).toBe(200);
    // The probes were answered while the check was still running, not after it.
    expect(heavyDone).toBeGreaterThan(probesDone);
  });
});

describe("checkConformance's time budget and queue", () => {
  let tight: TestGateway;
  beforeAll(async () => {
    tight = await startTestGateway({
      citizens: 50,
      configure: (config) => ({ ...config, conformance: { timeoutMs: 100, threads: 1, queue: 1 } }),
    });
  });
  afterAll(() => tight?.close());

  const heavy = { operations: [spreadFragment(124, 200)] };

  it("stops a check past its budget, thread and all, and answers CONFORMANCE_TIMEOUT", async () => {
    const answer = check(tight, heavy);
    let running: number[] = [];
    for (let i = 0; i < 2_000 && running.length === 0; i++) {
      running = tight.app.conformance.threadIds;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(running).toHaveLength(1);
    const { body } = await answer;
    expect(body.data).toBeNull();
    expect(body.errors![0].extensions).toEqual({ code: "CONFORMANCE_TIMEOUT", timeoutMs: 100 });
    expect(body.errors![0].message).toContain("time budget of 100 ms");

    for (let i = 0; i < 100 && tight.app.conformance.threadIds.includes(running[0]); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tight.app.conformance.threadIds).not.toContain(running[0]);

    // A fresh thread takes the next check.
    const small = await check(tight, { operations: [{ name: "s.graphql", content: "query S { provinces { code } }" }] });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.checkConformance.conformant).toBe(true);
  });

  it("hands a call waiting behind a stopped check to the fresh thread, at once", async () => {
    const stopped = check(tight, heavy);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    const waiting = await check(tight, { operations: [{ name: "w.graphql", content: "query W { provinces { code } }" }] });
    expect(waiting.body.errors).toBeUndefined();
    expect(waiting.body.data.checkConformance.conformant).toBe(true);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect((await stopped).body.errors![0].extensions.code).toBe("CONFORMANCE_TIMEOUT");
  });

  it("refuses a check beyond the threads and the queue with RATE_LIMITED", async () => {
    const answers = await Promise.all([check(tight, heavy), check(tight, heavy), check(tight, heavy)]);
    const errors = answers.map((a) => a.body.errors![0].extensions);
    expect(errors.map((e) => e.code).sort()).toEqual(["CONFORMANCE_TIMEOUT", "CONFORMANCE_TIMEOUT", "RATE_LIMITED"]);
    expect(errors.find((e) => e.code === "RATE_LIMITED")!.retryAfterSeconds).toBe(1);
  });
});

describe("checkConformance in production", () => {
  let production: TestGateway;
  beforeAll(async () => {
    production = await startTestGateway({
      citizens: 50,
      configure: (config) => ({
        ...config,
        environment: "production",
        access: { ...config.access, demoClients: false, demoApiKey: undefined, introspection: false },
      }),
    });
  });
  afterAll(() => production?.close());

  // Misspelt fields, argument, type, enum values, record kind and record field: each draws a suggestion elsewhere.
  const misspelt: Input = {
    operations: [
      {
        name: "ops.graphql",
        content:
          'query P { provinces { cod nme communes(serch: "x") { code } ...U } }\nfragment U on Provinc { code }\n# purpose: 1.001193\nquery V($s: Sex) { citizens(first: 1, filter: { sex: $s }) { totalCount } }\n',
      },
      { name: "ops.variables.json", content: JSON.stringify({ P: {}, V: { s: "MALEE" } }) },
    ],
    samples: [
      {
        name: "s.json",
        content: JSON.stringify({
          citizenz: [],
          citizens: [{ personalId: "056090001234", fullNme: "Trần Minh Khoa", dateOfBirth: "1990-03-14", sex: "MALEE" }],
        }),
      },
    ],
  };

  it("gives findings without 'Did you mean' suggestions, where a development gateway gives them", async () => {
    const development = (await check(gateway, misspelt)).body.data.checkConformance;
    const fromProduction = (await check(production, misspelt)).body.data.checkConformance;
    expect(JSON.stringify(development).match(/Did you mean/g)!.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(fromProduction)).not.toMatch(/did you mean/i);
    // The same findings, only without the suggestions and the fixes made of them.
    const unsuggested = development.findings.map((f: { message: string; fix: string | null }) => ({
      ...f,
      message: f.message.replace(/ Did you mean .*\?$/, ""),
      fix: f.fix && /^(use|rename to) /.test(f.fix) ? null : f.fix,
    }));
    expect(fromProduction.findings).toEqual(unsuggested);
  });
});
