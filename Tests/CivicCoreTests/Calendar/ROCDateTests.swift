import Testing
@testable import CivicCore

@Suite("民國日期")
struct ROCDateTests {
    @Test func formats() throws {
        let date = try #require(CivilDate(year: 2024, month: 3, day: 4))
        #expect(ROCDate.short(date) == "113/03/04")
        #expect(ROCDate.long(date) == "中華民國113年3月4日")
        let first = try #require(CivilDate(year: 1912, month: 1, day: 1))
        #expect(ROCDate.short(first) == "001/01/01")
        let before = try #require(CivilDate(year: 1911, month: 12, day: 31))
        #expect(ROCDate.short(before) == nil)
    }

    @Test("parses every form", arguments: [
        "113/03/04", "113/3/4", "113-03-04", "113.03.04", "1130304",
        "中華民國113年3月4日", "民國113年3月4日", "中華民國１１３年３月４日", " 113/03/04 ",
    ])
    func parses(text: String) {
        #expect(ROCDate.parse(text) == CivilDate(year: 2024, month: 3, day: 4))
    }

    @Test("refuses what is not a date", arguments: [
        "", "113/02/30", "112/02/29", "0/01/01", "113/13/01", "113//01", "abc", "2024-03-04",
        "中華民國113年3月", "113/03/04/05", "11303045",
    ])
    func refuses(text: String) {
        #expect(ROCDate.parse(text) == nil)
    }

    @Test func leapDayOfALeapYear() {
        #expect(ROCDate.parse("113/02/29") == CivilDate(year: 2024, month: 2, day: 29))
        #expect(ROCDate.parse("89/02/29") == CivilDate(year: 2000, month: 2, day: 29))
        #expect(ROCDate.parse("189/02/29") == nil) // 2100 is not a leap year
    }

    @Test func isoRoundTrip() throws {
        let date = try #require(CivilDate(iso: "2024-03-04"))
        #expect(date.iso == "2024-03-04")
        #expect(CivilDate(iso: "2024-3-4") == nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
    }

    @Test func ageCountsWholeYears() throws {
        let birthday = try #require(CivilDate(iso: "2006-03-05"))
        #expect(birthday.age(on: try #require(CivilDate(iso: "2024-03-05"))) == 18)
        #expect(birthday.age(on: try #require(CivilDate(iso: "2024-03-04"))) == 17)
        let leapling = try #require(CivilDate(iso: "2004-02-29"))
        #expect(leapling.age(on: try #require(CivilDate(iso: "2022-02-28"))) == 17)
        #expect(leapling.age(on: try #require(CivilDate(iso: "2022-03-01"))) == 18)
    }

    // Found by `make fuzz` (Fuzz/Targets/dates.swift).

    /// 民國1113年 is 3024: the long form reads it, and the short form, whose three digits cannot
    /// hold it, is not written rather than written as a text `parse` refuses.
    @Test func yearsBeyondThreeDigitsHaveNoShortForm() throws {
        let date = try #require(ROCDate.parse("民國1113年3月24日"))
        #expect(date == CivilDate(year: 3024, month: 3, day: 24))
        #expect(ROCDate.short(date) == nil)
        #expect(ROCDate.long(date).flatMap(ROCDate.parse) == date)
        let last = try #require(CivilDate(year: 2910, month: 12, day: 31))
        #expect(ROCDate.short(last) == "999/12/31")
        #expect(ROCDate.parse("999/12/31") == last)
    }

    /// A year as large as Int holds used to overflow when turned into a Gregorian year.
    @Test func hugeYearsAreRefused() {
        #expect(ROCDate.parse("民國9223372036854775807年1月1日") == nil)
        #expect(ROCDate.parse("中華民國8089年1月1日") == nil) // 10000
        #expect(ROCDate.parse("中華民國8088年12月31日") == CivilDate(year: 9999, month: 12, day: 31))
    }
}
