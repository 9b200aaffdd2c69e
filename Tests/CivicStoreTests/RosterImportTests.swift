import CivicCore
import CivicCrypto
import CivicStore
import CivicTestSupport
import Foundation
import Testing

/// The import pipeline over the real workspace database: statuses, duplicates across batches,
/// re-imports and all-or-nothing refusals.
@Suite("匯入名冊到工作區")
struct RosterImportTests {
    /// One record for every status of spec §3.
    static func everyStatus() -> TestBatch {
        var records: [TestRecord] = []
        records.append(.person(0))
        records.append(TestRecord.person(1).with { $0.rawLine = "not json" })
        records.append(TestRecord.person(2).with { $0.signsOtherContent = true })
        records.append(TestRecord.person(3).with { $0.signer = "untrusted"; $0.name = "連署人0" })
        records.append(TestRecord.person(4).with { $0.signedAt = "2030-01-01T00:00:00+08:00" })
        records.append(TestRecord.person(5).with { $0.name = "連署人6" ; $0.signer = "連署人5" })
        records.append(TestRecord.person(6).with { $0.id = "A123456780" })
        records.append(TestRecord.person(7).with { $0.caseId = "113999" })
        records.append(TestRecord.person(8).with { $0.birthDate = "2010-01-01" })
        records.append(TestRecord.person(0).with { $0.signedAt = "2024-03-05T15:05:32+08:00" })
        return TestBatch(number: 1, records: records)
    }

    @Test func everyStatusIsStored() throws {
        let workspace = try TestWorkspace()
        guard case .imported(let outcome) = try workspace.importBatch(Self.everyStatus()) else {
            Issue.record("not imported")
            return
        }
        for status in RecordStatus.allCases { #expect(outcome.counts[status] == 1, "\(status)") }
        #expect(outcome.caseCounts == outcome.counts)
        #expect(outcome.newDuplicates == 1)
        #expect(outcome.threshold == 293_228)
        let rosterCase = try #require(try workspace.store.rosterCase(RosterFixtures.caseId))
        #expect(rosterCase.counts == outcome.counts)
        #expect(rosterCase.counties == [CountyCount(county: "臺北市", count: 1)])
        #expect(rosterCase.batches.map(\.records) == [10])
        #expect(rosterCase.batches.first?.file.name == "113002-連署-20240301.cec")
        #expect(rosterCase.stage == .petition && rosterCase.caseTitle == "你是否同意……？" && !rosterCase.isPurged)
        // Roster order: by signing instant (the 2030 one late, the unreadable one last), then seq.
        #expect(try workspace.statuses() == [
            "1/1 valid", "1/3 bad-signature", "1/4 untrusted-certificate", "1/6 identity-mismatch", "1/7 invalid-id",
            "1/8 case-mismatch", "1/9 underage", "1/10 duplicate", "1/5 certificate-expired", "1/2 malformed",
        ])
    }

    @Test func recordsComeBackInRosterOrderWithTheirOriginalLines() throws {
        let workspace = try TestWorkspace()
        let batch = TestBatch(number: 1, records: [.person(1, at: "2024-03-05T12:00:00+08:00"), .person(2, at: "2024-03-05T03:00:00Z"),
                                                  .person(3, at: "2024-03-04T12:00:00+08:00")])
        try workspace.importBatch(batch)
        // 03:00Z is 11:00 Taipei time: before record 1, after record 3.
        #expect(try workspace.statuses() == ["1/3 valid", "1/2 valid", "1/1 valid"])
        var lines: [String] = []
        try workspace.store.readForPacking(caseId: RosterFixtures.caseId, begin: { _ in }) { chunk in
            lines += chunk.map { String(decoding: $0.line, as: UTF8.self) }
        }
        #expect(lines == [batch.records[2].line(seq: 3), batch.records[1].line(seq: 2), batch.records[0].line(seq: 1)])
    }

    @Test func duplicatesDoNotDependOnTheImportOrder() throws {
        // Person 1 signs in every batch, earliest in batch 3; person 2 twice at the same instant
        // (batch 1 wins the tie); person 3 twice within batch 2 (seq decides).
        let batches = [
            TestBatch(number: 1, records: [.person(1, at: "2024-03-02T10:00:00+08:00"), .person(2, at: "2024-03-02T10:00:00+08:00"), .person(4)]),
            TestBatch(number: 2, records: [.person(1, at: "2024-03-03T10:00:00+08:00"), .person(2, at: "2024-03-02T02:00:00Z"),
                                           .person(3, at: "2024-03-03T09:00:00+08:00"), .person(3, at: "2024-03-03T09:00:00+08:00")]),
            TestBatch(number: 3, records: [.person(1, at: "2024-03-01T10:00:00+08:00"),
                                           TestRecord.person(4).with { $0.birthDate = "2010-01-01" }]),
        ]
        var results: [[String]] = []
        var counts: [StatusCounts] = []
        for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]] {
            let workspace = try TestWorkspace()
            var newDuplicates = 0
            for index in order {
                if case .imported(let outcome) = try workspace.importBatch(batches[index]) { newDuplicates += outcome.newDuplicates }
            }
            results.append(try workspace.statuses())
            let rosterCase = try #require(try workspace.store.rosterCase(RosterFixtures.caseId))
            counts.append(rosterCase.counts)
            // Adding batches only ever turns records into duplicates, never back.
            #expect(newDuplicates == rosterCase.counts[.duplicate])
            let statistics = try workspace.statisticsAndRecount()
            #expect(statistics.stored == statistics.recounted)
        }
        #expect(results.allSatisfy { $0 == results[0] })
        #expect(counts.allSatisfy { $0 == counts[0] })
        #expect(results[0] == ["3/1 valid", "1/1 duplicate", "1/2 valid", "2/2 duplicate", "2/3 valid", "2/4 duplicate",
                               "2/1 duplicate", "1/3 valid", "3/2 underage"])
        #expect(counts[0] == StatusCounts([.valid: 4, .duplicate: 4, .underage: 1]))
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let workspace = try TestWorkspace()
        let batch = Self.everyStatus()
        try workspace.importBatch(batch)
        let before = try workspace.statuses()
        guard case .alreadyImported(let existing) = try workspace.importBatch(batch) else {
            Issue.record("imported twice")
            return
        }
        #expect(existing.number == 1 && existing.records == 10)
        #expect(try workspace.statuses() == before)
        #expect(try workspace.store.batch(fileSHA256: existing.file.sha256) == existing)
        // The same batch number from another file is refused, with the file it came from.
        var other = batch
        other.downloadedAt = "2024-03-06T11:00:00+08:00"
        #expect(throws: RosterImportError.batchNumberTaken(caseId: "113002", number: 1, existingFile: batch.fileName)) {
            try workspace.importBatch(other)
        }
        #expect(try workspace.statuses() == before)
    }

    @Test func aRefusedBatchLeavesNothingBehind() throws {
        let workspace = try TestWorkspace()
        try workspace.importBatch(TestBatch(number: 1, records: [.person(1), .person(2)]))
        let before = try workspace.statuses()
        let beforeCase = try workspace.store.rosterCase(RosterFixtures.caseId)
        let fresh = TestBatch(number: 2, records: (3..<40).map { TestRecord.person($0) } + [.person(1, at: "2024-03-01T00:00:00+08:00")])

        var wrongDigest = fresh
        wrongDigest.rawTrailer = #"{"type":"trailer","records":38,"sha256":"\#(String(repeating: "0", count: 64))"}"#
        #expect(throws: RosterPayloadError.digestMismatch) { try workspace.importBatch(wrongDigest) }
        var wrongCount = fresh
        wrongCount.trailerCountOffset = -1
        #expect(throws: RosterPayloadError.recordCountMismatch(stated: 37, found: 38)) { try workspace.importBatch(wrongCount) }
        var cut = fresh
        cut.omitTrailer = true
        #expect(throws: RosterPayloadError.missingTrailer) { try workspace.importBatch(cut) }
        var otherFormat = fresh
        otherFormat.rawHeader = #"{"type":"header","format":"tw.cec.petition-roster","version":2}"#
        #expect(throws: RosterPayloadError.unsupportedVersion("2")) { try workspace.importBatch(otherFormat) }
        // Decryption fails half-way (a tampered file, a removed card).
        #expect(throws: ChunkedPlaintext.Failure()) { try workspace.importBatch(fresh, failAfterChunks: 20) }
        // A different electorate: not the same case.
        var otherFacts = fresh
        otherFacts.electorate = 19_000_000
        #expect(throws: RosterImportError.caseFactsDiffer(caseId: "113002", fact: .electorate, imported: "19548531",
                                                          batch: "19000000")) { try workspace.importBatch(otherFacts) }

        #expect(try workspace.statuses() == before)
        #expect(try workspace.store.rosterCase(RosterFixtures.caseId) == beforeCase)
        #expect(try workspace.lineFiles() == beforeCase.map { $0.batches.map { "\($0.file.sha256).jsonl" } })
        // The good file still imports afterwards, and its earlier signature displaces person 1's.
        guard case .imported(let outcome) = try workspace.importBatch(fresh) else {
            Issue.record("not imported")
            return
        }
        #expect(outcome.records == 38 && outcome.newDuplicates == 1)
        #expect(try workspace.store.rosterCase(RosterFixtures.caseId)?.counts == StatusCounts([.valid: 39, .duplicate: 1]))
    }

    @Test func cancellingRollsBack() throws {
        let workspace = try TestWorkspace()
        let flag = CancellationFlag()
        let cancelling = CancellingVerifier(inner: TestWorkspace.verifier, flag: flag, after: 10)
        let batch = TestBatch(number: 1, records: (0..<40).map { TestRecord.person($0) })
        #expect(throws: RosterImportError.cancelled) {
            try workspace.importBatch(batch, importer: workspace.importer(verifier: cancelling, recordsPerUnit: 2), cancellation: flag)
        }
        #expect(try workspace.store.rosterCase(RosterFixtures.caseId) == nil)
        #expect(try workspace.store.cases().isEmpty)
        #expect(try workspace.lineFiles().isEmpty)
    }

    @Test func severalFilesAreReadAheadOfTheStoreAndEachLandsOnItsOwn() throws {
        let workspace = try TestWorkspace()
        let batches = (1...3).map { number in
            TestBatch(number: number, records: (0..<30).map { TestRecord.person(number * 30 + $0) })
        }
        // The second file breaks off half-way (a tampered file): it alone is rolled back, the third
        // still lands, and every step is reported in order.
        let files = [TestWorkspace.importable(batches[0]), TestWorkspace.importable(batches[1], failAfterChunks: 3),
                     TestWorkspace.importable(batches[2])]
        var events: [String] = []
        workspace.importer(recordsPerUnit: 2).importBatches(files, starting: { events.append("start \($0)") }) { index, outcome in
            switch outcome {
            case .success(.imported(let imported)): events.append("imported \(index): \(imported.records)")
            case .success(.alreadyImported): events.append("already \(index)")
            case .failure(let error): events.append("failed \(index): \(error is ChunkedPlaintext.Failure)")
            }
            return true
        }
        #expect(events == ["start 0", "imported 0: 30", "start 1", "failed 1: true", "start 2", "imported 2: 30"])
        #expect(try workspace.store.rosterCase(RosterFixtures.caseId)?.batches.map(\.number) == [1, 3])
        #expect(try workspace.lineFiles().count == 2)

        // Told to stop after a file, the import starts no other.
        let stopping = try TestWorkspace()
        var started: [Int] = []
        stopping.importer().importBatches([files[0], files[2]], starting: { started.append($0) }) { _, _ in false }
        #expect(started == [0])
        #expect(try stopping.store.rosterCase(RosterFixtures.caseId)?.batches.map(\.number) == [1])
    }

    @Test func packingSaysWhichLineFileIsGone() throws {
        let workspace = try TestWorkspace()
        try workspace.importBatch(TestBatch(number: 1, records: [.person(1), .person(2)]))
        let file = try #require(try workspace.lineFiles().first)
        let path = workspace.store.database.folder.appendingPathComponent("lines/\(file)").path
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: RecordLineError(path: path, code: ENOENT)) {
            try workspace.store.readForPacking(caseId: RosterFixtures.caseId, begin: { _ in }, records: { _ in })
        }
    }

    @Test func linesLeftByACrashedImportGoWithTheNextImport() throws {
        let workspace = try TestWorkspace()
        try workspace.importBatch(TestBatch(number: 1, records: [.person(1)]))
        let kept = try workspace.lineFiles()
        let lines = workspace.store.database.folder.appendingPathComponent("lines")
        // A file renamed into place whose transaction never committed, and an unfinished one.
        for name in ["\(String(repeating: "ab", count: 32)).jsonl", ".\(String(repeating: "cd", count: 32)).jsonl.7.partial"] {
            try Data("{\"name\":\"連署人\"}".utf8).write(to: lines.appendingPathComponent(name))
        }
        try workspace.importBatch(TestBatch(number: 2, records: [.person(2)]))
        #expect(try workspace.lineFiles().count == 2)
        #expect(try Set(workspace.lineFiles()).isSuperset(of: kept))
        #expect(try workspace.lineFiles().allSatisfy { !$0.hasPrefix("ab") && !$0.hasPrefix(".") })
    }

    @Test func batchesOfTwoCasesGoToTheirOwnCases() throws {
        let workspace = try TestWorkspace()
        var other = TestBatch(number: 1, records: [.person(1)])
        other.caseId = "113005"
        other.stage = "提案"
        other.records[0].caseId = "113005"
        try workspace.importBatch(TestBatch(number: 1, records: [.person(1), .person(2)]))
        try workspace.importBatch(other)
        let cases = try workspace.store.cases()
        #expect(cases.map(\.caseId) == ["113002", "113005"])
        #expect(cases.map(\.valid) == [2, 1])
        #expect(cases.map(\.threshold) == [293_228, 1_955])
    }

    @Test func progressIsReported() throws {
        let workspace = try TestWorkspace()
        let reports = Reports()
        let batch = TestBatch(number: 1, records: (0..<40).map { TestRecord.person($0) })
        let payload = batch.payload(digest: Digest.sha256Hex)
        _ = try workspace.importer().importBatch(BatchFile(name: batch.fileName, sha256: Digest.sha256Hex(payload)),
                                                 from: ChunkedPlaintext(payload)) { reports.add($0) }
        let last = try #require(reports.all.last)
        #expect(last.records == 40 && last.bytes == payload.count && last.file == batch.fileName)
        #expect(last.recordsPerSecond > 0)
    }

    @Test func theWorkspaceIsPrivate() throws {
        let workspace = try TestWorkspace()
        try workspace.importBatch(TestBatch(number: 1, records: [.person(1)]))
        let folder = workspace.store.database.folder
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
        }
        #expect(try mode(folder.path) == 0o700)
        #expect(try mode(folder.appendingPathComponent("lines").path) == 0o700)
        #expect(try workspace.lineFiles().count == 1)
        for name in try workspace.files() {
            #expect(try mode(folder.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        #expect(WorkspaceDatabase.defaultFolder.path.hasSuffix("civicdesk"))
        // The file's header gives its page size (bytes 16–17, big-endian).
        let header = try FileHandle(forReadingFrom: folder.appendingPathComponent(WorkspaceDatabase.fileName)).read(upToCount: 18) ?? Data()
        #expect(header.count == 18 && (Int(header[16]) << 8 | Int(header[17])) == 16384)
    }
}

/// Cancels the import once it has checked `after` records, as a user pressing Cancel mid-way.
struct CancellingVerifier: DetachedSignatureVerifying {
    let inner: any DetachedSignatureVerifying
    let flag: CancellationFlag
    let after: Int
    let checked = Counter()

    func check(signature: [UInt8], over content: [UInt8]) -> SignatureCheck {
        if checked.increment() >= after { flag.cancel() }
        return inner.check(signature: signature, over: content)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [ImportProgress] = []

    func add(_ report: ImportProgress) {
        lock.withLock { reports.append(report) }
    }

    var all: [ImportProgress] {
        lock.withLock { reports }
    }
}
