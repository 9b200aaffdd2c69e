/// Dates in the 中華民國 (Republic of China) era, which Taiwanese forms and letters use:
/// 民國 1 is 1912, so 2024 is 民國 113.
public enum ROCDate {
    /// The first Gregorian year of the era.
    public static let eraStart = 1912

    public static func rocYear(ofGregorian year: Int) -> Int { year - eraStart + 1 }
    public static func gregorianYear(ofROC year: Int) -> Int { year + eraStart - 1 }

    /// `113/03/04`, the short form of forms and tables; nil outside 民國 1–999, the years its three
    /// digits hold (`parse` reads four-digit years in this form as what they are: ISO dates).
    public static func short(_ date: CivilDate) -> String? {
        let year = rocYear(ofGregorian: date.year)
        guard (1...999).contains(year) else { return nil }
        return "\(CivilDate.pad(year, 3))/\(CivilDate.pad(date.month, 2))/\(CivilDate.pad(date.day, 2))"
    }

    /// `中華民國113年3月4日`, the long form of official letters (發文日期).
    public static func long(_ date: CivilDate) -> String? {
        let year = rocYear(ofGregorian: date.year)
        guard year >= 1 else { return nil }
        return "中華民國\(year)年\(date.month)月\(date.day)日"
    }

    /// Reads either form: `113/03/04`, `113/3/4`, `113-03-04`, `113.03.04`, `1130304` (seven digits),
    /// `中華民國113年3月4日` or `民國113年3月4日`, with full-width digits accepted.
    /// Nil when the text is not one of these forms or names no real day.
    public static func parse(_ text: String) -> CivilDate? {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF10...0xFF19).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        let normalized = String(scalars).trimmingSpaces()
        if let date = parseLong(normalized) { return date }
        return parseShort(normalized)
    }

    private static func parseLong(_ text: String) -> CivilDate? {
        var rest = Substring(text)
        if rest.hasPrefix("中華民國") { rest = rest.dropFirst(4) } else if rest.hasPrefix("民國") { rest = rest.dropFirst(2) } else { return nil }
        guard let yearEnd = rest.firstIndex(of: "年"), let monthEnd = rest.firstIndex(of: "月"),
              let dayEnd = rest.firstIndex(of: "日"), rest.index(after: dayEnd) == rest.endIndex,
              let year = Int(rest[..<yearEnd]), let month = Int(rest[rest.index(after: yearEnd)..<monthEnd]),
              let day = Int(rest[rest.index(after: monthEnd)..<dayEnd]) else { return nil }
        return make(rocYear: year, month: month, day: day)
    }

    private static func parseShort(_ text: String) -> CivilDate? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        if parts.count == 3 {
            guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy({ $0.isASCIIDigit }) }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
            return make(rocYear: year, month: month, day: day)
        }
        guard text.count == 7, text.allSatisfy({ $0.isASCIIDigit }) else { return nil }
        let digits = Array(text)
        guard let year = Int(String(digits[0..<3])), let month = Int(String(digits[3..<5])),
              let day = Int(String(digits[5..<7])) else { return nil }
        return make(rocYear: year, month: month, day: day)
    }

    private static func make(rocYear: Int, month: Int, day: Int) -> CivilDate? {
        // Years beyond CivilDate's (9999) are refused before the sum could overflow.
        guard rocYear >= 1, rocYear <= Self.rocYear(ofGregorian: 9999) else { return nil }
        return CivilDate(year: gregorianYear(ofROC: rocYear), month: month, day: day)
    }
}

extension Character {
    /// 0–9 only: `isNumber` alone takes full-width digits, 一, ½ and other scripts' digits.
    public var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
