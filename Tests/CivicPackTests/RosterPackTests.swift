import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing
@testable import CivicZip

/// Packing a workspace: the submission zip read back with ZIPFoundation and checked with
/// `openssl cms -verify`, the spreadsheet read back as sheet XML, and the all-or-nothing output.
@Suite("打包送件檔")
struct RosterPackTests {
    @Test func theSubmissionArchiveHoldsWhatTheSpecSays() throws {
        let fixture = try PackFixture()
        let manifest = try fixture.pack()
        let entries = try ZipReading.entries(fixture.archiveURL)
        #expect(entries.map(\.name) == ["manifest.json", "records.jsonl", "excluded.jsonl", "manifest.json.p7s"])
        let (manifestData, recordsData, excludedData, signature) = (entries[0].data, entries[1].data, entries[2].data, entries[3].data)

        // The manifest: its digests are those of the entries, its counts those of the workspace.
        let decoded = try JSONDecoder().decode(SubmissionManifest.self, from: manifestData)
        #expect(decoded == manifest)
        #expect(try manifest.encoded() == Array(manifestData))
        #expect(manifest.files == ["records.jsonl": Digest.sha256Hex(Array(recordsData)), "excluded.jsonl": Digest.sha256Hex(Array(excludedData))])
        #expect(manifest.counts == StatusCounts([.valid: 40, .malformed: 1, .underage: 1, .duplicate: 1]))
        #expect(manifest.batches.map(\.number) == [1, 2] && manifest.batches.map(\.records) == [22, 21])
        #expect(manifest.packedAt == "2024-03-07T09:00:00+08:00" && manifest.threshold == 293_228)
        #expect(manifest.packedBy == CMSManifestSigner().certificate.subject.rfc4514)
        #expect(manifest.packedBy.contains("CN=王大明"))

        // records.jsonl: the valid lines exactly as imported, in roster order.
        let recordLines = String(decoding: recordsData, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(recordLines.count == 41 && recordLines.last == "")
        var expected: [String] = []
        try fixture.store.readForPacking(caseId: RosterFixtures.caseId, begin: { _ in }) { chunk in
            expected += chunk.filter { $0.row.status == .valid }.map { String(decoding: $0.line, as: UTF8.self) }
        }
        #expect(recordLines.dropLast().map(String.init) == expected)
        let signedAts = try recordLines.dropLast().map { line -> Int64 in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let tbs = (object?["tbs"] as? String).flatMap { Data(base64Encoded: $0) } ?? Data()
            let statement = try JSONSerialization.jsonObject(with: tbs) as? [String: String]
            return try #require(statement?["signedAt"].flatMap { Timestamp(rfc3339: $0) }).microsecondsSinceEpoch
        }
        #expect(signedAts == signedAts.sorted())

        // excluded.jsonl: the other records with batch, seq and status, the unreadable one last.
        let excluded = try String(decoding: excludedData, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(excluded.map { $0["status"] as? String } == ["underage", "duplicate", "malformed"])
        #expect(excluded.map { $0["batch"] as? Int } == [1, 2, 1])
        #expect((excluded[1]["line"] as? [String: Any])?["type"] as? String == "record")
        #expect(excluded[2]["line"] as? String == "not a record")

        // The signature verifies over manifest.json with the test PKI.
        let check = fixture.root.appendingPathComponent("check")
        try FileManager.default.createDirectory(at: check, withIntermediateDirectories: true)
        try manifestData.write(to: check.appendingPathComponent("manifest.json"))
        try signature.write(to: check.appendingPathComponent("manifest.json.p7s"))
        let anchors = try TestPKI.text("trust/root.pem") + TestPKI.text("trust/moica.pem")
        try anchors.write(to: check.appendingPathComponent("anchors.pem"), atomically: true, encoding: .utf8)
        try Command.run("/usr/bin/openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", check.appendingPathComponent("manifest.json.p7s").path,
                         "-content", check.appendingPathComponent("manifest.json").path,
                         "-CAfile", check.appendingPathComponent("anchors.pem").path, "-purpose", "any", "-out", "/dev/null"])

        // Every entry carries packedAt: the DOS time is the wall clock of its offset (09:00), read
        // here as UTC by ZIPFoundation, and the extended timestamp holds the instant.
        #expect(entries.allSatisfy { $0.modified == Timestamp(rfc3339: "2024-03-07T09:00:00Z")!.instant })
        let archiveBytes = try Data(contentsOf: fixture.archiveURL)
        var stamp = Data([0x55, 0x54, 5, 0, 1])
        withUnsafeBytes(of: UInt32(PackFixture.packedAt.secondsSinceEpoch).littleEndian) { stamp.append(contentsOf: $0) }
        #expect(archiveBytes.ranges(of: stamp).count == 8) // local and central header of four entries
    }

    @Test func packingTwiceGivesTheSameBytes() throws {
        let fixture = try PackFixture()
        let second = fixture.root.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try fixture.pack()
        try fixture.pack(into: second)
        let first = try Data(contentsOf: fixture.archiveURL)
        #expect(first == (try Data(contentsOf: second.appendingPathComponent(SubmissionPackage.archiveName))))
        // Packing again over the first output replaces it with the same bytes.
        try fixture.pack()
        #expect(first == (try Data(contentsOf: fixture.archiveURL)))
        #expect(try PackFixture.files(in: fixture.output) == [SubmissionPackage.archiveName, SubmissionPackage.spreadsheetName].sorted())
    }

    @Test func otherZipReadersAgree() throws {
        let fixture = try PackFixture()
        try fixture.pack()
        let listing = try Command.run("/usr/bin/unzip", ["-t", fixture.archiveURL.path])
        #expect(listing.contains("No errors detected"))
        let python = try Command.run("/usr/bin/env", ["python3", "-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print([(i.filename, i.date_time, i.compress_type) for i in z.infolist()]); z.testzip()
            """, fixture.archiveURL.path])
        #expect(python.contains("('manifest.json', (2024, 3, 7, 9, 0, 0), 8)"))
    }

    @Test func zip64RecordsReadBackEverywhere() throws {
        let fixture = try PackFixture()
        try fixture.pack(archive: { folder in
            let archive = try ZipSubmissionArchive(folder: folder, packedAt: PackFixture.packedAt)
            archive.forceZip64 = true
            return archive
        })
        let entries = try ZipReading.entries(fixture.archiveURL)
        #expect(entries.map(\.name) == ["manifest.json", "records.jsonl", "excluded.jsonl", "manifest.json.p7s"])
        let manifest = try JSONDecoder().decode(SubmissionManifest.self, from: entries[0].data)
        #expect(manifest.files["records.jsonl"] == Digest.sha256Hex(Array(entries[1].data)))
        #expect(try Command.run("/usr/bin/unzip", ["-t", fixture.archiveURL.path]).contains("No errors detected"))
        let python = try Command.run("/usr/bin/env", ["python3", "-c",
                                                   "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), len(z.read('records.jsonl')))",
                                                   fixture.archiveURL.path])
        #expect(python.hasPrefix("None \(entries[1].data.count)"))
    }

    @Test func progressReachesTheTotal() throws {
        let fixture = try PackFixture()
        var reports: [PackProgress] = []
        try fixture.pack(progress: { reports.append($0) })
        #expect(reports.last?.records == 43 && reports.last?.total == 43)
    }
}
