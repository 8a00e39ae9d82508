/**
 * Opens the four databases, applies migrations, seeds an empty installation (when asked), loads the
 * administrative map and builds the schema: everything a server or a test needs, with one close().
 */
import type { GraphQLSchema } from "graphql";
import { AccessLogStore, ClientStore, ConsentStore } from "./modules/access/index.js";
import { assertNoDemoClients, type DemoClients, ensureDemoClients } from "./modules/access/index.js";
import { AuditSealer, RateLimits, resolveSigningKey, type SigningKey } from "./modules/access/index.js";
import { type GatewayConfig, SOURCE_NAMES } from "./platform/config.js";
import type { Sources } from "./platform/db/source.js";
import { lockDataDir } from "./platform/db/lock.js";
import { migrateSource } from "./platform/db/migrate.js";
import { type Listening, openSource } from "./platform/db/source.js";
import { closeRedis, openRedis, type Redis } from "./platform/redis.js";
import { isFreshDataDir } from "./platform/db/template.js";
import { AdminUnitRegistry } from "./modules/admin-units/index.js";
import { ConformancePool } from "./modules/conformance/index.js";
import { DocumentStore } from "./modules/documents/index.js";
import { cellWriter, OperationalRecorder } from "./modules/monitoring/index.js";
import { demoCitizenOf } from "./modules/population/index.js";
import { DossierStore, ProcedureCatalogue } from "./modules/procedures/index.js";
import { buildGatewaySchema } from "./schema.js";
import { NodeIdCodec } from "./shared/node-id.js";
import { CursorCodec } from "./shared/pagination.js";
import { gatewaySecrets } from "./modules/access/index.js";
import { eq } from "drizzle-orm";
import type { Source } from "./platform/db/source.js";
import { isSeeded, seedDatabases, type SeedProgress } from "./seed/index.js";

export interface App {
  config: GatewayConfig;
  sources: Sources;
  adminUnits: AdminUnitRegistry;
  procedures: ProcedureCatalogue;
  cursors: CursorCodec;
  nodeIds: NodeIdCodec;
  schema: GraphQLSchema;
  clients: ClientStore;
  rateLimits: RateLimits;
  /** The connection to REDIS_URL the processes share rate limits through; null without one. */
  redis: Redis | null;
  /** Where `checkConformance` calls run: worker threads, bounded and timed. */
  conformance: ConformancePool;
  /** Trusted documents (published operations) by id, cached per process. */
  documents: DocumentStore;
  /** Stored dossiers' statements, over the gateway database. */
  dossiers: DossierStore;
  /** The access log's reads of the audit trail, over the gateway database. */
  accessLog: AccessLogStore;
  consents: ConsentStore;
  /** Demo clients, in development and test; null in production. */
  demo: DemoClients | null;
  /** The key that signs the audit trail's checkpoints, and this process's sealer. */
  audit: { key: SigningKey; sealer: AuditSealer };
  /** Counts each GraphQL request for the operational records; `flush()` writes what it holds now (tests). */
  monitoring: OperationalRecorder;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Seed this many citizens when the sources are empty (0 = never seed). */
  seedIfEmpty?: number;
  /** Told each step of the start (opening, migrating, seeding N of M, loading the map), for the operator. */
  log?: (message: string) => void;
}

/** "Seeding: 2,500 of 10,000 citizens" at each quarter, then the other sources and the indexes. */
function seedProgressLog(log: (message: string) => void): (progress: SeedProgress) => void {
  let quarter = 0;
  let others = false;
  return (progress) => {
    if (progress.phase === "population") {
      const reached = Math.floor((4 * progress.citizens) / progress.of);
      if (reached <= quarter) return;
      quarter = reached;
      log(`Seeding: ${progress.citizens.toLocaleString("en")} of ${progress.of.toLocaleString("en")} citizens`);
    } else if (progress.phase === "land and business") {
      if (!others) log("Seeding: land parcels, certificates, enterprises and household businesses of those citizens");
      others = true;
    } else log("Seeding: building indexes");
  };
}

export interface OpenedSources {
  sources: Sources;
  close(): Promise<void>;
}

/** Opens every source; embedded ones on disk under a data-folder lock, released on close(). */
export async function openSources(config: GatewayConfig): Promise<OpenedSources> {
  const embeddedOnDisk = SOURCE_NAMES.some((name) => !config.sources[name].url && config.sources[name].dataDir);
  const release = embeddedOnDisk ? lockDataDir(config.dataDir) : () => {};
  const opened = await Promise.allSettled(SOURCE_NAMES.map((name) => openSource(config.sources[name])));
  const sources = opened.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const close = async () => {
    await Promise.allSettled(sources.map((s) => s.close()));
    release();
  };
  const failed = opened.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { sources: Object.fromEntries(sources.map((s) => [s.name, s])) as Sources, close };
}

/** What opening the sources is about to do: on a first start, creating the embedded databases is the long step. */
function describeOpening(config: GatewayConfig): string {
  const embedded = SOURCE_NAMES.filter((name) => !config.sources[name].url);
  if (embedded.length === 0) return `Connecting to ${SOURCE_NAMES.join(", ")} on Postgres`;
  const fresh = embedded.filter((name) => {
    const dir = config.sources[name].dataDir;
    return !dir || isFreshDataDir(dir);
  });
  const where = config.sources[embedded[0]].dataDir ? ` in ${config.dataDir}` : " in memory";
  return fresh.length
    ? `Creating the embedded databases (${fresh.join(", ")})${where}: first start`
    : `Opening the embedded databases (${embedded.join(", ")})${where}`;
}

/**
 * The secret every replica shares, created by the gateway database's migration (drizzle/gateway/0004_secrets.sql):
 * the cursor key, from which the global ids' keys are also derived (so ids stay the same across replicas and restarts).
 */
export async function loadSecret(gateway: Source): Promise<Buffer> {
  const [row] = await gateway.db.select({ value: gatewaySecrets.value }).from(gatewaySecrets).where(eq(gatewaySecrets.name, "cursor"));
  if (!row || !/^[0-9a-f]{64}$/.test(row.value))
    throw new Error("The gateway database has no cursor key (gateway.secrets 'cursor'); run the migrations.");
  return Buffer.from(row.value, "hex");
}

/**
 * Seeds an empty installation (when asked) and registers the demo clients (development and test), or checks that
 * production has none: what the first replica to start does for all.
 */
async function prepareInstallation(
  sources: Sources,
  clients: ClientStore,
  config: GatewayConfig,
  options: AppOptions,
  log: (message: string) => void,
): Promise<DemoClients | null> {
  if (options.seedIfEmpty && !(await isSeeded(sources))) {
    log(
      `Empty databases: seeding ${options.seedIfEmpty.toLocaleString("en")} citizens (seed ${config.seed}), after the administrative map`,
    );
    const summary = await seedDatabases(sources, {
      citizens: options.seedIfEmpty,
      seed: config.seed,
      reset: true,
      onProgress: seedProgressLog(log),
    });
    log(`Seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  }
  if (config.access.demoClients) return ensureDemoClients(clients, await demoCitizenOf(sources.population.db), config.access);
  await assertNoDemoClients(clients, config.access);
  return null;
}

export async function createApp(config: GatewayConfig, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? (() => {});
  if (!config.access.demoClients && config.access.demoApiKey) {
    throw new Error("GATEWAY_DEMO_API_KEY is set, but demo clients are refused in production. Unset it.");
  }
  // Before any database is opened: a missing or unreadable key is a one-line start-up failure.
  const signing = resolveSigningKey(config.audit);
  if (signing.generatedAt) {
    log(
      `Generated the audit signing key ${signing.key.keyId} at ${signing.generatedAt}; keep it, and publish its public key (GET /audit/public-key)`,
    );
  }
  log(describeOpening(config));
  const { sources, close } = await openSources(config);
  let redis: Redis | null = null;
  let clientChanges: Listening | undefined;
  const closeShared = async () => {
    await clientChanges?.close();
    if (redis) await closeRedis(redis);
  };
  try {
    log(`Migrating ${SOURCE_NAMES.join(", ")}`);
    // One after another: sources may share a database, and concurrent CREATE SCHEMA IF NOT EXISTS can collide. Each
    // under an advisory lock: replicas starting together over the same databases migrate one at a time.
    for (const source of Object.values(sources)) await source.exclusively("migrate", () => migrateSource(source));
    const clients = new ClientStore(sources.gateway.db, config.access.clientCacheMs);
    // Before the demo clients are registered, so no change of another replica is missed from here on.
    clientChanges = await clients.follow(sources.gateway);
    // Seeding and the demo clients under one lock on the gateway database: the first replica to start seeds, the
    // others wait, then find the installation seeded (and do not register the demo clients over each other).
    const demo = await sources.gateway.exclusively("seed", () => prepareInstallation(sources, clients, config, options, log));
    log("Loading the administrative map and the procedure catalogue");
    const adminUnits = await AdminUnitRegistry.load(sources.gateway);
    const procedures = ProcedureCatalogue.load();
    const secret = await loadSecret(sources.gateway);
    const cursors = new CursorCodec(secret);
    const nodeIds = new NodeIdCodec(secret);
    log("Building the schema");
    const schema = await buildGatewaySchema();
    if (config.redis.url) redis = await openRedis({ ...config.redis, url: config.redis.url });
    const rateLimits = new RateLimits(
      config.access.rateLimitPerMinute,
      config.access.anonymousRateLimitPerMinute,
      redis ? { redis, prefix: config.redis.prefix, keySecret: secret } : undefined,
    );
    const conformance = new ConformancePool({
      ...config.conformance,
      adminUnits,
      catalogue: procedures,
      production: config.environment === "production",
    });
    const documents = new DocumentStore(sources.gateway.db);
    const dossiers = new DossierStore(sources.gateway.db);
    const accessLog = new AccessLogStore(sources.gateway.db, signing.key);
    const consents = new ConsentStore(sources.gateway.db);
    const sealer = new AuditSealer(sources.gateway, signing.key, config.audit.checkpointIntervalMs);
    sealer.start();
    const monitoring = new OperationalRecorder(cellWriter(sources.gateway.db), config.monitoring);
    monitoring.start();
    const closeAll = async () => {
      // First: its last counts are written while the gateway database is still open.
      await monitoring.stop();
      await sealer.stop();
      await conformance.close();
      await closeShared();
      await close();
    };
    return {
      config,
      sources,
      adminUnits,
      procedures,
      cursors,
      nodeIds,
      schema,
      clients,
      rateLimits,
      redis,
      conformance,
      documents,
      dossiers,
      accessLog,
      consents,
      demo,
      audit: { key: signing.key, sealer },
      monitoring,
      close: closeAll,
    };
  } catch (error) {
    await closeShared().catch(() => {});
    await close();
    throw error;
  }
}
