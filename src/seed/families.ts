/**
 * Family shapes of a household — single adult, couple, parents with children, single parent, three generations —
 * generated as a unit so links are consistent: spouses point at each other, children at their parents (also a
 * deceased one), parents are 18–45 years older than their children (mothers 18–42, fathers 20–45), husbands at
 * least 20 and wives at least 18 by today. Deaths are mostly of the elderly; the survivor is WIDOWED. Each shape
 * returns everyone generated, the deceased included, with `relation` to the head set on the living.
 */
import { addYears, ageAt, DAYS, yearOf } from "./dates.js";
import type { NamePart, NameGenerator, Sex } from "./names.js";
import type { Random } from "./random.js";
import type { Person, Relation } from "./world.js";

const YEAR = 365.2425;

export class FamilyBuilder {
  constructor(
    private readonly r: Random,
    private readonly names: NameGenerator,
  ) {}

  /** One household's people: 12% single adults, 13% couples, 45% parents with children, 7% single parents, 23% three generations. */
  build(): Person[] {
    const roll = this.r.next();
    return roll < 0.12
      ? this.single()
      : roll < 0.25
        ? this.couple()
        : roll < 0.7
          ? this.nuclear()
          : roll < 0.77
            ? this.singleParent()
            : this.threeGenerations();
  }

  // ---- people ----------------------------------------------------------------------------------------------

  private bornAged(minAge: number, maxAge: number): number {
    const from = DAYS.today - Math.round((maxAge + 1) * YEAR) + 1;
    const to = Math.min(DAYS.today - Math.round(minAge * YEAR), DAYS.lastBirth);
    return this.r.day(from, to);
  }

  private person(sex: Sex, birth: number, family: NamePart | null): Person {
    const year = yearOf(birth);
    const names = this.names;
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
    if (mother) {
      from = Math.max(from, addYears(mother.birth, 18));
      to = Math.min(to, addYears(mother.birth, 42));
      if (mother.death >= 0) to = Math.min(to, mother.death);
    }
    if (father) {
      from = Math.max(from, addYears(father.birth, 20));
      to = Math.min(to, addYears(father.birth, 45));
      if (father.death >= 0) to = Math.min(to, father.death);
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
    return x < 0.33 ? 1 : x < 0.8 ? 2 : x < 0.97 ? 3 : 4;
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

  // ---- shapes ------------------------------------------------------------------------------------------------

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
    const motherAge = Math.min(62, Math.max(20, Math.round(39 + this.r.normal() * 9)));
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
}
