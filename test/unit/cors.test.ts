/** Which origins the CORS policy lets read the gateway's answers (src/http/cors.ts). Pure: no server. */
import { describe, expect, it } from "vitest";
import { isLocalOrigin, mergeVary, originAllowed } from "../../src/http/cors.js";

describe("the CORS policy", () => {
  it("counts http(s) on localhost, 127.0.0.1 and [::1] as local, on any port", () => {
    for (const origin of [
      "http://localhost:5173",
      "http://localhost",
      "https://127.0.0.1:8443",
      "http://[::1]:3000",
      "http://app.localhost:5173",
    ]) {
      expect(isLocalOrigin(origin), origin).toBe(true);
    }
    for (const origin of [
      "http://localhost.example.com",
      "http://127.0.0.2",
      "http://10.0.0.1",
      "file://",
      "null",
      "chrome-extension://abc",
      "not a url",
    ]) {
      expect(isLocalOrigin(origin), origin).toBe(false);
    }
  });

  it("allows listed origins exactly, local ones when switched on, any with *, and never the opaque origin", () => {
    const listed = { origins: ["https://portal.example.gov.vn"], anyOrigin: false, localhost: false };
    expect(originAllowed(listed, "https://portal.example.gov.vn")).toBe(true);
    expect(originAllowed(listed, "https://portal.example.gov.vn:8443")).toBe(false);
    expect(originAllowed(listed, "http://localhost:5173")).toBe(false);
    expect(originAllowed({ ...listed, localhost: true }, "http://localhost:5173")).toBe(true);
    expect(originAllowed({ ...listed, anyOrigin: true }, "https://anything.example")).toBe(true);
    expect(originAllowed({ ...listed, anyOrigin: true, localhost: true }, "null")).toBe(false);
  });

  it("merges Vary values without repeating a name", () => {
    expect(mergeVary("Origin", "accept")).toBe("Origin, accept");
    expect(mergeVary("Origin", "origin, Accept")).toBe("origin, Accept");
    expect(mergeVary(undefined, "Accept")).toBe("Accept");
  });
});
