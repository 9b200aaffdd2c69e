import CGtk
import CivicCore
import CivicCrypto
import CivicServices

/// 登入: shown in place of an area that changes data while the workspace's office has nobody
/// signed in. The registry's card step (`RegistryCardView`, `RegistryCardStep.signIn`) proves a
/// clerk's 自然人憑證 — PIN with its tries left, challenge signed and verified — and the service
/// finds the clerk it belongs to; the session then holds them.
@MainActor
final class SignInPage {
    let root = Box(vertical: true)
    private let session: SessionModel
    private let cards: LiveCards
    private let folders: CivicDeskFolders
    private var opened: (service: RegistryService, trust: Result<TrustStore, Error>)?
    private var cardView: RegistryCardView?
    private var content: Widget?

    init(session: SessionModel, services: AppServices, cards: LiveCards) {
        self.session = session
        self.cards = cards
        folders = services.folders
        root.expand(horizontally: true, vertically: true).accessibleName(tr("登入"))
    }

    /// A fresh card step, following the readers (the page is shown).
    func start() {
        guard let opened else { return open() }
        let state = WizardState(RegistryCardStep.signIn)
        let view = RegistryCardView(state, \.self, cards: cards, trust: opened.trust, confirmLabel: tr("登入"))
        view.onProven = { [weak self, weak view] proven in
            guard let self, let view else { return }
            self.signIn(proven, service: opened.service, view: view)
        }
        let confirm = Button(tr("登入"), iconName: "system-lock-screen-symbolic").style("suggested-action").align(horizontal: GTK_ALIGN_END)
        confirm.onClick { [weak view] in view?.confirm() }
        view.onChange = { [weak view, weak confirm] in confirm?.isSensitive = view?.canConfirm ?? false }
        let column = Box(vertical: true, spacing: 18).margins(top: 24, bottom: 36, start: 12, end: 12)
        column.append(Label(tr("登入")).xalign(0).style("title-2")).append(view.root).append(confirm)
        show(ScrolledWindow(Clamp(column, maximumWidth: 720)))
        cardView = view
        view.render()
        view.follow()
        view.focus()
    }

    private func open() {
        let folders = folders
        MainThread.background({
            Result { () throws -> (RegistryService, Result<TrustStore, Error>) in
                let service = try RegistryService(folders: folders)
                return (service, Result { try service.loadTrust() })
            }
        }, then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let opened):
                self.opened = opened
                self.start()
            case .failure(let error):
                self.show(StatusPage(iconName: "dialog-error-symbolic", title: tr("無法開啟工作區"),
                                     description: Markup.escape(tr(UserMessage(describing: error)))))
            }
        })
    }

    private func signIn(_ proven: ProvenRegistryCard, service: RegistryService, view: RegistryCardView) {
        MainThread.background({
            Result { try service.signIn(proven) }
        }, then: { [weak self, weak view] result in
            switch result {
            case .success(let clerk): self?.session.change { $0.signedIn(clerk) }
            case .failure(let error): view?.refuse(UserMessage(describing: error))
            }
        })
    }

    private func show(_ page: Widget) {
        if let content { root.remove(content) }
        root.append(page.expand(horizontally: true, vertically: true))
        content = page
    }
}
