/**
 * Invariants of seeded data, checked by querying the four sources. Each check returns the problems it found
 * (at most a few examples each), so a test asserts `toEqual([])` and a failure reads as a list of reasons.
 */
import type { SourceName } from "../../src/platform/config.js";
import type { Source } from "../../src/platform/db/source.js";
import { branchCodeProblem, foldName, parsePersonalId, taxCodeProblem } from "../../src/shared/codes.js";

export type Sources = Record<SourceName, Source>;

interface Citizen {
  personal_id: string;
  full_name: string;
  search_name: string;
  sex: "MALE" | "FEMALE";
  date_of_birth: string;
  date_of_death: string | null;
  birth_registration_commune_code: string | null;
  birth_registration_legacy_commune_code: string | null;
  hometown_commune_code: string | null;
  hometown_legacy_commune_code: string | null;
  permanent_commune_code: string | null;
  permanent_legacy_commune_code: string | null;
  permanent_province_code: string;
  temporary_commune_code: string | null;
  current_commune_code: string | null;
  marital_status: string;
  father_id: string | null;
  mother_id: string | null;
  spouse_id: string | null;
  household_id: string | null;
}

const TODAY = "2026-11-01";

/** Whole years from one ISO date to a later one. */
export function yearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years--;
  return years;
}

function limit(problems: string[], max = 5): string[] {
  return problems.length > max ? [...problems.slice(0, max), `… and ${problems.length - max} more`] : problems;
}

export class SeedFacts {
  citizens = new Map<string, Citizen>();
  communeProvince = new Map<string, string>();
  legacyProvince = new Map<string, string>();
  legacySuccessors = new Map<string, string[]>();

  private constructor(readonly sources: Sources) {}

  static async load(sources: Sources): Promise<SeedFacts> {
    const facts = new SeedFacts(sources);
    for (const c of await sources.population.raw<Citizen>("SELECT * FROM population.citizens")) facts.citizens.set(c.personal_id, c);
    for (const r of await sources.gateway.raw<{ code: string; province_code: string }>(
      "SELECT code, province_code FROM gateway.communes",
    )) {
      facts.communeProvince.set(r.code, r.province_code);
    }
    for (const r of await sources.gateway.raw<{ code: string; province_code: string }>(
      "SELECT trim(code) AS code, province_code FROM gateway.legacy_communes",
    )) {
      facts.legacyProvince.set(r.code, r.province_code);
    }
    for (const r of await sources.gateway.raw<{ legacy_code: string; successor_code: string }>(
      "SELECT trim(legacy_code) AS legacy_code, successor_code FROM gateway.legacy_commune_successors",
    )) {
      facts.legacySuccessors.set(r.legacy_code, [...(facts.legacySuccessors.get(r.legacy_code) ?? []), r.successor_code]);
    }
    return facts;
  }

  personalIds(): string[] {
    const problems: string[] = [];
    for (const c of this.citizens.values()) {
      const parts = parsePersonalId(c.personal_id);
      if ("error" in parts) {
        problems.push(`${c.personal_id}: ${parts.error}`);
        continue;
      }
      if (parts.sex !== c.sex) problems.push(`${c.personal_id}: century/sex digit says ${parts.sex}, citizen is ${c.sex}`);
      if (String(parts.birthYear) !== c.date_of_birth.slice(0, 4))
        problems.push(`${c.personal_id}: year ${parts.birthYear} ≠ birth ${c.date_of_birth}`);
      const province = c.birth_registration_legacy_commune_code
        ? this.legacyProvince.get(c.birth_registration_legacy_commune_code)
        : this.communeProvince.get(c.birth_registration_commune_code ?? "");
      if (!province) problems.push(`${c.personal_id}: birth registration commune unknown`);
      else if (parts.provinceCode !== `0${province}`)
        problems.push(`${c.personal_id}: prefix ${parts.provinceCode} ≠ birth registration province 0${province}`);
      if (c.date_of_birth > "2026-06-30") problems.push(`${c.personal_id}: born ${c.date_of_birth}, after 2026-06-30`);
      if (c.date_of_death && c.date_of_death <= c.date_of_birth) problems.push(`${c.personal_id}: died before being born`);
      if (c.date_of_birth < "2025-07-01" && !c.birth_registration_legacy_commune_code)
        problems.push(`${c.personal_id}: born before 2025-07-01 without a legacy birth registration commune`);
      if (c.birth_registration_legacy_commune_code) {
        const successors = this.legacySuccessors.get(c.birth_registration_legacy_commune_code) ?? [];
        if (!successors.includes(c.birth_registration_commune_code ?? ""))
          problems.push(`${c.personal_id}: birth registration commune is not a successor of the legacy one`);
      }
      if (c.search_name !== foldName(c.full_name))
        problems.push(`${c.personal_id}: search name "${c.search_name}" ≠ fold("${c.full_name}")`);
      if (c.full_name.split(" ").length < 3) problems.push(`${c.personal_id}: name "${c.full_name}" is not Family Middle Given`);
    }
    return limit(problems);
  }

  family(): string[] {
    const problems: string[] = [];
    for (const c of this.citizens.values()) {
      for (const [role, id, min, max] of [
        ["father", c.father_id, 18, 45],
        ["mother", c.mother_id, 18, 45],
      ] as const) {
        if (!id) continue;
        const parent = this.citizens.get(id);
        if (!parent) {
          problems.push(`${c.personal_id}: ${role} ${id} does not exist`);
          continue;
        }
        const gap = yearsBetween(parent.date_of_birth, c.date_of_birth);
        if (gap < min || gap > max) problems.push(`${c.personal_id}: ${role} is ${gap} years older (expected ${min}–${max})`);
        if (parent.sex !== (role === "father" ? "MALE" : "FEMALE")) problems.push(`${c.personal_id}: ${role} has sex ${parent.sex}`);
      }
      if (c.spouse_id) {
        const spouse = this.citizens.get(c.spouse_id);
        if (!spouse) problems.push(`${c.personal_id}: spouse ${c.spouse_id} does not exist`);
        else {
          if (spouse.spouse_id !== c.personal_id) problems.push(`${c.personal_id}: spouse link not symmetric`);
          if (spouse.sex === c.sex) problems.push(`${c.personal_id}: spouses of the same sex`);
          for (const p of [c, spouse]) {
            const at = p.date_of_death ?? TODAY;
            const min = p.sex === "MALE" ? 20 : 18;
            if (yearsBetween(p.date_of_birth, at) < min) problems.push(`${p.personal_id}: married but under ${min}`);
          }
          const alive = !c.date_of_death;
          const spouseAlive = !spouse.date_of_death;
          if (alive && spouseAlive && c.marital_status !== "MARRIED")
            problems.push(`${c.personal_id}: spouse alive but status ${c.marital_status}`);
          if (alive && !spouseAlive && c.marital_status !== "WIDOWED")
            problems.push(`${c.personal_id}: spouse dead but status ${c.marital_status}`);
        }
      } else if (c.marital_status === "MARRIED") problems.push(`${c.personal_id}: MARRIED without a spouse`);
      if (c.date_of_death && c.household_id) problems.push(`${c.personal_id}: deceased yet in household ${c.household_id}`);
      if (!c.date_of_death && !c.household_id) problems.push(`${c.personal_id}: living citizen without a household`);
    }
    return limit(problems);
  }

  async households(): Promise<string[]> {
    const problems: string[] = [];
    const households = await this.sources.population.raw<{
      id: string;
      head_personal_id: string;
      commune_code: string | null;
      legacy_commune_code: string | null;
    }>("SELECT id, head_personal_id, commune_code, legacy_commune_code FROM population.households");
    const members = await this.sources.population.raw<{ household_id: string; personal_id: string; relation_to_head: string }>(
      "SELECT household_id, personal_id, relation_to_head FROM population.household_members",
    );
    const byHousehold = new Map<string, { personal_id: string; relation_to_head: string }[]>();
    for (const m of members) byHousehold.set(m.household_id, [...(byHousehold.get(m.household_id) ?? []), m]);
    for (const h of households) {
      if (!/^HK\d{10}$/.test(h.id)) problems.push(`household id ${h.id} is not HK + 10 digits`);
      const list = byHousehold.get(h.id) ?? [];
      const heads = list.filter((m) => m.relation_to_head === "HEAD");
      if (heads.length !== 1 || heads[0].personal_id !== h.head_personal_id)
        problems.push(`${h.id}: head row does not match head_personal_id`);
      const head = this.citizens.get(h.head_personal_id);
      if (!head) {
        problems.push(`${h.id}: head ${h.head_personal_id} does not exist`);
        continue;
      }
      if ((h.commune_code === null) === (h.legacy_commune_code === null))
        problems.push(`${h.id}: needs exactly one of commune_code / legacy_commune_code`);
      if (h.legacy_commune_code && (this.legacySuccessors.get(h.legacy_commune_code)?.length ?? 0) < 2)
        problems.push(`${h.id}: legacy address not in a split commune`);
      for (const m of list) {
        const c = this.citizens.get(m.personal_id);
        if (!c) {
          problems.push(`${h.id}: member ${m.personal_id} does not exist`);
          continue;
        }
        if (c.household_id !== h.id) problems.push(`${m.personal_id}: household_id ${c.household_id} ≠ ${h.id}`);
        if (c.permanent_commune_code !== h.commune_code || c.permanent_legacy_commune_code !== h.legacy_commune_code) {
          problems.push(`${m.personal_id}: permanent residence differs from the household's`);
        }
        const ok = (() => {
          switch (m.relation_to_head) {
            case "HEAD":
              return c === head;
            case "SPOUSE":
              return head.spouse_id === c.personal_id;
            case "CHILD":
              return c.father_id === head.personal_id || c.mother_id === head.personal_id;
            case "PARENT":
              return head.father_id === c.personal_id || head.mother_id === c.personal_id;
            case "SIBLING":
              return (!!c.father_id && c.father_id === head.father_id) || (!!c.mother_id && c.mother_id === head.mother_id);
            case "GRANDCHILD": {
              const parent = this.citizens.get(c.father_id ?? "") ?? this.citizens.get(c.mother_id ?? "");
              return !!parent && (parent.father_id === head.personal_id || parent.mother_id === head.personal_id);
            }
            default:
              return true;
          }
        })();
        if (!ok) problems.push(`${h.id}: ${m.personal_id} is not the head's ${m.relation_to_head}`);
      }
    }
    return limit(problems);
  }

  async communeCodes(): Promise<string[]> {
    const problems: string[] = [];
    const check = (what: string, code: string | null) => {
      if (code !== null && !this.communeProvince.has(code)) problems.push(`${what}: ${code} is not a 2025 commune`);
    };
    const legacy = (what: string, code: string | null) => {
      if (code !== null && !this.legacyProvince.has(code)) problems.push(`${what}: ${code} is not a legacy commune`);
    };
    for (const c of this.citizens.values()) {
      for (const column of [
        "birth_registration_commune_code",
        "hometown_commune_code",
        "permanent_commune_code",
        "temporary_commune_code",
        "current_commune_code",
      ] as const) {
        check(`citizen ${c.personal_id} ${column}`, c[column]);
      }
      legacy(`citizen ${c.personal_id} birth_registration_legacy_commune_code`, c.birth_registration_legacy_commune_code);
      legacy(`citizen ${c.personal_id} permanent_legacy_commune_code`, c.permanent_legacy_commune_code);
      if (c.hometown_legacy_commune_code && (this.legacySuccessors.get(c.hometown_legacy_commune_code)?.length ?? 0) < 2) {
        problems.push(`citizen ${c.personal_id}: legacy hometown ${c.hometown_legacy_commune_code} was not split`);
      }
      if ((c.hometown_commune_code === null) === (c.hometown_legacy_commune_code === null))
        problems.push(`citizen ${c.personal_id}: needs exactly one hometown code`);
      if (c.permanent_commune_code && this.communeProvince.get(c.permanent_commune_code) !== c.permanent_province_code) {
        problems.push(`citizen ${c.personal_id}: permanent province ${c.permanent_province_code} ≠ commune's`);
      }
      if (c.temporary_commune_code && c.current_commune_code !== c.temporary_commune_code)
        problems.push(`citizen ${c.personal_id}: temporary residence but current elsewhere`);
    }
    const tables: [Source, string, string][] = [
      [this.sources.population, "population.households", "commune_code"],
      [this.sources.land, "land.parcels", "commune_code"],
      [this.sources.business, "business.enterprises", "head_office_commune_code"],
      [this.sources.business, "business.branches", "commune_code"],
      [this.sources.business, "business.household_businesses", "commune_code"],
    ];
    for (const [source, table, column] of tables) {
      for (const r of await source.raw<{ code: string | null }>(`SELECT DISTINCT ${column} AS code FROM ${table}`))
        check(`${table}.${column}`, r.code);
    }
    return limit(problems);
  }

  async land(): Promise<string[]> {
    const problems: string[] = [];
    const land = this.sources.land;
    const enterprises = new Set(
      (await this.sources.business.raw<{ code: string }>("SELECT code FROM business.enterprises")).map((r) => r.code),
    );
    for (const h of await land.raw<{ kind: string; personal_id: string | null; enterprise_code: string | null }>(
      "SELECT kind, personal_id, enterprise_code FROM land.holders",
    )) {
      if (h.kind === "CITIZEN" && !this.citizens.has(h.personal_id ?? "")) problems.push(`holder ${h.personal_id} is not a citizen`);
      if (h.kind === "ENTERPRISE" && !enterprises.has(h.enterprise_code ?? ""))
        problems.push(`holder ${h.enterprise_code} is not an enterprise`);
    }
    for (const r of await land.raw<{ serial: string; total: string }>(
      "SELECT c.serial, sum(h.share_percent)::text AS total FROM land.certificates c LEFT JOIN land.holders h ON h.certificate_serial = c.serial GROUP BY c.serial HAVING sum(h.share_percent) IS DISTINCT FROM 100",
    )) {
      problems.push(`certificate ${r.serial}: holder shares sum to ${r.total}`);
    }
    for (const r of await land.raw<{ id: string; active: string }>(
      "SELECT p.id, count(c.serial) FILTER (WHERE c.status = 'ACTIVE')::text AS active FROM land.parcels p LEFT JOIN land.certificates c ON c.parcel_id = p.id GROUP BY p.id HAVING count(c.serial) FILTER (WHERE c.status = 'ACTIVE') <> 1",
    )) {
      problems.push(`parcel ${r.id}: ${r.active} active certificates`);
    }
    for (const r of await land.raw<{ id: string; commune_code: string; map_sheet_number: number; parcel_number: number }>(
      "SELECT id, commune_code, map_sheet_number, parcel_number FROM land.parcels",
    )) {
      if (r.id !== `${r.commune_code}-${r.map_sheet_number}-${r.parcel_number}`)
        problems.push(`parcel ${r.id}: id does not match commune/sheet/number`);
    }
    for (const r of await land.raw<{ serial: string }>("SELECT serial FROM land.certificates")) {
      if (!/^[A-Z]{2} \d{6}$/.test(r.serial)) problems.push(`certificate serial ${r.serial} is not "AA 123456"`);
    }
    for (const r of await land.raw<{ id: number }>(
      "SELECT t.id FROM land.transfers t JOIN land.certificates f ON f.serial = t.from_certificate_serial JOIN land.certificates o ON o.serial = t.to_certificate_serial WHERE f.status <> 'REPLACED' OR o.parcel_id <> t.parcel_id OR f.parcel_id <> t.parcel_id OR f.issued_on >= o.issued_on",
    )) {
      problems.push(`transfer ${r.id}: inconsistent certificates`);
    }
    return limit(problems);
  }

  async business(): Promise<string[]> {
    const problems: string[] = [];
    const business = this.sources.business;
    const enterprises = await business.raw<{
      code: string;
      legal_form: string;
      registered_on: string;
      status: string;
      status_changed_on: string | null;
    }>("SELECT code, legal_form, registered_on, status, status_changed_on FROM business.enterprises");
    const people = await business.raw<{
      enterprise_code: string;
      personal_id: string;
      role: string;
      share_percent: number | string | null;
    }>("SELECT enterprise_code, personal_id, role, share_percent FROM business.enterprise_people");
    const byEnterprise = new Map<string, typeof people>();
    for (const p of people) byEnterprise.set(p.enterprise_code, [...(byEnterprise.get(p.enterprise_code) ?? []), p]);
    for (const e of enterprises) {
      const problem = taxCodeProblem(e.code);
      if (problem) problems.push(problem);
      if ((e.status === "ACTIVE") !== (e.status_changed_on === null))
        problems.push(`${e.code}: status ${e.status} with status_changed_on ${e.status_changed_on}`);
      const list = byEnterprise.get(e.code) ?? [];
      const representatives = list.filter((p) => p.role === "LEGAL_REPRESENTATIVE");
      if (representatives.length !== 1) problems.push(`${e.code}: ${representatives.length} legal representatives`);
      for (const p of list) {
        const citizen = this.citizens.get(p.personal_id);
        if (!citizen) {
          problems.push(`${e.code}: ${p.role} ${p.personal_id} is not a citizen`);
          continue;
        }
        if (yearsBetween(citizen.date_of_birth, e.registered_on) < 18)
          problems.push(`${e.code}: ${p.role} ${p.personal_id} under 18 at registration`);
      }
      const owners = list.filter((p) => p.role !== "LEGAL_REPRESENTATIVE");
      const total = owners.reduce((s, p) => s + Number(p.share_percent), 0);
      if (Math.abs(total - 100) > 0.001) problems.push(`${e.code}: owner shares sum to ${total}`);
      const roles = new Set(owners.map((p) => p.role));
      const expected: Record<string, [string, number, number]> = {
        SINGLE_MEMBER_LLC: ["OWNER", 1, 1],
        PRIVATE_ENTERPRISE: ["OWNER", 1, 1],
        MULTI_MEMBER_LLC: ["MEMBER", 2, 5],
        JOINT_STOCK: ["SHAREHOLDER", 3, 5],
        PARTNERSHIP: ["MEMBER", 2, 5],
      };
      const [role, min, max] = expected[e.legal_form];
      if (roles.size !== 1 || !roles.has(role) || owners.length < min || owners.length > max) {
        problems.push(`${e.code}: ${e.legal_form} with ${owners.length} × ${[...roles].join("/")}`);
      }
      if (e.legal_form === "PRIVATE_ENTERPRISE" && owners[0]?.personal_id !== representatives[0]?.personal_id)
        problems.push(`${e.code}: private enterprise owner is not its representative`);
    }
    for (const r of await business.raw<{ code: string; enterprise_code: string }>("SELECT code, enterprise_code FROM business.branches")) {
      const problem = branchCodeProblem(r.code);
      if (problem) problems.push(problem);
      if (!r.code.startsWith(r.enterprise_code)) problems.push(`branch ${r.code} does not belong to ${r.enterprise_code}`);
    }
    for (const r of await business.raw<{ registration_number: string; owner_personal_id: string }>(
      "SELECT registration_number, owner_personal_id FROM business.household_businesses",
    )) {
      const owner = this.citizens.get(r.owner_personal_id);
      if (!owner) problems.push(`household business ${r.registration_number}: owner is not a citizen`);
      else if (owner.date_of_death) problems.push(`household business ${r.registration_number}: owner is deceased`);
    }
    return limit(problems);
  }

  async identityCards(): Promise<string[]> {
    const problems: string[] = [];
    const cards = await this.sources.population.raw<{
      personal_id: string;
      card_type: string;
      number: string;
      issued_on: string;
      status: string;
      id: number;
    }>("SELECT id, personal_id, card_type, number, issued_on, status FROM population.identity_cards ORDER BY personal_id, issued_on, id");
    const byPerson = new Map<string, typeof cards>();
    for (const c of cards) byPerson.set(c.personal_id, [...(byPerson.get(c.personal_id) ?? []), c]);
    for (const [id, list] of byPerson) {
      const citizen = this.citizens.get(id);
      if (!citizen) {
        problems.push(`cards of unknown citizen ${id}`);
        continue;
      }
      for (const card of list) {
        if (card.card_type === "CMND" ? !/^\d{9}$/.test(card.number) : card.number !== id)
          problems.push(`${id}: ${card.card_type} number ${card.number}`);
        if (card.issued_on < citizen.date_of_birth || (citizen.date_of_death && card.issued_on >= citizen.date_of_death))
          problems.push(`${id}: card issued outside the holder's life`);
        if (card.card_type === "CCCD" && (card.issued_on < "2016-01-01" || card.issued_on > "2024-06-30"))
          problems.push(`${id}: CCCD issued ${card.issued_on}`);
        if (card.card_type === "CAN_CUOC" && card.issued_on < "2024-07-01") problems.push(`${id}: căn cước issued ${card.issued_on}`);
        if (card.card_type !== "CAN_CUOC" && yearsBetween(citizen.date_of_birth, card.issued_on) < 14)
          problems.push(`${id}: ${card.card_type} issued under 14`);
      }
      const last = list[list.length - 1];
      if (citizen.date_of_death && last.status !== "REVOKED") problems.push(`${id}: deceased, last card ${last.status}`);
      if (list.filter((c) => c.status === "VALID").length > 1) problems.push(`${id}: several valid cards`);
    }
    return limit(problems);
  }
}
