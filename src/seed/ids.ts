/**
 * Unique identifiers drawn from per-prefix counters passed through a bijection (`scramble`), so they are unique
 * by construction (no lookup set) yet look random, and depend only on the order of generation.
 *
 * - personal id (Decree 137/2015): 3-digit birth-registration province, century/sex digit, 2-digit year, 6-digit
 *   serial unique per those 6 leading digits;
 * - CMND: 9 digits, the 2-digit old province code then 7 digits;
 * - land certificate serial: 2 letters (the first by era of the blank form: A before 2005, B 2005–2009,
 *   C 2010–2018, D from 2019) + space + 6 digits, e.g. "DA 123456";
 * - tax code: 2-digit head-office province code, 7 digits, check digit (prefixes without one are skipped);
 * - household id: "HK" + a 10-digit sequence in generation order (rows then arrive in key order, and the
 *   household indexes build from presorted input, several times faster);
 * - household business number: 2-digit province + a letter for the registering commune + "8" + 6 digits,
 *   modelled on the pre-2025 district-issued numbers (e.g. "01A8012345").
 */
import { centurySexDigit, taxCheckDigit } from "../shared/codes.js";
import { yearOf } from "./dates.js";
import { scramble } from "./random.js";

const MULTIPLIER = 7919; // prime, coprime with every size used below

function digits(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** A per-prefix starting point, so serials of different prefixes do not line up. */
function offset(key: number, salt: number, size: number): number {
  let h = Math.imul(key ^ salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca77);
  return ((h ^ (h >>> 13)) >>> 0) % size;
}

function next(counters: Int32Array | Float64Array, key: number, capacity: number, what: string): number {
  const n = counters[key]++;
  if (n >= capacity) throw new Error(`seed: ran out of ${what} numbers for prefix ${key}; generate fewer rows`);
  return n;
}

export class IdAllocator {
  private readonly personalCounters = new Int32Array(100 * 1000);
  private readonly cmndCounters = new Int32Array(100);
  private readonly certificateCounters = new Int32Array(4 * 26);
  private readonly taxCounters = new Int32Array(100);
  private readonly householdCounters = new Float64Array(1);
  private readonly householdBusinessCounters = new Int32Array(100 * 26);
  private readonly parcelCounters: Int32Array;
  private readonly salt: number;

  constructor(seed: number, communeCount: number) {
    this.salt = Math.imul(seed | 0, 0x9e3779b1) >>> 0;
    this.parcelCounters = new Int32Array(communeCount);
  }

  /** `province3` is the 3-digit place-of-birth-registration code ("001" for Hà Nội). */
  personalId(province3: string, birthYear: number, sex: "MALE" | "FEMALE"): string {
    const cs = centurySexDigit(birthYear, sex);
    const yy = birthYear % 100;
    const key = Number(province3) * 1000 + cs * 100 + yy;
    const n = next(this.personalCounters, key, 1_000_000, "personal id");
    return `${province3}${cs}${digits(yy, 2)}${digits(scramble(n, 1_000_000, MULTIPLIER, offset(key, this.salt, 1_000_000)), 6)}`;
  }

  cmnd(oldProvince2: string): string {
    const key = Number(oldProvince2);
    const n = next(this.cmndCounters, key, 10_000_000, "CMND");
    return `${oldProvince2}${digits(scramble(n, 10_000_000, MULTIPLIER, offset(key, this.salt, 10_000_000)), 7)}`;
  }

  /** `secondLetter` in 0..25. */
  certificateSerial(issuedOn: number, secondLetter: number): string {
    const year = yearOf(issuedOn);
    const era = year < 2005 ? 0 : year < 2010 ? 1 : year < 2019 ? 2 : 3;
    const key = era * 26 + secondLetter;
    const n = next(this.certificateCounters, key, 1_000_000, "certificate serial");
    return `${"ABCD"[era]}${String.fromCharCode(65 + secondLetter)} ${digits(scramble(n, 1_000_000, MULTIPLIER, offset(key, this.salt, 1_000_000)), 6)}`;
  }

  taxCode(province2: string): string {
    for (;;) {
      const key = Number(province2);
      const n = next(this.taxCounters, key, 10_000_000, "tax code");
      const firstNine = `${province2}${digits(scramble(n, 10_000_000, MULTIPLIER, offset(key, this.salt, 10_000_000)), 7)}`;
      const check = taxCheckDigit(firstNine);
      if (check !== null) return `${firstNine}${check}`;
    }
  }

  householdId(): string {
    return `HK${digits(1_000_000_000 + next(this.householdCounters, 0, 9_000_000_000, "household id"), 10)}`;
  }

  householdBusinessNumber(province2: string, communeIndex: number): string {
    const letter = communeIndex % 26;
    const key = Number(province2) * 26 + letter;
    const n = next(this.householdBusinessCounters, key, 1_000_000, "household business");
    return `${province2}${String.fromCharCode(65 + letter)}8${digits(scramble(n, 1_000_000, MULTIPLIER, offset(key, this.salt, 1_000_000)), 6)}`;
  }

  /** Map sheet (1–60) and parcel number (1–999) unique within a commune; beyond 59,940 parcels, sheets 61+. */
  parcelSlot(communeIndex: number): { sheet: number; parcel: number } {
    const n = this.parcelCounters[communeIndex]++;
    const slots = 60 * 999;
    if (n >= slots) return { sheet: 61 + Math.floor((n - slots) / 999), parcel: ((n - slots) % 999) + 1 };
    const slot = scramble(n, slots, MULTIPLIER, offset(communeIndex, this.salt, slots));
    return { sheet: Math.floor(slot / 999) + 1, parcel: (slot % 999) + 1 };
  }
}
