/**
 * `npm run pack:check [-- --keep]`: the package as a provincial CI gets it, outside the repository. Packs it
 * (`npm pack`), installs the tarball into an empty folder (dependencies from npm's cache or the registry), copies a
 * small provincial system there (the conformant fixture, and one record with a wrong personal id), and runs
 * `npx ndaf-gateway conformance --help`, then real checks: exit 0 for the conformant system, 1 for the other.
 *
 * Needs the npm registry (or a warm npm cache) and takes a minute: not part of `npm test`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURE = path.join(ROOT, "test", "conformance", "fixtures", "conformant");
const keep = process.argv.includes("--keep");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function step(title: string): () => void {
  const started = performance.now();
  process.stdout.write(`${title} ... `);
  return () => process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The environment of a CI job outside the repository: none of npm run's variables pointing back here. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_(package|lifecycle|config_(prefix|local_prefix|global))/i.test(key) && key !== "INIT_CWD") env[key] = value;
  }
  return env;
}

function run(command: string, args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: "utf8", timeout: 180_000 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function expect(condition: boolean, message: string, output?: { stdout: string; stderr: string }): void {
  if (condition) return;
  console.error(`\npack:check failed: ${message}`);
  if (output) console.error(`--- stdout\n${output.stdout.slice(-3000)}\n--- stderr\n${output.stderr.slice(-3000)}`);
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-pack-check-"));
try {
  let done = step("npm pack");
  const packed = JSON.parse(
    execFileSync(npm, ["pack", "--json", "--pack-destination", work], { cwd: ROOT, env: cleanEnv(), encoding: "utf8" }),
  ) as {
    filename: string;
    size: number;
    entryCount: number;
    files: { path: string }[];
  }[];
  done();
  const tarball = path.join(work, packed[0].filename);
  const paths = packed[0].files.map((f) => f.path);
  for (const needed of ["bin/ndaf-gateway.js", "src/cli/main.ts", "schema.graphql", "tsconfig.json", "seeds/procedures/catalogue.json"]) {
    expect(paths.includes(needed), `the tarball lacks ${needed}`);
  }
  expect(
    !paths.some((p) => p.startsWith("test/") || p.startsWith(".data/") || p.startsWith("node_modules/")),
    "the tarball holds tests, data or node_modules",
  );
  console.log(`  ${packed[0].filename}: ${(packed[0].size / 1024).toFixed(0)} KB, ${packed[0].entryCount} files`);

  // An empty project, as a provincial system's CI has: the tarball installed like any dependency.
  const project = path.join(work, "provincial-system");
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, "package.json"),
    `${JSON.stringify({ name: "provincial-system", version: "1.0.0", private: true }, null, 2)}\n`,
  );
  done = step("npm install <tarball> in an empty folder");
  const install = run(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball], project);
  done();
  expect(install.status === 0, `npm install exited ${install.status}`, install);

  const help = run(npx, ["--no-install", "ndaf-gateway", "conformance", "--help"], project);
  expect(
    help.status === 0 && help.stdout.includes("Usage: ndaf-gateway conformance"),
    "`npx ndaf-gateway conformance --help` did not print its usage",
    help,
  );
  console.log("  npx ndaf-gateway conformance --help: usage printed, exit 0");

  // The provincial system's own files, in its own folder.
  fs.cpSync(FIXTURE, path.join(project, "conformant"), { recursive: true });
  done = step("npx ndaf-gateway conformance on a conformant system");
  const check = run(
    npx,
    [
      "--no-install",
      "ndaf-gateway",
      "conformance",
      "--operations",
      "conformant/operations",
      "--data",
      "conformant/samples",
      "--schema",
      "conformant/schema.graphql",
    ],
    project,
  );
  done();
  expect(
    check.status === 0 && /CONFORMANT: 0 errors/.test(check.stdout),
    `the conformant system was not found conformant (exit ${check.status})`,
    check,
  );

  fs.mkdirSync(path.join(project, "broken"));
  fs.writeFileSync(
    path.join(project, "broken", "citizens.json"),
    JSON.stringify({
      citizens: [
        {
          personalId: "12345",
          fullName: "Trần Minh Khoa",
          dateOfBirth: "1990-03-14",
          sex: "MALE",
          permanentResidence: { communeCode: "00004" },
        },
      ],
    }),
  );
  done = step("npx ndaf-gateway conformance --format json on a record with a malformed personal id");
  const broken = run(npx, ["--no-install", "ndaf-gateway", "conformance", "--data", "broken", "--format", "json"], project);
  done();
  const report = (() => {
    try {
      return JSON.parse(broken.stdout) as { conformant?: boolean; findings?: { rule: string }[] };
    } catch {
      return {};
    }
  })();
  expect(
    broken.status === 1 && report.conformant === false && !!report.findings?.some((f) => f.rule === "DATA_PERSONAL_ID"),
    `expected exit 1 with DATA_PERSONAL_ID (exit ${broken.status})`,
    broken,
  );
  console.log("pack:check passed: the packed CLI installs and checks outside the repository.");
} finally {
  if (keep) console.log(`kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
