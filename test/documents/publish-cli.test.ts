/**
 * `ndaf-gateway documents publish` as an operator runs it: its own process, on a throwaway embedded data folder (or,
 * on the postgres project, a throwaway gateway database named by GATEWAY_DATABASE_URL); then a gateway on that
 * database runs the published documents by id.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayConfig, SOURCE_NAMES } from "../../src/platform/config.js";
import { documentsOf } from "../../src/modules/documents/index.js";
import { clientHeaders, DEMO_HEADERS, startTestGateway, TEST_DB, testConfig } from "../support/gateway.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OPERATIONS = "test/documents/fixtures/operations";
const NON_CONFORMANT = "test/documents/fixtures/non-conformant";
const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-documents-cli-"));
const dataDir = path.join(root, "data");
const ID_LINE = /^(sha256:[0-9a-f]{64}) {2}(\S+) {2}(\S+) {2}(published|bound|unchanged)$/;

let config: GatewayConfig;
let cleanup = async () => {};
/** What the commands are told of the gateway database: the data folder, or the Postgres database. */
let databaseEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  const made = await testConfig();
  cleanup = made.cleanup;
  config =
    TEST_DB === "postgres"
      ? made.config
      : {
          ...made.config,
          dataDir,
          sources: Object.fromEntries(
            SOURCE_NAMES.map((name) => [name, { name, dataDir: path.join(dataDir, name) }]),
          ) as GatewayConfig["sources"],
        };
  databaseEnv = TEST_DB === "postgres" ? { GATEWAY_DATABASE_URL: config.sources.gateway.url } : { DATA_DIR: dataDir };
});
afterAll(async () => {
  await cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

async function command(script: string[], args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GATEWAY_DATABASE_URL: "", DATA_DIR: "", ...databaseEnv };
  try {
    const { stdout, stderr } = await run(process.execPath, [...script, ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const documents = (args: string[]) => command(["bin/ndaf-gateway.js", "documents"], args);
const clients = (args: string[]) => command(["--import", "tsx", "scripts/clients.ts"], args);

function idLines(stdout: string) {
  return stdout
    .trimEnd()
    .split("\n")
    .map((line) => {
      const match = ID_LINE.exec(line);
      expect(match, line).not.toBeNull();
      return { id: match![1], operation: match![2], file: match![3], outcome: match![4] };
    });
}

const fixtureFiles = (folder: string) =>
  fs
    .readdirSync(path.join(ROOT, folder))
    .filter((name) => name.endsWith(".graphql"))
    .map((name) => ({ name: `${folder}/${name}`, content: fs.readFileSync(path.join(ROOT, folder, name), "utf8") }));

describe("ndaf-gateway documents publish", () => {
  it("refuses a set holding a non-conformant operation: the finding printed, exit 1, nothing published", async () => {
    const refused = await documents(["publish", NON_CONFORMANT]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /error {3}OP_PURPOSE_MISSING {2}test\/documents\/fixtures\/non-conformant\/applicant\.graphql:1:1 {2}operation ApplicantWithoutPurpose/,
    );
    expect(refused.stderr).toMatch(/Nothing published: the operations are not conformant \(1 error\(s\)\)/);
    // The conformant operation beside it was not stored either: published alone, it is new.
    const alone = await documents(["publish", `${NON_CONFORMANT}/province.graphql`]);
    expect(alone.code, alone.stderr).toBe(0);
    expect(idLines(alone.stdout).map((l) => l.outcome)).toEqual(["published"]);
  }, 120_000);

  it("prints one id per operation, sha256 of the stored text; publishing again prints the same ids", async () => {
    const expected = documentsOf(fixtureFiles(OPERATIONS)).map((d) => ({ id: d.id, operation: d.operationName }));
    const first = await documents(["publish", OPERATIONS]);
    expect(first.code, first.stderr).toBe(0);
    const lines = idLines(first.stdout);
    expect(lines.map(({ id, operation }) => ({ id, operation }))).toEqual(expected);
    expect(lines.map((l) => l.operation)).toEqual(["ApplicantName", "ApplicantReligion", "ProvinceName"]);
    expect(lines.map((l) => l.file)).toEqual([
      `${OPERATIONS}/citizen.graphql`,
      `${OPERATIONS}/citizen.graphql`,
      `${OPERATIONS}/province.graphql`,
    ]);
    // ProvinceName's text is the one the previous test published alone.
    expect(lines.map((l) => l.outcome)).toEqual(["published", "published", "unchanged"]);
    expect(first.stderr).toBe("3 trusted document(s) for every client: 2 published, 0 made available, 1 already there.\n");

    const again = await documents(["publish", OPERATIONS, "--format", "json"]);
    expect(again.code, again.stderr).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.client).toBeNull();
    expect(json.documents.map((d: { id: string; outcome: string }) => [d.id, d.outcome])).toEqual(expected.map((d) => [d.id, "unchanged"]));
  }, 120_000);

  it("publishes for a client the gateway knows, checked against its grants; an unknown client is a usage error", async () => {
    const unknown = await documents(["publish", OPERATIONS, "--client", "VN:GOV:SO-TP:NOBODY"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ndaf-gateway documents: --client VN:GOV:SO-TP:NOBODY: no such client in the gateway database/);
    const malformed = await documents(["publish", OPERATIONS, "--client", "nobody"]);
    expect(malformed.code).toBe(2);

    const added = await clients([
      "add",
      "VN:GOV:SO-TP:MOTCUA",
      "--name",
      "Một cửa",
      "--grant",
      "population/basic/1.001193",
      "--trusted-documents-only",
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^VN:GOV:SO-TP:MOTCUA {2}SYSTEM {2}key ndaf_.{4}… {2}active {2}trusted documents only {2}Một cửa\n/);

    // ApplicantReligion reads sensitive data, which this client's grants do not cover: the whole set is refused.
    const notGranted = await documents(["publish", OPERATIONS, "--client", "VN:GOV:SO-TP:MOTCUA"]);
    expect(notGranted.code).toBe(1);
    expect(notGranted.stderr).toMatch(/error {3}OP_NOT_GRANTED .*operation ApplicantReligion/);

    const own = path.join(root, "motcua");
    fs.mkdirSync(own);
    fs.writeFileSync(
      path.join(own, "applicant.graphql"),
      "# purpose: 1.001193\nquery MotCuaApplicant($personalId: PersonalId!) {\n  citizen(personalId: $personalId) { fullName }\n}\n",
    );
    fs.copyFileSync(path.join(ROOT, OPERATIONS, "province.graphql"), path.join(own, "province.graphql"));
    const bound = await documents(["publish", own, "--client", "VN:GOV:SO-TP:MOTCUA"]);
    expect(bound.code, bound.stderr).toBe(0);
    // The province document is already there for every client: binding it to one changes nothing.
    expect(idLines(bound.stdout).map((l) => [l.operation, l.outcome])).toEqual([
      ["MotCuaApplicant", "published"],
      ["ProvinceName", "unchanged"],
    ]);
    expect(bound.stderr).toMatch(/for client VN:GOV:SO-TP:MOTCUA: 1 published/);
  }, 120_000);

  it("a gateway on that database runs the documents by id, for the clients they are published for", async () => {
    const rotated = await clients(["rotate-key", "VN:GOV:SO-TP:MOTCUA"]);
    expect(rotated.code, rotated.stderr).toBe(0);
    const key = /(ndaf_\S{43})/.exec(rotated.stdout)![1];
    const ids = Object.fromEntries(
      [
        ...documentsOf(fixtureFiles(OPERATIONS)),
        ...documentsOf([{ name: "a", content: fs.readFileSync(path.join(root, "motcua/applicant.graphql"), "utf8") }]),
      ].map((d) => [d.operationName, d.id]),
    );

    const gw = await startTestGateway({ citizens: 300, configure: () => config });
    try {
      const [personalId] = (
        await gw.app.sources.population.raw<{ personal_id: string }>(
          "select personal_id from population.citizens order by personal_id limit 1",
        )
      ).map((r) => r.personal_id);
      const post = async (body: unknown, headers: Record<string, string>) => {
        const response = await fetch(`${gw.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
      };
      const motcua = clientHeaders(key, { procedure: "1.001193", caseId: "HS-2026-1" });
      expect(await post({ documentId: ids.ProvinceName, variables: { code: "56" } }, {})).toMatchObject({
        status: 200,
        body: { data: { administrativeUnit: { code: "56" } } },
      });
      expect(await post({ documentId: ids.ApplicantName, variables: { personalId } }, DEMO_HEADERS)).toMatchObject({
        status: 200,
        body: { data: { citizen: { personalId } } },
      });
      expect(await post({ documentId: ids.MotCuaApplicant, variables: { personalId } }, motcua)).toMatchObject({
        status: 200,
        body: { data: { citizen: { fullName: expect.any(String) } } },
      });
      expect(await post({ documentId: ids.MotCuaApplicant, variables: { personalId } }, DEMO_HEADERS)).toMatchObject({
        status: 404,
        body: { errors: [{ extensions: { code: "DOCUMENT_NOT_FOUND" } }] },
      });
      expect(await post({ query: "{ provinces { code } }" }, motcua)).toMatchObject({
        status: 403,
        body: { errors: [{ extensions: { code: "TRUSTED_DOCUMENTS_ONLY" } }] },
      });

      const later = path.join(root, "later");
      fs.mkdirSync(later);
      fs.writeFileSync(
        path.join(later, "communes.graphql"),
        "query ProvinceCode($code: AdministrativeUnitCode!) {\n  administrativeUnit(code: $code) { code name }\n}\n",
      );
      const whileRunning = await documents(["publish", later]);
      if (TEST_DB === "postgres") {
        // On Postgres the command runs beside the gateway, and the gateway finds the new document at once.
        expect(whileRunning.code, whileRunning.stderr).toBe(0);
        const [{ id }] = idLines(whileRunning.stdout);
        expect(await post({ documentId: id, variables: { code: "01" } }, {})).toMatchObject({
          status: 200,
          body: { data: { administrativeUnit: { code: "01" } } },
        });
      } else {
        // Embedded: one process per data folder, so the command refuses while the gateway holds it.
        expect(whileRunning.code).toBe(1);
        expect(whileRunning.stdout).toBe("");
        expect(whileRunning.stderr).toMatch(/^ndaf-gateway documents: Another gateway process \(pid \d+\) is using the embedded databases/);
      }
    } finally {
      await gw.close();
    }
  }, 240_000);
});
