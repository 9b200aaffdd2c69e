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
