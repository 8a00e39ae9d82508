/**
 * National code formats. Tax codes are checked against codes enterprises really hold, and the personal id against
 * the layout of Decree 137/2015/NĐ-CP, art. 7, so the checks are held to the standard rather than to themselves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADMIN_UNIT_CODE_PATTERN,
  CERTIFICATE_SERIAL_PATTERN,
  PARCEL_ID_PATTERN,
  branchCodeProblem,
  centurySexDigit,
  foldName,
  parsePersonalId,
  taxCheckDigit,
  taxCodeProblem,
} from "./codes.js";

/** Enterprise codes of well-known enterprises, as printed on their registration certificates. */
const REAL_TAX_CODES = ["0100109106", "0300588569", "0101248141"];

describe("personal identification numbers", () => {
  it("encode century and sex in the fourth digit: 0/1 for the 1900s, 2/3 for the 2000s, … up to 8/9 for the 2300s", () => {
    expect(centurySexDigit(1985, "MALE")).toBe(0);
    expect(centurySexDigit(1900, "FEMALE")).toBe(1);
    expect(centurySexDigit(2001, "MALE")).toBe(2);
    expect(centurySexDigit(2099, "FEMALE")).toBe(3);
    expect(centurySexDigit(2100, "MALE")).toBe(4);
    expect(centurySexDigit(2399, "FEMALE")).toBe(9);
    expect(() => centurySexDigit(1899, "MALE")).toThrow(RangeError);
    expect(() => centurySexDigit(2400, "FEMALE")).toThrow(RangeError);
  });

  it("read back as province of registration, sex, year of birth and serial", () => {
    expect(parsePersonalId("001085012345")).toEqual({ provinceCode: "001", sex: "MALE", birthYear: 1985, serial: "012345" });
    expect(parsePersonalId("079301000001")).toEqual({ provinceCode: "079", sex: "FEMALE", birthYear: 2001, serial: "000001" });
    expect(parsePersonalId("036500999999")).toEqual({ provinceCode: "036", sex: "FEMALE", birthYear: 2100, serial: "999999" });
    expect(parsePersonalId("036600999999")).toMatchObject({ sex: "MALE", birthYear: 2200 });
  });

  it("are exactly 12 digits, and say so with the length of what was given", () => {
    for (const value of ["", "00108501234", "0010850123456", "00108501234x", "００１０８５０１２３４５"]) {
      const parsed = parsePersonalId(value);
      expect("error" in parsed ? parsed.error : null, value).toContain(`(${value.length} characters)`);
    }
  });

  it("parse what the decree's layout builds, for every province, year, sex and serial", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1900, max: 2399 }),
        fc.constantFrom("MALE" as const, "FEMALE" as const),
        fc.integer({ min: 0, max: 999_999 }),
        (province, year, sex, serial) => {
          const provinceCode = String(province).padStart(3, "0");
          // Decree 137/2015/NĐ-CP, art. 7: province (3), century and sex (1), year of birth (2), serial (6).
          const id = `${provinceCode}${centurySexDigit(year, sex)}${String(year % 100).padStart(2, "0")}${String(serial).padStart(6, "0")}`;
          expect(id).toMatch(/^\d{12}$/);
          expect(parsePersonalId(id)).toEqual({ provinceCode, sex, birthYear: year, serial: String(serial).padStart(6, "0") });
        },
      ),
    );
  });
});

describe("enterprise codes (tax codes)", () => {
  it("accept the codes enterprises hold", () => {
    for (const code of REAL_TAX_CODES) {
      expect(taxCodeProblem(code), code).toBeNull();
      expect(taxCheckDigit(code.slice(0, 9))).toBe(Number(code[9]));
    }
  });

  it("catch every single wrong digit, the check digit's own too", () => {
    // The weights are all prime to 11, so a change of one digit always changes the sum modulo 11.
    for (const code of REAL_TAX_CODES) {
      for (let i = 0; i < 10; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[i]) continue;
          const typo = `${code.slice(0, i)}${d}${code.slice(i + 1)}`;
          expect(taxCodeProblem(typo), typo).not.toBeNull();
        }
      }
    }
  });

  it("name the expected check digit when it is wrong", () => {
    expect(taxCodeProblem("0100109107")).toMatch(/expected 6, found 7/);
  });

  it("refuse a prefix that can have no check digit (10 − sum mod 11 would be 10)", () => {
    // 000000000 sums to 0: 10 − 0 = 10, no digit.
    expect(taxCheckDigit("000000000")).toBeNull();
    for (let d = 0; d <= 9; d++) expect(taxCodeProblem(`000000000${d}`)).toMatch(/cannot be a tax code/);
  });

  it("are 10 digits", () => {
    for (const value of ["010010910", "01001091060", "010010910a", ""]) expect(taxCodeProblem(value)).toMatch(/exactly 10 digits/);
  });

  it("make branch codes with a hyphen and three digits, the enterprise part checked", () => {
    expect(branchCodeProblem("0100109106-001")).toBeNull();
    expect(branchCodeProblem("0100109107-001")).toMatch(/enterprise part/);
    expect(branchCodeProblem("0100109106001")).toMatch(/hyphen/);
    expect(branchCodeProblem("0100109106-01")).toMatch(/hyphen/);
  });
});

describe("other code shapes", () => {
  it("parcel ids: a 5-digit commune, a map sheet and a parcel number", () => {
    expect(PARCEL_ID_PATTERN.exec("00004-12-345")?.slice(1)).toEqual(["00004", "12", "345"]);
    for (const id of ["0004-12-345", "00004-12345-1", "00004-1-123456", "00004-12", "00004-12-345-1"])
      expect(PARCEL_ID_PATTERN.test(id), id).toBe(false);
  });

  it("certificate serials: two capital letters, an optional space, 6 to 8 digits", () => {
    for (const serial of ["DA 123456", "DA123456", "CS 12345678"]) expect(CERTIFICATE_SERIAL_PATTERN.test(serial), serial).toBe(true);
    for (const serial of ["da 123456", "D 123456", "DA  123456", "DA 12345", "DA 123456789"])
      expect(CERTIFICATE_SERIAL_PATTERN.test(serial), serial).toBe(false);
  });

  it("administrative unit codes: 2 digits for a province, 5 for a commune", () => {
    for (const code of ["01", "79", "00004", "26734"]) expect(ADMIN_UNIT_CODE_PATTERN.test(code), code).toBe(true);
    for (const code of ["1", "001", "0004", "000040", "0a"]) expect(ADMIN_UNIT_CODE_PATTERN.test(code), code).toBe(false);
  });
});

describe("foldName", () => {
  it("matches names with or without diacritics, and with đ written d", () => {
    expect(foldName("Nguyễn Văn Đức")).toBe("nguyen van duc");
    expect(foldName("NGUYỄN THỊ ĐÀO")).toBe("nguyen thi dao");
    expect(foldName("Nguyễn Văn Đức".normalize("NFD"))).toBe(foldName("Nguyễn Văn Đức".normalize("NFC")));
  });

  it("collapses and trims white space", () => {
    expect(foldName("  Trần \t  Thị\n Hoa ")).toBe("tran thi hoa");
  });
});
