import CGtk
import CivicCard
import CivicCore
import CivicCrypto
import CivicServices

/// One 憑證確認畫面 of the registry wizards, a thin view over a `RegistryCardStep` kept in its
/// wizard: the shared card step (`CardFinder` for the step's `CardRequest`, `CardStepView`), the
/// 機關代號 or 身分證統一編號 beside it, and the shared PIN step with its tries left. 確認 checks the
/// PIN on the card, then proves the card (`RegistryCardProof`: challenge signed and verified) in the
/// background and hands the `ProvenRegistryCard` to the wizard.
@MainActor
final class RegistryCardView {
    let root = Box(vertical: true, spacing: 18)
    /// The proven card; the wizard goes on.
    var onProven: (@MainActor (ProvenRegistryCard) -> Void)?
    /// Something the page's main button depends on changed.
    var onChange: (@MainActor () -> Void)?

    private let finder: CardFinder<CertificateInfo>
    private let cardStep: CardStepView
    private let pinStep: PINStepView
    private let identifier: EntryRow
    private let error = Notice(style: "error", icon: "dialog-error-symbolic")
    private let step: () -> RegistryCardStep
    private let update: ((inout RegistryCardStep) -> Void) -> Void
    private let trust: Result<TrustStore, Error>
    /// The page's button that proves the card (確認, or 登入 on the sign-in page), as the texts name it.
    private let confirmLabel: String

    /// The card step at `path` of the wizard held in `state`: this view reads it from there and
    /// changes it in place; `confirmLabel` names the page's button that proves the card.
    init<Model>(_ state: WizardState<Model>, _ path: WritableKeyPath<Model, RegistryCardStep>, cards: LiveCards,
                trust: Result<TrustStore, Error>, confirmLabel: String = tr("確認")) {
        step = { state.value[keyPath: path] }
        update = { change in change(&state.value[keyPath: path]) }
        self.trust = trust
        self.confirmLabel = confirmLabel
        let initial = state.value[keyPath: path]
        let request = initial.role == .agency ? CardRequest.agency : CardRequest.naturalPerson(whose: initial.holder.whose)
        finder = CardFinder(cards: cards, request: request)
        cardStep = CardStepView(request: request)
        pinStep = PINStepView(purpose: String(format: tr("按「%@」後，卡片在 CivicDesk 產生的隨機挑戰值上簽章，以證明持卡人在場；簽章與憑證鏈都會驗證。"),
                                              confirmLabel))
        identifier = EntryRow(title: tr(initial.identifierLabel))
        let fields = PreferencesGroup()
        fields.add(identifier)
        root.append(Label(tr(initial.title)).xalign(0).style("title-3"))
            .append(Label(tr(initial.instruction), wrap: true).xalign(0))
            .append(cardStep.root.style("compact").size(width: -1, height: 280))
        if initial.asksIdentifier { root.append(fields) }
        root.append(pinStep.root).append(error.root)
        identifier.onChanged { [weak self] in
            guard let self else { return }
            let text = self.identifier.text
            self.update { $0.identifier = text }
            self.render()
        }
        identifier.onActivate { [weak self] in self?.pinStep.focus() }
        pinStep.onSubmit = { [weak self] in self?.confirm() }
        pinStep.onTyped = { [weak self] in self?.render() }
        finder.onChange = { [weak self] in self?.cardChanged() }
    }

    /// Follows the readers from now on (the step is shown); the field shows the step's
    /// identifier again (a step gone back to starts afresh).
    func follow() {
        if identifier.text != step().identifier { identifier.text = step().identifier }
        let trust = trust
        let role = step().role
        finder.follow { card in try RegistryCardProof.certificate(on: card, as: role, trust: trust.get()) }
    }

    /// 確認 may be pressed.
    var canConfirm: Bool {
        finder.found != nil && step().canConfirm(pinLength: pinStep.field.textLength)
    }

    /// 確認: the PIN, then the challenge.
    func confirm() {
        guard canConfirm, let found = finder.found else { return }
        update { $0.pinSubmitted() }
        render()
        let (role, certificate) = (step().role, found.prepared)
        pinStep.check(with: found.card) { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let login):
                let trust = self.trust
                MainThread.background({
                    Result { try RegistryCardProof.prove(certificate, on: found.card, as: role, login: login, trust: trust.get()) }
                }, then: { [weak self] proof in
                    guard let self else { return }
                    switch proof {
                    case .success(let proven):
                        self.onProven?(proven)
                    case .failure(let problem):
                        self.update { $0.refused(UserMessage(describing: problem)) }
                        self.render()
                    }
                })
            case .failure(let failure):
                self.update { $0.failed(failure) }
                self.render()
                self.pinStep.focus()
            }
        }
    }

    /// The wizard's refusal after the proof (not the registered card …), shown on this step.
    func refuse(_ message: UserMessage) {
        update { $0.refused(message) }
        render()
    }

    private func cardChanged() {
        let (presence, found) = (finder.presence, finder.found)
        update { step in
            step.cardFound(presence, certificate: found?.prepared)
            if let found { step.pinStatusRead(found.pinStatus) }
        }
        render()
    }

    func render() {
        let current = step()
        cardStep.show(finder.presence, problem: nil, nextLabel: confirmLabel)
        pinStep.show(current.pin, cardName: finder.found?.name ?? tr(current.role == .agency ? "機關憑證" : "自然人憑證"))
        identifier.setError(!current.identifier.isEmpty && current.identifierProblem != nil)
        error.show((current.error ?? (current.identifier.isEmpty ? nil : current.identifierProblem)).map(tr))
        onChange?()
    }

    /// Puts the cursor where typing starts.
    func focus() {
        if step().asksIdentifier && step().identifier.isEmpty { identifier.grabFocus() } else { pinStep.focus() }
    }
}
