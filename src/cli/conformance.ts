/**
 * `ndaf-gateway conformance`: checks a provincial system's operations, sample data and schema against the national
 * schema and data standards, offline, for its own CI. Exit 0 when conformant, 1 when not, 2 on a usage or input
 * error (said in one line with file and line).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CITIZEN_CLIENT_ID, type Client, type Grant, keylessClient, SYSTEM_CLIENT_ID, validateGrant } from "../modules/access/index.js";
import { formatReport, formatRules, FORMATS, type ReportFormat } from "../modules/conformance/index.js";
import { mayHoldDocuments } from "../modules/conformance/index.js";
import {
  ConformanceInputError,
  type ConformanceInputs,
  type InputFile,
  isCodeFile,
  isOperationsFile,
  isVariablesFile,
  JsonDocument,
} from "../modules/conformance/index.js";
import { checkConformance, type ConformanceEnvironment } from "../modules/conformance/index.js";
import { subgraphComposer } from "../federation/composer.js";
import { ProcedureCatalogue } from "../modules/procedures/index.js";
import { type Language, LANGUAGES, withLanguage } from "../platform/i18n.js";
import { buildGatewaySchema } from "../schema.js";
import { loadGeography, registryFromGeography } from "../seed/geography.js";

export const CONFORMANCE_USAGE = `Usage: ndaf-gateway conformance [options]

Checks a provincial system against the national schema and data standards.

  --operations <path>   GraphQL operations: a .graphql/.gql file or a folder of them (repeatable);
                        .ts/.tsx/.js/.jsx files are read for their graphql() and gql templates
                        (node_modules and dot folders are skipped); <name>.variables.json beside
                        <name>.graphql or <name>.ts holds sample variables
  --data <path>         sample records: a .json file or a folder of them (repeatable)
  --schema <file>       the system's own GraphQL schema (SDL, or an introspection result as .json)
  --subgraph <file>     the system's own Apollo Federation 2 subgraph (SDL): checked that it composes with
                        the national subgraphs (population, land, business, gateway)
  --subgraph-name <name>
                        its name in the composition (default: the file name without its extension)
  --map <own=national>  compare their type with the national one it stands for, e.g. --map CongDan=Citizen
                        (repeatable, or comma-separated)
  --client <id>         also check operations against this client's grants (read from the gateway database)
  --grants <file>       ... or against the grants in this JSON file (a system's CI has no gateway database):
                        {"client": "VN:GOV:…", "grants": [{"sources": ["population"], "classes": ["basic"],
                        "procedures": ["1.001193"]}]}
  --format <format>     text (default), json, junit or markdown
  --output <file>       write the report to a file instead of standard output
  --strict              warnings fail the check too
  --lang <en|vi>        the language of the findings and errors (default: vi when LC_ALL, LC_MESSAGES or
                        LANG starts with "vi", else en)
  --list-rules          print the rules with their basis, and exit
  -h, --help            this text

Exit status: 0 conformant, 1 not conformant, 2 usage or input error.
`;

export class UsageError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The environment whose locale (LC_ALL, LC_MESSAGES, LANG) sets the default language; none: English. */
  env?: Record<string, string | undefined>;
}

/** The language of a locale environment: the first of LC_ALL, LC_MESSAGES and LANG that is set, when it is Vietnamese. */
export function localeLanguage(env: Record<string, string | undefined> = {}): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return locale && /^vi([_.@-]|$)/i.test(locale) ? "vi" : "en";
}

export interface CliDependencies {
  /** The client with this id, or null; the default opens the gateway database as configured. */
  findClient?: (id: string) => Promise<Client | null>;
  environment?: () => Promise<ConformanceEnvironment>;
  today?: string;
}

let environment: Promise<ConformanceEnvironment> | undefined;

/** The national schema, the 2025 map (from seeds/, no database), the procedure catalogue and the subgraph composer. */
export function offlineEnvironment(): Promise<ConformanceEnvironment> {
  environment ??= buildGatewaySchema().then((schema) => ({
    schema,
    adminUnits: registryFromGeography(loadGeography()),
    catalogue: ProcedureCatalogue.load(),
    subgraphComposer,
  }));
  return environment;
}

/** A file named, or a folder's files that `accept` (by name) and then `keep` (by content). */
function listFiles(
  target: string,
  cwd: string,
  accept: (name: string) => boolean,
  keep: (file: InputFile) => boolean = () => true,
): InputFile[] {
  const absolute = path.resolve(cwd, target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new ConformanceInputError(target, "cannot be read: no such file or folder.");
  }
  const files: string[] = [];
  if (stat.isDirectory()) {
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        // An app's folder holds its dependencies' code and tools' caches too; they are not its operations.
        if (entry.isDirectory() && (entry.name === "node_modules" || entry.name.startsWith("."))) continue;
        if (entry.isDirectory()) walk(full);
        else if (accept(entry.name)) files.push(full);
      }
    };
    walk(absolute);
  } else {
    files.push(absolute);
  }
  const read = files.map((file) => {
    const name = path.relative(cwd, file).split(path.sep).join("/") || path.basename(file);
    try {
      return { name, content: fs.readFileSync(file, "utf8") };
    } catch (error) {
      throw new ConformanceInputError(name, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  });
  return stat.isDirectory() ? read.filter(keep) : read;
}

/** One file (not a folder), read: a subgraph is one schema. */
function readOneFile(target: string, cwd: string, option: string): InputFile {
  const files = listFiles(target, cwd, () => true);
  if (fs.statSync(path.resolve(cwd, target)).isDirectory() || files.length !== 1)
    throw new ConformanceInputError(target, `${option} takes one file, not a folder.`);
  return files[0];
}

/**
 * Reads the named files and folders into the check's inputs. Of a folder's code files only those that mention
 * gql or graphql are kept: an app's other modules hold no operations and would only count against the file limit.
 */
export function readInputs(
  options: { operations: string[]; data: string[]; schema?: string; subgraph?: string },
  cwd: string,
): ConformanceInputs {
  const keep = (f: InputFile) => !isCodeFile(f.name) || mayHoldDocuments(f.content);
  return {
    operations: options.operations.flatMap((p) =>
      listFiles(p, cwd, (n) => isOperationsFile(n) || isCodeFile(n) || isVariablesFile(n), keep),
    ),
    samples: options.data.flatMap((p) => listFiles(p, cwd, (n) => /\.json$/i.test(n))),
    schema: options.schema ? listFiles(options.schema, cwd, () => true)[0] : null,
    subgraph: options.subgraph ? readOneFile(options.subgraph, cwd, "--subgraph") : null,
  };
}

/** The client from the gateway database the environment configures (embedded under DATA_DIR, or GATEWAY_DATABASE_URL). */
async function clientFromDatabase(id: string): Promise<Client | null> {
  const { loadConfig } = await import("../platform/config.js");
  const { openSource } = await import("../platform/db/source.js");
  const { lockDataDir } = await import("../platform/db/lock.js");
  const { ClientStore } = await import("../modules/access/index.js");
  const config = loadConfig();
  const gateway = config.sources.gateway;
  if (!gateway.url && gateway.dataDir && !fs.existsSync(gateway.dataDir)) {
    throw new UsageError(
      `--client needs the gateway database: none at ${gateway.dataDir} (start the gateway once, or set GATEWAY_DATABASE_URL).`,
    );
  }
  const release = gateway.url ? () => {} : lockDataDir(config.dataDir);
  try {
    const source = await openSource(gateway);
    try {
      return await new ClientStore(source.db, 0).get(id);
    } finally {
      await source.close();
    }
  } finally {
    release();
  }
}

/** A client described by a grants file: what a provincial system holds, without the gateway database. */
export function readGrantsFile(file: InputFile, clientId?: string): Client {
  const value = JsonDocument.parse(file).value as { client?: unknown; kind?: unknown; personalId?: unknown; grants?: unknown };
  const id = clientId ?? (typeof value?.client === "string" ? value.client : undefined);
  if (!id)
    throw new ConformanceInputError(file.name, 'a grants file names its client ("client": "VN:GOV:<agency>:<system>"), or --client does.');
  const kind = value.kind === "CITIZEN" ? "CITIZEN" : "SYSTEM";
  if (kind === "SYSTEM" && !SYSTEM_CLIENT_ID.test(id))
    throw new ConformanceInputError(file.name, `"${id}" is not a system client id (VN:GOV:<agency code>:<system>).`);
  if (kind === "CITIZEN" && !CITIZEN_CLIENT_ID.test(id))
    throw new ConformanceInputError(file.name, `"${id}" is not a citizen client id (VN:CIT:<personal id>).`);
  if (!Array.isArray(value.grants))
    throw new ConformanceInputError(file.name, '"grants" must be a list of {sources, classes, procedures}.');
  const grants = value.grants.map((g, i) => {
    const grant = g as Grant;
    if (!Array.isArray(grant?.sources) || !Array.isArray(grant?.classes) || !Array.isArray(grant?.procedures)) {
      throw new ConformanceInputError(file.name, `grants[${i}] must have the lists sources, classes and procedures.`);
    }
    try {
      return validateGrant(grant);
    } catch (error) {
      throw new ConformanceInputError(file.name, `grants[${i}]: ${(error as Error).message}`);
    }
  });
  return keylessClient({ id, name: id, kind, personalId: kind === "CITIZEN" ? id.slice("VN:CIT:".length) : null, grants });
}

/** `--map CongDan=Citizen,DiaChi=Address` (and repeated): their type name → the national type. */
export function parseTypeMap(values: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of values.flatMap((v) => v.split(",")).filter((p) => p.trim() !== "")) {
    const match = /^\s*([_A-Za-z][_0-9A-Za-z]*)\s*=\s*([_A-Za-z][_0-9A-Za-z]*)\s*$/.exec(pair);
    if (!match) throw new UsageError(`--map takes <their type>=<national type>, e.g. CongDan=Citizen; got "${pair}".`);
    map[match[1]] = match[2];
  }
  return map;
}

/** Runs the command; returns the exit status. */
export async function runConformance(argv: string[], io: CliIo, deps: CliDependencies = {}): Promise<number> {
  // The language is read before the rest of the arguments, so that even their errors are said in it.
  const langAt = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const asked = langAt < 0 ? undefined : argv[langAt].startsWith("--lang=") ? argv[langAt].slice("--lang=".length) : argv[langAt + 1];
  const lang: Language = asked && (LANGUAGES as readonly string[]).includes(asked) ? (asked as Language) : localeLanguage(io.env);
  return withLanguage(lang, () => conformance(argv, io, deps));
}

async function conformance(argv: string[], io: CliIo, deps: CliDependencies): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          operations: { type: "string", multiple: true, default: [] },
          data: { type: "string", multiple: true, default: [] },
          schema: { type: "string" },
          subgraph: { type: "string" },
          "subgraph-name": { type: "string" },
          map: { type: "string", multiple: true, default: [] },
          client: { type: "string" },
          grants: { type: "string" },
          format: { type: "string", default: "text" },
          output: { type: "string" },
          strict: { type: "boolean", default: false },
          lang: { type: "string" },
          "list-rules": { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
        },
        allowPositionals: false,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const options = parsed.values;
    if (options.help) {
      io.stdout(CONFORMANCE_USAGE);
      return 0;
    }
    if (options.lang !== undefined && !(LANGUAGES as readonly string[]).includes(options.lang))
      throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}; got "${options.lang}".`);
    const format = options.format as ReportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}; got "${options.format}".`);
    if (options["list-rules"]) {
      io.stdout(formatRules(format));
      return 0;
    }
    if (options.operations.length + options.data.length === 0 && !options.schema && !options.subgraph) {
      throw new UsageError("nothing to check: give --operations, --data, --schema or --subgraph (see --help).");
    }
    if (options["subgraph-name"] !== undefined && !options.subgraph) throw new UsageError("--subgraph-name needs --subgraph.");
    const inputs = {
      ...readInputs({ operations: options.operations, data: options.data, schema: options.schema, subgraph: options.subgraph }, io.cwd),
      schemaTypeMap: parseTypeMap(options.map),
      subgraphName: options["subgraph-name"] ?? null,
    };
    let client: Client | null = null;
    if (options.grants) {
      client = readGrantsFile(listFiles(options.grants, io.cwd, () => true)[0], options.client);
    } else if (options.client) {
      client = await (deps.findClient ?? clientFromDatabase)(options.client);
      if (!client) throw new UsageError(`--client ${options.client}: no such client in the gateway database (npm run clients -- list).`);
    }
    const env = await (deps.environment ?? offlineEnvironment)();
    const report = await checkConformance(env, inputs, { client, today: deps.today });
    const text = formatReport(report, format);
    if (options.output) {
      fs.writeFileSync(path.resolve(io.cwd, options.output), text);
      io.stderr(
        `${report.conformant ? "Conformant" : "Not conformant"}: ${report.errors} error(s), ${report.warnings} warning(s); report written to ${options.output}.\n`,
      );
    } else {
      io.stdout(text);
    }
    const failed = !report.conformant || (options.strict && report.warnings > 0);
    return failed ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConformanceInputError) {
      io.stderr(`ndaf-gateway conformance: ${error.message}\n`);
      if (error instanceof UsageError) io.stderr("Run with --help for the options.\n");
      return 2;
    }
    throw error;
  }
}
