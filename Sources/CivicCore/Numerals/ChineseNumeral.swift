/// Chinese numerals as official documents number their items (一、二、… 十一、 二十、 一百、).
public enum ChineseNumeral {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let units = ["", "十", "百", "千"]

    /// The numeral for 1 through 99,999,999, written as in documents: 十 not 一十 at the start,
    /// 零 for skipped places (一百零一), 萬 for ten thousands. Nil outside that range.
    public static func string(_ value: Int) -> String? {
        guard value >= 1, value <= 99_999_999 else { return nil }
        let high = value / 10_000
        let low = value % 10_000
        guard high > 0 else { return belowTenThousand(low, leading: true) }
        var text = belowTenThousand(high, leading: true) + "萬"
        if low > 0 {
            text += (low < 1000 ? "零" : "") + belowTenThousand(low, leading: false)
        }
        return text
    }

    /// 1…9999. `leading` drops the 一 of a leading 一十 (十一, not 一十一).
    private static func belowTenThousand(_ value: Int, leading: Bool) -> String {
        let places = [value / 1000, value / 100 % 10, value / 10 % 10, value % 10]
        var text = ""
        var pendingZero = false
        for (index, digit) in places.enumerated() {
            let unit = units[3 - index]
            if digit == 0 {
                pendingZero = !text.isEmpty
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            if digit == 1 && unit == "十" && text.isEmpty && leading {
                text += unit
            } else {
                text += digits[digit] + unit
            }
        }
        return text
    }
}

/// The item labels of 說明 and 辦法, level by level as the 文書處理手冊 orders them:
/// 一、 （一） 1. （1） 甲、 （甲） A. （A） a. （a）, a deeper level starting the cycle again.
public enum ItemNumbering {
    /// How many levels have their own style before the cycle repeats.
    public static let levels = 10

    static let stems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]

    /// The label of item `index` (from 1) at nesting `level` (from 0). Past the tenth 甲 (癸) or
    /// the 26th letter, the level goes on with the numbers of its bracket style.
    public static func label(level: Int, index: Int) -> String {
        let numeral = ChineseNumeral.string(index) ?? String(index)
        let stem = index <= stems.count ? stems[index - 1] : numeral
        switch level % levels {
        case 0: return numeral + "、"
        case 1: return "（" + numeral + "）"
        case 2: return "\(index)."
        case 3: return "（\(index)）"
        case 4: return stem + "、"
        case 5: return "（" + stem + "）"
        case 6: return letter(index, base: "A") + "."
        case 7: return "（" + letter(index, base: "A") + "）"
        case 8: return letter(index, base: "a") + "."
        default: return "（" + letter(index, base: "a") + "）"
        }
    }

    private static func letter(_ index: Int, base: Unicode.Scalar) -> String {
        guard (1...26).contains(index), let scalar = Unicode.Scalar(base.value + UInt32(index - 1)) else { return String(index) }
        return String(Character(scalar))
    }
}
