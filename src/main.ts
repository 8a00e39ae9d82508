/**
 * `npm start`: migrate, seed an empty installation, serve. With GATEWAY_WORKERS above 1, this process becomes the
 * primary of a node:cluster (src/cluster.ts) and each worker it forks runs this file again as one replica.
 */
import cluster from "node:cluster";
import { loadConfig, multiProcessProblem, SOURCE_NAMES } from "./platform/config.js";
import { prepareDataDirs } from "./platform/db/template.js";
import { logger } from "./platform/logger.js";

const config = loadConfig();
if (cluster.isPrimary && config.workers > 1) {
  const problem = multiProcessProblem(config);
  if (problem) {
    logger.fatal({ error: problem }, "NDAF Gateway could not start");
    process.exit(1);
  }
  if (!config.redis.url) {
    logger.warn(
      { workers: config.workers },
      "REDIS_URL is not set: each worker counts rate limits on its own, so a client may get up to GATEWAY_WORKERS times its limit",
    );
  }
  const { superviseWorkers } = await import("./cluster.js");
  superviseWorkers(config.workers);
} else await serve();

async function serve(): Promise<void> {
  const started = performance.now();
  // On a first start, writing the embedded databases is the long step: it begins here, on libuv's and a worker's
  // threads, while the rest of the gateway (imported below, not statically) loads.
  prepareDataDirs(
    SOURCE_NAMES.map((name) => config.sources[name]).flatMap((source) => (!source.url && source.dataDir ? [source.dataDir] : [])),
  );
  // Said first, so an operator sees at once which guards are on (anything but development or test is production).
  logger.info(
    { environment: config.environment, nodeEnv: process.env.NODE_ENV ?? null, introspection: config.access.introspection },
    config.environment === "production"
      ? "NDAF Gateway starting in production: no demo clients, introspection off unless GATEWAY_INTROSPECTION"
      : `NDAF Gateway starting in ${config.environment}: demo clients with published keys are registered; never expose this instance`,
  );
  const { createApp } = await import("./app.js");
  const { createServer } = await import("./http/server.js");
  const app = await createApp(config, {
    seedIfEmpty: config.defaultSeedCitizens,
    log: (m) => logger.info({ sinceProcessStartMs: Math.round(performance.now()) }, m),
  }).catch((error: Error) => {
    // A start-up failure (busy data folder, unreachable database, failed migration) is said in one line, no stack.
    logger.fatal({ error: error.message }, "NDAF Gateway could not start");
    process.exit(1);
  });
  const server = await createServer(app);
  const port = await server.listen(config.port);
  logger.info(
    {
      port,
      environment: config.environment,
      sources: Object.fromEntries(Object.values(app.sources).map((s) => [s.name, s.driver])),
      startupMs: Math.round(performance.now() - started),
      sinceProcessStartMs: Math.round(performance.now()),
    },
    `NDAF Gateway ready: IDE at http://localhost:${port}/ , GraphQL at http://localhost:${port}/graphql`,
  );

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      setTimeout(() => {
        logger.error("shutdown took longer than 10 s; exiting anyway");
        process.exit(1);
      }, 10_000).unref();
      server
        .close()
        .then(() => logger.info("requests in flight finished; closing the sources"))
        .then(() => app.close())
        .then(() => {
          logger.info("stopped");
          process.exit(0);
        })
        .catch((error) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        });
    });
  }
}
