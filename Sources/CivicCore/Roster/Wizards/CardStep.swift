/// What the card reader holds, as the card step of a wizard shows it. The card layer watches the
/// reader and reports changes; the wizard decides whether the flow may go on.
public enum CardPresence: Sendable, Equatable {
    case absent
    /// Not known yet: the reader service is being reached, the card read or its token looked
    /// for; the message says which. The step waits.
    case waiting(UserMessage)
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
    /// What a wizard shows for an inserted card of `kind`, held by `holder` (as read from its
    /// certificates without the PIN): a health-insurance or unknown card is named as unusable.
    public init(kind: CardKind, holder: String) {
        self = kind.unusableReason.map(CardPresence.unusable) ?? .present(holder: holder)
    }

    /// The card step's message: what to do when no usable card is in, nil when one is.
    var problem: UserMessage? {
        switch self {
        case .absent:
            UserMessage(zh: "請將領銜人的自然人憑證插入讀卡機。", en: "Insert the lead person's citizen certificate card into the reader.")
        case .unusable(let message), .waiting(let message):
            message
        case .present:
            nil
        }
    }
}

/// The card and PIN steps as both roster wizards keep them, with the rule they share: when the
/// card can no longer serve while the PIN is asked, the wizard goes back to the card step and
/// the PIN entry starts afresh.
public struct CardAndPIN: Sendable, Equatable {
    public private(set) var card: CardPresence = .absent
    public private(set) var pin = PINEntry()

    /// Records what the reader holds. Returns true when a wizard on its PIN step must go back to
    /// the card step: the card has a problem, or (`usable` false) it does not fit the work.
    mutating func cardChanged(_ presence: CardPresence, onPINStep: Bool, usable: Bool = true) -> Bool {
        card = presence
        guard onPINStep, presence.problem != nil || !usable else { return false }
        pin = PINEntry()
        return true
    }

    mutating func updatePIN(_ change: (inout PINEntry) -> Void) {
        change(&pin)
    }
}
