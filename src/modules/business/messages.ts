/** The business module's messages, in both languages. */
import { messages } from "../../platform/i18n.js";

export const BUSINESS_MESSAGES = messages("business", {
  industryCodeShape: {
    en: 'industryCode is a 4-digit VSIC 2018 code (e.g. "6201"); got {value}.',
    vi: 'industryCode là mã ngành kinh tế VSIC 2018 gồm 4 chữ số (ví dụ "6201"); nhận được {value}.',
  },
});
