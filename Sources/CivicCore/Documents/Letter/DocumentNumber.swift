/// 發文字號: the 字 of the office (`議秘`), the 中華民國 year, the year's running number
/// (流水號) and an optional branch (支號). Printed `議秘字第1130000123號`: the year in three digits,
/// the running number in seven, the branch digits after them.
public struct DocumentNumber: Sendable, Hashable {
    /// 字, without the trailing 字 (`議秘`).
    public var word: String
    /// 年度, the 中華民國 year.
    public var year: Int
    /// 流水號, from 1, per office, 字 and year.
    public var serial: Int
    /// 支號, when one letter number is split into several dispatches.
    public var branch: Int?

    public init(word: String, year: Int, serial: Int, branch: Int? = nil) {
        self.word = word
        self.year = year
        self.serial = serial
        self.branch = branch
    }

    /// Digits of the running number as printed.
    public static let serialDigits = 7

    /// `1130000123` (+ the branch): the 文號 as a whole.
    public var digits: String {
        CivilDate.pad(year, 3) + CivilDate.pad(serial, Self.serialDigits) + (branch.map(String.init) ?? "")
    }

    /// `議秘字第1130000123號`.
    public var text: String { "\(word)字第\(digits)號" }
}

extension DocumentNumber {
    /// Reads `議秘字第1130000123號` (and `議秘字第11300001231號` with a branch), as other document
    /// systems and users write the number; nil for anything else.
    public init?(text: String) {
        let trimmed = text.trimmingSpaces()
        guard let marker = trimmed.range(of: "字第"), trimmed.hasSuffix("號") else { return nil }
        let word = String(trimmed[..<marker.lowerBound])
        let digits = trimmed[marker.upperBound...].dropLast()
        let width = 3 + Self.serialDigits
        guard !word.isEmpty, digits.count >= width, digits.count <= width + 2, digits.allSatisfy(\.isASCIIDigit),
              let year = Int(digits.prefix(3)), let serial = Int(digits.dropFirst(3).prefix(Self.serialDigits)) else { return nil }
        let branch = digits.count > width ? Int(digits.suffix(digits.count - width)) : nil
        self.init(word: word, year: year, serial: serial, branch: branch)
    }
}
