/// Where a card wizard is, in the terms all share: its own first step, the card, the PIN, the
/// work under way, and the last page. The window's wizard frame is one piece for every wizard
/// that goes through a card because of this.
public enum CardWizardStage: Sendable, Equatable, CaseIterable {
    case setup, card, pin, working, finished
}

/// What every wizard that works with a card shares (the roster's import and pack among them):
/// steps that go through the card and the PIN to work that can be cancelled, so one window piece
/// drives the card, PIN and progress steps of all of them.
public protocol CardWizard: PINChecking, Sendable {
    associatedtype Step: Equatable & CaseIterable & Sendable
    var step: Step { get }
    var stage: CardWizardStage { get }
    /// The card asked for, the card in the reader and the PIN typed for it.
    var access: CardAndPIN { get }
    /// What the current step still needs before Next; nil when it may go on.
    var problem: UserMessage? { get }
    var canGoNext: Bool { get }
    var canGoBack: Bool { get }
    var isCancelling: Bool { get }
    /// Applies `change` to the PIN entry while the PIN step shows; an answer of the card that
    /// arrives after the user left the step changes nothing.
    mutating func updatePINOnItsStep(_ change: (inout PINEntry) -> Void)
    mutating func next()
    mutating func back()
    mutating func cancel()
}

/// What every card wizard derives the same way: the card and PIN, what happens to the PIN, and
/// where Back is possible.
extension CardWizard {
    public var cardRequest: CardRequest { access.request }
    public var card: CardPresence { access.card }
    public var pin: PINEntry { access.pin }

    /// Back from the card to the first step, and from the PIN to the card unless the card is
    /// checking the PIN; never once the work has started.
    public var canGoBack: Bool {
        switch stage {
        case .card: true
        case .pin: !pin.isChecking
        case .setup, .working, .finished: false
        }
    }

    /// The token's PIN state, read when the PIN step opens.
    public mutating func pinStatusRead(_ tries: PINStatus) {
        updatePINOnItsStep { $0.statusRead(tries) }
    }

    public mutating func pinSubmitted() {
        updatePINOnItsStep { $0.submitted() }
    }

    public mutating func pinRejected(_ tries: PINStatus) {
        updatePINOnItsStep { $0.rejected(tries) }
    }

    /// The PIN could not be checked for another reason than a wrong PIN.
    public mutating func pinFailed(_ message: UserMessage) {
        updatePINOnItsStep { $0.failed(message) }
    }
}
