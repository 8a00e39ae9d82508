/**
 * Identity documents of one citizen, in the order a person would have received them: the 9-digit CMND (for
 * those 14 or older before 2016), the 12-digit CCCD (2016 – June 2024, mass issuance in 2021) and the căn cước
 * (from 1 July 2024, also optional for children under 14). A card is valid until the birthday of the next
 * milestone age (14, 25, 40, 60; one issued within two years of a milestone runs to the following one, and from
 * 58 it has no expiry). Superseded cards are EXPIRED; a deceased person's last card is REVOKED.
 */
import { field } from "./csv.js";
import { addYears, ageAt, DAYS, iso, parseDay } from "./dates.js";
import type { Random } from "./random.js";
import type { Person, World } from "./world.js";

const CCCD_AUTHORITY = field("Cục Cảnh sát quản lý hành chính về trật tự xã hội");
const CAN_CUOC_AUTHORITY = field("Bộ Công an");
const FIRST_CMND = parseDay("1980-01-01");
const MASS_ISSUANCE = [parseDay("2021-01-01"), parseDay("2021-12-31")] as const;

/** Expiry of a card issued on `issued` to someone born on `birth`; -1 for no expiry. */
export function cardExpiry(birth: number, issued: number): number {
  const age = ageAt(birth, issued);
  if (age < 14) return addYears(birth, 14);
  if (age < 23) return addYears(birth, 25);
  if (age < 38) return addYears(birth, 40);
  if (age < 58) return addYears(birth, 60);
  return -1;
}

interface Card {
  type: "CMND" | "CCCD" | "CAN_CUOC";
  number: string;
  issued: number;
  expires: number;
  authority: string;
}

const cmndAuthorities = new Map<string, string>();

function cmndAuthority(world: World, oldProvince: string): string {
  let text = cmndAuthorities.get(oldProvince);
  if (!text) {
    const name = world.geo.legacyProvinceByCode.get(oldProvince)?.name ?? "Thành phố Hà Nội";
    text = field(`Công an ${name.replace(/^Tỉnh/, "tỉnh").replace(/^Thành phố/, "thành phố")}`);
    cmndAuthorities.set(oldProvince, text);
  }
  return text;
}

export function writeIdentityCards(world: World, random: Random, p: Person): void {
  const cards: Card[] = [];
  const lastDay = p.death >= 0 ? p.death - 1 : DAYS.today;
  const at14 = addYears(p.birth, 14);

  if (at14 < DAYS.cccdStart && world.geo.legacyProvinceByCode.has(p.birthProvince)) {
    const from = Math.max(at14, FIRST_CMND);
    const to = Math.min(DAYS.cccdStart - 1, lastDay, from + 8 * 365);
    if (from <= to) {
      const issued = random.day(from, to);
      cards.push({
        type: "CMND",
        number: world.ids.cmnd(p.birthProvince),
        issued,
        expires: addYears(issued, 15),
        authority: cmndAuthority(world, p.birthProvince),
      });
    }
  }

  let cccdExpires = -2;
  {
    const from = Math.max(DAYS.cccdStart, at14);
    const to = Math.min(DAYS.canCuocStart - 1, lastDay);
    if (from <= to && random.chance(0.9)) {
      const massFrom = Math.max(from, MASS_ISSUANCE[0]);
      const massTo = Math.min(to, MASS_ISSUANCE[1]);
      const issued = massFrom <= massTo && random.chance(0.55) ? random.day(massFrom, massTo) : random.day(from, to);
      cccdExpires = cardExpiry(p.birth, issued);
      cards.push({ type: "CCCD", number: p.id, issued, expires: cccdExpires, authority: CCCD_AUTHORITY });
    }
  }

  {
    let from = DAYS.canCuocStart;
    let wanted: number;
    if (at14 <= lastDay) {
      from = Math.max(from, at14);
      const needed = cccdExpires === -2 || (cccdExpires >= 0 && cccdExpires <= lastDay);
      if (needed && cccdExpires >= 0) from = Math.max(from, cccdExpires - 60);
      wanted = needed ? 0.8 : 0.12;
    } else {
      from = Math.max(from, p.birth + 30);
      wanted = 0.2;
    }
    if (from <= lastDay && random.chance(wanted)) {
      const issued = random.day(from, lastDay);
      cards.push({ type: "CAN_CUOC", number: p.id, issued, expires: cardExpiry(p.birth, issued), authority: CAN_CUOC_AUTHORITY });
    }
  }

  const buffer = world.buffers.identityCards;
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i];
    const last = i === cards.length - 1;
    // CMNDs stopped being valid on 1 January 2025 (Law on Identification 2023, art. 46), whatever their date.
    const status =
      last && p.death >= 0 ? "REVOKED" : !last || c.type === "CMND" || (c.expires >= 0 && c.expires <= DAYS.today) ? "EXPIRED" : "VALID";
    buffer.add(
      `${++world.serials.identityCards},${p.id},${c.type},${c.number},${iso(c.issued)},${c.expires >= 0 ? iso(c.expires) : ""},${c.authority},${status},${world.updatedAt(random)}\n`,
    );
  }
}
