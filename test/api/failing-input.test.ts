import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 300 });
});
afterAll(() => gw?.close());

/** The first error of a response, checked to be typed and free of internals. */
async function errorOf(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await gw.query(query, variables);
  expect(status).toBeLessThan(500);
  expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
  const [error] = body.errors!;
  expect(error.extensions.code).toMatch(/^[A-Z_]+$/);
  expect(error.extensions.stacktrace).toBeUndefined();
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return error;
}

describe("malformed national codes", () => {
  it.each([
    ["too short", "00120300456"],
    ["letters", "00120300456A"],
  ])("refuses a personal id that is %s, as a variable and as a literal", async (_, value) => {
    const fromVariable = await errorOf(`query($id: PersonalId!) { citizen(personalId: $id) { fullName } }`, { id: value });
    expect(fromVariable.extensions.code).toBe("INVALID_PERSONAL_ID");
    expect(fromVariable.message).toMatch(/12 digits/);
    const fromLiteral = await errorOf(`{ citizen(personalId: "${value}") { fullName } }`);
    expect(fromLiteral.extensions.code).toBe("INVALID_PERSONAL_ID");
  });

  it("refuses a tax code with a wrong check digit, naming the right one", async () => {
    // 010010010? — compute a valid code and break its last digit.
    const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
    const nine = "010023456";
    const check = 10 - (nine.split("").reduce((s, d, i) => s + Number(d) * weights[i], 0) % 11);
    expect(check).toBeLessThan(10);
    const wrong = `${nine}${(check + 1) % 10}`;
    const error = await errorOf(`query($c: TaxCode!) { enterprise(code: $c) { name } }`, { c: wrong });
    expect(error.extensions.code).toBe("INVALID_TAX_CODE");
    expect(error.message).toContain(`expected ${check}`);
  });

  it("refuses an administrative unit code of the wrong shape", async () => {
    const error = await errorOf(`{ administrativeUnit(code: "1234") { name } }`);
    expect(error.extensions.code).toBe("INVALID_ADMINISTRATIVE_UNIT_CODE");
  });

  it("explains an unknown code, and a pre-2025 code with its successors", async () => {
    const unknown = await errorOf(`{ administrativeUnit(code: "99999") { name } }`);
    expect(unknown.extensions.code).toBe("UNKNOWN_ADMINISTRATIVE_UNIT");
    const newCodes = new Set(
      fs
        .readFileSync("seeds/admin-units/wards_3321.csv", "utf8")
        .split("\n")
        .map((l) => l.split(",")[0]),
    );
    const oldRows = fs
      .readFileSync("seeds/admin-units/old_to_new_commune.csv", "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const old = oldRows.find((r) => !newCodes.has(r[0]))!;
    const legacy = await errorOf(`query($c: AdministrativeUnitCode!) { administrativeUnit(code: $c) { name } }`, { c: old[0] });
    expect(legacy.extensions.code).toBe("UNKNOWN_ADMINISTRATIVE_UNIT");
    expect(legacy.message).toContain("pre-2025");
    expect(legacy.message).toContain(old[3]);
  });

  it("refuses a commune filter given a province code", async () => {
    const error = await errorOf(`{ citizens(filter: { communeCode: "01" }) { totalCount } }`);
    expect(error.extensions.code).toBe("INVALID_ADMINISTRATIVE_UNIT_CODE");
    expect(error.message).toMatch(/provinceCode/);
  });

  it("refuses a malformed parcel id", async () => {
    const error = await errorOf(`{ landParcel(id: "parcel-1") { id } }`);
    expect(error.extensions.code).toBe("INVALID_ARGUMENT");
  });
});

describe("pagination and search", () => {
  it.each([0, -1, 101, 100000])("refuses first: %i", async (first) => {
    const error = await errorOf(`query($f: Int) { citizens(first: $f) { totalCount } }`, { f: first });
    expect(error.extensions.code).toBe("INVALID_PAGINATION");
    expect(error.message).toMatch(/between 1 and 100/);
  });

  it("refuses a cursor that this list did not issue", async () => {
    const error = await errorOf(`{ citizens(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(error.extensions.code).toBe("INVALID_CURSOR");
    const page = await gw.query(`{ enterprises(first: 1) { pageInfo { endCursor } } }`);
    const crossed = await errorOf(`query($a: String) { citizens(after: $a) { totalCount } }`, {
      a: page.body.data.enterprises.pageInfo.endCursor,
    });
    expect(crossed.extensions.code).toBe("INVALID_CURSOR");
  });

  it("refuses a one-letter name search", async () => {
    const error = await errorOf(`{ citizens(filter: { name: "a" }) { totalCount } }`);
    expect(error.extensions.code).toBe("INVALID_ARGUMENT");
  });

  it("refuses an unknown land-use purpose, listing the valid ones", async () => {
    const error = await errorOf(`{ landParcels(filter: { landUsePurpose: "XYZ" }) { totalCount } }`);
    expect(error.extensions.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("ODT");
  });
});

describe("malformed requests", () => {
  it("answers an unknown field with a validation error", async () => {
    const error = await errorOf(`{ citizen(personalId: "001203004567") { salary } }`);
    expect(error.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers a syntax error with 400", async () => {
    const { status, body } = await gw.query(`{ citizen(personalId: `);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers invalid JSON with 400 and an oversized body with 413", async () => {
    const bad = await fetch(`${gw.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
    const big = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ provinces { code } }`, variables: { pad: "x".repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
