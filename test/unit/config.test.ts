/** loadConfig: which environment a NODE_ENV gives, and what each environment switches on. Pure: no database. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { environmentFrom, loadConfig, SOURCE_NAMES } from "../../src/platform/config.js";
import { logLevelFrom } from "../../src/platform/logger.js";

describe("the environment", () => {
  it.each([
    ["development", "development"],
    ["Development", "development"],
    ["DEVELOPMENT", "development"],
    ["test", "test"],
    ["TEST", "test"],
    [" test ", "test"],
  ] as const)("NODE_ENV=%j is %s", (nodeEnv, expected) => {
    expect(environmentFrom(nodeEnv)).toBe(expected);
    expect(loadConfig({ NODE_ENV: nodeEnv }).environment).toBe(expected);
  });

  it.each(["production", "PRODUCTION", "Production", "prod", "dev", "staging", "developmentx", "", "  "])(
    "NODE_ENV=%j is production",
    (nodeEnv) => {
      expect(environmentFrom(nodeEnv)).toBe("production");
      expect(loadConfig({ NODE_ENV: nodeEnv }).environment).toBe("production");
    },
  );

  it("is production when NODE_ENV is unset", () => {
    expect(environmentFrom(undefined)).toBe("production");
    expect(loadConfig({}).environment).toBe("production");
  });

  it("production has no demo clients, no introspection by default, and logs at info", () => {
    for (const env of [{}, { NODE_ENV: "prod" }, { NODE_ENV: "PRODUCTION" }]) {
      const config = loadConfig(env);
      expect(config.access).toMatchObject({ demoClients: false, introspection: false });
      expect(logLevelFrom(env)).toBe("info");
    }
  });

  it("development and test have demo clients and introspection; test logs nothing", () => {
    expect(loadConfig({ NODE_ENV: "development" }).access).toMatchObject({ demoClients: true, introspection: true });
    expect(logLevelFrom({ NODE_ENV: "development" })).toBe("info");
    expect(loadConfig({ NODE_ENV: "Test" }).access).toMatchObject({ demoClients: true, introspection: true });
    expect(logLevelFrom({ NODE_ENV: "Test" })).toBe("silent");
  });

  it("GATEWAY_INTROSPECTION overrides the environment's default, both ways", () => {
    expect(loadConfig({ GATEWAY_INTROSPECTION: "on" }).access.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", GATEWAY_INTROSPECTION: "false" }).access.introspection).toBe(false);
    expect(() => loadConfig({ GATEWAY_INTROSPECTION: "maybe" })).toThrow(/GATEWAY_INTROSPECTION must be true or false/);
  });

  it("keeps a demo key it is given (production refuses to start with one: see test/access/startup.test.ts)", () => {
    expect(loadConfig({ GATEWAY_DEMO_API_KEY: "k-123456" }).access).toMatchObject({ demoClients: false, demoApiKey: "k-123456" });
  });
});

describe("the rest of the configuration", () => {
  it("has its defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, dataDir: path.resolve(".data"), defaultSeedCitizens: 10_000, seed: 2025 });
    expect(config.access).toMatchObject({ rateLimitPerMinute: 600, anonymousRateLimitPerMinute: 120, clientCacheMs: 10_000 });
    for (const name of SOURCE_NAMES)
      expect(config.sources[name]).toMatchObject({ name, url: undefined, dataDir: path.join(path.resolve(".data"), name) });
  });

  it("uses a database URL instead of the embedded folder when one is set", () => {
    const config = loadConfig({ LAND_DATABASE_URL: "postgres://x@127.0.0.1/land", DATA_DIR: "/tmp/ndaf-unit" });
    expect(config.sources.land).toMatchObject({ url: "postgres://x@127.0.0.1/land", dataDir: undefined });
    expect(config.sources.population).toMatchObject({ url: undefined, dataDir: path.join("/tmp/ndaf-unit", "population") });
  });

  it("refuses integers that are not integers", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT must be a non-negative integer, got "abc"/);
    expect(() => loadConfig({ GATEWAY_RATE_LIMIT: "-1" })).toThrow(/GATEWAY_RATE_LIMIT/);
    expect(loadConfig({ SOURCE_QUERY_TIMEOUT_MS: "0" }).sources.gateway.resilience?.queryTimeoutMs).toBe(0);
  });
});

describe("browser origins (GATEWAY_CORS_ORIGINS, GATEWAY_CORS_LOCALHOST)", () => {
  it("allows localhost by default except in production, and lists exact origins", () => {
    expect(loadConfig({ NODE_ENV: "development" }).cors).toEqual({ origins: [], anyOrigin: false, localhost: true });
    expect(loadConfig({}).cors).toEqual({ origins: [], anyOrigin: false, localhost: false });
    expect(
      loadConfig({ GATEWAY_CORS_ORIGINS: " https://portal.example.gov.vn, http://10.0.0.5:8080 ,https://Portal.Example.gov.vn" }).cors,
    ).toEqual({
      origins: ["https://portal.example.gov.vn", "http://10.0.0.5:8080"],
      anyOrigin: false,
      localhost: false,
    });
    expect(loadConfig({ GATEWAY_CORS_LOCALHOST: "on" }).cors.localhost).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", GATEWAY_CORS_LOCALHOST: "off" }).cors.localhost).toBe(false);
  });

  it("refuses what is not an origin, naming the origin to write instead", () => {
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: "https://portal.example.gov.vn/" })).toThrow(
      /not an origin.*write https:\/\/portal\.example\.gov\.vn\)/,
    );
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: "https://portal.example.gov.vn:443" })).toThrow(
      /write https:\/\/portal\.example\.gov\.vn\)/,
    );
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: "portal.example.gov.vn" })).toThrow(/not an origin/);
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: "https://*.example.gov.vn" })).toThrow(/not an origin/);
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: "ftp://files.example.gov.vn" })).toThrow(/not an origin/);
  });

  it("takes * in development and test only", () => {
    expect(loadConfig({ NODE_ENV: "test", GATEWAY_CORS_ORIGINS: "*" }).cors.anyOrigin).toBe(true);
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: "*" })).toThrow(/refused in production/);
  });
});

describe("the audit signing key and checkpoints", () => {
  it("are required in production, generated beside the data in development, made per process in tests", () => {
    expect(loadConfig({ NODE_ENV: "production" }).audit).toMatchObject({
      signingKeyFile: undefined,
      requireSigningKey: true,
      generateSigningKey: false,
    });
    const dev = loadConfig({ NODE_ENV: "development", DATA_DIR: "some-data" }).audit;
    expect(dev).toMatchObject({ requireSigningKey: false, generateSigningKey: true, checkpointIntervalMs: 5000 });
    expect(dev.signingKeyFile).toBe(path.resolve("some-data", "audit-signing-key.pem"));
    expect(loadConfig({ NODE_ENV: "test" }).audit).toMatchObject({
      signingKeyFile: undefined,
      requireSigningKey: false,
      checkpointIntervalMs: 0,
    });
  });

  it("take AUDIT_SIGNING_KEY_FILE and AUDIT_CHECKPOINT_INTERVAL_MS, and refuse a malformed interval", () => {
    const audit = loadConfig({
      NODE_ENV: "production",
      AUDIT_SIGNING_KEY_FILE: "keys/audit.pem",
      AUDIT_CHECKPOINT_INTERVAL_MS: "250",
    }).audit;
    expect(audit.signingKeyFile).toBe(path.resolve("keys/audit.pem"));
    expect(audit.checkpointIntervalMs).toBe(250);
    expect(() => loadConfig({ AUDIT_CHECKPOINT_INTERVAL_MS: "soon" })).toThrow(/AUDIT_CHECKPOINT_INTERVAL_MS/);
  });
});
