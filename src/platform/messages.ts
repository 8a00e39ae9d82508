/** The platform's messages (an unknown administrative unit, a source that does not answer), in both languages. */
import { messages } from "./i18n.js";

export const PLATFORM_MESSAGES = messages("platform", {
  unknownAdministrativeUnit: {
    en: "No province or commune has code {code} on the 2025 administrative map.",
    vi: "Không có tỉnh/thành phố hay xã/phường nào mang mã {code} trên bản đồ hành chính năm 2025.",
  },
  sourceUnavailable: {
    en: "The {source} source is unavailable: {reason}. Fields from it are null in this answer; the rest is served. Try again shortly.",
    vi: "Nguồn dữ liệu {source} hiện không truy cập được: {reason}. Các trường lấy từ nguồn này là null trong câu trả lời này; phần còn lại vẫn được trả lời. Hãy thử lại sau ít phút.",
  },
  breakerOpen: {
    en: "it failed repeatedly, so the gateway stops asking it for {seconds} s",
    vi: "nguồn đã lỗi nhiều lần liên tiếp, nên cổng tạm ngừng hỏi nguồn này trong {seconds} giây",
  },
  queryTimedOut: {
    en: "it did not answer within {ms} ms",
    vi: "nguồn không trả lời trong vòng {ms} ms",
  },
  unreachable: {
    en: "it cannot be reached ({cause})",
    vi: "không kết nối được tới nguồn ({cause})",
  },
  subgraphTimedOut: {
    en: "timed out",
    vi: "quá thời gian chờ",
  },
  subgraphUnreachable: {
    en: "unreachable",
    vi: "không kết nối được",
  },
  subgraphHttpStatus: {
    en: "its subgraph answered HTTP {status} without results",
    vi: "subgraph của nguồn trả lời HTTP {status} mà không có kết quả",
  },
  subgraphDidNotAnswer: {
    en: "its subgraph did not answer",
    vi: "subgraph của nguồn không trả lời",
  },
});
