/** The administrative units' messages (filters, lookups, what became of a pre-2025 unit), in both languages. */
import { messages } from "../../platform/i18n.js";

export const ADMIN_UNIT_MESSAGES = messages("admin-units", {
  communeCodeLooksLikeProvince: {
    en: 'communeCode takes a 5-digit commune code; "{code}" looks like a province code — use provinceCode.',
    vi: 'communeCode nhận mã xã/phường gồm 5 chữ số; "{code}" có vẻ là mã tỉnh/thành phố — hãy dùng provinceCode.',
  },
  provinceCodeLooksLikeCommune: {
    en: 'provinceCode takes a 2-digit province code; "{code}" looks like a commune code — use communeCode.',
    vi: 'provinceCode nhận mã tỉnh/thành phố gồm 2 chữ số; "{code}" có vẻ là mã xã/phường — hãy dùng communeCode.',
  },
  legacyCommuneFilter: {
    en: 'It is the pre-2025 code of {name}; query legacyAdministrativeUnit(code: "{code}") for its 2025 successor(s).',
    vi: 'Đây là mã trước năm 2025 của {name}; hãy truy vấn legacyAdministrativeUnit(code: "{code}") để biết (các) đơn vị kế thừa năm 2025.',
  },
  legacyProvinceFilter: {
    en: "It is the pre-2025 code of {name}, now part of province {province}.",
    vi: "Đây là mã trước năm 2025 của {name}, nay thuộc tỉnh/thành phố {province}.",
  },
  legacyCodeShape: {
    en: "A pre-2025 unit code is 2 digits (province), 3 digits (district) or 5 digits (commune); got {value}.",
    vi: "Mã đơn vị hành chính trước năm 2025 gồm 2 chữ số (tỉnh), 3 chữ số (huyện) hoặc 5 chữ số (xã); nhận được {value}.",
  },
  noLegacyUnit: {
    en: "No pre-2025 province, district or commune had code {code}.",
    vi: "Trước năm 2025 không có tỉnh, huyện hay xã nào mang mã {code}.",
  },
  is2025Code: {
    en: 'Is it a 2025 code? Query administrativeUnit(code: "{code}").',
    vi: 'Đây có phải mã năm 2025 không? Hãy truy vấn administrativeUnit(code: "{code}").',
  },
  legacyLookupHint: {
    en: 'It is the pre-2025 code of {name}: {explanation} Query legacyAdministrativeUnit(code: "{code}") for details.',
    vi: 'Đây là mã trước năm 2025 của {name}: {explanation} Hãy truy vấn legacyAdministrativeUnit(code: "{code}") để biết chi tiết.',
  },
  checkCodeHint: {
    en: "Check the code against the list of provinces and their communes (query provinces { communes { code name } }).",
    vi: "Hãy đối chiếu mã với danh sách tỉnh/thành phố và các xã/phường của từng tỉnh (truy vấn provinces { communes { code name } }).",
  },
  noSuccessor: {
    en: "{name} has no recorded successor on the 2025 map.",
    vi: "{name} không có đơn vị kế thừa nào được ghi nhận trên bản đồ năm 2025.",
  },
  districtAbolished: {
    en: "Districts were abolished on 1 July 2025; the communes of {name} now belong to {count} commune(s): {names}. An address must name its commune.",
    vi: "Cấp huyện đã bị bãi bỏ từ ngày 1 tháng 7 năm 2025; các xã của {name} nay thuộc {count} xã/phường: {names}. Địa chỉ phải ghi rõ xã/phường.",
  },
  mergedInto: {
    en: "{name} became part of {successor}.",
    vi: "{name} đã được nhập vào {successor}.",
  },
  partlyMergedInto: {
    en: "Part of {name} went to {successor}; the rest is recorded elsewhere — confirm the address with the applicant.",
    vi: "Một phần của {name} được nhập vào {successor}; phần còn lại được ghi nhận ở đơn vị khác — hãy xác nhận lại địa chỉ với người nộp hồ sơ.",
  },
  split: {
    en: "{name} was split between {count} units: {names}. The new unit cannot be determined from this code alone; ask for the street address or a current residence record.",
    vi: "{name} đã được chia cho {count} đơn vị: {names}. Không thể xác định đơn vị mới chỉ từ mã này; hãy hỏi địa chỉ cụ thể hoặc thông tin cư trú hiện tại.",
  },
});
