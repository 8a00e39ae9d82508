/** The shared code's messages (scalars, national code checks, pagination, global ids, name search), in both languages. */
import { messages } from "../platform/i18n.js";

export const SHARED_MESSAGES = messages("shared", {
  scalarNotString: {
    en: "{scalar} must be given as a string of digits (quoted), got {type}.",
    vi: "{scalar} phải được gửi dưới dạng một chuỗi chữ số (trong dấu ngoặc kép), nhưng nhận được giá trị kiểu {type}.",
  },
  scalarInvalid: {
    en: "Invalid {scalar}: {problem}.",
    vi: "{scalar} không hợp lệ: {problem}.",
  },
  scalarNotStringLiteral: {
    en: '{scalar} must be a quoted string, e.g. "001203004567"; got a {kind} literal.',
    vi: '{scalar} phải là một chuỗi trong dấu ngoặc kép, ví dụ "001203004567"; nhưng nhận được một giá trị viết trực tiếp kiểu {kind}.',
  },
  personalIdShape: {
    en: "a personal identification number is exactly 12 digits; got {value} ({length} characters)",
    vi: "số định danh cá nhân gồm đúng 12 chữ số; nhận được {value} ({length} ký tự)",
  },
  taxCodeShape: {
    en: "an enterprise code (tax code) is exactly 10 digits; got {value}",
    vi: "mã số doanh nghiệp (mã số thuế) gồm đúng 10 chữ số; nhận được {value}",
  },
  taxCodeNoCheckDigit: {
    en: "{value} cannot be a tax code: its first nine digits give no valid check digit",
    vi: "{value} không thể là mã số thuế: chín chữ số đầu không cho ra chữ số kiểm tra hợp lệ nào",
  },
  taxCodeWrongCheckDigit: {
    en: "{value} has a wrong check digit: expected {expected}, found {found}",
    vi: "{value} có chữ số kiểm tra sai: đúng ra phải là {expected}, nhưng là {found}",
  },
  branchCodeShape: {
    en: "a branch code is 10 digits, a hyphen and 3 digits (NNNNNNNNNN-NNN); got {value}",
    vi: "mã số đơn vị phụ thuộc (chi nhánh) gồm 10 chữ số, một dấu gạch nối và 3 chữ số (NNNNNNNNNN-NNN); nhận được {value}",
  },
  branchEnterprisePart: {
    en: "the enterprise part of {value} is invalid: {problem}",
    vi: "phần mã số doanh nghiệp của {value} không hợp lệ: {problem}",
  },
  adminUnitCodeShape: {
    en: "an administrative unit code is 2 digits (province) or 5 digits (commune); got {value}",
    vi: "mã đơn vị hành chính gồm 2 chữ số (tỉnh/thành phố) hoặc 5 chữ số (xã/phường); nhận được {value}",
  },
  nameSearchTooShort: {
    en: "A name search needs at least 2 letters; got {text}.",
    vi: "Tìm kiếm theo tên cần ít nhất 2 chữ cái; nhận được {text}.",
  },
  invalidNodeId: {
    en: "{argument}: that is not a global id this gateway issued; pass the `id` of an object it returned.",
    vi: "{argument}: đây không phải mã định danh toàn cục (global id) do cổng này cấp; hãy truyền `id` của một đối tượng mà cổng đã trả về.",
  },
  invalidCursor: {
    en: "That is not a cursor of this {kind} list; pass a cursor it returned (pageInfo.endCursor).",
    vi: "Đây không phải con trỏ (cursor) của danh sách này ({kind}); hãy truyền một con trỏ mà danh sách đã trả về (pageInfo.endCursor).",
  },
  invalidPageSize: {
    en: '"first" must be between 1 and {max}; got {first}. Page through longer lists with "after".',
    vi: '"first" phải nằm trong khoảng từ 1 đến {max}; nhận được {first}. Với danh sách dài hơn, hãy xem tiếp từng trang bằng "after".',
  },
});
