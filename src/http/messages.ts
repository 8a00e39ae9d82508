/**
 * The HTTP front's messages, in English and Vietnamese; and how graphql-js and Apollo Server's own errors, which
 * they write in English only, reach a reader who asked for Vietnamese: said again by ../platform/graphql-messages.ts,
 * or, when no pattern knows them, after a Vietnamese summary of their code.
 */
import { graphqlJsInVietnamese } from "../platform/graphql-messages.js";
import { type Language, messages, say } from "../platform/i18n.js";

export const HTTP_MESSAGES = messages("http", {
  payloadTooLarge: {
    en: "The request body exceeds {limit} bytes.",
    vi: "Thân yêu cầu vượt quá {limit} byte.",
  },
  notUtf8: {
    en: "The request body is not valid UTF-8; GraphQL requests are UTF-8 JSON.",
    vi: "Thân yêu cầu không phải UTF-8 hợp lệ; yêu cầu GraphQL là JSON mã hoá UTF-8.",
  },
  notJson: {
    en: "The request body is not valid JSON.",
    vi: "Thân yêu cầu không phải JSON hợp lệ.",
  },
  gatewayDatabaseDown: {
    en: "The gateway database is not answering; retry shortly.",
    vi: "Cơ sở dữ liệu của cổng không trả lời; hãy thử lại sau ít phút.",
  },
  noCheckpointYet: {
    en: "No checkpoint has been signed yet: checkpoints follow the first audited reads.",
    vi: "Chưa có điểm kiểm (checkpoint) nào được ký: điểm kiểm được lập sau những lần đọc đầu tiên được ghi nhật ký.",
  },
  notFound: {
    en: "Nothing at {path}. GraphQL is served at {graphql}; the IDE at /.",
    vi: "Không có gì tại {path}. GraphQL được phục vụ tại {graphql}; IDE tại /.",
  },
  badAuthorization: {
    en: "The Authorization header must be `Bearer <API key>`.",
    vi: "Tiêu đề Authorization phải có dạng `Bearer <khoá API>`.",
  },
  internal: {
    en: "Internal error; it has been logged.",
    vi: "Lỗi nội bộ; lỗi đã được ghi lại.",
  },
  internalField: {
    en: "Internal error while answering this field. It has been logged; quote the x-request-id response header when reporting it.",
    vi: "Lỗi nội bộ khi trả lời trường này. Lỗi đã được ghi lại; khi báo lỗi, hãy trích tiêu đề phản hồi x-request-id.",
  },
  /** graphql-js or Apollo wrote a message this catalogue does not know: the code's words, and theirs. */
  untranslated: {
    en: "{summary}: {original}",
    vi: "{summary} (chi tiết, bằng tiếng Anh: {original})",
  },
});

/** What each of graphql-js and Apollo's codes means, said in Vietnamese before their own English words. */
const SUMMARY: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: "Văn bản không đúng cú pháp GraphQL",
  GRAPHQL_VALIDATION_FAILED: "Thao tác không hợp lệ với lược đồ",
  BAD_USER_INPUT: "Giá trị của một biến không đúng kiểu",
  OPERATION_RESOLUTION_FAILURE: "Không xác định được thao tác cần chạy",
  PERSISTED_QUERY_NOT_FOUND: "Chưa biết truy vấn lưu sẵn có mã băm này: hãy gửi kèm văn bản truy vấn một lần",
  PERSISTED_QUERY_NOT_SUPPORTED: "Truy vấn lưu sẵn tự động đã bị tắt",
  BAD_REQUEST: "Yêu cầu HTTP không phải là một yêu cầu GraphQL hợp lệ",
};

/** A message graphql-js wrote around one of the gateway's own (already in the reader's language), in `language`. */
export function wrappedMessage(message: string, language: Language): string {
  return language === "en" ? message : (graphqlJsInVietnamese(message) ?? message);
}

/** A graphql-js or Apollo message, as a person asking in `language` reads it. */
export function thirdPartyMessage(message: string, code: string, language: Language): string {
  if (language === "en") return message;
  return (
    graphqlJsInVietnamese(message) ?? say(HTTP_MESSAGES.untranslated, { summary: SUMMARY[code] ?? "Lỗi", original: message }, language)
  );
}
