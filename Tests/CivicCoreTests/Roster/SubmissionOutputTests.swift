import CivicTestSupport
import Foundation
import Testing
@testable import CivicCore

@Suite("送件檔與試算表的內容")
struct SubmissionOutputTests {
    static let rosterCase = RosterCase(
        caseId: "113002", caseTitle: "你是否同意……？", stage: .petition, electorate: 19_548_531, leadName: "王OO",
        counts: StatusCounts([.valid: 4870, .duplicate: 80, .invalidID: 12]),
        counties: [CountyCount(county: "臺北市", count: 3000), CountyCount(county: "新北市", count: 1870)],
        batches: [StoredBatch(caseId: "113002", number: 1, file: BatchFile(name: "113002-連署-20240302.cec", sha256: "AB12"),
                              records: 4962, downloadedAt: Timestamp(rfc3339: "2024-03-02T10:00:00+08:00")!,
                              signedFrom: CivilDate(iso: "2024-03-01")!, signedTo: CivilDate(iso: "2024-03-02")!,
                              importedAt: Timestamp(rfc3339: "2024-03-02T11:00:00+08:00")!)],
        purgedAt: nil)

    static func manifest() -> SubmissionManifest {
        SubmissionManifest(rosterCase: rosterCase, recordsSHA256: String(repeating: "a", count: 64),
                           excludedSHA256: String(repeating: "b", count: 64),
                           packedAt: Timestamp(rfc3339: "2024-03-07T09:00:00+08:00")!, packedBy: "CN=王OO,C=TW")
    }

    @Test func theManifestHasEveryFieldAndACountForEveryStatus() throws {
        let bytes = try Self.manifest().encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["format"] as? String == "tw.cec.petition-submission")
        #expect(object["version"] as? Int == 1)
        #expect(object["caseId"] as? String == "113002")
        #expect(object["stage"] as? String == "連署")
        #expect(object["electorate"] as? Int == 19_548_531)
        #expect(object["threshold"] as? Int == 293_228)
        #expect(object["packedAt"] as? String == "2024-03-07T09:00:00+08:00")
        #expect(object["packedBy"] as? String == "CN=王OO,C=TW")
        #expect(object["tool"] as? String == "CivicDesk \(CivicDeskVersion.number)")
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(Set(counts.keys) == Set(RecordStatus.allCases.map(\.rawValue)))
        #expect(counts["valid"] == 4870 && counts["duplicate"] == 80 && counts["invalid-id"] == 12 && counts["underage"] == 0)
        let files = try #require(object["files"] as? [String: String])
        #expect(files == ["records.jsonl": String(repeating: "a", count: 64), "excluded.jsonl": String(repeating: "b", count: 64)])
        let batches = try #require(object["batches"] as? [[String: Any]])
        #expect(batches.count == 1)
        #expect(batches[0]["file"] as? String == "113002-連署-20240302.cec")
        #expect(batches[0]["sha256"] as? String == "ab12")
        #expect(batches[0]["records"] as? Int == 4962)
    }

    @Test func theManifestBytesAreTheSameEveryTime() throws {
        let first = try Self.manifest().encoded()
        for _ in 0..<20 { #expect(try Self.manifest().encoded() == first) }
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix(#"{"batches":[{"file":"113002-連署-20240302.cec","number":1,"records":4962,"sha256":"ab12"}],"caseId":"113002""#))
        #expect(!text.contains("\\/") && !text.contains("\n"))
        #expect(try JSONDecoder().decode(SubmissionManifest.self, from: Data(first)) == Self.manifest())
    }

    @Test func excludedLinesCarryTheRecordObject() throws {
        let line = Array(#"{"type":"record","seq":7,"tbs":"e30=","sig":"x"}"#.utf8)
        let excluded = ExcludedLine.bytes(batch: 2, seq: 7, status: .underage, line: line, lineIsObject: true)
        #expect(String(decoding: excluded, as: UTF8.self)
            == #"{"batch":2,"seq":7,"status":"underage","line":{"type":"record","seq":7,"tbs":"e30=","sig":"x"}}"# + "\n")
        let notJSON = ExcludedLine.bytes(batch: 1, seq: 3, status: .malformed, line: Array("not \"json\" / x".utf8), lineIsObject: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(notJSON.dropLast())) as? [String: Any])
        #expect(object["line"] as? String == "not \"json\" / x")
        #expect(object["status"] as? String == "malformed")
    }

    @Test func spreadsheetRowsShowWhatUsersKnow() throws {
        let record = RosterRecordRow(batch: 2, seq: 5, status: .duplicate, signedAt: Timestamp(rfc3339: "2024-03-05T15:05:31+08:00"),
                                     id: "A123456789", name: "王小明", birthDate: CivilDate(iso: "1980-01-31"), address: "臺北市中正區")
        let masked = SpreadsheetRecordRow(index: 12, record: record, fullIDs: false)
        #expect(masked.index == 12)
        #expect(masked.signedAt == "2024/03/05 15:05:31")
        #expect(masked.id == "A12345****")
        #expect(masked.birthDate == "069/01/31")
        #expect(masked.status == "重複連署")
        #expect(masked.batch == 2)
        #expect(SpreadsheetRecordRow(index: 1, record: record, fullIDs: true).id == "A123456789")
        let empty = RosterRecordRow(batch: 1, seq: 1, status: .malformed, signedAt: nil, id: nil, name: nil, birthDate: nil, address: nil)
        let blank = SpreadsheetRecordRow(index: 1, record: empty, fullIDs: false)
        #expect(blank.signedAt.isEmpty && blank.id.isEmpty && blank.name.isEmpty && blank.status == "資料格式錯誤")
    }

    @Test func statisticsSheetFigures() {
        let statistics = SpreadsheetStatistics(rosterCase: Self.rosterCase)
        #expect(statistics.statusCounts.count == RecordStatus.allCases.count)
        #expect(statistics.statusCounts.first == .init(label: "有效", status: "valid", count: 4870))
        #expect(statistics.threshold == 293_228)
        #expect(statistics.valid == 4870)
        #expect(abs(statistics.progress - 4870.0 / 293_228.0) < 1e-12)
        #expect(statistics.counties.map(\.county) == ["臺北市", "新北市"])
    }

    @Test func everyStatusHasALabel() {
        #expect(Set(RecordStatus.allCases.map(\.label.zh)).count == RecordStatus.allCases.count)
        #expect(RecordStatus.allCases.map(\.rawValue) == ["valid", "malformed", "bad-signature", "untrusted-certificate",
                                                          "certificate-expired", "identity-mismatch", "invalid-id",
                                                          "case-mismatch", "underage", "duplicate"])
    }
}
