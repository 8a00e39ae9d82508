/**
 * Query limits (graphql-armor: depth, aliases, directives; field suggestions hidden in production), the query cost
 * (./cost.ts, with the request's variables), the token limit (Apollo's parser option: armor's own turns syntax
 * errors into 500s), introspection per environment, and a per-client rate limit (rate-limiter-flexible): shared by
 * every process on Redis when there is one, in this process otherwise. Every refusal is a typed error with a code.
 */
import { createHmac } from "node:crypto";
import { ApolloArmor, EnvelopArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import type { ValidationContext, ValidationRule } from "graphql";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { AccessContext } from "./context.js";
import { type ErrorCode, GatewayError } from "../../platform/errors.js";
import { logger } from "../../platform/logger.js";
import type { Redis } from "../../platform/redis.js";
import { language, type Message, say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * Chosen above what the gateway's own examples, tests, bench and load scripts ask. `maxCost` is the query cost of
 * ./cost.ts, every list multiplied by its size: the costliest operations the project ships are the IDE's
 * conformance check with its full report (35,126: a check costs half the limit), the nested household / land /
 * enterprise question over 100 citizens (test/support/queries.ts, 34,100) and the whole public map, 34 provinces
 * with their communes (17,238). 50,000 admits them with room to spare, while a single
 * `provinces { communes { province { communes { … } } } }` costs 2,890,306.
 */
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 50_000, maxDirectives: 20, maxTokens: 5_000 };

/** graphql-armor's own words ("Query depth limit of 12 exceeded, found 13."), in the request's language. */
function armorDetail(detail: string): string {
  if (language() === "en") return detail;
  const match = /limit of (\d+) exceeded, found (\d+)\.$/.exec(detail);
  return match ? say(M.limitExceeded, { limit: match[1], found: match[2] }) : say(M.armorDetail, { original: detail });
}

/** The refusal graphql-armor reports, said as the request is validated (so in its language). */
function reject(code: ErrorCode, what: Message) {
  return (context: ValidationContext | null, error: { message: string }) => {
    const detail = error.message.replace(/^Syntax Error: /, "");
    context?.reportError(new GatewayError(code, say(what, { detail: armorDetail(detail) })));
  };
}

/** graphql-armor's settings for these limits, each refusal with its code: the gateway's and the router's alike. */
function armorOptions(limits: QueryLimits, production: boolean) {
  return {
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [reject("QUERY_TOO_DEEP", M.tooDeep)],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reject("TOO_MANY_ALIASES", M.tooManyAliases)],
    },
    // The cost is the gateway's own (operationCost): it needs the request's variables, which validation does not see.
    costLimit: { enabled: false },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reject("TOO_MANY_DIRECTIVES", M.tooManyDirectives)],
    },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  };
}

/** The same limits (depth, aliases, directives) as Envelop plugins, for the federation router. */
export function routerQueryLimits(limits: QueryLimits, production: boolean): ReturnType<EnvelopArmor["protect"]> {
  // The token limit is the router's parser's own (src/federation/router.ts): Hive Gateway parses before these run.
  return new EnvelopArmor(armorOptions(limits, production)).protect();
}

export function queryLimitProtection(
  limits: QueryLimits,
  production: boolean,
): { plugins: ApolloServerPlugin<AccessContext>[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor(armorOptions(limits, production));
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as unknown as ApolloServerPlugin<AccessContext>[],
    validationRules: validationRules as unknown as ValidationRule[],
  };
}

/** Refuses `__schema` and `__type` when introspection is off (`__typename` stays allowed). */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      context.reportError(new GatewayError("INTROSPECTION_DISABLED", say(M.introspectionDisabled)));
    }
  },
});

/** Where the counters live: Redis, shared by every process (keys `<prefix>:rl:<limit>:<key>`), or this process. */
export interface RateLimitStore {
  redis: Redis;
  prefix: string;
  /**
   * The installation's secret: keys in Redis are an HMAC of the client id or address, never the id itself (a
   * citizen client's id is their personal id, and a Redis may be shared by several installations).
   */
  keySecret: Buffer;
}

/** Requests per minute per client (anonymous callers by address), each client with its own limit if it has one. */
export class RateLimits {
  private readonly limiters = new Map<number, RateLimiterAbstract>();
  /**
   * Decisions taken in this process because Redis failed (down, slow, not yet connected): rate-limiter-flexible's
   * insurance limiter counts them meanwhile, so a request is never held up or failed by Redis. Metrics read it.
   */
  readonly fallbacks = { count: 0 };
  private fallingBack = false;

  constructor(
    readonly defaultPerMinute: number,
    readonly anonymousPerMinute: number,
    private readonly store?: RateLimitStore,
  ) {
    // One warning per outage: the next one is said once Redis has been back.
    store?.redis.on("ready", () => (this.fallingBack = false));
  }

  /** True when the counters are shared by every process (Redis configured; it may still be down for a while). */
  get shared(): boolean {
    return this.store !== undefined;
  }

  private limiter(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      const memory = new RateLimiterMemory({ points, duration: 60 });
      limiter = this.store
        ? new RateLimiterRedis({
            storeClient: this.store.redis,
            points,
            duration: 60,
            // Per limit, as the in-process limiters are: a client whose limit changes starts a fresh count.
            keyPrefix: `${this.store.prefix}:rl:${points}`,
            rejectIfRedisNotReady: true,
            insuranceLimiter: this.insurance(memory),
          })
        : memory;
      this.limiters.set(points, limiter);
    }
    return limiter;
  }

  /** The in-process limiter Redis falls back to, counting and saying (once per outage) when it is used. */
  private insurance(memory: RateLimiterMemory): RateLimiterMemory {
    const consume = memory.consume.bind(memory);
    memory.consume = (key, points, options) => {
      this.fallbacks.count++;
      if (!this.fallingBack) {
        this.fallingBack = true;
        logger.warn("Rate limits: Redis did not answer; counting in this process until it does (limits are per process meanwhile)");
      }
      return consume(key, points, options);
    };
    return memory;
  }

  /** The key as Redis holds it: 128 bits of HMAC-SHA-256 of the client id or address. */
  private storedKey(key: string): string {
    if (!this.store) return key;
    this.keyMac ??= createHmac("sha256", this.store.keySecret).update("ndaf rate-limit keys").digest();
    return createHmac("sha256", this.keyMac).update(key, "utf8").digest("base64url").slice(0, 22);
  }
  private keyMac: Buffer | undefined;

  /** Resolves when the request may go on; a RATE_LIMITED error (with retryAfterSeconds) when it may not. */
  async consume(key: string, perMinute: number): Promise<void> {
    if (perMinute <= 0) return;
    try {
      await this.limiter(perMinute).consume(this.storedKey(key));
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      throw new GatewayError("RATE_LIMITED", say(M.rateLimited, { perMinute, seconds: retryAfterSeconds }), { retryAfterSeconds });
    }
  }
}
