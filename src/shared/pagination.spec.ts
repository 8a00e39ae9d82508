/**
 * Cursors sealed under a test key: they open only for the list that issued them, under the key that sealed them,
 * and any change to one is INVALID_CURSOR. Then a keyset page run over rows held in memory.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GatewayError } from "../platform/errors.js";
import {
  type Connection,
  CursorCodec,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  checkPageSize,
  mapNodes,
  pageSizeForCost,
  paginate,
} from "./pagination.js";

const KEY = Buffer.alloc(32, 7);
const codec = new CursorCodec(KEY);

function refusedWith(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return (error as GatewayError).code;
  }
  return "accepted";
}

describe("CursorCodec", () => {
  it("opens what it sealed, for the same list", () => {
    for (const key of ["001085012345", "a:b/c", "Nguyễn Văn Đức", "x".repeat(300)]) {
      expect(codec.decode("citizens", codec.encode("citizens", key))).toBe(key);
    }
  });

  it("does not carry the key in the clear", () => {
    const cursor = codec.encode("citizens", "001085012345");
    expect(cursor).not.toContain("001085012345");
    expect(Buffer.from(cursor, "base64url").toString("latin1")).not.toContain("001085012345");
    expect(Buffer.from(cursor, "base64url").toString("hex")).not.toContain(Buffer.from("001085012345").toString("hex"));
  });

  it("seals the same key differently each time, and both open", () => {
    const a = codec.encode("citizens", "001085012345");
    const b = codec.encode("citizens", "001085012345");
    expect(a).not.toBe(b);
    expect([codec.decode("citizens", a), codec.decode("citizens", b)]).toEqual(["001085012345", "001085012345"]);
  });

  it("refuses another list's cursor", () => {
    const cursor = codec.encode("citizens", "001085012345");
    expect(refusedWith(() => codec.decode("enterprises", cursor))).toBe("INVALID_CURSOR");
  });

  it("refuses a cursor sealed under another key", () => {
    const other = new CursorCodec(randomBytes(32));
    expect(refusedWith(() => codec.decode("citizens", other.encode("citizens", "001085012345")))).toBe("INVALID_CURSOR");
  });

  it("refuses a cursor with any one byte changed: nonce, sealed key or tag", () => {
    const raw = Buffer.from(codec.encode("citizens", "001085012345"), "base64url");
    for (let i = 0; i < raw.length; i++) {
      const altered = Buffer.from(raw);
      altered[i] ^= 0x01;
      expect(
        refusedWith(() => codec.decode("citizens", altered.toString("base64url"))),
        `byte ${i}`,
      ).toBe("INVALID_CURSOR");
    }
  });

  it("refuses a cut or lengthened cursor", () => {
    const cursor = codec.encode("citizens", "001085012345");
    const raw = Buffer.from(cursor, "base64url");
    expect(refusedWith(() => codec.decode("citizens", raw.subarray(0, raw.length - 1).toString("base64url")))).toBe("INVALID_CURSOR");
    expect(refusedWith(() => codec.decode("citizens", Buffer.concat([raw, Buffer.from([0])]).toString("base64url")))).toBe(
      "INVALID_CURSOR",
    );
  });

  it("refuses what is not a cursor at all, with the argument named", () => {
    for (const text of ["", "abc", "not a cursor!", "a+b/c=", "A".repeat(600), "ü"]) {
      expect(
        refusedWith(() => codec.decode("citizens", text)),
        text.slice(0, 20),
      ).toBe("INVALID_CURSOR");
    }
    try {
      codec.decode("citizens", "abc");
    } catch (error) {
      expect((error as GatewayError).extensions.argument).toBe("after");
    }
  });

  it("needs a 32-byte key", () => {
    expect(() => new CursorCodec(Buffer.alloc(16))).toThrow();
    expect(() => new CursorCodec(Buffer.alloc(33))).toThrow();
  });
});

describe("page sizes", () => {
  it("default to 20 and take 1 to 100", () => {
    expect(checkPageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(checkPageSize(null)).toBe(DEFAULT_PAGE_SIZE);
    expect(checkPageSize(1)).toBe(1);
    expect(checkPageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
  });

  it("refuse anything else as INVALID_PAGINATION", () => {
    for (const first of [0, -1, MAX_PAGE_SIZE + 1, 2.5, Number.NaN])
      expect(
        refusedWith(() => checkPageSize(first)),
        String(first),
      ).toBe("INVALID_PAGINATION");
  });

  it("count toward the cost held to what can run", () => {
    expect(pageSizeForCost(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeForCost("50")).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeForCost(2.5)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeForCost(7)).toBe(7);
    expect(pageSizeForCost(0)).toBe(1);
    expect(pageSizeForCost(10_000)).toBe(MAX_PAGE_SIZE);
  });
});

describe("paginate", () => {
  interface Row {
    id: string;
    name: string;
  }
  const rows: Row[] = Array.from({ length: 7 }, (_, i) => ({ id: `k${i}`, name: `row ${i}` }));

  /** Rows after the key, in key order, at most `limit`: what a keyset statement returns. */
  function source() {
    const calls: { afterKey: string | null; limit: number }[] = [];
    let counts = 0;
    return {
      calls,
      counted: () => counts,
      options: {
        cursors: codec,
        kind: "rows",
        keyOf: (row: Row) => row.id,
        toNode: (row: Row) => row.name,
        fetch: async (afterKey: string | null, limit: number) => {
          calls.push({ afterKey, limit });
          return rows.filter((r) => afterKey === null || r.id > afterKey).slice(0, limit);
        },
        count: async () => (counts++, rows.length),
      },
    };
  }

  it("walks the whole list page by page, each cursor opening to its row's key", async () => {
    const { options, calls } = source();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Connection<string> = await paginate({ ...options, first: 3, after });
      pages++;
      seen.push(...page.edges.map((e) => e.node));
      for (const edge of page.edges) expect(codec.decode("rows", edge.cursor)).toBe(rows.find((r) => r.name === edge.node)!.id);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((r) => r.name));
    expect(pages).toBe(3);
    // One more row than the page is asked for, to know whether another follows.
    expect(calls.map((c) => c.limit)).toEqual([4, 4, 4]);
    expect(calls.map((c) => c.afterKey)).toEqual([null, "k2", "k5"]);
  });

  it("says no page follows when the rows end exactly at the page's end", async () => {
    const page = await paginate({ ...source().options, first: 7 });
    expect(page.edges).toHaveLength(7);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it("answers an empty page with null cursors", async () => {
    const { options } = source();
    const page = await paginate({ ...options, after: codec.encode("rows", "k9") });
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it("counts the total only when asked, and once", async () => {
    const { options, counted } = source();
    const page = await paginate({ ...options, first: 2 });
    expect(counted()).toBe(0);
    expect(await Promise.all([page.countTotal(), page.countTotal()])).toEqual([7, 7]);
    expect(counted()).toBe(1);
  });

  it("refuses a bad page size or a cursor of another list before reading anything", async () => {
    const { options, calls } = source();
    await expect(paginate({ ...options, first: 0 })).rejects.toMatchObject({ extensions: { code: "INVALID_PAGINATION" } });
    await expect(paginate({ ...options, after: codec.encode("other", "k1") })).rejects.toMatchObject({
      extensions: { code: "INVALID_CURSOR" },
    });
    expect(calls).toEqual([]);
  });

  it("seals a cursor only when it is read, once, and mapNodes keeps it so", async () => {
    let sealed = 0;
    const counting = new CursorCodec(randomBytes(32));
    const encode = counting.encode.bind(counting);
    counting.encode = (kind, key) => (sealed++, encode(kind, key));
    const page = await paginate({ ...source().options, cursors: counting, first: 3 });
    const mapped = await mapNodes(page, async (name) => name.toUpperCase());
    expect(sealed).toBe(0);
    expect(mapped.edges.map((e) => e.node)).toEqual(["ROW 0", "ROW 1", "ROW 2"]);
    const end = mapped.pageInfo.endCursor;
    expect(sealed).toBe(1);
    expect(mapped.edges[2].cursor).toBe(end);
    expect(page.edges[2].cursor).toBe(end);
    expect(counting.decode("rows", mapped.edges[0].cursor)).toBe("k0");
    expect(sealed).toBe(2);
  });
});
