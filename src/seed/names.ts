/**
 * Vietnamese personal names from the frequency tables in seeds/names/: family name by national frequency,
 * middle name by sex and generation ("Thị" and "Văn" common among older people, "Gia", "Bảo", "Minh" among the
 * young), given name by sex weighted by how often it occurs. Folded (search) forms are computed once per name.
 */
import fs from "node:fs";
import { foldName } from "../shared/codes.js";
import { readCsvRecords, seedFile, utf8Bytes } from "./csv.js";
import { type Random, Weighted } from "./random.js";

export interface NamePart {
  text: string;
  /** `text` as UTF-8 bytes (csv.ts utf8Bytes), for the CSV. */
  bytes: string;
  folded: string;
}

export type Sex = "MALE" | "FEMALE";

interface MiddleNameLists {
  traditional: Record<string, string[]>;
  modern: Record<string, string[]>;
}

function part(text: string): NamePart {
  return { text, bytes: utf8Bytes(text), folded: foldName(text) };
}

function frequencies(file: string): Map<string, number> {
  return new Map(readCsvRecords(seedFile("names", file)).map((r) => [r.name.trim(), Number(r.count)]));
}

function lines(file: string): string[] {
  return fs
    .readFileSync(seedFile("names", file), "utf8")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function uniqueNames(lists: Record<string, string[]>): string[] {
  return [...new Set(Object.values(lists).flat())];
}

export class NameGenerator {
  private readonly family: Weighted<NamePart>;
  private readonly given: Record<Sex, Weighted<NamePart>>;
  private readonly givenDouble: Record<Sex, NamePart[]>;
  private readonly middle: Record<Sex, { traditional: Weighted<NamePart>; modern: Weighted<NamePart> }>;
  private readonly thi = part("Thị");
  private readonly van = part("Văn");

  constructor() {
    const familyFreq = frequencies("family_name_freq.csv");
    this.family = new Weighted([...familyFreq].map(([name, count]) => [part(name), count] as const));

    const givenFreq = frequencies("given_name_freq.csv");
    const givenOf = (file: string) =>
      new Weighted([...new Set(lines(file))].map((name) => [part(name), givenFreq.get(name) ?? 2] as const));
    this.given = { MALE: givenOf("boy_one_word.txt"), FEMALE: givenOf("girl_one_word.txt") };
    this.givenDouble = {
      MALE: lines("boy.txt")
        .filter((n) => n.split(" ").length === 2)
        .map(part),
      FEMALE: lines("girl.txt")
        .filter((n) => n.split(" ").length === 2)
        .map(part),
    };

    const middleFreq = frequencies("middle_name_freq.csv");
    const json = JSON.parse(fs.readFileSync(seedFile("names", "middle-names-by-gender.json"), "utf8")) as Record<
      "male" | "female" | "unisex",
      MiddleNameLists
    >;
    // "Thị" and "Văn" are drawn separately (their share depends on the generation), so they are left out here.
    const middleOf = (own: string[], unisex: string[]) => {
      const names = new Map<string, number>();
      for (const n of unisex) names.set(n, (middleFreq.get(n) ?? 5) / 2);
      for (const n of own) names.set(n, middleFreq.get(n) ?? 5);
      names.delete("Thị");
      names.delete("Văn");
      return new Weighted([...names].map(([n, w]) => [part(n), w] as const));
    };
    this.middle = {
      MALE: {
        traditional: middleOf(uniqueNames(json.male.traditional), uniqueNames(json.unisex.traditional)),
        modern: middleOf(uniqueNames(json.male.modern), uniqueNames(json.unisex.modern)),
      },
      FEMALE: {
        traditional: middleOf(uniqueNames(json.female.traditional), uniqueNames(json.unisex.traditional)),
        modern: middleOf(uniqueNames(json.female.modern), uniqueNames(json.unisex.modern)),
      },
    };
  }

  familyName(random: Random): NamePart {
    return this.family.pick(random);
  }

  middleName(random: Random, sex: Sex, birthYear: number): NamePart {
    const classic = sex === "FEMALE" ? this.thi : this.van;
    const classicShare =
      sex === "FEMALE"
        ? birthYear < 1970
          ? 0.75
          : birthYear < 1990
            ? 0.55
            : birthYear < 2005
              ? 0.25
              : 0.08
        : birthYear < 1970
          ? 0.55
          : birthYear < 1990
            ? 0.4
            : birthYear < 2005
              ? 0.2
              : 0.08;
    if (random.chance(classicShare)) return classic;
    const modernShare = birthYear < 1975 ? 0.1 : birthYear < 1995 ? 0.5 : 0.85;
    const lists = this.middle[sex];
    return (random.chance(modernShare) ? lists.modern : lists.traditional).pick(random);
  }

  /** One-word given name; since 2000 some children get a two-word one ("Minh Anh", "Bảo Long"). */
  givenName(random: Random, sex: Sex, birthYear: number): NamePart {
    if (birthYear >= 2000 && random.chance(0.12)) return random.pick(this.givenDouble[sex]);
    return this.given[sex].pick(random);
  }
}
