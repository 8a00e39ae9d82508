/**
 * A conformance check on a worker thread (started by pool.ts). The thread builds the national schema itself (a
 * schema cannot cross threads) and is handed the gateway's 2025 map and procedure catalogue, so its report is
 * the one the request thread would give. Typed errors come back as values: a thrown error would lose its class
 * and code on the way. A provincial subgraph is composed by src/federation's composer, loaded on the first one.
 */
import { workerData } from "piscina";
import { subgraphComposer } from "../../federation/composer.js";
import { GatewayError } from "../../platform/errors.js";
import { withLanguage } from "../../platform/i18n.js";
import { buildGatewaySchema } from "../../schema.js";
import { AdminUnitRegistry } from "../admin-units/index.js";
import { ProcedureCatalogue } from "../procedures/index.js";
import { type ConformanceEnvironment, checkConformance } from "./service.js";
import type { CheckOutcome, CheckTask, WorkerData } from "./worker-protocol.js";

const data = workerData as WorkerData;
const environment: Promise<ConformanceEnvironment> = buildGatewaySchema()
  .then((schema) => ({
    schema,
    adminUnits: AdminUnitRegistry.fromSnapshot(data.adminUnits),
    catalogue: new ProcedureCatalogue(data.procedures),
    subgraphComposer,
  }))
  .then(async (env) => {
    // One small check as the thread starts, before any time budget runs: a fresh thread's first real check (after a
    // stopped one, say) is not charged for code run for the first time.
    await checkConformance(
      env,
      { operations: [{ name: "warm-up.graphql", content: "query WarmUp { provinces { code } }" }], samples: [], schema: null },
      {},
    ).catch(() => {});
    return env;
  });
// Built as the thread starts; a failure is the first task's error, not an unhandled rejection.
environment.catch(() => {});

export default async function check(task: CheckTask): Promise<CheckOutcome> {
  const env = await environment;
  // The national subgraphs are cut on the first subgraph to compose, as the schema is built: before the time budget.
  if (task.inputs.subgraph) await subgraphComposer.prepare?.();
  task.started.postMessage("started");
  task.started.close();
  try {
    // In the language of the request it answers: the request thread's AsyncLocalStorage does not reach this thread.
    return { report: await withLanguage(task.language, () => checkConformance(env, task.inputs, task.options)) };
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const { code: _code, ...details } = error.extensions as Record<string, unknown>;
    return { error: { code: error.code, message: error.message, details } };
  }
}
