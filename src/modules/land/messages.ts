/** The land module's messages, in both languages. */
import { messages } from "../../platform/i18n.js";

export const LAND_MESSAGES = messages("land", {
  parcelIdShape: {
    en: 'A parcel id is "<5-digit commune code>-<map sheet>-<parcel number>", e.g. "00004-12-345"; got {value}.',
    vi: 'Mã thửa đất có dạng "<mã xã/phường 5 chữ số>-<số tờ bản đồ>-<số thửa>", ví dụ "00004-12-345"; nhận được {value}.',
  },
  unknownLandUsePurpose: {
    en: 'Unknown land-use purpose "{purpose}"; use one of {codes}.',
    vi: 'Không có mục đích sử dụng đất "{purpose}"; hãy dùng một trong các mã {codes}.',
  },
});
