/// Where a roster wizard is, in the terms both share: its own first step, the card, the PIN,
/// the work under way, and the last page. The window's wizard frame is one piece for both
/// wizards because of this.
public enum CardWizardStage: Sendable, Equatable {
    case setup, card, pin, working, finished
}

/// What the import and pack wizards share: steps that go through the card and the PIN to work
/// that can be cancelled, so one window piece drives the card, PIN and progress steps of both.
public protocol CardWizard: PINChecking, Sendable {
    associatedtype Step: Equatable & CaseIterable & Sendable
    var step: Step { get }
    var stage: CardWizardStage { get }
    var card: CardPresence { get }
    var pin: PINEntry { get }
    /// What the current step still needs before Next; nil when it may go on.
    var problem: UserMessage? { get }
    var canGoNext: Bool { get }
    var canGoBack: Bool { get }
    var isCancelling: Bool { get }
    mutating func pinStatusRead(_ tries: PINStatus)
    mutating func pinSubmitted()
    mutating func next()
    mutating func back()
    mutating func cancel()
}

extension RosterImportWizard: CardWizard {
    public var stage: CardWizardStage {
        switch step {
        case .chooseFiles: .setup
        case .card: .card
        case .pin: .pin
        case .progress: .working
        case .summary: .finished
        }
    }
}

extension RosterPackWizard: CardWizard {
    public var stage: CardWizardStage {
        switch step {
        case .options: .setup
        case .card: .card
        case .pin: .pin
        case .progress: .working
        case .done: .finished
        }
    }
}
