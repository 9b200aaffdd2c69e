import CGtk
import CivicCard
import CivicCore
import CivicServices
import Foundation

/// 打包送件檔: the pack wizard, a thin view over `RosterPackWizard` — the output folder and full
/// or masked IDs in the spreadsheet, the card (the case checked packable on the way), the PIN,
/// packing in the background (`RosterService.pack`) with a bar and a cancel, and the done page
/// with 開啟資料夾 and what each file is for.
@MainActor
final class PackWizardPage {
    var root: Widget { frame.root }
    var onClose: (@MainActor () -> Void)?

    private var wizard: RosterPackWizard
    private let service: RosterService
    private let finder: LeadCardFinder<RosterCase>
    private let frame = WizardFrame(title: tr("打包送件檔"),
                                    steps: [tr("輸出設定"), tr("插入卡片"), tr("輸入 PIN 碼"), tr("打包"), tr("完成")])
    private let options = PackOptionsStep()
    private let cardStep = CardStepView()
    private let pinStep = PINStepView(purpose: tr("按「開始打包」後，CivicDesk 寫出送件用的 zip 檔與試算表，並以卡片的簽章憑證簽署清單。"))
    private let progressStep = ProgressStepView(
        title: tr("正在打包…"),
        note: tr("按「取消」時不會留下寫到一半的檔案；資料夾裡先前的檔案保持原樣。"))
    private let done = StatusPage(iconName: "emblem-ok-symbolic", title: tr("打包完成"))
    private var control: OperationControl?
    private var shownStep: RosterPackWizard.Step?
    private var remembered = RememberedFolders.load()

    init(caseId: String, service: RosterService, cards: LiveCards) {
        self.service = service
        wizard = RosterPackWizard(caseId: caseId, documentsFolder: service.folders.documents.path)
        finder = LeadCardFinder(cards: cards)
        frame.add(options.root, name: "options")
        frame.add(cardStep.root, name: "card", wide: true)
        frame.add(pinStep.root, name: "pin")
        frame.add(progressStep.root, name: "progress")
        frame.add(done, name: "done", wide: true)
        frame.root.accessibleName(tr("打包送件檔"))
        connect()
        choose(folder: remembered.packInto[caseId] ?? wizard.folder)
        render()
    }

    private func connect() {
        options.onChooseFolder = { [weak self] in self?.chooseFolder() }
        options.onFullIDs = { [weak self] full in
            self?.wizard.setFullIDs(full)
            self?.render()
        }
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

    // MARK: Card and PIN

    private func cardChanged() {
        wizard.cardChanged(finder.presence)
        if wizard.step == .pin, let found = finder.found { wizard.pinStatusRead(found.pinStatus) }
        render()
    }

    private func submitPIN() {
        guard wizard.step == .pin, let found = finder.found, pinStep.canSubmit(wizard.pin) else { return }
        wizard.pinSubmitted()
        render()
        pinStep.check(with: found.card) { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let login):
                self.wizard.pinChecked(nil)
                self.startPacking(found.card, login: login)
            case .failure(let error):
                self.wizard.pinChecked(error)
            }
            self.render()
            if self.wizard.step == .pin { self.pinStep.focus() }
        }
    }

    // MARK: Packing

    private func startPacking(_ card: LeadCard, login: TokenLogin) {
        let control = OperationControl()
        self.control = control
        remembered.packInto[wizard.caseId] = wizard.folder
        remembered.save()
        let request = PackRequest(caseId: wizard.caseId, folder: URL(fileURLWithPath: wizard.folder, isDirectory: true),
                                  fullIDs: wizard.fullIDs)
        let service = service
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

    // MARK: Buttons

    private func next() {
        switch wizard.step {
        case .options:
            wizard.next()
            let (service, caseId) = (service, wizard.caseId)
            finder.follow { _ in try service.packableCase(caseId) }
        case .card:
            wizard.next()
            if let found = finder.found { wizard.pinStatusRead(found.pinStatus) }
        case .pin:
            submitPIN()
        case .progress:
            break
        case .done:
            onClose?()
        }
        render()
    }

    private func cancel() {
        if wizard.step == .progress {
            wizard.cancel()
            control?.cancel()
            render()
        } else {
            onClose?()
        }
    }

    private func openFolder() {
        FileChooser.open(wizard.folder, parent: root.rootWindow)
    }

    // MARK: Drawing

    private func render() {
        let step = wizard.step
        switch step {
        case .options:
            options.show(wizard)
            frame.setNext(tr("下一步"), enabled: wizard.canGoNext)
        case .card:
            cardStep.show(wizard.card, problem: nil, nextLabel: tr("下一步"))
            frame.setNext(tr("下一步"), enabled: wizard.canGoNext && finder.found != nil)
        case .pin:
            pinStep.show(wizard.pin, cardName: finder.found?.name ?? "")
            frame.setNext(tr("開始打包"), enabled: pinStep.canSubmit(wizard.pin))
        case .progress:
            let progress = wizard.progress
            progressStep.show(current: String(format: tr("寫出「%@」與「%@」"), SubmissionPackage.archiveName, SubmissionPackage.spreadsheetName),
                              fraction: progress?.fraction, figures: progress.map { tr($0.detail) } ?? tr("正在讀取工作區…"),
                              cancelling: wizard.isCancelling)
            frame.setNext("", enabled: false, visible: false)
        case .done:
            if shownStep != .done { showDone() }
            frame.setNext(tr("完成"), enabled: true)
        }
        frame.backButton.isVisible = step == .card || step == .pin
        frame.backButton.isSensitive = wizard.canGoBack
        frame.cancelButton.isVisible = step != .done
        frame.cancelButton.isSensitive = !(step == .progress && wizard.isCancelling) && !wizard.pin.isChecking
        if step != shownStep {
            frame.show(page: Self.pageName(step), step: RosterPackWizard.Step.allCases.firstIndex(of: step) ?? 0)
            shownStep = step
            if step == .pin { pinStep.focus() }
        }
    }

    private func showDone() {
        let folder = URL(fileURLWithPath: wizard.folder, isDirectory: true)
        done.details = Markup.escape(tr(RosterPackWizard.reminder))
        let files = PreferencesGroup(title: tr("已寫出的檔案"))
        files.add(ActionRow(title: SubmissionPackage.archiveName, subtitle: tr("送件用：存入隨身碟，併同紙本名冊提出")))
        files.add(ActionRow(title: SubmissionPackage.spreadsheetName, subtitle: tr("供領銜人查看，不必送件")))
        let openButton = Button(tr("開啟資料夾"), iconName: "folder-open-symbolic", action: { [weak self] in self?.openFolder() })
            .style("pill").align(horizontal: GTK_ALIGN_CENTER)
        let column = Box(vertical: true, spacing: 18)
        column.append(Label(folder.path, wrap: true, selectable: true).style("dim-label"))
            .append(Clamp(files, maximumWidth: 560))
            .append(openButton)
        done.setChild(column)
    }

    private static func pageName(_ step: RosterPackWizard.Step) -> String {
        switch step {
        case .options: "options"
        case .card: "card"
        case .pin: "pin"
        case .progress: "progress"
        case .done: "done"
        }
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
