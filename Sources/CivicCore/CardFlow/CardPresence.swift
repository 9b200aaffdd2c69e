/// What the card reader holds, as the card step of a wizard shows it. The card layer watches the
/// reader and reports changes; the wizard decides whether the flow may go on.
public enum CardPresence: Sendable, Equatable {
    case absent
    /// Not known yet: the reader service is being reached, the card read or its token looked
    /// for; the message says which. The step waits.
    case waiting(UserMessage)
    /// A card that cannot serve here (a 健保卡, an unreadable card), with what to tell the user.
    case unusable(UserMessage)
    /// A certificate card of the kind asked for, named by its holder.
    case present(holder: String)
}

extension CardPresence {
    /// What a wizard shows for an inserted card of `kind`, held by `holder` (as read from its
    /// certificates without the PIN): a health-insurance or unknown card is named as unusable.
    public init(kind: CardKind, holder: String) {
        self = kind.unusableReason.map(CardPresence.unusable) ?? .present(holder: holder)
    }

    /// The card step's message: what to do when no usable card is in (`absent` when none is),
    /// nil when one is.
    func problem(absent: UserMessage) -> UserMessage? {
        switch self {
        case .absent:
            absent
        case .unusable(let message), .waiting(let message):
            message
        case .present:
            nil
        }
    }
}
