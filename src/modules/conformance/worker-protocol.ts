/** What the pool and its worker threads pass each other: the thread's start-up data, a task and its outcome. */
import type { MessagePort } from "node:worker_threads";
import type { GatewayError } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n.js";
import type { AdminUnitSnapshot } from "../admin-units/index.js";
import type { CatalogueProcedure } from "../procedures/index.js";
import type { ConformanceInputs } from "./inputs.js";
import type { Report } from "./report.js";
import type { CheckOptions } from "./service.js";

export interface WorkerData {
  adminUnits: AdminUnitSnapshot;
  procedures: CatalogueProcedure[];
}

export interface CheckTask {
  inputs: ConformanceInputs;
  options: CheckOptions;
  /**
   * The language of the request the check answers: AsyncLocalStorage does not cross into the worker thread, so the
   * worker runs the check under it (`withLanguage`) and its findings and typed errors are said in it.
   */
  language: Language;
  /** Told when the check starts, so its time budget leaves out the wait for the thread and the thread's start. */
  started: MessagePort;
}

export type CheckOutcome =
  { report: Report } | { error: { code: GatewayError["code"]; message: string; details: Record<string, unknown> } };
