/**
 * `npm run clients` as an operator runs it: its own process on a throwaway embedded data folder. A wrong command line
 * is one `error: …` line and exit 2, before the database is touched; a database failure one line and exit 1 — never
 * a stack, the SQL, its parameters or a key's hash.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openSource } from "../../src/platform/db/source.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-clients-cli-"));
const dataDir = path.join(root, "data");

async function clients(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/clients.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** One line, `error: …`, and nothing a database or a stack would have added. */
function expectOneCleanLine(stderr: string): void {
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: \S/);
  expect(stderr).not.toMatch(/Failed query|params:|insert into|select |\bat .+:\d+:\d+|[0-9a-f]{64}/i);
}

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("npm run clients", () => {
  it("refuses a wrong command line in one line with exit 2, before touching the database", async () => {
    // Every check is in test/unit/client-command.test.ts; here, what the process does with a few of them.
    const cases: [string[], RegExp][] = [
      [["add", "VN:GOV:SO-TP:HOTICH", "--name", "Hộ tịch", "--rate-limit", "abc"], /^error: --rate-limit "abc" must be a whole number/],
      [
        ["add", "VN:GOV:SO-TP:HOTICH", "--name", "Hộ tịch", "--expires", "2020-01-01", "--grant", "population/basic/1.001193"],
        /^error: --expires 2020-01-01 is not in the future/,
      ],
      [
        ["grant", "VN:GOV:SO-TP:HOTICH", "--grant", "population/basic/9.999999"],
        /^error: --grant "population\/basic\/9.999999": procedure 9.999999 is not in the procedure catalogue/,
      ],
      [[], /^error: no command given/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await clients(args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: "" });
      expectOneCleanLine(stderr);
      expect(stderr, args.join(" ")).toMatch(message);
    }
    // Nothing was opened, so nothing was created.
    expect(fs.existsSync(dataDir)).toBe(false);

    const help = await clients(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run clients -- <command>/);
  }, 120_000);

  it("registers a client, then refuses a second one of the same id and an unknown client, in one line", async () => {
    const added = await clients([
      "add",
      "VN:GOV:SO-TP:HOTICH",
      "--name",
      "Hộ tịch",
      "--rate-limit",
      "30",
      "--expires",
      "2099-12-31",
      "--grant",
      "population/basic/1.001193,1.000894",
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(
      /^VN:GOV:SO-TP:HOTICH {2}SYSTEM {2}key ndaf_.{4}… {2}expires 2099-12-31T00:00:00.000Z {2}30\/min {2}Hộ tịch\n {4}grant: population \/ basic \/ 1.001193,1.000894\nAPI key \(shown once, store it now\): ndaf_\S{43}\n$/,
    );

    const again = await clients(["add", "VN:GOV:SO-TP:HOTICH", "--name", "Hộ tịch"]);
    expect(again.code).toBe(2);
    expectOneCleanLine(again.stderr);
    expect(again.stderr).toMatch(/Client VN:GOV:SO-TP:HOTICH is already registered/);

    const unknown = await clients(["grant", "VN:GOV:SO-TP:NOBODY", "--grant", "land/basic/*"]);
    expect(unknown.code).toBe(2);
    expectOneCleanLine(unknown.stderr);
    expect(unknown.stderr).toMatch(/No client VN:GOV:SO-TP:NOBODY is registered/);

    const list = await clients(["list"]);
    expect(list.code).toBe(0);
    expect(list.stdout.match(/^VN:GOV:/gm)).toEqual(["VN:GOV:"]);
  }, 120_000);

  it("says a database failure in one line, without the statement or its parameters, and exits 1", async () => {
    // The gateway database refuses every new client (as a full disk or a constraint would): the INSERT fails.
    const gateway = await openSource({ name: "gateway", dataDir: path.join(dataDir, "gateway") });
    try {
      await gateway.raw(
        `create function gateway.freeze_clients() returns trigger language plpgsql as $$ begin raise exception 'clients are frozen'; end $$`,
      );
      await gateway.raw(
        "create trigger freeze_clients before insert on gateway.clients for each row execute function gateway.freeze_clients()",
      );
    } finally {
      await gateway.close();
    }
    const refused = await clients(["add", "VN:GOV:SO-TP:CHUNGTHUC", "--name", "Chứng thực", "--grant", "population/basic/*"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expectOneCleanLine(refused.stderr);
    expect(refused.stderr).toBe("error: the gateway database refused the statement: clients are frozen\n");

    const unreachable = await clients(["list"], { GATEWAY_DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" });
    expect(unreachable.code).toBe(1);
    expectOneCleanLine(unreachable.stderr);
    expect(unreachable.stderr).toMatch(/^error: the gateway database is unavailable: it cannot be reached \(ECONNREFUSED\)/);
  }, 120_000);
});
