/**
 * State shared by the population, land and business generators of one seed run: the map, weighted pickers,
 * id allocators, the CSV buffers, and a reservoir of recently generated living adults that enterprises and
 * land transfers draw their people from (so every personal id they cite exists in the population source).
 */
import { DAYS, timestamp } from "./dates.js";
import { ethnicityByProvince, religionByRegion } from "./demography.js";
import { type Commune, type Geography, type LegacyCommune, loadGeography, type Province, type Region } from "./geography.js";
import { IdAllocator } from "./ids.js";
import { NameGenerator, type NamePart, type Sex } from "./names.js";
import { Random, Weighted } from "./random.js";
import { type Buffers, createBuffers } from "./tables.js";

export type Relation = "HEAD" | "SPOUSE" | "CHILD" | "PARENT" | "GRANDCHILD" | "SIBLING" | "OTHER";
export type MaritalStatus = "SINGLE" | "MARRIED" | "DIVORCED" | "WIDOWED";

/** One generated citizen, kept only while its household is being generated (see PersonRef for afterwards). */
export interface Person {
  id: string;
  sex: Sex;
  birth: number;
  /** Day of death, or -1. */
  death: number;
  family: NamePart;
  middle: NamePart;
  given: NamePart;
  ethnicity: string;
  religion: string | null;
  father: Person | null;
  mother: Person | null;
  spouse: Person | null;
  /** Relation to the household head; null for the deceased (no longer household members). */
  relation: Relation | null;
  marital: MaritalStatus;
  /** Born into this household (birth registered where the family lives). */
  bornHere: boolean;
  hometown: string | null;
  hometownLegacy: string | null;
  /** Old province code (2 digits) of birth registration, or the 2025 one for births from 1 July 2025. */
  birthProvince: string;
  /** 2025 commune of birth registration (the successor of `birthRegistrationLegacy` when that is set). */
  birthRegistration: string;
  birthRegistrationLegacy: string | null;
}

/** What land and business records need of a citizen (kept after the household's Person objects are gone). */
export interface PersonRef {
  id: string;
  birth: number;
  /** Day of death, or -1. */
  death: number;
  /** Given name (for household business names). */
  given: string;
}

/**
 * A fixed-size ring of recent living adults (18 or older by the last birth date generated), filled as household
 * records are replayed: enterprises and land sales draw their people from it.
 */
export class AdultReservoir {
  private readonly items: PersonRef[];
  private nextSlot = 0;
  size = 0;

  constructor(private readonly capacity = 8192) {
    this.items = new Array<PersonRef>(capacity);
  }

  add(person: PersonRef): void {
    this.items[this.nextSlot] = person;
    this.nextSlot = (this.nextSlot + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  pick(random: Random): PersonRef {
    return this.items[Math.floor(random.next() * this.size)];
  }
}

export class World {
  readonly geo: Geography;
  readonly ids: IdAllocator;
  readonly buffers: Buffers = createBuffers();
  readonly names = new NameGenerator();
  readonly adults = new AdultReservoir();
  /** Independent streams, so changing one generator does not reshuffle the others. */
  readonly random: { people: Random; land: Random; business: Random; meta: Random };
  readonly provinces: Weighted<Province>;
  /** Head offices and branches: the two big cities weigh more than their population. */
  readonly businessProvinces: Weighted<Province>;
  private readonly residentialCommunes = new Map<string, Weighted<Commune>>();
  private readonly businessCommunes = new Map<string, Weighted<Commune>>();
  readonly ethnicities: Map<string, Weighted<string>>;
  readonly religions: Map<Region, Weighted<string | null>>;
  readonly allSplitOldCommunes: LegacyCommune[];
  readonly serials = { identityCards: 0, holders: 0, encumbrances: 0, transfers: 0 };

  constructor(readonly seed: number) {
    this.geo = loadGeography();
    this.ids = new IdAllocator(seed, this.geo.communes.length);
    this.random = { people: new Random(seed, 1), land: new Random(seed, 2), business: new Random(seed, 3), meta: new Random(seed, 4) };
    this.provinces = new Weighted(this.geo.provinces.map((p) => [p, p.population] as const));
    this.businessProvinces = new Weighted(
      this.geo.provinces.map(
        (p) => [p, p.population * (p.code === "79" ? 2.2 : p.code === "01" ? 2.8 : p.code === "48" || p.code === "31" ? 1.3 : 1)] as const,
      ),
    );
    for (const p of this.geo.provinces) {
      this.residentialCommunes.set(p.code, new Weighted(p.communes.map((c) => [c, residentialWeight(c)] as const)));
      this.businessCommunes.set(
        p.code,
        new Weighted(p.communes.map((c) => [c, residentialWeight(c) * (c.kind === "PHUONG" ? 3 : 1)] as const)),
      );
    }
    this.ethnicities = ethnicityByProvince(this.geo);
    this.religions = religionByRegion();
    this.allSplitOldCommunes = this.geo.provinces.flatMap((p) => p.splitOldCommunes);
  }

  /** A commune to live in, uniform within the province (uninhabited Hoàng Sa excluded, islands rare). */
  residentialCommune(random: Random, province: Province): Commune {
    return this.residentialCommunes.get(province.code)!.pick(random);
  }

  businessCommune(random: Random, province: Province): Commune {
    return this.businessCommunes.get(province.code)!.pick(random);
  }

  /** Any inhabited commune of the country, weighted by population. */
  anyCommune(random: Random): Commune {
    return this.residentialCommune(random, this.provinces.pick(random));
  }

  /** `updated_at`: some moment since the 2025 reorganisation, derived from the seed. */
  updatedAt(random: Random): string {
    return timestamp(random.day(DAYS.reorganisation, DAYS.today - 1), random.int(7 * 60, 18 * 60));
  }
}

function residentialWeight(c: Commune): number {
  if (c.kind !== "DAC_KHU") return 1;
  if (c.shortName === "Hoàng Sa") return 0;
  return c.shortName === "Trường Sa" ? 0.01 : 0.2;
}
