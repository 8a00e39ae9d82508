/**
 * Embedded (PGlite) databases start from an initialised copy instead of running initdb each (1.5–3 s of CPU per
 * database). The copy is a tar of a fresh cluster:
 *
 * - made by initdb on a worker thread, so that on a first start it runs while the gateway's modules load;
 * - kept in the user's cache folder (`$XDG_CACHE_HOME` or ~/.cache, /ndaf-gateway; `NDAF_CACHE_DIR` to choose another,
 *   `off` for none), checked by its SHA-256 and named by PGlite's version: it depends on nothing else, so later fresh
 *   folders (a new DATA_DIR, a new clone, every test process) skip initdb, as tsx's cache skips transpiling;
 * - without `template0` (only ever a source for CREATE DATABASE … TEMPLATE template0, which the gateway never runs):
 *   a third fewer files to create, and creating files is what a new data folder costs on a busy disk.
 *
 * A new data folder is written from the tar with asynchronous file writes (libuv's threads) into `<dir>.partial-<pid>`
 * and renamed into place when complete, so an interrupted start leaves no half-made database; `prepareDataDirs`
 * begins that as early as main.ts can, before the rest of the gateway has loaded.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

const require = createRequire(import.meta.url);
/** Bump when what the template holds changes (not only PGlite's version). */
const TEMPLATE_FORMAT = 2;

/** initdb on a worker thread: PGlite's CommonJS build, required by path (the worker runs no TypeScript). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { PGlite } = require(workerData.pglite);
  const { pg_trgm } = require(workerData.pgTrgm);
  const db = await PGlite.create("memory://", { extensions: { pg_trgm } });
  await db.exec("UPDATE pg_database SET datistemplate = false WHERE datname = 'template0'");
  await db.exec("DROP DATABASE template0");
  await db.exec("CHECKPOINT");
  const tar = await (await db.dumpDataDir("none")).arrayBuffer();
  await db.close();
  parentPort.postMessage({ tar }, [tar]);
})().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
`;

function pgliteVersion(): string {
  const entry = require.resolve("@electric-sql/pglite");
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "unknown";
}

/** Where the template is kept, or undefined for nowhere (NDAF_CACHE_DIR=off). */
export function templateCacheFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.NDAF_CACHE_DIR?.trim();
  if (chosen === "off") return undefined;
  const home = os.homedir();
  const dir =
    chosen ||
    path.join(
      env.XDG_CACHE_HOME || (home ? path.join(home, ".cache") : path.join(os.tmpdir(), `ndaf-gateway-${process.getuid?.() ?? "user"}`)),
      "ndaf-gateway",
    );
  return path.join(path.resolve(dir), `pglite-${pgliteVersion()}-pg_trgm-v${TEMPLATE_FORMAT}.tar`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

async function readCached(file: string): Promise<Buffer | undefined> {
  try {
    const [tar, expected] = await Promise.all([fsp.readFile(file), fsp.readFile(`${file}.sha256`, "utf8")]);
    return sha256(tar) === expected.trim() ? tar : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only install simply makes its template each time. */
async function writeCached(file: string, tar: Buffer): Promise<void> {
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await fsp.writeFile(temporary, tar);
    await fsp.writeFile(`${temporary}.sha256`, sha256(tar));
    await fsp.rename(temporary, file);
    await fsp.rename(`${temporary}.sha256`, `${file}.sha256`);
  } catch {
    // not cached
  }
}

function initdbOnWorker(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pglite: require.resolve("@electric-sql/pglite"), pgTrgm: require.resolve("@electric-sql/pglite/contrib/pg_trgm") },
    });
    worker.once("message", (message: { tar?: ArrayBuffer; error?: string }) => {
      if (message.tar) resolve(Buffer.from(message.tar));
      else reject(new Error(`Could not initialise an embedded database: ${message.error}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The embedded database initialiser stopped (exit ${code})`)));
  });
}

let template: Promise<Buffer> | undefined;
let templateTimer: NodeJS.Timeout | undefined;

/**
 * The tar of an initialised, empty cluster. Kept in memory for a minute after its last use (the four sources of a
 * start, or a test file's gateways, share it; a long-running gateway does not hold 30 MB for nothing).
 */
export function pgliteTemplate(): Promise<Buffer> {
  template ??= (async () => {
    const file = templateCacheFile();
    const cached = file ? await readCached(file) : undefined;
    if (cached) return cached;
    const tar = await initdbOnWorker();
    if (file) await writeCached(file, tar);
    return tar;
  })();
  template.catch(() => (template = undefined));
  clearTimeout(templateTimer);
  templateTimer = setTimeout(() => (template = undefined), 60_000).unref();
  return template;
}

/** True when `dir` holds no database yet (missing or empty). */
export function isFreshDataDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

interface TarEntry {
  name: string;
  directory: boolean;
  body: Buffer;
}

/** The entries of a plain ustar archive, as PGlite's dumpDataDir writes it (files and folders only). */
export function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  const text = (start: number, length: number) => tar.toString("latin1", start, start + length).replace(/\0.*$/s, "");
  for (let offset = 0; offset + 512 <= tar.length;) {
    if (tar.subarray(offset, offset + 512).every((b) => b === 0)) break;
    const prefix = text(offset + 345, 155);
    const name = `${prefix ? `${prefix}/` : ""}${text(offset, 100)}`.replace(/^\/+/, "");
    const size = parseInt(text(offset + 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(tar[offset + 156] || 0x30);
    if (type !== "0" && type !== "5") throw new Error(`Unexpected entry ${name} (type ${type}) in the database template`);
    if (name.split("/").includes("..")) throw new Error(`Unsafe path ${name} in the database template`);
    const start = offset + 512;
    entries.push({ name, directory: type === "5", body: tar.subarray(start, start + size) });
    offset = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}

async function extractInto(tar: Buffer, dir: string): Promise<void> {
  const entries = readTar(tar);
  await fsp.mkdir(dir, { recursive: true });
  for (const entry of entries.filter((e) => e.directory)) await fsp.mkdir(path.join(dir, entry.name), { recursive: true });
  const files = entries.filter((e) => !e.directory);
  // A few writes in flight keep libuv's four threads busy without opening a thousand files at once.
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const target = path.join(dir, files[i].name);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.writeFile(target, files[i].body, { mode: 0o600 });
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
}

async function createDataDir(dir: string): Promise<void> {
  const tar = await pgliteTemplate();
  const partial = `${dir}.partial-${process.pid}`;
  await fsp.mkdir(path.dirname(dir), { recursive: true });
  // What an interrupted start left behind (a live process's own partial folder is left alone).
  const stale = (await fsp.readdir(path.dirname(dir))).filter((name) => {
    const pid = Number(/\.partial-(\d+)$/.exec(name)?.[1]);
    return name.startsWith(`${path.basename(dir)}.partial-`) && pid !== process.pid && !alive(pid);
  });
  await Promise.all(stale.map((name) => fsp.rm(path.join(path.dirname(dir), name), { recursive: true, force: true })));
  try {
    await extractInto(tar, partial);
    if (fs.existsSync(dir) && isFreshDataDir(dir)) await fsp.rmdir(dir);
    await fsp.rename(partial, dir);
  } catch (error) {
    await fsp.rm(partial, { recursive: true, force: true });
    // Another process starting on the same folder made it first; the data-folder lock decides which one runs.
    if (!isFreshDataDir(dir)) return;
    throw error;
  }
}

const preparing = new Map<string, Promise<void>>();

/**
 * Begins writing each fresh data folder from the template, without waiting; `createFreshDataDir` later waits for it.
 * Called by main.ts first thing, so the work overlaps loading the gateway's modules.
 */
export function prepareDataDirs(dirs: string[]): void {
  for (const dir of dirs) {
    if (preparing.has(dir) || !isFreshDataDir(dir)) continue;
    const pending = createDataDir(dir);
    pending.catch(() => {}); // observed by createFreshDataDir
    preparing.set(dir, pending);
  }
}

/** Writes a fresh data folder from the template (or waits for the writing `prepareDataDirs` began). */
export async function createFreshDataDir(dir: string): Promise<void> {
  const pending = preparing.get(dir) ?? createDataDir(dir);
  preparing.set(dir, pending);
  try {
    await pending;
  } finally {
    preparing.delete(dir);
  }
}
