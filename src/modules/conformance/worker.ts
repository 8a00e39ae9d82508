/**
 * A conformance check on a worker thread (started by pool.ts). The thread builds the national schema itself (a
 * schema cannot cross threads) and is handed the gateway's 2025 map and procedure catalogue, so its report is
 * the one the request thread would give. Typed errors come back as values: a thrown error would lose its class
 * and code on the way.
 */
import type { MessagePort } from "node:worker_threads";
import { workerData } from "piscina";
import { GatewayError } from "../../platform/errors.js";
import { buildGatewaySchema } from "../../schema.js";
import { AdminUnitRegistry, type AdminUnitSnapshot } from "../admin-units/registry.js";
import { type CatalogueProcedure, ProcedureCatalogue } from "../procedures/catalogue.js";
import type { ConformanceInputs } from "./inputs.js";
import type { Report } from "./report.js";
import { type CheckOptions, type ConformanceEnvironment, checkConformance } from "./service.js";

export interface WorkerData {
  adminUnits: AdminUnitSnapshot;
  procedures: CatalogueProcedure[];
}

export interface CheckTask {
  inputs: ConformanceInputs;
  options: CheckOptions;
  /** Told when the check starts, so its time budget leaves out the wait for the thread and the thread's start. */
  started: MessagePort;
}

export type CheckOutcome = { report: Report } | { error: { code: GatewayError["code"]; message: string; details: Record<string, unknown> } };

const data = workerData as WorkerData;
const environment: Promise<ConformanceEnvironment> = buildGatewaySchema().then((schema) => ({
  schema,
  adminUnits: AdminUnitRegistry.fromSnapshot(data.adminUnits),
  catalogue: new ProcedureCatalogue(data.procedures),
}));
// Built as the thread starts; a failure is the first task's error, not an unhandled rejection.
environment.catch(() => {});

export default async function check(task: CheckTask): Promise<CheckOutcome> {
  const env = await environment;
  task.started.postMessage("started");
  task.started.close();
  try {
    return { report: await checkConformance(env, task.inputs, task.options) };
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const { code: _code, ...details } = error.extensions as Record<string, unknown>;
    return { error: { code: error.code, message: error.message, details } };
  }
}
