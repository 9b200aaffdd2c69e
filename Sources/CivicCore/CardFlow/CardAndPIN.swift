/// The card and PIN steps as every card wizard keeps them, with the rule they share: when the
/// card can no longer serve while the PIN is asked, the wizard goes back to the card step and
/// the PIN entry starts afresh.
public struct CardAndPIN: Sendable, Equatable {
    /// The card asked for.
    public let request: CardRequest
    public private(set) var card: CardPresence = .absent
    public private(set) var pin = PINEntry()

    public init(request: CardRequest) {
        self.request = request
    }

    /// What to do before the card step may go on (the request's words when no card is in);
    /// nil when a usable card is in.
    public var cardProblem: UserMessage? {
        card.problem(absent: request.absent)
    }

    /// Records what the reader holds. Returns true when a wizard on its PIN step must go back to
    /// the card step: the card has a problem, or (`usable` false) it does not fit the work.
    mutating func cardChanged(_ presence: CardPresence, onPINStep: Bool, usable: Bool = true) -> Bool {
        card = presence
        guard onPINStep, presence.problem(absent: request.absent) != nil || !usable else { return false }
        pin = PINEntry()
        return true
    }

    mutating func updatePIN(_ change: (inout PINEntry) -> Void) {
        change(&pin)
    }
}
