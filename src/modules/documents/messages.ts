/** The trusted documents module's messages, in English and Vietnamese: why a request naming a document is refused. */
import { messages } from "../../platform/i18n.js";

export const DOCUMENTS = messages("documents", {
  idShape: {
    en: 'documentId must be "sha256:" and 64 lower-case hex digits, as `ndaf-gateway documents publish` printed it; got {value}.',
    vi: 'documentId phải gồm "sha256:" và 64 chữ số hệ mười sáu viết thường, đúng như `ndaf-gateway documents publish` đã in ra; đã nhận {value}.',
  },
  /** How an id that is not a string is shown in `idShape`. */
  aNull: { en: "a null", vi: "giá trị null" },
  aList: { en: "a list", vi: "một danh sách" },
  aValue: { en: "a {type}", vi: "một giá trị kiểu {type}" },
  notFoundForClient: {
    en: "No trusted document {id} is published for client {clientId}. Publish it with `ndaf-gateway documents publish <folder> --client {clientId}`, or send the id it printed.",
    vi: "Không có tài liệu tin cậy {id} nào được công bố cho máy khách {clientId}. Hãy công bố bằng `ndaf-gateway documents publish <folder> --client {clientId}`, hoặc gửi mã mà lệnh đó đã in ra.",
  },
  notFoundWithoutKey: {
    en: "No trusted document {id} is published for callers without a key. Publish it with `ndaf-gateway documents publish <folder>`, or send the id it printed.",
    vi: "Không có tài liệu tin cậy {id} nào được công bố cho bên gọi không có khoá. Hãy công bố bằng `ndaf-gateway documents publish <folder>`, hoặc gửi mã mà lệnh đó đã in ra.",
  },
  both: {
    en: "A request names its operation once: `query` (the text) or `documentId` (a published document), not both.",
    vi: "Mỗi yêu cầu chỉ nêu thao tác một lần: `query` (văn bản) hoặc `documentId` (tài liệu đã công bố), không dùng cả hai.",
  },
  repeated: {
    en: "documentId is given more than once; a request runs one document.",
    vi: "documentId được gửi nhiều hơn một lần; mỗi yêu cầu chỉ chạy một tài liệu.",
  },
  persistedQuery: {
    en: "A request names its document by documentId or by extensions.persistedQuery, not both.",
    vi: "Mỗi yêu cầu nêu tài liệu bằng documentId hoặc bằng extensions.persistedQuery, không dùng cả hai.",
  },
  trustedOnly: {
    en: 'Client {clientId} runs trusted documents only: send {"documentId": "sha256:…", "variables": {…}} with an id printed by `ndaf-gateway documents publish --client {clientId}`, not query text.',
    vi: 'Máy khách {clientId} chỉ chạy tài liệu tin cậy: hãy gửi {"documentId": "sha256:…", "variables": {…}} với mã do `ndaf-gateway documents publish --client {clientId}` in ra, không gửi văn bản truy vấn.',
  },
});
