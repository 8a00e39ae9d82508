/**
 * `ndaf-gateway documents publish <folder> [--client <id>]`: a client system's operations become trusted documents.
 * They are checked first with the conformance rules (a finding of severity error refuses the whole set, exit 1);
 * then each operation is stored, with the fragments it uses, in the gateway database and its id printed. With the
 * embedded databases the gateway must be stopped (one process per data folder); on Postgres it may run.
 */
import { parseArgs } from "node:util";
import { CITIZEN_CLIENT_ID, type Client, SYSTEM_CLIENT_ID } from "../modules/access/index.js";
import { formatReport } from "../modules/conformance/index.js";
import { ConformanceInputError, isOperationsFile } from "../modules/conformance/index.js";
import type { Report } from "../modules/conformance/index.js";
import { checkConformance, type ConformanceEnvironment } from "../modules/conformance/index.js";
import { documentsOf, type Published } from "../modules/documents/index.js";
import { type CliIo, offlineEnvironment, readInputs, UsageError } from "./conformance.js";

export const DOCUMENTS_USAGE = `Usage: ndaf-gateway documents publish <folder or file> ... [--client <id>] [--format text|json]

Publishes a system's GraphQL operations as trusted documents: checks them with the conformance rules, stores each
operation (with the fragments it uses) in the gateway database and prints its id, sha256:<hex>. The system then
sends {"documentId": "<id>", "variables": {…}} instead of the query text.

  <folder or file>  .graphql/.gql operations (folders are read recursively; <name>.variables.json beside a
                    document holds sample variables for the check); fragments may sit in other files
  --client <id>     only this client may run the documents, and they are checked against its grants;
                    without it, every client may
  --format <format> text (default): one line per document, "<id>  <operation>  <file>  <outcome>";
                    json: {"client", "documents": [{"id", "operationName", "operationType", "file", "outcome"}]}
  -h, --help        this text

Publishing the same operation again prints the same id. The gateway database is the one the environment names
(DATA_DIR, or GATEWAY_DATABASE_URL); with the embedded databases the gateway must be stopped.

Exit status: 0 published, 1 not conformant (nothing published) or the database failed, 2 usage or input error.
`;

export interface DocumentsDependencies {
  environment?: () => Promise<ConformanceEnvironment>;
  /** Runs `work` with the gateway database open (the default opens the configured one, migrated, under its lock). */
  withDatabase?: <T>(work: (db: GatewayDatabase) => Promise<T>) => Promise<T>;
}

export interface GatewayDatabase {
  findClient(id: string): Promise<Client | null>;
  publish(documents: ReturnType<typeof documentsOf>, clientId: string | null): Promise<Published[]>;
}

/** The gateway database the environment configures: embedded under DATA_DIR (under the data-folder lock), or Postgres. */
async function withGatewayDatabase<T>(work: (db: GatewayDatabase) => Promise<T>): Promise<T> {
  const { loadConfig } = await import("../platform/config.js");
  const { lockDataDir } = await import("../platform/db/lock.js");
  const { openSource } = await import("../platform/db/source.js");
  const { migrateSource } = await import("../platform/db/migrate.js");
  const { ClientStore } = await import("../modules/access/index.js");
  const { DocumentStore } = await import("../modules/documents/index.js");
  const config = loadConfig();
  const release = config.sources.gateway.url ? () => {} : lockDataDir(config.dataDir);
  try {
    const source = await openSource(config.sources.gateway);
    try {
      await migrateSource(source);
      const clients = new ClientStore(source.db, 0);
      const documents = new DocumentStore(source.db);
      return await work({ findClient: (id) => clients.get(id), publish: (d, clientId) => documents.publish(d, clientId) });
    } finally {
      await source.close();
    }
  } finally {
    release();
  }
}

function refuse(io: CliIo, report: Report): number {
  io.stderr(formatReport(report, "text"));
  io.stderr(
    `Nothing published: the operations are not conformant (${report.errors} error(s)). Fix the findings above and publish again.\n`,
  );
  return 1;
}

/** One line, without a stack or a statement: what an operator can act on. */
function failureLine(error: unknown): string {
  const e = error as { message?: unknown; cause?: { message?: unknown } };
  const first = (text: unknown) =>
    String(text ?? "")
      .split("\n")[0]
      .trim();
  const message = first(e?.message);
  if (/^Failed query:/.test(message))
    return `the gateway database refused the statement${e.cause?.message ? `: ${first(e.cause.message)}` : ""}`;
  return message || String(error);
}

/** Runs the command; returns the exit status. */
export async function runDocuments(argv: string[], io: CliIo, deps: DocumentsDependencies = {}): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          client: { type: "string" },
          format: { type: "string", default: "text" },
          help: { type: "boolean", short: "h", default: false },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(DOCUMENTS_USAGE);
      return 0;
    }
    const [subcommand, ...paths] = positionals;
    if (subcommand !== "publish")
      throw new UsageError(
        subcommand
          ? `unknown subcommand "${subcommand}"; the subcommand is publish.`
          : "no subcommand given: ndaf-gateway documents publish <folder>.",
      );
    if (paths.length === 0) throw new UsageError("publish needs a folder or file of .graphql operations.");
    if (values.format !== "text" && values.format !== "json")
      throw new UsageError(`--format must be text or json; got "${values.format}".`);
    const clientId = values.client;
    if (clientId !== undefined && !SYSTEM_CLIENT_ID.test(clientId) && !CITIZEN_CLIENT_ID.test(clientId)) {
      throw new UsageError(`--client "${clientId}" is not a client id: VN:GOV:<agency code>:<system> or VN:CIT:<12-digit personal id>.`);
    }

    const inputs = { ...readInputs({ operations: paths, data: [] }, io.cwd), samples: [], schema: null };
    const operationFiles = inputs.operations.filter((f) => isOperationsFile(f.name));
    if (operationFiles.length === 0) throw new UsageError(`no .graphql or .gql operations in ${paths.join(", ")}.`);
    const env = await (deps.environment ?? offlineEnvironment)();
    const check = (client: Client | null) => checkConformance(env, inputs, { client });

    // Without a client the check needs no database: a refused set leaves it untouched (and the gateway may run).
    const report = clientId === undefined ? await check(null) : null;
    if (report && !report.conformant) return refuse(io, report);

    type Outcome = { refused: Report } | { checked: Report; published: Published[] };
    const outcome = await (deps.withDatabase ?? withGatewayDatabase)(async (db): Promise<Outcome> => {
      let checked = report;
      if (clientId !== undefined) {
        const client = await db.findClient(clientId);
        if (!client) throw new UsageError(`--client ${clientId}: no such client in the gateway database (npm run clients -- list).`);
        checked = await check(client);
        if (!checked.conformant) return { refused: checked };
      }
      return { checked: checked!, published: await db.publish(documentsOf(operationFiles), clientId ?? null) };
    });
    if ("refused" in outcome) return refuse(io, outcome.refused);

    if (outcome.checked.warnings > 0) io.stderr(formatReport(outcome.checked, "text"));
    const { published } = outcome;
    if (values.format === "json") {
      const documents = published.map(({ document: d, outcome }) => ({
        id: d.id,
        operationName: d.operationName,
        operationType: d.operationType,
        file: d.file,
        outcome,
      }));
      io.stdout(`${JSON.stringify({ client: clientId ?? null, documents }, null, 2)}\n`);
    } else {
      for (const { document: d, outcome } of published) io.stdout(`${d.id}  ${d.operationName ?? "(anonymous)"}  ${d.file}  ${outcome}\n`);
    }
    const count = (o: string) => published.filter((p) => p.outcome === o).length;
    io.stderr(
      `${published.length} trusted document(s) for ${clientId ? `client ${clientId}` : "every client"}: ${count("published")} published, ${count("bound")} made available, ${count("unchanged")} already there.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConformanceInputError) {
      io.stderr(`ndaf-gateway documents: ${error.message}\n`);
      if (error instanceof UsageError) io.stderr("Run with --help for the options.\n");
      return 2;
    }
    io.stderr(`ndaf-gateway documents: ${failureLine(error)}\n`);
    return 1;
  }
}
