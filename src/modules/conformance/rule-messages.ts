/**
 * The rule list (rules.ts) in the reader's language: each rule's title and usual fix in English (as rules.ts
 * writes them) and Vietnamese, for `conformanceRules` and `conformance --list-rules`. The basis — the legal text
 * or standard a rule applies — is cited as rules.ts writes it.
 */
import { type Language, language, messages } from "../../platform/i18n.js";
import { CONFORMANCE_RULES, type Rule, type RuleId } from "./rules.js";

/** The Vietnamese of each rule's title and fix. */
const VI: Record<RuleId, { title: string; fix: string }> = {
  OP_UNKNOWN_FIELD: {
    title: "Thao tác chọn một trường mà lược đồ quốc gia không có",
    fix: "Dùng một trường của kiểu đó (xem schema.graphql hoặc tài liệu trong IDE); phát hiện sẽ gợi ý tên gần nhất.",
  },
  OP_UNKNOWN_ARGUMENT: {
    title: "Một trường hoặc chỉ thị được truyền tham số mà nó không nhận",
    fix: "Bỏ tham số đó hoặc dùng đúng tên lược đồ khai báo.",
  },
  OP_MISSING_ARGUMENT: {
    title: "Thiếu một tham số bắt buộc",
    fix: "Truyền tham số đó (dưới dạng giá trị trực tiếp hoặc biến).",
  },
  OP_UNKNOWN_TYPE: {
    title: "Thao tác nêu một kiểu mà lược đồ quốc gia không có",
    fix: "Dùng một kiểu của lược đồ quốc gia, ví dụ PersonalId cho số định danh cá nhân.",
  },
  OP_INVALID_VALUE: {
    title: "Một giá trị viết trực tiếp không đúng kiểu của nó (kể cả định dạng mã quốc gia)",
    fix: "Truyền giá trị đúng kiểu của tham số; các mã quốc gia là chuỗi chữ số đặt trong ngoặc kép.",
  },
  OP_VARIABLE_TYPE: {
    title: "Một biến chưa khai báo, không được dùng, hoặc được dùng ở vị trí không cho phép kiểu của nó",
    fix: "Khai báo mỗi biến một lần với kiểu của tham số (ví dụ $id: PersonalId!) và dùng mọi biến đã khai báo.",
  },
  OP_INVALID: {
    title: "Thao tác vi phạm một quy tắc kiểm tra hợp lệ khác của GraphQL",
    fix: "Làm theo thông báo; cổng từ chối văn bản như vậy với mã GRAPHQL_VALIDATION_FAILED.",
  },
  OP_DEPRECATED: {
    title: "Thao tác dùng một trường, tham số hoặc giá trị liệt kê đã bị loại bỏ dần (deprecated)",
    fix: "Chuyển sang phần thay thế mà lý do deprecated nêu, trước khi trường bị gỡ bỏ.",
  },
  OP_TOO_DEEP: {
    title: "Thao tác lồng sâu hơn mức cổng cho phép",
    fix: "Hỏi ít hơn trong một lần, hoặc tách thao tác làm hai.",
  },
  OP_TOO_MANY_ALIASES: {
    title: "Thao tác dùng nhiều bí danh (alias) hơn mức cổng cho phép",
    fix: "Dùng một trường danh sách có bộ lọc thay cho nhiều lần tra cứu đặt bí danh.",
  },
  OP_TOO_COSTLY: {
    title: "Chi phí của thao tác vượt mức cổng cho phép",
    fix: "Hỏi các trang nhỏ hơn (first), ít danh sách lồng nhau hơn hoặc ít bí danh hơn.",
  },
  OP_TOO_MANY_DIRECTIVES: {
    title: "Thao tác dùng nhiều chỉ thị hơn mức cổng cho phép",
    fix: "Dùng ít chỉ thị @include / @skip hơn, ví dụ đặt một chỉ thị trên một fragment.",
  },
  OP_TOO_MANY_TOKENS: {
    title: "Thao tác (cùng các fragment của nó) dài hơn mức cổng phân tích",
    fix: "Tách thao tác, hoặc bỏ các trường hệ thống không dùng.",
  },
  OP_INTROSPECTION: {
    title: "Thao tác dựa vào introspection, điều mà cổng trong môi trường vận hành từ chối",
    fix: "Đọc lược đồ từ schema.graphql đã công bố khi xây dựng hệ thống, thay vì __schema / __type khi chạy.",
  },
  OP_UNNAMED: {
    title: "Thao tác không có tên",
    fix: "Đặt tên cho thao tác (query CitizenForBirthRegistration { … }) để nhật ký và việc rà soát phân biệt được các lần trao đổi.",
  },
  OP_PURPOSE_MISSING: {
    title: "Thao tác đọc dữ liệu cá nhân nhưng không khai báo mục đích",
    fix: "Ghi thủ tục hành chính mà thao tác phục vụ ngay phía trên nó (# purpose: 1.001193) và gửi mã đó trong X-Purpose-Procedure, kèm X-Purpose-Case.",
  },
  OP_PURPOSE_UNKNOWN: {
    title: "Mục đích đã khai báo không phải là thủ tục hành chính trong danh mục quốc gia",
    fix: "Khai báo mã trên Cổng Dịch vụ công quốc gia của thủ tục mà dữ liệu được đọc để giải quyết, ví dụ 1.001193 (đăng ký khai sinh).",
  },
  OP_NOT_GRANTED: {
    title: "Thao tác sẽ bị từ chối với quyền truy cập đã cấp cho máy khách",
    fix: "Bỏ các trường mà quyền truy cập không bao gồm, hoặc đề nghị đơn vị vận hành cổng cấp quyền còn thiếu (nguồn, lớp dữ liệu, thủ tục).",
  },
  OP_VARIABLES_INVALID: {
    title: "Biến mẫu không khớp với kiểu biến của thao tác",
    fix: "Gửi giá trị đúng kiểu đã khai báo; các biến bắt buộc phải có giá trị.",
  },
  DATA_UNKNOWN_KIND: {
    title: "Một tệp mẫu chứa loại bản ghi mà các tiêu chuẩn dữ liệu không quy định",
    fix: "Đặt bản ghi dưới citizens, addresses, enterprises, branches, parcels hoặc dossiers.",
  },
  DATA_REQUIRED: {
    title: "Thiếu hoặc để trống một trường bắt buộc",
    fix: "Điền trường đó; các cơ sở dữ liệu quốc gia luôn có trường này.",
  },
  DATA_TYPE: {
    title: "Một giá trị sai kiểu JSON",
    fix: "Các mã là chuỗi (viết dạng số sẽ mất số 0 ở đầu: 001203004567 không phải 1203004567); số tiền và diện tích là số.",
  },
  DATA_UNKNOWN_FIELD: {
    title: "Một trường không thuộc kiểu bản ghi quốc gia",
    fix: "Dùng tên trường quốc gia (phát hiện gợi ý tên gần nhất), hoặc không đưa các trường riêng của địa phương vào bản ghi trao đổi.",
  },
  DATA_PERSONAL_ID: {
    title: "Số định danh cá nhân sai định dạng",
    fix: "12 chữ số: tỉnh nơi đăng ký khai sinh (3), thế kỷ và giới tính (1), năm sinh (2), số ngẫu nhiên (6).",
  },
  DATA_PERSONAL_ID_MISMATCH: {
    title: "Số định danh cá nhân không khớp với ngày sinh hoặc giới tính trong bản ghi",
    fix: "Đối chiếu bản ghi với Cơ sở dữ liệu quốc gia về dân cư: số định danh mã hoá thế kỷ, giới tính và năm sinh.",
  },
  DATA_TAX_CODE: {
    title: "Mã số doanh nghiệp (mã số thuế) sai định dạng hoặc sai chữ số kiểm tra",
    fix: "10 chữ số, chữ số cuối là chữ số kiểm tra của chín chữ số đầu (trọng số 31, 29, 23, 19, 17, 13, 7, 5, 3).",
  },
  DATA_BRANCH_CODE: {
    title: "Mã chi nhánh sai định dạng hoặc không thuộc doanh nghiệp của nó",
    fix: "Mã số doanh nghiệp, một dấu gạch ngang và 3 chữ số (NNNNNNNNNN-NNN), với mã số của doanh nghiệp có chi nhánh đó.",
  },
  DATA_ADMIN_UNIT_FORMAT: {
    title: "Mã đơn vị hành chính sai định dạng",
    fix: "2 chữ số cho tỉnh/thành phố, 5 chữ số cho xã/phường, viết dạng chuỗi trong ngoặc kép.",
  },
  DATA_ADMIN_UNIT_LEGACY: {
    title: "Mã đơn vị hành chính là mã trước năm 2025",
    fix: "Thay bằng mã năm 2025 mà phát hiện nêu; với xã/phường bị chia cho nhiều đơn vị, hãy xác nhận địa chỉ với người dân.",
  },
  DATA_ADMIN_UNIT_UNKNOWN: {
    title: "Mã đơn vị hành chính không thuộc đơn vị nào, cũ hay mới",
    fix: "Đối chiếu mã với danh sách năm 2025 (query provinces { communes { code name } }).",
  },
  DATA_ADMIN_UNIT_MISMATCH: {
    title: "Xã/phường không thuộc tỉnh/thành phố mà bản ghi nêu",
    fix: "Ghi tỉnh/thành phố mà xã/phường thuộc về trên bản đồ hành chính năm 2025 (hoặc bỏ tỉnh/thành phố: xã/phường đã xác định tỉnh).",
  },
  DATA_DISTRICT: {
    title: "Bản ghi vẫn còn quận/huyện",
    fix: "Bỏ quận/huyện; một địa chỉ gồm một dòng địa chỉ, một xã/phường và (tuỳ chọn) tỉnh/thành phố của nó.",
  },
  DATA_DATE: {
    title: "Ngày không phải ngày dương lịch theo ISO 8601, hoặc là ngày không thể có",
    fix: "Viết 2025-07-01, không viết 01/07/2025; ngày sinh không được ở tương lai hoặc sau ngày mất.",
  },
  DATA_CODE_LIST: {
    title: "Một giá trị không có trong danh mục mã quốc gia của nó",
    fix: "Dùng một mã của danh mục mà phát hiện nêu.",
  },
  DATA_PARCEL_ID: {
    title: "Mã thửa đất sai định dạng",
    fix: "Viết <mã xã/phường năm 2025>-<số tờ bản đồ>-<số thửa>, ví dụ 00004-12-345.",
  },
  DATA_CERTIFICATE_SERIAL: {
    title: "Số phát hành giấy chứng nhận quyền sử dụng đất sai định dạng",
    fix: "Hai chữ cái in hoa, một dấu cách và 6 đến 8 chữ số, ví dụ DA 123456.",
  },
  DATA_PROCEDURE: {
    title: "Hồ sơ nêu một thủ tục hành chính không có trong danh mục quốc gia",
    fix: "Dùng mã của thủ tục trên Cổng Dịch vụ công quốc gia, ví dụ 1.001193.",
  },
  DATA_DOSSIER: {
    title: "Hồ sơ không phù hợp với thủ tục của nó (loại người nộp, đối tượng)",
    fix: "Ghi người nộp và các đối tượng mà thủ tục nhận (query procedure(code) { subjects { role description } }).",
  },
  SCHEMA_BREAKING: {
    title: "Một kiểu dùng chung khác kiểu quốc gia theo cách làm hỏng một hệ thống dùng dữ liệu quốc gia",
    fix: "Cung cấp trường, kiểu và tham số quốc gia đúng như lược đồ quốc gia khai báo.",
  },
  SCHEMA_DANGEROUS: {
    title: "Một kiểu dùng chung khác kiểu quốc gia theo cách có thể làm hỏng một hệ thống dùng dữ liệu quốc gia",
    fix: "Làm khớp chỗ khác biệt (ví dụ một giá trị liệt kê thêm mà hệ thống dùng dữ liệu quốc gia không lường trước) hoặc ghi rõ nó trong tài liệu.",
  },
  SCHEMA_NO_SHARED_TYPES: {
    title: "Lược đồ không có kiểu nào chung với lược đồ quốc gia",
    fix: "Đặt tên các kiểu dùng chung như lược đồ quốc gia (Citizen, Address, Enterprise, LandParcel, …) để so sánh được.",
  },
  SCHEMA_SUBGRAPH_COMPOSITION: {
    title: "Subgraph của hệ thống không ghép được với supergraph quốc gia",
    fix: "Làm theo thông báo và mã của nó: mở rộng các thực thể quốc gia theo @key của chúng (Citizen theo personalId) bằng các trường riêng, và không định nghĩa lại các trường quốc gia hay các kiểu không có @shareable.",
  },
};

export const RULE_MESSAGES = messages(
  "conformance-rules",
  Object.fromEntries(
    CONFORMANCE_RULES.flatMap((r) => [
      [`${r.id}.title`, { en: r.title, vi: VI[r.id].title }],
      [`${r.id}.fix`, { en: r.fix, vi: VI[r.id].fix }],
    ]),
  ),
);

/** The rule list, titles and fixes in `inLanguage` (the current request's by default). */
export function localizedRules(inLanguage: Language = language()): Rule[] {
  return CONFORMANCE_RULES.map((r) => ({
    ...r,
    title: RULE_MESSAGES[`${r.id}.title`][inLanguage],
    fix: RULE_MESSAGES[`${r.id}.fix`][inLanguage],
  }));
}
