/**
 * Calendar dates as the law counts them: in Vietnam's time. An age, a card's expiry and a dossier's date turn at
 * midnight in Hanoi, 17:00 UTC the day before, so from 00:00 to 07:00 in Vietnam the UTC date is a day behind.
 */

// The IANA zone rather than a fixed +07:00: the zone is what the law follows (Vietnam has kept UTC+7 without daylight
// saving since 1975, so both agree today), and Node ships the full time-zone data. formatToParts, not a locale's
// date format, so the order of the parts cannot depend on the ICU version.
const VIETNAM_DATE = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/** The date in Vietnam at `now`, as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  const parts = Object.fromEntries(VIETNAM_DATE.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Whole years between two ISO dates (YYYY-MM-DD): an age on `to` of someone born on `from`. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
