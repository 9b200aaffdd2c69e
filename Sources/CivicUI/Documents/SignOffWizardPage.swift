import CGtk
import CivicCard
import CivicCore
import CivicServices

/// 陳核, 核稿, 決行 or 發文 on a saved letter: a thin view over `SignOffWizard` through the app's
/// one card/PIN flow (`CardWizardPage`) — what the step does, the signer's 自然人憑證, the PIN,
/// and `DocumentService.sign` in the background, which signs the letter's exact XML on the card.
@MainActor
final class SignOffWizardPage: CardWizardPage<SignOffWizard, Bool> {
    /// Closed; true when the step was signed.
    var onClose: (@MainActor (Bool) -> Void)?

    private let service: DocumentService
    private let intro = Label(wrap: true).xalign(0)
    private let failure = Notice(style: "error", icon: "dialog-error-symbolic")
    private let done = StatusPage(iconName: "emblem-ok-symbolic", title: "")

    init(letterID: String, subject: String, step: SignOffStep, service: DocumentService, cards: LiveCards) {
        self.service = service
        let wizard = SignOffWizard(letterID: letterID, step: step)
        super.init(wizard, title: tr(wizard.title),
                   steps: [tr("確認"), tr("插入卡片"), tr("輸入 PIN 碼"), tr("簽章"), tr("完成")],
                   startLabel: String(format: tr("簽章並%@"), tr(step.label)),
                   pinPurpose: tr(wizard.explanation),
                   progress: (tr("正在以卡片簽章…"), tr("簽章完成前請勿取出卡片。")),
                   cards: cards) { _ in { _ in true } }
        let setup = Box(vertical: true, spacing: 18)
        let letter = PreferencesGroup()
        letter.add(ActionRow(title: tr("主旨"), subtitle: subject))
        letter.add(ActionRow(title: tr("簽核步驟"), subtitle: tr(step.label)))
        setup.append(Label(tr(wizard.title)).xalign(0).style("title-3")).append(intro).append(letter).append(failure.root)
        intro.text = tr(wizard.explanation)
        frame.add(setup, name: "setup")
        frame.add(done, name: "finished", wide: true)
        render()
    }

    override func applyCard() {
        wizard.cardChanged(finder.presence)
    }

    override func start(_ found: Found, login: TokenLogin?) {
        guard let login else { return }
        let (service, id, step, card) = (service, wizard.letterID, wizard.signOffStep, found.card)
        MainThread.background({
            Result { () throws -> (SignOffState, String?) in
                let stored = try service.sign(id, step: step, card: card, login: login, trust: try service.loadTrust())
                return (stored.progress.state, step == .dispatch ? stored.letter.number?.text : nil)
            }
        }, then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let (state, number)): self.wizard.signed(state: state, number: number)
            case .failure(let error): self.wizard.signFailed(UserMessage(describing: error))
            }
            self.render()
        })
    }

    override func close() {
        onClose?(wizard.step == .finished)
    }

    override func renderSetup() {
        failure.show(wizard.failure.map(tr))
        frame.setNext(tr("下一步"), enabled: wizard.canGoNext)
    }

    override func renderWorking() {
        progressStep.show(current: tr(wizard.title), fraction: nil, figures: "", cancelling: false)
    }

    override func renderFinished(firstTime: Bool) {
        guard firstTime else { return }
        done.title = String(format: tr("已%@"), tr(wizard.reached?.label ?? wizard.signOffStep.to.label))
        done.details = Markup.escape(tr(wizard.outcome))
    }
}
