/**
 * The words graphql-js, Apollo Server and Yoga write in English only (a field that does not exist, a variable not
 * given, a syntax error, a deprecation), matched by pattern and said again in Vietnamese: one list for the HTTP
 * front, the router and the conformance findings that quote them. Their text is theirs (graphql 16,
 * @apollo/server 5); a message they word differently matches nothing, and the caller decides what to show
 * instead — never a wrong sentence.
 */
import { render } from "./i18n.js";

export const GRAPHQL_JS_MESSAGES: { pattern: RegExp; vi: string }[] = [
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
  { pattern: /^There can be only one variable named "\$(?<name>[^"]+)"\.$/, vi: 'Chỉ được có một biến tên "${name}".' },
  { pattern: /^There can be only one operation named "(?<name>[^"]+)"\.$/, vi: 'Chỉ được có một thao tác tên "{name}".' },
  { pattern: /^The field (?<coordinate>\S+) is deprecated\.$/, vi: "Trường {coordinate} đã bị loại bỏ dần (deprecated)." },
  { pattern: /^The input field (?<coordinate>\S+) is deprecated\.$/, vi: "Trường đầu vào {coordinate} đã bị loại bỏ dần (deprecated)." },
  {
    pattern: /^Field "(?<field>[^"]+)" argument "(?<arg>[^"]+)" is deprecated\.$/,
    vi: 'Tham số "{arg}" của trường "{field}" đã bị loại bỏ dần (deprecated).',
  },
  {
    pattern: /^Directive "@(?<name>[^"]+)" argument "(?<arg>[^"]+)" is deprecated\.$/,
    vi: 'Tham số "{arg}" của chỉ thị "@{name}" đã bị loại bỏ dần (deprecated).',
  },
  { pattern: /^The enum value "(?<value>[^"]+)" is deprecated\.$/, vi: 'Giá trị liệt kê "{value}" đã bị loại bỏ dần (deprecated).' },
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

/** The Vietnamese of a message graphql-js (or Apollo, or Yoga) wrote, or null when no pattern knows it. */
export function graphqlJsInVietnamese(message: string): string | null {
  for (const { pattern, vi } of GRAPHQL_JS_MESSAGES) {
    const match = pattern.exec(message);
    if (!match) continue;
    const groups = { ...match.groups };
    if ("hint" in groups) groups.hint = hint(groups.hint);
    // The detail may be theirs (said again too) or the gateway's own, already in the reader's language.
    if (groups.detail) groups.detail = graphqlJsInVietnamese(groups.detail) ?? groups.detail;
    return render(vi, groups);
  }
  return null;
}
