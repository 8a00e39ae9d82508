/**
 * `npm run clients -- <command>`: registers the clients (agency systems, citizens) that may call the gateway and
 * what they may read. A new key is printed once and stored only as a hash.
 *
 *   list
 *   add <id> --name <name> [--citizen <personal id>] [--expires <YYYY-MM-DD>] [--rate-limit <per minute>]
 *            [--grant <sources>/<classes>/<procedures>] ...     e.g. --grant population,land/basic/1.001193,1.000894
 *            [--trusted-documents-only]
 *   update <id> --trusted-documents-only | --no-trusted-documents-only
 *   grant <id> --grant <sources>/<classes>/<procedures>
 *   roles <id> [--role owner:<source> | oversight] ...
 *   revoke <id>
 *   rotate-key <id>
 *   remove-demo
 *
 * The whole command line is checked (ids, dates, limits, grants against the procedure catalogue) before the database
 * is opened: a mistake is one `error: …` line and exit 2; a database failure one line and exit 1.
 */
import { ClientStore } from "../src/modules/access/clients.js";
import { loadConfig } from "../src/platform/config.js";
import { lockDataDir } from "../src/platform/db/lock.js";
import { migrateSource } from "../src/platform/db/migrate.js";
import { openSource, type Source } from "../src/platform/db/source.js";
import { ProcedureCatalogue } from "../src/modules/procedures/catalogue.js";
import { type ClientCommand, CLIENTS_USAGE, describeFailure, parseClientCommand, UsageError } from "./lib/client-command.js";

function describe(client: Awaited<ReturnType<ClientStore["list"]>>[number]): string {
  const state = client.revokedAt
    ? `revoked ${client.revokedAt.toISOString()}`
    : client.expiresAt
      ? `expires ${client.expiresAt.toISOString()}`
      : "active";
  const limit = client.rateLimitPerMinute ? `  ${client.rateLimitPerMinute}/min` : "";
  const documents = client.trustedDocumentsOnly ? "  trusted documents only" : "";
  const roles = client.roles.length ? `  roles ${client.roles.join(",")}` : "";
  const grants = client.grants.map((g) => `    grant: ${g.sources.join(",")} / ${g.classes.join(",")} / ${g.procedures.join(",")}`);
  return [
    `${client.id}  ${client.kind}${client.demo ? " DEMO" : ""}  key ${client.keyPrefix}…  ${state}${limit}${documents}${roles}  ${client.name}`,
    ...grants,
  ].join("\n");
}

async function run(command: Exclude<ClientCommand, { command: "help" }>, store: ClientStore): Promise<void> {
  switch (command.command) {
    case "list": {
      const all = await store.list();
      console.log(all.length ? all.map(describe).join("\n") : "No clients registered.");
      return;
    }
    case "add": {
      const { client, key } = await store.register(command.client);
      console.log(describe(client));
      console.log(`API key (shown once, store it now): ${key}`);
      return;
    }
    case "update":
      console.log(describe(await store.setTrustedDocumentsOnly(command.id, command.trustedDocumentsOnly)));
      return;
    case "grant": {
      let client;
      for (const grant of command.grants) client = await store.addGrant(command.id, grant);
      console.log(describe(client!));
      return;
    }
    case "roles":
      console.log(describe(await store.setRoles(command.id, command.roles)));
      return;
    case "revoke":
      console.log(describe(await store.revoke(command.id)));
      return;
    case "rotate-key":
      console.log(`New API key for ${command.id} (shown once; the old key no longer works): ${await store.rotateKey(command.id)}`);
      return;
    case "remove-demo":
      await store.removeDemoClients();
      console.log("Demo clients removed.");
      return;
  }
}

let command: ClientCommand;
try {
  command = parseClientCommand(process.argv.slice(2), ProcedureCatalogue.load().byCode);
} catch (error) {
  // A wrong command line, or (exit 1) a catalogue that cannot be read.
  console.error(`error: ${error instanceof UsageError ? error.message : describeFailure(error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
if (command.command === "help") {
  console.log(CLIENTS_USAGE);
  process.exit(0);
}

// Only the gateway's own database, under the data-folder lock when it is embedded (a running gateway holds it).
let release = () => {};
let gateway: Source | undefined;
try {
  const config = loadConfig();
  if (!config.sources.gateway.url) release = lockDataDir(config.dataDir);
  gateway = await openSource(config.sources.gateway);
  await migrateSource(gateway);
  await run(command, new ClientStore(gateway.db, 0));
} catch (error) {
  const { message, usage } = describeFailure(error);
  console.error(`error: ${message}`);
  process.exitCode = usage ? 2 : 1;
} finally {
  await gateway?.close().catch(() => {});
  release();
}
