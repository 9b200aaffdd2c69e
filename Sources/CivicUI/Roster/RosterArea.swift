import CGtk
import CivicCore
import CivicServices
import Foundation

/// The 連署名冊 area: the cases of the workspace (`RosterCasesView`), and in their place while
/// one is open the import or pack wizard or the record query. The workspace is opened, and read
/// again after every change, in the background (`RosterService`).
@MainActor
final class RosterArea: Area {
    let id = "roster"
    let title = tr("連署名冊")
    let iconName = "x-office-address-book-symbolic"
    var root: Widget { pages }

    private let services: AppServices
    private let cards: LiveCards
    private let session: SessionModel
    private let pages = Stack()
    private let casesView = RosterCasesView()
    private var service: RosterService?
    /// The page shown in place of the cases (a wizard or the records), kept alive while open.
    private var open: AnyObject?
    private var purgeDialog: MessageDialog?
    /// Batches opened from the file manager before the workspace was open: imported once it is.
    private var waitingFiles: [String] = []
    let fileExtensions = ["cec"]

    let needsOperator = true

    init(services: AppServices, cards: LiveCards, session: SessionModel) {
        self.services = services
        self.cards = cards
        self.session = session
        pages.add(casesView.root, name: "cases", title: title)
        pages.accessibleName(title)
        casesView.onImport = { [weak self] in self?.openImport() }
        casesView.onPack = { [weak self] caseId in self?.openPack(caseId) }
        casesView.onQuery = { [weak self] card in self?.openRecords(card) }
        casesView.onPurge = { [weak self] card in self?.askPurge(card) }
        session.observe { [weak self] session in
            self?.casesView.allow(session.allows)
            self?.openWaitingFiles()
        }
        openWorkspace()
    }

    func didAppear() {
        if open == nil { reload() }
    }

    private func openWorkspace() {
        let folders = services.folders
        MainThread.background({
            Result { try RosterService(folders: folders) }
        }, then: { [weak self] result in
            switch result {
            case .success(let service):
                self?.service = service
                self?.reload()
                self?.openWaitingFiles()
            case .failure(let error):
                self?.casesView.showFailure(RosterService.message(for: error))
            }
        })
    }

    /// Reads the cases again (after an import, a purge, or when the area is shown).
    private func reload() {
        guard let service else { return }
        MainThread.background({
            Result { try service.store.cases().map(RosterCaseCard.init) }
        }, then: { [weak self] result in
            switch result {
            case .success(let cases): self?.casesView.show(cases)
            case .failure(let error): self?.casesView.showFailure(RosterService.message(for: error))
            }
        })
    }

    // MARK: Pages in place of the cases

    private func show(_ page: Widget, name: String, keeping owner: AnyObject) {
        open = owner
        pages.add(page, name: name, title: name)
        pages.visibleName = name
    }

    /// Back to the cases, read again when `changed`.
    private func close(_ name: String, changed: Bool) {
        pages.visibleName = "cases"
        pages.remove(named: name)
        open = nil
        if changed { reload() }
    }

    /// `.cec` batches opened from the file manager or the command line: the import wizard with
    /// them ticked, or added to the import under way.
    func open(_ paths: [String]) {
        waitingFiles += paths
        openWaitingFiles()
    }

    /// Batches opened before the workspace and its office were read (the app's first start with
    /// a file), or while a registered office waits for a clerk to sign in, wait for that.
    private func openWaitingFiles() {
        let session = session.session
        guard !waitingFiles.isEmpty, service != nil, session.isSettled else { return }
        let paths = waitingFiles
        waitingFiles = []
        guard session.allows(.rosterImport) else {
            return root.showToast(tr("登入的經辦人沒有「匯入名冊」的權限（rosters.import），未開啟這些名冊檔。"))
        }
        switch open {
        case nil: openImport(choosing: paths)
        case let wizard as ImportWizardPage: wizard.addChosen(paths)
        default: root.showToast(tr("請先完成或取消目前的作業，再匯入名冊檔。"))
        }
    }

    private func openImport(choosing paths: [String] = []) {
        guard open == nil, let service, session.session.allows(.rosterImport) else { return }
        MainThread.background({
            Result { try service.loadTrust() }
        }, then: { [weak self] result in
            guard let self, self.open == nil else { return }
            switch result {
            case .success(let trust):
                let wizard = ImportWizardPage(service: service, trust: trust, cards: self.cards)
                wizard.onClose = { [weak self] changed in self?.close("import", changed: changed) }
                self.show(wizard.root, name: "import", keeping: wizard)
                wizard.addChosen(paths)
            case .failure(let error):
                self.tell(heading: tr("無法匯入名冊"), RosterService.message(for: error))
            }
        })
    }

    private func openPack(_ caseId: String) {
        guard open == nil, let service, session.session.allows(.rosterPack) else { return }
        let wizard = PackWizardPage(caseId: caseId, service: service, cards: cards)
        wizard.onClose = { [weak self] in self?.close("pack", changed: false) }
        show(wizard.root, name: "pack", keeping: wizard)
    }

    private func openRecords(_ card: RosterCaseCard) {
        guard open == nil, let service, session.session.allows(.rosterQuery) else { return }
        let records = RecordsPage(card: card, service: service)
        records.onClose = { [weak self] in self?.close("records", changed: false) }
        show(records.root, name: "records", keeping: records)
    }

    // MARK: Purge

    private func askPurge(_ card: RosterCaseCard) {
        guard purgeDialog == nil, session.session.allows(.rosterPurge) else { return }
        let dialog = MessageDialog(parent: root.rootWindow, heading: tr(card.purgeQuestion), body: tr(card.purgeExplanation),
                                   answers: [.init(id: "cancel", label: tr("取消")),
                                             .init(id: "purge", label: tr("確定清除"), kind: .destructive)],
                                   defaultAnswer: "cancel", closeAnswer: "cancel")
        dialog.onResponse { [weak self] answer in
            self?.purgeDialog = nil
            if answer == "purge" { self?.purge(card.caseId) }
        }
        purgeDialog = dialog
        dialog.present()
    }

    private func purge(_ caseId: String) {
        guard let service else { return }
        MainThread.background({
            Result { try service.purge(caseId: caseId) }
        }, then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success:
                self.root.showToast(String(format: tr("已清除案號 %@ 的個人資料。"), caseId))
            case .failure(let error):
                self.tell(heading: tr("無法清除個資"), RosterService.message(for: error))
            }
            self.reload()
        })
    }

    private func tell(heading: String, _ message: UserMessage) {
        let dialog = MessageDialog(parent: root.rootWindow, heading: heading, body: tr(message),
                                   answers: [.init(id: "ok", label: tr("確定"), kind: .suggested)],
                                   defaultAnswer: "ok", closeAnswer: "ok")
        dialog.present()
    }
}
