/// What the card reader holds, as the card step of a wizard shows it. The card layer watches the
/// reader and reports changes; the wizard decides whether the flow may go on.
public enum CardPresence: Sendable, Equatable {
    case absent
    /// A card that cannot serve here (a 健保卡, an unreadable card), with what to tell the user.
    case unusable(UserMessage)
    /// A signature card, named by its holder.
    case present(holder: String)
}

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

extension CardPresence {
    /// The card step's message: what to do when no usable card is in, nil when one is.
    var problem: UserMessage? {
        switch self {
        case .absent:
            UserMessage(zh: "請將領銜人的自然人憑證插入讀卡機。", en: "Insert the lead person's citizen certificate card into the reader.")
        case .unusable(let message):
            message
        case .present:
            nil
        }
    }
}
