/// The pack wizard (issue 4 §6): output folder and full or masked IDs → card → PIN → progress
/// → done, with the reminder of what each file is for.
public struct RosterPackWizard: Sendable, Equatable {
    public let caseId: String
    /// Where the wizard is: options (`.setup`), card, PIN, packing (`.working`), done (`.finished`).
    public private(set) var steps = CardWizardSteps(request: .rosterLead)
    /// Where both files go; `~/Documents/CivicDesk/{caseId}/` unless the user picks another.
    public private(set) var folder: String
    public private(set) var fullIDs = false
    /// Outputs already in the folder, which packing will replace (said before it does).
    public private(set) var existingOutputs: [String] = []
    public private(set) var progress: PackProgress?
    public private(set) var isCancelling = false
    public private(set) var manifest: SubmissionManifest?

    /// `documentsFolder` is the user's Documents folder (`~/Documents` or its XDG equivalent).
    public init(caseId: String, documentsFolder: String) {
        self.caseId = caseId
        folder = Self.defaultFolder(caseId: caseId, documentsFolder: documentsFolder)
    }

    public static func defaultFolder(caseId: String, documentsFolder: String) -> String {
        (documentsFolder.hasSuffix("/") ? documentsFolder : documentsFolder + "/") + "CivicDesk/\(caseId)/"
    }

    // MARK: Options

    public mutating func chooseFolder(_ path: String, existingOutputs: [String] = []) {
        guard step == .setup else { return }
        folder = path
        self.existingOutputs = existingOutputs
    }

    public mutating func setFullIDs(_ full: Bool) {
        guard step == .setup else { return }
        fullIDs = full
    }

    /// Shown on the options page when the folder already holds outputs.
    public var replaceWarning: UserMessage? {
        guard !existingOutputs.isEmpty else { return nil }
        return UserMessage(zh: "資料夾裡已有 \(existingOutputs.joined(separator: "、"))，打包完成後將以新檔取代（打包失敗則保留舊檔）。",
                           en: "The folder already holds \(existingOutputs.joined(separator: ", ")); packing replaces them when it completes (they stay if it fails).")
    }

    // MARK: Card and PIN

    public mutating func cardChanged(_ presence: CardPresence) {
        steps.cardChanged(presence)
    }

    public mutating func updatePINOnItsStep(_ change: (inout PINEntry) -> Void) {
        steps.updatePINOnItsStep(change)
    }

    public mutating func pinAccepted() {
        if steps.pinAccepted() { progress = nil }
    }

    // MARK: Packing

    public mutating func progressed(_ current: PackProgress) {
        guard step == .working else { return }
        progress = current
    }

    public mutating func cancel() {
        guard step == .working else { return }
        isCancelling = true
    }

    public mutating func packFinished(_ manifest: SubmissionManifest) {
        guard steps.workFinished() else { return }
        isCancelling = false
        self.manifest = manifest
    }

    /// Packing failed or was cancelled: back to the options, saying why; the PIN is asked again.
    public mutating func packFailed(_ message: UserMessage) {
        if steps.workFailed(message) { isCancelling = false }
    }

    /// The done page's reminder, in the petition system's own words.
    public static let reminder = UserMessage(
        zh: "請將「連署(送件用).zip」存入隨身碟，併同紙本連署人名冊向中選會一次提出；「連署.xlsx」供領銜人查看連署情形，不必送件。",
        en: "Copy 連署(送件用).zip to a USB stick and hand it in to the Central Election Commission together with the paper roster; 連署.xlsx is for the lead person to read and is not submitted.")

    // MARK: Moving between steps

    private var folderProblem: UserMessage? {
        folder.isEmpty ? UserMessage(zh: "請選擇存放打包檔的資料夾。", en: "Choose the folder for the packed files.") : nil
    }

    public var problem: UserMessage? { steps.problem(setup: folderProblem) }
    public var canGoNext: Bool { steps.canGoNext(setupReady: folderProblem == nil) }
    public mutating func next() { steps.next(setupReady: folderProblem == nil) }
    public mutating func back() { steps.back() }
}

extension RosterPackWizard: CardWizard {
    public var step: CardWizardStage { steps.stage }
    public var stage: CardWizardStage { steps.stage }
    public var access: CardAndPIN { steps.access }
    public var failure: UserMessage? { steps.failure }
}

extension PackProgress {
    /// The progress page's figures: `已寫入 1,234／3,600 筆・已用 0:05`.
    public var detail: UserMessage {
        let (done, all, clock) = (NumberText.grouped(records), NumberText.grouped(total), NumberText.clock(elapsed))
        return UserMessage(zh: "已寫入 \(done)／\(all) 筆・已用 \(clock)", en: "\(done) of \(all) records written · \(clock) elapsed")
    }
}
