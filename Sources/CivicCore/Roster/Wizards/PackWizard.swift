/// The pack wizard (issue 4 §6): output folder and full or masked IDs → card → PIN → progress
/// → done, with the reminder of what each file is for.
public struct RosterPackWizard: Sendable, Equatable {
    public enum Step: Sendable, Equatable, CaseIterable {
        case options, card, pin, progress, done
    }

    public let caseId: String
    public private(set) var step: Step = .options
    /// Where both files go; `~/Documents/CivicDesk/{caseId}/` unless the user picks another.
    public private(set) var folder: String
    public private(set) var fullIDs = false
    /// Outputs already in the folder, which packing will replace (said before it does).
    public private(set) var existingOutputs: [String] = []
    public private(set) var access = CardAndPIN(request: .rosterLead)
    public private(set) var progress: PackProgress?
    public private(set) var isCancelling = false
    /// Why the last attempt failed, shown on the options page the wizard returns to.
    public private(set) var failure: UserMessage?
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
        guard step == .options else { return }
        folder = path
        self.existingOutputs = existingOutputs
    }

    public mutating func setFullIDs(_ full: Bool) {
        guard step == .options else { return }
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
        if access.cardChanged(presence, onPINStep: step == .pin) { step = .card }
    }

    public mutating func updatePINOnItsStep(_ change: (inout PINEntry) -> Void) {
        if step == .pin { access.updatePIN(change) }
    }

    public mutating func pinAccepted() {
        guard step == .pin else { return }
        access.updatePIN { $0.accepted() }
        failure = nil
        step = .progress
        progress = nil
    }

    // MARK: Packing

    public mutating func progressed(_ current: PackProgress) {
        guard step == .progress else { return }
        progress = current
    }

    public mutating func cancel() {
        guard step == .progress else { return }
        isCancelling = true
    }

    public mutating func packFinished(_ manifest: SubmissionManifest) {
        guard step == .progress else { return }
        isCancelling = false
        self.manifest = manifest
        step = .done
    }

    /// Packing failed or was cancelled: back to the options, saying why; the PIN is asked again.
    public mutating func packFailed(_ message: UserMessage) {
        guard step == .progress else { return }
        isCancelling = false
        failure = message
        access.updatePIN { $0 = PINEntry() }
        step = .options
    }

    /// The done page's reminder, in the petition system's own words.
    public static let reminder = UserMessage(
        zh: "請將「連署(送件用).zip」存入隨身碟，併同紙本連署人名冊向中選會一次提出；「連署.xlsx」供領銜人查看連署情形，不必送件。",
        en: "Copy 連署(送件用).zip to a USB stick and hand it in to the Central Election Commission together with the paper roster; 連署.xlsx is for the lead person to read and is not submitted.")

    // MARK: Moving between steps

    public var problem: UserMessage? {
        switch step {
        case .options:
            folder.isEmpty ? UserMessage(zh: "請選擇存放打包檔的資料夾。", en: "Choose the folder for the packed files.") : failure
        case .card:
            access.cardProblem
        case .pin:
            pin.error
        case .progress, .done:
            nil
        }
    }

    public var canGoNext: Bool {
        switch step {
        case .options: !folder.isEmpty
        case .card: access.cardProblem == nil
        case .pin, .progress, .done: false
        }
    }

    public mutating func next() {
        guard canGoNext else { return }
        switch step {
        case .options:
            failure = nil
            step = .card
        case .card: step = .pin
        case .pin, .progress, .done: break
        }
    }

    public mutating func back() {
        guard canGoBack else { return }
        switch step {
        case .card: step = .options
        case .pin:
            access.updatePIN { $0.reset() }
            step = .card
        case .options, .progress, .done: break
        }
    }
}

extension PackProgress {
    /// The progress page's figures: `已寫入 1,234／3,600 筆・已用 0:05`.
    public var detail: UserMessage {
        let (done, all, clock) = (NumberText.grouped(records), NumberText.grouped(total), NumberText.clock(elapsed))
        return UserMessage(zh: "已寫入 \(done)／\(all) 筆・已用 \(clock)", en: "\(done) of \(all) records written · \(clock) elapsed")
    }
}
