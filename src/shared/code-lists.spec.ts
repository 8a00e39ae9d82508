/** The national code lists and the lookups that name codes with them. */
import { describe, expect, it } from "vitest";
import { ETHNICITIES, ethnicity, industry, LAND_USE_PURPOSES, landUsePurpose, landUsePurposeCodes, VSIC_INDUSTRIES } from "./code-lists.js";

const LISTS = { ETHNICITIES, LAND_USE_PURPOSES, VSIC_INDUSTRIES };

describe("code lists", () => {
  it("hold each code once, every entry named in Vietnamese and in English", () => {
    for (const [name, list] of Object.entries(LISTS)) {
      const codes = list.map((e) => e.code);
      expect(new Set(codes).size, name).toBe(codes.length);
      for (const entry of list) {
        expect(entry.name.trim(), `${name} ${entry.code}`).not.toBe("");
        expect(entry.nameEn.trim(), `${name} ${entry.code}`).not.toBe("");
      }
    }
  });

  it("list the 54 ethnic groups under the statistics office's codes 01–54, Kinh first", () => {
    expect(ETHNICITIES.map((e) => e.code)).toEqual(Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, "0")));
    expect(ETHNICITIES[0].name).toBe("Kinh");
  });

  it("give land-use purposes their 3-letter map codes and industries 4-digit VSIC codes, as the sources store them", () => {
    for (const entry of LAND_USE_PURPOSES) expect(entry.code).toMatch(/^[A-Z]{3}$/);
    for (const entry of VSIC_INDUSTRIES) expect(entry.code).toMatch(/^\d{4}$/);
  });

  it("follow VSIC 2018, which splits 4100 into 4101 and 4102", () => {
    const codes = VSIC_INDUSTRIES.map((e) => e.code) as string[];
    expect(codes).toContain("4101");
    expect(codes).toContain("4102");
    expect(codes).not.toContain("4100");
  });
});

describe("lookups", () => {
  it("name a known code with its list's entry", () => {
    for (const entry of ETHNICITIES) expect(ethnicity(entry.code)).toEqual({ code: entry.code, name: entry.name, nameEn: entry.nameEn });
    for (const entry of LAND_USE_PURPOSES)
      expect(landUsePurpose(entry.code)).toEqual({ code: entry.code, name: entry.name, nameEn: entry.nameEn });
    for (const entry of VSIC_INDUSTRIES) expect(industry(entry.code)).toEqual({ code: entry.code, name: entry.name, nameEn: entry.nameEn });
  });

  it("still answer for an unknown code, keeping it and saying which list lacks it", () => {
    expect(ethnicity("99")).toEqual({ code: "99", name: "(code 99 is not in the ethnicity list)", nameEn: null });
    expect(landUsePurpose("XYZ").name).toContain("land-use purpose");
    expect(industry("4100").name).toContain("VSIC 2018");
  });

  it("list the land-use purpose codes in the list's order", () => {
    expect(landUsePurposeCodes()).toEqual(LAND_USE_PURPOSES.map((e) => e.code));
  });
});
