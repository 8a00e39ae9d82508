/**
 * Structured JSON logs (pino). Never log personal data: log ids of requests, not of people. Errors pass through
 * a serializer that drops SQL parameters and masks anything shaped like a personal id, tax code or card number,
 * because a failed query's message carries its parameters.
 */
import cluster from "node:cluster";
import { isMainThread } from "node:worker_threads";
import { destination, pino } from "pino";
import { environmentFrom } from "./config.js";

/** Digit runs of 9 to 13 (personal ids, CMND numbers, tax codes, branch codes) become "[redacted]". */
export function scrub(text: string): string {
  return text.replace(/\n?params: .*$/gm, "").replace(/\b\d{9,13}\b/g, "[redacted]");
}

function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const out: Record<string, unknown> = { type: error.name, message: scrub(error.message) };
  const code = (error as { code?: unknown }).code ?? (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (code !== undefined) out.code = code;
  if (error.stack) out.stack = scrub(error.stack);
  const cause = (error as { cause?: unknown }).cause;
  if (cause) out.cause = safeError(cause);
  return out;
}

/** LOG_LEVEL, else silent under tests and info everywhere else. */
export function logLevelFrom(env: NodeJS.ProcessEnv): string {
  return env.LOG_LEVEL || (environmentFrom(env.NODE_ENV) === "test" || env.VITEST ? "silent" : "info");
}

export const logger = pino(
  {
    level: logLevelFrom(process.env),
    // Under GATEWAY_WORKERS every line names its worker, so the lines of replicas sharing one output can be told apart.
    base: { service: "ndaf-gateway", ...(cluster.isWorker && cluster.worker ? { worker: cluster.worker.id } : {}) },
    serializers: { err: safeError, error: safeError },
  },
  // Written asynchronously (pino's "asynchronous logging"): lines logged while a write is in flight go out together in
  // the next one, instead of one blocking write per request line. pino flushes what is left synchronously when the
  // process exits (process.exit included); a worker thread, which pino cannot flush that way, writes synchronously.
  destination({ dest: 1, sync: !isMainThread }),
);

/** How a client appears in logs: a system by its id; a citizen client without the personal id it carries. */
export function clientForLog(clientId: string | undefined | null): string | undefined {
  if (!clientId) return undefined;
  return clientId.startsWith("VN:CIT:") ? "VN:CIT:[redacted]" : clientId;
}
