/// What every text of a letter must respect: no control characters (they break the DI file's XML
/// and the printed page), no line breaks inside one paragraph, a length limit. The checks return
/// the message to show, nil when the text is fine.
public enum TextRules {
    /// A character no field may hold: C0/C1 controls (tab and line breaks included), the XML
    /// non-characters U+FFFE and U+FFFF, and the Unicode line and paragraph separators.
    public static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: return true
            default: return scalar.properties.isNoncharacterCodePoint
            }
        }
    }

    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}"].contains(scalar)
    }

    /// The problem with `text` as one field: a line break (with `lineBreak` as the message), another
    /// forbidden character, or more than `limit` characters.
    public static func check(_ text: String, limit: Int, lineBreak: UserMessage = TextRules.noLineBreak) -> UserMessage? {
        if let scalar = forbiddenScalar(in: text) {
            if isLineBreak(scalar) { return lineBreak }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return UserMessage(zh: "含有控制字元 \(code)，請刪除（可能是從其他文件貼上時帶入的）。",
                               en: "Contains the control character \(code); delete it (it may have come with pasted text).")
        }
        if text.count > limit {
            return UserMessage(zh: "太長：最多 \(limit) 字，現有 \(text.count) 字。",
                               en: "Too long: at most \(limit) characters, this has \(text.count).")
        }
        return nil
    }

    public static let noLineBreak = UserMessage(zh: "不能換行。", en: "Cannot contain a line break.")

    /// True when the text has something besides spaces.
    public static func isBlank(_ text: String) -> Bool { text.trimmingSpaces().isEmpty }

    /// The item label a text starts with (`一、`, `（一）`, `(1)`, `1.`, `甲、`), nil when none:
    /// 主旨 is never numbered, and a pasted item must not carry its own number.
    public static func leadingNumbering(_ text: String) -> String? {
        let trimmed = Substring(text.trimmingSpaces())
        let chineseDigits = Set("一二三四五六七八九十百零")
        let stems = Set(ItemNumbering.stems.joined())
        let opening: Set<Character> = ["(", "（"]
        let closing: Set<Character> = [")", "）"]
        let isNumeral: (Character) -> Bool = { chineseDigits.contains($0) || stems.contains($0) || $0.isASCIIDigit || ("０"..."９").contains($0) }
        if let first = trimmed.first, opening.contains(first) {
            let inner = trimmed.dropFirst().prefix(while: isNumeral)
            let after = trimmed.dropFirst(1 + inner.count)
            guard !inner.isEmpty, let close = after.first, closing.contains(close) else { return nil }
            return String(trimmed.prefix(inner.count + 2))
        }
        let numeral = trimmed.prefix(while: isNumeral)
        guard !numeral.isEmpty, let mark = trimmed.dropFirst(numeral.count).first else { return nil }
        let rest = trimmed.dropFirst(numeral.count + 1)
        switch mark {
        case "、": return String(numeral) + "、"
        case ".", "．":
            // `1.` numbers an item; `1.5公尺` is a number.
            guard numeral.allSatisfy({ $0.isASCIIDigit || ("０"..."９").contains($0) }),
                  !(rest.first.map { $0.isASCIIDigit } ?? false) else { return nil }
            return String(numeral) + String(mark)
        default: return nil
        }
    }
}
