/**
 * The shared code's and the data modules' messages in the reader's language: a scalar's refusal (as a variable and
 * as a literal), a page size, a global id, an unknown administrative unit, a filter of each source and the nodes
 * bound, in Vietnamese with `Accept-Language: vi` and in English without it — the code and extensions unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
const VI = { ...DEMO_HEADERS, "accept-language": "vi" };

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 60 });
}, 180_000);

afterAll(async () => {
  await gw?.close();
});

/** The same question in English and in Vietnamese: each answer's first error, and the answers' language headers. */
async function bothLanguages(query: string, variables?: Record<string, unknown>) {
  const en = await gw.send(query, variables);
  const vi = await gw.send(query, variables, VI);
  expect(en.body.errors?.length, JSON.stringify(en.body)).toBeGreaterThan(0);
  expect(vi.body.errors?.length, JSON.stringify(vi.body)).toBeGreaterThan(0);
  expect(en.headers.get("content-language")).toBe("en");
  expect(vi.headers.get("content-language")).toBe("vi");
  const [enError, viError] = [en.body.errors![0], vi.body.errors![0]];
  if (process.env.SHOW_MESSAGES) console.log(`${enError.extensions?.code}\n  en: ${enError.message}\n  vi: ${viError.message}`);
  // Codes and extensions never change with the language; only the words do.
  expect(viError.extensions).toEqual(enError.extensions);
  expect(vi.status).toBe(en.status);
  return { en: enError.message as string, vi: viError.message as string, code: enError.extensions?.code as string };
}

describe("shared messages in the reader's language", () => {
  it("an invalid PersonalId variable", async () => {
    const { en, vi, code } = await bothLanguages("query ($id: PersonalId!) { citizen(personalId: $id) { fullName } }", { id: "123" });
    expect(code).toBe("INVALID_PERSONAL_ID");
    expect(en).toContain('Invalid PersonalId: a personal identification number is exactly 12 digits; got "123" (3 characters).');
    expect(vi).toContain('PersonalId không hợp lệ: số định danh cá nhân gồm đúng 12 chữ số; nhận được "123" (3 ký tự).');
    expect(vi).not.toContain("personal identification number");
  });

  // graphql-js wraps the scalar's refusal in its own English ("Variable "$id" got invalid value …; <detail>"); the
  // all-in-one gateway's formatError (src/http/errors.ts) keeps a typed error's message as it is, so the wrapper
  // stays English there until it is said again like graphql-js's other messages (src/http/messages.ts knows the
  // pattern). Expected to fail until then: turn it into an \`it\` when it passes.
  it("an invalid PersonalId variable: graphql-js's wrapper in Vietnamese too", async () => {
    const { vi } = await bothLanguages("query ($id: PersonalId!) { citizen(personalId: $id) { fullName } }", { id: "123" });
    expect(vi).toBe(
      'Biến "$id" nhận giá trị không hợp lệ "123"; PersonalId không hợp lệ: số định danh cá nhân gồm đúng 12 chữ số; nhận được "123" (3 ký tự).',
    );
  });

  it("an invalid PersonalId literal, in each language in turn (nothing cached across languages)", async () => {
    const query = '{ citizen(personalId: "12345") { fullName } }';
    const first = await bothLanguages(query);
    const again = await bothLanguages(query);
    expect(again).toEqual(first);
    expect(first.code).toBe("INVALID_PERSONAL_ID");
    expect(first.en).toContain("Invalid PersonalId: a personal identification number is exactly 12 digits");
    expect(first.vi).toContain("PersonalId không hợp lệ: số định danh cá nhân gồm đúng 12 chữ số");
  });

  it("a TaxCode with a wrong check digit", async () => {
    const { en, vi, code } = await bothLanguages("query ($c: TaxCode!) { enterprise(code: $c) { name } }", { c: "0100109107" });
    expect(code).toBe("INVALID_TAX_CODE");
    expect(en).toContain("Invalid TaxCode: 0100109107 has a wrong check digit: expected 6, found 7.");
    expect(vi).toContain("TaxCode không hợp lệ: 0100109107 có chữ số kiểm tra sai: đúng ra phải là 6, nhưng là 7.");
  });

  it("INVALID_PAGINATION: first: 500", async () => {
    const { en, vi, code } = await bothLanguages("{ citizens(first: 500) { totalCount } }");
    expect(code).toBe("INVALID_PAGINATION");
    expect(en).toBe('"first" must be between 1 and 100; got 500. Page through longer lists with "after".');
    expect(vi).toBe(
      '"first" phải nằm trong khoảng từ 1 đến 100; nhận được 500. Với danh sách dài hơn, hãy xem tiếp từng trang bằng "after".',
    );
  });

  it("INVALID_CURSOR and INVALID_NODE_ID", async () => {
    const cursor = await bothLanguages('{ citizens(first: 5, after: "not-a-cursor") { totalCount } }');
    expect(cursor.code).toBe("INVALID_CURSOR");
    expect(cursor.vi).toContain("Đây không phải con trỏ (cursor) của danh sách này");
    const node = await bothLanguages('{ node(id: "not-an-id") { id } }');
    expect(node.code).toBe("INVALID_NODE_ID");
    expect(node.en).toBe("id: that is not a global id this gateway issued; pass the `id` of an object it returned.");
    expect(node.vi).toBe(
      "id: đây không phải mã định danh toàn cục (global id) do cổng này cấp; hãy truyền `id` của một đối tượng mà cổng đã trả về.",
    );
  });

  it("an unknown administrative unit", async () => {
    const { en, vi, code } = await bothLanguages('{ administrativeUnit(code: "99") { __typename } }');
    expect(code).toBe("UNKNOWN_ADMINISTRATIVE_UNIT");
    expect(en).toContain("No province or commune has code 99 on the 2025 administrative map.");
    expect(vi).toContain("Không có tỉnh/thành phố hay xã/phường nào mang mã 99 trên bản đồ hành chính năm 2025.");
    expect(vi).toContain("Hãy đối chiếu mã với danh sách tỉnh/thành phố");
    const legacy = await bothLanguages('{ legacyAdministrativeUnit(code: "1234") { code } }');
    expect(legacy.code).toBe("INVALID_ADMINISTRATIVE_UNIT_CODE");
    expect(legacy.vi).toContain("Mã đơn vị hành chính trước năm 2025 gồm 2 chữ số (tỉnh)");
    const filter = await bothLanguages('{ citizens(first: 5, filter: { communeCode: "01" }) { totalCount } }');
    expect(filter.code).toBe("INVALID_ADMINISTRATIVE_UNIT_CODE");
    expect(filter.vi).toBe('communeCode nhận mã xã/phường gồm 5 chữ số; "01" có vẻ là mã tỉnh/thành phố — hãy dùng provinceCode.');
  });

  it("each source's filters and the nodes bound", async () => {
    const population = await bothLanguages('{ citizens(first: 5, filter: { bornFrom: "1700-01-01" }) { totalCount } }');
    expect(population.code).toBe("INVALID_ARGUMENT");
    expect(population.vi).toContain("nằm ngoài khoảng năm mà cơ sở dữ liệu quốc gia về dân cư lưu trữ");
    const name = await bothLanguages('{ citizens(first: 5, filter: { name: "a" }) { totalCount } }');
    expect(name.vi).toBe('Tìm kiếm theo tên cần ít nhất 2 chữ cái; nhận được "a".');
    const land = await bothLanguages('{ landParcels(first: 5, filter: { landUsePurpose: "XYZ" }) { totalCount } }');
    expect(land.code).toBe("INVALID_ARGUMENT");
    expect(land.en).toMatch(/^Unknown land-use purpose "XYZ"; use one of /);
    expect(land.vi).toMatch(/^Không có mục đích sử dụng đất "XYZ"; hãy dùng một trong các mã /);
    const business = await bothLanguages('{ enterprises(first: 5, filter: { industryCode: "62" }) { totalCount } }');
    expect(business.code).toBe("INVALID_ARGUMENT");
    expect(business.vi).toBe('industryCode là mã ngành kinh tế VSIC 2018 gồm 4 chữ số (ví dụ "6201"); nhận được "62".');
    const ids = Array.from({ length: 101 }, (_, i) => `x${i}`);
    const nodes = await bothLanguages("query ($ids: [ID!]!) { nodes(ids: $ids) { __typename } }", { ids });
    expect(nodes.code).toBe("INVALID_ARGUMENT");
    expect(nodes.vi).toBe("nodes nhận tối đa 100 mã định danh; nhận được 101. Hãy hỏi phần còn lại trong một lần gọi khác.");
  });
});
