/** The operational records' messages, in English and Vietnamese. */
import { messages } from "../../platform/i18n.js";

export const MONITORING_MESSAGES = messages("monitoring", {
  unauthenticated: {
    en: "Operational records are read by a registered client: send `Authorization: Bearer <API key>`.",
    vi: "Bản ghi vận hành chỉ dành cho máy khách đã đăng ký: hãy gửi `Authorization: Bearer <khoá API>`.",
  },
  citizensPooled: {
    en: "Citizen clients' requests are recorded together, naming no one; reading them needs the oversight role.",
    vi: "Yêu cầu của các máy khách công dân được ghi gộp, không nêu tên ai; muốn đọc chúng cần vai trò oversight (giám sát).",
  },
  anotherClient: {
    en: "A client reads its own operational records ({own}); another client's need the oversight role.",
    vi: "Mỗi máy khách đọc bản ghi vận hành của chính mình ({own}); đọc của máy khách khác cần vai trò oversight (giám sát).",
  },
  windowOrder: {
    en: '"from" ({from}) must be before "to" ({to}).',
    vi: '"from" ({from}) phải trước "to" ({to}).',
  },
  windowTooLong: {
    en: 'The window from "from" to "to" spans more than {days} days; read a longer period a window at a time.',
    vi: 'Khoảng thời gian từ "from" đến "to" dài hơn {days} ngày; hãy đọc một khoảng dài hơn theo từng khoảng.',
  },
  badCursor: {
    en: "That is not a cursor of this operational-records list.",
    vi: "Đó không phải là con trỏ (cursor) của danh sách bản ghi vận hành này.",
  },
});
