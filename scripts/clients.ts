/**
 * `npm run clients -- <command>`: registers the clients (agency systems, citizens) that may call the gateway and
 * what they may read. A new key is printed once and stored only as a hash.
 *
 *   list
 *   add <id> --name <name> [--citizen <personal id>] [--expires <YYYY-MM-DD>] [--rate-limit <per minute>]
 *            [--grant <sources>/<classes>/<procedures>] ...     e.g. --grant population,land/basic/1.001193,1.000894
 *   grant <id> --grant <sources>/<classes>/<procedures>
 *   revoke <id>
 *   rotate-key <id>
 *   remove-demo
 */
import { parseArgs } from "node:util";
import { ClientStore, type Grant } from "../src/access/clients.js";
import type { DataClass, DataSourceName } from "../src/access/directive.js";
import { openSources, type OpenedSources } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { migrateSource } from "../src/db/migrate.js";

function parseGrant(text: string): Grant {
  const parts = text.split("/");
  if (parts.length !== 3) throw new Error(`--grant "${text}" must be <sources>/<classes>/<procedures>, e.g. population/basic,sensitive/1.001193 or land/basic/*`);
  const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
  return { sources: list(parts[0]) as DataSourceName[], classes: list(parts[1]) as DataClass[], procedures: list(parts[2]) };
}

function describe(client: Awaited<ReturnType<ClientStore["list"]>>[number]): string {
  const state = client.revokedAt ? `revoked ${client.revokedAt.toISOString()}` : client.expiresAt ? `expires ${client.expiresAt.toISOString()}` : "active";
  const grants = client.grants.map((g) => `    grant: ${g.sources.join(",")} / ${g.classes.join(",")} / ${g.procedures.join(",")}`);
  return [`${client.id}  ${client.kind}${client.demo ? " DEMO" : ""}  key ${client.keyPrefix}…  ${state}  ${client.name}`, ...grants].join("\n");
}

let opened: OpenedSources | undefined;
try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      citizen: { type: "string" },
      expires: { type: "string" },
      "rate-limit": { type: "string" },
      grant: { type: "string", multiple: true },
    },
  });
  const [command, id] = positionals;
  const needId = () => {
    if (!id) throw new Error(`${command} needs a client id`);
    return id;
  };
  opened = await openSources(loadConfig());
  await migrateSource(opened.sources.gateway);
  const store = new ClientStore(opened.sources.gateway.db, 0);

  switch (command) {
    case "list": {
      const all = await store.list();
      console.log(all.length ? all.map(describe).join("\n") : "No clients registered.");
      break;
    }
    case "add": {
      if (!values.name) throw new Error("add needs --name");
      const expiresAt = values.expires ? new Date(values.expires) : null;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new Error(`--expires "${values.expires}" is not a date`);
      const { client, key } = await store.register({
        id: needId(),
        name: values.name,
        kind: values.citizen ? "CITIZEN" : "SYSTEM",
        personalId: values.citizen ?? null,
        expiresAt,
        rateLimitPerMinute: values["rate-limit"] ? Number(values["rate-limit"]) : null,
        grants: (values.grant ?? []).map(parseGrant),
      });
      console.log(describe(client));
      console.log(`API key (shown once, store it now): ${key}`);
      break;
    }
    case "grant": {
      if (!values.grant?.length) throw new Error("grant needs --grant <sources>/<classes>/<procedures>");
      let client;
      for (const g of values.grant) client = await store.addGrant(needId(), parseGrant(g));
      console.log(describe(client!));
      break;
    }
    case "revoke":
      console.log(describe(await store.revoke(needId())));
      break;
    case "rotate-key":
      console.log(`New API key for ${needId()} (shown once; the old key no longer works): ${await store.rotateKey(needId())}`);
      break;
    case "remove-demo":
      await store.removeDemoClients();
      console.log("Demo clients removed.");
      break;
    default:
      throw new Error(`Unknown command "${command ?? ""}". Commands: list, add, grant, revoke, rotate-key, remove-demo.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
} finally {
  await opened?.close();
}
