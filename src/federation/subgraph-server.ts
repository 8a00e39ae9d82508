/**
 * One source as its own GraphQL service, as a ministry runs it: `npm run subgraph -- population`. It opens its own
 * database and the coordination platform's (the gateway database: the administrative map, the id and cursor key, and
 * the audit trail it writes its reads into), serves its cut of the unified schema (./subgraph-schema.ts) through the
 * same Apollo setup as the all-in-one gateway — the same access checks on its own fields, the same audit rows,
 * written before its answer leaves — and answers only requests the router signed (./identity.ts).
 *
 * The `gateway` subgraph (the platform's own services) opens only the gateway database: dossier rules and `node(id)`
 * read the sources through their subgraphs' readers (./readers.ts), never their databases.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { ApolloServer } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { loadSecret } from "../app.js";
import type { GatewayContext } from "../context.js";
import { createApollo } from "../http/apollo.js";
import { readBody } from "../http/body.js";
import { mergeVary } from "../http/cors.js";
import { answerHeaders, sendGatewayError, sendJson } from "../http/errors.js";
import { closeGracefully, listenOn } from "../http/listen.js";
import { AccessLogStore, AuditSealer, ConsentStore, RequestAccess, resolveSigningKey } from "../modules/access/index.js";
import { AdminUnitRegistry } from "../modules/admin-units/index.js";
import { createBusinessSlice } from "../modules/business/index.js";
import { createMonitoringSlice } from "../modules/monitoring/index.js";
import { ConformancePool } from "../modules/conformance/index.js";
import { createLandSlice } from "../modules/land/index.js";
import { createPopulationSlice } from "../modules/population/index.js";
import { DossierStore, ProcedureCatalogue } from "../modules/procedures/index.js";
import { type GatewayConfig, URL_VARIABLES } from "../platform/config.js";
import { migrateSource } from "../platform/db/migrate.js";
import { openSource, type Source } from "../platform/db/source.js";
import { GatewayError } from "../platform/errors.js";
import { CONTENT_LANGUAGE, negotiateLanguage, say, withLanguage } from "../platform/i18n.js";
import { logger } from "../platform/logger.js";
import { NodeIdCodec } from "../shared/node-id.js";
import { CursorCodec } from "../shared/pagination.js";
import { NonceGuard, subgraphSecret, verifySignedRequest } from "./identity.js";
import { FEDERATION_MESSAGES } from "./messages.js";
import type { SourceSubgraph, SubgraphName } from "./ownership.js";
import { answerReaderCall, encodeRows, READER_PATH, type Readers, remoteReaders } from "./readers.js";
import { buildSubgraph } from "./subgraph-schema.js";

export const SUBGRAPH_GRAPHQL_PATH = "/graphql";

/** The variables the subgraphs and the router read, beside the databases' URLs. */
export const FEDERATION_VARIABLES = {
  secret: "FEDERATION_HMAC_SECRET",
  subgraphSecret: "FEDERATION_SUBGRAPH_SECRET",
  urls: {
    population: "POPULATION_SUBGRAPH_URL",
    land: "LAND_SUBGRAPH_URL",
    business: "BUSINESS_SUBGRAPH_URL",
    gateway: "GATEWAY_SUBGRAPH_URL",
  },
} as const satisfies { secret: string; subgraphSecret: string; urls: Record<SubgraphName, string> };

/** The platform's signing secret: at least 32 characters, so it cannot be guessed. */
export function federationSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env[FEDERATION_VARIABLES.secret];
  if (!secret || secret.length < 32) {
    throw new Error(
      `${FEDERATION_VARIABLES.secret} must be set to the platform's secret the router signs subgraph requests with (at least 32 characters; e.g. \`openssl rand -hex 32\`).`,
    );
  }
  return secret;
}

/**
 * What a subgraph verifies with: its own secret (FEDERATION_SUBGRAPH_SECRET, as a ministry is given it), else the
 * one derived from the platform's (FEDERATION_HMAC_SECRET). The gateway subgraph needs the platform's: it signs its
 * reader calls to every source.
 */
export function subgraphSecrets(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): { secret?: string; ownSecret?: string } {
  const own = env[FEDERATION_VARIABLES.subgraphSecret];
  if (own && name !== "gateway") {
    if (own.length < 32) throw new Error(`${FEDERATION_VARIABLES.subgraphSecret} is shorter than 32 characters.`);
    return { ownSecret: own };
  }
  return { secret: federationSecret(env) };
}

/** The URL of each subgraph, from the environment; a missing one is a one-line start-up failure. */
export function subgraphUrls<N extends SubgraphName>(names: readonly N[], env: NodeJS.ProcessEnv = process.env): Record<N, string> {
  return Object.fromEntries(
    names.map((name) => {
      const variable = FEDERATION_VARIABLES.urls[name];
      const value = env[variable];
      if (!value) throw new Error(`${variable} is not set: the URL of the ${name} subgraph (e.g. http://localhost:4001/graphql).`);
      try {
        new URL(value);
      } catch {
        throw new Error(`${variable} is not a URL: ${JSON.stringify(value)}.`);
      }
      return [name, value];
    }),
  ) as Record<N, string>;
}

export interface SubgraphOptions {
  name: SubgraphName;
  config: GatewayConfig;
  /** The platform's secret, from which this subgraph's own is derived (required for the gateway subgraph). */
  secret?: string;
  /** This subgraph's own secret, as a ministry is given it (subgraphSecret of the platform's). */
  ownSecret?: string;
  /** For the gateway subgraph: where the sources' subgraphs are (their readers are at /reader beside /graphql). */
  sourceUrls?: Record<SourceSubgraph, string>;
  log?: (message: string) => void;
}

export interface SubgraphService {
  name: SubgraphName;
  http: http.Server;
  apollo: ApolloServer<GatewayContext>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** A slice this subgraph does not hold: its fields are another subgraph's, so reaching it is a planning bug. */
function notHere<T extends object>(subgraph: SubgraphName, source: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      if (typeof property === "symbol" || property === "then") return undefined;
      throw new Error(
        `The ${subgraph} subgraph does not hold the ${source} source (${String(property)}); its fields are the ${source} subgraph's.`,
      );
    },
  });
}

/** The databases a subgraph opens: its own and the coordination platform's. Postgres only: several processes share them. */
function databasesOf(name: SubgraphName): ("population" | "land" | "business" | "gateway")[] {
  return name === "gateway" ? ["gateway"] : [name, "gateway"];
}

export async function startSubgraph(options: SubgraphOptions): Promise<SubgraphService> {
  const { name, config } = options;
  const platformSecret = options.secret;
  const verifyWith = options.ownSecret ?? (platformSecret ? subgraphSecret(platformSecret, name) : undefined);
  if (!verifyWith) throw new Error("A subgraph needs its own secret or the platform's to verify the router's signature.");
  if (name === "gateway" && !platformSecret)
    throw new Error("The gateway subgraph needs the platform's secret: it signs its reader calls.");
  const log = options.log ?? (() => {});
  const needed = databasesOf(name);
  for (const source of needed) {
    if (!config.sources[source].url) {
      throw new Error(
        `The ${name} subgraph needs ${URL_VARIABLES[source]} (Postgres): the embedded database is one process's, and the subgraphs and the router are several.`,
      );
    }
  }
  if (name === "gateway" && !options.sourceUrls) throw new Error("The gateway subgraph needs the sources' subgraph URLs for its readers.");
  log(`Connecting to ${needed.join(", ")} on Postgres`);
  const opened: Source[] = [];
  const closeSources = () => Promise.allSettled(opened.map((s) => s.close()));
  try {
    for (const source of needed) opened.push(await openSource(config.sources[source]));
    for (const source of opened) await source.exclusively("migrate", () => migrateSource(source));
  } catch (error) {
    await closeSources();
    throw error;
  }
  const sources = Object.fromEntries(opened.map((s) => [s.name, s])) as Partial<
    Record<"population" | "land" | "business" | "gateway", Source>
  >;
  const gateway = sources.gateway!;
  const adminUnits = await AdminUnitRegistry.load(gateway);
  const key = await loadSecret(gateway);
  const cursors = new CursorCodec(key);
  const nodeIds = new NodeIdCodec(key);
  const procedures = ProcedureCatalogue.load();
  const dossiers = new DossierStore(gateway.db);
  // Every subgraph checks an organisation client's reads against the consents, which the gateway database holds.
  const consents = new ConsentStore(gateway.db);
  // The platform's own services are the gateway subgraph's: it reads the audit trail (Query.accessLog) and seals
  // it, as the all-in-one gateway does; the sources' subgraphs only append their reads to it.
  const platform =
    name === "gateway"
      ? (() => {
          const signing = resolveSigningKey(config.audit);
          const sealer = new AuditSealer(gateway, signing.key, config.audit.checkpointIntervalMs);
          sealer.start();
          return {
            sealer,
            accessLog: new AccessLogStore(gateway.db, signing.key),
            conformance: new ConformancePool({
              ...config.conformance,
              adminUnits,
              catalogue: procedures,
              production: config.environment === "production",
            }),
          };
        })()
      : null;
  log(`Building the ${name} subgraph's schema`);
  const { schema } = await buildSubgraph(name);
  // Inline tracing is Apollo's usage reporting to GraphOS, which this router does not read.
  const apollo = createApollo({ schema, config, sources: { gateway } }, [ApolloServerPluginInlineTraceDisabled()]);
  await apollo.start();

  const contextFor = (requestId: string, access: RequestAccess): GatewayContext => {
    const remote: Readers | null =
      name === "gateway"
        ? remoteReaders({
            urls: options.sourceUrls!,
            platformSecret: platformSecret!,
            identity: () => ({
              client: access.client && {
                id: access.client.id,
                name: access.client.name,
                kind: access.client.kind,
                personalId: access.client.personalId,
                grants: access.client.grants,
                roles: access.client.roles,
              },
              purpose: access.purpose,
              requestId,
            }),
          })
        : null;
    return {
      request: { id: requestId, log: {} },
      access,
      adminUnits,
      population: sources.population
        ? createPopulationSlice(sources.population, adminUnits, cursors)
        : remote
          ? ({ reader: remote.population } as GatewayContext["population"])
          : notHere(name, "population"),
      land: sources.land
        ? createLandSlice(sources.land, adminUnits, cursors)
        : remote
          ? ({ reader: remote.land } as GatewayContext["land"])
          : notHere(name, "land"),
      business: sources.business
        ? createBusinessSlice(sources.business, adminUnits, cursors)
        : remote
          ? ({ reader: remote.business } as GatewayContext["business"])
          : notHere(name, "business"),
      gateway: {
        procedures,
        dossiers,
        accessLog: platform?.accessLog ?? notHere<AccessLogStore>(name, "access log"),
        consents,
        cursors,
        nodeIds,
        conformance: platform?.conformance ?? notHere<ConformancePool>(name, "conformance pool"),
      },
      // Read where they are written: the gateway database, which every subgraph opens.
      monitoring: createMonitoringSlice(gateway.db),
    };
  };

  const nonces = new NonceGuard();
  let shuttingDown = false;
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://subgraph");
    if (req.method === "GET" && (url.pathname === "/health" || url.pathname === "/health/live")) {
      return sendJson(res, 200, { status: "LIVE", subgraph: name });
    }
    if (req.method === "GET" && url.pathname === "/health/ready") {
      const states = await Promise.all(
        opened.map(
          async (s) =>
            [
              s.name,
              await s.db.execute(sql`select 1`).then(
                () => "UP",
                () => "DOWN",
              ),
            ] as const,
        ),
      );
      const ready = !shuttingDown && states.every(([, state]) => state === "UP");
      return sendJson(res, ready ? 200 : 503, {
        status: ready ? "READY" : "NOT_READY",
        subgraph: name,
        sources: Object.fromEntries(states),
      });
    }
    const isReader = url.pathname === READER_PATH && name !== "gateway";
    if (req.method !== "POST" || (url.pathname !== SUBGRAPH_GRAPHQL_PATH && !isReader)) {
      return sendJson(res, 404, {
        errors: [
          {
            message: say(FEDERATION_MESSAGES.subgraphNotFound, { name, path: SUBGRAPH_GRAPHQL_PATH }),
            extensions: { code: "NOT_FOUND" },
          },
        ],
      });
    }
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      if (typeof raw !== "string") throw new Error();
      body = JSON.parse(raw) as Record<string, unknown>;
      if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error();
    } catch {
      return sendGatewayError(res, new GatewayError("BAD_REQUEST", say(FEDERATION_MESSAGES.subgraphBadBody)), null);
    }
    let identity;
    try {
      identity = verifySignedRequest(verifyWith, body, { audience: name, nonces });
    } catch (error) {
      if (error instanceof GatewayError) return sendGatewayError(res, error, null);
      throw error;
    }
    if (isReader) {
      const slice = contextFor(identity.requestId, new RequestAccess(identity.client, identity.purpose))[name as SourceSubgraph];
      try {
        const results = await answerReaderCall(
          slice.reader as unknown as Record<string, (key: string) => Promise<unknown>>,
          name as SourceSubgraph,
          {
            query: body.query as string,
            variables: body.variables,
          },
        );
        return sendJson(res, 200, { results: encodeRows(results) });
      } catch (error) {
        if (error instanceof GatewayError) return sendGatewayError(res, error, null);
        throw error;
      }
    }
    const headers = new HeaderMap();
    headers.set("content-type", "application/json");
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body },
      context: async () => contextFor(identity.requestId, new RequestAccess(identity.client, identity.purpose)),
    });
    // A refusal (403 FIELD_NOT_GRANTED, 400 a cost refusal, 503 the audit trail) goes to the router as a GraphQL
    // answer with its errors, as GraphQL over HTTP's application/json allows: the router then places them on this
    // subgraph's fields and serves the others, where an HTTP error would be an opaque transport failure.
    res.writeHead(200, answerHeaders(result.headers, res));
    if (result.body.kind === "complete") res.end(result.body.string);
    else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer((req, res) => {
    // Each request is answered in the language it asks for (the router forwards its caller's Accept-Language), so
    // the errors this subgraph writes reach the caller in that language; codes and extensions do not change.
    const lang = negotiateLanguage(req.headers["accept-language"]);
    res.setHeader("content-language", CONTENT_LANGUAGE[lang]);
    res.setHeader("vary", mergeVary(res.getHeader("vary"), "Accept-Language"));
    withLanguage(lang, () =>
      handle(req, res).catch((error) => {
        const requestId = randomUUID();
        logger.error({ subgraph: name, requestId, err: error }, "subgraph request failed");
        if (!res.headersSent) {
          sendJson(res, 500, {
            errors: [
              { message: say(FEDERATION_MESSAGES.internalLoggedUnder, { requestId }), extensions: { code: "INTERNAL_SERVER_ERROR" } },
            ],
          });
        } else res.end();
      }),
    );
  });

  return {
    name,
    http: server,
    apollo,
    listen: (port, host) => listenOn(server, port, host),
    close: async () => {
      shuttingDown = true;
      await closeGracefully(server);
      await apollo.stop();
      await platform?.sealer.stop();
      await platform?.conformance.close();
      await closeSources();
    },
  };
}
