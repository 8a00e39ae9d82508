/** The router's and the subgraphs' own messages (their HTTP edges, the signed identity, the reader calls), in both languages. */
import { messages } from "../platform/i18n.js";

export const FEDERATION_MESSAGES = messages("federation", {
  routerNotFound: {
    en: "Nothing is served at this path: GraphQL is at {path}.",
    vi: "Không có gì được phục vụ tại đường dẫn này: GraphQL ở {path}.",
  },
  tooManyTokens: {
    en: "The query is too long: it has more than {max} tokens, the most the gateway parses.",
    vi: "Truy vấn quá dài: văn bản có hơn {max} token, mức tối đa mà cổng phân tích.",
  },
  internal: {
    en: "Internal error; it has been logged.",
    vi: "Lỗi nội bộ; lỗi đã được ghi lại.",
  },
  internalLoggedUnder: {
    en: "Internal error; it has been logged under {requestId}.",
    vi: "Lỗi nội bộ; lỗi đã được ghi lại với mã {requestId}.",
  },
  subgraphNotFound: {
    en: "The {name} subgraph answers POST {path}, from the router only.",
    vi: "Subgraph {name} chỉ trả lời POST {path}, và chỉ cho router.",
  },
  subgraphBadBody: {
    en: "The request body is not a JSON object of at most 1 MB.",
    vi: "Thân yêu cầu không phải là một đối tượng JSON có kích thước tối đa 1 MB.",
  },
  notAReader: {
    en: "Not a reader of the {source} source: {query}.",
    vi: "Không phải một hàm đọc của nguồn {source}: {query}.",
  },
  readerKeys: {
    en: "A reader call names up to {max} keys, each a string of at most 64 characters.",
    vi: "Một lời gọi hàm đọc nêu tối đa {max} khoá, mỗi khoá là một chuỗi dài tối đa 64 ký tự.",
  },
  unsigned: {
    en: "This subgraph answers only requests signed by the NDAF router; send the question to the router.",
    vi: "Subgraph này chỉ trả lời các yêu cầu có chữ ký của router NDAF; hãy gửi câu hỏi tới router.",
  },
  badSignature: {
    en: "The request's router signature does not match its content: it was altered, or signed with another secret.",
    vi: "Chữ ký router của yêu cầu không khớp với nội dung: yêu cầu đã bị sửa đổi, hoặc được ký bằng một khoá bí mật khác.",
  },
  noIdentity: {
    en: "The signed request carries no identity (extensions.ndaf).",
    vi: "Yêu cầu đã ký không mang danh tính (extensions.ndaf).",
  },
  wrongAudience: {
    en: "The request was signed for the {audience} subgraph, not this one ({expected}).",
    vi: "Yêu cầu được ký cho subgraph {audience}, không phải subgraph này ({expected}).",
  },
  signatureTooOld: {
    en: "The router's signature is {age} s old; a signed request is valid for {valid} s.",
    vi: "Chữ ký của router đã được tạo cách đây {age} giây; một yêu cầu đã ký chỉ có hiệu lực trong {valid} giây.",
  },
  replayed: {
    en: "This signed request was already answered: a subgraph answers each one once (a replay is refused).",
    vi: "Yêu cầu đã ký này đã được trả lời: mỗi yêu cầu chỉ được subgraph trả lời một lần (yêu cầu gửi lại bị từ chối).",
  },
});
