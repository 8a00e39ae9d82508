/**
 * The conformance check answers in the reader's language: with `Accept-Language: vi` its findings and its typed
 * errors are in Vietnamese, without it in English; rules, codes, files, lines and paths are the same either way.
 * The check runs on a worker thread, which is handed the request's language with the check.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localeLanguage, runConformance } from "../../src/cli/conformance.js";
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
  operations: [
    { name: "ops/q.graphql", content: "{ provinces { code } }\n" },
    { name: "ops/p.graphql", content: "query Provinces { provinces { cod } }\n" },
  ],
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
    // graphql-js's own words, said again in Vietnamese.
    expect(message(enReport, "OP_UNKNOWN_FIELD")).toMatch(/^Cannot query field "cod" on type "Province"\./);
    expect(message(viReport, "OP_UNKNOWN_FIELD")).toMatch(/^Kiểu "Province" không có trường "cod"\./);
    expect(message(enReport, "DATA_UNKNOWN_KIND")).toBe(
      "citizen is not a record kind the national standards cover; it was not checked. Did you mean citizens?",
    );
    expect(message(viReport, "DATA_UNKNOWN_KIND")).toBe(
      "citizen không phải loại bản ghi mà các tiêu chuẩn quốc gia quy định; phần này không được kiểm tra. Có phải ý bạn là citizens?",
    );
    expect(message(enReport, "DATA_DATE")).toBe('dateOfBirth "14/03/1990" is not an ISO 8601 date (YYYY-MM-DD).');
    expect(message(viReport, "DATA_DATE")).toBe('dateOfBirth "14/03/1990" không phải ngày theo ISO 8601 (YYYY-MM-DD).');
    const fix = (report: typeof enReport, rule: string) => report.findings.find((f: { rule: string }) => f.rule === rule)?.fix;
    expect(fix(enReport, "DATA_DATE")).toBe("write 1990-03-14");
    expect(fix(viReport, "DATA_DATE")).toBe("viết 1990-03-14");
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
    expect(en.body.errors![0].extensions).toEqual({ code: "INVALID_CONFORMANCE_INPUT", file: "empty.json", line: null, column: null });
    expect(vi.body.errors![0].extensions).toEqual(en.body.errors![0].extensions);
    expect(en.body.errors![0].message).toBe("empty.json: the file is empty; a JSON value was expected.");
    expect(vi.body.errors![0].message).toBe("empty.json: tệp rỗng; cần một giá trị JSON.");
  }, 120_000);

  it("says a bound of the API exceeded in Vietnamese, naming the bound as in English", async () => {
    const input = { operations: [], samples: Array.from({ length: 60 }, (_, i) => ({ name: `s${i}.json`, content: "{}" })) };
    const en = await check(DEMO_HEADERS, input);
    const vi = await check(VI, input);
    expect(en.body.errors![0].extensions.code).toBe("INVALID_CONFORMANCE_INPUT");
    expect(vi.body.errors![0].extensions).toEqual(en.body.errors![0].extensions);
    expect(en.body.errors![0].message).toMatch(/^\(input\): 60 sample files, more than the API checks in one call \(maxSampleFiles: 50\)/);
    expect(vi.body.errors![0].message).toMatch(
      /^\(input\): 60 tệp dữ liệu mẫu, nhiều hơn mức API kiểm tra trong một lần gọi \(maxSampleFiles: 50\)/,
    );
  }, 120_000);
});

describe("conformanceRules in both languages", () => {
  it("gives each rule's title and fix in Vietnamese with Accept-Language: vi; ids, severities and basis unchanged", async () => {
    const query = "{ conformanceRules { id category severity title basis fix } }";
    const en = await gw.send(query, {}, DEMO_HEADERS);
    const vi = await gw.send(query, {}, VI);
    const rules = (answer: typeof en) => answer.body.data.conformanceRules as { id: string; title: string; fix: string; basis: string }[];
    expect(rules(vi).map(({ title: _t, fix: _f, ...rest }) => rest)).toEqual(rules(en).map(({ title: _t, fix: _f, ...rest }) => rest));
    const unnamed = (answer: typeof en) => rules(answer).find((r) => r.id === "OP_UNNAMED")!;
    expect(unnamed(en).title).toBe("The operation has no name");
    expect(unnamed(vi).title).toBe("Thao tác không có tên");
    for (const [i, rule] of rules(vi).entries()) expect(rule.title, rule.id).not.toBe(rules(en)[i].title);
  }, 120_000);
});

describe("ndaf-gateway conformance --lang", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-conformance-lang-"));
  fs.writeFileSync(path.join(dir, "q.graphql"), "{ provinces { code } }\n");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[], env?: Record<string, string>) {
    let out = "";
    let err = "";
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: dir, env };
    const status = await runConformance(["--operations", "q.graphql", "--format", "json", ...args], io);
    return { status, out, err };
  }
  const unnamed = (out: string) =>
    (JSON.parse(out) as { findings: { rule: string; message: string }[] }).findings.find((f) => f.rule === "OP_UNNAMED")!.message;

  it("says the findings in Vietnamese with --lang vi, or under a Vietnamese locale; in English otherwise", async () => {
    const en = await cli([]);
    expect(en.status).toBe(0);
    expect(unnamed(en.out)).toBe("An unnamed query: name it so logs and audit reviews can tell exchanges apart.");
    const vi = await cli(["--lang", "vi"]);
    expect(vi.status).toBe(0);
    expect(unnamed(vi.out)).toMatch(/^Một query không có tên/);
    expect(unnamed((await cli([], { LANG: "vi_VN.UTF-8" })).out)).toMatch(/^Một query không có tên/);
    expect(unnamed((await cli(["--lang=en"], { LANG: "vi_VN.UTF-8" })).out)).toMatch(/^An unnamed query/);
    expect(unnamed((await cli([], { LC_ALL: "C", LANG: "vi_VN.UTF-8" })).out)).toMatch(/^An unnamed query/);
  }, 120_000);

  it("says an input error in Vietnamese, and refuses a language it does not speak", async () => {
    fs.writeFileSync(path.join(dir, "empty.json"), "");
    let err = "";
    const io = { stdout: () => {}, stderr: (t: string) => void (err += t), cwd: dir };
    expect(await runConformance(["--data", "empty.json", "--lang", "vi"], io)).toBe(2);
    expect(err).toContain("empty.json: tệp rỗng; cần một giá trị JSON.");
    const fr = await cli(["--lang", "fr"]);
    expect(fr.status).toBe(2);
    expect(fr.err).toContain('--lang must be one of en, vi; got "fr".');
  }, 120_000);

  it("reads the locale as POSIX does: LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(localeLanguage({})).toBe("en");
    expect(localeLanguage({ LANG: "vi_VN.UTF-8" })).toBe("vi");
    expect(localeLanguage({ LANG: "vi" })).toBe("vi");
    expect(localeLanguage({ LC_ALL: "en_US.UTF-8", LANG: "vi_VN.UTF-8" })).toBe("en");
    expect(localeLanguage({ LC_ALL: "", LC_MESSAGES: "vi_VN", LANG: "C" })).toBe("vi");
    expect(localeLanguage({ LANG: "video" })).toBe("en");
  });
});
