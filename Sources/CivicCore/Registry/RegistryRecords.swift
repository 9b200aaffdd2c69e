import Foundation

/// A registered office: the agency with its certificate and its one 授權管理者.
public struct Office: Sendable, Hashable, Codable {
    public let code: AgencyCode
    public let agency: AgencyCertificate
    public let administrator: Administrator

    public init(code: AgencyCode, agency: AgencyCertificate, administrator: Administrator) {
        self.code = code
        self.agency = agency
        self.administrator = administrator
    }

    /// 機關名稱.
    public var name: String { agency.name }
}

/// 授權管理者: the person whose 自然人憑證, with the agency card, proves every change.
public struct Administrator: Sendable, Hashable, Codable {
    public let personalID: NationalID
    public let certificate: PersonCertificate
    public let contact: AdministratorContact

    public init(personalID: NationalID, certificate: PersonCertificate, contact: AdministratorContact) {
        self.personalID = personalID
        self.certificate = certificate
        self.contact = contact
    }
}

/// 授權經辦人: a clerk registered by certificate serial, who signs in with that card and may use
/// the actions their permissions name.
public struct Clerk: Sendable, Hashable, Codable {
    public let serial: CertificateSerial
    public let name: String
    public let personalID: NationalID
    public let permissions: PermissionSet

    public init(serial: CertificateSerial, name: String, personalID: NationalID, permissions: PermissionSet) throws(RegistryProblem) {
        self.serial = serial
        self.name = try AdministratorContact.checkName(name)
        self.personalID = personalID
        guard !permissions.isEmpty else { throw .permissionsMissing }
        self.permissions = permissions
    }
}

/// 註冊項目 of the 查詢憑證註冊收件紀錄 query.
public enum RegistrationItem: String, Sendable, Hashable, CaseIterable, Codable {
    case firstRegistration = "first-registration"
    case agencyCertificateReplaced = "agency-replaced"
    case administratorCertificateReplaced = "administrator-replaced"
    case bothReplaced = "both-replaced"

    public var name: UserMessage {
        switch self {
        case .firstRegistration: UserMessage(zh: "首次註冊", en: "First registration")
        case .agencyCertificateReplaced: UserMessage(zh: "更換機關憑證", en: "Agency certificate replaced")
        case .administratorCertificateReplaced:
            UserMessage(zh: "更換授權管理者自然人憑證", en: "Administrator's certificate replaced")
        case .bothReplaced:
            UserMessage(zh: "更換機關憑證和授權管理者自然人憑證", en: "Agency and administrator's certificates replaced")
        }
    }
}

/// One line of 查詢憑證註冊收件紀錄: 機關代號, 機關名稱, 收件時間, 註冊項目.
public struct RegistrationRecord: Sendable, Hashable, Codable {
    public let agencyCode: AgencyCode
    public let agencyName: String
    public let time: Date
    public let item: RegistrationItem

    public init(agencyCode: AgencyCode, agencyName: String, time: Date, item: RegistrationItem) {
        self.agencyCode = agencyCode
        self.agencyName = agencyName
        self.time = time
        self.item = item
    }
}

/// A registration the agency directory did not confirm (unknown code, or another OID): kept
/// with the applicant's name and phone until a reviewer approves or rejects it.
public struct PendingReview: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable {
        case unknownCode = "unknown-code"
        case oidMismatch = "oid-mismatch"

        public var name: UserMessage {
            switch self {
            case .unknownCode: UserMessage(zh: "機關代號不在機關名錄中", en: "The agency code is not in the directory")
            case .oidMismatch: UserMessage(zh: "機關憑證 OID 與機關名錄不符", en: "The certificate's OID differs from the directory's")
            }
        }
    }

    public let office: Office
    public let applicantName: String
    public let applicantPhone: String
    public let reason: Reason
    public let requestedAt: Date

    public init(office: Office, applicantName: String, applicantPhone: String, reason: Reason, requestedAt: Date) throws(RegistryProblem) {
        self.office = office
        self.applicantName = try AdministratorContact.checkName(applicantName)
        self.applicantPhone = try AdministratorContact.checkPhone(applicantPhone)
        self.reason = reason
        self.requestedAt = requestedAt
    }

    /// 申請資料審核中… (seed, 圖3-7).
    public static let submittedMessage = UserMessage(
        zh: "申請資料審核中，若審核通過，於下一個營業日貴機關即可重新辦理註冊。若審核不通過，本部將與貴機關聯絡。",
        en: "The application is under review. Once approved the registration completes; if rejected, you will be contacted.")

    /// 貴機關申請憑證註冊，因申請資料比對不符，需進行審核，請填聯絡資料 (seed, 圖3-6).
    public static let mismatchMessage = UserMessage(
        zh: "貴機關申請憑證註冊，因申請資料比對不符，需進行審核，請填聯絡資料",
        en: "Your registration does not match the agency directory and must be reviewed: please give contact details")
}
