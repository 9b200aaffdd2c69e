import Foundation

/// A template the new-letter wizard offers: its name (the file's stem in `data/templates/`, as
/// `civicdesk doc new --template NAME` takes it) and the letter it starts from.
public struct LetterTemplate: Sendable, Hashable {
    public let name: String
    public let letter: OfficialLetter

    public init(name: String, letter: OfficialLetter) {
        self.name = name
        self.letter = letter
    }

    /// Reads a template file's bytes (the JSON form of a letter).
    public init(name: String, json: [UInt8]) throws(LetterJSONError) {
        self.init(name: name, letter: try LetterJSON.decode(Data(json)))
    }
}

/// The new-letter wizard of the 公文製作 area: template → fields (validated as typed, each problem
/// beside its field) → preview (the layout's blocks) → save. The GTK pages only show this state
/// and forward input.
public struct NewLetterWizard: Sendable, Hashable {
    public enum Step: Sendable, Hashable, CaseIterable {
        case template, fields, preview, saved
    }

    public let templates: [LetterTemplate]
    public private(set) var step: Step = .template
    public private(set) var chosenTemplate: Int?
    public private(set) var letter = OfficialLetter()
    /// The 發文日期 as typed (`113/3/4`, `中華民國113年3月4日`); empty leaves the date to dispatch.
    public private(set) var dateText = ""
    /// Fields the user has left once (or all, after a refused 下一步): only these show problems,
    /// so an empty form does not open covered in red.
    public private(set) var touched: Set<LetterField> = []
    private var showAllProblems = false
    /// Where each of `letter.attachments.files` is on this computer, in the same order: the store
    /// copies them into the workspace when the letter is saved.
    public private(set) var attachmentPaths: [String] = []
    /// The saved letter's id, on the last page.
    public private(set) var savedID: String?
    /// Why saving failed, shown on the preview page.
    public private(set) var failure: UserMessage?

    public init(templates: [LetterTemplate]) {
        self.templates = templates
    }

    // MARK: Template

    public mutating func chooseTemplate(_ index: Int) {
        guard step == .template, templates.indices.contains(index) else { return }
        chosenTemplate = index
        letter = templates[index].letter
        // A template names no files of its own: files are chosen for each letter.
        letter.attachments.files = []
        attachmentPaths = []
        dateText = letter.date.flatMap(ROCDate.long) ?? ""
        touched = []
        showAllProblems = false
    }

    // MARK: Fields

    /// Changes the letter on the fields page (one closure per entry: `{ $0.subject = text }`).
    public mutating func edit(_ change: (inout OfficialLetter) -> Void) {
        guard step == .fields else { return }
        change(&letter)
    }

    public mutating func setDateText(_ text: String) {
        guard step == .fields else { return }
        dateText = text
        letter.date = ROCDate.parse(text)
    }

    /// Puts a headed paragraph from its editor (說明 or 辦法) into the letter: in its place when
    /// the letter has it, else 說明 first and others after; left out while it is empty, so an
    /// unused 辦法 is not an empty-paragraph problem.
    public mutating func setParagraph(_ paragraph: LetterParagraph) {
        guard step == .fields else { return }
        let index = letter.paragraphs.firstIndex { $0.heading == paragraph.heading }
        let isEmpty = paragraph.items.isEmpty && TextRules.isBlank(paragraph.text)
        switch (index, isEmpty) {
        case let (index?, true): letter.paragraphs.remove(at: index)
        case let (index?, false): letter.paragraphs[index] = paragraph
        case (nil, true): break
        case (nil, false):
            let isExplanation = paragraph.heading == LetterParagraph.explanationHeading
            letter.paragraphs.insert(paragraph, at: isExplanation ? 0 : letter.paragraphs.endIndex)
        }
    }

    /// Files chosen to go with the letter (paths on this computer), each attached under its own
    /// name; a file already attached is not added twice. Two files of the same name are a
    /// problem the 附件 group shows.
    public mutating func addAttachments(_ paths: [String]) {
        guard step == .fields else { return }
        for path in paths where !attachmentPaths.contains(path) {
            guard let name = path.split(separator: "/").last.map(String.init), !name.isEmpty else { continue }
            attachmentPaths.append(path)
            letter.attachments.files.append(AttachmentFile(fileName: name))
            touch(.attachmentFile(letter.attachments.files.count - 1))
        }
        touch(.attachmentsText)
    }

    public mutating func removeAttachment(at index: Int) {
        guard step == .fields, attachmentPaths.indices.contains(index) else { return }
        attachmentPaths.remove(at: index)
        letter.attachments.files.remove(at: index)
    }

    /// The user left `field`: its problems show from now on.
    public mutating func touch(_ field: LetterField) {
        touched.insert(field)
    }

    /// Every problem of the letter as it stands (the typed date included).
    public var problems: [LetterProblem] {
        LetterValidator.problems(in: letter, typedDate: dateText)
    }

    /// The messages to show beside `field` now.
    public func visibleProblems(on field: LetterField) -> [UserMessage] {
        guard showAllProblems || touched.contains(field) else { return [] }
        return problems.filter { $0.field == field }.map(\.message)
    }

    // MARK: Preview and save

    /// The preview page's content: the draft as it will print.
    public var preview: [LetterBlock] { LetterLayout.blocks(letter, variant: .draft) }

    public mutating func saved(id: String) {
        guard step == .preview else { return }
        savedID = id
        failure = nil
        step = .saved
    }

    public mutating func saveFailed(_ message: UserMessage) {
        guard step == .preview else { return }
        failure = message
    }

    // MARK: Moving between steps

    public var canGoNext: Bool {
        switch step {
        case .template: chosenTemplate != nil
        case .fields: problems.isEmpty
        case .preview, .saved: false
        }
    }

    /// What stops 下一步, for the banner.
    public var problem: UserMessage? {
        switch step {
        case .template:
            chosenTemplate == nil ? UserMessage(zh: "請選擇一個範本。", en: "Choose a template.") : nil
        case .fields:
            problems.isEmpty ? nil : UserMessage(zh: "還有 \(problems.count) 個欄位需要修正。", en: "\(problems.count) fields still need fixing.")
        case .preview:
            failure
        case .saved:
            nil
        }
    }

    /// Goes on; on the fields page a refused 下一步 reveals every problem.
    public mutating func next() {
        switch step {
        case .template:
            if canGoNext { step = .fields }
        case .fields:
            showAllProblems = true
            if canGoNext { step = .preview }
        case .preview, .saved:
            break
        }
    }

    public mutating func back() {
        switch step {
        case .fields: step = .template
        case .preview:
            failure = nil
            step = .fields
        case .template, .saved: break
        }
    }
}
