/**
 * The vocabulary of generated businesses: legal forms and how their names read, industries (VSIC 2018 codes
 * with the words company names use for them), distinctive name words, positions, statuses, and the business
 * lines of household businesses.
 */
import { parseDay } from "./dates.js";
import { Weighted } from "./random.js";

export type LegalForm = "SINGLE_MEMBER_LLC" | "MULTI_MEMBER_LLC" | "JOINT_STOCK" | "PRIVATE_ENTERPRISE" | "PARTNERSHIP";

export const FIRST_REGISTRATION = parseDay("1995-01-01");
export const FIRST_HOUSEHOLD_BUSINESS = parseDay("2000-01-01");

export const LEGAL_FORMS = new Weighted<LegalForm>([
  ["SINGLE_MEMBER_LLC", 42],
  ["MULTI_MEMBER_LLC", 24],
  ["JOINT_STOCK", 20],
  ["PRIVATE_ENTERPRISE", 12],
  ["PARTNERSHIP", 2],
]);

export const FORM_TEXT: Record<LegalForm, { prefix: string; suffix: string; short: string | null }> = {
  SINGLE_MEMBER_LLC: { prefix: "CÔNG TY TNHH MỘT THÀNH VIÊN", suffix: "COMPANY LIMITED", short: "CO., LTD" },
  MULTI_MEMBER_LLC: { prefix: "CÔNG TY TNHH", suffix: "COMPANY LIMITED", short: "CO., LTD" },
  JOINT_STOCK: { prefix: "CÔNG TY CỔ PHẦN", suffix: "JOINT STOCK COMPANY", short: "JSC" },
  PRIVATE_ENTERPRISE: { prefix: "DOANH NGHIỆP TƯ NHÂN", suffix: "PRIVATE ENTERPRISE", short: null },
  PARTNERSHIP: { prefix: "CÔNG TY HỢP DANH", suffix: "PARTNERSHIP COMPANY", short: "PARTNERSHIP" },
};

/** VSIC code → [relative frequency, Vietnamese name word, English word]. */
export const INDUSTRIES: [string, number, string, string][] = [
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
export const INDUSTRY_PICKER = new Weighted(INDUSTRIES.map((row) => [row, row[1]] as const));

export const WORDS = [
  "AN",
  "BÌNH",
  "PHÁT",
  "THÀNH",
  "ĐẠT",
  "HƯNG",
  "THỊNH",
  "PHÚ",
  "QUÝ",
  "MINH",
  "ANH",
  "HOÀNG",
  "GIA",
  "BẢO",
  "NAM",
  "VIỆT",
  "TÂN",
  "TIẾN",
  "THÁI",
  "TRƯỜNG",
  "SƠN",
  "HẢI",
  "LONG",
  "KHANG",
  "TÍN",
  "NGHĨA",
  "ĐỨC",
  "TOÀN",
  "THẮNG",
  "LỢI",
  "LỘC",
  "TÀI",
  "PHÚC",
  "HÒA",
  "KIM",
  "NGỌC",
  "HUY",
  "QUANG",
  "VĨNH",
  "THIÊN",
  "ĐÔNG",
  "Á",
  "SAO",
  "ĐẠI",
  "HỒNG",
  "HÀ",
  "LINH",
  "TUẤN",
  "KHÔI",
  "NGUYÊN",
  "PHƯƠNG",
  "THUẬN",
  "XUÂN",
  "MỸ",
  "HẠNH",
  "TRÍ",
  "DŨNG",
  "CƯỜNG",
  "THANH",
  "UY",
  "VƯƠNG",
  "BẮC",
  "TRUNG",
  "ÂU",
  "HOA",
  "SEN",
  "MAI",
  "TRÚC",
  "NHẬT",
  "QUỐC",
  "HỢP",
  "NHÂN",
];

export const POSITIONS: Record<LegalForm, Weighted<string>> = {
  SINGLE_MEMBER_LLC: new Weighted([
    ["Giám đốc", 70],
    ["Tổng giám đốc", 15],
    ["Chủ tịch công ty", 15],
  ]),
  MULTI_MEMBER_LLC: new Weighted([
    ["Giám đốc", 70],
    ["Tổng giám đốc", 15],
    ["Chủ tịch Hội đồng thành viên", 15],
  ]),
  JOINT_STOCK: new Weighted([
    ["Tổng giám đốc", 45],
    ["Giám đốc", 25],
    ["Chủ tịch Hội đồng quản trị", 30],
  ]),
  PRIVATE_ENTERPRISE: new Weighted([["Giám đốc", 1]]),
  PARTNERSHIP: new Weighted([["Giám đốc", 1]]),
};

export const STATUSES = new Weighted<string>([
  ["ACTIVE", 82],
  ["SUSPENDED", 8],
  ["DISSOLVED", 9],
  ["BANKRUPT", 1],
]);

/** [business line, VSIC code, name word, capital range in VND, relative frequency]. */
export const HOUSEHOLD_LINES: [string, string, string, number, number, number][] = [
  ["Bán lẻ tạp hóa", "4711", "TẠP HÓA", 30e6, 500e6, 10],
  ["Quán ăn", "5610", "QUÁN ĂN", 30e6, 800e6, 8],
  ["Quán cà phê, giải khát", "5630", "CÀ PHÊ", 30e6, 600e6, 7],
  ["Sửa chữa xe máy", "4542", "SỬA XE", 20e6, 300e6, 5],
  ["Cắt tóc, gội đầu", "9631", "SALON TÓC", 20e6, 200e6, 4],
  ["Bán lẻ quần áo, giày dép", "4771", "THỜI TRANG", 50e6, 800e6, 4],
  ["Bán lẻ thuốc tân dược", "4772", "NHÀ THUỐC", 100e6, 1e9, 2],
  ["Bán lẻ rau quả, thực phẩm tươi sống", "4722", "THỰC PHẨM", 20e6, 300e6, 5],
  ["Nhà nghỉ", "5510", "NHÀ NGHỈ", 300e6, 3e9, 1],
  ["May đo quần áo", "1410", "MAY ĐO", 20e6, 200e6, 2],
  ["Sản xuất đồ gỗ gia dụng", "3100", "ĐỒ GỖ", 100e6, 2e9, 1.5],
  ["Bán lẻ vật liệu xây dựng, đồ ngũ kim", "4752", "VẬT LIỆU XÂY DỰNG", 200e6, 3e9, 2],
  ["Vận tải hàng hóa bằng xe tải", "4933", "VẬN TẢI", 300e6, 3e9, 2],
  ["Sửa chữa, bảo dưỡng ô tô", "4520", "GARA Ô TÔ", 200e6, 2e9, 1],
  ["Chăn nuôi gia cầm", "0146", "TRẠI GÀ", 50e6, 1e9, 1],
  ["Bán buôn nông sản", "4620", "NÔNG SẢN", 100e6, 2e9, 1.5],
];
export const HOUSEHOLD_LINE_PICKER = new Weighted(HOUSEHOLD_LINES.map((l) => [l, l[5]] as const));
export const HOUSEHOLD_STATUSES = new Weighted<string>([
  ["ACTIVE", 85],
  ["SUSPENDED", 5],
  ["CLOSED", 10],
]);
