/** Dates in Vietnam's time: the day turns at 17:00 UTC, and an age with it. */
import { describe, expect, it } from "vitest";
import { todayInVietnam, yearsBetween } from "./dates.js";

describe("todayInVietnam", () => {
  it("is already the next day in Vietnam in the UTC evening", () => {
    expect(todayInVietnam(new Date("2026-01-01T18:30:00Z"))).toBe("2026-01-02");
  });

  it("turns at midnight in Vietnam, 17:00 UTC", () => {
    expect(todayInVietnam(new Date("2026-03-14T16:59:59.999Z"))).toBe("2026-03-14");
    expect(todayInVietnam(new Date("2026-03-14T17:00:00Z"))).toBe("2026-03-15");
  });

  it("crosses the year and a leap day", () => {
    expect(todayInVietnam(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
    expect(todayInVietnam(new Date("2028-02-28T17:00:00Z"))).toBe("2028-02-29");
  });
});

describe("yearsBetween", () => {
  it("turns 18 on the birthday at 01:00 in Vietnam, while it is still the day before in UTC", () => {
    const oneAmOnTheBirthday = new Date("2026-05-19T18:00:00Z"); // 01:00 on 20 May in Hanoi
    expect(oneAmOnTheBirthday.toISOString().slice(0, 10)).toBe("2026-05-19");
    expect(yearsBetween("2008-05-20", todayInVietnam(oneAmOnTheBirthday))).toBe(18);
    expect(yearsBetween("2008-05-20", todayInVietnam(new Date("2026-05-19T16:59:00Z")))).toBe(17);
  });

  it("counts whole years only", () => {
    expect(yearsBetween("2000-02-29", "2001-02-28")).toBe(0);
    expect(yearsBetween("2000-02-29", "2001-03-01")).toBe(1);
    expect(yearsBetween("1990-12-31", "1990-12-31")).toBe(0);
  });
});
