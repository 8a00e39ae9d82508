/**
 * A server in its own process, for the benchmarks, the load run and the process test: spawned with an environment,
 * ready once its port answers — a fixed port, or the one it announces in a JSON line with `port` on stdout, as the
 * gateway's "ready" log and bench/floor.ts print — and, when asked, once a readiness path answers 2xx. When it does
 * not start, the error says why with the end of its stderr and stdout; stop() ends it with SIGTERM, then SIGKILL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** What is kept of each stream for the error of a server that did not start. */
const TAIL_CHARS = 8000;

export interface SpawnServerOptions {
  /** Named in errors. */
  name: string;
  /** Node's arguments: flags, then the script and its own arguments. */
  args: readonly string[];
  /** Laid over this process's environment; a variable set to undefined is left out. */
  env?: Record<string, string | undefined>;
  /** Default: the repository's root. */
  cwd?: string;
  /** The port to wait for; without it, the port the server announces on stdout. */
  port?: number;
  /** Only a stdout line matching this announces the port (default: any JSON line with a numeric `port`). */
  announce?: RegExp;
  /** Polled after the port answers, until it answers 2xx (e.g. /health/ready). */
  readyPath?: string;
  host?: string;
  /** Default 120 s. */
  timeoutMs?: number;
  /** Also write the server's stderr to this process's stderr as it comes. */
  echoStderr?: boolean;
  /** Keep everything the server writes for output(), not only the end of it (its request logs can be large). */
  keepOutput?: boolean;
  /** Each complete line the server writes on stdout. */
  onLine?: (line: string) => void;
}

export interface RunningServer {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** http://<host>:<port> */
  readonly url: string;
  /** Settles when the process exits: its exit code, null when a signal ended it. */
  readonly exited: Promise<number | null>;
  /** stdout and stderr as they arrived: everything with keepOutput, else the end of each. */
  output(): string;
  /** SIGTERM, SIGKILL after graceMs (10 s) if it is still running; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

// A server outlives a script that failed before stopping it, holding its port and databases: ended on exit.
const running = new Set<ChildProcess>();
let exitHook = false;
function track(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once("exit", () => {
    for (const c of running) c.kill("SIGKILL");
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function spawnServer(options: SpawnServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const timeoutMs = options.timeoutMs ?? 120_000;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, options.args, { cwd: options.cwd ?? ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  track(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let spawnError: Error | undefined;
  child.once("error", (error) => (spawnError = error));

  let all = "";
  let stdoutTail = "";
  let stderrTail = "";
  const keep = (chunk: string) => {
    if (options.keepOutput) all += chunk;
  };
  let port = options.port ?? 0;
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    keep(text);
    stdoutTail = (stdoutTail + text).slice(-TAIL_CHARS);
    // Once the port is known, lines are split only for a caller who reads them; the pipe is drained regardless.
    if (port && !options.onLine) return;
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      options.onLine?.(line);
      if (port || !line.startsWith("{") || (options.announce && !options.announce.test(line))) continue;
      try {
        const announced = (JSON.parse(line) as { port?: unknown }).port;
        if (typeof announced === "number" && announced > 0) port = announced;
      } catch {
        // not a JSON line
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    keep(text);
    stderrTail = (stderrTail + text).slice(-TAIL_CHARS);
    if (options.echoStderr) process.stderr.write(chunk);
  });

  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const failed = async (why: string) => {
    if (!spawnError) await stop(0);
    const show = (label: string, text: string) => (text.trim() ? `\n--- ${label} (end) ---\n${text.trimEnd()}` : "");
    return new Error(`${options.name} did not start: ${why}${show("stderr", stderrTail)}${show("stdout", stdoutTail)}`);
  };

  const deadline = Date.now() + timeoutMs;
  const seconds = `${Math.round(timeoutMs / 1000)} s`;
  for (let ready = false; !ready;) {
    if (spawnError) throw await failed(spawnError.message);
    if (child.exitCode !== null) throw await failed(`it exited with code ${child.exitCode} before it was ready`);
    if (child.signalCode !== null) throw await failed(`${child.signalCode} ended it before it was ready`);
    if (Date.now() > deadline) {
      if (!port) throw await failed(`it announced no port within ${seconds}`);
      throw await failed(`no answer on ${options.readyPath ? `${options.readyPath} at ` : ""}port ${port} within ${seconds}`);
    }
    if (port && (await answers(host, port))) {
      if (!options.readyPath) ready = true;
      else {
        ready = await fetch(`http://${host}:${port}${options.readyPath}`).then(
          (response) => {
            void response.body?.cancel();
            return response.ok;
          },
          () => false,
        );
      }
    }
    if (!ready) await sleep(100);
  }

  return {
    name: options.name,
    child,
    pid: child.pid!,
    port,
    url: `http://${host}:${port}`,
    exited,
    output: () => (options.keepOutput ? all : `${stdoutTail}${stderrTail}`),
    stop,
  };
}

/** The gateway's `npm start` (src/main.ts under tsx), ready when it logs "NDAF Gateway ready" and its port answers. */
export function spawnGateway(
  options: Omit<SpawnServerOptions, "name" | "args" | "announce"> & { name?: string; nodeArgs?: readonly string[] } = {},
): Promise<RunningServer> {
  const { nodeArgs = [], name = "gateway", ...rest } = options;
  return spawnServer({ ...rest, name, args: [...nodeArgs, "--import", "tsx", "src/main.ts"], announce: /NDAF Gateway ready/ });
}
