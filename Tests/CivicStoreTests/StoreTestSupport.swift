import CivicCore
import CivicCrypto
import CivicStore
import CivicTestSupport
import Foundation
import Testing

/// A workspace in a fresh temporary folder, removed when the test is done with it.
final class TestWorkspace {
    let folder: URL
    let store: RosterStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-store-\(UUID().uuidString)")
        store = RosterStore(database: try WorkspaceDatabase(folder: folder.appendingPathComponent("workspace")),
                            now: { Timestamp(rfc3339: "2024-03-07T08:00:00+08:00")! })
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    static let verifier = FakeVerifier(signers: Dictionary(uniqueKeysWithValues: (0..<40).map { index in
        ("連署人\(index)", FakeVerifier.Signer(certificate: RosterFixtures.certificate(commonName: "連署人\(index)")))
    }) .merging(["untrusted": .init(certificate: RosterFixtures.certificate(commonName: "連署人0"), trusted: false)]) { $1 })

    func importer(verifier: any DetachedSignatureVerifying = TestWorkspace.verifier, workers: Int = 3,
                  recordsPerUnit: Int = 4) -> RosterImporter {
        var importer = RosterImporter(store: store, verifier: verifier, makeDigest: { Digest() }, workers: workers)
        importer.recordsPerUnit = recordsPerUnit
        return importer
    }

    /// Imports a test batch as if decrypted from its file; the file's "SHA-256" is that of the payload.
    @discardableResult
    func importBatch(_ batch: TestBatch, importer: RosterImporter? = nil, failAfterChunks: Int? = nil,
                     cancellation: CancellationFlag = CancellationFlag()) throws -> BatchImportResult {
        let file = Self.importable(batch, failAfterChunks: failAfterChunks)
        return try (importer ?? self.importer()).importBatch(file.file, from: try file.open(), cancellation: cancellation)
    }

    /// A test batch as an importer's batch file, decrypted in chunks of 1,000 bytes; the file's
    /// "SHA-256" is that of the payload.
    static func importable(_ batch: TestBatch, failAfterChunks: Int? = nil) -> RosterImporter.Batch {
        let payload = batch.payload(digest: Digest.sha256Hex)
        return RosterImporter.Batch(file: BatchFile(name: batch.fileName, sha256: Digest.sha256Hex(payload))) {
            ChunkedPlaintext(payload, chunkSize: 1000, failAfterChunks: failAfterChunks)
        }
    }

    /// Every file under the workspace folder, with its path relative to it ("lines/….jsonl").
    func files() throws -> [String] {
        let root = store.database.folder
        return try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    /// The batches whose record lines the workspace holds, by file SHA-256.
    func lineFiles() throws -> [String] {
        try files().filter { $0.hasPrefix("lines/") }.map { String($0.dropFirst(6)) }
    }

    /// The case's statistics as stored, beside the same figures counted afresh from its records:
    /// imports add to the stored ones, which must never drift from a recount.
    func statisticsAndRecount(_ caseId: String = RosterFixtures.caseId) throws -> (stored: [String], recounted: [String]) {
        let rosterCase = try #require(try store.rosterCase(caseId))
        let records = try store.records(caseId: caseId, offset: 0, limit: 1_000_000)
        var counts = StatusCounts()
        var counties: [String: Int] = [:]
        for record in records {
            counts[record.status] += 1
            if record.status == .valid, let address = record.address { counties[County.of(address: address), default: 0] += 1 }
        }
        func lines(_ counts: StatusCounts, _ counties: [String: Int]) -> [String] {
            counts.all.map { "\($0.status.rawValue) \($0.count)" } + counties.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        }
        return (lines(rosterCase.counts, Dictionary(uniqueKeysWithValues: rosterCase.counties.map { ($0.county, $0.count) })),
                lines(counts, counties))
    }

    /// Every record of the case as (batch, seq, status), in roster order.
    func statuses(_ caseId: String = RosterFixtures.caseId) throws -> [String] {
        try store.records(caseId: caseId, offset: 0, limit: 1_000_000).map { "\($0.batch)/\($0.seq) \($0.status.rawValue)" }
    }
}

extension TestRecord {
    /// A valid record of test person `index` signing at `signedAt`.
    static func person(_ index: Int, at signedAt: String = "2024-03-05T15:05:31+08:00") -> TestRecord {
        var record = TestRecord(id: ReferenceIDRules.generatedID(index), name: "連署人\(index)")
        record.signedAt = signedAt
        return record
    }
}
