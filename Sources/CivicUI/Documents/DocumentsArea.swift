import CGtk
import CivicCore
import CivicServices
import CivicStore
import Foundation

/// The 公文製作 area: the three lists (`DocumentListsView`), and in their place while one is open
/// the new-letter wizard, a saved letter, or the sign-off of one of its steps. The workspace's
/// letters are read, and written, in the background through `DocumentService`. With a
/// registered office the lists are the signed-in clerk's, and what the clerk may not do is
/// disabled (`OperatorSession.refusal`); without one, one person does everything.
@MainActor
final class DocumentsArea: Area {
    let id = "documents"
    let title = tr("公文製作")
    let iconName = "x-office-document-symbolic"
    let fileExtensions = ["di"]
    let needsOperator = true
    var root: Widget { pages }

    private let services: AppServices
    private let cards: LiveCards
    private let session: SessionModel
    private let pages = Stack()
    private let lists = DocumentListsView()
    private var service: DocumentService?
    /// The page shown in place of the lists, kept alive while open.
    private var open: AnyObject?
    private var openName: String?
    /// A DI file opened from the file manager before the workspace was open: imported once it is.
    private var pendingImport: String?

    init(services: AppServices, cards: LiveCards, session: SessionModel) {
        self.services = services
        self.cards = cards
        self.session = session
        pages.add(lists.root, name: "lists", title: title)
        pages.accessibleName(title)
        lists.onNew = { [weak self] in self?.openNewLetter() }
        lists.onImport = { [weak self] in self?.chooseImport() }
        lists.onOpen = { [weak self] id in self?.openLetter(id) }
        session.observe { [weak self] session in self?.sessionChanged(session) }
    }

    /// Another clerk signed in, or out, or the office was registered: what is enabled, and whose
    /// lists show, follow.
    private func sessionChanged(_ session: OperatorSession) {
        lists.allowDrafting(session.refusal(.documentsDraft))
        (open as? LetterPage)?.allow(session.refusal)
        if open == nil { reload() }
        importPending()
    }

    /// The workspace is opened when the area is first shown, after the roster area (shown
    /// first) has opened it: two first openings of a new workspace at once may both try to
    /// create its tables, so a failed opening is tried once more.
    func didAppear() {
        if service == nil { openWorkspace(retry: true) } else if open == nil { reload() }
    }

    private func openWorkspace(retry: Bool) {
        guard !opening else { return }
        opening = true
        let folders = services.folders
        MainThread.background({
            Result { try DocumentService(folders: folders) }
        }, then: { [weak self] result in
            self?.opening = false
            switch result {
            case .success(let service):
                self?.service = service
                self?.reload()
                self?.importPending()
            case .failure(let error):
                if retry { self?.openWorkspace(retry: false) } else { self?.lists.showFailure(UserMessage(describing: error)) }
            }
        })
    }

    private var opening = false

    private func reload() {
        guard let service else { return }
        let current = session.session
        guard !current.needsSignIn else { return lists.show([:]) }
        let viewer = current.documentViewer
        MainThread.background({
            Result {
                try Dictionary(uniqueKeysWithValues: DocumentBox.allCases.map {
                    ($0, try service.rows($0, actor: viewer?.actor, authority: viewer?.authority ?? .solo))
                })
            }
        }, then: { [weak self] result in
            switch result {
            case .success(let rows): self?.lists.show(rows)
            case .failure(let error): self?.lists.showFailure(UserMessage(describing: error))
            }
        })
    }

    // MARK: Pages in place of the lists

    private func show(_ page: Widget, name: String, keeping owner: AnyObject) {
        if let openName { pages.remove(named: openName) }
        open = owner
        openName = name
        pages.add(page, name: name, title: name)
        pages.visibleName = name
    }

    private func close() {
        pages.visibleName = "lists"
        if let openName { pages.remove(named: openName) }
        open = nil
        openName = nil
        reload()
    }

    private func openNewLetter() {
        guard open == nil, let service, session.session.refusal(.documentsDraft) == nil else { return }
        let drafter = session.session.clerk?.serial.hex ?? ""
        MainThread.background({
            Result { try service.templateNames().map { LetterTemplate(name: $0, letter: try service.letter(fromTemplate: $0)) } }
        }, then: { [weak self] result in
            guard let self, self.open == nil else { return }
            switch result {
            case .success(let templates):
                let wizard = NewLetterWizardPage(templates: templates, service: service, drafter: drafter)
                wizard.onClose = { [weak self] id in
                    if let id { self?.openLetter(id) } else { self?.close() }
                }
                self.show(wizard.root, name: "new", keeping: wizard)
            case .failure(let error):
                self.tell(heading: tr("無法讀取範本"), UserMessage(describing: error))
            }
        })
    }

    private func openLetter(_ id: String) {
        guard let service else { return }
        MainThread.background({
            Result { try service.stored(id) }
        }, then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let stored):
                let page = LetterPage(stored)
                page.onClose = { [weak self] in self?.close() }
                page.onSign = { [weak self] step in self?.openSignOff(stored, step: step) }
                page.allow(self.session.session.refusal)
                self.show(page.root, name: "letter-\(id)-\(stored.progress.history.count)", keeping: page)
            case .failure(let error):
                self.tell(heading: tr("無法開啟公文"), UserMessage(describing: error))
            }
        })
    }

    private func openSignOff(_ stored: StoredLetter, step: SignOffStep) {
        guard let service, session.session.refusal(step) == nil else { return }
        let wizard = SignOffWizardPage(letterID: stored.id, subject: stored.letter.subject, step: step, service: service, cards: cards)
        wizard.onClose = { [weak self] _ in self?.openLetter(stored.id) }
        show(wizard.root, name: "sign", keeping: wizard)
    }

    // MARK: Import

    private func chooseImport() {
        guard open == nil, service != nil, session.session.refusal(.documentsDraft) == nil else { return }
        FileChooser.openFiles(parent: root.rootWindow, title: tr("匯入公文交換檔"), filterName: tr("公文交換檔（.di）"),
                              patterns: ["*.di", "*.DI"], startIn: services.folders.downloads.path, multiple: false) { [weak self] paths in
            if let path = paths.first { self?.importLetter(path) }
        }
    }

    /// A `.di` letter opened from the file manager (or `civicdesk FILE`): imported and opened.
    func open(_ paths: [String]) {
        guard let path = paths.first else { return }
        pendingImport = path
        importPending()
    }

    /// A letter opened before the workspace and its office were read (the app's first start with
    /// a file), or while a registered office waits for a clerk to sign in, waits for that.
    private func importPending() {
        let session = session.session
        guard let path = pendingImport, service != nil, session.isSettled else { return }
        pendingImport = nil
        importLetter(path)
    }

    private func importLetter(_ path: String) {
        guard let service else { return }
        if let refusal = session.session.refusal(.documentsDraft) {
            return tell(heading: tr("無法匯入公文交換檔"), refusal)
        }
        MainThread.background({
            Result { try service.importLetter(URL(fileURLWithPath: path), trust: try? service.loadTrust()) }
        }, then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let imported):
                let kept = imported.kept.count
                if let note = imported.alreadyThereMessage {
                    self.root.showToast(tr(note))
                } else {
                    self.root.showToast(kept == 0 ? tr("已匯入公文。")
                                                  : String(format: tr("已匯入公文；另保留 %d 個 CivicDesk 沒有欄位的元素。"), kept))
                }
                self.openLetter(imported.letter.id)
            case .failure(let error):
                self.tell(heading: tr("無法匯入公文交換檔"), UserMessage(describing: error))
            }
        })
    }

    private func tell(heading: String, _ message: UserMessage) {
        let dialog = MessageDialog(parent: root.rootWindow, heading: heading, body: tr(message),
                                   answers: [.init(id: "ok", label: tr("確定"), kind: .suggested)],
                                   defaultAnswer: "ok", closeAnswer: "ok")
        dialog.present()
    }
}
