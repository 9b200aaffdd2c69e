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
        guard let object = JSONObjectFields(tbs) else {
            self.init()
            return
        }
        self.init(caseId: object.string("caseId"), signedAt: object.string("signedAt").flatMap { Timestamp(rfc3339: $0) },
                  id: object.string("id"), name: object.string("name"),
                  birthDate: object.string("birthDate").flatMap { CivilDate(iso: $0) }, address: object.string("address"),
                  statement: object.string("statement"))
    }

    /// True when all seven fields are present as strings, `signedAt` is an RFC 3339 time with
    /// offset and `birthDate` a `YYYY-MM-DD` date: what a statement must be not to be `malformed`.
    public var isComplete: Bool {
        caseId != nil && signedAt != nil && id != nil && name != nil && birthDate != nil && address != nil && statement != nil
    }
}
