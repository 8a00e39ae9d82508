/**
 * The procedures module's messages, in English and Vietnamese: its typed errors, and the words of a dossier's
 * evaluation (each component's message, the notes of what is withheld, a data-correction request's message).
 *
 * A submitted dossier stores its components' messages, and a correction request its message, as rendered in the
 * submitter's language: that text is the record. Read back, a message is said again in the reader's language
 * (`restate`): the stored text is matched against the templates of the outcome messages below, in either language,
 * and rendered from the values it carries. Words that vary by language inside a message (who a check is about, a
 * card's or an enterprise's status) are placeholders drawn from small word lists, matched back to their key. Text
 * that matches no template (a procedure's own note, an older row) is shown as stored.
 */
import { type Language, language, type Message, messages, render } from "../../platform/i18n.js";

export const PROCEDURES = messages("procedures", {
  // ── Typed errors ────────────────────────────────────────────────────────────────────────────────────────────
  personalIdShape: {
    en: "{label}: a personal identification number is exactly 12 digits; got {value} ({length} characters).",
    vi: "{label}: số định danh cá nhân gồm đúng 12 chữ số; đã nhận {value} ({length} ký tự).",
  },
  taxCodeShape: {
    en: "{label}: an enterprise code (tax code) is exactly 10 digits; got {value}",
    vi: "{label}: mã số doanh nghiệp (mã số thuế) gồm đúng 10 chữ số; đã nhận {value}",
  },
  taxCodeNoCheckDigit: {
    en: "{label}: {value} cannot be a tax code: its first nine digits give no valid check digit",
    vi: "{label}: {value} không thể là mã số thuế: chín chữ số đầu không cho chữ số kiểm tra hợp lệ nào",
  },
  taxCodeWrongCheckDigit: {
    en: "{label}: {value} has a wrong check digit: expected {expected}, found {found}",
    vi: "{label}: {value} có chữ số kiểm tra sai: phải là {expected}, nhưng là {found}",
  },
  unknownProcedure: {
    en: "No procedure {code} in the catalogue; list them with `procedures`.",
    vi: "Không có thủ tục hành chính {code} trong danh mục; xem danh sách bằng `procedures`.",
  },
  certificateWithoutParcel: {
    en: "Procedure {code} is about no parcel, so it takes no certificate.",
    vi: "Thủ tục {code} không liên quan đến thửa đất nào, nên không nhận giấy chứng nhận.",
  },
  certificateSerialShape: {
    en: 'CERTIFICATE: "{serial}" is not a certificate serial such as "AB 123456".',
    vi: 'CERTIFICATE: "{serial}" không phải số seri giấy chứng nhận, có dạng như "AB 123456".',
  },
  certificateUnknown: {
    en: "No certificate {serial} in the land database; name the parcel instead (subjects.parcel).",
    vi: "Không có giấy chứng nhận {serial} trong cơ sở dữ liệu quốc gia về đất đai; hãy nêu thửa đất thay thế (subjects.parcel).",
  },
  certificateOtherParcelHidden: {
    en: "Certificate {serial} is for another parcel, not {parcel}.",
    vi: "Giấy chứng nhận {serial} cấp cho một thửa đất khác, không phải thửa {parcel}.",
  },
  certificateOtherParcel: {
    en: "Certificate {serial} is for parcel {covered}, not {parcel}.",
    vi: "Giấy chứng nhận {serial} cấp cho thửa đất {covered}, không phải thửa {parcel}.",
  },
  filedByCitizen: {
    en: "Procedure {code} is filed by a citizen (applicant.personalId).",
    vi: "Thủ tục {code} do công dân nộp hồ sơ (applicant.personalId).",
  },
  filedByEnterprise: {
    en: "Procedure {code} is filed by an enterprise (applicant.enterpriseCode).",
    vi: "Thủ tục {code} do doanh nghiệp nộp hồ sơ (applicant.enterpriseCode).",
  },
  noSuchSubjectNone: {
    en: "Procedure {code} takes no {role} subject.",
    vi: "Thủ tục {code} không nhận đối tượng {role}.",
  },
  noSuchSubject: {
    en: "Procedure {code} takes no {role} subject; it takes {roles}.",
    vi: "Thủ tục {code} không nhận đối tượng {role}; thủ tục nhận {roles}.",
  },
  parcelIdShape: {
    en: '{role}: "{value}" is not a parcel id (<commune code>-<map sheet>-<parcel number>).',
    vi: '{role}: "{value}" không phải mã thửa đất (<mã xã/phường>-<số tờ bản đồ>-<số thửa>).',
  },
  subjectNeeded: {
    en: 'Procedure {code} needs the {role} subject ({description}) for component "{component}".',
    vi: 'Thủ tục {code} cần đối tượng {role} ({description}) cho thành phần hồ sơ "{component}".',
  },
  oneApplicant: {
    en: "applicant takes exactly one of personalId (a citizen) or enterpriseCode (an enterprise).",
    vi: "applicant nhận đúng một trong hai: personalId (công dân) hoặc enterpriseCode (doanh nghiệp).",
  },
  idempotencyKeyShape: {
    en: "idempotencyKey must be 8–100 characters: letters, digits and . _ : - (a UUID is a good choice).",
    vi: "idempotencyKey phải dài 8–100 ký tự: chữ cái, chữ số và . _ : - (nên dùng một UUID).",
  },
  notStoredSourceDown: {
    en: "The dossier was not stored: {count} component(s) could not be evaluated because the {sources} source is unavailable. Submit again with the same idempotency key when it is back.",
    vi: "Hồ sơ chưa được lưu: {count} thành phần hồ sơ chưa đánh giá được vì nguồn {sources} đang không truy cập được. Hãy nộp lại với cùng idempotency key khi nguồn hoạt động trở lại.",
  },
  notStoredSourcesDown: {
    en: "The dossier was not stored: {count} component(s) could not be evaluated because the {sources} source are unavailable. Submit again with the same idempotency key when it is back.",
    vi: "Hồ sơ chưa được lưu: {count} thành phần hồ sơ chưa đánh giá được vì các nguồn {sources} đang không truy cập được. Hãy nộp lại với cùng idempotency key khi các nguồn hoạt động trở lại.",
  },
  notReevaluatedSourceDown: {
    en: "The dossier was not re-evaluated and stands as stored: {count} component(s) could not be evaluated because the {sources} source is unavailable. Re-evaluate it when the source is back.",
    vi: "Hồ sơ chưa được đánh giá lại và giữ nguyên như đã lưu: {count} thành phần hồ sơ chưa đánh giá được vì nguồn {sources} đang không truy cập được. Hãy đánh giá lại khi nguồn hoạt động trở lại.",
  },
  notReevaluatedSourcesDown: {
    en: "The dossier was not re-evaluated and stands as stored: {count} component(s) could not be evaluated because the {sources} source are unavailable. Re-evaluate it when the source is back.",
    vi: "Hồ sơ chưa được đánh giá lại và giữ nguyên như đã lưu: {count} thành phần hồ sơ chưa đánh giá được vì các nguồn {sources} đang không truy cập được. Hãy đánh giá lại khi các nguồn hoạt động trở lại.",
  },
  /** Between the names of two sources. */
  and: { en: " and ", vi: " và " },
  idempotencyConflict: {
    en: "Idempotency key already used for dossier {dossierId} with a different request; use a new key for a new dossier.",
    vi: "Idempotency key đã được dùng cho hồ sơ {dossierId} với một yêu cầu khác; hãy dùng khoá mới cho hồ sơ mới.",
  },
  dossiersUnauthenticated: {
    en: "Dossiers hold personal data: send the API key of a registered client.",
    vi: "Hồ sơ chứa dữ liệu cá nhân: hãy gửi khoá API của một máy khách (client) đã đăng ký.",
  },
  dossiersPurposeRequired: {
    en: "Stored dossiers hold personal data: declare the dossier's procedure and case with X-Purpose-Procedure and X-Purpose-Case.",
    vi: "Hồ sơ đã lưu chứa dữ liệu cá nhân: hãy khai báo thủ tục và vụ việc của hồ sơ bằng X-Purpose-Procedure và X-Purpose-Case.",
  },
  purposeMismatch: {
    en: "The declared purpose is procedure {declared}; dossiers of procedure {procedure} need a purpose naming it.",
    vi: "Mục đích đã khai báo là thủ tục {declared}; hồ sơ của thủ tục {procedure} cần một mục đích nêu đúng thủ tục đó.",
  },
  correctionsRoleRequiredOrganization: {
    en: "Data-correction requests are answered by the owner of their source (an agency system holding {role}) and shown to the citizen they concern. Client {clientId} is an organisation's system, which holds no roles.",
    vi: "Yêu cầu điều chỉnh dữ liệu do chủ sở hữu nguồn dữ liệu (hệ thống của cơ quan giữ vai trò {role}) trả lời và được hiển thị cho công dân có liên quan. Máy khách {clientId} là hệ thống của một tổ chức, không giữ vai trò nào.",
  },
  correctionsRoleRequired: {
    en: "Data-correction requests are answered by the owner of their source (an agency system holding {role}) and shown to the citizen they concern. Client {clientId} does not hold {role}.",
    vi: "Yêu cầu điều chỉnh dữ liệu do chủ sở hữu nguồn dữ liệu (hệ thống của cơ quan giữ vai trò {role}) trả lời và được hiển thị cho công dân có liên quan. Máy khách {clientId} không giữ vai trò {role}.",
  },
  correctionsRoleRequiredAny: {
    en: "Data-correction requests are answered by the owner of their source (an agency system holding {role}) and shown to the citizen they concern. Client {clientId} does not hold an owner role.",
    vi: "Yêu cầu điều chỉnh dữ liệu do chủ sở hữu nguồn dữ liệu (hệ thống của cơ quan giữ vai trò {role}) trả lời và được hiển thị cho công dân có liên quan. Máy khách {clientId} không giữ vai trò chủ sở hữu nào.",
  },
  correctionsUnauthenticated: {
    en: "Data-correction requests name the people whose records are missing: send the API key of a registered client.",
    vi: "Yêu cầu điều chỉnh dữ liệu nêu tên những người thiếu bản ghi: hãy gửi khoá API của một máy khách (client) đã đăng ký.",
  },
  resolutionText: {
    en: "resolution says what was corrected: 1–{max} characters, not only spaces.",
    vi: "resolution nêu những gì đã được điều chỉnh: 1–{max} ký tự, không chỉ gồm dấu cách.",
  },
  reasonText: {
    en: "reason says why the data stands: 1–{max} characters, not only spaces.",
    vi: "reason nêu lý do dữ liệu được giữ nguyên: 1–{max} ký tự, không chỉ gồm dấu cách.",
  },
  correctionNotFound: {
    en: "No data-correction request with this id is raised against a source client {clientId} owns.",
    vi: "Không có yêu cầu điều chỉnh dữ liệu nào với mã này đối với một nguồn mà máy khách {clientId} sở hữu.",
  },
  correctionNotOpen: {
    en: "Data-correction request {id} is already closed ({status}); a closed request is not reopened.",
    vi: "Yêu cầu điều chỉnh dữ liệu {id} đã đóng ({status}); yêu cầu đã đóng không được mở lại.",
  },
  certificateSerialArgument: {
    en: 'certificateSerial: expected a certificate serial such as "AB 123456"; got {value}.',
    vi: 'certificateSerial: cần số seri giấy chứng nhận, có dạng như "AB 123456"; đã nhận {value}.',
  },

  // ── Verification questions ──────────────────────────────────────────────────────────────────────────────────
  askPermanentResidence: {
    en: "Is the permanent residence of {personalId} in commune {communeCode}?",
    vi: "Nơi thường trú của {personalId} có thuộc xã/phường {communeCode} không?",
  },
  askAliveAdult: {
    en: "Is {personalId} alive and an adult?",
    vi: "{personalId} có còn sống và đã thành niên không?",
  },
  askEnterpriseActive: {
    en: "Is enterprise {code} active?",
    vi: "Doanh nghiệp {code} có đang hoạt động không?",
  },
  askCertificateHolder: {
    en: "Does {personalId} hold certificate {serial} in force?",
    vi: "{personalId} có đứng tên trên giấy chứng nhận {serial} còn hiệu lực không?",
  },

  // ── What a citizen is shown of a component about someone else ───────────────────────────────────────────────
  withheldFailed: {
    en: "This check did not pass. It concerns someone or something else named in the dossier, so its facts go to the official handling the dossier, not to the applicant.",
    vi: "Nội dung kiểm tra này không đạt. Nội dung liên quan đến người hoặc đối tượng khác được nêu trong hồ sơ, nên các thông tin chi tiết chỉ được gửi cho cán bộ xử lý hồ sơ, không gửi cho người nộp hồ sơ.",
  },
  /** Inside `legacyResidenceOne`/`legacyResidenceMany`, for a legacy code not on the old map either. */
  legacyNotOnOldMap: { en: "it is not on the old map either.", vi: "xã/phường này cũng không có trên bản đồ cũ." },
  withheldNotFound: {
    en: "The data for this component was not found in the national sources: bring the document.",
    vi: "Không tìm thấy dữ liệu cho thành phần hồ sơ này trong các cơ sở dữ liệu quốc gia: hãy mang theo giấy tờ.",
  },
});

/**
 * What each data rule establishes (ProcedureComponent.ruleDescription; the English one is also the DataRule enum
 * value's description in the schema). `{age}` is the age of majority.
 */
export const RULE_DESCRIPTIONS = messages("procedures.rules", {
  IDENTITY: {
    en: "The applicant exists in the population database, is alive and holds a valid identity card.",
    vi: "Người nộp hồ sơ có trong cơ sở dữ liệu quốc gia về dân cư, còn sống và có thẻ căn cước còn hiệu lực.",
  },
  FOUNDER_IDENTITIES: {
    en: "The founding individual's identity (the applicant) is in the population database with a valid identity card.",
    vi: "Thông tin nhân thân của cá nhân thành lập (người nộp hồ sơ) có trong cơ sở dữ liệu quốc gia về dân cư, với thẻ căn cước còn hiệu lực.",
  },
  BUYER_IDENTITY: {
    en: "The transferee exists in the population database, is alive, adult, and holds a valid identity card.",
    vi: "Bên nhận chuyển nhượng có trong cơ sở dữ liệu quốc gia về dân cư, còn sống, đã thành niên và có thẻ căn cước còn hiệu lực.",
  },
  ALIVE_ADULT: {
    en: "The applicant is alive and at least {age}.",
    vi: "Người nộp hồ sơ còn sống và đủ {age} tuổi trở lên.",
  },
  RESIDENCE: {
    en: "The applicant's permanent residence, on the 2025 administrative map.",
    vi: "Nơi thường trú của người nộp hồ sơ, theo bản đồ hành chính năm 2025.",
  },
  MARITAL_STATUS_SINGLE: {
    en: "The applicant is not married (replaces the certificate of marital status).",
    vi: "Người nộp hồ sơ chưa kết hôn (thay giấy xác nhận tình trạng hôn nhân).",
  },
  MARITAL_STATUS: {
    en: "The applicant's current marital status as recorded (replaces divorce or spouse-death papers); informs, never blocks.",
    vi: "Tình trạng hôn nhân hiện tại của người nộp hồ sơ theo dữ liệu đã ghi nhận (thay giấy tờ về ly hôn hoặc việc vợ, chồng đã chết); chỉ để thông tin, không bao giờ chặn hồ sơ.",
  },
  SPOUSE_SINGLE: {
    en: "The other party to the marriage exists, is alive, adult and not married.",
    vi: "Bên kết hôn còn lại có trong cơ sở dữ liệu, còn sống, đã thành niên và chưa kết hôn.",
  },
  MARRIAGE_RECORD: {
    en: "The applicant is recorded as married, with the spouse (replaces the marriage certificate).",
    vi: "Người nộp hồ sơ được ghi nhận là đã kết hôn, kèm thông tin người vợ hoặc chồng (thay giấy chứng nhận kết hôn).",
  },
  PARENT_OF_CHILD: {
    en: "The child's record names the applicant as father or mother.",
    vi: "Bản ghi của người con ghi người nộp hồ sơ là cha hoặc mẹ.",
  },
  DECEASED_PERSON: {
    en: "The deceased person's record exists in the population database.",
    vi: "Bản ghi của người đã chết có trong cơ sở dữ liệu quốc gia về dân cư.",
  },
  HOUSEHOLD: {
    en: "The applicant's household (replaces the household book) and relation to its head.",
    vi: "Hộ gia đình của người nộp hồ sơ (thay sổ hộ khẩu) và quan hệ với chủ hộ.",
  },
  CERTIFICATE_HELD: {
    en: "The applicant is named on the parcel's certificate in force (replaces the certificate copy).",
    vi: "Người nộp hồ sơ đứng tên trên giấy chứng nhận còn hiệu lực của thửa đất (thay bản sao giấy chứng nhận).",
  },
  PARCEL_UNENCUMBERED: {
    en: "No mortgage registered over the parcel is still unreleased.",
    vi: "Không có khoản thế chấp nào đã đăng ký trên thửa đất mà chưa được xoá đăng ký.",
  },
  FAMILY_HOLDS_PARCEL: {
    en: "The applicant or a member of their household holds the parcel (proof of a legal place of residence).",
    vi: "Người nộp hồ sơ hoặc một thành viên hộ gia đình đứng tên thửa đất (chứng minh chỗ ở hợp pháp).",
  },
  ENTERPRISE_ACTIVE: {
    en: "The enterprise (the subject, else the applicant) exists and is active (replaces the registration certificate copy).",
    vi: "Doanh nghiệp (đối tượng của hồ sơ, nếu không thì người nộp hồ sơ) có tồn tại và đang hoạt động (thay bản sao giấy chứng nhận đăng ký doanh nghiệp).",
  },
  ENTERPRISE_REGISTERED: {
    en: "The enterprise (the subject, else the applicant) is on the register and not yet dissolved or bankrupt; a suspended one may still, say, dissolve.",
    vi: "Doanh nghiệp (đối tượng của hồ sơ, nếu không thì người nộp hồ sơ) có trong cơ sở dữ liệu đăng ký doanh nghiệp và chưa giải thể hay phá sản; doanh nghiệp đang tạm ngừng kinh doanh vẫn có thể, chẳng hạn, làm thủ tục giải thể.",
  },
  LEGAL_REPRESENTATIVE: {
    en: "The applicant is a legal representative of the enterprise.",
    vi: "Người nộp hồ sơ là người đại diện theo pháp luật của doanh nghiệp.",
  },
  NO_OTHER_PRIVATE_ENTERPRISE: {
    en: "The founder owns no private enterprise and no household business (Law on Enterprises 2020, art. 188(3)).",
    vi: "Người thành lập không làm chủ doanh nghiệp tư nhân hay hộ kinh doanh nào (Luật Doanh nghiệp 2020, khoản 3 Điều 188).",
  },
  NO_OTHER_HOUSEHOLD_BUSINESS: {
    en: "The founder owns no other active household business (Decree 01/2021/NĐ-CP, art. 80).",
    vi: "Người thành lập không làm chủ hộ kinh doanh nào khác đang hoạt động (Nghị định 01/2021/NĐ-CP, Điều 80).",
  },
});

/** Who a check is about, said inside an outcome message (`{who}`). */
export const WHO = messages("procedures.who", {
  applicant: { en: "applicant", vi: "người nộp hồ sơ" },
  founder: { en: "founder", vi: "người thành lập" },
  transferee: { en: "transferee", vi: "bên nhận chuyển nhượng" },
  otherParty: { en: "other party", vi: "bên kết hôn còn lại" },
  child: { en: "child", vi: "người con" },
  deceased: { en: "the deceased person", vi: "người đã chết" },
});
export type Who = keyof typeof WHO;

/** An identity card's status, lower case (`{cardStatus}`). */
export const CARD_STATUS = messages("procedures.cardStatus", {
  VALID: { en: "valid", vi: "còn hiệu lực" },
  EXPIRED: { en: "expired", vi: "đã hết hạn" },
  REVOKED: { en: "revoked", vi: "đã bị thu hồi" },
  LOST: { en: "lost", vi: "đã báo mất" },
});

/** An enterprise's status, lower case (`{enterpriseStatus}`). */
export const ENTERPRISE_STATUS = messages("procedures.enterpriseStatus", {
  ACTIVE: { en: "active", vi: "đang hoạt động" },
  SUSPENDED: { en: "suspended", vi: "đang tạm ngừng kinh doanh" },
  DISSOLVED: { en: "dissolved", vi: "đã giải thể" },
  BANKRUPT: { en: "bankrupt", vi: "đã phá sản" },
});

/**
 * A dossier component's outcome messages: what a clerk or a citizen reads of a failed check or of data not found.
 * Stored with a submitted dossier (and its correction requests) in the submitter's language; `restate` says them
 * again in the reader's.
 */
export const OUTCOMES = messages("procedures.outcomes", {
  applicantMustBeCitizen: { en: "The applicant must be a citizen.", vi: "Người nộp hồ sơ phải là công dân." },
  missingPerson: {
    en: "No record of {who} {id} in the population database: bring the document; a correction request has been raised with the source.",
    vi: "Không có bản ghi của {who} {id} trong cơ sở dữ liệu quốc gia về dân cư: hãy mang theo giấy tờ; một yêu cầu điều chỉnh dữ liệu đã được gửi tới nguồn dữ liệu.",
  },
  missingResidence: {
    en: "No record of applicant's permanent residence for {id} in the population database: bring the document; a correction request has been raised with the source.",
    vi: "Không có bản ghi nơi thường trú của người nộp hồ sơ {id} trong cơ sở dữ liệu quốc gia về dân cư: hãy mang theo giấy tờ; một yêu cầu điều chỉnh dữ liệu đã được gửi tới nguồn dữ liệu.",
  },
  mustBeCitizen: {
    en: "The {who} must be a citizen (a personal identification number).",
    vi: "{who} phải là công dân (có số định danh cá nhân).",
  },
  deceasedNamed: {
    en: "The {who} {name} is recorded as deceased ({date}).",
    vi: "{who} {name} được ghi nhận là đã chết ({date}).",
  },
  deceased: {
    en: "The {who} is recorded as deceased ({date}).",
    vi: "{who} được ghi nhận là đã chết ({date}).",
  },
  cardNotValidExpiry: {
    en: "The {who} holds no valid identity card: the latest ({cardType} {number}) is {cardStatus}, expiry {expiresOn}. It must be renewed first.",
    vi: "{who} không có thẻ căn cước còn hiệu lực: thẻ gần nhất ({cardType} {number}) {cardStatus}, ngày hết hạn {expiresOn}. Cần cấp đổi thẻ trước.",
  },
  cardNotValid: {
    en: "The {who} holds no valid identity card: the latest ({cardType} {number}) is {cardStatus}. It must be renewed first.",
    vi: "{who} không có thẻ căn cước còn hiệu lực: thẻ gần nhất ({cardType} {number}) {cardStatus}. Cần cấp đổi thẻ trước.",
  },
  noCard: {
    en: "The {who} has no identity card on record.",
    vi: "{who} chưa có thẻ căn cước nào trong dữ liệu.",
  },
  underAge: {
    en: "The {who} is {age}, under {majority}.",
    vi: "{who} mới {age} tuổi, chưa đủ {majority} tuổi.",
  },
  noEnterprise: { en: "The dossier names no enterprise.", vi: "Hồ sơ không nêu doanh nghiệp nào." },
  missingEnterpriseCertificate: {
    en: "No enterprise {code} in the business registry: bring the registration certificate; a correction request has been raised.",
    vi: "Không có doanh nghiệp {code} trong cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp: hãy mang theo giấy chứng nhận đăng ký doanh nghiệp; một yêu cầu điều chỉnh dữ liệu đã được gửi.",
  },
  enterpriseNotInStatus: {
    en: "Enterprise {name} ({code}) is {enterpriseStatus}.",
    vi: "Doanh nghiệp {name} ({code}) {enterpriseStatus}.",
  },
  missingParcel: {
    en: "No parcel {id} in the land database: bring the certificate; a correction request has been raised with the source.",
    vi: "Không có thửa đất {id} trong cơ sở dữ liệu quốc gia về đất đai: hãy mang theo giấy chứng nhận; một yêu cầu điều chỉnh dữ liệu đã được gửi tới nguồn dữ liệu.",
  },
  legacyResidenceOne: {
    en: "The permanent residence still names pre-2025 commune {legacy}{legacyName}: {explanation} The residence record must be updated to commune {successor} first.",
    vi: "Nơi thường trú vẫn ghi xã/phường cũ trước năm 2025 {legacy}{legacyName}: {explanation} Cần cập nhật thông tin cư trú sang xã/phường {successor} trước.",
  },
  legacyResidenceMany: {
    en: "The permanent residence still names pre-2025 commune {legacy}{legacyName}: {explanation} The residence record must be updated to one of communes {successors} first.",
    vi: "Nơi thường trú vẫn ghi xã/phường cũ trước năm 2025 {legacy}{legacyName}: {explanation} Cần cập nhật thông tin cư trú sang một trong các xã/phường {successors} trước.",
  },
  recordedMarried: { en: "The applicant is recorded as married.", vi: "Người nộp hồ sơ được ghi nhận là đã kết hôn." },
  otherPartyMarried: {
    en: "The other party {name} is recorded as married.",
    vi: "Bên kết hôn còn lại {name} được ghi nhận là đã kết hôn.",
  },
  noMarriage: {
    en: "No marriage is recorded for the applicant: bring the marriage certificate if there is one (a correction request has been raised).",
    vi: "Không có thông tin kết hôn của người nộp hồ sơ: hãy mang theo giấy chứng nhận kết hôn nếu có (một yêu cầu điều chỉnh dữ liệu đã được gửi).",
  },
  notParent: {
    en: "The child's record does not name the applicant as father or mother.",
    vi: "Bản ghi của người con không ghi người nộp hồ sơ là cha hoặc mẹ.",
  },
  noHousehold: {
    en: "The applicant belongs to no household on record: bring the household head's written consent.",
    vi: "Người nộp hồ sơ không thuộc hộ gia đình nào trong dữ liệu: hãy mang theo văn bản đồng ý của chủ hộ.",
  },
  missingHousehold: {
    en: "The applicant's record names household {household}, which the population database does not hold: bring the household book; a correction request has been raised with the source.",
    vi: "Bản ghi của người nộp hồ sơ ghi hộ gia đình {household}, nhưng cơ sở dữ liệu quốc gia về dân cư không có hộ này: hãy mang theo sổ hộ khẩu; một yêu cầu điều chỉnh dữ liệu đã được gửi tới nguồn dữ liệu.",
  },
  certificateReplaced: {
    en: "Certificate {serial} is not the one in force for parcel {id} (now {current}): it was replaced or revoked.",
    vi: "Giấy chứng nhận {serial} không phải giấy chứng nhận đang có hiệu lực của thửa đất {id} (hiện là {current}): giấy đã được thay thế hoặc bị thu hồi.",
  },
  certificateReplacedNone: {
    en: "Certificate {serial} is not the one in force for parcel {id}: it was replaced or revoked.",
    vi: "Giấy chứng nhận {serial} không phải giấy chứng nhận đang có hiệu lực của thửa đất {id}: giấy đã được thay thế hoặc bị thu hồi.",
  },
  noCertificateInForce: {
    en: "Parcel {id} has no certificate in force.",
    vi: "Thửa đất {id} không có giấy chứng nhận nào đang có hiệu lực.",
  },
  notOnCertificate: {
    en: "The applicant is not named on the certificate in force for parcel {id} (serial {serial}).",
    vi: "Người nộp hồ sơ không có tên trên giấy chứng nhận đang có hiệu lực của thửa đất {id} (số seri {serial}).",
  },
  mortgaged: {
    en: "Parcel {id} is mortgaged to {lender} (registered {registeredOn}, not released): the mortgage must be released, or the lender must consent, before the transfer.",
    vi: "Thửa đất {id} đang thế chấp tại {lender} (đăng ký ngày {registeredOn}, chưa xoá thế chấp): phải xoá thế chấp, hoặc bên nhận thế chấp phải đồng ý, trước khi chuyển nhượng.",
  },
  familyNotHolder: {
    en: "Neither the applicant nor a household member is named on the certificate in force for parcel {id}: bring the lease, loan or consent of the holder.",
    vi: "Cả người nộp hồ sơ và các thành viên hộ gia đình đều không có tên trên giấy chứng nhận đang có hiệu lực của thửa đất {id}: hãy mang theo hợp đồng thuê, hợp đồng cho mượn hoặc văn bản đồng ý của người đứng tên.",
  },
  missingEnterprise: {
    en: "No enterprise {code} in the business registry.",
    vi: "Không có doanh nghiệp {code} trong cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.",
  },
  notRepresentative: {
    en: "The applicant is not a legal representative of {name} ({code}): bring a power of attorney from one.",
    vi: "Người nộp hồ sơ không phải người đại diện theo pháp luật của {name} ({code}): hãy mang theo giấy uỷ quyền của một người đại diện theo pháp luật.",
  },
  privateFounderMustBeCitizen: {
    en: "The founder of a private enterprise must be a citizen.",
    vi: "Chủ doanh nghiệp tư nhân phải là công dân.",
  },
  ownsPrivateEnterprise: {
    en: "The founder already owns private enterprise {name} ({code}); a person may own only one.",
    vi: "Người thành lập đã là chủ doanh nghiệp tư nhân {name} ({code}); mỗi người chỉ được làm chủ một doanh nghiệp tư nhân.",
  },
  ownsHouseholdBusiness: {
    en: "The founder owns household business {name} ({number}), which must be closed first.",
    vi: "Người thành lập đang là chủ hộ kinh doanh {name} ({number}); hộ kinh doanh này phải chấm dứt hoạt động trước.",
  },
  householdFounderMustBeCitizen: {
    en: "The founder of a household business must be a citizen.",
    vi: "Người thành lập hộ kinh doanh phải là công dân.",
  },
  ownsOtherHouseholdBusiness: {
    en: "The founder already owns household business {name} ({number}); a person may register only one.",
    vi: "Người thành lập đã là chủ hộ kinh doanh {name} ({number}); mỗi người chỉ được đăng ký một hộ kinh doanh.",
  },
});
export type OutcomeKey = keyof typeof OUTCOMES;

type Params = Record<string, string | number | null | undefined>;

/** Placeholders whose values are words of a list: said in the reader's language, matched back to their key. */
const WORDS: Record<string, Record<string, Message>> = { who: WHO, cardStatus: CARD_STATUS, enterpriseStatus: ENTERPRISE_STATUS };

/** A sentence begins with a capital letter (a Vietnamese template may begin with a word of a list). */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/**
 * An outcome message in `lang` (the current request's by default). `params` give word placeholders (`who`,
 * `cardStatus`, `enterpriseStatus`) by key, and every other value as it is.
 */
export function sayOutcome(key: OutcomeKey, params: Params = {}, lang: Language = language()): string {
  const filled: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const word = WORDS[name]?.[String(value)];
    filled[name] = word ? word[lang] : value;
  }
  return sentence(render(OUTCOMES[key][lang], filled));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Pattern {
  key: OutcomeKey;
  names: string[];
  regex: RegExp;
}

/**
 * Each outcome template in each language as a pattern that reads its values back: built on first use (not at load,
 * so a conformance worker thread does not pay for it), once for every language (it holds no language state).
 */
let patterns: Pattern[] | null = null;
const PATTERNS = (): Pattern[] => (patterns ??= buildPatterns());
const buildPatterns = (): Pattern[] =>
  (Object.keys(OUTCOMES) as OutcomeKey[]).flatMap((key) =>
    (["en", "vi"] as const).map((lang) => {
      const names: string[] = [];
      const source = OUTCOMES[key][lang]
        .split(/(\{[A-Za-z][A-Za-z0-9]*\})/)
        .map((part) => {
          const m = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(part);
          if (!m) return escape(part);
          names.push(m[1]);
          const words = WORDS[m[1]];
          if (!words) return "(.*?)";
          const all = Object.values(words).flatMap((w) => [w.en, w.vi]);
          return `(${all
            .sort((a, b) => b.length - a.length)
            .map(escape)
            .join("|")})`;
        })
        .join("");
      return { key, names, regex: new RegExp(`^${source}$`, "iu") };
    }),
  );

/** The key of the word a stored text names, in either language. */
function wordKey(list: Record<string, Message>, text: string): string | undefined {
  const lower = text.toLocaleLowerCase("vi");
  return Object.keys(list).find((k) => list[k].en.toLocaleLowerCase("vi") === lower || list[k].vi.toLocaleLowerCase("vi") === lower);
}

/**
 * A stored outcome message (as a dossier or correction request recorded it, in its submitter's language) said in
 * the reader's language; as stored when it matches no outcome template. The stored text stays the record.
 */
export function restate(stored: string | null, lang: Language = language()): string | null {
  if (!stored) return stored;
  for (const { key, names, regex } of PATTERNS()) {
    const match = regex.exec(stored);
    if (!match) continue;
    const params: Params = {};
    names.forEach((name, i) => {
      const value = match[i + 1];
      params[name] = WORDS[name] ? (wordKey(WORDS[name], value) ?? value) : value;
      // The explanation of a legacy commune is the admin-units module's words; this one is ours.
      const notOnMap = PROCEDURES.legacyNotOnOldMap;
      if (name === "explanation" && (value === notOnMap.en || value === notOnMap.vi)) params[name] = notOnMap[lang];
    });
    return sayOutcome(key, params, lang);
  }
  return stored;
}
