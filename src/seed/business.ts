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
import { addYears, DAYS, iso, parseDay } from "./dates.js";
import { asciiName } from "./geography.js";
import type { LandGenerator } from "./land.js";
import type { HouseholdInfo } from "./people.js";
import { type Random, Weighted } from "./random.js";
import type { Person, World } from "./world.js";

type LegalForm = "SINGLE_MEMBER_LLC" | "MULTI_MEMBER_LLC" | "JOINT_STOCK" | "PRIVATE_ENTERPRISE" | "PARTNERSHIP";

const FIRST_REGISTRATION = parseDay("1995-01-01");
const FIRST_HOUSEHOLD_BUSINESS = parseDay("2000-01-01");

const LEGAL_FORMS = new Weighted<LegalForm>([
  ["SINGLE_MEMBER_LLC", 42],
  ["MULTI_MEMBER_LLC", 24],
  ["JOINT_STOCK", 20],
  ["PRIVATE_ENTERPRISE", 12],
  ["PARTNERSHIP", 2],
]);

const FORM_TEXT: Record<LegalForm, { prefix: string; suffix: string; short: string | null }> = {
  SINGLE_MEMBER_LLC: { prefix: "CÔNG TY TNHH MỘT THÀNH VIÊN", suffix: "COMPANY LIMITED", short: "CO., LTD" },
  MULTI_MEMBER_LLC: { prefix: "CÔNG TY TNHH", suffix: "COMPANY LIMITED", short: "CO., LTD" },
  JOINT_STOCK: { prefix: "CÔNG TY CỔ PHẦN", suffix: "JOINT STOCK COMPANY", short: "JSC" },
  PRIVATE_ENTERPRISE: { prefix: "DOANH NGHIỆP TƯ NHÂN", suffix: "PRIVATE ENTERPRISE", short: null },
  PARTNERSHIP: { prefix: "CÔNG TY HỢP DANH", suffix: "PARTNERSHIP COMPANY", short: "PARTNERSHIP" },
};

/** VSIC code → [relative frequency, Vietnamese name word, English word]. */
const INDUSTRIES: [string, number, string, string][] = [
  ["4101", 6, "XÂY DỰNG", "CONSTRUCTION"],
  ["4102", 3, "XÂY DỰNG", "CONSTRUCTION"],
  ["4212", 2, "XÂY DỰNG CÔNG TRÌNH", "CIVIL ENGINEERING"],
  ["4299", 2, "XÂY DỰNG CÔNG TRÌNH", "CIVIL ENGINEERING"],
  ["4321", 2, "ĐIỆN", "ELECTRICAL"],
  ["4322", 1.5, "KỸ THUẬT", "ENGINEERING"],
  ["4330", 2, "NỘI THẤT", "INTERIOR"],
  ["4520", 1.5, "Ô TÔ", "AUTOMOBILE"],
  ["4610", 2, "THƯƠNG MẠI", "TRADING"],
  ["4620", 2, "NÔNG SẢN", "AGRICULTURAL PRODUCTS"],
  ["4632", 4, "THỰC PHẨM", "FOOD"],
  ["4641", 2, "THỜI TRANG", "FASHION"],
  ["4649", 4, "THƯƠNG MẠI VÀ DỊCH VỤ", "TRADING AND SERVICES"],
  ["4651", 2, "CÔNG NGHỆ", "TECHNOLOGY"],
  ["4659", 3, "THIẾT BỊ", "EQUIPMENT"],
  ["4663", 4, "VẬT LIỆU XÂY DỰNG", "BUILDING MATERIALS"],
  ["4669", 3, "XUẤT NHẬP KHẨU", "IMPORT EXPORT"],
  ["4711", 2, "THƯƠNG MẠI", "TRADING"],
  ["4719", 2, "THƯƠNG MẠI TỔNG HỢP", "GENERAL TRADING"],
  ["4722", 1, "THỰC PHẨM", "FOOD"],
  ["4730", 1, "XĂNG DẦU", "PETROLEUM"],
  ["4772", 1.5, "DƯỢC PHẨM", "PHARMACEUTICAL"],
  ["4932", 1.5, "VẬN TẢI", "TRANSPORT"],
  ["4933", 3, "VẬN TẢI", "TRANSPORT"],
  ["5210", 1, "LOGISTICS", "LOGISTICS"],
  ["5510", 1.5, "KHÁCH SẠN", "HOTEL"],
  ["5610", 3, "ẨM THỰC", "CUISINE"],
  ["5630", 1, "ĐỒ UỐNG", "BEVERAGE"],
  ["6201", 2, "CÔNG NGHỆ", "TECHNOLOGY"],
  ["6202", 1, "GIẢI PHÁP CÔNG NGHỆ", "TECHNOLOGY SOLUTIONS"],
  ["6311", 0.5, "DỮ LIỆU", "DATA"],
  ["6810", 3, "BẤT ĐỘNG SẢN", "REAL ESTATE"],
  ["6820", 1.5, "ĐỊA ỐC", "REALTY"],
  ["6920", 1, "KẾ TOÁN", "ACCOUNTING"],
  ["7020", 2, "TƯ VẤN", "CONSULTING"],
  ["7110", 1.5, "TƯ VẤN THIẾT KẾ", "DESIGN CONSULTING"],
  ["7310", 1.5, "TRUYỀN THÔNG", "MEDIA"],
  ["7911", 1, "DU LỊCH", "TRAVEL"],
  ["8299", 1.5, "DỊCH VỤ", "SERVICES"],
  ["8559", 1.5, "GIÁO DỤC", "EDUCATION"],
  ["8620", 0.5, "Y TẾ", "MEDICAL"],
  ["1010", 0.5, "CHẾ BIẾN THỰC PHẨM", "FOOD PROCESSING"],
  ["1079", 0.5, "THỰC PHẨM", "FOOD"],
  ["1410", 1.5, "MAY MẶC", "GARMENT"],
  ["1520", 0.5, "GIÀY DÉP", "FOOTWEAR"],
  ["1629", 0.5, "LÂM SẢN", "FOREST PRODUCTS"],
  ["2220", 0.8, "NHỰA", "PLASTICS"],
  ["2395", 0.5, "BÊ TÔNG", "CONCRETE"],
  ["2511", 1, "CƠ KHÍ", "MECHANICAL ENGINEERING"],
  ["3100", 1, "NỘI THẤT", "FURNITURE"],
  ["0111", 0.3, "NÔNG NGHIỆP", "AGRICULTURE"],
  ["0146", 0.3, "CHĂN NUÔI", "LIVESTOCK"],
  ["0322", 0.3, "THỦY SẢN", "AQUACULTURE"],
];
const INDUSTRY_PICKER = new Weighted(INDUSTRIES.map((row) => [row, row[1]] as const));

const WORDS = [
  "AN", "BÌNH", "PHÁT", "THÀNH", "ĐẠT", "HƯNG", "THỊNH", "PHÚ", "QUÝ", "MINH", "ANH", "HOÀNG", "GIA", "BẢO", "NAM",
  "VIỆT", "TÂN", "TIẾN", "THÁI", "TRƯỜNG", "SƠN", "HẢI", "LONG", "KHANG", "TÍN", "NGHĨA", "ĐỨC", "TOÀN", "THẮNG",
  "LỢI", "LỘC", "TÀI", "PHÚC", "HÒA", "KIM", "NGỌC", "HUY", "QUANG", "VĨNH", "THIÊN", "ĐÔNG", "Á", "SAO", "ĐẠI",
  "HỒNG", "HÀ", "LINH", "TUẤN", "KHÔI", "NGUYÊN", "PHƯƠNG", "THUẬN", "XUÂN", "MỸ", "HẠNH", "TRÍ", "DŨNG", "CƯỜNG",
  "THANH", "UY", "VƯƠNG", "BẮC", "TRUNG", "ÂU", "HOA", "SEN", "MAI", "TRÚC", "NHẬT", "QUỐC", "HỢP", "NHÂN",
];

const POSITIONS: Record<LegalForm, Weighted<string>> = {
  SINGLE_MEMBER_LLC: new Weighted([["Giám đốc", 70], ["Tổng giám đốc", 15], ["Chủ tịch công ty", 15]]),
  MULTI_MEMBER_LLC: new Weighted([["Giám đốc", 70], ["Tổng giám đốc", 15], ["Chủ tịch Hội đồng thành viên", 15]]),
  JOINT_STOCK: new Weighted([["Tổng giám đốc", 45], ["Giám đốc", 25], ["Chủ tịch Hội đồng quản trị", 30]]),
  PRIVATE_ENTERPRISE: new Weighted([["Giám đốc", 1]]),
  PARTNERSHIP: new Weighted([["Giám đốc", 1]]),
};

const STATUSES = new Weighted<string>([["ACTIVE", 82], ["SUSPENDED", 8], ["DISSOLVED", 9], ["BANKRUPT", 1]]);

/** [business line, VSIC code, name word, capital range in VND]. */
const HOUSEHOLD_LINES: [string, string, string, number, number][] = [
  ["Bán lẻ tạp hóa", "4711", "TẠP HÓA", 30e6, 500e6],
  ["Quán ăn", "5610", "QUÁN ĂN", 30e6, 800e6],
  ["Quán cà phê, giải khát", "5630", "CÀ PHÊ", 30e6, 600e6],
  ["Sửa chữa xe máy", "4542", "SỬA XE", 20e6, 300e6],
  ["Cắt tóc, gội đầu", "9631", "SALON TÓC", 20e6, 200e6],
  ["Bán lẻ quần áo, giày dép", "4771", "THỜI TRANG", 50e6, 800e6],
  ["Bán lẻ thuốc tân dược", "4772", "NHÀ THUỐC", 100e6, 1e9],
  ["Bán lẻ rau quả, thực phẩm tươi sống", "4722", "THỰC PHẨM", 20e6, 300e6],
  ["Nhà nghỉ", "5510", "NHÀ NGHỈ", 300e6, 3e9],
  ["May đo quần áo", "1410", "MAY ĐO", 20e6, 200e6],
  ["Sản xuất đồ gỗ gia dụng", "3100", "ĐỒ GỖ", 100e6, 2e9],
  ["Bán lẻ vật liệu xây dựng, đồ ngũ kim", "4752", "VẬT LIỆU XÂY DỰNG", 200e6, 3e9],
  ["Vận tải hàng hóa bằng xe tải", "4933", "VẬN TẢI", 300e6, 3e9],
  ["Sửa chữa, bảo dưỡng ô tô", "4520", "GARA Ô TÔ", 200e6, 2e9],
  ["Chăn nuôi gia cầm", "0146", "TRẠI GÀ", 50e6, 1e9],
  ["Bán buôn nông sản", "4620", "NÔNG SẢN", 100e6, 2e9],
];
const HOUSEHOLD_LINE_PICKER = new Weighted(HOUSEHOLD_LINES.map((l, i) => [l, [10, 8, 7, 5, 4, 4, 2, 5, 1, 2, 1.5, 2, 2, 1, 1, 1.5][i]] as const));
const HOUSEHOLD_STATUSES = new Weighted<string>([["ACTIVE", 85], ["SUSPENDED", 5], ["CLOSED", 10]]);

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
  enterprises = 0;
  householdBusinesses = 0;

  constructor(
    private readonly world: World,
    private readonly land: LandGenerator,
  ) {
    this.r = world.random.business;
  }

  /** Called after each household: creates the enterprises and household businesses now due. */
  afterHousehold(h: HouseholdInfo, people: number): void {
    this.enterpriseDebt += people / 25;
    this.householdBusinessDebt += people / 40;
    while (this.enterpriseDebt >= 1 && this.world.adults.size >= 16) {
      this.enterprise();
      this.enterpriseDebt--;
    }
    if (this.householdBusinessDebt >= 1) {
      const adults = h.living.filter((p) => addYears(p.birth, 18) <= DAYS.lastBirth);
      while (this.householdBusinessDebt >= 1 && adults.length) {
        this.householdBusiness(h, adults[this.r.chance(0.7) ? 0 : this.r.int(0, adults.length - 1)]);
        this.householdBusinessDebt--;
      }
    }
  }

  /** A living adult (18+ on `day`) from the reservoir not already in `taken`, or null after a few tries. */
  private adult(day: number, taken: Person[]): Person | null {
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
  private owners(form: LegalForm, representative: Person, registered: number): { owners: Person[]; role: string; registered: number } {
    const r = this.r;
    if (form === "PRIVATE_ENTERPRISE") return { owners: [representative], role: "OWNER", registered };
    if (form === "SINGLE_MEMBER_LLC") {
      const owner = r.chance(0.6) ? representative : (this.adult(registered, [representative]) ?? representative);
      return { owners: [owner], role: "OWNER", registered };
    }
    const role = form === "JOINT_STOCK" ? "SHAREHOLDER" : "MEMBER";
    const wanted = form === "JOINT_STOCK" ? r.int(3, 5) : form === "PARTNERSHIP" ? r.int(2, 4) : r.int(2, 5);
    const owners: Person[] = form === "PARTNERSHIP" || r.chance(0.8) ? [representative] : [];
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
    this.enterprises++;
  }

  private householdBusiness(h: HouseholdInfo, owner: Person): void {
    const w = this.world;
    const r = this.r;
    const [line, industry, word, min, max] = HOUSEHOLD_LINE_PICKER.pick(r);
    const commune = h.place;
    const number = w.ids.householdBusinessNumber(commune.province.code, commune.indexInProvince);
    const from = Math.max(FIRST_HOUSEHOLD_BUSINESS, addYears(owner.birth, 18));
    const registered = r.day(from, DAYS.lastBirth);
    const name = `HỘ KINH DOANH ${word} ${owner.given.text.toUpperCase()}`;
    w.buffers.householdBusinesses.add(
      `${number},${field(name)},${owner.id},${commune.code},${h.addressField},${field(line)},${industry},${roundCapital(r.logUniform(min, max))},${HOUSEHOLD_STATUSES.pick(r)},${iso(registered)},${w.updatedAt(r)}\n`,
    );
    this.householdBusinesses++;
  }
}
