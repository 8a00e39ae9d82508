/**
 * `GATEWAY_WORKERS=N npm start`: N worker processes on one machine (node:cluster), each a full replica of the
 * gateway sharing the port; the primary serves nothing, it only keeps them running. A worker that dies is started
 * again after a backoff; SIGTERM and SIGINT are passed on to every worker, each stops gracefully as a single
 * gateway does, and the primary exits once they all have.
 */
import cluster, { type Worker } from "node:cluster";
import { logger } from "./platform/logger.js";

/** A worker that ran this long before it died was healthy: the backoff starts again from its first step. */
export const HEALTHY_RUN_MS = 60_000;
/** How long the workers have to stop after a signal (each gives itself 10 s) before they are killed. */
export const STOP_GRACE_MS = 15_000;

/** The wait before restarting a worker after `failures` deaths in a row: 1 s, doubling up to 30 s. */
export function restartDelayMs(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
}

/** Forks `count` workers (running src/main.ts again, as workers) and supervises them until a signal stops them. */
export function superviseWorkers(count: number): void {
  const startedAt = new Map<number, number>();
  let stopping = false;
  let everReady = false;
  let failures = 0;
  let exitCode = 0;
  /** The signal passed on to the workers: one that ends a worker still starting (before its handler) is a clean stop. */
  let stopSignal: NodeJS.Signals | undefined;

  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    worker.once("listening", () => (everReady = true));
    return worker;
  };
  const running = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());

  cluster.on("exit", (worker, code, signal) => {
    const ranMs = Date.now() - (startedAt.get(worker.id) ?? Date.now());
    startedAt.delete(worker.id);
    if (stopping) {
      if (code !== 0 && !(code === null && signal === stopSignal)) exitCode = 1;
      if (running().length === 0) {
        logger.info({ workers: count }, "every worker stopped");
        process.exit(exitCode);
      }
      return;
    }
    // Workers that never got as far as serving will not on a second try either (a database unreachable, a failed
    // migration): said once and stopped, as a single gateway exits when it cannot start.
    if (!everReady) {
      logger.fatal({ worker: worker.id, code, signal }, "A gateway worker could not start (its error is above); stopping the others");
      stopping = true;
      exitCode = 1;
      for (const other of running()) other.process.kill("SIGTERM");
      if (running().length === 0) process.exit(1);
      return;
    }
    failures = ranMs >= HEALTHY_RUN_MS ? 1 : failures + 1;
    const delayMs = restartDelayMs(failures);
    logger.error(
      { worker: worker.id, pid: worker.process.pid, code, signal, ranMs, restartInMs: delayMs },
      "a gateway worker died; restarting it",
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stopSignal = signal;
      const workers = running();
      logger.info({ signal, workers: workers.length }, "stopping the workers");
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker.process.kill(signal);
      setTimeout(() => {
        logger.error(`workers still running ${STOP_GRACE_MS / 1000} s after ${signal}; killing them`);
        for (const worker of running()) worker.process.kill("SIGKILL");
        process.exit(1);
      }, STOP_GRACE_MS).unref();
    });
  }

  logger.info({ workers: count, pid: process.pid }, `NDAF Gateway starting ${count} workers`);
  for (let i = 0; i < count; i++) fork();
}
