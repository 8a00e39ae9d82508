/**
 * The conformance check on the fixtures of a fictional provincial system (test/conformance/fixtures/): a conformant
 * set passes; each rule has a non-conformant set giving exactly its one finding; malformed inputs exit 2 with file
 * and line; the command line (a real process) and the API give the same report.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CIVIL_STATUS_CLIENT_ID, DEMO_CIVIL_STATUS_KEY } from "../../src/modules/access/demo.js";
import { offlineEnvironment, readGrantsFile, readInputs, runConformance } from "../../src/cli/conformance.js";
import { formatJunit, formatMarkdown, formatRules, formatText } from "../../src/modules/conformance/formats.js";
import type { ConformanceInputs } from "../../src/modules/conformance/inputs.js";
import type { Report } from "../../src/modules/conformance/report.js";
import { CONFORMANCE_RULES } from "../../src/modules/conformance/rules.js";
import { checkConformance } from "../../src/modules/conformance/service.js";
import { clientHeaders, startTestGateway, type TestGateway } from "../support/gateway.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const CONFORMANT = path.join(FIXTURES, "conformant");
const RULE_FIXTURES = path.join(FIXTURES, "non-conformant");
const CODE = path.join(FIXTURES, "code");
const TODAY = "2026-12-01";

/** The inputs a fixture folder holds, named relative to it (as the command line run from there names them). */
function fixtureInputs(dir: string): ConformanceInputs {
  const has = (name: string) => fs.existsSync(path.join(dir, name));
  return readInputs(
    {
      operations: has("operations") ? ["operations"] : [],
      data: has("samples") ? ["samples"] : [],
      schema: has("schema.graphql") ? "schema.graphql" : has("schema.json") ? "schema.json" : undefined,
      subgraph: has("subgraph.graphql") ? "subgraph.graphql" : undefined,
    },
    dir,
  );
}

function fixtureArgs(dir: string): string[] {
  const has = (name: string) => fs.existsSync(path.join(dir, name));
  return [
    ...(has("operations") ? ["--operations", "operations"] : []),
    ...(has("samples") ? ["--data", "samples"] : []),
    ...(has("schema.graphql") ? ["--schema", "schema.graphql"] : []),
    ...(has("subgraph.graphql") ? ["--subgraph", "subgraph.graphql"] : []),
    ...(has("grants.json") ? ["--grants", "grants.json"] : []),
  ];
}

function capture(cwd: string) {
  let stdout = "";
  let stderr = "";
  return {
    io: { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), cwd },
    out: () => stdout,
    err: () => stderr,
  };
}

const run = promisify(execFile);

/** The real command, as a provincial CI runs it: exit status, stdout and stderr. */
async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, "bin/ndaf-gateway.js"), "conformance", ...args], {
      cwd,
      // English whatever the machine's locale: a Vietnamese LANG would otherwise say the findings in Vietnamese.
      env: { ...process.env, NODE_ENV: "test", LC_ALL: "C" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("conformance check", () => {
  it("passes the conformant provincial system, having read every input", async () => {
    const env = await offlineEnvironment();
    const report = await checkConformance(env, fixtureInputs(CONFORMANT), { today: TODAY });
    expect(report.findings).toEqual([]);
    expect(report.conformant).toBe(true);
    // household.ts holds two operations in graphql() templates, one spreading a fragment of fragments.graphql.
    expect(report.inputs).toEqual({
      operationFiles: 6,
      operations: 7,
      variableFiles: 5,
      sampleFiles: 2,
      records: 8,
      schemaTypesCompared: 3,
      subgraphsChecked: 1,
    });
    expect(report.nationalSchema).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  describe.each(CONFORMANCE_RULES.map((r) => r.id))("rule %s", (rule) => {
    it("has a non-conformant fixture that gives exactly its finding", async () => {
      const dir = path.join(RULE_FIXTURES, rule);
      expect(fs.existsSync(dir), `test/conformance/fixtures/non-conformant/${rule} is missing`).toBe(true);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as {
        file: string;
        line: number | null;
        path?: string;
        messageIncludes?: string;
        fixIncludes?: string;
      };
      const client = fs.existsSync(path.join(dir, "grants.json"))
        ? readGrantsFile({ name: "grants.json", content: fs.readFileSync(path.join(dir, "grants.json"), "utf8") })
        : null;
      const report = await checkConformance(await offlineEnvironment(), fixtureInputs(dir), { today: TODAY, client });
      expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toHaveLength(1);
      const [finding] = report.findings;
      expect(finding.rule).toBe(rule);
      expect(finding.file).toBe(expected.file);
      expect(finding.line).toBe(expected.line);
      if (expected.path !== undefined) expect(finding.path).toBe(expected.path);
      if (expected.messageIncludes) expect(finding.message).toContain(expected.messageIncludes);
      if (expected.fixIncludes) expect(finding.fix).toContain(expected.fixIncludes);
      expect(report.conformant).toBe(finding.severity === "WARNING");
      expect(report.summary).toEqual([{ rule, severity: finding.severity, count: 1 }]);
    });
  });

  it("reads operations written in code, naming the line and column in the .tsx file", async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(CODE, "expected.json"), "utf8")) as {
      rule: string;
      file: string;
      line: number;
      column: number;
      messageIncludes: string;
    };
    const report = await checkConformance(await offlineEnvironment(), fixtureInputs(CODE), { today: TODAY });
    expect(report.inputs).toMatchObject({ operationFiles: 1, operations: 1 });
    expect(report.findings.map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column, operation: f.operation }))).toEqual([
      { rule: expected.rule, file: expected.file, line: expected.line, column: expected.column, operation: "ApplicantForm" },
    ]);
    expect(report.findings[0].message).toContain(expected.messageIncludes);
    const source = fs.readFileSync(path.join(CODE, expected.file), "utf8").split("\n")[expected.line - 1];
    expect(source.slice(expected.column - 1)).toBe("dateOfBirht");

    const real = await cli([...fixtureArgs(CODE), "--format", "json"], CODE);
    expect(real.code).toBe(1);
    expect(JSON.parse(real.stdout)).toEqual(report);
  }, 60_000);

  const malformed = path.join(FIXTURES, "malformed");
  const malformedCases = fs.existsSync(malformed) ? fs.readdirSync(malformed).sort() : [];
  it("has malformed-input fixtures", () => expect(malformedCases.length).toBeGreaterThanOrEqual(5));
  describe.each(malformedCases)("malformed input %s", (name) => {
    it("exits 2 with a message naming the file (and line)", async () => {
      const dir = path.join(malformed, name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as { args: string[]; stderrIncludes: string[] };
      const { io, out, err } = capture(dir);
      const status = await runConformance(expected.args, io);
      expect(status).toBe(2);
      expect(out()).toBe("");
      for (const part of expected.stderrIncludes) expect(err()).toContain(part);
      expect(err()).not.toMatch(/\n\s+at /); // no stack trace
    });
  });

  it("refuses bad usage with exit 2", async () => {
    for (const args of [[], ["--format", "pdf", "--data", "samples"], ["--bogus"], ["--data", "no/such/folder"]]) {
      const { io, err } = capture(CONFORMANT);
      expect(await runConformance(args, io), args.join(" ")).toBe(2);
      expect(err()).toMatch(/^ndaf-gateway conformance: /);
    }
  });

  it("prints the report as JSON, JUnit, Markdown and text, with the same findings", async () => {
    const dir = path.join(RULE_FIXTURES, "DATA_ADMIN_UNIT_LEGACY");
    const json = capture(dir);
    expect(await runConformance([...fixtureArgs(dir), "--format", "json"], json.io)).toBe(1);
    const report = JSON.parse(json.out()) as Report;
    expect(report.findings.map((f) => f.rule)).toEqual(["DATA_ADMIN_UNIT_LEGACY"]);

    const junit = formatJunit(report);
    expect(junit).toMatch(/^<\?xml/);
    expect(junit.match(/<testcase /g)).toHaveLength(3); // the finding, and a passing case for the two clean categories
    expect(junit.match(/<failure /g)).toHaveLength(1);
    expect(junit).toContain('classname="ndaf-conformance.payloads.DATA_ADMIN_UNIT_LEGACY"');

    const markdown = formatMarkdown(report);
    expect(markdown).toContain("NOT CONFORMANT: 1 error, 0 warnings");
    expect(markdown).toContain("| error | `DATA_ADMIN_UNIT_LEGACY` |");
    const text = formatText(report);
    expect(text).toContain(`${report.findings[0].file}:${report.findings[0].line}`);
    expect(text.trim().split("\n").at(-1)).toBe("NOT CONFORMANT: 1 error, 0 warnings");

    const out = path.join(import.meta.dirname, ".report.xml");
    const file = capture(dir);
    try {
      expect(await runConformance([...fixtureArgs(dir), "--format", "junit", "--output", out], file.io)).toBe(1);
      expect(fs.readFileSync(out, "utf8")).toBe(junit);
      expect(file.err()).toContain("Not conformant: 1 error(s), 0 warning(s)");
    } finally {
      fs.rmSync(out, { force: true });
    }
  });

  it("fails on warnings only with --strict", async () => {
    const dir = path.join(RULE_FIXTURES, "OP_UNNAMED");
    expect(await runConformance(fixtureArgs(dir), capture(dir).io)).toBe(0);
    expect(await runConformance([...fixtureArgs(dir), "--strict"], capture(dir).io)).toBe(1);
  });

  it("lists every rule with its basis, and docs/conformance.md documents every rule", () => {
    const text = formatRules("text");
    const docs = fs.readFileSync(path.join(ROOT, "docs/conformance.md"), "utf8");
    for (const rule of CONFORMANCE_RULES) {
      expect(text).toContain(`${rule.id} (${rule.severity.toLowerCase()})`);
      expect(text).toContain(rule.basis);
      expect(docs, `docs/conformance.md does not document ${rule.id}`).toContain(`\`${rule.id}\``);
    }
    expect(JSON.parse(formatRules("json"))).toHaveLength(CONFORMANCE_RULES.length);
  });

  it("exits 0, 1 and 2 as a real process", async () => {
    const ok = await cli(fixtureArgs(CONFORMANT), CONFORMANT);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("CONFORMANT: 0 errors, 0 warnings");

    const dir = path.join(RULE_FIXTURES, "DATA_PERSONAL_ID");
    const bad = await cli([...fixtureArgs(dir), "--format", "json"], dir);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as Report).findings[0].rule).toBe("DATA_PERSONAL_ID");

    const usage = await cli(["--data", "nowhere"], CONFORMANT);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("nowhere: cannot be read");
  }, 60_000);
});

describe("conformance through the API", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ citizens: 300 });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const REPORT = `query($input: ConformanceInput!) { checkConformance(input: $input) {
    conformant nationalSchema client errors warnings
    inputs { operationFiles operations variableFiles sampleFiles records schemaTypesCompared subgraphsChecked }
    findings { rule category severity file line column path operation message found expected fix }
    summary { rule severity count } } }`;

  const asInput = (inputs: ConformanceInputs) => ({
    operations: inputs.operations,
    samples: inputs.samples,
    schema: inputs.schema,
    subgraph: inputs.subgraph,
  });

  it("gives the command line's report, anonymously", async () => {
    // The conformant set and CODE hold .ts and .tsx files, which the API reads by their names as the command line does.
    for (const dir of [
      CONFORMANT,
      CODE,
      path.join(RULE_FIXTURES, "DATA_ADMIN_UNIT_LEGACY"),
      path.join(RULE_FIXTURES, "OP_UNKNOWN_FIELD"),
      path.join(RULE_FIXTURES, "SCHEMA_BREAKING"),
      path.join(RULE_FIXTURES, "SCHEMA_SUBGRAPH_COMPOSITION"),
    ]) {
      const { io, out } = capture(dir);
      await runConformance([...fixtureArgs(dir), "--format", "json"], io);
      const fromCli = JSON.parse(out()) as Report;
      const { status, body } = await gateway.query(REPORT, { input: asInput(fixtureInputs(dir)) }, {});
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.checkConformance).toEqual(fromCli);
    }
  });

  it("checks operations against the calling client's grants, as --client does", async () => {
    const dir = fs.mkdtempSync(path.join(import.meta.dirname, ".grants-"));
    try {
      fs.writeFileSync(
        path.join(dir, "religion.graphql"),
        "# purpose: 1.001193\nquery ParentForBirth($id: PersonalId!) {\n  citizen(personalId: $id) { fullName religion landParcels { sharePercent } }\n}\n",
      );
      const inputs = readInputs({ operations: ["religion.graphql"], data: [] }, dir);
      const { status, body } = await gateway.query(
        REPORT,
        { input: asInput(inputs) },
        { authorization: `Bearer ${DEMO_CIVIL_STATUS_KEY}` },
      );
      expect(status).toBe(200);
      const report = body.data.checkConformance as Report;
      expect(report.client).toBe(DEMO_CIVIL_STATUS_CLIENT_ID);
      expect(report.findings.map((f) => [f.rule, f.found, f.line])).toEqual([
        ["OP_NOT_GRANTED", "Citizen.religion", 3],
        ["OP_NOT_GRANTED", "Citizen.landParcels", 3],
        ["OP_NOT_GRANTED", "ParcelHolding.sharePercent", 3],
      ]);
      expect(report.findings[0].expected).toBe("a grant for population/sensitive under procedure 1.001193");

      // The gateway itself refuses exactly those fields when the operation is sent with that key and purpose.
      const [personalId] = (
        await gateway.app.sources.population.raw<{ personal_id: string }>("select personal_id from population.citizens limit 1")
      ).map((r) => r.personal_id);
      const sent = await gateway.query(
        inputs.operations[0].content,
        { id: personalId },
        clientHeaders(DEMO_CIVIL_STATUS_KEY, { procedure: "1.001193", caseId: "HS-1" }),
      );
      expect(sent.status).toBe(403);
      expect(sent.body.errors!.map((e) => e.extensions.field).sort()).toEqual(report.findings.map((f) => f.found).sort());

      const { io, out } = capture(dir);
      const status2 = await runConformance(
        ["--operations", "religion.graphql", "--client", DEMO_CIVIL_STATUS_CLIENT_ID, "--format", "json"],
        io,
        {
          findClient: (id) => gateway.app.clients.get(id),
        },
      );
      expect(status2).toBe(1);
      expect(JSON.parse(out())).toEqual(report);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers malformed input with INVALID_CONFORMANCE_INPUT naming file and line", async () => {
    const { status, body } = await gateway.query(
      REPORT,
      { input: { samples: [{ name: "citizens.json", content: '{\n  "citizens": [\n    { "personalId": "056090001234", }\n  ]\n}' }] } },
      {},
    );
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors![0].extensions).toMatchObject({ code: "INVALID_CONFORMANCE_INPUT", file: "citizens.json", line: 3 });
    expect(body.errors![0].message).toMatch(/^citizens\.json:3:\d+: invalid JSON/);

    const empty = await gateway.query(REPORT, { input: {} }, {});
    expect(empty.body.errors![0].extensions.code).toBe("INVALID_CONFORMANCE_INPUT");
  });

  it("takes a type map for a schema named in Vietnamese, as --map does", async () => {
    const schema = {
      name: "their.graphql",
      content: "type CongDan { personalId: String! fullName: String! }\ntype Query { congDan(personalId: String!): CongDan }\n",
    };
    const { body } = await gateway.query(REPORT, { input: { schema, schemaTypeMap: [{ theirs: "CongDan", national: "Citizen" }] } }, {});
    const fromApi = body.data.checkConformance as Report;
    expect(fromApi.inputs.schemaTypesCompared).toBe(1);
    expect(fromApi.findings.map((f) => f.path)).toEqual(["Citizen", "Citizen.personalId"]);

    const dir = fs.mkdtempSync(path.join(import.meta.dirname, ".map-"));
    try {
      fs.writeFileSync(path.join(dir, "their.graphql"), schema.content);
      const { io, out } = capture(dir);
      expect(await runConformance(["--schema", "their.graphql", "--map", "CongDan=Citizen", "--format", "json"], io)).toBe(1);
      expect(JSON.parse(out())).toEqual(fromApi);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists the rules", async () => {
    const { body } = await gateway.query("{ conformanceRules { id category severity title basis fix } }", undefined, {});
    expect(body.data.conformanceRules.map((r: { id: string }) => r.id)).toEqual(CONFORMANCE_RULES.map((r) => r.id));
  });
});
