/// The walk every one-card wizard takes — its own first page, the card, the PIN, the work and
/// the last page — with the moves they all make the same way, so a wizard (打包送件檔, 陳核 …)
/// adds only what is its own: what its first page needs and what its work reports.
public struct CardWizardSteps: Sendable, Equatable {
    public private(set) var stage: CardWizardStage = .setup
    public private(set) var access: CardAndPIN
    /// Why the last attempt failed, shown on the first page the wizard returns to.
    public private(set) var failure: UserMessage?

    public init(request: CardRequest) {
        access = CardAndPIN(request: request)
    }

    /// What the current step still needs before Next; `setup` is what the first page lacks.
    func problem(setup: UserMessage?) -> UserMessage? {
        switch stage {
        case .setup: setup ?? failure
        case .card: access.cardProblem
        case .pin: access.pin.error
        case .working, .finished: nil
        }
    }

    func canGoNext(setupReady: Bool) -> Bool {
        switch stage {
        case .setup: setupReady
        case .card: access.cardProblem == nil
        case .pin, .working, .finished: false
        }
    }

    mutating func next(setupReady: Bool) {
        guard canGoNext(setupReady: setupReady) else { return }
        switch stage {
        case .setup:
            failure = nil
            stage = .card
        case .card: stage = .pin
        case .pin, .working, .finished: break
        }
    }

    /// Back from the card to the first page, and from the PIN (asked afresh) to the card.
    mutating func back() {
        switch stage {
        case .card: stage = .setup
        case .pin:
            guard !access.pin.isChecking else { return }
            access.updatePIN { $0.reset() }
            stage = .card
        case .setup, .working, .finished: break
        }
    }

    /// A card that can no longer serve while the PIN is asked sends the wizard back to the card.
    mutating func cardChanged(_ presence: CardPresence) {
        if access.cardChanged(presence, onPINStep: stage == .pin) { stage = .card }
    }

    mutating func updatePINOnItsStep(_ change: (inout PINEntry) -> Void) {
        if stage == .pin { access.updatePIN(change) }
    }

    /// The PIN was accepted: the work starts. False when the wizard was not on its PIN step.
    mutating func pinAccepted() -> Bool {
        guard stage == .pin else { return false }
        access.updatePIN { $0.accepted() }
        failure = nil
        stage = .working
        return true
    }

    /// The work completed. False when none was under way.
    mutating func workFinished() -> Bool {
        guard stage == .working else { return false }
        stage = .finished
        return true
    }

    /// The work failed or was cancelled: back to the first page saying why; the PIN is asked
    /// again. False when none was under way.
    mutating func workFailed(_ message: UserMessage) -> Bool {
        guard stage == .working else { return false }
        failure = message
        access.updatePIN { $0 = PINEntry() }
        stage = .setup
        return true
    }
}
