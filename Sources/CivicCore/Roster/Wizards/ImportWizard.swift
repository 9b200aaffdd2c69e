/// The 連署名冊 import wizard (issue 4 §6): choose `.cec` files → insert the card → PIN →
/// progress with records per second and cancel → summary. The GTK pages only show this state and
/// forward what the user and the card layer do.
public struct RosterImportWizard: Sendable, Equatable {
    public enum Step: Sendable, Equatable, CaseIterable {
        case chooseFiles, card, pin, progress, summary
    }

    /// A file the user chose: its name as shown and where it is.
    public struct ChosenFile: Sendable, Hashable {
        public let name: String
        public let path: String

        public init(name: String, path: String) {
            self.name = name
            self.path = path
        }
    }

    /// What happened to one chosen file.
    public enum FileOutcome: Sendable, Equatable {
        case imported(BatchImportOutcome)
        case alreadyImported(StoredBatch)
        /// Refused or stopped (damaged, not for this card, cancelled, card removed): nothing of it
        /// was imported.
        case failed(UserMessage)
    }

    /// The progress page: which file, how many records, how fast.
    public struct Progress: Sendable, Equatable {
        public let fileIndex: Int
        public let fileCount: Int
        public let current: ImportProgress?
    }

    public private(set) var step: Step = .chooseFiles
    public private(set) var files: [ChosenFile] = []
    public private(set) var access = CardAndPIN()
    public private(set) var unaddressedFiles: [UnaddressedFile] = []
    public private(set) var progress: Progress?
    public private(set) var isCancelling = false
    public private(set) var outcomes: [String: FileOutcome] = [:]

    public init() {}

    // MARK: Choosing files

    /// Adds files (from the chooser or a drop), ignoring ones already chosen.
    public mutating func add(_ chosen: [ChosenFile]) {
        guard step == .chooseFiles else { return }
        for file in chosen where !files.contains(where: { $0.path == file.path }) { files.append(file) }
    }

    public mutating func remove(path: String) {
        guard step == .chooseFiles else { return }
        files.removeAll { $0.path == path }
    }

    // MARK: The card

    /// The card layer reports what the reader holds and which chosen files are not for it.
    public mutating func cardChanged(_ presence: CardPresence, unaddressedFiles: [UnaddressedFile] = []) {
        self.unaddressedFiles = unaddressedFiles
        if access.cardChanged(presence, onPINStep: step == .pin, usable: unaddressedFiles.isEmpty) { step = .card }
    }

    public var card: CardPresence { access.card }

    // MARK: The PIN

    public var pin: PINEntry { access.pin }

    public mutating func pinSubmitted() {
        if step == .pin { access.updatePIN { $0.submitted() } }
    }

    public mutating func pinRejected(_ tries: PINStatus) {
        if step == .pin { access.updatePIN { $0.rejected(tries) } }
    }

    /// The card took the PIN: importing starts.
    public mutating func pinAccepted() {
        guard step == .pin else { return }
        access.updatePIN { $0.accepted() }
        step = .progress
        progress = Progress(fileIndex: 0, fileCount: files.count, current: nil)
    }

    // MARK: Importing

    public mutating func progressed(fileIndex: Int, _ current: ImportProgress) {
        guard step == .progress else { return }
        progress = Progress(fileIndex: fileIndex, fileCount: files.count, current: current)
    }

    public mutating func fileFinished(path: String, _ outcome: FileOutcome) {
        guard step == .progress else { return }
        outcomes[path] = outcome
    }

    /// The Cancel button: the file being imported is rolled back and the rest are not started.
    public mutating func cancel() {
        guard step == .progress else { return }
        isCancelling = true
    }

    /// Every file is done (or the import stopped): the summary follows.
    public mutating func importFinished() {
        guard step == .progress else { return }
        isCancelling = false
        step = .summary
    }

    // MARK: Moving between steps

    /// What the current step still needs before Next, shown on the page; nil when it may go on.
    public var problem: UserMessage? {
        switch step {
        case .chooseFiles:
            files.isEmpty ? UserMessage(zh: "請選擇要匯入的連署人名冊檔（.cec）。", en: "Choose the roster files (.cec) to import.") : nil
        case .card:
            card.problem ?? unaddressedFiles.first.map { file in
                UserMessage(zh: "「\(file.name)」不是加密給這張卡的，它是給：\(file.recipients.joined(separator: "、"))。請插入正確的卡片，或移除這個檔案。",
                            en: "\"\(file.name)\" is not encrypted for this card; it is for: \(file.recipients.joined(separator: ", ")). Insert the right card or remove the file.")
            }
        case .pin:
            pin.error
        case .progress, .summary:
            nil
        }
    }

    public var canGoNext: Bool {
        switch step {
        case .chooseFiles, .card: problem == nil
        case .pin, .progress, .summary: false
        }
    }

    public var canGoBack: Bool {
        switch step {
        case .card: true
        case .pin: !pin.isChecking
        case .chooseFiles, .progress, .summary: false
        }
    }

    public mutating func next() {
        guard canGoNext else { return }
        switch step {
        case .chooseFiles: step = .card
        case .card: step = .pin
        case .pin, .progress, .summary: break
        }
    }

    public mutating func back() {
        guard canGoBack else { return }
        switch step {
        case .card: step = .chooseFiles
        case .pin:
            access.updatePIN { $0.reset() }
            step = .card
        case .chooseFiles, .progress, .summary: break
        }
    }

    // MARK: The summary

    public var summary: Summary {
        Summary(files: files.map { ($0, outcomes[$0.path]) })
    }

    public struct Summary: Sendable, Equatable {
        /// Records of the imported files by status.
        public let counts: StatusCounts
        public let newDuplicates: Int
        /// Each case touched, with its valid count and threshold after the import.
        public let cases: [CaseProgress]
        public let imported: Int
        public let alreadyImported: Int
        /// Files refused or stopped, with why; files never reached are listed as not imported.
        public let failed: [(name: String, message: UserMessage)]

        public struct CaseProgress: Sendable, Equatable {
            public let caseId: String
            public let valid: Int
            public let threshold: Int
            public var progress: Double { Double(valid) / Double(max(threshold, 1)) }
        }

        init(files: [(ChosenFile, FileOutcome?)]) {
            var counts = StatusCounts()
            var newDuplicates = 0
            var cases: [CaseProgress] = []
            var imported = 0
            var alreadyImported = 0
            var failed: [(String, UserMessage)] = []
            for (file, outcome) in files {
                switch outcome {
                case .imported(let result):
                    imported += 1
                    counts = counts + result.counts
                    newDuplicates += result.newDuplicates
                    let progress = CaseProgress(caseId: result.caseId, valid: result.caseCounts[.valid], threshold: result.threshold)
                    cases.removeAll { $0.caseId == result.caseId }
                    cases.append(progress)
                case .alreadyImported:
                    alreadyImported += 1
                case .failed(let message):
                    failed.append((file.name, message))
                case nil:
                    failed.append((file.name, UserMessage(zh: "未匯入（匯入已停止）。", en: "Not imported (the import stopped).")))
                }
            }
            self.counts = counts
            self.newDuplicates = newDuplicates
            self.cases = cases.sorted { $0.caseId < $1.caseId }
            self.imported = imported
            self.alreadyImported = alreadyImported
            self.failed = failed
        }

        public static func == (lhs: Summary, rhs: Summary) -> Bool {
            lhs.counts == rhs.counts && lhs.newDuplicates == rhs.newDuplicates && lhs.cases == rhs.cases
                && lhs.imported == rhs.imported && lhs.alreadyImported == rhs.alreadyImported
                && lhs.failed.map(\.name) == rhs.failed.map(\.name) && lhs.failed.map(\.message) == rhs.failed.map(\.message)
        }
    }
}
