/**
 * Opens the four databases, applies migrations, seeds an empty installation (when asked), loads the
 * administrative map and builds the schema: everything a server or a test needs, with one close().
 */
import type { GraphQLSchema } from "graphql";
import { type GatewayConfig, SOURCE_NAMES } from "./config.js";
import type { Sources } from "./context.js";
import { migrateSource } from "./db/migrate.js";
import { openSource } from "./db/source.js";
import { AdminUnitRegistry } from "./modules/admin-units/registry.js";
import { buildGatewaySchema } from "./schema.js";
import { isSeeded, seedDatabases } from "./seed/index.js";

export interface App {
  config: GatewayConfig;
  sources: Sources;
  adminUnits: AdminUnitRegistry;
  schema: GraphQLSchema;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Seed this many citizens when the sources are empty (0 = never seed). */
  seedIfEmpty?: number;
  log?: (message: string) => void;
}

export async function openSources(config: GatewayConfig): Promise<Sources> {
  const entries = await Promise.all(SOURCE_NAMES.map(async (name) => [name, await openSource(config.sources[name])] as const));
  return Object.fromEntries(entries) as Sources;
}

export async function createApp(config: GatewayConfig, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? (() => {});
  const sources = await openSources(config);
  try {
    await Promise.all(Object.values(sources).map(migrateSource));
    if (options.seedIfEmpty && !(await isSeeded(sources))) {
      log(`Empty databases: seeding ${options.seedIfEmpty.toLocaleString("en")} citizens (seed ${config.seed})...`);
      const summary = await seedDatabases(sources, { citizens: options.seedIfEmpty, seed: config.seed, reset: true });
      log(`Seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s.`);
    }
    const adminUnits = await AdminUnitRegistry.load(sources.gateway);
    const schema = await buildGatewaySchema();
    return {
      config,
      sources,
      adminUnits,
      schema,
      close: async () => {
        await Promise.all(Object.values(sources).map((s) => s.close()));
      },
    };
  } catch (error) {
    await Promise.allSettled(Object.values(sources).map((s) => s.close()));
    throw error;
  }
}
