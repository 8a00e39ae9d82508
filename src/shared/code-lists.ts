/**
 * National code lists (danh mục) the sources store as codes: ethnic groups, land-use purposes and VSIC 2018
 * industries, and the lookups that name a code. Each entry is `{ code, name (Vietnamese, official), nameEn }`.
 * The GraphQL layer answers a code as a CodedValue (coded-value.ts): the lists stay plain reference data, free of
 * type-graphql, which the conformance check reads too.
 */
import type { CodedValue } from "./coded-value.js";

export interface CodeListEntry {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

/**
 * The 54 ethnic groups, with the General Statistics Office codes (Danh mục các dân tộc Việt Nam,
 * Decision 121-TCTK/PPCĐ of 2 March 1979, still the code list of the population database).
 */
export const ETHNICITIES = [
  { code: "01", name: "Kinh", nameEn: "Kinh (Viet)" },
  { code: "02", name: "Tày", nameEn: "Tay" },
  { code: "03", name: "Thái", nameEn: "Thai" },
  { code: "04", name: "Hoa", nameEn: "Hoa (Chinese)" },
  { code: "05", name: "Khơ-me", nameEn: "Khmer" },
  { code: "06", name: "Mường", nameEn: "Muong" },
  { code: "07", name: "Nùng", nameEn: "Nung" },
  { code: "08", name: "HMông", nameEn: "Hmong" },
  { code: "09", name: "Dao", nameEn: "Dao (Yao)" },
  { code: "10", name: "Gia-rai", nameEn: "Jarai" },
  { code: "11", name: "Ngái", nameEn: "Ngai" },
  { code: "12", name: "Ê-đê", nameEn: "Ede" },
  { code: "13", name: "Ba Na", nameEn: "Bahnar" },
  { code: "14", name: "Xơ-Đăng", nameEn: "Xo Dang (Sedang)" },
  { code: "15", name: "Sán Chay", nameEn: "San Chay" },
  { code: "16", name: "Cơ-ho", nameEn: "Koho" },
  { code: "17", name: "Chăm", nameEn: "Cham" },
  { code: "18", name: "Sán Dìu", nameEn: "San Diu" },
  { code: "19", name: "Hrê", nameEn: "Hre" },
  { code: "20", name: "Mnông", nameEn: "Mnong" },
  { code: "21", name: "Ra-glai", nameEn: "Raglai" },
  { code: "22", name: "Xtiêng", nameEn: "Stieng" },
  { code: "23", name: "Bru-Vân Kiều", nameEn: "Bru-Van Kieu" },
  { code: "24", name: "Thổ", nameEn: "Tho" },
  { code: "25", name: "Giáy", nameEn: "Giay" },
  { code: "26", name: "Cơ-tu", nameEn: "Co Tu (Katu)" },
  { code: "27", name: "Gié-Triêng", nameEn: "Gie Trieng" },
  { code: "28", name: "Mạ", nameEn: "Ma" },
  { code: "29", name: "Khơ-mú", nameEn: "Khmu" },
  { code: "30", name: "Co", nameEn: "Co" },
  { code: "31", name: "Tà-ôi", nameEn: "Ta Oi" },
  { code: "32", name: "Chơ-ro", nameEn: "Cho Ro" },
  { code: "33", name: "Kháng", nameEn: "Khang" },
  { code: "34", name: "Xinh-mun", nameEn: "Xinh Mun" },
  { code: "35", name: "Hà Nhì", nameEn: "Ha Nhi" },
  { code: "36", name: "Chu-ru", nameEn: "Churu" },
  { code: "37", name: "Lào", nameEn: "Lao" },
  { code: "38", name: "La Chí", nameEn: "La Chi" },
  { code: "39", name: "La Ha", nameEn: "La Ha" },
  { code: "40", name: "Phù Lá", nameEn: "Phu La" },
  { code: "41", name: "La Hủ", nameEn: "La Hu" },
  { code: "42", name: "Lự", nameEn: "Lu" },
  { code: "43", name: "Lô Lô", nameEn: "Lo Lo" },
  { code: "44", name: "Chứt", nameEn: "Chut" },
  { code: "45", name: "Mảng", nameEn: "Mang" },
  { code: "46", name: "Pà Thẻn", nameEn: "Pa Then" },
  { code: "47", name: "Co Lao", nameEn: "Co Lao" },
  { code: "48", name: "Cống", nameEn: "Cong" },
  { code: "49", name: "Bố Y", nameEn: "Bo Y" },
  { code: "50", name: "Si La", nameEn: "Si La" },
  { code: "51", name: "Pu Péo", nameEn: "Pu Peo" },
  { code: "52", name: "Brâu", nameEn: "Brau" },
  { code: "53", name: "Ơ Đu", nameEn: "O Du" },
  { code: "54", name: "Rơ-măm", nameEn: "Ro Mam" },
] as const satisfies readonly CodeListEntry[];

/** Land-use purposes (mục đích sử dụng đất) and their map codes (Law on Land 2024; Circular 08/2024/TT-BTNMT). */
export const LAND_USE_PURPOSES = [
  { code: "LUC", name: "Đất chuyên trồng lúa", nameEn: "Specialised rice land" },
  { code: "LUK", name: "Đất trồng lúa còn lại", nameEn: "Other rice land" },
  { code: "BHK", name: "Đất bằng trồng cây hằng năm khác", nameEn: "Flat land for other annual crops" },
  { code: "NHK", name: "Đất nương rẫy trồng cây hằng năm khác", nameEn: "Upland fields for other annual crops" },
  { code: "CLN", name: "Đất trồng cây lâu năm", nameEn: "Perennial crop land" },
  { code: "RSX", name: "Đất rừng sản xuất", nameEn: "Production forest land" },
  { code: "RPH", name: "Đất rừng phòng hộ", nameEn: "Protection forest land" },
  { code: "RDD", name: "Đất rừng đặc dụng", nameEn: "Special-use forest land" },
  { code: "NTS", name: "Đất nuôi trồng thủy sản", nameEn: "Aquaculture land" },
  { code: "LMU", name: "Đất làm muối", nameEn: "Salt-making land" },
  { code: "NKH", name: "Đất nông nghiệp khác", nameEn: "Other agricultural land" },
  { code: "ODT", name: "Đất ở tại đô thị", nameEn: "Urban residential land" },
  { code: "ONT", name: "Đất ở tại nông thôn", nameEn: "Rural residential land" },
  { code: "TMD", name: "Đất thương mại, dịch vụ", nameEn: "Commercial and service land" },
  { code: "SKC", name: "Đất cơ sở sản xuất phi nông nghiệp", nameEn: "Non-agricultural production facility land" },
  { code: "SKK", name: "Đất khu công nghiệp", nameEn: "Industrial park land" },
  { code: "SKN", name: "Đất cụm công nghiệp", nameEn: "Industrial cluster land" },
  { code: "TSC", name: "Đất xây dựng trụ sở cơ quan", nameEn: "Land for offices of state agencies" },
  { code: "NTD", name: "Đất nghĩa trang, nhà tang lễ, cơ sở hỏa táng", nameEn: "Cemetery and funeral land" },
] as const satisfies readonly CodeListEntry[];

/**
 * Level-4 industries of the Vietnam Standard Industrial Classification 2018 (VSIC 2018, Decision
 * 27/2018/QĐ-TTg) that business registrations here use. Not the whole list (it has 486 level-4 codes).
 * Note VSIC 2018 splits 4100 "Xây dựng nhà các loại" of VSIC 2007 into 4101 / 4102.
 */
export const VSIC_INDUSTRIES = [
  { code: "0111", name: "Trồng lúa", nameEn: "Growing of paddy" },
  { code: "0118", name: "Trồng rau, đậu các loại và trồng hoa", nameEn: "Growing of vegetables, beans and flowers" },
  { code: "0146", name: "Chăn nuôi gia cầm", nameEn: "Raising of poultry" },
  { code: "0322", name: "Nuôi trồng thủy sản nội địa", nameEn: "Inland aquaculture" },
  { code: "1010", name: "Chế biến, bảo quản thịt và các sản phẩm từ thịt", nameEn: "Processing and preserving of meat" },
  { code: "1079", name: "Sản xuất thực phẩm khác chưa được phân vào đâu", nameEn: "Manufacture of other food products n.e.c." },
  { code: "1410", name: "May trang phục (trừ trang phục từ da lông thú)", nameEn: "Manufacture of wearing apparel, except fur apparel" },
  { code: "1520", name: "Sản xuất giày, dép", nameEn: "Manufacture of footwear" },
  {
    code: "1629",
    name: "Sản xuất sản phẩm khác từ gỗ; sản xuất sản phẩm từ tre, nứa, rơm, rạ và vật liệu tết bện",
    nameEn: "Manufacture of other products of wood, bamboo and plaiting materials",
  },
  { code: "2220", name: "Sản xuất sản phẩm từ plastic", nameEn: "Manufacture of plastics products" },
  {
    code: "2395",
    name: "Sản xuất bê tông và các sản phẩm từ xi măng và thạch cao",
    nameEn: "Manufacture of articles of concrete, cement and plaster",
  },
  { code: "2511", name: "Sản xuất các cấu kiện kim loại", nameEn: "Manufacture of structural metal products" },
  { code: "3100", name: "Sản xuất giường, tủ, bàn, ghế", nameEn: "Manufacture of furniture" },
  { code: "4101", name: "Xây dựng nhà để ở", nameEn: "Construction of residential buildings" },
  { code: "4102", name: "Xây dựng nhà không để ở", nameEn: "Construction of non-residential buildings" },
  { code: "4212", name: "Xây dựng công trình đường bộ", nameEn: "Construction of roads" },
  { code: "4299", name: "Xây dựng công trình kỹ thuật dân dụng khác", nameEn: "Construction of other civil engineering projects" },
  { code: "4321", name: "Lắp đặt hệ thống điện", nameEn: "Electrical installation" },
  {
    code: "4322",
    name: "Lắp đặt hệ thống cấp, thoát nước, lò sưởi và điều hoà không khí",
    nameEn: "Plumbing, heat and air-conditioning installation",
  },
  { code: "4330", name: "Hoàn thiện công trình xây dựng", nameEn: "Building completion and finishing" },
  { code: "4520", name: "Bảo dưỡng, sửa chữa ô tô và xe có động cơ khác", nameEn: "Maintenance and repair of motor vehicles" },
  { code: "4542", name: "Bảo dưỡng và sửa chữa mô tô, xe máy", nameEn: "Maintenance and repair of motorcycles" },
  { code: "4610", name: "Đại lý, môi giới, đấu giá hàng hóa", nameEn: "Wholesale on a fee or contract basis" },
  {
    code: "4620",
    name: "Bán buôn nông, lâm sản nguyên liệu (trừ gỗ, tre, nứa) và động vật sống",
    nameEn: "Wholesale of agricultural raw materials and live animals",
  },
  { code: "4632", name: "Bán buôn thực phẩm", nameEn: "Wholesale of food" },
  { code: "4641", name: "Bán buôn vải, hàng may mặc, giày dép", nameEn: "Wholesale of textiles, clothing and footwear" },
  { code: "4649", name: "Bán buôn đồ dùng khác cho gia đình", nameEn: "Wholesale of other household goods" },
  {
    code: "4651",
    name: "Bán buôn máy vi tính, thiết bị ngoại vi và phần mềm",
    nameEn: "Wholesale of computers, peripheral equipment and software",
  },
  { code: "4659", name: "Bán buôn máy móc, thiết bị và phụ tùng máy khác", nameEn: "Wholesale of other machinery and equipment" },
  {
    code: "4663",
    name: "Bán buôn vật liệu, thiết bị lắp đặt khác trong xây dựng",
    nameEn: "Wholesale of construction materials and installation equipment",
  },
  { code: "4669", name: "Bán buôn chuyên doanh khác chưa được phân vào đâu", nameEn: "Other specialised wholesale n.e.c." },
  {
    code: "4711",
    name: "Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp",
    nameEn: "Retail sale in non-specialised stores with food, beverages or tobacco predominating",
  },
  { code: "4719", name: "Bán lẻ khác trong các cửa hàng kinh doanh tổng hợp", nameEn: "Other retail sale in non-specialised stores" },
  { code: "4722", name: "Bán lẻ thực phẩm trong các cửa hàng chuyên doanh", nameEn: "Retail sale of food in specialised stores" },
  {
    code: "4730",
    name: "Bán lẻ nhiên liệu động cơ trong các cửa hàng chuyên doanh",
    nameEn: "Retail sale of automotive fuel in specialised stores",
  },
  {
    code: "4752",
    name: "Bán lẻ đồ ngũ kim, sơn, kính và thiết bị lắp đặt khác trong xây dựng trong các cửa hàng chuyên doanh",
    nameEn: "Retail sale of hardware, paints and glass in specialised stores",
  },
  {
    code: "4771",
    name: "Bán lẻ hàng may mặc, giày dép, hàng da và giả da trong các cửa hàng chuyên doanh",
    nameEn: "Retail sale of clothing, footwear and leather articles in specialised stores",
  },
  {
    code: "4772",
    name: "Bán lẻ thuốc, dụng cụ y tế, mỹ phẩm và vật phẩm vệ sinh trong các cửa hàng chuyên doanh",
    nameEn: "Retail sale of pharmaceutical and medical goods, cosmetic and toilet articles in specialised stores",
  },
  { code: "4932", name: "Vận tải hành khách đường bộ khác", nameEn: "Other passenger land transport" },
  { code: "4933", name: "Vận tải hàng hóa bằng đường bộ", nameEn: "Freight transport by road" },
  { code: "5210", name: "Kho bãi và lưu giữ hàng hóa", nameEn: "Warehousing and storage" },
  { code: "5510", name: "Dịch vụ lưu trú ngắn ngày", nameEn: "Short-term accommodation activities" },
  { code: "5610", name: "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động", nameEn: "Restaurants and mobile food service activities" },
  { code: "5630", name: "Dịch vụ phục vụ đồ uống", nameEn: "Beverage serving activities" },
  { code: "6201", name: "Lập trình máy vi tính", nameEn: "Computer programming activities" },
  {
    code: "6202",
    name: "Tư vấn máy vi tính và quản trị hệ thống máy vi tính",
    nameEn: "Computer consultancy and computer facilities management",
  },
  { code: "6311", name: "Xử lý dữ liệu, cho thuê và các hoạt động liên quan", nameEn: "Data processing, hosting and related activities" },
  {
    code: "6810",
    name: "Kinh doanh bất động sản, quyền sử dụng đất thuộc chủ sở hữu, chủ sử dụng hoặc đi thuê",
    nameEn: "Real estate activities with own or leased property",
  },
  {
    code: "6820",
    name: "Tư vấn, môi giới, đấu giá bất động sản, đấu giá quyền sử dụng đất",
    nameEn: "Real estate consultancy, brokerage and auctions",
  },
  {
    code: "6920",
    name: "Hoạt động liên quan đến kế toán, kiểm toán và tư vấn về thuế",
    nameEn: "Accounting, auditing and tax consultancy",
  },
  { code: "7020", name: "Hoạt động tư vấn quản lý", nameEn: "Management consultancy activities" },
  {
    code: "7110",
    name: "Hoạt động kiến trúc và tư vấn kỹ thuật có liên quan",
    nameEn: "Architectural and engineering activities and related technical consultancy",
  },
  { code: "7310", name: "Quảng cáo", nameEn: "Advertising" },
  { code: "7911", name: "Đại lý du lịch", nameEn: "Travel agency activities" },
  {
    code: "8299",
    name: "Hoạt động dịch vụ hỗ trợ kinh doanh khác còn lại chưa được phân vào đâu",
    nameEn: "Other business support service activities n.e.c.",
  },
  { code: "8559", name: "Giáo dục khác chưa được phân vào đâu", nameEn: "Other education n.e.c." },
  { code: "8620", name: "Hoạt động của các phòng khám đa khoa, chuyên khoa và nha khoa", nameEn: "Medical and dental practice activities" },
  {
    code: "9610",
    name: "Dịch vụ tắm hơi, massage và các dịch vụ tăng cường sức khoẻ tương tự (trừ hoạt động thể thao)",
    nameEn: "Sauna, massage and similar well-being services (except sports)",
  },
  { code: "9631", name: "Cắt tóc, làm đầu, gội đầu", nameEn: "Hairdressing and other beauty treatment" },
] as const satisfies readonly CodeListEntry[];

function index(list: readonly CodeListEntry[]): Map<string, CodedValue> {
  return new Map(list.map((e) => [e.code, { code: e.code, name: e.name, nameEn: e.nameEn }]));
}

const ethnicities = index(ETHNICITIES);
const purposes = index(LAND_USE_PURPOSES);
const industries = index(VSIC_INDUSTRIES);

/** A code's entry; an unknown code still answers, marked as such. */
function lookup(map: Map<string, CodedValue>, code: string, list: string): CodedValue {
  return map.get(code) ?? { code, name: `(code ${code} is not in the ${list} list)`, nameEn: null };
}

export const ethnicity = (code: string) => lookup(ethnicities, code, "ethnicity");
export const landUsePurpose = (code: string) => lookup(purposes, code, "land-use purpose");
export const industry = (code: string) => lookup(industries, code, "VSIC 2018");
export const landUsePurposeCodes = () => [...purposes.keys()];
