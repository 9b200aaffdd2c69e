import CivicCore
import CivicCrypto
import CivicSpreadsheet
import CivicStore
import CivicTestSupport
import CivicZip
import Foundation
import Testing

/// Figures for the import, the store and packing at full size, run only when asked
/// (`CIVICDESK_ROSTER_BENCH=300000 swift test -c release -Xswiftc -enable-testing --filter RosterBenchmark`): importing
/// with real signatures, inserting records of 3–4 KB in one
/// transaction, and packing compared with `gzip -1` over the same bytes.
@Suite("名冊效能量測", .serialized, .enabled(if: BenchmarkSize.records > 0))
struct RosterBenchmarkTests {
    static let size = BenchmarkSize.records

    /// A record line shaped like the petition system's: base64 of a ~300-byte statement and of a
    /// ~2.3 KB signature whose certificate parts repeat across signers and whose keys do not.
    static func line(seq: Int, random: inout SplitMix) -> [UInt8] {
        let statement = #"{"address":"臺北市中正區仁愛路一段\#(seq)號","birthDate":"1980-01-31","caseId":"113002","id":"A1\#(seq)","name":"連署人\#(seq)","signedAt":"2024-03-05T15:05:31+08:00","statement":"本人同意連署上列公民投票案。"}"#
        var signature = sharedStructure.prefix(700) + random.bytes(270) + sharedStructure.suffix(600) + random.bytes(256)
        signature += random.bytes(512)
        let text = #"{"type":"record","seq":\#(seq),"tbs":"\#(Data(statement.utf8).base64EncodedString())","sig":"\#(Data(signature).base64EncodedString())"}"#
        return Array(text.utf8)
    }

    static let sharedStructure: [UInt8] = {
        var random = SplitMix(seed: 7)
        return random.bytes(1300)
    }()

    /// The import pipeline without the cost of real signatures: reading, framing, parsing,
    /// checking the rules, the trailer digest and storing, on all cores.
    @Test func importPipelineWithoutSignatureChecks() throws {
        let count = min(Self.size, 50_000)
        let verifier = FakeVerifier(signers: ["signer": .init(certificate: RosterFixtures.certificate(commonName: "連署人"))])
        let records = (0..<count).map { index in
            TestRecord(id: PackFixture.id(index), name: "連署人").with { $0.signer = "signer"; $0.signaturePadding = 2300 }
        }
        let payload = TestBatch(number: 1, records: records).payload(digest: Digest.sha256Hex)
        let outcome = try Self.timeImport("import pipeline without signature checks", payload: payload, records: count, verifier: verifier)
        #expect(outcome?.counts[.valid] == count)
    }

    /// The import with CivicCrypto's real verifier at the benchmark's full size: records signed by
    /// the test PKI lead person's key, checked against the test trust anchors. The RSA floor the
    /// figures are judged by is measured in one place, `scripts/bench-roster.sh`.
    @Test func importWithRealSignatures() throws {
        let count = Self.size
        let key = try SoftwareKey(keyFile: TestPKI.url("people/lead/sign.key"), certificateFile: TestPKI.url("people/lead/sign.pem"))
        let lines = Lines(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            var record = TestRecord(id: PackFixture.id(index), name: "王大明")
            record.realSigner = { (try? DetachedSigner.sign($0, with: key, signingTime: Date(timeIntervalSince1970: 1_709_622_331))) ?? [] }
            lines.set(index, Array((record.line(seq: index + 1) + "\n").utf8))
        }
        var payload = Array((TestBatch(number: 1, records: []).headerLine + "\n").utf8)
        for line in lines.all { payload += line }
        payload += Array(#"{"type":"trailer","records":\#(count),"sha256":"\#(Digest.sha256Hex(payload))"}"#.utf8) + [0x0A]
        let verifier = DetachedSignatureVerifier(trustStore: try TrustStore(folder: TestPKI.url("trust")))
        let outcome = try Self.timeImport("import with real CMS verification", payload: payload, records: count, verifier: verifier)
        #expect(outcome?.counts[.valid] == count)
    }

    /// Imports `payload` into a scratch workspace and prints the rate.
    static func timeImport(_ label: String, payload: [UInt8], records: Int,
                           verifier: any DetachedSignatureVerifying) throws -> BatchImportOutcome? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = RosterStore(database: try WorkspaceDatabase(folder: root))
        let started = ContinuousClock.now
        let result = try RosterImporter(store: store, verifier: verifier, makeDigest: { Digest() })
            .importBatch(BatchFile(name: "bench.cec", sha256: Digest.sha256Hex(payload)), from: ChunkedPlaintext(payload, chunkSize: 1 << 16))
        let rate = Double(records) / seconds(ContinuousClock.now - started)
        print("bench: \(label): \(records) records of \(payload.count / records) bytes, \(Int(rate)) records/s on \(ProcessInfo.processInfo.activeProcessorCount) cores; peak \(Int(peakMemoryMB())) MB")
        guard case .imported(let outcome) = result else { return nil }
        return outcome
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [[UInt8]]

        init(count: Int) { lines = Array(repeating: [], count: count) }

        func set(_ index: Int, _ line: [UInt8]) {
            lock.withLock { lines[index] = line }
        }

        var all: [[UInt8]] { lock.withLock { lines } }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    @Test func insertAndPackAtFullSize() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = RosterStore(database: try WorkspaceDatabase(folder: root.appendingPathComponent("workspace")))
        let batches = 6
        let perBatch = Self.size / batches
        var random = SplitMix(seed: 1)
        var insertTime = Duration.zero
        var bytes = 0
        for number in 1...batches {
            // Lines are made before the clock starts, a chunk at a time, so only the store is timed.
            let header = RosterHeader(caseId: "113002", caseTitle: "效能", stage: .petition, electorate: 19_548_531,
                                      batch: .init(number: number, downloadedAt: Timestamp(rfc3339: "2024-03-06T10:00:00+08:00")!,
                                                   signedFrom: CivilDate(iso: "2024-03-01")!, signedTo: CivilDate(iso: "2024-03-05")!),
                                      leadName: "王OO")
            _ = try store.importBatch(file: BatchFile(name: "b\(number).cec", sha256: "\(number)")) { sink in
                try sink.begin(header)
                for start in stride(from: 1, through: perBatch, by: 1000) {
                    let records = (start..<min(start + 1000, perBatch + 1)).map { seq -> CheckedRecord in
                        let n = (number - 1) * perBatch + seq
                        let line = Self.line(seq: seq, random: &random)
                        bytes += line.count
                        let signedAt = Timestamp(rfc3339: "2024-03-0\(1 + n % 5)T\(10 + n % 10):\(10 + n % 50):\(10 + n % 49)+08:00")
                        return CheckedRecord(seq: seq, line: line, lineIsObject: true, status: n % 50 == 0 ? .underage : .valid,
                                             statement: SignedStatement(caseId: "113002", signedAt: signedAt, id: "A\(100_000_000 + n)",
                                                                        name: "連署人\(n)", birthDate: CivilDate(iso: "1980-01-31"),
                                                                        address: "臺北市中正區", statement: "同意"))
                    }
                    let started = ContinuousClock.now
                    try sink.append(records)
                    insertTime += ContinuousClock.now - started
                }
            }
        }
        let insertRate = Double(perBatch * batches) / Self.seconds(insertTime)
        print("bench: \(perBatch * batches) records, \(bytes / perBatch / batches) bytes a line; insert \(Int(insertRate)) records/s; peak \(Int(Self.peakMemoryMB())) MB")

        let output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let packedAt = Timestamp(rfc3339: "2024-03-07T09:00:00+08:00")!
        let started = ContinuousClock.now
        _ = try RosterPacker(source: store, makeDigest: { Digest() })
            .pack(.init(caseId: "113002", packedAt: packedAt), signer: CMSManifestSigner(),
                  archive: try ZipSubmissionArchive(folder: output, packedAt: packedAt),
                  spreadsheet: try XlsxRosterSpreadsheet(folder: output))
        let packTime = Self.seconds(ContinuousClock.now - started)

        let archive = output.appendingPathComponent(SubmissionPackage.archiveName).path
        let entries = root.appendingPathComponent("entries")
        try FileManager.default.createDirectory(at: entries, withIntermediateDirectories: true)
        try Command.run("/bin/sh", ["-c", "unzip -q -d '\(entries.path)' '\(archive)' records.jsonl excluded.jsonl"])
        let gzipStarted = ContinuousClock.now
        try Command.run("/bin/sh", ["-c", "cat '\(entries.path)/records.jsonl' '\(entries.path)/excluded.jsonl' | gzip -1 > /dev/null"])
        let gzipTime = Self.seconds(ContinuousClock.now - gzipStarted)
        print("bench: pack \(String(format: "%.2f", packTime)) s, gzip -1 \(String(format: "%.2f", gzipTime)) s, ratio \(String(format: "%.2f", packTime / gzipTime)); peak \(Int(Self.peakMemoryMB())) MB")
        #expect(insertRate > 20_000)
        #expect(packTime < 1.5 * gzipTime)
    }
}

enum BenchmarkSize {
    static let records = Int(ProcessInfo.processInfo.environment["CIVICDESK_ROSTER_BENCH"] ?? "") ?? 0
}

/// A fast deterministic byte source for synthetic signatures.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count + 8)
        while result.count < count { withUnsafeBytes(of: next()) { result += $0 } }
        return Array(result.prefix(count))
    }
}
