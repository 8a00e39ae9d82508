/**
 * The conformance check's messages, in English and Vietnamese: its findings, its input errors
 * (INVALID_CONFORMANCE_INPUT) and its refusals (RATE_LIMITED, CONFORMANCE_TIMEOUT). A check runs on a worker
 * thread, in the language the pool passes with the task (worker.ts); the command line says them in `--lang`.
 */
import { graphqlJsInVietnamese } from "../../platform/graphql-messages.js";
import { language, messages } from "../../platform/i18n.js";

export const CONFORMANCE_MESSAGES = messages("conformance", {
  // The pool (pool.ts)
  busy: {
    en: "The conformance check is busy: {inFlight} checks are running or waiting, as many as it takes at once. Retry in {retryAfterSeconds} s.",
    vi: "Dịch vụ kiểm tra tuân thủ đang bận: {inFlight} lượt kiểm tra đang chạy hoặc đang chờ, bằng số lượt tối đa nhận cùng lúc. Hãy thử lại sau {retryAfterSeconds} giây.",
  },
  timeout: {
    en: "The conformance check ran past its time budget of {timeoutMs} ms and was stopped. Check the inputs in parts, or run `npx ndaf-gateway conformance`, which has no time limit.",
    vi: "Lượt kiểm tra tuân thủ đã vượt quá thời gian cho phép {timeoutMs} ms và bị dừng. Hãy kiểm tra từng phần đầu vào, hoặc chạy `npx ndaf-gateway conformance`, lệnh này không giới hạn thời gian.",
  },

  // Input errors (inputs.ts, service.ts, bounds.ts, operations.ts, subgraph.ts, schema-diff.ts, code-documents.ts)
  nothingToCheck: {
    en: "nothing to check: give operations, sample data, a schema or a subgraph.",
    vi: "không có gì để kiểm tra: hãy gửi thao tác, dữ liệu mẫu, lược đồ hoặc subgraph.",
  },
  subgraphNameWithoutSubgraph: {
    en: "a subgraph name needs a subgraph (--subgraph).",
    vi: "tên subgraph chỉ dùng được khi có subgraph (--subgraph).",
  },
  typeMapWithoutSchema: {
    en: "a type map needs a schema to compare (--schema).",
    vi: "bảng ánh xạ kiểu chỉ dùng được khi có lược đồ để so sánh (--schema).",
  },
  tooManyFiles: {
    en: "{total} files is more than {max}; check them in parts.",
    vi: "{total} tệp là nhiều hơn mức {max}; hãy kiểm tra từng phần.",
  },
  givenTwice: {
    en: "given twice; every input file needs its own name.",
    vi: "được gửi hai lần; mỗi tệp đầu vào cần một tên riêng.",
  },
  samplesAreJson: { en: "sample data are .json files.", vi: "dữ liệu mẫu phải là tệp .json." },
  emptyJson: { en: "the file is empty; a JSON value was expected.", vi: "tệp rỗng; cần một giá trị JSON." },
  invalidJson: { en: "invalid JSON: {what}.", vi: "JSON không hợp lệ: {what}." },
  limitExceeded: {
    en: "{file}: {what}, more than the API checks in one call ({limit}: {maximum}). Check in parts, or run `npx ndaf-gateway conformance`, which has no such limit.",
    vi: "{file}: {what}, nhiều hơn mức API kiểm tra trong một lần gọi ({limit}: {maximum}). Hãy kiểm tra từng phần, hoặc chạy `npx ndaf-gateway conformance`, lệnh này không có giới hạn đó.",
  },
  moreThan: { en: "more than {count}", vi: "hơn {count}" },
  limitInputBytes: { en: "the input is {actual} bytes", vi: "đầu vào có {actual} byte" },
  limitOperationFiles: { en: "{actual} operations documents", vi: "{actual} văn bản thao tác" },
  limitOperations: { en: "{actual} operations", vi: "{actual} thao tác" },
  limitDocumentTokens: { en: "{actual} tokens in one document", vi: "{actual} token trong một văn bản" },
  limitFragmentSpreads: { en: "{actual} fragment spreads", vi: "{actual} lần dùng fragment (...Tên)" },
  limitExpandedFields: {
    en: "the operations select {actual} fields with their fragments written out",
    vi: "các thao tác chọn {actual} trường khi triển khai hết các fragment",
  },
  limitSampleFiles: { en: "{actual} sample files", vi: "{actual} tệp dữ liệu mẫu" },
  limitSampleBytes: { en: "the file is {actual} bytes", vi: "tệp có {actual} byte" },
  limitSchemaBytes: { en: "the schema is {actual} bytes", vi: "lược đồ có {actual} byte" },
  limitTypeMapEntries: { en: "{actual} type map entries", vi: "{actual} mục trong bảng ánh xạ kiểu" },
  limitSubgraphBytes: { en: "the subgraph is {actual} bytes", vi: "subgraph có {actual} byte" },
  notGraphqlDocument: { en: "not a GraphQL document: {detail}", vi: "không phải văn bản GraphQL: {detail}" },
  holdsTypeDefinitions: {
    en: "holds type definitions: operations files hold queries, mutations and fragments; pass a schema with --schema.",
    vi: "chứa định nghĩa kiểu: tệp thao tác chỉ chứa query, mutation và fragment; hãy gửi lược đồ bằng --schema.",
  },
  operationsFileKinds: {
    en: "operations are .graphql or .gql documents or code holding them (.ts, .tsx, .js, .jsx), and sample variables <document>.variables.json files.",
    vi: "thao tác là văn bản .graphql hoặc .gql hay mã nguồn chứa chúng (.ts, .tsx, .js, .jsx), và biến mẫu là tệp <văn bản>.variables.json.",
  },
  variablesWithoutDocument: {
    en: "no operations file {base}.graphql (or code file {base}.ts holding operations) beside it: sample variables belong to the document of the same name.",
    vi: "không có tệp thao tác {base}.graphql (hay tệp mã {base}.ts chứa thao tác) đi kèm: biến mẫu thuộc về văn bản cùng tên.",
  },
  variablesKeyedByOperation: {
    en: '{file} holds several operations, so its sample variables are keyed by operation name ({names}); "{stray}" is none of them.',
    vi: '{file} chứa nhiều thao tác, nên biến mẫu của nó được đặt theo tên thao tác ({names}); "{stray}" không phải tên nào trong số đó.',
  },
  variablesNotObject: {
    en: "sample variables are a JSON object of variable values (or, for a document of several operations, one such object per operation name).",
    vi: "biến mẫu là một đối tượng JSON gồm giá trị các biến (hoặc, với văn bản có nhiều thao tác, mỗi tên thao tác một đối tượng như vậy).",
  },
  sampleFileShape: {
    en: "a sample file is a JSON object whose keys are record kinds ({kinds}), each holding a list of records.",
    vi: "tệp dữ liệu mẫu là một đối tượng JSON có các khoá là loại bản ghi ({kinds}), mỗi khoá chứa một danh sách bản ghi.",
  },
  badSubgraphName: {
    en: '"{name}" cannot name a subgraph: a letter, then letters, digits, - or _ (at most 63); give one with --subgraph-name.',
    vi: '"{name}" không dùng được làm tên subgraph: một chữ cái, tiếp theo là chữ cái, chữ số, - hoặc _ (tối đa 63 ký tự); hãy đặt tên bằng --subgraph-name.',
  },
  nationalSubgraphName: {
    en: '"{name}" is the name of the national {taken} subgraph; give the provincial subgraph a name of its own with --subgraph-name.',
    vi: '"{name}" là tên của subgraph quốc gia {taken}; hãy đặt cho subgraph của tỉnh một tên riêng bằng --subgraph-name.',
  },
  notSubgraphSchema: { en: "not a valid subgraph schema: {detail}", vi: "không phải lược đồ subgraph hợp lệ: {detail}" },
  subgraphHoldsOperations: {
    en: "holds operations: a subgraph schema holds type definitions; pass operations with --operations.",
    vi: "chứa thao tác: lược đồ subgraph chỉ chứa định nghĩa kiểu; hãy gửi thao tác bằng --operations.",
  },
  noComposer: {
    en: "this check cannot compose subgraphs: it was started without a composer.",
    vi: "lượt kiểm tra này không ghép được subgraph: nó được khởi chạy mà không có bộ ghép (composer).",
  },
  notCode: {
    en: "not parseable as TypeScript or JavaScript: {detail}.",
    vi: "không phân tích được như TypeScript hay JavaScript: {detail}.",
  },
  mapNoType: {
    en: "--map {own}={national}: the schema has no type {own}.",
    vi: "--map {own}={national}: lược đồ không có kiểu {own}.",
  },
  mapNoNationalType: {
    en: "--map {own}={national}: the national schema has no type {national}.",
    vi: "--map {own}={national}: lược đồ quốc gia không có kiểu {national}.",
  },
  mapTypeExists: {
    en: "--map {own}={national}: the schema already has a type {national}.",
    vi: "--map {own}={national}: lược đồ đã có sẵn một kiểu {national}.",
  },
  introspectionJson: {
    en: "a JSON schema must be an introspection result with __schema (or data.__schema).",
    vi: "lược đồ dạng JSON phải là kết quả introspection có __schema (hoặc data.__schema).",
  },
  badIntrospection: {
    en: "not a usable introspection result: {detail}",
    vi: "không phải kết quả introspection dùng được: {detail}",
  },
  notSchema: { en: "not a valid GraphQL schema: {detail}", vi: "không phải lược đồ GraphQL hợp lệ: {detail}" },
  schemaUnknownType: {
    en: 'not a valid GraphQL schema: unknown type "{type}".',
    vi: 'không phải lược đồ GraphQL hợp lệ: không có kiểu "{type}".',
  },

  // Findings about operations (operations.ts)
  didYouMean: { en: " Did you mean {options}?", vi: " Có phải ý bạn là {options}?" },
  orJoin: { en: ", or ", vi: " hoặc " },
  fragmentTwice: {
    en: "Fragment {name} is defined twice: in {first} and in {second}.",
    vi: "Fragment {name} được định nghĩa hai lần: trong {first} và trong {second}.",
  },
  operationNamesUnique: {
    en: "{detail} Operation names identify exchanges in logs and audit reviews.",
    vi: "{detail} Tên thao tác dùng để nhận biết từng lần trao đổi trong nhật ký và khi rà soát nhật ký truy cập.",
  },
  anonymousNotAlone: {
    en: "This anonymous operation must be the only operation in its document.",
    vi: "Thao tác không tên này phải là thao tác duy nhất trong văn bản của nó.",
  },
  unnamed: {
    en: "An unnamed {kind}: name it so logs and audit reviews can tell exchanges apart.",
    vi: "Một {kind} không có tên: hãy đặt tên để nhật ký và việc rà soát phân biệt được các lần trao đổi.",
  },
  introspection: {
    en: "{field} is introspection, which the production gateway refuses (INTROSPECTION_DISABLED).",
    vi: "{field} là introspection, cổng trong môi trường vận hành từ chối (INTROSPECTION_DISABLED).",
  },
  withSampleVariables: { en: "With the sample variables: {detail}", vi: "Với các biến mẫu: {detail}" },
  tooManyTokens: {
    en: "The operation with its fragments has more than {max} tokens; the gateway refuses it (TOO_MANY_TOKENS).",
    vi: "Thao tác cùng các fragment của nó có hơn {max} token; cổng từ chối thao tác này (TOO_MANY_TOKENS).",
  },
  purposeMissing: {
    en: "The operation reads personal data ({fields}) but declares no purpose; the gateway answers PURPOSE_REQUIRED without one.",
    vi: "Thao tác đọc dữ liệu cá nhân ({fields}) nhưng không khai báo mục đích; thiếu mục đích, cổng trả lời PURPOSE_REQUIRED.",
  },
  purposeUnknown: {
    en: "The declared purpose {purpose} is not a procedure of the national catalogue.",
    vi: "Mục đích đã khai báo {purpose} không phải là thủ tục hành chính nào trong danh mục quốc gia.",
  },
  notGranted: { en: "{detail} (the gateway answers {code})", vi: "{detail} (cổng trả lời {code})" },
  noSuchVariable: {
    en: "The operation declares no variable ${key}.",
    vi: "Thao tác không khai báo biến ${key}.",
  },
  noSuchVariableNear: {
    en: "The operation declares no variable ${key}; did you mean ${near}?",
    vi: "Thao tác không khai báo biến ${key}; có phải ý bạn là ${near}?",
  },
  requiredVariable: {
    en: "Variable ${variable} of required type {type} is not given.",
    vi: "Biến ${variable} kiểu bắt buộc {type} không được gửi.",
  },

  // Findings about sample records (payloads.ts)
  mustBeString: {
    en: "{name} must be a string ({what}); got {got}.{lost}",
    vi: "{name} phải là chuỗi ({what}); nhận được {got}.{lost}",
  },
  lostAsNumber: {
    en: " As a number it loses leading zeros and precision; write it in quotes.",
    vi: " Viết dưới dạng số sẽ mất các số 0 ở đầu và mất độ chính xác; hãy đặt trong dấu ngoặc kép.",
  },
  gotArray: { en: "an array", vi: "một mảng" },
  notIsoDate: {
    en: "{name} {value} is not an ISO 8601 date (YYYY-MM-DD).",
    vi: "{name} {value} không phải ngày theo ISO 8601 (YYYY-MM-DD).",
  },
  notCalendarDay: { en: "{name} {value} is not a day of the calendar.", vi: "{name} {value} không phải là một ngày có thật trên lịch." },
  inFuture: { en: "{name} {value} lies in the future.", vi: "{name} {value} là một ngày trong tương lai." },
  notDateTime: { en: "{name} {value} is not an RFC 3339 date-time.", vi: "{name} {value} không phải thời điểm theo RFC 3339." },
  invalidPersonalId: {
    en: "Invalid personal identification number: {problem}.",
    vi: "Số định danh cá nhân không hợp lệ: {problem}.",
  },
  birthYearToCome: {
    en: "{value} encodes the birth year {year}, which has not come yet (digit 4 is century and sex, digits 5–6 the year).",
    vi: "{value} mã hoá năm sinh {year}, một năm chưa tới (chữ số thứ 4 là thế kỷ và giới tính, chữ số 5–6 là năm).",
  },
  adminUnitFormat: { en: "{name} {value} is not {what}.", vi: "{name} {value} không phải {what}." },
  provinceCode2: { en: "a 2-digit province code", vi: "mã tỉnh/thành phố gồm 2 chữ số" },
  communeCode5: { en: "a 5-digit commune code", vi: "mã xã/phường gồm 5 chữ số" },
  adminUnitLegacy: {
    en: "{value} is the pre-2025 code of {name}. {explanation}",
    vi: "{value} là mã trước năm 2025 của {name}. {explanation}",
  },
  unknownProvince: {
    en: "{value} names no province, on the 2025 map or before it.",
    vi: "{value} không phải mã của tỉnh/thành phố nào, trên bản đồ hành chính năm 2025 hay trước đó.",
  },
  unknownCommune: {
    en: "{value} names no commune, on the 2025 map or before it.",
    vi: "{value} không phải mã của xã/phường nào, trên bản đồ hành chính năm 2025 hay trước đó.",
  },
  invalidTaxCode: {
    en: "Invalid enterprise code (tax code): {problem}.",
    vi: "Mã số doanh nghiệp (mã số thuế) không hợp lệ: {problem}.",
  },
  invalidBranchCode: { en: "Invalid branch code: {problem}.", vi: "Mã chi nhánh không hợp lệ: {problem}." },
  notEnumValue: { en: "{value} is not a value of {type}.{hint}", vi: "{value} không phải là một giá trị của {type}.{hint}" },
  notInCodeList: {
    en: "{value} is not a code of the national list of {list}.",
    vi: "{value} không phải mã nào trong danh mục quốc gia {list}.",
  },
  notVsic: {
    en: "{value} is not a VSIC 2018 level-4 industry code.",
    vi: "{value} không phải mã ngành kinh tế cấp 4 theo VSIC 2018.",
  },
  notCountry: {
    en: "{value} is not an ISO 3166-1 alpha-2 country code.",
    vi: "{value} không phải mã quốc gia ISO 3166-1 alpha-2.",
  },
  notCertificateSerial: {
    en: "{value} is not a certificate serial.",
    vi: "{value} không phải số phát hành giấy chứng nhận.",
  },
  mustBeList: { en: "{name} must be a list.", vi: "{name} phải là một danh sách." },
  mustBeNumber: { en: "{name} must be a number; got {got}.", vi: "{name} phải là số; nhận được {got}." },
  theString: { en: "the string {value}", vi: "chuỗi {value}" },
  numberMustBe: { en: "{name} {value} must be {problems}.", vi: "{name} {value} phải {problems}." },
  andJoin: { en: " and ", vi: " và " },
  wholeNumber: { en: "a whole number", vi: "là số nguyên" },
  greaterThanZero: { en: "greater than 0", vi: "lớn hơn 0" },
  atLeast: { en: "at least {min}", vi: "ít nhất là {min}" },
  atMost: { en: "at most {max}", vi: "nhiều nhất là {max}" },
  recordNotObject: { en: "A {type} record must be a JSON object.", vi: "Bản ghi {type} phải là một đối tượng JSON." },
  requiredMissing: { en: "{type}.{name} is required and missing.", vi: "{type}.{name} là bắt buộc nhưng bị thiếu." },
  requiredEmpty: { en: "{type}.{name} is required and empty.", vi: "{type}.{name} là bắt buộc nhưng để trống." },
  district: {
    en: "{name} names a district; districts were abolished on 1 July 2025.",
    vi: "{name} ghi một quận/huyện; cấp huyện đã chấm dứt hoạt động từ ngày 1 tháng 7 năm 2025.",
  },
  unknownField: { en: "{type} has no field {name}.{hint}", vi: "{type} không có trường {name}.{hint}" },
  addressCommuneRequired: {
    en: "Address.communeCode is required: an address names its 2025 commune.",
    vi: "Address.communeCode là bắt buộc: một địa chỉ phải ghi xã/phường theo bản đồ hành chính năm 2025.",
  },
  legacyCommuneUnknown: {
    en: "legacyCommuneCode {value} names no pre-2025 commune.",
    vi: "legacyCommuneCode {value} không phải mã của xã/phường nào trước năm 2025.",
  },
  legacyCommuneWentElsewhere: {
    en: "{legacy} ({legacyCode}, pre-2025) went to {went}, not to {commune} ({communeCode}).",
    vi: "{legacy} ({legacyCode}, trước năm 2025) đã được sáp nhập vào {went}, không phải vào {commune} ({communeCode}).",
  },
  communeNotInProvince: {
    en: "{commune} ({communeCode}) is in {actual} ({actualCode}), not in {province} ({provinceCode}).",
    vi: "{commune} ({communeCode}) thuộc {actual} ({actualCode}), không thuộc {province} ({provinceCode}).",
  },
  notParcelId: { en: "{value} is not a parcel id.", vi: "{value} không phải mã thửa đất." },
  birthYearMismatch: {
    en: "{personalId} encodes the birth year {year}, but dateOfBirth is {dateOfBirth}.",
    vi: "{personalId} mã hoá năm sinh {year}, nhưng dateOfBirth là {dateOfBirth}.",
  },
  sexMismatch: {
    en: "{personalId} encodes the sex {encoded}, but the record says {sex}.",
    vi: "{personalId} mã hoá giới tính {encoded}, nhưng bản ghi ghi {sex}.",
  },
  deathBeforeBirth: {
    en: "dateOfDeath {dateOfDeath} is before dateOfBirth {dateOfBirth}.",
    vi: "dateOfDeath {dateOfDeath} trước dateOfBirth {dateOfBirth}.",
  },
  branchOfOther: {
    en: "Branch {branch} belongs to enterprise {prefix}, not to {enterprise}.",
    vi: "Chi nhánh {branch} thuộc doanh nghiệp {prefix}, không thuộc {enterprise}.",
  },
  parcelCommuneMismatch: {
    en: "Parcel {id} lies in commune {commune}, but its address names {addressCommune}.",
    vi: "Thửa đất {id} nằm ở xã/phường {commune}, nhưng địa chỉ của nó ghi {addressCommune}.",
  },
  parcelPartMismatch: {
    en: "{field} {value} disagrees with the parcel id {id} ({part}).",
    vi: "{field} {value} không khớp với mã thửa đất {id} ({part}).",
  },
  noProcedure: {
    en: "No procedure {code} in the national catalogue.",
    vi: "Không có thủ tục hành chính {code} trong danh mục quốc gia.",
  },
  noCertificateWithoutParcel: {
    en: "Procedure {code} is about no parcel, so it takes no certificate.",
    vi: "Thủ tục {code} không liên quan đến thửa đất nào, nên không nhận giấy chứng nhận.",
  },
  mustBeListOfRecords: { en: "{key} must be a list of records.", vi: "{key} phải là một danh sách bản ghi." },
  unknownKind: {
    en: "{key} is not a record kind the national standards cover; it was not checked.{hint}",
    vi: "{key} không phải loại bản ghi mà các tiêu chuẩn quốc gia quy định; phần này không được kiểm tra.{hint}",
  },

  // Findings about schemas (schema-diff.ts)
  noSharedTypes: {
    en: "No type of this schema has the name of a national type, so none could be compared.",
    vi: "Không kiểu nào của lược đồ này trùng tên với một kiểu quốc gia, nên không so sánh được kiểu nào.",
  },
  theirType: { en: " (their {name})", vi: " (kiểu {name} của hệ thống)" },
  schemaChange: { en: "{change}{reason}{their}", vi: "{change}{reason}{their} (chi tiết bằng tiếng Anh, theo graphql-inspector)" },
  lacksFields: {
    en: "{type}{their} lacks {count} field(s) of the national type: {fields}. A consumer written against the national schema that asks for them would fail.",
    vi: "{type}{their} thiếu {count} trường của kiểu quốc gia: {fields}. Một hệ thống dùng được viết theo lược đồ quốc gia mà hỏi các trường này sẽ bị lỗi.",
  },
  // What a value should be, in the findings' "must be a string (…)" (payloads.ts)
  whatDate: { en: "an ISO 8601 date, YYYY-MM-DD", vi: "một ngày theo ISO 8601, YYYY-MM-DD" },
  whatDateTime: { en: "an RFC 3339 date-time", vi: "một thời điểm theo RFC 3339" },
  whatPersonalId: { en: "a 12-digit personal identification number", vi: "số định danh cá nhân gồm 12 chữ số" },
  whatText: { en: "text", vi: "văn bản" },
  whatTaxCode: { en: "a 10-digit enterprise code", vi: "mã số doanh nghiệp gồm 10 chữ số" },
  whatBranchCode: { en: "a branch code NNNNNNNNNN-NNN", vi: "mã chi nhánh NNNNNNNNNN-NNN" },
  whatEnum: { en: "one of {type}", vi: "một giá trị của {type}" },
  whatCodeList: { en: "a code of the {list} list", vi: "một mã của danh mục {list}" },
  whatVsic: { en: "a 4-digit VSIC 2018 code", vi: "mã VSIC 2018 gồm 4 chữ số" },
  whatCountry: { en: "an ISO 3166-1 alpha-2 country code", vi: "mã quốc gia ISO 3166-1 alpha-2" },
  whatParcelId: {
    en: "a parcel id <commune code>-<map sheet>-<parcel number>",
    vi: "mã thửa đất <mã xã/phường>-<số tờ bản đồ>-<số thửa>",
  },
  whatCertificateSerial: { en: "a certificate serial", vi: "số phát hành giấy chứng nhận" },
  // Fixes a finding suggests
  fixUse: { en: "use {name}", vi: "dùng {name}" },
  fixRenameTo: { en: "rename to {name}", vi: "đổi tên thành {name}" },
  fixRemove: { en: "remove {name}", vi: "bỏ {name}" },
  // What a finding expects, what it found and how to fix it (payloads.ts, operations.ts, schema-diff.ts); JSON errors (inputs.ts)
  expString: { en: "a string: {what}", vi: "một chuỗi: {what}" },
  fixWrite: { en: "write {value}", vi: "viết {value}" },
  expRealDate: { en: "a real calendar date", vi: "một ngày có thật trên lịch" },
  expOnOrBefore: { en: "a date on or before {date}", vi: "một ngày không muộn hơn {date}" },
  expDateTime: { en: "YYYY-MM-DDThh:mm:ssZ (or with an offset)", vi: "YYYY-MM-DDThh:mm:ssZ (hoặc kèm độ lệch múi giờ)" },
  expPersonalId: { en: "12 digits (Decree 137/2015/NĐ-CP, art. 7)", vi: "12 chữ số (Nghị định 137/2015/NĐ-CP, Điều 7)" },
  expPastYear: { en: "a birth year that has passed", vi: "một năm sinh đã qua" },
  expAdminFormat: { en: "{what} (Decision 19/2025/QĐ-TTg)", vi: "{what} (Quyết định 19/2025/QĐ-TTg)" },
  fixNoSuccessor: {
    en: "no 2025 successor is recorded: confirm the address",
    vi: "chưa ghi nhận đơn vị kế thừa năm 2025: hãy xác nhận lại địa chỉ",
  },
  fixAmbiguousDistrict: {
    en: "ambiguous: the district's communes went to {successors}; confirm the address with the person",
    vi: "chưa xác định được: các xã/phường của quận/huyện này đã được sáp nhập vào {successors}; hãy xác nhận địa chỉ với người dân",
  },
  fixAmbiguousCommune: {
    en: "ambiguous: the commune was split to {successors}; confirm the address with the person",
    vi: "chưa xác định được: xã/phường này đã được chia vào {successors}; hãy xác nhận địa chỉ với người dân",
  },
  foundPre2025: { en: "{value} ({name}, pre-2025)", vi: "{value} ({name}, trước năm 2025)" },
  expOn2025Map: { en: "{what} on the 2025 map", vi: "{what} trên bản đồ hành chính năm 2025" },
  expTaxCode: { en: "10 digits with a valid check digit", vi: "10 chữ số với chữ số kiểm tra đúng" },
  expOneOf: { en: "one of {values}", vi: "một trong các giá trị {values}" },
  expCodeOf: { en: "a code of {list} ({codes}, …)", vi: "một mã của danh mục {list} ({codes}, …)" },
  expVsic: { en: "4 digits (VSIC 2018, Decision 27/2018/QĐ-TTg)", vi: "4 chữ số (VSIC 2018, Quyết định 27/2018/QĐ-TTg)" },
  expCountry: { en: "two capital letters, e.g. VN", vi: "hai chữ cái in hoa, ví dụ VN" },
  expSerial: {
    en: "two capital letters, a space and 6–8 digits, e.g. DA 123456",
    vi: "hai chữ cái in hoa, một dấu cách và 6–8 chữ số, ví dụ DA 123456",
  },
  expArray: { en: "a JSON array", vi: "một mảng JSON" },
  expNumber: { en: "a JSON number", vi: "một số JSON" },
  expObject: { en: "an object ({type})", vi: "một đối tượng ({type})" },
  expNoDistrict: { en: "no district", vi: "không có quận/huyện" },
  expFieldOf: { en: "a field of {type}", vi: "một trường của {type}" },
  expLegacyCommune: { en: "a 5-digit pre-2025 commune code", vi: "mã xã/phường trước năm 2025 gồm 5 chữ số" },
  expMergedInto: { en: "a pre-2025 commune merged into {code}", vi: "một xã/phường trước năm 2025 đã được sáp nhập vào {code}" },
  expParcelId: {
    en: "<5-digit commune code>-<map sheet>-<parcel number>, e.g. 00004-12-345",
    vi: "<mã xã/phường 5 chữ số>-<số tờ bản đồ>-<số thửa>, ví dụ 00004-12-345",
  },
  expIdYear: {
    en: "an id encoding {year} (digit 4: century and sex; digits 5–6: year)",
    vi: "một số định danh mã hoá năm {year} (chữ số thứ 4: thế kỷ và giới tính; chữ số 5–6: năm)",
  },
  expIdSex: {
    en: "an id encoding {sex} (digit 4: even for male, odd for female)",
    vi: "một số định danh mã hoá giới tính {sex} (chữ số thứ 4: chẵn là nam, lẻ là nữ)",
  },
  expOnOrAfter: { en: "a date on or after {date}", vi: "một ngày không sớm hơn {date}" },
  expDossierInput: { en: "a DossierInput (see schema.graphql)", vi: "một DossierInput (xem schema.graphql)" },
  expProcedureCode: {
    en: "a National Public Service Portal procedure code, e.g. 1.001193",
    vi: "mã thủ tục hành chính trên Cổng Dịch vụ công quốc gia, ví dụ 1.001193",
  },
  expSubjects: { en: "the subjects of {code}: {roles}", vi: "các đối tượng của thủ tục {code}: {roles}" },
  none: { en: "none", vi: "không có" },
  expDossierAccepted: { en: "a dossier procedure {code} accepts", vi: "một hồ sơ mà thủ tục {code} chấp nhận" },
  aList: { en: "a list", vi: "một danh sách" },
  expPublishedSchema: { en: "the published schema.graphql", vi: "schema.graphql đã công bố" },
  foundCost: { en: "cost {cost}", vi: "chi phí {cost}" },
  foundMoreSelections: { en: "more than {max} selections", vi: "hơn {max} lượt chọn trường" },
  expCostAtMost: { en: "cost at most {max}", vi: "chi phí tối đa {max}" },
  expPurposeComment: {
    en: "# purpose: <procedure code> above the operation, sent as X-Purpose-Procedure",
    vi: "# purpose: <mã thủ tục> phía trên thao tác, gửi trong X-Purpose-Procedure",
  },
  expPortalCode: {
    en: "a National Public Service Portal code, e.g. 1.001193",
    vi: "một mã trên Cổng Dịch vụ công quốc gia, ví dụ 1.001193",
  },
  expGrant: {
    en: "a grant for {source}/{class} under procedure {procedure}",
    vi: "quyền truy cập {source}/{class} cho thủ tục {procedure}",
  },
  expNoVariables: { en: "no variables", vi: "không có biến nào" },
  foundNoTypes: { en: "no types", vi: "không có kiểu nào" },
  expNationalNames: {
    en: "types named as in the national schema: Citizen, Address, Enterprise, LandParcel, …",
    vi: "các kiểu đặt tên như trong lược đồ quốc gia: Citizen, Address, Enterprise, LandParcel, …",
  },
  expAsNational: { en: "{path} as in the national schema", vi: "{path} như trong lược đồ quốc gia" },
  expEveryField: { en: "every field of the national {type}", vi: "mọi trường của kiểu quốc gia {type}" },
  fixExpose: {
    en: "expose {fields}, or name the type otherwise if it is not the national {type}",
    vi: "cung cấp {fields}, hoặc đặt tên khác cho kiểu nếu nó không phải kiểu quốc gia {type}",
  },
  jsonInvalidSymbol: { en: "unexpected character", vi: "ký tự không mong đợi" },
  jsonInvalidNumberFormat: { en: "malformed number", vi: "số sai định dạng" },
  jsonPropertyNameExpected: { en: "a property name (in double quotes) was expected", vi: "cần một tên thuộc tính (trong ngoặc kép)" },
  jsonValueExpected: { en: "a value was expected", vi: "cần một giá trị" },
  jsonColonExpected: { en: "a colon was expected", vi: "cần dấu hai chấm" },
  jsonCommaExpected: { en: "a comma was expected", vi: "cần dấu phẩy" },
  jsonCloseBraceExpected: { en: "a closing } was expected", vi: "cần dấu đóng }" },
  jsonCloseBracketExpected: { en: "a closing ] was expected", vi: "cần dấu đóng ]" },
  jsonEndOfFileExpected: { en: "the file should end here", vi: "tệp lẽ ra phải kết thúc ở đây" },
  jsonInvalidCommentToken: { en: "comments are not allowed in JSON", vi: "JSON không cho phép chú thích" },
  jsonUnexpectedEndOfString: { en: "a string is not closed", vi: "một chuỗi chưa được đóng" },
  jsonUnexpectedEndOfNumber: { en: "a number is cut off", vi: "một số bị cắt cụt" },
  jsonInvalidUnicode: { en: "malformed \\u escape", vi: "mã thoát \\u sai định dạng" },
  jsonInvalidEscapeCharacter: { en: "malformed escape in a string", vi: "mã thoát sai định dạng trong một chuỗi" },
  jsonInvalidCharacter: { en: "a control character in a string", vi: "ký tự điều khiển trong một chuỗi" },
  jsonNotJson: { en: "not JSON", vi: "không phải JSON" },
});

/** A message graphql-js wrote in English, in the current request's language (its English when no pattern knows it). */
export function graphqlMessage(message: string): string {
  return language() === "en" ? message : (graphqlJsInVietnamese(message) ?? message);
}
