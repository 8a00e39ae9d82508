/**
 * The HTTP front in the language asked for: Content-Language and Vary on every answer, its own refusals and the
 * words graphql-js and Apollo write in English said again in Vietnamese; codes and extensions unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 50 });
});
afterAll(() => gw?.close());

const VI = { ...DEMO_HEADERS, "accept-language": "vi-VN,vi;q=0.9,en;q=0.5" };

async function raw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const response = await fetch(`${gw.url}${path}`, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe("the language of an answer", () => {
  it("is said in Content-Language, and answers vary by Accept-Language", async () => {
    const vi = await gw.send(`{ provinces { code name } }`, {}, VI);
    expect(vi.headers.get("content-language")).toBe("vi");
    expect(vi.headers.get("vary")?.toLowerCase()).toContain("accept-language");
    const en = await gw.send(`{ provinces { code name } }`, {}, DEMO_HEADERS);
    expect(en.headers.get("content-language")).toBe("en");
    // The data itself does not change with the language.
    expect(vi.body.errors).toBeUndefined();
    expect(vi.body.data.provinces).toHaveLength(34);
    expect(vi.body.data).toEqual(en.body.data);
  });

  it("says the HTTP front's refusals in Vietnamese, with the same code and status", async () => {
    const vi = await raw("/nothing-here", { headers: { "accept-language": "vi" } });
    const en = await raw("/nothing-here");
    expect([vi.status, en.status]).toEqual([404, 404]);
    expect(vi.body.errors[0].extensions).toEqual(en.body.errors[0].extensions);
    expect(en.body.errors[0].message).toBe("Nothing at /nothing-here. GraphQL is served at /graphql; the IDE at /.");
    expect(vi.body.errors[0].message).toBe("Không có gì tại /nothing-here. GraphQL được phục vụ tại /graphql; IDE tại /.");
    const notJson = await raw("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "vi" },
      body: "{",
    });
    expect(notJson.body.errors[0]).toEqual({ message: "Thân yêu cầu không phải JSON hợp lệ.", extensions: { code: "BAD_REQUEST" } });
  });

  it("says graphql-js's validation and syntax errors in Vietnamese", async () => {
    const unknown = await gw.send(`{ provinces { code nme } }`, {}, VI);
    expect(unknown.body.errors![0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(unknown.body.errors![0].message).toMatch(/^Kiểu "Province" không có trường "nme"\./);
    const english = await gw.send(`{ provinces { code nme } }`, {}, DEMO_HEADERS);
    expect(english.body.errors![0].message).toMatch(/^Cannot query field "nme" on type "Province"\./);
    const syntax = await gw.send(`{ provinces { code `, {}, VI);
    expect(syntax.body.errors![0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(syntax.body.errors![0].message).toBe("Lỗi cú pháp: cần Name, nhưng gặp <EOF>.");
    const missing = await gw.send(`query($id: PersonalId!) { citizen(personalId: $id) { fullName } }`, {}, VI);
    expect(missing.body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(missing.body.errors![0].message).toBe('Biến "$id" kiểu bắt buộc "PersonalId!" không được gửi.');
  });

  it("reads operational records' refusals in Vietnamese", async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const reply = await gw.send(
      `query($from: DateTime!, $to: DateTime!) { operationalRecords(from: $from, to: $to) { totalCount } }`,
      { from, to: from },
      VI,
    );
    expect(reply.body.errors![0].extensions.code).toBe("INVALID_ARGUMENT");
    expect(reply.body.errors![0].message).toMatch(/^"from" \(.+\) phải trước "to" \(.+\)\.$/);
  });
});
