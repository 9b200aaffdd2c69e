/// The one status each roster record gets (spec §3): the first rule it breaks, or `valid`.
/// The raw values are the spec's names, used in the manifest, `excluded.jsonl` and the database.
public enum RecordStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case valid
    // The rules, in the order they are applied.
    case malformed
    case badSignature = "bad-signature"
    case untrustedCertificate = "untrusted-certificate"
    case certificateExpired = "certificate-expired"
    case identityMismatch = "identity-mismatch"
    case invalidID = "invalid-id"
    case caseMismatch = "case-mismatch"
    case underage
    case duplicate

    /// How the status is shown in tables, the spreadsheet and summaries.
    public var label: UserMessage {
        switch self {
        case .valid: UserMessage(zh: "有效", en: "Valid")
        case .malformed: UserMessage(zh: "資料格式錯誤", en: "Malformed")
        case .badSignature: UserMessage(zh: "簽章驗證失敗", en: "Bad signature")
        case .untrustedCertificate: UserMessage(zh: "憑證不受信任", en: "Untrusted certificate")
        case .certificateExpired: UserMessage(zh: "簽署時憑證不在效期內", en: "Certificate not valid when signed")
        case .identityMismatch: UserMessage(zh: "姓名與憑證不符", en: "Name differs from certificate")
        case .invalidID: UserMessage(zh: "身分證統一編號錯誤", en: "Invalid ID number")
        case .caseMismatch: UserMessage(zh: "非本公投案", en: "Another case")
        case .underage: UserMessage(zh: "未滿十八歲", en: "Under 18")
        case .duplicate: UserMessage(zh: "重複連署", en: "Duplicate")
        }
    }
}

/// A count for every status, zero included, as the manifest and status views require.
public struct StatusCounts: Sendable, Hashable, Codable {
    private var values: [RecordStatus: Int]

    public init(_ values: [RecordStatus: Int] = [:]) {
        self.values = values
    }

    public subscript(status: RecordStatus) -> Int {
        get { values[status] ?? 0 }
        set { values[status] = newValue }
    }

    public var total: Int { values.values.reduce(0, +) }

    /// Every status in `RecordStatus.allCases` order with its count.
    public var all: [(status: RecordStatus, count: Int)] {
        RecordStatus.allCases.map { ($0, self[$0]) }
    }

    public static func + (lhs: StatusCounts, rhs: StatusCounts) -> StatusCounts {
        var sum = lhs
        for status in RecordStatus.allCases { sum[status] += rhs[status] }
        return sum
    }

    public static func == (lhs: StatusCounts, rhs: StatusCounts) -> Bool {
        RecordStatus.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for status in RecordStatus.allCases { hasher.combine(self[status]) }
    }

    /// A JSON object with a key for every status (spec §5 `counts`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StatusKey.self)
        for (status, count) in all { try container.encode(count, forKey: StatusKey(status)) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StatusKey.self)
        var values: [RecordStatus: Int] = [:]
        for status in RecordStatus.allCases {
            values[status] = try container.decodeIfPresent(Int.self, forKey: StatusKey(status)) ?? 0
        }
        self.values = values
    }

    private struct StatusKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ status: RecordStatus) { stringValue = status.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
