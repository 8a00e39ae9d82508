import { configDefaults, defineConfig } from "vitest/config";

/**
 * Three projects: `unit` runs the specs beside the pure logic in src/ (no database, a few seconds); `embedded` runs
 * every test under test/ on in-memory PGlite; `postgres` runs the integration suites again on real Postgres
 * (throwaway databases on 127.0.0.1:5432, or TEST_POSTGRES_URL), and the suites that need it alone: several gateway
 * processes over the same databases (with Redis on 127.0.0.1:6379, or TEST_REDIS_URL).
 */
export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql and Apollo see two realms.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        // No database and no TEST_DB: a spec builds by hand what it tests. A short timeout, since a spec that needs
        // seconds is an integration test and belongs under test/. Specs share their worker's modules (isolate:
        // false): importing the module graph again for every file costs several times what running the specs does,
        // and a spec of pure logic needs no fresh module state.
        test: {
          name: "unit",
          include: ["src/**/*.spec.ts"],
          env: { NODE_ENV: "test" },
          testTimeout: 10_000,
          hookTimeout: 30_000,
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "embedded",
          include: ["test/**/*.test.ts"],
          // Several processes over one installation: embedded databases are one process's.
          exclude: [...configDefaults.exclude, "test/reliability/replicas.test.ts", "test/federation/**"],
          env: { NODE_ENV: "test", TEST_DB: "pglite" },
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: [
            "test/api/**/*.test.ts",
            "test/db/**/*.test.ts",
            "test/access/**/*.test.ts",
            "test/procedures/**/*.test.ts",
            "test/documents/**/*.test.ts",
            "test/monitoring/**/*.test.ts",
            "test/i18n/**/*.test.ts",
            "test/reliability/{source-failure,hostile-input,http-spec,replicas}.test.ts",
            "test/federation/**/*.test.ts",
          ],
          env: { NODE_ENV: "test", TEST_DB: "postgres" },
        },
      },
    ],
  },
});
