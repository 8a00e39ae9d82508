/**
 * Relay-style cursor connections with keyset pagination: a cursor seals `<kind>:<key>` — key is the row's primary
 * key, so pages stay stable and cost the same at any depth — with AES-256-GCM under the gateway's cursor key.
 * Sealed rather than merely encoded: a key can be a personal id, and a cursor must not carry one out of the gateway
 * (a page's cursors would otherwise name people whose records were never read, outside the audit trail), nor let
 * a caller forge a starting point. The key lives in the gateway database, so every replica reads the same one.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import "reflect-metadata";
import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import { listCost } from "./cost.js";
import { InvalidInputError } from "../platform/errors.js";
import { say } from "../platform/i18n.js";
import { SHARED_MESSAGES } from "./messages.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * The page a connection's `first` asks for, as the query cost counts it. Out of range (refused by the list itself
 * with INVALID_PAGINATION, which says more than a cost error) it is held to 1–100, never below what can run.
 */
export function pageSizeForCost(first: unknown): number {
  const size = typeof first === "number" && Number.isInteger(first) ? first : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
}

/** The `complexity` of a field with a `first` argument: what it selects is paid once per item of the page. */
export const pagedConnection = listCost("first", ({ args, childComplexity }) => pageSizeForCost(args.first) * (1 + childComplexity));

/** The `complexity` of a connection's `edges`: one page, already multiplied by the connection's `first`. */
export const connectionPage = listCost("page", ({ childComplexity }) => 1 + childComplexity);

@ObjectType({ description: "Where a page sits in the whole list (Relay PageInfo)." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when this page was requested after a cursor." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item; pass it as `after` for the next page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a list resolver returns; `totalCount` runs its query only when the field is asked for. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  countTotal: () => Promise<number>;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string, noun: string) {
  @ObjectType(`${name}Edge`, { description: `One ${noun} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor of this item; pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => node, { description: `The ${noun}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${noun} records (Relay connection).` })
  class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType], { description: "The items of this page, in order.", complexity: connectionPage })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: "Whether more pages follow, and the cursors to fetch them." })
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: "Number of items matching the filter, across all pages." })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return ConnectionType;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_CURSOR_LENGTH = 512;

/** Seals and opens cursors with one 32-byte key; the list's kind is bound in as associated data. */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error("The cursor key must be 32 bytes.");
    this.key = key;
  }

  encode(kind: string, key: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(kind, "utf8"));
    const sealed = Buffer.concat([cipher.update(key, "utf8"), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
  }

  /** The key a cursor of this list sealed; INVALID_CURSOR for anything else (another list's, altered, forged). */
  decode(kind: string, cursor: string): string {
    const refuse = () => new InvalidInputError("INVALID_CURSOR", say(SHARED_MESSAGES.invalidCursor, { kind }), { argument: "after" });
    if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
    const raw = Buffer.from(cursor, "base64url");
    if (raw.length < IV_BYTES + TAG_BYTES + 1) throw refuse();
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(kind, "utf8"));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw refuse();
    }
  }
}

export function checkPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new InvalidInputError("INVALID_PAGINATION", say(SHARED_MESSAGES.invalidPageSize, { max: MAX_PAGE_SIZE, first: String(first) }), {
      argument: "first",
      max: MAX_PAGE_SIZE,
    });
  }
  return size;
}

/**
 * Runs one keyset page: `fetch(afterKey, limit)` must return rows ordered by key, at most `limit` of them;
 * one extra row is asked for to know whether another page follows.
 */
export async function paginate<Row, T>(options: {
  cursors: CursorCodec;
  kind: string;
  first?: number | null;
  after?: string | null;
  keyOf: (row: Row) => string;
  fetch: (afterKey: string | null, limit: number) => Promise<Row[]>;
  toNode: (row: Row) => T;
  count: () => Promise<number>;
}): Promise<Connection<T>> {
  const size = checkPageSize(options.first);
  const afterKey = options.after ? options.cursors.decode(options.kind, options.after) : null;
  const rows = await options.fetch(afterKey, size + 1);
  const page = rows.slice(0, size);
  // A cursor is sealed when it is read, once: most questions read a page's endCursor and none of its edges' cursors,
  // and each one sealed is a cipher run.
  const edges = page.map((row): Edge<T> => {
    let cursor: string | undefined;
    return {
      get cursor() {
        return (cursor ??= options.cursors.encode(options.kind, options.keyOf(row)));
      },
      node: options.toNode(row),
    };
  });
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: afterKey !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    countTotal: () => (total ??= options.count()),
  };
}

/**
 * The same page with each node turned into another (all awaited together); each cursor is still sealed only when
 * it is read.
 */
export async function mapNodes<T, U>(page: Connection<T>, toNode: (node: T) => U | Promise<U>): Promise<Connection<U>> {
  const nodes = await Promise.all(page.edges.map((edge) => toNode(edge.node)));
  return {
    ...page,
    edges: page.edges.map((edge, i) => ({
      get cursor() {
        return edge.cursor;
      },
      node: nodes[i],
    })),
  };
}

/** A list field's arguments: page size, the cursor to start after, and the list's filter. */
export interface PageArgs<F> {
  first?: number | null;
  after?: string | null;
  filter?: F;
}
