/**
 * The conformance check answers in the reader's language: with `Accept-Language: vi` its findings and its typed
 * errors are in Vietnamese, without it in English; rules, codes, files, lines and paths are the same either way.
 * The check runs on a worker thread, which is handed the request's language with the check.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
}, 120_000);

afterAll(async () => {
  await gw?.close();
});

const VI = { ...DEMO_HEADERS, "accept-language": "vi" };

const CHECK = `query Check($input: ConformanceInput!) {
  checkConformance(input: $input) {
    conformant errors warnings
    findings { rule severity file line column path message fix }
  }
}`;

const INPUT = {
  operations: [{ name: "ops/q.graphql", content: "{ provinces { code } }\n" }],
  samples: [
    {
      name: "data/a.json",
      content: JSON.stringify(
        {
          citizen: [],
          citizens: [
            {
              personalId: "056090001234",
              fullName: "Trần Minh Khoa",
              dateOfBirth: "14/03/1990",
              sex: "MALE",
              permanentResidence: { line: "12 Lê Lợi", communeCode: "22333", districtCode: "568" },
            },
          ],
        },
        null,
        2,
      ),
    },
  ],
};

const check = (headers: Record<string, string>, input: unknown = INPUT) => gw.send(CHECK, { input }, headers);
const where = (findings: { rule: string; severity: string; file: string; line: number; column: number; path: string }[]) =>
  findings.map(({ rule, severity, file, line, column, path }) => ({ rule, severity, file, line, column, path }));

describe("checkConformance in both languages", () => {
  it("says its findings in Vietnamese with Accept-Language: vi, in English without; the rest is the same", async () => {
    const en = await check(DEMO_HEADERS);
    const vi = await check(VI);
    expect(en.body.errors).toBeUndefined();
    expect(vi.body.errors).toBeUndefined();
    expect(vi.headers.get("content-language")).toBe("vi");
    const enReport = en.body.data.checkConformance;
    const viReport = vi.body.data.checkConformance;
    expect(where(viReport.findings)).toEqual(where(enReport.findings));
    expect({ ...viReport, findings: null }).toEqual({ ...enReport, findings: null });

    const message = (report: typeof enReport, rule: string) => report.findings.find((f: { rule: string }) => f.rule === rule)?.message;
    expect(message(enReport, "OP_UNNAMED")).toBe("An unnamed query: name it so logs and audit reviews can tell exchanges apart.");
    expect(message(viReport, "OP_UNNAMED")).toBe(
      "Một query không có tên: hãy đặt tên để nhật ký và việc rà soát phân biệt được các lần trao đổi.",
    );
    expect(message(enReport, "DATA_UNKNOWN_KIND")).toBe(
      "citizen is not a record kind the national standards cover; it was not checked. Did you mean citizens?",
    );
    expect(message(viReport, "DATA_UNKNOWN_KIND")).toBe(
      "citizen không phải loại bản ghi mà các tiêu chuẩn quốc gia quy định; phần này không được kiểm tra. Có phải ý bạn là citizens?",
    );
    expect(message(enReport, "DATA_DATE")).toBe('dateOfBirth "14/03/1990" is not an ISO 8601 date (YYYY-MM-DD).');
    expect(message(viReport, "DATA_DATE")).toBe('dateOfBirth "14/03/1990" không phải ngày theo ISO 8601 (YYYY-MM-DD).');
    expect(message(viReport, "DATA_DISTRICT")).toContain("cấp huyện đã chấm dứt hoạt động từ ngày 1 tháng 7 năm 2025");
    expect(viReport.findings.find((f: { rule: string }) => f.rule === "DATA_UNKNOWN_KIND").fix).toBe("đổi tên thành citizens");
    expect(enReport.findings.find((f: { rule: string }) => f.rule === "DATA_UNKNOWN_KIND").fix).toBe("rename to citizens");

    // The worker threads keep no language of their own: English again after Vietnamese.
    const again = await check(DEMO_HEADERS);
    expect(again.body.data.checkConformance).toEqual(enReport);
  }, 120_000);

  it("says an input error in Vietnamese, its code and extensions unchanged", async () => {
    const input = { operations: [], samples: [{ name: "empty.json", content: "  " }] };
    const en = await check(DEMO_HEADERS, input);
    const vi = await check(VI, input);
    expect(en.body.errors[0].extensions).toEqual({ code: "INVALID_CONFORMANCE_INPUT", file: "empty.json", line: null, column: null });
    expect(vi.body.errors[0].extensions).toEqual(en.body.errors[0].extensions);
    expect(en.body.errors[0].message).toBe("empty.json: the file is empty; a JSON value was expected.");
    expect(vi.body.errors[0].message).toBe("empty.json: tệp rỗng; cần một giá trị JSON.");
  }, 120_000);

  it("says a bound of the API exceeded in Vietnamese, naming the bound as in English", async () => {
    const input = { operations: [], samples: Array.from({ length: 60 }, (_, i) => ({ name: `s${i}.json`, content: "{}" })) };
    const en = await check(DEMO_HEADERS, input);
    const vi = await check(VI, input);
    expect(en.body.errors[0].extensions.code).toBe("INVALID_CONFORMANCE_INPUT");
    expect(vi.body.errors[0].extensions).toEqual(en.body.errors[0].extensions);
    expect(en.body.errors[0].message).toMatch(/^\(input\): 60 sample files, more than the API checks in one call \(maxSampleFiles: 50\)/);
    expect(vi.body.errors[0].message).toMatch(
      /^\(input\): 60 tệp dữ liệu mẫu, nhiều hơn mức API kiểm tra trong một lần gọi \(maxSampleFiles: 50\)/,
    );
  }, 120_000);
});
