/** The collector the audit invariant relies on: what counts as a personal id in an answer, and what does not. */
import { describe, expect, it } from "vitest";
import { decodeReadableToken, personalIdsIn } from "./personal-ids.js";

const token = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("personal ids in an answer", () => {
  it("finds whole values, ids inside longer strings and ids inside readable cursors, with their paths", () => {
    const answer = {
      data: {
        r0: {
          personalId: "001203004567",
          edges: [{ cursor: token("citizen:054039124345") }],
          evidence: [{ value: "Trần Thị B (079123456789)" }],
        },
      },
      errors: [{ message: "The applicant is recorded as married (spouse 036188001234)." }],
    };
    expect(personalIdsIn(answer)).toEqual([
      { id: "001203004567", path: "data.r0.personalId", via: "value" },
      { id: "054039124345", path: "data.r0.edges[0].cursor", via: "decoded" },
      { id: "079123456789", path: "data.r0.evidence[0].value", via: "inside" },
      { id: "036188001234", path: "errors[0].message", via: "inside" },
    ]);
  });

  it("ignores tax codes, branch codes, longer numbers, request and dossier ids, and opaque tokens", () => {
    const answer = {
      code: "0102030405",
      branch: "0102030405-001",
      long: "1234567890123",
      requestId: "2f1c9a3e-1111-4222-8333-123456789012",
      dossier: "HS-20261201-902526116863",
      dossierCursor: token("dossier:HS-20261201-902526116863"),
      opaque: "v1.8kQ2x-Zb0aT9yLw3nQe7Rp5sUu1Vm4Hc6Jd2Kf0Gg",
    };
    expect(personalIdsIn(answer)).toEqual([]);
    expect(decodeReadableToken(answer.opaque)).toBeNull();
    expect(decodeReadableToken(token("enterprise:0102030405"))).toBe("enterprise:0102030405");
  });
});
