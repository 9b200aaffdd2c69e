import CivicCore
import CivicTestSupport
import Foundation
import Testing
import ZIPFoundation

/// `連署.xlsx` read back: the workbook names both sheets, the roster sheet has one row per
/// record in the order of records.jsonl then excluded.jsonl, and the statistics add up.
@Suite("連署.xlsx")
struct RosterSpreadsheetTests {
    static func parts(_ url: URL) throws -> [String: String] {
        var parts: [String: String] = [:]
        for entry in try ZipReading.entries(url) { parts[entry.name] = String(decoding: entry.data, as: UTF8.self) }
        return parts
    }

    /// The text of every cell in a row of sheet XML, in column order.
    static func rows(_ sheet: String) -> [[String]] {
        sheet.components(separatedBy: "<row ").dropFirst().map { row in
            row.components(separatedBy: "<c ").dropFirst().map { cell in
                if let start = cell.range(of: "<t>") ?? cell.range(of: "<t xml:space=\"preserve\">"), let end = cell.range(of: "</t>") {
                    return String(cell[start.upperBound..<end.lowerBound])
                }
                if let start = cell.range(of: "<v>"), let end = cell.range(of: "</v>") { return String(cell[start.upperBound..<end.lowerBound]) }
                return ""
            }
        }
    }

    @Test func bothSheetsWithMaskedIDs() throws {
        let fixture = try PackFixture()
        try fixture.pack()
        let parts = try Self.parts(fixture.spreadsheetURL)
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains(#"name="連署人名冊""#) && workbook.contains(#"name="統計""#))
        #expect(workbook.range(of: "連署人名冊")!.lowerBound < workbook.range(of: "統計")!.lowerBound)

        let roster = Self.rows(try #require(parts["xl/worksheets/sheet1.xml"]))
        #expect(roster.first == SpreadsheetRecordRow.headers)
        #expect(roster.count == 1 + 43)
        #expect(roster.dropFirst().map { $0[0] } == (1...43).map(String.init))
        // Valid records first, in roster order, then the excluded ones.
        #expect(roster.dropFirst().prefix(40).allSatisfy { $0.last == "有效" })
        #expect(roster.suffix(3).map { $0.last } == ["未滿十八歲", "重複連署", "資料格式錯誤"])
        let first = roster[1]
        #expect(first[1] == "2024/03/01 10:00:00")
        #expect(first[2] == String(PackFixture.id(0).prefix(6)) + "****")
        #expect(first[3] == "連署人0")
        #expect(first[4] == "069/01/31")
        #expect(first[5] == "台北市中正區某路0號")
        #expect(first[6] == "1")
        #expect(!parts.values.contains { $0.contains(PackFixture.id(7)) })

        let statistics = Self.rows(try #require(parts["xl/worksheets/sheet2.xml"]))
        #expect(statistics.first == ["狀態", "代碼", "筆數"])
        #expect(statistics[1] == ["有效", "valid", "40"])
        #expect(statistics.contains(["重複連署", "duplicate", "1"]))
        #expect(statistics.contains(["身分證統一編號錯誤", "invalid-id", "0"]))
        #expect(statistics.contains(["門檻（應達連署人數）", "293228"]))
        #expect(statistics.contains(["有效連署人數", "40"]))
        let progress = try #require(statistics.first { $0.first == "達成率" })
        #expect(abs((Double(progress[1]) ?? 0) - 40.0 / 293_228.0) < 1e-9)
        // 台北市 and 臺北市 count together.
        #expect(statistics.contains(["臺北市", "14"]) && statistics.contains(["新北市", "13"]) && statistics.contains(["臺中市", "13"]))
    }

    @Test func fullIDsWhenAskedFor() throws {
        let fixture = try PackFixture()
        try fixture.pack(fullIDs: true)
        let roster = Self.rows(try #require(try Self.parts(fixture.spreadsheetURL)["xl/worksheets/sheet1.xml"]))
        #expect(roster[1][2] == PackFixture.id(0))
    }
}
