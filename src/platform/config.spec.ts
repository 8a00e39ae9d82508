/** The variables of several processes: REDIS_URL and REDIS_PREFIX, GATEWAY_WORKERS, and what refuses more than one. */
import os from "node:os";
import { describe, expect, it } from "vitest";
import { defaultPoolSize, loadConfig, multiProcessProblem, redisFrom, workersFrom } from "./config.js";

describe("redisFrom", () => {
  it("is no Redis without REDIS_URL (or with an empty one), keys under ndaf", () => {
    expect(redisFrom({})).toEqual({ url: undefined, prefix: "ndaf" });
    expect(redisFrom({ REDIS_URL: "  " })).toEqual({ url: undefined, prefix: "ndaf" });
  });

  it("takes redis:// and rediss:// URLs, with a password and a database", () => {
    expect(redisFrom({ REDIS_URL: "redis://127.0.0.1:6379" }).url).toBe("redis://127.0.0.1:6379");
    expect(redisFrom({ REDIS_URL: "rediss://:s3cret@cache.example.gov.vn:6380/2" }).url).toBe(
      "rediss://:s3cret@cache.example.gov.vn:6380/2",
    );
  });

  it("refuses anything else at start, without echoing the value (it may hold a password)", () => {
    for (const url of ["127.0.0.1:6379", "http://127.0.0.1:6379", "redis://", "postgres://x@y/z"]) {
      expect(() => redisFrom({ REDIS_URL: url }), url).toThrow(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL with a host/);
    }
    expect(() => redisFrom({ REDIS_URL: "http://user:s3cret@host" })).toThrow(/^(?!.*s3cret)/);
  });

  it("takes a REDIS_PREFIX per installation, without a trailing colon, and refuses spaces or braces", () => {
    expect(redisFrom({ REDIS_PREFIX: "ndaf-hanoi" }).prefix).toBe("ndaf-hanoi");
    expect(redisFrom({ REDIS_PREFIX: "ndaf:test:run_1:" }).prefix).toBe("ndaf:test:run_1");
    expect(() => redisFrom({ REDIS_PREFIX: "ndaf hanoi" })).toThrow(/REDIS_PREFIX must be/);
    expect(() => redisFrom({ REDIS_PREFIX: "{ndaf}" })).toThrow(/REDIS_PREFIX must be/);
    expect(() => redisFrom({ REDIS_PREFIX: "x".repeat(65) })).toThrow(/REDIS_PREFIX must be/);
  });
});

describe("workersFrom", () => {
  it("is one process unless asked", () => {
    expect(workersFrom(undefined, 8)).toBe(1);
    expect(workersFrom("", 8)).toBe(1);
  });

  it("takes a whole number, or auto for the cores available", () => {
    expect(workersFrom("4", 8)).toBe(4);
    expect(workersFrom(" 2 ", 8)).toBe(2);
    expect(workersFrom("auto", 8)).toBe(8);
    expect(workersFrom("AUTO", 2)).toBe(2);
    expect(workersFrom("auto", 0)).toBe(1);
  });

  it("refuses zero, fractions, negative numbers and words", () => {
    for (const raw of ["0", "1.5", "-2", "two", "4x", "2000"]) {
      expect(() => workersFrom(raw, 8), raw).toThrow(/^GATEWAY_WORKERS must be a whole number from 1 to 1024, or auto/);
    }
  });

  it("is read by loadConfig with REDIS_URL", () => {
    const config = loadConfig({ NODE_ENV: "test", GATEWAY_WORKERS: "3", REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: "ndaf-ci" });
    expect(config.workers).toBe(3);
    expect(config.redis).toEqual({ url: "redis://127.0.0.1:6379", prefix: "ndaf-ci" });
  });
});

describe("multiProcessProblem", () => {
  const postgres = {
    POPULATION_DATABASE_URL: "postgres://127.0.0.1/p",
    LAND_DATABASE_URL: "postgres://127.0.0.1/l",
    BUSINESS_DATABASE_URL: "postgres://127.0.0.1/b",
    GATEWAY_DATABASE_URL: "postgres://127.0.0.1/g",
  };

  it("has nothing against one worker, embedded or not", () => {
    expect(multiProcessProblem(loadConfig({ NODE_ENV: "test" }))).toBeUndefined();
  });

  it("has nothing against several workers on Postgres", () => {
    expect(multiProcessProblem(loadConfig({ NODE_ENV: "test", GATEWAY_WORKERS: "4", ...postgres }))).toBeUndefined();
  });

  it("names every embedded source and the variable to set, in one line", () => {
    const problem = multiProcessProblem(
      loadConfig({ NODE_ENV: "test", GATEWAY_WORKERS: "2", ...postgres, LAND_DATABASE_URL: "", GATEWAY_DATABASE_URL: "" }),
    );
    expect(problem).toBe(
      "GATEWAY_WORKERS=2 needs every source on Postgres, but land, gateway are embedded (PGlite is one process's): " +
        "set LAND_DATABASE_URL, GATEWAY_DATABASE_URL, or run one worker",
    );
    expect(multiProcessProblem(loadConfig({ NODE_ENV: "test", GATEWAY_WORKERS: "2" }))!.split("\n")).toHaveLength(1);
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("is twice the cores, at least four, unless set", () => {
    expect(defaultPoolSize(1)).toBe(4);
    expect(defaultPoolSize(2)).toBe(4);
    expect(defaultPoolSize(8)).toBe(16);
    expect(loadConfig({ NODE_ENV: "test" }).sources.population.poolSize).toBe(defaultPoolSize());
  });

  it("divides the machine's share between GATEWAY_WORKERS, at least two a worker", () => {
    expect(defaultPoolSize(8, 8)).toBe(2);
    expect(defaultPoolSize(8, 2)).toBe(8);
    expect(defaultPoolSize(2, 4)).toBe(2);
    expect(defaultPoolSize(16, 3)).toBe(11);
    const cores = os.availableParallelism();
    expect(loadConfig({ NODE_ENV: "test", GATEWAY_WORKERS: "auto" }).sources.land.poolSize).toBe(defaultPoolSize(cores, cores));
    expect(loadConfig({ NODE_ENV: "test", GATEWAY_WORKERS: "auto", DATABASE_POOL_SIZE: "6" }).sources.land.poolSize).toBe(6);
  });

  it("gives every source the number set, and refuses what is not a whole number", () => {
    const { sources } = loadConfig({ NODE_ENV: "test", DATABASE_POOL_SIZE: "6" });
    expect(Object.values(sources).map((s) => s.poolSize)).toEqual([6, 6, 6, 6]);
    expect(() => loadConfig({ NODE_ENV: "test", DATABASE_POOL_SIZE: "many" })).toThrow(/DATABASE_POOL_SIZE must be a non-negative integer/);
    expect(loadConfig({ NODE_ENV: "test", DATABASE_POOL_SIZE: "0" }).sources.land.poolSize).toBe(1);
  });
});
