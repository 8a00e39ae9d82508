/** Building blocks of the generator: the PRNG, weighted picks, id allocation, calendar tables, CSV text. */
import { describe, expect, it } from "vitest";
import { parsePersonalId, taxCodeProblem } from "../../src/shared/codes.js";
import { field, parseCsv, utf8Bytes } from "../../src/seed/csv.js";
import { addYears, ageAt, iso, parseDay } from "../../src/seed/dates.js";
import { IdAllocator } from "../../src/seed/ids.js";
import { Random, Weighted } from "../../src/seed/random.js";

describe("Random", () => {
  it("repeats its sequence for a seed and differs between seeds and streams", () => {
    const take = (r: Random) => Array.from({ length: 5 }, () => r.nextUint32());
    expect(take(new Random(42))).toEqual(take(new Random(42)));
    expect(take(new Random(42))).not.toEqual(take(new Random(43)));
    expect(take(new Random(42, 1))).not.toEqual(take(new Random(42, 2)));
  });

  it("keeps int() within bounds and weighted picks near their weights", () => {
    const r = new Random(7);
    const weighted = new Weighted([
      ["a", 1],
      ["b", 3],
      ["never", 0],
    ] as const);
    const counts: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 20_000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      counts[weighted.pick(r)]++;
    }
    expect(counts.never).toBeUndefined();
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });
});

describe("IdAllocator", () => {
  it("hands out unique, well-formed personal ids, tax codes and certificate serials", () => {
    const ids = new IdAllocator(2025, 3321);
    const personal = new Set<string>();
    const tax = new Set<string>();
    const serials = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const id = ids.personalId("001", 1990, i % 2 ? "FEMALE" : "MALE");
      const parts = parsePersonalId(id);
      expect(parts).toMatchObject({ provinceCode: "001", birthYear: 1990, sex: i % 2 ? "FEMALE" : "MALE" });
      personal.add(id);
      const code = ids.taxCode("79");
      expect(taxCodeProblem(code)).toBeNull();
      tax.add(code);
      serials.add(ids.certificateSerial(parseDay("2020-05-01"), i % 26));
    }
    expect(personal.size).toBe(5000);
    expect(tax.size).toBe(5000);
    expect(serials.size).toBe(5000);
  });
});

describe("dates and CSV", () => {
  it("computes days, birthdays and ages without Date objects", () => {
    const d = parseDay("2000-02-29");
    expect(iso(d)).toBe("2000-02-29");
    expect(iso(addYears(d, 1))).toBe("2001-02-28");
    expect(ageAt(d, parseDay("2026-02-28"))).toBe(25);
    expect(ageAt(d, parseDay("2026-03-01"))).toBe(26);
  });

  it("quotes text and carries Vietnamese as UTF-8 bytes", () => {
    expect(field('Số 12, "ngõ" 45')).toBe(utf8Bytes('"Số 12, ""ngõ"" 45"'));
    expect(Buffer.from(utf8Bytes("Nguyễn Thị Đào"), "latin1").toString("utf8")).toBe("Nguyễn Thị Đào");
    expect(field(null)).toBe("");
    expect(parseCsv('a,"b, c","d ""e"""\r\n1,,3\n')).toEqual([
      ["a", "b, c", 'd "e"'],
      ["1", "", "3"],
    ]);
  });
});
