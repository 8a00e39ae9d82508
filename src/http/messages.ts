/**
 * The HTTP front's messages, in English and Vietnamese; and the words of graphql-js and Apollo Server's own
 * errors (a field that does not exist, a variable not given, a syntax error), which they write in English only,
 * matched and said again in Vietnamese when the request asks for it.
 */
import { type Language, messages, render, say } from "../platform/i18n.js";

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
  organizationPurpose: {
    en: "An organisation client reads a citizen's data under that citizen's consent and the purpose it states: send no X-Purpose-Procedure or X-Purpose-Case.",
    vi: "Máy khách tổ chức đọc dữ liệu của công dân theo sự đồng ý của chính công dân đó và mục đích đã nêu trong đó: không gửi X-Purpose-Procedure hay X-Purpose-Case.",
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

/**
 * graphql-js and Apollo's messages, by pattern: the Vietnamese template names the pattern's groups. Their text is
 * theirs (graphql 16, @apollo/server 5); one they change falls back to `untranslated`, never to a wrong sentence.
 */
export const THIRD_PARTY_MESSAGES: { pattern: RegExp; vi: string }[] = [
  {
    pattern: /^Cannot query field "(?<field>[^"]+)" on type "(?<type>[^"]+)"\.(?<hint>.*)$/s,
    vi: 'Kiểu "{type}" không có trường "{field}".{hint}',
  },
  {
    pattern: /^Unknown argument "(?<arg>[^"]+)" on field "(?<field>[^"]+)"\.(?<hint>.*)$/s,
    vi: 'Trường "{field}" không có tham số "{arg}".{hint}',
  },
  {
    pattern: /^Field "(?<field>[^"]+)" argument "(?<arg>[^"]+)" of type "(?<type>[^"]+)" is required, but it was not provided\.$/,
    vi: 'Trường "{field}" cần tham số "{arg}" kiểu "{type}", nhưng tham số này không được gửi.',
  },
  {
    pattern: /^Field "(?<field>[^"]+)" of type "(?<type>[^"]+)" must have a selection of subfields\.(?<hint>.*)$/s,
    vi: 'Trường "{field}" kiểu "{type}" phải chọn các trường con.{hint}',
  },
  {
    pattern: /^Field "(?<field>[^"]+)" must not have a selection since type "(?<type>[^"]+)" has no subfields\.$/,
    vi: 'Trường "{field}" không được chọn trường con vì kiểu "{type}" không có trường con.',
  },
  {
    pattern: /^Variable "\$(?<name>[^"]+)" of required type "(?<type>[^"]+)" was not provided\.$/,
    vi: 'Biến "${name}" kiểu bắt buộc "{type}" không được gửi.',
  },
  {
    pattern: /^Variable "\$(?<name>[^"]+)" of non-null type "(?<type>[^"]+)" must not be null\.$/,
    vi: 'Biến "${name}" kiểu không rỗng "{type}" không được là null.',
  },
  {
    pattern: /^Variable "\$(?<name>[^"]+)" got invalid value (?<value>.*?); (?<detail>.*)$/s,
    vi: 'Biến "${name}" nhận giá trị không hợp lệ {value}; {detail}',
  },
  {
    pattern: /^Variable "\$(?<name>[^"]+)" of type "(?<type>[^"]+)" used in position expecting type "(?<expected>[^"]+)"\.$/,
    vi: 'Biến "${name}" kiểu "{type}" được dùng ở vị trí cần kiểu "{expected}".',
  },
  { pattern: /^Variable "\$(?<name>[^"]+)" is never used(?: in operation "(?<op>[^"]+)")?\.$/, vi: 'Biến "${name}" không được dùng.' },
  { pattern: /^Variable "\$(?<name>[^"]+)" is not defined(?: by operation "(?<op>[^"]+)")?\.$/, vi: 'Biến "${name}" chưa được khai báo.' },
  { pattern: /^Unknown type "(?<type>[^"]+)"\.(?<hint>.*)$/s, vi: 'Không có kiểu "{type}".{hint}' },
  { pattern: /^Unknown directive "@(?<name>[^"]+)"\.$/, vi: 'Không có chỉ thị "@{name}".' },
  { pattern: /^Unknown fragment "(?<name>[^"]+)"\.$/, vi: 'Không có fragment "{name}".' },
  { pattern: /^Fragment "(?<name>[^"]+)" is never used\.$/, vi: 'Fragment "{name}" không được dùng.' },
  { pattern: /^Unknown operation named "(?<name>[^"]+)"\.$/, vi: 'Không có thao tác nào tên "{name}".' },
  {
    pattern: /^Must provide operation name if query contains multiple operations\.$/,
    vi: "Văn bản có nhiều thao tác: hãy gửi operationName để chọn một.",
  },
  { pattern: /^Syntax Error: Expected (?<expected>.+), found (?<found>.+)\.$/, vi: "Lỗi cú pháp: cần {expected}, nhưng gặp {found}." },
  { pattern: /^Syntax Error: Unexpected (?<found>.+)\.$/, vi: "Lỗi cú pháp: không mong đợi {found}." },
  { pattern: /^Syntax Error: Unterminated string\.$/, vi: "Lỗi cú pháp: chuỗi chưa được đóng." },
  { pattern: /^Syntax Error: (?<detail>.+)$/s, vi: "Lỗi cú pháp: {detail}" },
  { pattern: /^PersistedQueryNotFound$/, vi: "Chưa biết truy vấn lưu sẵn có mã băm này: hãy gửi kèm văn bản truy vấn một lần." },
  { pattern: /^PersistedQueryNotSupported$/, vi: "Truy vấn lưu sẵn tự động đã bị tắt." },
  {
    pattern: /^Expected value of type "(?<type>[^"]+)", found (?<value>.+?); (?<detail>.*)$/s,
    vi: 'Cần giá trị kiểu "{type}", nhưng gặp {value}; {detail}',
  },
  { pattern: /^Expected value of type "(?<type>[^"]+)", found (?<value>.+)\.$/s, vi: 'Cần giá trị kiểu "{type}", nhưng gặp {value}.' },
  { pattern: /^(?<kind>Int|Float|String|Boolean|ID) cannot represent (?<detail>.+)$/s, vi: "Kiểu {kind} không biểu diễn được {detail}" },
];

const DID_YOU_MEAN = /^ Did you mean (?<options>.+)\?$/s;

function hint(text: string | undefined): string {
  if (!text) return "";
  const match = DID_YOU_MEAN.exec(text);
  return match ? ` Có phải ý bạn là ${match.groups!.options.replace(/, or /g, " hoặc ").replace(/ or /g, " hoặc ")}?` : text;
}

/** The Vietnamese of a message graphql-js or Apollo wrote, or null when no pattern knows it. */
function translated(message: string): string | null {
  for (const { pattern, vi } of THIRD_PARTY_MESSAGES) {
    const match = pattern.exec(message);
    if (!match) continue;
    const groups = { ...match.groups };
    if ("hint" in groups) groups.hint = hint(groups.hint);
    // The detail may be theirs (translated too) or the gateway's own, already in the reader's language.
    if (groups.detail) groups.detail = translated(groups.detail) ?? groups.detail;
    return render(vi, groups);
  }
  return null;
}

/** A message graphql-js wrote around one of the gateway's own (already in the reader's language), in `language`. */
export function wrappedMessage(message: string, language: Language): string {
  return language === "en" ? message : (translated(message) ?? message);
}

/** A graphql-js or Apollo message, as a person asking in `language` reads it. */
export function thirdPartyMessage(message: string, code: string, language: Language): string {
  if (language === "en") return message;
  return translated(message) ?? say(HTTP_MESSAGES.untranslated, { summary: SUMMARY[code] ?? "Lỗi", original: message }, language);
}
