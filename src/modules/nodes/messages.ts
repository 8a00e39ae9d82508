/** The global object lookups' messages, in both languages. */
import { messages } from "../../platform/i18n.js";

export const NODE_MESSAGES = messages("nodes", {
  tooManyIds: {
    en: "nodes takes at most {max} ids; got {count}. Ask for the rest in another call.",
    vi: "nodes nhận tối đa {max} mã định danh; nhận được {count}. Hãy hỏi phần còn lại trong một lần gọi khác.",
  },
});
