/**
 * Households and their citizens (the family itself comes from families.ts). The dead stay in the population
 * source (with their last address) but are no longer household members.
 *
 * Places: birth registration before 1 July 2025 names a pre-2025 commune (its province gives the first digits of
 * the personal id) plus the 2025 commune it became; hometown is inherited from the father; ~0.5% of households
 * still carry a legacy permanent address in an old commune that was split (no 2025 commune can be chosen for it).
 */
import { addressLine } from "./addresses.js";
import { writeIdentityCards } from "./cards.js";
import { field } from "./csv.js";
import { addYears, ageAt, DAYS, iso, parseDay, yearOf } from "./dates.js";
import { FamilyBuilder } from "./families.js";
import { type Commune, type LegacyCommune, preferredSuccessor } from "./geography.js";
import type { Random } from "./random.js";
import type { Person, PersonRef, World } from "./world.js";

const FIRST_REGISTRATION = parseDay("1995-01-01");

/**
 * What the land and business generators need of a household, compact (no Person graph), so the whole
 * population can be generated and loaded first and its records replayed for land and business afterwards.
 */
export interface HouseholdInfo {
  /** The 2025 commune the family lives in (for a legacy address: the preferred successor of the old commune). */
  place: Commune;
  address: string;
  /** `address` as a CSV field (quoted UTF-8 bytes). */
  addressField: string;
  /** Citizens generated with the household, the deceased included. */
  people: number;
  head: PersonRef;
  /** The head's living spouse. */
  spouse: PersonRef | null;
  /** A deceased parent or spouse of the head (whose land the head may have inherited). */
  deceasedKin: PersonRef | null;
  /** A living parent of the head (who may have given land). */
  livingParent: PersonRef | null;
  /** Living members who are adults by the last birth date generated, in household order. */
  adults: PersonRef[];
}

function ref(p: Person): PersonRef {
  return { id: p.id, birth: p.birth, death: p.death, given: p.given.text };
}

export class PopulationGenerator {
  private readonly r: Random;
  private readonly families: FamilyBuilder;

  constructor(private readonly world: World) {
    this.r = world.random.people;
    this.families = new FamilyBuilder(this.r, world.names);
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
      p.hometown = (
        roll < migrantShare ? w.anyCommune(this.r) : roll < migrantShare + 0.3 ? w.residentialCommune(this.r, province) : place
      ).code;
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
      if (roll < local)
        old = legacy ?? (place.predecessors.length ? this.r.pick(place.predecessors) : this.r.pick(place.province.oldCommunes));
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

    const people = this.families.build();

    this.assignAttributes(people, place);
    for (const p of people) this.assignIdentity(p, place, legacy);

    const head = people.find((p) => p.relation === "HEAD")!;
    const id = w.ids.householdId();
    const adults: PersonRef[] = [];
    let headRef: PersonRef | undefined;
    let deceasedKin: PersonRef | null = null;
    for (const p of people) {
      if (p.death < 0 && addYears(p.birth, 18) <= DAYS.lastBirth) {
        const adult = ref(p);
        adults.push(adult);
        if (p === head) headRef = adult;
      } else if (p.death >= 0 && !deceasedKin && (p === head.father || p === head.mother || p === head.spouse)) deceasedKin = ref(p);
    }
    const spouse = head.spouse && head.spouse.death < 0 ? head.spouse : null;
    const parent = head.father && head.father.death < 0 ? head.father : head.mother && head.mother.death < 0 ? head.mother : null;

    const b = w.buffers;
    const quotedAddress = field(address);
    const communeCode = legacy ? "" : place.code;
    const legacyCode = legacy ? legacy.code : "";
    const registeredOn = r.day(Math.max(addYears(head.birth, 18), FIRST_REGISTRATION), DAYS.today - 30);
    b.households.add(`${id},${head.id},${communeCode},${legacyCode},${quotedAddress},${iso(registeredOn)},${w.updatedAt(r)}\n`);

    // Members in key order (household_id, personal_id): with household ids rising, the primary key builds from
    // presorted input.
    for (const p of people.slice().sort((x, y) => (x.id < y.id ? -1 : 1)))
      if (p.death < 0) b.householdMembers.add(`${id},${p.id},${p.relation}\n`);
    for (const p of people) {
      const alive = p.death < 0;
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
      writeIdentityCards(w, r, p);
    }
    const find = (p: Person | null) => (p ? (adults.find((a) => a.id === p.id) ?? ref(p)) : null);
    return {
      place,
      address,
      addressField: quotedAddress,
      people: people.length,
      head: headRef ?? ref(head),
      spouse: find(spouse),
      deceasedKin,
      livingParent: find(parent),
      adults,
    };
  }
}
