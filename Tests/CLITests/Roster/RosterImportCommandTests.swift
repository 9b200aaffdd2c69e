import CivicTestSupport
import Foundation
import Testing

/// The roster commands share one card lab, whose card some tests take out: one at a time.
@Suite("civicdesk roster", .serialized)
struct RosterCommandTests {}

extension RosterCommandTests {
    @Suite("roster import: every status of spec §3, duplicates across batches, two cases")
    struct Import {
        let cli: RosterCLI

        init() throws {
            cli = try RosterCLI()
            try cli.lab.ensureLeadCard()
        }

        /// One record per rule of spec §3, from test PKI persons and signers issued for the test,
        /// signed with and without signed attributes.
        static func everyStatusBatch(_ builder: RosterBatchBuilder) throws -> TestBatch {
            let lead = try RosterCLI.signer("lead")
            let older = try builder.issueSigner(name: "林滿十八", id: ReferenceIDRules.generatedID(101))
            let younger = try builder.issueSigner(name: "吳未滿", id: ReferenceIDRules.generatedID(102))
            let elsewhere = try builder.issueSigner(name: "黃別案", id: ReferenceIDRules.generatedID(103))
            let records: [TestRecord] = [
                builder.record(lead),
                builder.record(try RosterCLI.signer("other"), withoutAttributes: true),
                TestRecord(id: lead.id, name: lead.name).with { $0.rawLine = "this line is not JSON" },
                builder.record(try RosterCLI.signer("admin")) {
                    $0.rawStatement = #"{"caseId":"113002","signedAt":"2024-03-05T15:05:31+08:00","id":"F128765439","name":"林志強"}"#
                },
                builder.record(try RosterCLI.signer("clerk")) { $0.signsOtherContent = true },
                builder.record(try RosterCLI.signer("untrusted")),
                builder.record(try RosterCLI.signer("wrong-usage"), withoutAttributes: true),
                builder.record(try RosterCLI.signer("expired")),
                builder.record(try RosterCLI.signer("revoked")) { $0.name = "周撤消" },
                builder.record(older) { $0.id = "A123456788" },
                builder.record(elsewhere) { $0.caseId = "113999" },
                builder.record(younger) { $0.birthDate = "2006-03-06" },
                builder.record(older, withoutAttributes: true) { $0.birthDate = "2006-03-05" },
                builder.record(lead) { $0.signedAt = "2024-03-05T18:00:00+08:00" },
            ]
            return TestBatch(number: 1, records: records)
        }

        static let everyStatus = [
            "valid", "valid", "malformed", "malformed", "bad-signature", "untrusted-certificate", "untrusted-certificate",
            "certificate-expired", "identity-mismatch", "invalid-id", "case-mismatch", "underage", "valid", "duplicate",
        ]

        @Test("every status of spec §3, from a file openssl made (AuthEnvelopedData, PKCS#1 v1.5)")
        func everyStatus() throws {
            let file = try cli.builder.file(Self.everyStatusBatch(cli.builder))
            let result = try cli.importFiles([file])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("已匯入「113002-連署-20240301.cec」：案號 113002，第 1 批，14 筆"))
            #expect(result.output.contains("有效 3、資料格式錯誤 2、簽章驗證失敗 1、憑證不受信任 2"))

            let bySeq = try cli.records().sorted { ($0["seq"] as? Int ?? 0) < ($1["seq"] as? Int ?? 0) }
            #expect(bySeq.map { $0["status"] as? String ?? "" } == Self.everyStatus)
            var expected: [String: Int] = [:]
            for status in Self.everyStatus { expected[status, default: 0] += 1 }
            #expect(try cli.counts() == expected, "a key for every status, zero included")

            let status = try #require(try cli.status())
            #expect(Set(status.keys) == ["caseId", "caseTitle", "stage", "electorate", "threshold", "valid", "batches", "counts", "purgedAt"])
            #expect(status["caseId"] as? String == "113002" && status["stage"] as? String == "連署")
            #expect(status["electorate"] as? Int == 19_548_531 && status["threshold"] as? Int == 293_228 && status["valid"] as? Int == 3)
            let batch = try #require((status["batches"] as? [[String: Any]])?.first)
            #expect(batch["number"] as? Int == 1 && batch["records"] as? Int == 14)
            #expect(batch["file"] as? String == "113002-連署-20240301.cec")
            #expect(batch["sha256"] as? String == (try OpenSSLCommand.sha256Hex(Array(Data(contentsOf: file)))))
        }

        @Test("the record query: dates (ISO and 民國), ID prefix, status, batch; masked IDs unless asked")
        func recordQuery() throws {
            #expect(try cli.importFiles([cli.builder.file(Self.everyStatusBatch(cli.builder))]).status == 0)
            let duplicate = try cli.records(RosterFixtures.caseId, ["--status", "duplicate"])
            #expect(duplicate.count == 1 && duplicate.first?["id"] as? String == "A12345****")
            #expect(try cli.records(RosterFixtures.caseId, ["--status", "duplicate", "--full-ids"]).first?["id"] as? String == "A123456789")
            #expect(try cli.records(RosterFixtures.caseId, ["--id-prefix", "b22345"]).map { $0["name"] as? String } == ["陳美玲"])
            #expect(try cli.records(RosterFixtures.caseId, ["--from", "2024-03-05", "--to", "113/03/05", "--batch", "1"]).count == 13,
                    "the malformed line has no signing date")
            #expect(try cli.records(RosterFixtures.caseId, ["--from", "2024-03-06"]).isEmpty)
            let text = try cli.roster(["records", "--case", "113002", "--status", "underage"])
            #expect(text.output.contains("\t2024/03/05 15:05:31\t"), "the spreadsheet's columns, tab-separated")
            #expect(text.output.contains("\t095/03/06\t") && text.output.contains("未滿十八歲"))
            let wrong = try cli.roster(["records", "--case", "113002", "--status", "lost"])
            #expect(wrong.status == 2 && wrong.error.contains("沒有「lost」這種狀態"))
        }

        /// Three batches whose signers overlap, in both content types and both paddings.
        static func overlappingBatches(_ builder: RosterBatchBuilder) throws -> [URL] {
            let lead = try RosterCLI.signer("lead")
            let other = try RosterCLI.signer("other")
            let admin = try RosterCLI.signer("admin")
            let clerk = try RosterCLI.signer("clerk")
            func at(_ time: String) -> (inout TestRecord) -> Void { { $0.signedAt = "2024-03-0\(time)+08:00" } }
            let first = TestBatch(number: 1, records: [
                builder.record(lead, at("2T10:00:00")), builder.record(other, at("3T09:00:00")), builder.record(admin, at("4T08:00:00")),
            ])
            let second = TestBatch(number: 2, records: [
                builder.record(lead, at("1T23:00:00")), builder.record(clerk, withoutAttributes: true, at("2T12:00:00")),
                builder.record(admin, at("4T08:00:00")),
            ])
            let third = TestBatch(number: 3, records: [
                builder.record(other, withoutAttributes: true, at("3T09:00:00")), builder.record(clerk, at("2T11:59:59")),
                builder.record(lead, at("5T00:00:00")),
            ])
            return [try builder.file(first, envelope: .gcmOAEP), try builder.file(second, envelope: .cbc),
                    try builder.file(third, envelope: .cbcOAEP)]
        }

        @Test("duplicates across batches: the earliest signature wins, whatever order the batches come in")
        func duplicatesInAnyOrder() throws {
            let files = try Self.overlappingBatches(cli.builder)
            #expect(try cli.importFiles(files).status == 0)
            let expected = try cli.statuses()
            #expect(expected == [
                "2/1 valid", "1/1 duplicate", "3/2 valid", "2/2 duplicate", "1/2 valid", "3/1 duplicate",
                "1/3 valid", "2/3 duplicate", "3/3 duplicate",
            ], "earliest signature wins; a tie goes to the lower batch number")
            for order in [[2, 0, 1], [1, 2, 0]] {
                let again = try RosterCLI()
                for index in order {
                    let result = try again.importFiles([files[index]])
                    #expect(result.status == 0, "\(result.error)")
                }
                #expect(try again.statuses() == expected, "order \(order.map { $0 + 1 })")
                #expect(try again.counts() == (try cli.counts()))
            }
        }

        @Test("the same batch twice: the second time changes nothing and needs no PIN")
        func sameBatchTwice() throws {
            let file = try Self.overlappingBatches(cli.builder)[0]
            #expect(try cli.importFiles([file]).status == 0)
            let before = try cli.status()
            let again = try cli.importFiles([file], pin: nil)
            #expect(again.status == 0, "\(again.error)")
            #expect(again.output.contains("先前已匯入（案號 113002 第 1 批"))
            #expect(again.output.contains("這次沒有任何變更"))
            #expect(!again.error.contains("PIN"), "no PIN was asked")
            #expect(NSDictionary(dictionary: try #require(try cli.status())) == NSDictionary(dictionary: try #require(before)))
        }

        @Test("batches of two cases and a refused file in one import: each case gets its own, the refusal is said")
        func twoCasesAndARefusal() throws {
            let lead = try RosterCLI.signer("lead")
            let mine = try cli.builder.file(TestBatch(number: 1, records: [cli.builder.record(lead)]))
            var other = TestBatch(number: 1, records: [cli.builder.record(lead) { $0.caseId = "113003" }])
            other.caseId = "113003"
            other.stage = "提案"
            let theirs = try cli.builder.file(other, envelope: .cbc)
            let notCMS = try cli.folder.write(Array("hello".utf8), to: "113004-連署-20240301.cec")
            let result = try cli.importFiles([mine, notCMS, theirs])
            #expect(result.status == 1)
            #expect(result.output.contains("案號 113002，第 1 批，1 筆") && result.output.contains("案號 113003，第 1 批，1 筆"))
            #expect(result.error.contains("「113004-連署-20240301.cec」未匯入：這不是加密的名冊檔"))
            #expect(result.error.contains("其餘檔案已照常匯入"))
            #expect(try cli.status("113002")?["valid"] as? Int == 1)
            let proposal = try #require(try cli.status("113003"))
            #expect(proposal["stage"] as? String == "提案" && proposal["threshold"] as? Int == 1_955 && proposal["valid"] as? Int == 1)
        }
    }
}
