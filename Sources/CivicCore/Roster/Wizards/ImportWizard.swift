/// The 連署名冊 import wizard (issue 4 §6): choose `.cec` files → insert the card → PIN →
/// progress with records per second and cancel → summary. The GTK pages only show this state and
/// forward what the user and the card layer do.
public struct RosterImportWizard: Sendable, Equatable {
    public enum Step: Sendable, Equatable, CaseIterable {
        case chooseFiles, card, pin, progress, summary
    }

    /// A file the user chose: its name as shown, where it is, and its size in bytes (0 when
    /// unknown), which lets the progress page say how far into the file the import is.
    public struct ChosenFile: Sendable, Hashable {
        public let name: String
        public let path: String
        public let size: Int

        public init(name: String, path: String, size: Int = 0) {
            self.name = name
            self.path = path
            self.size = size
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
    public private(set) var access = CardAndPIN(request: .rosterLead)
    public private(set) var unaddressedFiles: [UnaddressedFile] = []
    /// False when no chosen file needs the card's key (all imported before, or refused): the
    /// PIN is then not asked and Next goes straight to the import, which only reports them.
    public private(set) var needsPIN = true
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

    /// The card layer reports what the reader holds, which chosen files are not for it, and
    /// whether any file needs the card's key.
    public mutating func cardChanged(_ presence: CardPresence, unaddressedFiles: [UnaddressedFile] = [], needsPIN: Bool = true) {
        self.unaddressedFiles = unaddressedFiles
        self.needsPIN = needsPIN
        if access.cardChanged(presence, onPINStep: step == .pin, usable: unaddressedFiles.isEmpty) { step = .card }
    }

    // MARK: The PIN

    public mutating func updatePINOnItsStep(_ change: (inout PINEntry) -> Void) {
        if step == .pin { access.updatePIN(change) }
    }

    /// The card took the PIN: importing starts.
    public mutating func pinAccepted() {
        guard step == .pin else { return }
        access.updatePIN { $0.accepted() }
        startImporting()
    }

    private mutating func startImporting() {
        step = .progress
        outcomes = [:]
        progress = Progress(fileIndex: 0, fileCount: files.count, current: nil)
    }

    // MARK: Importing

    /// The file at `index` (in `files`) starts decrypting.
    public mutating func fileStarted(index: Int) {
        guard step == .progress else { return }
        progress = Progress(fileIndex: index, fileCount: files.count, current: nil)
    }

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
            access.cardProblem ?? unaddressedFiles.first.map { file in
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

    public mutating func next() {
        guard canGoNext else { return }
        switch step {
        case .chooseFiles: step = .card
        case .card: if needsPIN { step = .pin } else { startImporting() }
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
}
