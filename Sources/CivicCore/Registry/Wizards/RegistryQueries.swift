/// 查詢作業's four queries: 查詢憑證註冊收件紀錄 (by 機關代號), 查詢機關憑證OID (the agency card),
/// 查詢自然人憑證序號 (a citizen card and its holder's ID), 查詢已授權清單 (the office's cards).
public enum RegistryQuery: Sendable, Hashable, CaseIterable {
    case registrationRecords, agencyOID, certificateSerial, clerks

    public var title: UserMessage {
        switch self {
        case .registrationRecords: UserMessage(zh: "查詢憑證註冊收件紀錄", en: "Registration records")
        case .agencyOID: UserMessage(zh: "查詢機關憑證OID", en: "Agency certificate OID")
        case .certificateSerial: UserMessage(zh: "查詢自然人憑證序號", en: "Citizen certificate serial")
        case .clerks: UserMessage(zh: "查詢已授權清單", en: "Assigned clerks")
        }
    }
}

/// 查詢憑證註冊紀錄: a 機關代號, then the records (序號, 機關代號, 機關名稱, 收件時間, 註冊項目).
public struct RegistrationRecordsQuery: Sendable, Equatable {
    public var agencyCode = ""
    public private(set) var results: [RegistrationRecord]?

    public init() {}

    /// 查詢 may be pressed: nil, or what is wrong with the code.
    public var problem: UserMessage? {
        do {
            _ = try AgencyCode(agencyCode)
            return nil
        } catch {
            return error.message
        }
    }

    public mutating func found(_ records: [RegistrationRecord]) {
        results = records
    }

    public var emptyMessage: UserMessage? {
        results?.isEmpty == true ? UserMessage(zh: "目前查無資料！", en: "No records.") : nil
    }

    /// 收件時間 as the seed writes it: 105年04月22日14點36分34秒 (Taiwan time).
    public static func receivedTime(_ record: RegistrationRecord) -> String {
        guard let time = Timestamp(taiwanTime: record.time) else { return "" }
        let year = ROCDate.rocYear(ofGregorian: time.date.year)
        func two(_ value: Int) -> String { CivilDate.pad(value, 2) }
        return "\(year)年\(two(time.date.month))月\(two(time.date.day))日\(two(time.hour))點\(two(time.minute))分\(two(time.second))秒"
    }
}

/// 查詢機關憑證OID / 查詢自然人憑證序號: one card step, then 機關名稱 + 機關憑證OID, or 姓名 +
/// 自然人憑證序號.
public struct CardQuery: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        case agency(name: String, oid: String)
        case person(name: String, serial: String)
    }

    public let query: RegistryQuery
    public var card: RegistryCardStep
    public private(set) var result: Result?

    /// `query` is `.agencyOID` or `.certificateSerial`.
    public init(_ query: RegistryQuery) {
        self.query = query
        card = query == .agencyOID ? RegistryCardStep(role: .agency) : RegistryCardStep(role: .person, holder: .anyone)
    }

    /// The proven card's certificate gives the answer.
    public mutating func proven(_ certificate: CertificateInfo) {
        card.proved()
        switch card.role {
        case .agency:
            if case .success(let agency) = AgencyCertificate.read(certificate) { result = .agency(name: agency.name, oid: agency.oid) }
        case .person:
            if case .success(let person) = PersonCertificate.read(certificate) {
                result = .person(name: person.name, serial: person.serialHex)
            }
        }
    }
}
