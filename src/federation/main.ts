/**
 * `npm run subgraph -- <population|land|business|gateway>` and `npm run router`: one source, or the router, on PORT.
 * Both need Postgres (the *_DATABASE_URL variables: several processes share the gateway database) and the platform's
 * signing secret FEDERATION_HMAC_SECRET (a source's subgraph may hold only its own, FEDERATION_SUBGRAPH_SECRET, which
 * `npm run subgraph -- <name> --print-secret` prints); the router and the gateway subgraph need the subgraphs' URLs
 * (POPULATION_SUBGRAPH_URL, LAND_SUBGRAPH_URL, BUSINESS_SUBGRAPH_URL, GATEWAY_SUBGRAPH_URL). See docs/federation.md.
 */
import { loadConfig } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import { isSubgraphName, SUBGRAPH_NAMES } from "./ownership.js";

const [command, name] = process.argv.slice(2);

function fail(message: string): never {
  logger.fatal({ error: message }, "NDAF federation could not start");
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { federationSecret, startSubgraph, subgraphSecrets, subgraphUrls } = await import("./subgraph-server.js");
  const log = (message: string) => logger.info({ sinceProcessStartMs: Math.round(performance.now()) }, message);
  let service: { listen(port: number): Promise<number>; close(): Promise<void> };
  let what: string;
  if (command === "subgraph") {
    if (!name || !isSubgraphName(name)) fail(`Name the subgraph: npm run subgraph -- <${SUBGRAPH_NAMES.join("|")}>.`);
    if (process.argv.includes("--print-secret")) {
      // For the platform's operator: the secret to give the ministry that runs this subgraph, and nothing else.
      const { subgraphSecret } = await import("./identity.js");
      process.stdout.write(`${subgraphSecret(federationSecret(), name)}\n`);
      process.exit(0);
    }
    service = await startSubgraph({
      name,
      config,
      ...subgraphSecrets(name),
      sourceUrls: name === "gateway" ? subgraphUrls(["population", "land", "business"]) : undefined,
      log,
    });
    what = `the ${name} subgraph`;
  } else if (command === "router") {
    const { startRouter } = await import("./router.js");
    service = await startRouter({ config, secret: federationSecret(), urls: subgraphUrls(SUBGRAPH_NAMES), log });
    what = "the router";
  } else fail("Usage: npm run subgraph -- <name> | npm run router.");
  const port = await service.listen(config.port);
  logger.info(
    { port, sinceProcessStartMs: Math.round(performance.now()) },
    `NDAF Gateway: ${what} ready at http://localhost:${port}/graphql`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(1), 10_000).unref();
      service.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: Error) => fail(error.message));
