/**
 * Households and their citizens. A household is generated as a unit — single adult, couple, parents with
 * children, single parent, or three generations — so family links are consistent: spouses point at each other,
 * children at their parents (also a deceased parent), parents are 18–45 years older than their children, husbands
 * are at least 20 and wives at least 18. The dead stay in the population source (with their last address) but are
 * no longer household members, and their spouse is WIDOWED.
 *
 * Places: birth registration before 1 July 2025 names a pre-2025 commune (its province gives the first digits of
 * the personal id) plus the 2025 commune it became; hometown is inherited from the father; ~0.5% of households
 * still carry a legacy permanent address in an old commune that was split (no 2025 commune can be chosen for it).
 */
import { addressLine } from "./addresses.js";
import { writeIdentityCards } from "./cards.js";
import { field } from "./csv.js";
import { addYears, ageAt, DAYS, iso, parseDay, yearOf } from "./dates.js";
import { type Commune, type LegacyCommune, preferredSuccessor } from "./geography.js";
import type { NamePart, Sex } from "./names.js";
import type { Random } from "./random.js";
import type { Person, Relation, World } from "./world.js";

const YEAR = 365.2425;
const FIRST_REGISTRATION = parseDay("1995-01-01");

export interface HouseholdInfo {
  id: string;
  /** The 2025 commune the family lives in (for a legacy address: the preferred successor of the old commune). */
  place: Commune;
  legacy: LegacyCommune | null;
  address: string;
  /** `address` as a CSV field (quoted UTF-8 bytes). */
  addressField: string;
  head: Person;
  living: Person[];
  deceased: Person[];
  cards: number;
}

export class PopulationGenerator {
  private readonly r: Random;

  constructor(private readonly world: World) {
    this.r = world.random.people;
  }

  // ---- people ----------------------------------------------------------------------------------------------

  private bornAged(minAge: number, maxAge: number): number {
    const from = DAYS.today - Math.round((maxAge + 1) * YEAR) + 1;
    const to = Math.min(DAYS.today - Math.round(minAge * YEAR), DAYS.lastBirth);
    return this.r.day(from, to);
  }

  private person(sex: Sex, birth: number, family: NamePart | null): Person {
    const year = yearOf(birth);
    const names = this.world.names;
    return {
      id: "",
      sex,
      birth,
      death: -1,
      family: family ?? names.familyName(this.r),
      middle: names.middleName(this.r, sex, year),
      given: names.givenName(this.r, sex, year),
      ethnicity: "01",
      religion: null,
      father: null,
      mother: null,
      spouse: null,
      relation: null,
      marital: "SINGLE",
      bornHere: false,
      hometown: null,
      hometownLegacy: null,
      birthProvince: "",
      birthRegistration: "",
      birthRegistrationLegacy: null,
    };
  }

  /** A spouse for `p`: a wife 2 years older to 8 years younger than her husband, adult by today. */
  private spouseFor(p: Person): Person {
    const sex: Sex = p.sex === "MALE" ? "FEMALE" : "MALE";
    const offset = this.r.int(-2 * 365, 8 * 365) * (sex === "FEMALE" ? 1 : -1);
    const minAge = sex === "MALE" ? 20 : 18;
    const birth = Math.min(p.birth + offset, addYears(DAYS.today, -minAge) - 1);
    const spouse = this.person(sex, birth, null);
    p.spouse = spouse;
    spouse.spouse = p;
    p.marital = spouse.marital = "MARRIED";
    return spouse;
  }

  /** A child of this father and mother (either may be absent from the data), or null when none fits in time. */
  private child(father: Person | null, mother: Person | null, family: NamePart | null): Person | null {
    let from = 0;
    let to = DAYS.lastBirth;
    for (const [parent, min, max] of [[mother, 18, 42], [father, 20, 45]] as const) {
      if (!parent) continue;
      from = Math.max(from, addYears(parent.birth, min));
      to = Math.min(to, addYears(parent.birth, max));
      if (parent.death >= 0) to = Math.min(to, parent.death);
    }
    if (from > to) return null;
    // Most births when the mother is 20–36.
    if (mother && this.r.chance(0.85)) {
      const peakFrom = Math.max(from, addYears(mother.birth, 20));
      const peakTo = Math.min(to, addYears(mother.birth, 36));
      if (peakFrom <= peakTo) {
        from = peakFrom;
        to = peakTo;
      }
    }
    const birth = this.r.day(from, to);
    const sex: Sex = this.r.chance(0.512) ? "MALE" : "FEMALE";
    const c = this.person(sex, birth, father ? father.family : family);
    c.father = father;
    c.mother = mother;
    c.bornHere = true;
    return c;
  }

  private children(father: Person | null, mother: Person | null, family: NamePart | null, count: number): Person[] {
    const result: Person[] = [];
    for (let i = 0; i < count; i++) {
      const c = this.child(father, mother, family);
      if (c) result.push(c);
    }
    return result.sort((a, b) => a.birth - b.birth);
  }

  private childCount(): number {
    const x = this.r.next();
    return x < 0.3 ? 1 : x < 0.75 ? 2 : x < 0.95 ? 3 : 4;
  }

  /** Gives `p` a date of death on or after `from` (and after age 1); false when no day fits. */
  private die(p: Person, from: number): boolean {
    const lo = Math.max(from, addYears(p.birth, 1));
    const hi = DAYS.today - 1;
    if (lo > hi) return false;
    p.death = this.r.day(lo, hi);
    return true;
  }

  private deathChance(p: Person): number {
    const age = ageAt(p.birth, DAYS.today);
    return age >= 85 ? 0.5 : age >= 75 ? 0.28 : age >= 65 ? 0.12 : age >= 55 ? 0.04 : 0.01;
  }

  private widow(survivor: Person): void {
    survivor.marital = "WIDOWED";
  }

  // ---- household shapes: each returns everyone generated, deceased included, and sets `relation` ------------

  private single(): Person[] {
    const roll = this.r.next();
    if (roll < 0.55) {
      const p = this.person(this.r.chance(0.55) ? "MALE" : "FEMALE", this.bornAged(20, 35), null);
      p.relation = "HEAD";
      return [p];
    }
    if (roll < 0.8) {
      const p = this.person(this.r.chance(0.5) ? "MALE" : "FEMALE", this.bornAged(36, 60), null);
      p.marital = this.r.chance(0.5) ? "DIVORCED" : "SINGLE";
      p.relation = "HEAD";
      return [p];
    }
    const p = this.person(this.r.chance(0.25) ? "MALE" : "FEMALE", this.bornAged(61, 92), null);
    p.relation = "HEAD";
    if (!this.r.chance(0.85)) return [p];
    if (this.r.chance(0.6)) {
      const spouse = this.spouseFor(p);
      if (this.die(spouse, addYears(Math.max(p.birth, spouse.birth), 45))) {
        this.widow(p);
        return [p, spouse];
      }
      p.spouse = null;
    }
    p.marital = "WIDOWED";
    return [p];
  }

  private couple(): Person[] {
    const young = this.r.chance(0.5);
    const husband = this.person("MALE", young ? this.bornAged(22, 35) : this.bornAged(55, 88), null);
    const wife = this.spouseFor(husband);
    husband.relation = "HEAD";
    wife.relation = "SPOUSE";
    if (!young) {
      const first = this.r.chance(0.65) ? husband : wife;
      if (this.r.chance(this.deathChance(first)) && this.die(first, addYears(first.birth, 55))) {
        const survivor = first.spouse!;
        this.widow(survivor);
        first.relation = null;
        survivor.relation = "HEAD";
      }
    }
    if (husband.relation === "HEAD" && wife.relation === "SPOUSE" && this.r.chance(0.1)) {
      husband.relation = "SPOUSE";
      wife.relation = "HEAD";
    }
    return [husband, wife];
  }

  private nuclear(): Person[] {
    const motherAge = Math.min(62, Math.max(20, Math.round(36 + this.r.normal() * 9)));
    const mother = this.person("FEMALE", this.bornAged(motherAge, motherAge), null);
    const father = this.spouseFor(mother);
    const kids = this.children(father, mother, null, this.childCount()).filter(
      // Children over 30 have mostly moved out (and are not generated).
      (c) => ageAt(c.birth, DAYS.today) <= 30 || this.r.chance(0.3),
    );
    const headIsFather = this.r.chance(0.85);
    father.relation = headIsFather ? "HEAD" : "SPOUSE";
    mother.relation = headIsFather ? "SPOUSE" : "HEAD";
    for (const k of kids) k.relation = "CHILD";
    return [father, mother, ...kids];
  }

  private singleParent(): Person[] {
    const parentSex: Sex = this.r.chance(0.75) ? "FEMALE" : "MALE";
    const age = Math.min(60, Math.max(22, Math.round(38 + this.r.normal() * 8)));
    const parent = this.person(parentSex, this.bornAged(age, age), null);
    const other = this.spouseFor(parent);
    const father = parentSex === "MALE" ? parent : other;
    const mother = parentSex === "FEMALE" ? parent : other;
    const kids = this.children(father, mother, null, this.r.chance(0.6) ? 1 : 2);
    parent.relation = "HEAD";
    for (const k of kids) k.relation = "CHILD";
    const widowed = kids.length > 0 && this.r.chance(0.4) && this.die(other, kids[kids.length - 1].birth);
    if (widowed) {
      this.widow(parent);
      return [parent, other, ...kids];
    }
    // Divorced: the other parent lives elsewhere and is not part of this data set.
    parent.spouse = null;
    parent.marital = "DIVORCED";
    for (const k of kids) {
      if (k.father === other) k.father = null;
      if (k.mother === other) k.mother = null;
    }
    return [parent, ...kids];
  }

  private threeGenerations(): Person[] {
    const sonBirth = this.bornAged(24, 55);
    const grandmother = this.person("FEMALE", sonBirth - this.r.int(20 * 365, 36 * 365), null);
    const grandfather = this.person("MALE", grandmother.birth - this.r.int(0, 8 * 365), null);
    grandfather.spouse = grandmother;
    grandmother.spouse = grandfather;
    grandfather.marital = grandmother.marital = "MARRIED";
    const son = this.person("MALE", sonBirth, grandfather.family);
    son.father = grandfather;
    son.mother = grandmother;
    son.bornHere = true;
    const siblings: Person[] = [];
    if (this.r.chance(0.2)) {
      const s = this.child(grandfather, grandmother, null);
      if (s && ageAt(s.birth, DAYS.today) >= 18) siblings.push(s);
    }
    const wife = this.spouseFor(son);
    const grandchildren = this.children(son, wife, null, this.r.chance(0.35) ? 1 : this.r.chance(0.75) ? 2 : 3);

    // At most one grandparent has died, after their children were born.
    const youngest = Math.max(son.birth, ...siblings.map((s) => s.birth));
    for (const g of this.r.chance(0.6) ? [grandfather, grandmother] : [grandmother, grandfather]) {
      if (this.r.chance(this.deathChance(g)) && this.die(g, Math.max(addYears(g.birth, 50), youngest))) {
        this.widow(g.spouse!);
        break;
      }
    }

    let head: Person;
    if (grandfather.death < 0 && this.r.chance(0.5)) head = grandfather;
    else if (grandfather.death >= 0 && grandmother.death < 0 && this.r.chance(0.3)) head = grandmother;
    else head = son;
    const set = (p: Person, r: Relation) => {
      if (p.death < 0) p.relation = r;
    };
    set(head, "HEAD");
    if (head === son) {
      set(grandfather, "PARENT");
      set(grandmother, "PARENT");
      set(wife, "SPOUSE");
      for (const s of siblings) set(s, "SIBLING");
      for (const g of grandchildren) set(g, "CHILD");
    } else {
      set(head === grandfather ? grandmother : grandfather, "SPOUSE");
      set(son, "CHILD");
      for (const s of siblings) set(s, "CHILD");
      set(wife, "OTHER");
      for (const g of grandchildren) set(g, "GRANDCHILD");
    }
    return [grandfather, grandmother, son, ...siblings, wife, ...grandchildren];
  }

  // ---- attributes --------------------------------------------------------------------------------------------

  private inheritFrom(p: Person): Person | null {
    return p.father ?? p.mother;
  }

  private assignAttributes(people: Person[], place: Commune): void {
    const w = this.world;
    const province = place.province;
    const ethnicities = w.ethnicities.get(province.code)!;
    const religions = w.religions.get(province.region)!;
    const done = new Set<Person>();
    for (const p of people) {
      done.add(p);
      const parent = this.inheritFrom(p);
      if (parent && done.has(parent)) {
        p.ethnicity = parent.ethnicity;
        p.religion = this.r.chance(0.92) ? parent.religion : religions.pick(this.r);
        p.hometown = parent.hometown;
        p.hometownLegacy = parent.hometownLegacy;
        continue;
      }
      const partner = p.spouse && done.has(p.spouse) ? p.spouse : null;
      p.ethnicity = partner && this.r.chance(0.9) ? partner.ethnicity : ethnicities.pick(this.r);
      p.religion = partner && this.r.chance(0.8) ? partner.religion : religions.pick(this.r);
      if (this.r.chance(0.03)) {
        const split = province.splitOldCommunes.length ? province.splitOldCommunes : w.allSplitOldCommunes;
        p.hometownLegacy = this.r.pick(split).code;
        continue;
      }
      const roll = this.r.next();
      const migrantShare = province.code === "01" || province.code === "79" ? 0.45 : 0.15;
      p.hometown = (roll < migrantShare ? w.anyCommune(this.r) : roll < migrantShare + 0.3 ? w.residentialCommune(this.r, province) : place).code;
    }
  }

  /** Birth registration place and personal id. */
  private assignIdentity(p: Person, place: Commune, legacy: LegacyCommune | null): void {
    const w = this.world;
    if (p.birth >= DAYS.reorganisation) {
      p.birthRegistration = place.code;
      p.birthRegistrationLegacy = null;
      p.birthProvince = place.province.code;
    } else {
      const roll = this.r.next();
      const local = p.bornHere ? 0.85 : 0.45;
      let old: LegacyCommune;
      if (roll < local) old = legacy ?? (place.predecessors.length ? this.r.pick(place.predecessors) : this.r.pick(place.province.oldCommunes));
      else if (roll < local + (p.bornHere ? 0.15 : 0.35)) old = this.r.pick(place.province.oldCommunes);
      else old = this.r.pick(w.geo.listedOldCommunes);
      p.birthRegistration = preferredSuccessor(old);
      p.birthRegistrationLegacy = old.code;
      p.birthProvince = old.provinceCode;
    }
    p.id = w.ids.personalId(`0${p.birthProvince}`, yearOf(p.birth), p.sex);
  }

  // ---- one household -----------------------------------------------------------------------------------------

  household(): HouseholdInfo {
    const w = this.world;
    const r = this.r;
    const province = w.provinces.pick(r);
    let place = w.residentialCommune(r, province);
    let legacy: LegacyCommune | null = null;
    if (province.splitOldCommunes.length && r.chance(0.005)) {
      legacy = r.pick(province.splitOldCommunes);
      place = w.geo.communeByCode.get(preferredSuccessor(legacy))!;
    }
    const address = addressLine(r, place);

    const roll = r.next();
    const people =
      roll < 0.12 ? this.single() : roll < 0.25 ? this.couple() : roll < 0.7 ? this.nuclear() : roll < 0.77 ? this.singleParent() : this.threeGenerations();

    this.assignAttributes(people, place);
    for (const p of people) this.assignIdentity(p, place, legacy);

    const head = people.find((p) => p.relation === "HEAD")!;
    const id = w.ids.householdId(province.code);
    const living: Person[] = [];
    const deceased: Person[] = [];
    for (const p of people) (p.death < 0 ? living : deceased).push(p);

    const b = w.buffers;
    const quotedAddress = field(address);
    const communeCode = legacy ? "" : place.code;
    const legacyCode = legacy ? legacy.code : "";
    const registeredOn = r.day(Math.max(addYears(head.birth, 18), FIRST_REGISTRATION), DAYS.today - 30);
    b.households.add(`${id},${head.id},${communeCode},${legacyCode},${quotedAddress},${iso(registeredOn)},${w.updatedAt(r)}\n`);

    let cards = 0;
    for (const p of people) {
      const alive = p.death < 0;
      if (alive) b.householdMembers.add(`${id},${p.id},${p.relation}\n`);
      let temporary = "";
      let temporaryAddress = "";
      let current = alive ? communeCode : "";
      let currentAddress = alive ? quotedAddress : "";
      const age = ageAt(p.birth, DAYS.today);
      if (alive && age >= 18 && age <= 60 && r.chance(0.08)) {
        const big = province.code === "01" || province.code === "79" ? null : w.geo.provinceByCode.get(r.chance(0.6) ? "79" : "01")!;
        let elsewhere = big && r.chance(0.55) ? w.residentialCommune(r, big) : w.anyCommune(r);
        if (elsewhere === place) elsewhere = w.anyCommune(r);
        if (elsewhere !== place) {
          temporary = current = elsewhere.code;
          temporaryAddress = currentAddress = field(addressLine(r, elsewhere));
        }
      }
      b.citizens.add(
        `${p.id},${`"${p.family.bytes} ${p.middle.bytes} ${p.given.bytes}"`},${field(`${p.family.folded} ${p.middle.folded} ${p.given.folded}`)},${p.sex},${iso(p.birth)},${alive ? "" : iso(p.death)},${p.ethnicity},${field(p.religion)},VN,${p.birthRegistration},${p.birthRegistrationLegacy ?? ""},${p.hometown ?? ""},${p.hometownLegacy ?? ""},${communeCode},${legacyCode},${province.code},${quotedAddress},${temporary},${temporaryAddress},${current},${currentAddress},${p.marital},${p.father?.id ?? ""},${p.mother?.id ?? ""},${p.spouse?.id ?? ""},${alive ? id : ""},${w.updatedAt(r)}\n`,
      );
      cards += writeIdentityCards(w, r, p);
      if (alive && addYears(p.birth, 18) <= DAYS.lastBirth) w.adults.add(p);
    }
    return { id, place, legacy, address, addressField: quotedAddress, head, living, deceased, cards };
  }
}
