import CivicCore
import CivicStore
import CivicTestSupport
import Foundation
import Testing

/// Queries, paging and the purge over a real SQLite file holding 100,000 synthetic records.
@Suite("名冊查詢與保存期限", .serialized)
struct RosterQueryTests {
    static let perBatch = 25_000
    static let counties = ["臺北市", "台中市", "新北市", "高雄市"]

    /// Record `n` of the synthetic roster: statuses cycle, dates spread over 20 days.
    static func record(batch: Int, seq: Int, lineBytes: Int) -> CheckedRecord {
        let n = (batch - 1) * perBatch + seq
        let status: RecordStatus = n % 50 == 0 ? .underage : n % 97 == 0 ? .invalidID : .valid
        let signedAt = Timestamp(rfc3339: "2024-03-\(10 + n % 20)T\(10 + n % 10):00:\(10 + n % 50)+08:00")
        let statement = SignedStatement(caseId: "113002", signedAt: signedAt, id: id(n % 90_000),
                                        name: "連署人\(n)", birthDate: CivilDate(iso: "1980-01-31"),
                                        address: counties[n % 4] + "某區某路\(n)號", statement: "同意")
        var line = Array(#"{"type":"record","seq":\#(seq),"tbs":"","sig":""#.utf8)
        line += Array(repeating: UInt8(ascii: "A"), count: max(lineBytes - line.count - 2, 0)) + Array(#""}"#.utf8)
        return CheckedRecord(seq: seq, line: line, lineIsObject: true, status: status, statement: statement)
    }

    /// A valid national ID for `n` (below 10,000,000), quick to make.
    static func id(_ n: Int) -> String {
        let letter = Array("ABCDEFGHJKLMNPQRSTUVXYWZIO")[n % 26]
        let digits = String(n)
        let firstEight = "1" + String(repeating: "0", count: 7 - digits.count) + digits
        return "\(letter)\(firstEight)\(PersonalID.checkDigit(letter: letter, firstEight: firstEight) ?? 0)"
    }

    static func header(_ number: Int) -> RosterHeader {
        RosterHeader(caseId: "113002", caseTitle: "測試", stage: .petition, electorate: 19_548_531,
                     batch: .init(number: number, downloadedAt: Timestamp(rfc3339: "2024-03-30T10:00:00+08:00")!,
                                  signedFrom: CivilDate(iso: "2024-03-10")!, signedTo: CivilDate(iso: "2024-03-29")!),
                     leadName: "王OO")
    }

    /// Fills a workspace with four batches; returns records inserted per second.
    static func fill(_ workspace: TestWorkspace, lineBytes: Int = 200, batches: Int = 4) throws -> Double {
        var inserted = 0
        let started = ContinuousClock.now
        for number in 1...batches {
            _ = try workspace.store.importBatch(file: BatchFile(name: "b\(number).cec", sha256: "\(number)")) { sink in
                try sink.begin(header(number))
                for start in stride(from: 1, through: perBatch, by: 500) {
                    try sink.append((start..<start + 500).map { record(batch: number, seq: $0, lineBytes: lineBytes) })
                }
            }
            inserted += perBatch
        }
        let elapsed = ContinuousClock.now - started
        return Double(inserted) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static let shared = SharedWorkspace()

    final class SharedWorkspace: @unchecked Sendable {
        private let lock = NSLock()
        private var workspace: TestWorkspace?

        func get() throws -> TestWorkspace {
            try lock.withLock {
                if let workspace { return workspace }
                let created = try TestWorkspace()
                let rate = try RosterQueryTests.fill(created)
                print("roster store: inserted 100,000 synthetic records at \(Int(rate)) records/s (debug build, 200-byte lines)")
                workspace = created
                return created
            }
        }
    }

    @Test func countsAndDuplicatesAtScale() throws {
        let store = try Self.shared.get().store
        let rosterCase = try #require(try store.rosterCase("113002"))
        #expect(rosterCase.counts.total == 100_000)
        #expect(rosterCase.counts[.underage] == 2_000)
        // 100,000 records over 90,000 IDs: 10,000 repeats, some of them already excluded.
        #expect(rosterCase.counts[.valid] + rosterCase.counts[.duplicate] + rosterCase.counts[.underage] + rosterCase.counts[.invalidID] == 100_000)
        #expect(rosterCase.counts[.duplicate] > 9_000)
        #expect(rosterCase.counties.map(\.county).sorted() == ["新北市", "臺中市", "臺北市", "高雄市"])
        #expect(rosterCase.counties.map(\.count).reduce(0, +) == rosterCase.valid)
        #expect(rosterCase.batches.map(\.records) == [25_000, 25_000, 25_000, 25_000])
        #expect(try store.recordCount(caseId: "113002") == 100_000)
        #expect(try store.recordCount(caseId: "113002", filter: RecordFilter(status: .duplicate)) == rosterCase.counts[.duplicate])
        let statistics = try Self.shared.get().statisticsAndRecount("113002")
        #expect(statistics.stored == statistics.recounted)
    }

    @Test func filtersAndPagesQuickly() throws {
        let store = try Self.shared.get().store
        let clock = ContinuousClock()
        let prefix = try IDPrefix("  " + Self.id(12_345).prefix(6).lowercased())
        let filters = [
            RecordFilter(),
            RecordFilter(signedFrom: CivilDate(iso: "2024-03-12"), signedTo: CivilDate(iso: "2024-03-13")),
            RecordFilter(idPrefix: prefix),
            RecordFilter(status: .valid, batch: 3),
            RecordFilter(signedFrom: CivilDate(iso: "2024-03-20"), status: .underage, batch: 2),
        ]
        for filter in filters {
            let started = clock.now
            let count = try store.recordCount(caseId: "113002", filter: filter)
            let lastPage = try store.records(caseId: "113002", filter: filter, offset: max(count - 300, 0), limit: 300)
            let firstPage = try store.records(caseId: "113002", filter: filter, offset: 0, limit: 300)
            let elapsed = clock.now - started
            #expect(count > 0, "\(filter)")
            #expect(lastPage.count == min(300, count) && firstPage.count == min(300, count))
            #expect(elapsed < .milliseconds(1500), "\(filter) took \(elapsed)")
            for row in firstPage + lastPage {
                #expect(row.id?.hasSuffix("****") == true)
                if let status = filter.status { #expect(row.status == status) }
                if let batch = filter.batch { #expect(row.batch == batch) }
                if let from = filter.signedFrom { #expect(try #require(row.signedAt).date >= from) }
                if let to = filter.signedTo { #expect(try #require(row.signedAt).date <= to) }
                if let prefix = filter.idPrefix { #expect(row.id?.hasPrefix(prefix.text) == true) }
            }
            let keys = try (firstPage + lastPage).map { (try #require($0.signedAt).microsecondsSinceEpoch, $0.batch, $0.seq) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 } || count < 600)
        }
        let full = try store.records(caseId: "113002", filter: RecordFilter(idPrefix: prefix), offset: 0, limit: 10, fullIDs: true)
        #expect(full.allSatisfy { $0.id?.count == 10 && $0.id?.hasPrefix(prefix.text) == true })
        #expect(try store.records(caseId: "113999", offset: 0, limit: 10).isEmpty)
    }

    @Test func idPrefixesAreTypedAsOnThePetitionSystem() throws {
        #expect(try IDPrefix(" a12345 ").text == "A12345")
        #expect(throws: IDPrefix.Problem.tooLong) { try IDPrefix("A123456") }
        #expect(throws: IDPrefix.Problem.empty) { try IDPrefix("  ") }
        #expect(throws: IDPrefix.Problem.characters) { try IDPrefix("A1%") }
    }

    @Test func purgeKeepsTheStatisticsOnly() throws {
        let workspace = try TestWorkspace()
        _ = try Self.fill(workspace, lineBytes: 400, batches: 1)
        let store = workspace.store
        let before = try #require(try store.rosterCase("113002"))
        let purged = try store.purge(caseId: "113002")
        #expect(purged.isPurged && purged.purgedAt?.rfc3339 == "2024-03-07T08:00:00+08:00")
        #expect(purged.counts == before.counts)
        #expect(purged.counties == before.counties)
        #expect(purged.batches == before.batches)
        #expect(try store.recordCount(caseId: "113002") == 0)
        #expect(try store.records(caseId: "113002", offset: 0, limit: 10).isEmpty)
        #expect(throws: RosterCaseError.purged(caseId: "113002")) {
            try store.readForPacking(caseId: "113002", begin: { _ in }, records: { _ in })
        }
        #expect(throws: RosterImportError.casePurged(caseId: "113002")) {
            _ = try store.importBatch(file: BatchFile(name: "b5.cec", sha256: "5")) { try $0.begin(Self.header(5)) }
        }
        #expect(try store.purge(caseId: "113002") == purged)
        #expect(throws: RosterCaseError.unknown(caseId: "999")) { try store.purge(caseId: "999") }
        // No name of a signer is left in the workspace's files; the line files are gone.
        #expect(try workspace.lineFiles().isEmpty)
        for name in try workspace.files() {
            let bytes = try Data(contentsOf: store.database.folder.appendingPathComponent(name))
            #expect(bytes.range(of: Data("連署人4321".utf8)) == nil, "\(name)")
            #expect(bytes.range(of: Data("某區某路".utf8)) == nil, "\(name)")
        }
    }
}
