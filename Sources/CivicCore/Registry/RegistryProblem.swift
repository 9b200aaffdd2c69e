/// Everything the 憑證註冊與授權 area can refuse, in the words of the insurance e-system it is
/// modelled on (seed 004) where it has them: one place, so the window and the command line say
/// the same thing and nothing changes when one is thrown.
public enum RegistryProblem: UserFacingError, Sendable, Equatable {
    case agencyCodeMissing
    case agencyCodeMalformed
    case nameMissing
    case emailMissing
    case emailMalformed
    case phoneMissing
    case phoneMalformed
    case extensionMalformed
    case personalID(PersonalID.Problem)
    case serialMissing
    case serialMalformed
    case permissionsMissing
    case unknownPermission(String)
    case applicantMissing
    case termsNotAccepted
    /// The card where the agency card is asked is a person's (or holds no agency certificate).
    case notAnAgencyCard
    case agencyCardForPerson
    case notAPersonCard
    case healthInsuranceCard
    case expired(UserMessage)
    case untrusted(UserMessage)
    case challengeNotProven
    case notRegisteredCertificate(UserMessage)
    case agencyCodeNotRegistered(String)
    case alreadyRegistered(code: String)
    case notRegistered
    case pendingReview(code: String)
    case noPendingReview(code: String)
    case reviewerNotRegistered
    case clerkSerialTaken(String)
    case clerkIDTaken(String)
    case clerkNotFound(String)
    case sameCertificate
    case directory(UserMessage)

    public var message: UserMessage {
        switch self {
        case .agencyCodeMissing:
            UserMessage(zh: "請輸入機關代號(五碼)。", en: "Enter the 5-digit agency code.")
        case .agencyCodeMalformed:
            UserMessage(zh: "機關代號應為五碼數字。", en: "The agency code has five digits.")
        case .nameMissing:
            UserMessage(zh: "請輸入姓名。", en: "Enter the name.")
        case .emailMissing:
            UserMessage(zh: "請輸入電子信箱。", en: "Enter the e-mail address.")
        case .emailMalformed:
            UserMessage(zh: "電子信箱格式不正確，例如 name@example.gov.tw。", en: "The e-mail address is malformed, e.g. name@example.gov.tw.")
        case .phoneMissing:
            UserMessage(zh: "請輸入連絡電話，範例：(02)2701-3411。", en: "Enter the phone number, e.g. (02)2701-3411.")
        case .phoneMalformed:
            UserMessage(zh: "連絡電話格式不正確，範例：(02)2701-3411。", en: "The phone number is malformed; example: (02)2701-3411.")
        case .extensionMalformed:
            UserMessage(zh: "分機應為 1 到 6 位數字。", en: "The extension has 1 to 6 digits.")
        case .personalID(let problem):
            problem.message
        case .serialMissing:
            UserMessage(zh: "請輸入憑證序號(SN)，或於讀卡機中插入自然人憑證後按讀取憑證。",
                        en: "Enter the certificate serial (SN), or insert the citizen card and press Read certificate.")
        case .serialMalformed:
            UserMessage(zh: "憑證序號(SN)應為十六進位數字（0–9、A–F）。", en: "The certificate serial (SN) is hexadecimal (0–9, A–F).")
        case .permissionsMissing:
            UserMessage(zh: "請勾選功能選單項目，設定使用權限。", en: "Tick at least one permission.")
        case .unknownPermission(let key):
            UserMessage(zh: "沒有「\(key)」這項權限。", en: "There is no permission “\(key)”.")
        case .applicantMissing:
            UserMessage(zh: "貴機關申請憑證註冊，因申請資料比對不符，需進行審核，請填聯絡資料（姓名及電話）。",
                        en: "The application does not match the agency directory and must be reviewed: give the applicant's name and phone.")
        case .termsNotAccepted:
            UserMessage(zh: "請詳細閱讀用戶約定條款，同意者請點選同意條款內容。", en: "Read the terms of use and accept them to go on.")
        case .notAnAgencyCard:
            UserMessage(zh: "這張卡片不是機關憑證：請插入機關憑證、組織及團體憑證、工商憑證或醫事憑證 IC 卡。",
                        en: "This is not an agency card: insert the agency, organisation, business or medical certificate card.")
        case .agencyCardForPerson:
            UserMessage(zh: "這是機關憑證，不是自然人憑證：請放入授權管理者或經辦人之自然人憑證 IC 卡。",
                        en: "This is an agency card, not a citizen digital certificate: insert the person's own card.")
        case .notAPersonCard:
            UserMessage(zh: "這張卡片不是自然人憑證：請放入自然人憑證 IC 卡。", en: "This is not a citizen digital certificate card.")
        case .healthInsuranceCard:
            CardKind.healthInsurance.unusableReason ?? CardKind.healthInsurance.name
        case .expired(let certificate):
            UserMessage(zh: "\(certificate.zh)已逾期或尚未生效，不能用於註冊與授權；請使用有效的憑證。",
                        en: "\(certificate.en) has expired or is not yet valid; use a valid certificate.")
        case .untrusted(let certificate):
            UserMessage(zh: "\(certificate.zh)不是由信任的憑證管理中心簽發，無法確認身分。",
                        en: "\(certificate.en) was not issued by a trusted certification authority.")
        case .challengeNotProven:
            UserMessage(zh: "卡片的簽章驗證失敗，無法確認持卡人身分。請重新插入卡片後再試。",
                        en: "The card's signature did not verify; the holder could not be confirmed. Reinsert the card and retry.")
        case .notRegisteredCertificate(let certificate):
            UserMessage(zh: "\(certificate.zh)與註冊資料不符：請使用已註冊的憑證，或先辦理更換憑證。",
                        en: "\(certificate.en) is not the registered one: use the registered card, or replace the certificate first.")
        case .agencyCodeNotRegistered(let code):
            UserMessage(zh: "機關代號 \(code) 與已註冊的機關代號不符。", en: "Agency code \(code) is not the registered one.")
        case .alreadyRegistered(let code):
            UserMessage(zh: "本工作區已由機關代號 \(code) 完成註冊；如需更換憑證，請使用更換憑證功能。",
                        en: "This workspace is already registered to agency \(code); use certificate replacement instead.")
        case .notRegistered:
            UserMessage(zh: "本工作區尚未辦理憑證註冊，請先完成首次註冊。", en: "No office is registered in this workspace: register first.")
        case .pendingReview(let code):
            UserMessage(zh: "機關代號 \(code) 的申請資料審核中，若審核通過，即可辦理後續作業；若審核不通過，將與貴機關聯絡。",
                        en: "Agency \(code)'s application is under review; you will be contacted if it is rejected.")
        case .noPendingReview(let code):
            UserMessage(zh: "機關代號 \(code) 沒有待審核的申請。", en: "Agency \(code) has no application pending review.")
        case .reviewerNotRegistered:
            UserMessage(zh: "這張卡片的憑證不是設定中登錄的審核人員憑證，不能審核申請。",
                        en: "This card's certificate is not a registered reviewer's; it cannot review applications.")
        case .clerkSerialTaken(let serial):
            UserMessage(zh: "憑證序號 \(serial) 已授權指派給經辦人，不能重複新增。", en: "Serial \(serial) is already assigned to a clerk.")
        case .clerkIDTaken(let id):
            UserMessage(zh: "身分證統一編號 \(PersonalID.masked(id)) 已是授權經辦人，不能重複新增；如需更換憑證序號請使用修改。",
                        en: "ID \(PersonalID.masked(id)) is already a clerk; change the clerk instead.")
        case .clerkNotFound(let serial):
            UserMessage(zh: "授權經辦人清單中沒有憑證序號 \(serial)。", en: "No clerk has serial \(serial).")
        case .sameCertificate:
            UserMessage(zh: "更換後的憑證與目前註冊的憑證相同，請插入更換後的 IC 卡。",
                        en: "The new certificate is the registered one: insert the renewed card.")
        case .directory(let message):
            message
        }
    }
}
