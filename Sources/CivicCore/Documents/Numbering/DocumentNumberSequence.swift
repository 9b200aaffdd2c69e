/// A sequence of 發文字號: one per office (機關代碼), per 字 and per 中華民國 year, running from 1.
/// Numbers are consecutive and never reused: a number is taken inside the store's transaction at
/// dispatch, or reserved earlier for a letter; a reservation not used is voided, which keeps it
/// counted and listed (作廢) rather than skipped silently.
public struct NumberSequenceKey: Sendable, Hashable, CustomStringConvertible {
    /// 機關代碼 of the sending office; empty for a workspace without a registered office.
    public let agencyCode: String
    /// 字 (`議秘`).
    public let word: String
    /// 年度, the 中華民國 year.
    public let year: Int

    public init(agencyCode: String, word: String, year: Int) {
        self.agencyCode = agencyCode
        self.word = word
        self.year = year
    }

    /// The sequence a letter dated `date` is numbered in.
    public init(letter: OfficialLetter, date: CivilDate) {
        self.init(agencyCode: letter.sender.code, word: letter.numberWord, year: ROCDate.rocYear(ofGregorian: date.year))
    }

    /// The number `serial` of this sequence.
    public func number(_ serial: Int) -> DocumentNumber {
        DocumentNumber(word: word, year: year, serial: serial)
    }

    /// The serial after `last` (nil when the sequence is new); nil when the year's seven digits are used up.
    public func serial(after last: Int?) -> Int? {
        let next = (last ?? 0) + 1
        return LetterLimits.serial.contains(next) ? next : nil
    }

    public var description: String { "\(agencyCode)/\(word)/\(year)" }
}

/// What became of a number of a sequence.
public enum NumberUse: String, Sendable, Hashable, CaseIterable, Codable {
    /// Held for a letter that has not gone out yet.
    case reserved
    /// On a dispatched letter.
    case dispatched
    /// A reservation given up; the number stays counted and is never given again.
    case voided

    public var label: UserMessage {
        switch self {
        case .reserved: UserMessage(zh: "保留", en: "Reserved")
        case .dispatched: UserMessage(zh: "已發文", en: "Dispatched")
        case .voided: UserMessage(zh: "作廢", en: "Voided")
        }
    }
}

/// One number of a sequence and the letter it went to.
public struct NumberLedgerEntry: Sendable, Hashable {
    public let serial: Int
    public let letterID: String
    public let use: NumberUse
    public let at: Timestamp

    public init(serial: Int, letterID: String, use: NumberUse, at: Timestamp) {
        self.serial = serial
        self.letterID = letterID
        self.use = use
        self.at = at
    }
}

/// The sequence's ledger read back: every serial from 1 to the last must appear exactly once.
/// `civicdesk doc` checks and tests use it to prove that two processes dispatching at once got
/// consecutive numbers and that nothing was skipped or given twice.
public enum NumberLedgerAudit {
    /// Serials missing between 1 and the highest one given.
    public static func gaps(_ entries: [NumberLedgerEntry]) -> [Int] {
        let serials = Set(entries.map(\.serial))
        guard let highest = serials.max() else { return [] }
        return (1...highest).filter { !serials.contains($0) }
    }

    /// Serials given more than once.
    public static func duplicates(_ entries: [NumberLedgerEntry]) -> [Int] {
        Dictionary(grouping: entries, by: \.serial).filter { $0.value.count > 1 }.keys.sorted()
    }
}

/// Takes and reserves 發文字號. CivicStore implements it over SQLite: each call is ONE immediate
/// transaction reading the sequence's highest serial and writing the next, so two processes
/// dispatching at once get consecutive numbers and never the same one.
public protocol DocumentNumberAllocating: Sendable {
    /// The number for `letterID` in `key`'s sequence, at dispatch: the letter's own reservation in
    /// that sequence when it holds one (it becomes `dispatched`), else the next serial.
    /// Throws `DocumentNumberError.exhausted` past 9,999,999 and `.alreadyDispatched` when the
    /// letter already went out with a number.
    func take(_ key: NumberSequenceKey, for letterID: String, at time: Timestamp) throws -> DocumentNumber

    /// Reserves the next serial for `letterID` before dispatch (a letter holds at most one
    /// reservation per sequence: asking again returns it).
    func reserve(_ key: NumberSequenceKey, for letterID: String, at time: Timestamp) throws -> DocumentNumber

    /// Voids `letterID`'s reservation in `key`'s sequence; the serial stays in the ledger.
    func voidReservation(_ key: NumberSequenceKey, for letterID: String, at time: Timestamp) throws

    /// The sequence's ledger, by serial.
    func ledger(_ key: NumberSequenceKey) throws -> [NumberLedgerEntry]
}

/// Why a number could not be taken or reserved.
public enum DocumentNumberError: UserFacingError, Equatable {
    /// The year's seven-digit running numbers are used up.
    case exhausted(NumberSequenceKey)
    /// The letter already went out as this number.
    case alreadyDispatched(DocumentNumber)
    /// A number given to another letter (an import or a hand edit claims it).
    case alreadyUsed(DocumentNumber, byLetter: String)
    /// The letter has no 字 to be numbered under.
    case noWord
    /// The letter holds no reservation to void.
    case noReservation(NumberSequenceKey)

    public var message: UserMessage {
        switch self {
        case let .exhausted(key):
            UserMessage(zh: "「\(key.word)」字 \(key.year) 年度的流水號已用完，請改用其他字。",
                        en: "The \(key.word) numbers of year \(key.year) are used up; use another 字.")
        case let .alreadyDispatched(number):
            UserMessage(zh: "這份公文已以 \(number.text) 發文，不會再取號。", en: "This letter already went out as \(number.text); no new number is taken.")
        case let .alreadyUsed(number, letter):
            UserMessage(zh: "發文字號 \(number.text) 已由公文 \(letter) 使用，同一字號不能重複。",
                        en: "The number \(number.text) is already used by letter \(letter); a number is never given twice.")
        case .noWord:
            UserMessage(zh: "請先選定發文字號的「字」（例：議秘）再取號。", en: "Choose the number's 字 (e.g. 議秘) before taking a number.")
        case let .noReservation(key):
            UserMessage(zh: "這份公文在「\(key.word)」字 \(key.year) 年度沒有保留的字號。",
                        en: "This letter holds no reserved \(key.word) number of year \(key.year).")
        }
    }
}
