/**
 * The sources' readers across the network. In one process the platform's rules (dossier evaluation, `node(id)`,
 * document checks) read a source through its reader — records by key, batched per request. When each source is its
 * own subgraph the platform holds no database password of theirs, so the `gateway` subgraph's readers are these:
 * each method a DataLoader whose batch is one signed POST to the source subgraph's /reader, where the source's own
 * reader answers it (one `= ANY($1)` statement per method, as in one process). The router's signature scheme signs
 * it, with the identity of the request it serves, so a source answers its reader only for the platform.
 */
import DataLoader from "dataloader";
import type { BusinessReader } from "../modules/business/index.js";
import type { LandReader } from "../modules/land/index.js";
import type { PopulationReader } from "../modules/population/index.js";
import { SourceUnavailableError } from "../platform/db/resilience.js";
import { say } from "../platform/i18n.js";
import { PLATFORM_MESSAGES } from "../platform/messages.js";
import { FEDERATION_MESSAGES } from "./messages.js";
import { GatewayError } from "../platform/errors.js";
import {
  type ForwardedIdentity,
  IDENTITY_EXTENSION,
  identityFor,
  SIGNATURE_EXTENSION,
  sign,
  signedPayload,
  subgraphSecret,
} from "./identity.js";
import type { SourceSubgraph } from "./ownership.js";

export const READER_PATH = "/reader";

/** Every reader method of every source: the protocol's vocabulary, checked on both ends. */
export const READER_METHODS = {
  population: ["citizen", "identityCards", "household", "householdMembers"],
  land: ["parcel", "holdersOfParcel", "encumbrancesOfParcel", "certificate", "holdersOfCertificate"],
  business: [
    "enterprise",
    "peopleOfEnterprise",
    "branchesOfEnterprise",
    "rolesOfPerson",
    "householdBusinessesOfOwner",
    "householdBusiness",
  ],
} as const satisfies Record<SourceSubgraph, readonly string[]>;

export interface Readers {
  population: PopulationReader;
  land: LandReader;
  business: BusinessReader;
}

/** Keys per call: a request's batch is bounded by the request's own limits; this bounds a forged one. */
export const MAX_READER_KEYS = 1_000;

/** The operation text a reader call signs in place of a GraphQL document. */
export function readerOperation(source: SourceSubgraph, method: string): string {
  return `reader ${source}.${method}`;
}

/** Dates survive the hop as `{"$date": ISO}`; everything else in a row is JSON already. */
export function encodeRows(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeRows);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeRows(v)]));
  }
  return value;
}

export function decodeRows(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeRows);
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === "$date" && typeof entries[0][1] === "string") return new Date(entries[0][1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeRows(v)]));
  }
  return value;
}

export interface ReaderCall {
  query: string;
  variables: { keys: string[] };
  extensions: Record<string, unknown>;
}

/** Answers a verified reader call with the source's own reader: one result (a row, a list or null) per key. */
export async function answerReaderCall(
  reader: Record<string, (key: string) => Promise<unknown>>,
  source: SourceSubgraph,
  call: { query: string; variables?: unknown },
): Promise<unknown[]> {
  const method = (READER_METHODS[source] as readonly string[]).find((m) => readerOperation(source, m) === call.query);
  if (!method)
    throw new GatewayError("BAD_REQUEST", say(FEDERATION_MESSAGES.notAReader, { source, query: JSON.stringify(call.query).slice(0, 80) }));
  const keys = (call.variables as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys) || keys.length > MAX_READER_KEYS || !keys.every((k) => typeof k === "string" && k.length <= 64)) {
    throw new GatewayError("BAD_REQUEST", say(FEDERATION_MESSAGES.readerKeys, { max: MAX_READER_KEYS }));
  }
  return Promise.all(keys.map((key: string) => reader[method](key)));
}

export interface RemoteReaderOptions {
  urls: Record<SourceSubgraph, string>;
  /** The platform's secret: each source's reader calls are signed with that source's own (subgraphSecret). */
  platformSecret: string;
  /** The identity of the request being served, re-signed for each call. */
  identity: () => Pick<ForwardedIdentity, "client" | "purpose" | "requestId">;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The three sources' readers for one request, over their subgraphs: one POST per method per batch. */
export function remoteReaders(options: RemoteReaderOptions): Readers {
  const doFetch = options.fetch ?? fetch;
  const call = async (source: SourceSubgraph, method: string, keys: readonly string[]): Promise<unknown[]> => {
    const query = readerOperation(source, method);
    const variables = { keys: [...keys] };
    const identity = identityFor(source, options.identity());
    const signature = sign(subgraphSecret(options.platformSecret, source), signedPayload({ query, variables, identity }));
    let response: Response;
    try {
      response = await doFetch(new URL(READER_PATH, options.urls[source]), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables, extensions: { [IDENTITY_EXTENSION]: identity, [SIGNATURE_EXTENSION]: signature } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
    } catch (error) {
      throw new SourceUnavailableError(source, {
        message: (error as Error).name === "TimeoutError" ? PLATFORM_MESSAGES.subgraphTimedOut : PLATFORM_MESSAGES.subgraphUnreachable,
      });
    }
    const body = (await response.json().catch(() => null)) as { results?: unknown[]; errors?: { message: string }[] } | null;
    if (!response.ok || !body || !Array.isArray(body.results) || body.results.length !== keys.length) {
      throw new SourceUnavailableError(source, { message: PLATFORM_MESSAGES.subgraphHttpStatus, params: { status: response.status } });
    }
    return decodeRows(body.results) as unknown[];
  };
  const readerOf = (source: SourceSubgraph) =>
    Object.fromEntries(
      READER_METHODS[source].map((method) => {
        const loader = new DataLoader<string, unknown>((keys) => call(source, method, keys), { maxBatchSize: MAX_READER_KEYS });
        return [method, (key: string) => loader.load(key)];
      }),
    );
  return {
    population: readerOf("population") as unknown as PopulationReader,
    land: readerOf("land") as unknown as LandReader,
    business: readerOf("business") as unknown as BusinessReader,
  };
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when a source's reader gains or loses a method the list above does not name. */
export const READER_METHODS_COMPLETE: Same<(typeof READER_METHODS.population)[number], keyof PopulationReader> &
  Same<(typeof READER_METHODS.land)[number], keyof LandReader> &
  Same<(typeof READER_METHODS.business)[number], keyof BusinessReader> = true;
