/// The record query of the petition system, over the workspace: signing-date range, the first
/// characters of the ID, status and batch. Unset fields do not filter.
public struct RecordFilter: Sendable, Hashable {
    /// Signing dates, inclusive, as the calendar dates of `signedAt` in its own offset.
    public var signedFrom: CivilDate?
    public var signedTo: CivilDate?
    public var idPrefix: IDPrefix?
    public var status: RecordStatus?
    public var batch: Int?

    public init(signedFrom: CivilDate? = nil, signedTo: CivilDate? = nil, idPrefix: IDPrefix? = nil,
                status: RecordStatus? = nil, batch: Int? = nil) {
        self.signedFrom = signedFrom
        self.signedTo = signedTo
        self.idPrefix = idPrefix
        self.status = status
        self.batch = batch
    }
}

/// Up to the first six characters of an ID number (連署人身分證前6碼), as typed: upper-cased,
/// and no longer than what the masked IDs show.
public struct IDPrefix: Sendable, Hashable {
    public static let maximumLength = 6
    public let text: String

    public init(_ typed: String) throws(Problem) {
        let text = typed.trimmingSpaces().uppercased()
        guard !text.isEmpty else { throw .empty }
        guard text.count <= Self.maximumLength else { throw .tooLong }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) else {
            throw .characters
        }
        self.text = text
    }

    public enum Problem: UserFacingError, Sendable, Equatable {
        case empty, tooLong, characters

        public var message: UserMessage {
            switch self {
            case .empty:
                UserMessage(zh: "請輸入身分證統一編號的前幾碼。", en: "Enter the first characters of the ID number.")
            case .tooLong:
                UserMessage(zh: "最多輸入身分證統一編號前 6 碼。", en: "Enter at most the first 6 characters of the ID number.")
            case .characters:
                UserMessage(zh: "身分證統一編號只有英文字母與數字。", en: "ID numbers hold only letters and digits.")
            }
        }
    }
}

/// One record as the records page and the spreadsheet show it.
public struct RosterRecordRow: Sendable, Hashable {
    public let batch: Int
    public let seq: Int
    public let status: RecordStatus
    public let signedAt: Timestamp?
    /// Masked (`A12345****`) unless full IDs were asked for; nil when the record had none.
    public let id: String?
    public let name: String?
    public let birthDate: CivilDate?
    public let address: String?

    public init(batch: Int, seq: Int, status: RecordStatus, signedAt: Timestamp?, id: String?, name: String?,
                birthDate: CivilDate?, address: String?) {
        self.batch = batch
        self.seq = seq
        self.status = status
        self.signedAt = signedAt
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.address = address
    }
}
