/** The population module's messages, in both languages. */
import { messages } from "../../platform/i18n.js";

export const POPULATION_MESSAGES = messages("population", {
  birthYearOutOfRange: {
    en: "filter.{name}: {value} is outside the years the population database covers (1800–2200).",
    vi: "filter.{name}: {value} nằm ngoài khoảng năm mà cơ sở dữ liệu quốc gia về dân cư lưu trữ (1800–2200).",
  },
});
