import CGtk
import CivicCard
import CivicCore
import CivicServices

/// The part every card wizard shares (the roster's import and pack among them), over Core's
/// `CardWizard`: the frame with its buttons, the card step following the live readers for the
/// wizard's `CardRequest` (`CardFinder`, which prepares what the work needs from the card), the PIN step checking the PIN in the background, the progress step
/// with its cancel. A wizard adds its first and last pages and the work itself by overriding
/// the methods marked so; each page stays a thin view over its wizard.
@MainActor
class CardWizardPage<Wizard: CardWizard, Prepared: Sendable> {
    typealias Found = CardFinder<Prepared>.Found

    var root: Widget { frame.root }
    var wizard: Wizard
    let frame: WizardFrame
    let finder: CardFinder<Prepared>
    let progressStep: ProgressStepView
    /// The work under way, which 取消 stops.
    var control: OperationControl?
    private let cardStep: CardStepView
    private let pinStep: PINStepView
    private let startLabel: String
    private let preparation: Preparation
    private var shownStep: Wizard.Step?

    /// How the card is prepared for the work (in the background, once found), as the wizard
    /// stands when its first step is left.
    typealias Preparation = @MainActor (Wizard) -> @Sendable (OperationCard) throws -> Prepared

    /// `steps` name the frame's row; `startLabel` is the PIN step's button (開始解密).
    init(_ wizard: Wizard, title: String, steps: [String], startLabel: String, pinPurpose: String,
         progress: (title: String, note: String), cards: LiveCards, preparation: @escaping Preparation) {
        self.wizard = wizard
        self.startLabel = startLabel
        self.preparation = preparation
        frame = WizardFrame(title: title, steps: steps)
        finder = CardFinder(cards: cards, request: wizard.cardRequest)
        cardStep = CardStepView(request: wizard.cardRequest)
        pinStep = PINStepView(purpose: pinPurpose)
        progressStep = ProgressStepView(title: progress.title, note: progress.note)
        frame.root.accessibleName(title)
        frame.add(cardStep.root, name: "card", wide: true)
        frame.add(pinStep.root, name: "pin")
        frame.add(progressStep.root, name: "working")
        finder.onChange = { [weak self] in self?.cardChanged() }
        pinStep.onSubmit = { [weak self] in self?.submitPIN() }
        pinStep.onTyped = { [weak self] in self?.render() }
        frame.nextButton.onClick { [weak self] in self?.next() }
        frame.backButton.onClick { [weak self] in
            self?.wizard.back()
            self?.render()
        }
        frame.cancelButton.onClick { [weak self] in self?.cancel() }
    }

    // MARK: What a wizard adds (overridden)

    /// Tells the wizard what the reader holds now (`finder`).
    func applyCard() {}

    /// Starts the work after the PIN (`login` nil when none was needed).
    func start(_ found: Found, login: TokenLogin?) {}

    /// The wizard closed (完成, or 取消 outside the work).
    func close() {}

    /// The first step's page and main button.
    func renderSetup() {}

    /// The progress step's figures.
    func renderWorking() {}

    /// The last page; `firstTime` when it was just reached.
    func renderFinished(firstTime: Bool) {}

    /// The card step's heading when the card asked for is in but the wizard's first step does not
    /// fit it (the roster import: files not encrypted for it).
    func cardProblemTitle(holder: String) -> String {
        String(format: tr("%@的卡片不能用於這項作業"), holder)
    }

    // MARK: The shared steps

    private func cardChanged() {
        applyCard()
        if wizard.stage == .pin, let found = finder.found { wizard.pinStatusRead(found.pinStatus) }
        render()
    }

    private func submitPIN() {
        guard wizard.stage == .pin, let found = finder.found, pinStep.canSubmit(wizard.pin) else { return }
        wizard.pinSubmitted()
        render()
        pinStep.check(with: found.card) { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let login):
                self.wizard.pinChecked(nil)
                self.start(found, login: login)
            case .failure(let error):
                self.wizard.pinChecked(error)
            }
            self.render()
            if self.wizard.stage == .pin { self.pinStep.focus() }
        }
    }

    private func next() {
        switch wizard.stage {
        case .setup:
            wizard.next()
            finder.follow(preparing: preparation(wizard))
        case .card:
            wizard.next()
            if wizard.stage == .pin, let found = finder.found { wizard.pinStatusRead(found.pinStatus) }
            if wizard.stage == .working, let found = finder.found { start(found, login: nil) }
        case .pin:
            submitPIN()
        case .working:
            break
        case .finished:
            close()
        }
        render()
    }

    private func cancel() {
        if wizard.stage == .working {
            wizard.cancel()
            control?.cancel()
            render()
        } else {
            close()
        }
    }

    func render() {
        let stage = wizard.stage
        switch stage {
        case .setup:
            renderSetup()
        case .card:
            cardStep.show(wizard.card, problem: wizard.problem.map { (cardProblemTitle, $0) }, nextLabel: tr("下一步"))
            frame.setNext(tr("下一步"), enabled: wizard.canGoNext && finder.found != nil)
        case .pin:
            pinStep.show(wizard.pin, cardName: finder.found?.name ?? "")
            frame.setNext(startLabel, enabled: pinStep.canSubmit(wizard.pin))
        case .working:
            renderWorking()
            frame.setNext("", enabled: false, visible: false)
        case .finished:
            renderFinished(firstTime: shownStep != wizard.step)
            frame.setNext(tr("完成"), enabled: true)
        }
        frame.backButton.isVisible = stage == .card || stage == .pin
        frame.backButton.isSensitive = wizard.canGoBack
        frame.cancelButton.isVisible = stage != .finished
        frame.cancelButton.isSensitive = !(stage == .working && wizard.isCancelling) && !wizard.pin.isChecking
        guard wizard.step != shownStep else { return }
        shownStep = wizard.step
        frame.show(page: Self.pageName(stage), step: Array(Wizard.Step.allCases).firstIndex(of: wizard.step) ?? 0)
        if stage == .pin { pinStep.focus() }
    }

    /// The frame's page of each stage; a wizard adds "setup" and "finished".
    private static func pageName(_ stage: CardWizardStage) -> String {
        switch stage {
        case .setup: "setup"
        case .card: "card"
        case .pin: "pin"
        case .working: "working"
        case .finished: "finished"
        }
    }
}
