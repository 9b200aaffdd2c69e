import CGtk
import CivicCard
import CivicCore
import CivicCrypto
import CivicServices

/// 授權指派: a thin view over `ClerkAssignmentWizard` — the office's agency card and its
/// administrator's card (`OfficeCardViews`), then the 授權經辦人清單 with 新增, 修改 and
/// 刪除 (asked first in a message dialog), each change stored in the background with both proven
/// cards (`RegistryService`).
@MainActor
final class ClerkAssignmentPage {
    var root: Widget { frame.root }

    private let state = WizardState(ClerkAssignmentWizard())
    private var wizard: ClerkAssignmentWizard {
        get { state.value }
        set { state.value = newValue }
    }
    private let service: RegistryService
    private let cards: LiveCards
    private let frame = WizardFrame(title: tr("授權指派"), steps: [tr("機關憑證"), tr("管理者憑證"), tr("經辦人清單")])
    private let officeCards: OfficeCardViews
    private let office = Label("", wrap: true).xalign(0)
    private let notice = Notice(style: "success", icon: "emblem-ok-symbolic")
    private let listError = Notice(style: "error", icon: "dialog-error-symbolic")
    private let clerkRows = PreferencesGroup(title: tr("授權經辦人清單"))
    private let editor: ClerkEditorView
    private var provenAdministrator: ProvenRegistryCard?
    private var isSaving = false
    private var shown: ClerkAssignmentWizard.Step?

    init(service: RegistryService, trust: Result<TrustStore, Error>, cards: LiveCards) {
        self.service = service
        self.cards = cards
        let state = state
        frame.root.accessibleName(tr("授權指派"))
        officeCards = OfficeCardViews(state, in: frame, cards: cards, trust: trust)
        editor = ClerkEditorView(catalogue: try? service.catalogue)
        let addButton = Button(tr("新增")).accessibleName(tr("新增"))
        clerkRows.setHeaderSuffix(addButton)
        let list = Box(vertical: true, spacing: 18)
        list.append(office).append(notice.root).append(listError.root).append(clerkRows)
        frame.add(list, name: "list")
        frame.add(editor.root, name: "edit")

        officeCards.onChange = { [weak self] in self?.render() }
        officeCards.onAdministratorProven = { [weak self] agency, administrator in
            self?.administratorProven(administrator, agency: agency)
        }
        addButton.onClick { [weak self] in
            self?.wizard.add()
            self?.render()
        }
        editor.onChange = { [weak self] change in
            self?.wizard.updateEditor(change)
            self?.render()
        }
        editor.onReadCard = { [weak self] in self?.readClerkCard() }
        frame.nextButton.onClick { [weak self] in self?.next() }
        frame.backButton.onClick { [weak self] in
            self?.wizard.back()
            self?.render()
        }
        frame.cancelButton.onClick { [weak self] in self?.restart() }
        render()
    }

    private func administratorProven(_ proven: ProvenRegistryCard, agency: ProvenRegistryCard) {
        let (service, code) = (service, try? AgencyCode(wizard.agency.identifier))
        MainThread.background({
            Result { (try service.registeredOffice(agency: agency, administrator: proven, code: code), try service.clerks()) }
        }, then: { [weak self] found in
            guard let self else { return }
            switch found {
            case .success(let (office, clerks)):
                self.provenAdministrator = proven
                self.wizard.administratorProven(office: office, clerks: clerks)
            case .failure(let error):
                self.officeCards.administrator.refuse(UserMessage(describing: error))
            }
            self.render()
        })
    }

    /// 讀取憑證: the card in a reader, as read without a PIN.
    private func readClerkCard() {
        let contents = cards.page.readers.lazy.compactMap { reader -> CardContents? in
            if case .read(let reading) = reader.slot { reading.contents } else { nil }
        }.first
        wizard.updateEditor { $0.cardRead(contents) }
        render(fillEditor: true)
    }

    private func next() {
        switch wizard.step {
        case .agencyCard: officeCards.agency.confirm()
        case .administratorCard: officeCards.administrator.confirm()
        case .list: restart()
        case .edit(let form): save(form)
        case .confirmRemoval: break
        }
        render()
    }

    private func save(_ form: ClerkEditor) {
        guard !isSaving, case .success(let clerk) = form.clerk, let agency = officeCards.provenAgency, let administrator = provenAdministrator else { return }
        let service = service
        isSaving = true
        MainThread.background({
            Result { () throws -> [Clerk] in
                if let original = form.original {
                    _ = try service.changeClerk(serial: original.serial, newSerial: clerk.serial, name: clerk.name,
                                                permissions: clerk.permissions, agency: agency, administrator: administrator)
                } else {
                    try service.addClerk(clerk, agency: agency, administrator: administrator)
                }
                return try service.clerks()
            }
        }, then: { [weak self] result in self?.stored(result) })
    }

    private func confirmRemoval(_ clerk: Clerk) {
        let dialog = MessageDialog(parent: root.rootWindow, heading: tr("刪除確認"),
                                   body: String(format: tr("您確定刪除這筆資料？\n%@（憑證序號 %@）"), clerk.name, clerk.serial.hex),
                                   answers: [.init(id: "cancel", label: tr("取消")), .init(id: "remove", label: tr("刪除"), kind: .destructive)],
                                   defaultAnswer: "cancel", closeAnswer: "cancel")
        dialog.onResponse { [weak self] answer in
            guard let self else { return }
            guard answer == "remove", let agency = self.officeCards.provenAgency, let administrator = self.provenAdministrator else {
                self.wizard.back()
                return self.render()
            }
            let service = self.service
            self.isSaving = true
            MainThread.background({
                Result { () throws -> [Clerk] in
                    _ = try service.removeClerk(serial: clerk.serial, agency: agency, administrator: administrator)
                    return try service.clerks()
                }
            }, then: { [weak self] result in self?.stored(result) })
        }
        dialog.present()
    }

    private func stored(_ result: Result<[Clerk], Error>) {
        isSaving = false
        switch result {
        case .success(let clerks): wizard.changed(clerks: clerks)
        case .failure(let error):
            wizard.failed(UserMessage(describing: error))
            if case .confirmRemoval = wizard.step { wizard.back() }
        }
        render()
    }

    private func restart() {
        wizard = ClerkAssignmentWizard()
        officeCards.restart()
        provenAdministrator = nil
        render()
    }

    private func render(fillEditor: Bool = false) {
        let step = wizard.step
        switch step {
        case .agencyCard:
            frame.setNext(tr("確認"), enabled: officeCards.agency.canConfirm)
        case .administratorCard:
            frame.setNext(tr("確認"), enabled: officeCards.administrator.canConfirm)
        case .list, .confirmRemoval:
            renderList()
            frame.setNext(tr("完成"), enabled: true)
        case .edit(let form):
            editor.show(form, fill: fillEditor || shown != step)
            frame.setNext(tr("確定"), enabled: form.problem == nil && !isSaving)
        }
        frame.backButton.isVisible = step != .list && step != .agencyCard
        frame.cancelButton.isVisible = step != .list
        let page = Self.pageName(step)
        guard shown.map(Self.pageName) != page || shown == nil else {
            shown = step
            return
        }
        shown = step
        frame.show(page: page, step: Self.indicatorIndex(step))
        switch step {
        case .agencyCard:
            officeCards.agency.follow()
            officeCards.agency.focus()
        case .administratorCard:
            officeCards.administrator.follow()
            officeCards.administrator.focus()
        case .edit:
            editor.focus()
        case .list, .confirmRemoval:
            break
        }
    }

    private func renderList() {
        if let current = wizard.office {
            office.text = String(format: tr("機關代號：%@　機關名稱：%@　授權管理者：%@"), current.code.value, current.agency.name,
                                 current.administrator.certificate.name)
        }
        notice.show(wizard.notice.map(tr))
        listError.show(wizard.error.map(tr))
        clerkRows.removeAll()
        if let empty = wizard.emptyListMessage {
            clerkRows.add(ActionRow(title: tr(empty)))
        }
        let labels = Dictionary(((try? service.catalogue)?.actions ?? []).map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        for clerk in wizard.clerks {
            let permissions = clerk.permissions.keys.map { labels[$0.value] ?? $0.value }.joined(separator: "、")
            let row = ActionRow(title: clerk.name, subtitle: String(format: tr("憑證序號 %@ · 身分證統一編號 %@\n%@"), clerk.serial.hex,
                                                                     clerk.personalID.value, permissions))
            let change = Button(tr("修改")).accessibleName(String(format: tr("修改%@"), clerk.name)).align(vertical: GTK_ALIGN_CENTER)
            let remove = Button(tr("刪除")).accessibleName(String(format: tr("刪除%@"), clerk.name)).style("destructive-action")
                .align(vertical: GTK_ALIGN_CENTER)
            change.onClick { [weak self] in
                self?.wizard.change(clerk)
                self?.render()
            }
            remove.onClick { [weak self] in
                self?.wizard.remove(clerk)
                self?.render()
                self?.confirmRemoval(clerk)
            }
            row.addSuffix(change).addSuffix(remove)
            clerkRows.add(row)
        }
    }

    private static func pageName(_ step: ClerkAssignmentWizard.Step) -> String {
        switch step {
        case .agencyCard: "agency"
        case .administratorCard: "administrator"
        case .list, .confirmRemoval: "list"
        case .edit: "edit"
        }
    }

    private static func indicatorIndex(_ step: ClerkAssignmentWizard.Step) -> Int {
        switch step {
        case .agencyCard: 0
        case .administratorCard: 1
        case .list, .edit, .confirmRemoval: 2
        }
    }
}
