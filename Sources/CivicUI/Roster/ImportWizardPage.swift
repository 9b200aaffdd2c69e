import CGtk
import CivicCard
import CivicCore
import CivicCrypto
import CivicServices
import Foundation

/// 匯入名冊檔: the import wizard, a thin view over `RosterImportWizard`. Files are listed and
/// planned, the card opened, the PIN checked (`CardWizardPage`) and the batches decrypted,
/// verified and stored in the background (`RosterService`); what happens comes back to the main
/// thread and into the wizard, and the page shows the wizard's step.
@MainActor
final class ImportWizardPage: CardWizardPage<RosterImportWizard, ImportPlan> {
    /// The wizard closed; true when something was imported (the cases list reads again).
    var onClose: (@MainActor (Bool) -> Void)?

    private let service: RosterService
    private let trust: TrustStore
    private let filesStep: ImportFilesStep
    private let summaryStep = ImportSummaryStep()
    private var listed: [ImportFilesStep.Listed]?
    private var started: ContinuousClock.Instant?
    private var ticker: MainLoopTimer?
    private var remembered = RememberedFolders.load()

    init(service: RosterService, trust: TrustStore, cards: LiveCards) {
        self.service = service
        self.trust = trust
        filesStep = ImportFilesStep(downloads: service.folders.downloads)
        super.init(RosterImportWizard(), title: tr("匯入名冊檔"),
                   steps: [tr("選擇檔案"), tr("插入卡片"), tr("輸入 PIN 碼"), tr("解密與檢查"), tr("完成")],
                   startLabel: tr("開始解密"),
                   pinPurpose: tr("按「開始解密」後，卡片解開名冊的金鑰，CivicDesk 逐筆驗證連署人的簽章與憑證，存入工作區。"),
                   progress: (tr("正在解密並檢查名冊…"),
                              tr("每一筆連署都會驗證簽章與憑證。按「取消」時，正在匯入的檔案會全部復原，其餘檔案不再匯入。")),
                   cards: cards) { wizard in
            let urls = wizard.files.map { URL(fileURLWithPath: $0.path) }
            return { card in try service.planImport(urls, card: card) }
        }
        frame.add(filesStep.root, name: "setup")
        frame.add(summaryStep.root, name: "finished")
        frame.root.acceptFileDrops { [weak self] paths in self?.dropped(paths) }
        filesStep.onToggle = { [weak self] file, checked in
            if checked { self?.wizard.add([file]) } else { self?.wizard.remove(path: file.path) }
            self?.render()
        }
        filesStep.onChooseOther = { [weak self] in self?.chooseOther() }
        listDownloads()
        render()
    }

    // MARK: Files

    private func listDownloads() {
        let service = service
        MainThread.background({
            Result { try service.downloadedBatchFiles() }
        }, then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let files):
                self.listed = files.map(ImportFilesStep.Listed.init) + (self.listed ?? [])
            case .failure(let error):
                self.listed = self.listed ?? []
                self.root.showToast(tr(RosterService.message(for: error)))
            }
            self.render()
        })
    }

    private func chooseOther() {
        FileChooser.openFiles(parent: root.rootWindow, title: tr("選擇連署人名冊檔"), filterName: tr("連署人名冊檔（*.cec）"),
                              patterns: ["*.cec", "*.CEC"], startIn: remembered.importFrom ?? service.folders.downloads.path) { [weak self] paths in
            guard let self, let first = paths.first else { return }
            self.remembered.importFrom = (first as NSString).deletingLastPathComponent
            self.remembered.save()
            self.addChosen(paths)
        }
    }

    private func dropped(_ paths: [String]) {
        let batches = paths.filter { URL(fileURLWithPath: $0).pathExtension.lowercased() == "cec" }
        if batches.count < paths.count {
            root.showToast(tr("只能匯入連署人名冊檔（.cec），其他檔案未加入。"))
        }
        addChosen(batches)
    }

    /// Files from the chooser, a drop or the file manager: sized in the background, then listed and checked.
    func addChosen(_ paths: [String]) {
        guard !paths.isEmpty, wizard.step == .chooseFiles else { return }
        MainThread.background({
            paths.map { path in
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                return RosterImportWizard.ChosenFile(name: URL(fileURLWithPath: path).lastPathComponent, path: path, size: size)
            }
        }, then: { [weak self] files in
            guard let self else { return }
            let known = Set((self.listed ?? []).map(\.file.path))
            self.listed = (self.listed ?? []) + files.filter { !known.contains($0.path) }.map(ImportFilesStep.Listed.init(chosen:))
            self.wizard.add(files)
            self.render()
        })
    }

    // MARK: Card and PIN

    override func applyCard() {
        let plan = finder.found?.prepared
        wizard.cardChanged(finder.presence, unaddressedFiles: plan?.unaddressedFiles ?? [], needsPIN: plan?.needsPIN ?? true)
    }

    override func cardProblemTitle(holder: String) -> String {
        String(format: tr("有檔案不是加密給%@的卡片"), holder)
    }

    // MARK: Importing

    override func start(_ found: Found, login: TokenLogin?) {
        let control = OperationControl()
        self.control = control
        started = .now
        ticker = MainLoopTimer(every: 250) { [weak self] in self?.render() }
        let (service, trust) = (service, trust)
        MainThread.background({
            service.importFiles(found.prepared, trust: trust, login: login, card: found.card, control: control) { event in
                MainThread.async { [weak self] in self?.imported(event) }
            }
        }, then: { [weak self] _ in
            guard let self else { return }
            self.ticker = nil
            self.control = nil
            self.wizard.importFinished()
            self.render()
        })
    }

    private func imported(_ event: RosterService.ImportEvent) {
        switch event {
        case .started(let index, _):
            wizard.fileStarted(index: index)
        case .progressed(let index, let progress):
            wizard.progressed(fileIndex: index, progress)
        case .finished(let index, let result):
            if wizard.files.indices.contains(index) { wizard.fileFinished(path: wizard.files[index].path, result.outcome) }
        }
        render()
    }

    // MARK: Drawing

    override func close() {
        onClose?(wizard.summary.imported > 0)
    }

    override func renderSetup() {
        filesStep.show(listed, chosen: Set(wizard.files.map(\.path)))
        frame.setNext(tr("下一步"), enabled: wizard.canGoNext)
    }

    override func renderWorking() {
        let elapsed = started.map { ContinuousClock.now - $0 } ?? .zero
        if let display = wizard.progressDisplay(elapsed: elapsed) {
            progressStep.show(current: tr(display.file), fraction: display.fraction, figures: tr(display.detail),
                              cancelling: wizard.isCancelling)
        }
    }

    override func renderFinished(firstTime: Bool) {
        if firstTime { summaryStep.show(wizard.summary) }
    }
}
