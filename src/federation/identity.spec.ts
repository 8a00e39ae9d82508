import { describe, expect, it } from "vitest";
import { GatewayError } from "../platform/errors.js";
import { IDENTITY_EXTENSION, identityFor, NonceGuard, SIGNATURE_EXTENSION, sign, signedPayload, verifySignedRequest } from "./identity.js";

const SECRET = "unit-test-secret-0123456789abcdef0123";
const question = { query: "{ __typename }", variables: { id: "001090000001" } };

function signed(audience: string, now: number) {
  const identity = identityFor(audience, { client: null, purpose: null, requestId: "r-1" }, now);
  return {
    ...question,
    extensions: { [IDENTITY_EXTENSION]: identity, [SIGNATURE_EXTENSION]: sign(SECRET, signedPayload({ ...question, identity })) },
  };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof GatewayError ? `${error.code}: ${error.message}` : String(error);
  }
  return "accepted";
};

describe("verifySignedRequest", () => {
  it("accepts a request signed for this subgraph once, and refuses its replay", () => {
    const nonces = new NonceGuard();
    const body = signed("land", 1_000_000);
    expect(verifySignedRequest(SECRET, body, { audience: "land", nonces }, 1_000_500).requestId).toBe("r-1");
    expect(refusal(() => verifySignedRequest(SECRET, body, { audience: "land", nonces }, 1_000_600))).toMatch(
      /^INVALID_CREDENTIAL: .*replay/,
    );
  });

  it("refuses a request signed for another subgraph, or with other variables", () => {
    const body = signed("land", 1_000_000);
    expect(refusal(() => verifySignedRequest(SECRET, body, { audience: "population" }, 1_000_000))).toMatch(/signed for the land subgraph/);
    const altered = { ...body, variables: { id: "001090000002" } };
    expect(refusal(() => verifySignedRequest(SECRET, altered, { audience: "land" }, 1_000_000))).toMatch(/altered/);
  });

  it("refuses a signature older than a minute", () => {
    const body = signed("land", 1_000_000);
    expect(refusal(() => verifySignedRequest(SECRET, body, { audience: "land" }, 1_000_000 + 61_000))).toMatch(/61 s old/);
  });
});

describe("NonceGuard", () => {
  it("forgets nonces once they expire, and holds at most its bound", () => {
    const guard = new NonceGuard(3);
    expect(guard.accept("a", 100, 0)).toBe(true);
    expect(guard.accept("a", 100, 50)).toBe(false);
    // Expired: swept, so the same nonce would be accepted again (its signature is refused as stale by then anyway).
    expect(guard.accept("b", 300, 200)).toBe(true);
    expect(guard.accept("a", 300, 200)).toBe(true);
    for (const nonce of ["c", "d", "e"]) guard.accept(nonce, 1_000, 250);
    expect(guard.accept("e", 1_000, 260)).toBe(false);
  });
});
