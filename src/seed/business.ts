/**
 * Enterprises (about one per 25 citizens) and household businesses (one per 40). An enterprise's code is a
 * valid tax code; its name follows its legal form ("CÔNG TY TNHH MỘT THÀNH VIÊN …", "CÔNG TY CỔ PHẦN …");
 * it has exactly one legal representative (an adult citizen at registration) and the owners its form requires
 * (one OWNER at 100%, or 2–5 MEMBERs / 3–5 founding SHAREHOLDERs whose shares sum to 100). People come from the
 * reservoir of generated adults, so every personal id exists in the population source.
 */
import { foldName } from "../shared/codes.js";
import { addressLine } from "./addresses.js";
import { field } from "./csv.js";
import { addYears, DAYS, iso } from "./dates.js";
import { asciiName } from "./geography.js";
import type { LandGenerator } from "./land.js";
import type { HouseholdInfo } from "./people.js";
import type { Random } from "./random.js";
import {
  FIRST_HOUSEHOLD_BUSINESS,
  FIRST_REGISTRATION,
  FORM_TEXT,
  HOUSEHOLD_LINE_PICKER,
  HOUSEHOLD_STATUSES,
  INDUSTRY_PICKER,
  LEGAL_FORMS,
  type LegalForm,
  POSITIONS,
  STATUSES,
  WORDS,
} from "./business-lists.js";
import type { PersonRef, World } from "./world.js";

/** Two significant digits, as capital is declared ("1.500.000.000 đồng"). */
function roundCapital(x: number): number {
  const magnitude = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / magnitude) * magnitude;
}

/** `count` shares in hundredths that sum to exactly 100.00, as text. */
function shares(random: Random, count: number): string[] {
  const weights = Array.from({ length: count }, () => random.next() + 0.3);
  const total = weights.reduce((s, x) => s + x, 0);
  const cents = weights.map((x) => Math.floor((x / total) * 10000));
  cents[0] += 10000 - cents.reduce((s, x) => s + x, 0);
  return cents.map((c) => (c / 100).toFixed(2));
}

export class BusinessGenerator {
  private readonly r: Random;
  private readonly names = new Set<string>();
  private enterpriseDebt = 0;
  private householdBusinessDebt = 0;

  constructor(
    private readonly world: World,
    private readonly land: LandGenerator,
  ) {
    this.r = world.random.business;
  }

  /** Called after each household: creates the enterprises and household businesses now due. */
  afterHousehold(h: HouseholdInfo): void {
    this.enterpriseDebt += h.people / 25;
    this.householdBusinessDebt += h.people / 40;
    while (this.enterpriseDebt >= 1 && this.world.adults.size >= 16) {
      this.enterprise();
      this.enterpriseDebt--;
    }
    if (this.householdBusinessDebt >= 1) {
      const adults = h.adults;
      while (this.householdBusinessDebt >= 1 && adults.length) {
        this.householdBusiness(h, adults[this.r.chance(0.7) ? 0 : this.r.int(0, adults.length - 1)]);
        this.householdBusinessDebt--;
      }
    }
  }

  /** A living adult (18+ on `day`) from the reservoir not already in `taken`, or null after a few tries. */
  private adult(day: number, taken: PersonRef[]): PersonRef | null {
    for (let i = 0; i < 12; i++) {
      const p = this.world.adults.pick(this.r);
      if (addYears(p.birth, 18) <= day && !taken.includes(p)) return p;
    }
    return null;
  }

  private uniqueName(prefix: string, industry: string): { name: string; distinct: string } {
    for (let attempt = 0; ; attempt++) {
      const a = this.r.pick(WORDS);
      let b = this.r.pick(WORDS);
      while (b === a) b = this.r.pick(WORDS);
      let distinct = `${a} ${b}`;
      if (attempt >= 4) distinct += ` ${this.r.pick(WORDS)}`;
      if (attempt >= 8) distinct += ` ${attempt}`;
      const name = `${prefix} ${industry} ${distinct}`;
      if (!this.names.has(name)) {
        this.names.add(name);
        return { name, distinct };
      }
    }
  }

  /** The owners a legal form requires, all adults by `registered` (which moves later if the reservoir is young). */
  private owners(
    form: LegalForm,
    representative: PersonRef,
    registered: number,
  ): { owners: PersonRef[]; role: string; registered: number } {
    const r = this.r;
    if (form === "PRIVATE_ENTERPRISE") return { owners: [representative], role: "OWNER", registered };
    if (form === "SINGLE_MEMBER_LLC") {
      const owner = r.chance(0.6) ? representative : (this.adult(registered, [representative]) ?? representative);
      return { owners: [owner], role: "OWNER", registered };
    }
    const role = form === "JOINT_STOCK" ? "SHAREHOLDER" : "MEMBER";
    const wanted = form === "JOINT_STOCK" ? r.int(3, 5) : form === "PARTNERSHIP" ? r.int(2, 4) : r.int(2, 5);
    const owners: PersonRef[] = form === "PARTNERSHIP" || r.chance(0.8) ? [representative] : [];
    const taken = owners.length ? owners : [representative];
    for (let attempt = 0; owners.length < wanted && attempt < 50; attempt++) {
      const p = this.adult(registered, taken) ?? this.adult(DAYS.lastBirth, taken);
      if (!p) continue;
      owners.push(p);
      if (taken !== owners) taken.push(p);
      registered = Math.max(registered, addYears(p.birth, 18));
    }
    return { owners, role, registered };
  }

  private enterprise(): void {
    const w = this.world;
    const r = this.r;
    const b = w.buffers;
    const form = LEGAL_FORMS.pick(r);
    const text = FORM_TEXT[form];

    const representative = w.adults.pick(r);
    const from = Math.max(FIRST_REGISTRATION, addYears(representative.birth, 18));
    // Registrations grow over the years: the later of two uniform draws.
    const chosen = this.owners(form, representative, Math.max(r.day(from, DAYS.lastBirth), r.day(from, DAYS.lastBirth)));
    const registered = chosen.registered;

    const code = w.ids.taxCode(w.businessProvinces.pick(r).code);
    const province = w.geo.provinceByCode.get(code.slice(0, 2))!;
    const commune = w.businessCommune(r, province);
    const address = field(addressLine(r, commune));
    const industry = INDUSTRY_PICKER.pick(r);
    const { name, distinct } = this.uniqueName(text.prefix, industry[2]);
    const ascii = asciiName(distinct);
    const foreign = form === "PRIVATE_ENTERPRISE" && r.chance(0.7) ? null : `${ascii} ${industry[3]} ${text.suffix}`;
    const short = text.short ? `${ascii} ${text.short}` : null;
    let status = STATUSES.pick(r);
    let changed = "";
    if (status !== "ACTIVE") {
      if (registered + 180 <= DAYS.today - 1) changed = iso(r.day(registered + 180, DAYS.today - 1));
      else status = "ACTIVE";
    }
    const capital = roundCapital(r.logUniform(100e6, 50e9));
    b.enterprises.add(
      `${code},${field(name)},${field(foldName(name))},${field(foreign)},${field(short)},${form},${status},${changed},${iso(registered)},${commune.code},${province.code},${address},${capital},${industry[0]},${w.updatedAt(r)}\n`,
    );

    b.enterpriseIndustries.add(`${code},${industry[0]},true\n`);
    const extra = r.int(0, 3);
    const lines = [industry[0]];
    for (let i = 0; i < extra; i++) {
      const other = INDUSTRY_PICKER.pick(r)[0];
      if (!lines.includes(other)) {
        lines.push(other);
        b.enterpriseIndustries.add(`${code},${other},false\n`);
      }
    }

    b.enterprisePeople.add(`${code},${representative.id},LEGAL_REPRESENTATIVE,${field(POSITIONS[form].pick(r))},\n`);
    const { owners, role } = chosen;
    const split = owners.length === 1 ? ["100.00"] : shares(r, owners.length);
    for (let i = 0; i < owners.length; i++) b.enterprisePeople.add(`${code},${owners[i].id},${role},,${split[i]}\n`);

    if (r.chance(0.2)) {
      const count = r.int(1, 3);
      const usedProvinces: string[] = [];
      for (let i = 1; i <= count; i++) {
        const bp = r.chance(0.5) ? province : w.businessProvinces.pick(r);
        const bc = w.businessCommune(r, bp);
        const place = usedProvinces.includes(bp.code) ? `SỐ ${i} TẠI ${bp.shortName.toUpperCase()}` : bp.shortName.toUpperCase();
        usedProvinces.push(bp.code);
        const closed = status === "DISSOLVED" || status === "BANKRUPT" || r.chance(0.1);
        const opened = registered + 90 <= DAYS.lastBirth ? r.day(registered + 90, DAYS.lastBirth) : registered;
        b.branches.add(
          `${code}-${String(i).padStart(3, "0")},${code},${field(`CHI NHÁNH ${place} - ${name}`)},${bc.code},${field(addressLine(r, bc))},${closed ? "CLOSED" : "ACTIVE"},${iso(opened)}\n`,
        );
      }
    }

    if ((status === "ACTIVE" || status === "SUSPENDED") && r.chance(0.4)) {
      this.land.enterprise(code, commune, registered, address);
      if (r.chance(0.1)) this.land.enterprise(code, commune, registered, address);
    }
  }

  private householdBusiness(h: HouseholdInfo, owner: PersonRef): void {
    const w = this.world;
    const r = this.r;
    const [line, industry, word, min, max] = HOUSEHOLD_LINE_PICKER.pick(r);
    // The owner's permanent commune, or for a legacy address in a split commune, the successor they live in.
    const commune = h.place;
    const number = w.ids.householdBusinessNumber(commune.province.code, commune.indexInProvince);
    const from = Math.max(FIRST_HOUSEHOLD_BUSINESS, addYears(owner.birth, 18));
    const registered = r.day(from, DAYS.lastBirth);
    const name = `HỘ KINH DOANH ${word} ${owner.given.toUpperCase()}`;
    w.buffers.householdBusinesses.add(
      `${number},${field(name)},${owner.id},${commune.code},${h.addressField},${field(line)},${industry},${roundCapital(r.logUniform(min, max))},${HOUSEHOLD_STATUSES.pick(r)},${iso(registered)},${w.updatedAt(r)}\n`,
    );
  }
}
