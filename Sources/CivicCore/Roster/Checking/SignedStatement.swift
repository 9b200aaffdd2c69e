/// What one signer signed (the `tbs` object of spec §2), with every field that could be read.
/// A record whose statement is incomplete is `malformed`, but what it does hold is kept so the
/// lead person can see whose record it was.
public struct SignedStatement: Sendable, Hashable {
    public var caseId: String?
    public var signedAt: Timestamp?
    public var id: String?
    public var name: String?
    public var birthDate: CivilDate?
    public var address: String?
    public var statement: String?

    public init(caseId: String? = nil, signedAt: Timestamp? = nil, id: String? = nil, name: String? = nil,
                birthDate: CivilDate? = nil, address: String? = nil, statement: String? = nil) {
        self.caseId = caseId
        self.signedAt = signedAt
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.address = address
        self.statement = statement
    }

    /// Reads the signed bytes: whatever fields are strings of the right shape.
    init(tbs: [UInt8]) {
        let object = JSONLine.object(tbs) ?? [:]
        self.init(caseId: object["caseId"]?.string, signedAt: object["signedAt"]?.string.flatMap { Timestamp(rfc3339: $0) },
                  id: object["id"]?.string, name: object["name"]?.string,
                  birthDate: object["birthDate"]?.string.flatMap { CivilDate(iso: $0) }, address: object["address"]?.string,
                  statement: object["statement"]?.string)
    }

    /// True when all seven fields are present as strings, `signedAt` is an RFC 3339 time with
    /// offset and `birthDate` a `YYYY-MM-DD` date: what a statement must be not to be `malformed`.
    public var isComplete: Bool {
        caseId != nil && signedAt != nil && id != nil && name != nil && birthDate != nil && address != nil && statement != nil
    }
}
