/**
 * The access module's messages, in English and Vietnamese: refusals of the access decision (./policy.ts), of
 * consent (./consent.ts, ./consent-resolvers.ts), of purposes and subjects (./request.ts, ./subjects.ts), of the
 * query limits and cost (./limits.ts, ./cost.ts, ./plugin.ts), and the client registry's (./clients.ts, also said
 * by `npm run clients`, in English). Rendered when each error is built, in the language of the request.
 */
import { messages } from "../../platform/i18n.js";

export const ACCESS_MESSAGES = messages("access", {
  organizationPurpose: {
    en: "An organisation client reads a citizen's data under that citizen's consent and the purpose it states: send no X-Purpose-Procedure or X-Purpose-Case.",
    vi: "Máy khách tổ chức đọc dữ liệu của công dân theo sự đồng ý của chính công dân đó và mục đích đã nêu trong đó: không gửi X-Purpose-Procedure hay X-Purpose-Case.",
  },
  // ── The access decision (policy.ts) ──────────────────────────────────────────────────────────────────────────
  dossierUnauthenticated: {
    en: "Dossiers hold personal data: send the API key of a registered client (Authorization: Bearer <key>).",
    vi: "Hồ sơ chứa dữ liệu cá nhân: hãy gửi khoá API của một máy khách (client) đã đăng ký (Authorization: Bearer <khoá API>).",
  },
  dossierPurposeMismatch: {
    en: "The declared purpose is procedure {declared}, but this dossier is for procedure {procedure}: declare X-Purpose-Procedure: {procedure} for it.",
    vi: "Mục đích đã khai báo là thủ tục {declared}, nhưng hồ sơ này thuộc thủ tục {procedure}: hãy khai báo X-Purpose-Procedure: {procedure} cho hồ sơ này.",
  },
  dossierOrganization: {
    en: "Dossiers are filed by agency systems and by citizens; client {clientId} is an organisation, which reads a citizen's data only under their consent (requestConsent).",
    vi: "Hồ sơ do hệ thống của cơ quan nhà nước hoặc do công dân nộp; máy khách {clientId} thuộc một tổ chức, chỉ được đọc dữ liệu của công dân khi có sự đồng ý của chính công dân đó (requestConsent).",
  },
  dossierCitizenApplicant: {
    en: "A citizen client may file and read dossiers only as the applicant.",
    vi: "Máy khách công dân chỉ được nộp và xem hồ sơ với tư cách là người nộp hồ sơ.",
  },
  dossierPurposeRequired: {
    en: "A dossier reads personal data: declare its procedure and case with X-Purpose-Procedure: {procedure} and X-Purpose-Case (the case or dossier id).",
    vi: "Hồ sơ đọc dữ liệu cá nhân: hãy khai báo thủ tục và vụ việc bằng X-Purpose-Procedure: {procedure} và X-Purpose-Case (mã vụ việc hoặc mã hồ sơ).",
  },
  dossierSourceNotGranted: {
    en: "Procedure {procedure} reads the {source} source, and client {clientId} has no grant for {source}/basic under procedure {procedure}.",
    vi: "Thủ tục {procedure} đọc nguồn dữ liệu {source}, nhưng máy khách {clientId} không được cấp quyền truy cập {source}/basic cho thủ tục {procedure}.",
  },
  purposeNotGranted: {
    en: "Client {clientId} has no grant for procedure {procedure}; {grants}.",
    vi: "Máy khách {clientId} không được cấp quyền truy cập cho thủ tục {procedure}; {grants}.",
  },
  noGrants: {
    en: "it holds no grants",
    vi: "máy khách này chưa được cấp quyền truy cập nào",
  },
  grants: {
    en: "its grants: {grants}",
    vi: "các quyền truy cập được cấp: {grants}",
  },
  grant: {
    en: "{sources} {classes} for {procedures}",
    vi: "{sources} {classes} dùng cho {procedures}",
  },
  anyProcedure: {
    en: "any procedure",
    vi: "mọi thủ tục",
  },
  classBasic: { en: "basic", vi: "cơ bản" },
  classSensitive: { en: "sensitive", vi: "nhạy cảm" },
  unauthenticatedOne: {
    en: "{fields} is personal data from the national sources. Send the API key of a registered client (Authorization: Bearer <key>); without one, only public reference data (administrative units, the procedure catalogue) is served.",
    vi: "{fields} là dữ liệu cá nhân từ các cơ sở dữ liệu quốc gia. Hãy gửi khoá API của một máy khách (client) đã đăng ký (Authorization: Bearer <khoá API>); nếu không có, cổng chỉ cung cấp dữ liệu tham chiếu công khai (đơn vị hành chính, danh mục thủ tục hành chính).",
  },
  unauthenticatedMany: {
    en: "{fields} are personal data from the national sources. Send the API key of a registered client (Authorization: Bearer <key>); without one, only public reference data (administrative units, the procedure catalogue) is served.",
    vi: "{fields} là dữ liệu cá nhân từ các cơ sở dữ liệu quốc gia. Hãy gửi khoá API của một máy khách (client) đã đăng ký (Authorization: Bearer <khoá API>); nếu không có, cổng chỉ cung cấp dữ liệu tham chiếu công khai (đơn vị hành chính, danh mục thủ tục hành chính).",
  },
  citizenRootNotOpen: {
    en: 'A citizen client may read only their own records: start from citizen(personalId: "{personalId}"); {fields} is not open to citizen clients.',
    vi: 'Máy khách công dân chỉ được đọc dữ liệu của chính mình: hãy bắt đầu từ citizen(personalId: "{personalId}"); {fields} không mở cho máy khách công dân.',
  },
  purposeRequired: {
    en: "Reading personal data needs a declared purpose: send X-Purpose-Procedure (the procedure code, e.g. 1.001193) and X-Purpose-Case (the case or dossier id).",
    vi: "Đọc dữ liệu cá nhân phải khai báo mục đích: hãy gửi X-Purpose-Procedure (mã thủ tục hành chính, ví dụ 1.001193) và X-Purpose-Case (mã vụ việc hoặc mã hồ sơ).",
  },
  fieldNotGranted: {
    en: "{field} is {className} data from the {source} source, and client {clientId} has no grant for {source}/{dataClass} under procedure {procedure}.",
    vi: "{field} là dữ liệu {className} của nguồn {source}, nhưng máy khách {clientId} không được cấp quyền truy cập {source}/{dataClass} cho thủ tục {procedure}.",
  },
  fieldNotGrantedNoConsent: {
    en: "{field} is {className} data from the {source} source, and client {clientId} has no grant for {source}/{dataClass}: no consent can open it.",
    vi: "{field} là dữ liệu {className} của nguồn {source}, nhưng máy khách {clientId} không được cấp quyền truy cập {source}/{dataClass}: không sự đồng ý nào có thể mở trường này.",
  },
  organizationRootNotOpen: {
    en: "An organisation client reads a citizen's data only under their consent, starting from citizen(personalId:); {fields} is not open to organisation clients.",
    vi: "Máy khách tổ chức chỉ đọc dữ liệu của công dân khi có sự đồng ý của chính công dân đó, bắt đầu từ citizen(personalId:); {fields} không mở cho máy khách tổ chức.",
  },
  organizationNode: {
    en: "An organisation client reads a citizen's data only from citizen(personalId:), under their consent; node(id:) and nodes(ids:) are not open to it.",
    vi: "Máy khách tổ chức chỉ đọc dữ liệu của công dân từ citizen(personalId:), theo sự đồng ý của chính công dân đó; node(id:) và nodes(ids:) không mở cho máy khách này.",
  },
  citizenNode: {
    en: "A citizen client may fetch by id only their own records (their Citizen, their dossiers) and public reference data; this id names {source} data that {lookup} does not open to citizen clients.",
    vi: "Máy khách công dân chỉ được lấy theo id dữ liệu của chính mình (Citizen của mình, hồ sơ của mình) và dữ liệu tham chiếu công khai; id này chỉ tới dữ liệu {source} mà {lookup} không mở cho máy khách công dân.",
  },
  accessLogUnauthenticated: {
    en: "The access log is open to the person it is about: authenticate as a citizen client (Authorization: Bearer <key>).",
    vi: "Nhật ký truy cập chỉ mở cho chính người được ghi trong đó: hãy xác thực bằng máy khách công dân (Authorization: Bearer <khoá API>).",
  },
  accessLogOrganization: {
    en: "The access log is open to the person it is about; client {clientId} is an organisation's system.",
    vi: "Nhật ký truy cập chỉ mở cho chính người được ghi trong đó; máy khách {clientId} là hệ thống của một tổ chức.",
  },
  accessLogAgency: {
    en: "The access log is open to the person it is about; client {clientId} is an agency system.",
    vi: "Nhật ký truy cập chỉ mở cho chính người được ghi trong đó; máy khách {clientId} là hệ thống của một cơ quan nhà nước.",
  },
  accessLogOtherPerson: {
    en: "A citizen may read only their own access log.",
    vi: "Công dân chỉ được xem nhật ký truy cập của chính mình.",
  },

  // ── Clients and grants (clients.ts) ──────────────────────────────────────────────────────────────────────────
  organizationClientId: {
    en: '"{id}" is not an organisation client id like VN:ORG:<10-digit tax code>:<system>.',
    vi: '"{id}" không phải mã máy khách tổ chức dạng VN:ORG:<mã số thuế 10 chữ số>:<hệ thống>.',
  },
  unknownRole: {
    en: 'Unknown role "{role}"; roles are {roles}.',
    vi: 'Không có vai trò "{role}"; các vai trò là {roles}.',
  },
  rolesOnlyForAgencies: {
    en: "Only an agency system (VN:GOV:…) holds roles.",
    vi: "Chỉ hệ thống của cơ quan nhà nước (VN:GOV:…) mới được giữ vai trò.",
  },
  rateLimit: {
    en: "A client's rate limit is a whole number of requests a minute from 1 to {max}, or none for the gateway's default; got {value}.",
    vi: "Giới hạn tần suất của một máy khách là số nguyên yêu cầu mỗi phút, từ 1 đến {max}, hoặc để trống để dùng mặc định của cổng; giá trị nhận được: {value}.",
  },
  grantNoSource: {
    en: "A grant names at least one source.",
    vi: "Một quyền truy cập phải nêu ít nhất một nguồn dữ liệu.",
  },
  unknownSource: {
    en: 'Unknown source "{source}"; sources are {sources}.',
    vi: 'Không có nguồn dữ liệu "{source}"; các nguồn là {sources}.',
  },
  grantNoClass: {
    en: "A grant names at least one field class.",
    vi: "Một quyền truy cập phải nêu ít nhất một loại trường dữ liệu.",
  },
  unknownClass: {
    en: 'Unknown field class "{dataClass}"; classes are {classes}.',
    vi: 'Không có loại trường dữ liệu "{dataClass}"; các loại là {classes}.',
  },
  grantNoProcedure: {
    en: 'A grant names at least one procedure code, or "{any}".',
    vi: 'Một quyền truy cập phải nêu ít nhất một mã thủ tục hành chính, hoặc "{any}".',
  },
  notProcedureCode: {
    en: '"{code}" is not a procedure code like 1.001193 (National Public Service Portal).',
    vi: '"{code}" không phải mã thủ tục hành chính dạng 1.001193 (Cổng Dịch vụ công quốc gia).',
  },
  organizationGrantProcedures: {
    en: "An organisation's grants name no procedure (it reads under a citizen's consent and its stated purpose): give \"{any}\" as the procedures.",
    vi: 'Quyền truy cập của một tổ chức không nêu thủ tục nào (tổ chức đọc dữ liệu theo sự đồng ý của công dân và mục đích đã nêu trong đó): hãy ghi "{any}" làm danh sách thủ tục.',
  },
  invalidCredential: {
    en: "The API key is not known to this gateway. Check the Authorization header (Bearer <key>).",
    vi: "Cổng này không biết khoá API đã gửi. Hãy kiểm tra tiêu đề Authorization (Bearer <khoá API>).",
  },
  credentialRevoked: {
    en: "The API key of client {clientId} was revoked on {at}.",
    vi: "Khoá API của máy khách {clientId} đã bị thu hồi vào {at}.",
  },
  credentialExpired: {
    en: "The API key of client {clientId} expired on {at}; ask the gateway operator for a new one.",
    vi: "Khoá API của máy khách {clientId} đã hết hạn vào {at}; hãy đề nghị đơn vị vận hành cổng cấp khoá mới.",
  },
  systemClientId: {
    en: '"{id}" is not a client id like VN:GOV:<agency code>:<system>.',
    vi: '"{id}" không phải mã máy khách dạng VN:GOV:<mã cơ quan>:<hệ thống>.',
  },
  citizenClientId: {
    en: "A citizen client's id is VN:CIT:<their 12-digit personal id>.",
    vi: "Mã của máy khách công dân có dạng VN:CIT:<số định danh cá nhân 12 chữ số của công dân>.",
  },
  clientNeedsName: {
    en: "A client needs a name.",
    vi: "Máy khách phải có tên.",
  },
  clientAlreadyRegistered: {
    en: "Client {clientId} is already registered; add grants with `grant`, or give it a new key with `rotate-key`.",
    vi: "Máy khách {clientId} đã được đăng ký; hãy thêm quyền truy cập bằng `grant`, hoặc cấp khoá mới bằng `rotate-key`.",
  },
  noSuchClient: {
    en: "No client {clientId} is registered.",
    vi: "Không có máy khách {clientId} nào được đăng ký.",
  },

  // ── Consent (consent.ts, consent-resolvers.ts) ───────────────────────────────────────────────────────────────
  consentNotFound: {
    en: "No consent with this id is open to this client.",
    vi: "Không có sự đồng ý nào với id này mà máy khách này được xem.",
  },
  tooManyPendingConsents: {
    en: "Client {clientId} already has {pending} consent requests waiting on this citizen's answer (at most {max}); wait for an answer before asking again.",
    vi: "Máy khách {clientId} đã có {pending} đề nghị xin sự đồng ý đang chờ công dân này trả lời (tối đa {max}); hãy chờ câu trả lời trước khi đề nghị tiếp.",
  },
  consentNotOpenToRevoke: {
    en: "This consent is {status}; only a {from} consent can be revoked.",
    vi: "Sự đồng ý này {status}; chỉ sự đồng ý {from} mới có thể bị thu hồi.",
  },
  consentNotOpenToAnswer: {
    en: "This consent is {status}; only a {from} consent can be answered.",
    vi: "Sự đồng ý này {status}; chỉ sự đồng ý {from} mới có thể được trả lời.",
  },
  statusRequested: { en: "requested", vi: "đang chờ trả lời" },
  statusApproved: { en: "approved", vi: "đã được chấp thuận" },
  statusRejected: { en: "rejected", vi: "đã bị từ chối" },
  statusRevoked: { en: "revoked", vi: "đã bị thu hồi" },
  statusExpired: { en: "expired", vi: "đã hết hạn" },
  consentCursor: {
    en: "The cursor is not a consent cursor.",
    vi: "Con trỏ (cursor) này không phải con trỏ của danh sách sự đồng ý.",
  },
  consentRequired: {
    en: "{field}: client {clientId} reads a citizen's data only under that citizen's consent, and none in force covers it. Ask with requestConsent(input: { personalId, fields: [{fields}], purpose, validUntil }); the citizen answers from their own client.",
    vi: "{field}: máy khách {clientId} chỉ đọc dữ liệu của công dân khi có sự đồng ý của chính công dân đó, và không có sự đồng ý nào đang có hiệu lực bao gồm trường này. Hãy đề nghị bằng requestConsent(input: { personalId, fields: [{fields}], purpose, validUntil }); công dân trả lời từ máy khách của chính mình.",
  },
  consentUnauthenticated: {
    en: "{what}: send the API key of a registered client (Authorization: Bearer <key>).",
    vi: "{what}: hãy gửi khoá API của một máy khách (client) đã đăng ký (Authorization: Bearer <khoá API>).",
  },
  consentCitizenOnly: {
    en: "{what} is the citizen's own: client {clientId} is not a citizen client.",
    vi: "{what} là việc của chính công dân: máy khách {clientId} không phải máy khách công dân.",
  },
  whatConsents: { en: "Consents", vi: "Danh sách sự đồng ý" },
  whatConsentRequests: { en: "Consent requests", vi: "Các đề nghị xin sự đồng ý" },
  whatAskingForConsent: { en: "Asking for consent", vi: "Việc đề nghị xin sự đồng ý" },
  whatAnswering: { en: "Answering a consent request", vi: "Việc trả lời đề nghị xin sự đồng ý" },
  whatRevoking: { en: "Revoking a consent", vi: "Việc thu hồi sự đồng ý" },
  consentFieldCount: {
    en: "A consent names 1–{max} fields; got {count}.",
    vi: "Một sự đồng ý nêu từ 1 đến {max} trường dữ liệu; số trường nhận được: {count}.",
  },
  consentNotPersonalField: {
    en: "{coordinate} is not a field of personal data: name fields as Type.field (Citizen.fullName, IdentityCard.number).",
    vi: "{coordinate} không phải trường dữ liệu cá nhân: hãy ghi trường dưới dạng Type.field (Citizen.fullName, IdentityCard.number).",
  },
  consentsAgency: {
    en: "Consents are between a citizen and an organisation; client {clientId} is an agency system, which reads under its grants and a declared purpose.",
    vi: "Sự đồng ý là giữa một công dân và một tổ chức; máy khách {clientId} là hệ thống của cơ quan nhà nước, đọc dữ liệu theo quyền truy cập được cấp và mục đích đã khai báo.",
  },
  onlyOrganizationsAskCitizen: {
    en: "Only organisation clients (VN:ORG:…) ask for consent; client {clientId} is a citizen.",
    vi: "Chỉ máy khách tổ chức (VN:ORG:…) mới đề nghị xin sự đồng ý; máy khách {clientId} là của một công dân.",
  },
  onlyOrganizationsAskAgency: {
    en: "Only organisation clients (VN:ORG:…) ask for consent; client {clientId} reads under its grants and a declared purpose.",
    vi: "Chỉ máy khách tổ chức (VN:ORG:…) mới đề nghị xin sự đồng ý; máy khách {clientId} đọc dữ liệu theo quyền truy cập được cấp và mục đích đã khai báo.",
  },
  consentPurposeLength: {
    en: "The purpose is 1–{max} characters; the citizen reads it before answering.",
    vi: "Mục đích dài từ 1 đến {max} ký tự; công dân đọc mục đích trước khi trả lời.",
  },
  consentValidUntil: {
    en: "validUntil is a moment in the next {days} days; got {value}.",
    vi: "validUntil phải là một thời điểm trong {days} ngày tới; giá trị nhận được: {value}.",
  },

  // ── Purposes and subjects (request.ts, subjects.ts) ──────────────────────────────────────────────────────────
  purposeHeaderMissing: {
    en: "A purpose is declared with both headers: X-Purpose-Procedure (the procedure code) and X-Purpose-Case (the case or dossier id); {missing} is missing.",
    vi: "Mục đích được khai báo bằng cả hai tiêu đề: X-Purpose-Procedure (mã thủ tục hành chính) và X-Purpose-Case (mã vụ việc hoặc mã hồ sơ); còn thiếu {missing}.",
  },
  purposeNotProcedureCode: {
    en: 'X-Purpose-Procedure "{procedure}" is not a procedure code like 1.001193 (National Public Service Portal).',
    vi: 'X-Purpose-Procedure "{procedure}" không phải mã thủ tục hành chính dạng 1.001193 (Cổng Dịch vụ công quốc gia).',
  },
  purposeCaseShape: {
    en: "X-Purpose-Case must be 1–64 characters: letters, digits and . _ : / - (the case or dossier id).",
    vi: "X-Purpose-Case phải dài từ 1 đến 64 ký tự: chữ cái, chữ số và . _ : / - (mã vụ việc hoặc mã hồ sơ).",
  },
  purposeCasePersonalId: {
    en: "X-Purpose-Case must not hold a personal identification number (12 digits in a row): name the case, not a person.",
    vi: "X-Purpose-Case không được chứa số định danh cá nhân (12 chữ số liên tiếp): hãy ghi mã vụ việc, không ghi người.",
  },
  purposeUnknownProcedure: {
    en: "X-Purpose-Procedure {procedure} names no procedure of the catalogue; list them with `procedures`.",
    vi: "X-Purpose-Procedure {procedure} không phải thủ tục nào trong danh mục thủ tục hành chính; xem danh sách bằng `procedures`.",
  },
  malformedSubject: {
    en: "{where}: {value} is not a well-formed {kind} id.",
    vi: "{where}: {value} không phải {kind} đúng định dạng.",
  },
  kindCitizen: { en: "citizen", vi: "số định danh cá nhân" },
  kindEnterprise: { en: "enterprise", vi: "mã số doanh nghiệp" },
  kindLandParcel: { en: "land parcel", vi: "mã thửa đất" },
  kindHouseholdBusiness: { en: "household business", vi: "số đăng ký hộ kinh doanh" },
  citizenOtherPerson: {
    en: "A citizen client may read only their own records; {field} here belongs to another person.",
    vi: "Máy khách công dân chỉ được đọc dữ liệu của chính mình; {field} ở đây thuộc về người khác.",
  },
  shownLength: {
    en: "{value} ({length} characters)",
    vi: "{value} ({length} ký tự)",
  },
  expectedSubject: {
    en: "{where}: expected {what}; got {value}.",
    vi: "{where}: cần {what}; giá trị nhận được: {value}.",
  },
  shapeCitizen: {
    en: "a personal identification number (12 digits)",
    vi: "một số định danh cá nhân (12 chữ số)",
  },
  shapeEnterprise: {
    en: "an enterprise code (10 digits)",
    vi: "một mã số doanh nghiệp (10 chữ số)",
  },
  shapeLandParcel: {
    en: 'a parcel id ("<5-digit commune code>-<map sheet>-<parcel number>", e.g. "00004-12-345")',
    vi: 'một mã thửa đất ("<mã xã/phường 5 chữ số>-<số tờ bản đồ>-<số thửa>", ví dụ "00004-12-345")',
  },
  shapeHouseholdBusiness: {
    en: "a household business registration number (up to 40 letters, digits, '.', '/' or '-')",
    vi: "một số đăng ký hộ kinh doanh (tối đa 40 ký tự gồm chữ cái, chữ số, '.', '/' hoặc '-')",
  },

  // ── The access log (log.ts) ──────────────────────────────────────────────────────────────────────────────────
  checkpointCursor: {
    en: "The cursor is not a checkpoint cursor.",
    vi: "Con trỏ (cursor) này không phải con trỏ của danh sách điểm kiểm (checkpoint).",
  },
  accessLogCursor: {
    en: "The cursor is not an access-log cursor.",
    vi: "Con trỏ (cursor) này không phải con trỏ của nhật ký truy cập.",
  },

  // ── Limits and cost (limits.ts, cost.ts, plugin.ts) ──────────────────────────────────────────────────────────
  tooDeep: {
    en: "The query nests too deeply; ask for less at once or split it. {detail}",
    vi: "Truy vấn lồng nhau quá sâu; hãy yêu cầu ít hơn mỗi lần hoặc tách truy vấn. {detail}",
  },
  tooManyAliases: {
    en: "The query uses too many aliases. {detail}",
    vi: "Truy vấn dùng quá nhiều bí danh (alias). {detail}",
  },
  tooManyDirectives: {
    en: "The query uses too many directives. {detail}",
    vi: "Truy vấn dùng quá nhiều chỉ thị (directive). {detail}",
  },
  /** graphql-armor's "… limit of N exceeded, found M.", said in Vietnamese (English keeps armor's own words). */
  limitExceeded: {
    en: "limit of {limit} exceeded, found {found}.",
    vi: "Giới hạn là {limit}, truy vấn có {found}.",
  },
  /** graphql-armor's words when they are not the ones above. */
  armorDetail: {
    en: "{original}",
    vi: "(chi tiết, bằng tiếng Anh: {original})",
  },
  introspectionDisabled: {
    en: "Introspection is disabled on this gateway; the schema is published as schema.graphql.",
    vi: "Cổng này đã tắt tính năng introspection; lược đồ được công bố trong tệp schema.graphql.",
  },
  rateLimited: {
    en: "Too many requests: the limit is {perMinute} a minute for this client. Retry in {seconds} s.",
    vi: "Quá nhiều yêu cầu: giới hạn của máy khách này là {perMinute} yêu cầu mỗi phút. Hãy thử lại sau {seconds} giây.",
  },
  tooManySelections: {
    en: "The query expands to more than {max} selections once its fragments are written out, more than the gateway answers at once. Spread each fragment once, or split the query.",
    vi: "Khi viết đầy đủ các fragment, truy vấn có hơn {max} lựa chọn trường, nhiều hơn mức cổng trả lời trong một lần. Hãy dùng mỗi fragment một lần, hoặc tách truy vấn.",
  },
  tooCostly: {
    en: "The query would cost {cost}, over the limit of {maxCost}. Every list multiplies the cost of what it selects by its size (a page by its `first`, provinces by 34, a province's communes by 168), a conformance check half the limit, and every alias is counted: ask for smaller pages, fewer nested lists or fewer aliases, or split the query.",
    vi: "Chi phí của truy vấn sẽ là {cost}, vượt giới hạn {maxCost}. Mỗi danh sách nhân chi phí của những gì nó chọn với kích thước của nó (một trang với `first` của trang, danh sách tỉnh/thành phố với 34, danh sách xã/phường của một tỉnh với 168), một lần kiểm tra tính phù hợp tính bằng nửa giới hạn, và mọi bí danh (alias) đều được tính: hãy yêu cầu trang nhỏ hơn, ít danh sách lồng nhau hơn hoặc ít bí danh hơn, hoặc tách truy vấn.",
  },
  invalidArgument: {
    en: "Invalid argument: {problem}",
    vi: "Tham số không hợp lệ: {problem}",
  },
  argumentNul: {
    en: "argument {path} holds a NUL character (U+0000), which no identifier or text of the national sources can contain.",
    vi: "tham số {path} chứa ký tự NUL (U+0000), ký tự mà không mã định danh hay văn bản nào của các cơ sở dữ liệu quốc gia có thể chứa.",
  },
  argumentTooLong: {
    en: "argument {path} is {length} characters long; arguments are at most {max}.",
    vi: "tham số {path} dài {length} ký tự; mỗi tham số dài tối đa {max} ký tự.",
  },
  auditUnavailable: {
    en: "The answer holds personal data and the audit trail could not be written, so it is withheld. Retry later; quote the x-request-id response header when reporting it.",
    vi: "Câu trả lời chứa dữ liệu cá nhân nhưng không ghi được nhật ký truy cập, nên câu trả lời bị giữ lại. Hãy thử lại sau; khi báo lỗi, hãy trích tiêu đề phản hồi x-request-id.",
  },
});
