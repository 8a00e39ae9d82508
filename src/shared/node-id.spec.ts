/**
 * Global object ids, sealed under a test secret: the same id every time for the same record, opaque, and
 * INVALID_NODE_ID for anything the gateway did not issue.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GatewayError } from "../platform/errors.js";
import { NodeIdCodec } from "./node-id.js";

const codec = new NodeIdCodec(Buffer.alloc(32, 3));

function refusedWith(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return (error as GatewayError).code;
  }
  return "accepted";
}

describe("NodeIdCodec", () => {
  it("opens to the type and key it sealed, a key with colons and slashes too", () => {
    for (const [type, key] of [
      ["Citizen", "001085012345"],
      ["ProcedureComponent", "1.001193/TP-01"],
      ["Thing", "a:b:c"],
      ["Dossier", "d".repeat(64)],
    ]) {
      expect(codec.decode(codec.encode(type, key))).toEqual({ type, key });
    }
  });

  it("gives the same record the same id every time, and different records different ids", () => {
    expect(codec.encode("Citizen", "001085012345")).toBe(codec.encode("Citizen", "001085012345"));
    expect(codec.encode("Citizen", "001085012345")).not.toBe(codec.encode("Citizen", "001085012346"));
    expect(codec.encode("Citizen", "0100109106")).not.toBe(codec.encode("Enterprise", "0100109106"));
  });

  it("is opaque: no personal id inside, in text or in plain base64", () => {
    const id = codec.encode("Citizen", "001085012345");
    expect(id).not.toContain("001085012345");
    expect(Buffer.from(id, "base64url").toString("latin1")).not.toContain("001085012345");
    expect(id).not.toContain(Buffer.from("Citizen:001085012345").toString("base64url").slice(0, 12));
  });

  it("differs under another secret, and does not open there", () => {
    const other = new NodeIdCodec(randomBytes(32));
    const id = codec.encode("Citizen", "001085012345");
    expect(other.encode("Citizen", "001085012345")).not.toBe(id);
    expect(refusedWith(() => other.decode(id))).toBe("INVALID_NODE_ID");
  });

  it("refuses an id with any one byte changed", () => {
    const raw = Buffer.from(codec.encode("Citizen", "001085012345"), "base64url");
    for (let i = 0; i < raw.length; i++) {
      const altered = Buffer.from(raw);
      altered[i] ^= 0x80;
      expect(
        refusedWith(() => codec.decode(altered.toString("base64url"))),
        `byte ${i}`,
      ).toBe("INVALID_NODE_ID");
    }
  });

  it("refuses a second spelling of an issued id, so one record has one id", () => {
    // 16 + 21 bytes: the last base64url character carries unused low bits, so others decode to the same bytes.
    const id = codec.encode("Enterprise", "0100109106");
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const respellings = [...alphabet]
      .map((c) => id.slice(0, -1) + c)
      .filter((s) => s !== id && Buffer.from(s, "base64url").equals(Buffer.from(id, "base64url")));
    expect(respellings.length).toBeGreaterThan(0);
    for (const s of respellings) expect(refusedWith(() => codec.decode(s))).toBe("INVALID_NODE_ID");
  });

  it("refuses what it would never issue: a type not named like a GraphQL type, an empty key, no separator", () => {
    expect(refusedWith(() => codec.decode(codec.encode("citizen", "001085012345")))).toBe("INVALID_NODE_ID");
    expect(refusedWith(() => codec.decode(codec.encode("Citizen", "")))).toBe("INVALID_NODE_ID");
    expect(refusedWith(() => codec.decode(codec.encode("", "Citizen")))).toBe("INVALID_NODE_ID");
  });

  it("refuses what is not an id at all, naming the argument", () => {
    for (const text of ["", "abc", "not an id", "a+b/c=", "A".repeat(201)])
      expect(
        refusedWith(() => codec.decode(text, "ids")),
        text.slice(0, 20),
      ).toBe("INVALID_NODE_ID");
    try {
      codec.decode("abc", "ids");
    } catch (error) {
      expect((error as GatewayError).extensions.argument).toBe("ids");
    }
  });

  it("needs a 32-byte secret", () => {
    expect(() => new NodeIdCodec(Buffer.alloc(31))).toThrow();
  });
});
