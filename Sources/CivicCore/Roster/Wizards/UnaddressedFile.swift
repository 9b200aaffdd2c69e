/// A chosen batch file that is not encrypted for the inserted card: the names of the
/// certificates it is for, so the user can tell which card is needed.
public struct UnaddressedFile: Sendable, Equatable {
    public let name: String
    public let recipients: [String]

    public init(name: String, recipients: [String]) {
        self.name = name
        self.recipients = recipients
    }
}
