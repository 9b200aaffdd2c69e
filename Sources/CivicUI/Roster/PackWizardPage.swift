import CGtk
import CivicCard
import CivicCore
import CivicServices
import Foundation

/// 打包送件檔: the pack wizard, a thin view over `RosterPackWizard` — the output folder and full
/// or masked IDs in the spreadsheet, the card (the case checked packable on the way) and the PIN
/// (`CardWizardPage`), packing in the background (`RosterService.pack`) with a bar and a cancel,
/// and the done page with 開啟資料夾 and what each file is for.
@MainActor
final class PackWizardPage: CardWizardPage<RosterPackWizard, RosterCase> {
    var onClose: (@MainActor () -> Void)?

    private let service: RosterService
    private let options = PackOptionsStep()
    private let done = StatusPage(iconName: "emblem-ok-symbolic", title: tr("打包完成"))
    private var remembered = RememberedFolders.load()

    init(caseId: String, service: RosterService, cards: LiveCards) {
        self.service = service
        super.init(RosterPackWizard(caseId: caseId, documentsFolder: service.folders.documents.path), title: tr("打包送件檔"),
                   steps: [tr("輸出設定"), tr("插入卡片"), tr("輸入 PIN 碼"), tr("打包"), tr("完成")],
                   startLabel: tr("開始打包"),
                   pinPurpose: tr("按「開始打包」後，CivicDesk 寫出送件用的 zip 檔與試算表，並以卡片的簽章憑證簽署清單。"),
                   progress: (tr("正在打包…"), tr("按「取消」時不會留下寫到一半的檔案；資料夾裡先前的檔案保持原樣。")),
                   cards: cards) { _ in { _ in try service.packableCase(caseId) } }
        frame.add(options.root, name: "setup")
        frame.add(done, name: "finished", wide: true)
        options.onChooseFolder = { [weak self] in self?.chooseFolder() }
        options.onFullIDs = { [weak self] full in
            self?.wizard.setFullIDs(full)
            self?.render()
        }
        choose(folder: remembered.packInto[caseId] ?? wizard.folder)
        render()
    }

    // MARK: Options

    private func chooseFolder() {
        FileChooser.selectFolder(parent: root.rootWindow, title: tr("選擇存放打包檔的資料夾"), startIn: wizard.folder) { [weak self] path in
            if let path { self?.choose(folder: path) }
        }
    }

    /// Takes `folder`, noting (in the background) which outputs it already holds.
    private func choose(folder: String) {
        MainThread.background({
            [SubmissionPackage.archiveName, SubmissionPackage.spreadsheetName].filter {
                FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent($0).path)
            }
        }, then: { [weak self] existing in
            self?.wizard.chooseFolder(folder, existingOutputs: existing)
            self?.render()
        })
    }

    // MARK: Card and packing

    override func applyCard() {
        wizard.cardChanged(finder.presence)
    }

    override func start(_ found: Found, login: TokenLogin?) {
        guard let login else { return }
        let control = OperationControl()
        self.control = control
        remembered.packInto[wizard.caseId] = wizard.folder
        remembered.save()
        let request = PackRequest(caseId: wizard.caseId, folder: URL(fileURLWithPath: wizard.folder, isDirectory: true),
                                  fullIDs: wizard.fullIDs)
        let (service, card) = (service, found.card)
        MainThread.background({
            Result {
                try service.pack(request, login: login, card: card, control: control) { progress in
                    MainThread.async { [weak self] in
                        self?.wizard.progressed(progress)
                        self?.render()
                    }
                }
            }
        }, then: { [weak self] result in
            guard let self else { return }
            self.control = nil
            switch result {
            case .success(let packed): self.wizard.packFinished(packed.manifest)
            case .failure(let error): self.wizard.packFailed(RosterService.message(for: error))
            }
            self.render()
        })
    }

    // MARK: Drawing

    override func close() {
        onClose?()
    }

    override func renderSetup() {
        options.show(wizard)
        frame.setNext(tr("下一步"), enabled: wizard.canGoNext)
    }

    override func renderWorking() {
        let progress = wizard.progress
        progressStep.show(current: String(format: tr("寫出「%@」與「%@」"), SubmissionPackage.archiveName, SubmissionPackage.spreadsheetName),
                          fraction: progress?.fraction, figures: progress.map { tr($0.detail) } ?? tr("正在讀取工作區…"),
                          cancelling: wizard.isCancelling)
    }

    override func renderFinished(firstTime: Bool) {
        guard firstTime else { return }
        done.details = Markup.escape(tr(RosterPackWizard.reminder))
        let files = PreferencesGroup(title: tr("已寫出的檔案"))
        files.add(ActionRow(title: SubmissionPackage.archiveName, subtitle: tr("送件用：存入隨身碟，併同紙本名冊提出")))
        files.add(ActionRow(title: SubmissionPackage.spreadsheetName, subtitle: tr("供領銜人查看，不必送件")))
        let folder = wizard.folder
        let openButton = Button(tr("開啟資料夾"), iconName: "folder-open-symbolic", action: { [weak self] in
            FileChooser.open(folder, parent: self?.root.rootWindow)
        }).style("pill").align(horizontal: GTK_ALIGN_CENTER)
        let column = Box(vertical: true, spacing: 18)
        column.append(Label(folder, wrap: true, selectable: true).style("dim-label"))
            .append(Clamp(files, maximumWidth: 560))
            .append(openButton)
        done.setChild(column)
    }
}

/// The pack wizard's first step: the output folder with 選擇資料夾…, full or masked IDs in the
/// spreadsheet, a warning when the folder already holds outputs, and why the last try failed.
@MainActor
final class PackOptionsStep {
    let root = Box(vertical: true, spacing: 18)
    var onChooseFolder: (@MainActor () -> Void)?
    var onFullIDs: (@MainActor (Bool) -> Void)?
    private let folderRow = ActionRow(title: tr("輸出資料夾"))
    private let fullIDs = Switch()
    private let replace = Notice(style: "warning", icon: "dialog-warning-symbolic")
    private let failure = Notice(style: "error", icon: "dialog-error-symbolic")

    init() {
        let choose = Button(tr("選擇資料夾…"), iconName: "folder-open-symbolic").align(vertical: GTK_ALIGN_CENTER)
        choose.onClick { [weak self] in self?.onChooseFolder?() }
        folderRow.addSuffix(choose)
        let idsRow = ActionRow(title: tr("試算表顯示完整身分證統一編號"),
                               subtitle: tr("關閉時只顯示前 6 碼，其餘以 **** 遮蔽。送件用的 zip 檔一律含完整資料。"))
        fullIDs.align(vertical: GTK_ALIGN_CENTER)
        fullIDs.onToggled { [weak self] in
            guard let self else { return }
            self.onFullIDs?(self.fullIDs.isActive)
        }
        idsRow.addSuffix(fullIDs)
        idsRow.setActivatable(fullIDs)
        let group = PreferencesGroup()
        group.add(folderRow).add(idsRow)
        root.append(Label(tr("輸出設定")).xalign(0).style("title-3"))
            .append(Label(String(format: tr("將寫出「%@」（送件用）與「%@」（供領銜人查看）。"),
                                 SubmissionPackage.archiveName, SubmissionPackage.spreadsheetName), wrap: true).xalign(0))
            .append(group)
            .append(replace.root)
            .append(failure.root)
    }

    func show(_ wizard: RosterPackWizard) {
        folderRow.subtitle = wizard.folder
        if fullIDs.isActive != wizard.fullIDs { fullIDs.isActive = wizard.fullIDs }
        replace.show(wizard.replaceWarning.map(tr))
        failure.show(wizard.failure.map(tr))
    }
}
