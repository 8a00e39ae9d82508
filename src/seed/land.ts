/**
 * Land parcels of a household (residential ODT in a phường, ONT plus farm, forest or pond land in a xã) and of
 * enterprises (TMD / SKC at the head office). Each parcel has one ACTIVE certificate naming the household head
 * (100%) or husband and wife (50/50); ~10% also have an earlier REPLACED certificate and a transfer (sale, gift,
 * or inheritance from a deceased parent or spouse); ~12% carry a mortgage with a bank, half of them released.
 */
import type { Commune } from "./geography.js";
import { fieldLine } from "./addresses.js";
import { field } from "./csv.js";
import { addYears, DAYS, iso, parseDay, yearOf } from "./dates.js";
import type { HouseholdInfo } from "./people.js";
import { type Random, Weighted } from "./random.js";
import type { PersonRef, World } from "./world.js";

const FIRST_CERTIFICATE = parseDay("1994-01-01");

const LENDERS = new Weighted<string>([
  [field("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank)"), 28],
  [field("Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)"), 14],
  [field("Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)"), 12],
  [field("Ngân hàng TMCP Công Thương Việt Nam (VietinBank)"), 12],
  [field("Ngân hàng TMCP Kỹ Thương Việt Nam (Techcombank)"), 8],
  [field("Ngân hàng TMCP Quân đội (MB)"), 6],
  [field("Ngân hàng TMCP Á Châu (ACB)"), 5],
  [field("Ngân hàng TMCP Việt Nam Thịnh Vượng (VPBank)"), 5],
  [field("Ngân hàng TMCP Sài Gòn Thương Tín (Sacombank)"), 5],
  [field("Ngân hàng TMCP Sài Gòn - Hà Nội (SHB)"), 3],
  [field("Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh (HDBank)"), 2],
  [field("Ngân hàng TMCP Tiên Phong (TPBank)"), 2],
  [field("Ngân hàng TMCP Quốc tế Việt Nam (VIB)"), 2],
  [field("Ngân hàng TMCP Đông Nam Á (SeABank)"), 1],
]);

type Purpose = "ODT" | "ONT" | "LUC" | "BHK" | "NHK" | "CLN" | "NTS" | "RSX" | "TMD" | "SKC";

/** Area range in m² (log-uniform). */
const AREA: Record<Purpose, [number, number]> = {
  ODT: [40, 300],
  ONT: [100, 1000],
  LUC: [300, 5000],
  BHK: [200, 3000],
  NHK: [500, 5000],
  CLN: [500, 10000],
  NTS: [500, 20000],
  RSX: [5000, 50000],
  TMD: [200, 5000],
  SKC: [1000, 20000],
};

const FARM_BY_REGION: Record<string, Weighted<Purpose>> = {
  "north-delta": new Weighted<Purpose>([
    ["LUC", 60],
    ["BHK", 20],
    ["NTS", 10],
    ["CLN", 10],
  ]),
  "north-mountain": new Weighted<Purpose>([
    ["LUC", 25],
    ["BHK", 15],
    ["RSX", 35],
    ["CLN", 20],
    ["NHK", 5],
  ]),
  "north-central": new Weighted<Purpose>([
    ["LUC", 45],
    ["BHK", 15],
    ["RSX", 20],
    ["CLN", 15],
    ["NTS", 5],
  ]),
  "south-central": new Weighted<Purpose>([
    ["LUC", 35],
    ["BHK", 20],
    ["CLN", 20],
    ["RSX", 15],
    ["NTS", 10],
  ]),
  highlands: new Weighted<Purpose>([
    ["CLN", 60],
    ["BHK", 15],
    ["RSX", 15],
    ["LUC", 10],
  ]),
  "south-east": new Weighted<Purpose>([
    ["CLN", 55],
    ["BHK", 15],
    ["LUC", 10],
    ["NTS", 10],
    ["RSX", 10],
  ]),
  mekong: new Weighted<Purpose>([
    ["LUC", 50],
    ["CLN", 25],
    ["NTS", 25],
  ]),
};

interface Holder {
  personalId?: string;
  enterpriseCode?: string;
  share: string;
}

export class LandGenerator {
  private readonly r: Random;
  private readonly authorities = new Map<string, string[]>();

  constructor(private readonly world: World) {
    this.r = world.random.land;
  }

  /** [old-province authority, new-province authority] texts for a commune, quoted for CSV. */
  private authority(commune: Commune, issued: number): string {
    let texts = this.authorities.get(commune.code);
    if (!texts) {
      const geo = this.world.geo;
      const oldCode = commune.predecessors[0]?.provinceCode ?? commune.province.mergedFrom[0];
      const oldName = (geo.legacyProvinceByCode.get(oldCode)?.name ?? commune.province.name)
        .replace(/^Tỉnh/, "tỉnh")
        .replace(/^Thành phố/, "thành phố");
      const newName = commune.province.name.replace(/^Tỉnh/, "tỉnh").replace(/^Thành phố/, "thành phố");
      texts = [
        field(`Sở Tài nguyên và Môi trường ${oldName}`),
        field(`Văn phòng đăng ký đất đai ${oldName}`),
        field(`Sở Nông nghiệp và Môi trường ${newName}`),
      ];
      this.authorities.set(commune.code, texts);
    }
    if (issued >= DAYS.environmentMerger) return texts[2];
    return yearOf(issued) >= 2016 && this.r.chance(0.5) ? texts[1] : texts[0];
  }

  private termUntil(purpose: Purpose, issued: number): string {
    if (purpose === "ODT" || purpose === "ONT") return "";
    if (purpose === "TMD" || purpose === "SKC") return iso(addYears(issued, 50));
    return iso(this.r.day(parseDay("2043-01-01"), parseDay("2064-12-31")));
  }

  private certificate(parcelId: string, commune: Commune, issued: number, status: "ACTIVE" | "REPLACED", holders: Holder[]): string {
    const w = this.world;
    const serial = w.ids.certificateSerial(issued, this.r.int(0, 25));
    w.buffers.certificates.add(
      `${serial},${parcelId},${iso(issued)},${this.authority(commune, issued)},${status},${w.updatedAt(this.r)}\n`,
    );
    for (const h of holders) {
      w.buffers.holders.add(
        h.enterpriseCode
          ? `${++w.serials.holders},${serial},ENTERPRISE,,${h.enterpriseCode},${h.share}\n`
          : `${++w.serials.holders},${serial},CITIZEN,${h.personalId},,${h.share}\n`,
      );
    }
    return serial;
  }

  private mortgage(parcelId: string, serial: string, issued: number, purpose: Purpose): void {
    if (!this.r.chance(0.12)) return;
    const w = this.world;
    const from = issued + 30;
    const to = DAYS.today - 30;
    if (from > to) return;
    const registered = this.r.day(from, to);
    const scale = purpose === "ODT" || purpose === "TMD" || purpose === "SKC" ? 3 : 1;
    const amount = Math.round(this.r.logUniform(100e6 * scale, 3e9 * scale) / 1e6) * 1e6;
    let released = "";
    if (this.r.chance(0.5) && registered + 180 <= DAYS.today - 1) released = iso(this.r.day(registered + 180, DAYS.today - 1));
    w.buffers.encumbrances.add(
      `${++w.serials.encumbrances},${parcelId},${serial},${LENDERS.pick(this.r)},,${amount},${iso(registered)},${released}\n`,
    );
  }

  /** `addressField`: the address as a CSV field (csv.ts `field`). */
  private parcel(commune: Commune, purpose: Purpose, addressField: string, issued: number): string {
    const w = this.world;
    const { sheet, parcel } = w.ids.parcelSlot(commune.index);
    const id = `${commune.code}-${sheet}-${parcel}`;
    const [min, max] = AREA[purpose];
    const area = Math.round(this.r.logUniform(min, max) * 10) / 10;
    w.buffers.parcels.add(
      `${id},${commune.code},${commune.province.code},${sheet},${parcel},${area},${purpose},${this.termUntil(purpose, issued)},${addressField},${w.updatedAt(this.r)}\n`,
    );
    return id;
  }

  /** A previous holder for a transfer to the head: a deceased parent or spouse (inheritance), else another adult. */
  private previousHolder(h: HouseholdInfo): { from: PersonRef; kind: "SALE" | "GIFT" | "INHERITANCE" } | null {
    if (h.deceasedKin && this.r.chance(0.7)) return { from: h.deceasedKin, kind: "INHERITANCE" };
    if (h.livingParent && this.r.chance(0.5)) return { from: h.livingParent, kind: "GIFT" };
    const other = this.world.adults.pick(this.r);
    if (!other || other.id === h.head.id || other.id === h.spouse?.id) return null;
    return { from: other, kind: this.r.chance(0.85) ? "SALE" : "GIFT" };
  }

  /** Parcels of one household; returns how many. */
  household(h: HouseholdInfo): number {
    const r = this.r;
    const place = h.place;
    const purposes: Purpose[] = [];
    if (place.kind === "PHUONG") {
      if (r.chance(0.72)) purposes.push("ODT");
      if (r.chance(0.1)) purposes.push("ODT");
    } else {
      if (r.chance(0.92)) purposes.push("ONT");
      const roll = r.next();
      const farms = roll < 0.25 ? 0 : roll < 0.52 ? 1 : roll < 0.78 ? 2 : 3;
      const weights = FARM_BY_REGION[place.province.region];
      for (let i = 0; i < farms; i++) purposes.push(weights.pick(r));
    }
    if (purposes.length === 0) return 0;

    const head = h.head;
    const spouse = h.spouse;
    const coOwned = spouse !== null && r.chance(0.5);
    const owners: Holder[] = coOwned
      ? [
          { personalId: head.id, share: "50" },
          { personalId: spouse.id, share: "50" },
        ]
      : [{ personalId: head.id, share: "100" }];
    let adultFrom = Math.max(FIRST_CERTIFICATE, addYears(head.birth, 18));
    if (coOwned) adultFrom = Math.max(adultFrom, addYears(spouse.birth, 18));
    const lastIssue = DAYS.today - 30;
    if (adultFrom > lastIssue) return 0;

    let count = 0;
    for (const purpose of purposes) {
      const residential = purpose === "ODT" || purpose === "ONT";
      const address = residential ? h.addressField : field(fieldLine(r, h.address));
      let issued = r.day(adultFrom, lastIssue);
      let previous: { from: PersonRef; kind: "SALE" | "GIFT" | "INHERITANCE"; issued: number } | null = null;
      // ~10% of parcels end up with a transfer (some draws find no earlier holder that fits in time).
      if (r.chance(0.13)) {
        const p = this.previousHolder(h);
        if (p) {
          const transferFrom = Math.max(adultFrom, p.kind === "INHERITANCE" ? p.from.death + 30 : FIRST_CERTIFICATE + 365);
          if (transferFrom <= lastIssue) {
            issued = r.day(transferFrom, lastIssue);
            const prevFrom = Math.max(FIRST_CERTIFICATE, addYears(p.from.birth, 18));
            const prevTo = Math.min(issued - 180, p.from.death >= 0 ? p.from.death - 1 : issued - 180);
            if (prevFrom <= prevTo) previous = { ...p, issued: r.day(prevFrom, prevTo) };
          }
        }
      }
      const parcelId = this.parcel(place, purpose, address, previous ? previous.issued : issued);
      if (previous) {
        const old = this.certificate(parcelId, place, previous.issued, "REPLACED", [{ personalId: previous.from.id, share: "100" }]);
        const current = this.certificate(parcelId, place, issued, "ACTIVE", owners);
        const w = this.world;
        w.buffers.transfers.add(`${++w.serials.transfers},${parcelId},${previous.kind},${old},${current},${iso(issued)}\n`);
        this.mortgage(parcelId, current, issued, purpose);
      } else {
        const current = this.certificate(parcelId, place, issued, "ACTIVE", owners);
        this.mortgage(parcelId, current, issued, purpose);
      }
      count++;
    }
    return count;
  }

  /** A commercial or production parcel held by an enterprise at its head office (`addressField` as in `parcel`). */
  enterprise(code: string, commune: Commune, registeredOn: number, addressField: string): void {
    const from = Math.max(registeredOn + 30, FIRST_CERTIFICATE);
    if (from > DAYS.today - 30) return;
    const issued = this.r.day(from, DAYS.today - 30);
    const purpose: Purpose = this.r.chance(0.6) ? "TMD" : "SKC";
    const parcelId = this.parcel(commune, purpose, addressField, issued);
    const serial = this.certificate(parcelId, commune, issued, "ACTIVE", [{ enterpriseCode: code, share: "100" }]);
    this.mortgage(parcelId, serial, issued, purpose);
  }
}
