import Testing
@testable import CivicCore

@Suite("國字數字")
struct ChineseNumeralTests {
    @Test("numerals as documents write them", arguments: [
        (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
        (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"),
        (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"),
        (10000, "一萬"), (10001, "一萬零一"), (10010, "一萬零一十"), (11000, "一萬一千"),
        (100000, "十萬"), (120034, "十二萬零三十四"),
    ])
    func numeral(value: Int, text: String) {
        #expect(ChineseNumeral.string(value) == text)
    }

    @Test func outOfRange() {
        #expect(ChineseNumeral.string(0) == nil)
        #expect(ChineseNumeral.string(-1) == nil)
        #expect(ChineseNumeral.string(100_000_000) == nil)
    }

    @Test func itemLabels() {
        #expect(ItemNumbering.label(level: 0, index: 1) == "一、")
        #expect(ItemNumbering.label(level: 0, index: 11) == "十一、")
        #expect(ItemNumbering.label(level: 1, index: 2) == "（二）")
        #expect(ItemNumbering.label(level: 2, index: 3) == "3.")
        #expect(ItemNumbering.label(level: 3, index: 4) == "（4）")
        #expect(ItemNumbering.label(level: 4, index: 5) == "戊、")
        #expect(ItemNumbering.label(level: 5, index: 1) == "（甲）")
        #expect(ItemNumbering.label(level: 6, index: 2) == "B.")
        #expect(ItemNumbering.label(level: 7, index: 3) == "（C）")
        #expect(ItemNumbering.label(level: 8, index: 1) == "a.")
        #expect(ItemNumbering.label(level: 9, index: 26) == "（z）")
        #expect(ItemNumbering.label(level: 10, index: 2) == "二、")
        #expect(ItemNumbering.label(level: 4, index: 11) == "十一、")
        #expect(ItemNumbering.label(level: 6, index: 27) == "27.")
    }
}
