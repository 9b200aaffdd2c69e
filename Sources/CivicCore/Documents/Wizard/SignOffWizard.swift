/// The sign-off of one saved letter in the window (陳核, 核稿, 決行 or 發文): the step and letter
/// confirmed → the signer's 自然人憑證 → PIN → signing → done, over the app's one card/PIN flow.
/// The card signs the exact XML of the letter as it stands (the service does that); this keeps
/// what the page shows.
public struct SignOffWizard: Sendable, Equatable {
    public let letterID: String
    public let signOffStep: SignOffStep
    /// Where the wizard is: confirm (`.setup`), card, PIN, signing (`.working`), done (`.finished`).
    public private(set) var steps = CardWizardSteps(request: .documentSigner)
    /// Where the letter stands after the step, on the last page.
    public private(set) var reached: SignOffState?
    /// The 發文字號 taken at 發文, on the last page.
    public private(set) var number: String?

    public init(letterID: String, step: SignOffStep) {
        self.letterID = letterID
        signOffStep = step
    }

    /// The wizard's title: 陳核公文, 決行公文….
    public var title: UserMessage {
        UserMessage(zh: "\(signOffStep.label.zh)公文", en: "\(signOffStep.label.en) the letter")
    }

    /// What the first page says the card will sign.
    public var explanation: UserMessage {
        switch signOffStep {
        case .dispatch:
            UserMessage(zh: "發文時取得發文字號並以今天為發文日期，再以您的自然人憑證簽署公文的內容。",
                        en: "Dispatch numbers and dates the letter today, then signs its content with your citizen certificate card.")
        default:
            UserMessage(zh: "以您的自然人憑證簽署公文目前的內容，作為「\(signOffStep.label.zh)」的紀錄。決行之後公文內容不能再修改。",
                        en: "Your citizen certificate card signs the letter as it now reads, as the record of \(signOffStep.label.en). "
                            + "After approval the text can no longer change.")
        }
    }

    // MARK: Card and PIN

    public mutating func cardChanged(_ presence: CardPresence) {
        steps.cardChanged(presence)
    }

    public mutating func updatePINOnItsStep(_ change: (inout PINEntry) -> Void) {
        steps.updatePINOnItsStep(change)
    }

    public mutating func pinAccepted() {
        _ = steps.pinAccepted()
    }

    // MARK: Signing

    public mutating func signed(state: SignOffState, number: String?) {
        guard steps.workFinished() else { return }
        reached = state
        self.number = number
    }

    /// Signing was refused or failed: back to the first page, saying why; the PIN is asked again.
    public mutating func signFailed(_ message: UserMessage) {
        _ = steps.workFailed(message)
    }

    /// Signing cannot be stopped half-way: the step is recorded whole or not at all.
    public var isCancelling: Bool { false }

    public mutating func cancel() {}

    /// The last page's words: 已決行。 / 已發文，發文字號 議秘字第1150000001號。
    public var outcome: UserMessage {
        let label = reached?.label ?? signOffStep.to.label
        if let number {
            return UserMessage(zh: "已\(label.zh)，發文字號 \(number)。", en: "\(label.en); number \(number).")
        }
        return UserMessage(zh: "已\(label.zh)，簽章已記錄在公文的簽核歷程。", en: "\(label.en); the signature is kept in the letter's history.")
    }

    // MARK: Moving between steps

    public var problem: UserMessage? { steps.problem(setup: nil) }
    public var canGoNext: Bool { steps.canGoNext(setupReady: true) }
    public mutating func next() { steps.next(setupReady: true) }
    public mutating func back() { steps.back() }
}

extension SignOffWizard: CardWizard {
    public var step: CardWizardStage { steps.stage }
    public var stage: CardWizardStage { steps.stage }
    public var access: CardAndPIN { steps.access }
    public var failure: UserMessage? { steps.failure }
}

extension CardRequest {
    /// The signer's own 自然人憑證, whose signing certificate signs each sign-off step.
    public static let documentSigner = CardRequest.naturalPerson(
        whose: UserMessage(zh: "簽核人的", en: "signer's"), certificate: .signature,
        otherKind: UserMessage(
            zh: "這是機關或團體憑證，不是自然人憑證。公文的陳核、核稿、決行與發文要以簽核人本人的自然人憑證簽章，請改插該卡。",
            en: "This is an agency or organisation card, not a citizen digital certificate. Each sign-off step is signed with "
                + "the signer's own citizen certificate card; insert that card instead."))
}
