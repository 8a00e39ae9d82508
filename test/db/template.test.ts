/**
 * New embedded databases from the initialised copy (src/platform/db/template.ts): a folder written from it opens as a working
 * database, an interrupted start's leftovers are cleared, the copy's cache is named by PGlite's version and can be
 * moved or switched off, and the tar reader takes nothing but files and folders inside the target.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSource } from "../../src/platform/db/migrate.js";
import { openSource } from "../../src/platform/db/source.js";
import { createFreshDataDir, isFreshDataDir, prepareDataDirs, readTar, templateCacheFile } from "../../src/platform/db/template.js";
import { TEST_DB } from "../support/databases.js";

function tarEntry(name: string, type: "0" | "2" | "5", body = ""): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, "latin1");
  header.write(`${Buffer.byteLength(body).toString(8).padStart(11, "0")}\0`, 124, "latin1");
  header.write(type, 156, "latin1");
  const padded = Buffer.alloc(Math.ceil(Buffer.byteLength(body) / 512) * 512);
  padded.write(body);
  return Buffer.concat([header, padded]);
}

// Embedded databases only: nothing to run again in the Postgres project.
describe.skipIf(TEST_DB === "postgres")("embedded databases from the initialised copy", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-template-"));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("writes a fresh folder that opens as a database, migrates and has no template0", async () => {
    const dir = path.join(scratch, "data", "population");
    // What a start killed half-way through left behind (pid 2^22 + 1 is above Linux's pid limit: never alive).
    fs.mkdirSync(`${dir}.partial-4194305/base`, { recursive: true });
    expect(isFreshDataDir(dir)).toBe(true);
    prepareDataDirs([dir]);
    await createFreshDataDir(dir);
    expect(isFreshDataDir(dir)).toBe(false);
    expect(fs.existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    expect(fs.readdirSync(path.dirname(dir)).filter((name) => name.includes(".partial-"))).toEqual([]);

    const source = await openSource({ name: "population", dataDir: dir });
    try {
      const databases = await source.raw<{ datname: string }>("SELECT datname FROM pg_database ORDER BY datname");
      expect(databases.map((d) => d.datname)).toEqual(["postgres", "template1"]);
      await migrateSource(source); // pg_trgm included
      expect(await source.raw("SELECT count(*)::int AS n FROM population.citizens")).toEqual([{ n: 0 }]);
      expect(await source.raw("SELECT similarity('Nguyễn Văn An', 'Nguyễn Văn Anh') > 0.5 AS close")).toEqual([{ close: true }]);
    } finally {
      await source.close();
    }
    // Opened again as the database it now is.
    const again = await openSource({ name: "population", dataDir: dir });
    expect(await again.raw("SELECT count(*)::int AS n FROM population.citizens")).toEqual([{ n: 0 }]);
    await again.close();
  });

  it("keeps the copy where NDAF_CACHE_DIR or XDG_CACHE_HOME says, named by PGlite's version, or nowhere", () => {
    expect(templateCacheFile({ NDAF_CACHE_DIR: "/var/cache/ndaf" })).toMatch(
      /^\/var\/cache\/ndaf\/pglite-\d+\.\d+\.\d+-pg_trgm-v\d+\.tar$/,
    );
    expect(templateCacheFile({ XDG_CACHE_HOME: "/home/u/.cache" })).toMatch(/^\/home\/u\/\.cache\/ndaf-gateway\/pglite-/);
    expect(templateCacheFile({})).toMatch(/ndaf-gateway\/pglite-/);
    expect(templateCacheFile({ NDAF_CACHE_DIR: "off" })).toBeUndefined();
  });

  it("reads files and folders from the tar, and refuses links and paths that leave the folder", () => {
    const tar = Buffer.concat([tarEntry("/base", "5"), tarEntry("/base/1", "0", "x".repeat(700)), Buffer.alloc(1024)]);
    expect(readTar(tar).map((e) => [e.name, e.directory, e.body.length])).toEqual([
      ["base", true, 0],
      ["base/1", false, 700],
    ]);
    expect(() => readTar(Buffer.concat([tarEntry("base/../../etc/passwd", "0", "x"), Buffer.alloc(1024)]))).toThrow(/Unsafe path/);
    expect(() => readTar(Buffer.concat([tarEntry("base/link", "2"), Buffer.alloc(1024)]))).toThrow(/Unexpected entry/);
  });
});
