/**
 * Calendar dates as integer day numbers (days since 1900-01-01), with lookup tables for year/month/day and the
 * 'YYYY-MM-DD' text, so the generator's hot loops never build Date objects.
 */

const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

const yearStart = new Int32Array(LAST_YEAR - FIRST_YEAR + 2);
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
{
  let day = 0;
  for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
    yearStart[y - FIRST_YEAR] = day;
    day += isLeap(y) ? 366 : 365;
  }
}
const TOTAL_DAYS = yearStart[LAST_YEAR - FIRST_YEAR + 1];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const yearOfDay = new Uint16Array(TOTAL_DAYS);
const monthOfDay = new Uint8Array(TOTAL_DAYS);
const dateOfDay = new Uint8Array(TOTAL_DAYS);
const monthStart = new Int32Array((LAST_YEAR - FIRST_YEAR + 1) * 12);
{
  let day = 0;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (let m = 0; m < 12; m++) {
      monthStart[(y - FIRST_YEAR) * 12 + m] = day;
      const length = m === 1 && isLeap(y) ? 29 : MONTH_DAYS[m];
      for (let d = 1; d <= length; d++, day++) {
        yearOfDay[day] = y;
        monthOfDay[day] = m + 1;
        dateOfDay[day] = d;
      }
    }
  }
}

let isoText: string[] | undefined;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Day number of a calendar date; a day past the month's end (29 Feb in a common year) is clamped to it. */
export function dayOf(year: number, month: number, date: number): number {
  const start = monthStart[(year - FIRST_YEAR) * 12 + month - 1];
  const length = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
  return start + Math.min(date, length) - 1;
}

/** Day number of an ISO 'YYYY-MM-DD' string (for constants, not hot loops). */
export function parseDay(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function yearOf(day: number): number {
  return yearOfDay[day];
}

/** 'YYYY-MM-DD' text of a day number, from a table built on first use. */
export function iso(day: number): string {
  if (!isoText) {
    isoText = new Array<string>(TOTAL_DAYS);
    for (let d = 0; d < TOTAL_DAYS; d++) isoText[d] = `${yearOfDay[d]}-${pad2(monthOfDay[d])}-${pad2(dateOfDay[d])}`;
  }
  return isoText[day];
}

/** The same calendar date `years` later (29 Feb → 28 Feb). */
export function addYears(day: number, years: number): number {
  return dayOf(yearOfDay[day] + years, monthOfDay[day], dateOfDay[day]);
}

/** Completed years between a birth day and a later day. */
export function ageAt(birth: number, day: number): number {
  let age = yearOfDay[day] - yearOfDay[birth];
  if (monthOfDay[day] < monthOfDay[birth] || (monthOfDay[day] === monthOfDay[birth] && dateOfDay[day] < dateOfDay[birth])) age--;
  return age;
}

const HOURS = Array.from({ length: 24 }, (_, i) => pad2(i));
const MINUTES = Array.from({ length: 60 }, (_, i) => pad2(i));

/** A timestamptz literal in Vietnam time (UTC+7) for a day and a minute of that day. */
export function timestamp(day: number, minuteOfDay: number): string {
  return `${iso(day)} ${HOURS[(minuteOfDay / 60) | 0]}:${MINUTES[minuteOfDay % 60]}:00+07`;
}

/** Fixed points of the generated world. */
export const DAYS = {
  /** "Today" for the generated data: ages, card validity and open statuses are as of this day. */
  today: parseDay("2026-11-01"),
  /** Latest birth date generated. */
  lastBirth: parseDay("2026-06-30"),
  /** Two-level local government and the new commune codes (Resolution 202/2025/QH15) take effect. */
  reorganisation: parseDay("2025-07-01"),
  /** First 12-digit CCCD cards (Law on Citizen Identification 2014 in force). */
  cccdStart: parseDay("2016-01-01"),
  /** Căn cước cards replace the CCCD (Law on Identification 2023 in force). */
  canCuocStart: parseDay("2024-07-01"),
  /** Ministry of Natural Resources and Environment merged into Agriculture and Environment (1 March 2025). */
  environmentMerger: parseDay("2025-03-01"),
} as const;
