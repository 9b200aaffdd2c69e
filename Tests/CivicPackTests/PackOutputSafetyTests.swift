import CivicCore
import CivicFiles
import CivicTestSupport
import CivicZip
import Foundation
import Testing

/// Spec §6: a failed, cancelled or starved pack leaves the previous outputs exactly as they were
/// and no temporary file behind.
@Suite("打包失敗時不留半個檔案", .serialized)
struct PackOutputSafetyTests {
    static let previous = (zip: Data("the previous zip".utf8), xlsx: Data("the previous spreadsheet".utf8))

    static func writePrevious(in folder: URL) throws {
        try previous.zip.write(to: folder.appendingPathComponent(SubmissionPackage.archiveName))
        try previous.xlsx.write(to: folder.appendingPathComponent(SubmissionPackage.spreadsheetName))
    }

    static func expectPreviousIntact(in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try Data(contentsOf: folder.appendingPathComponent(SubmissionPackage.archiveName)) == previous.zip,
                sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: folder.appendingPathComponent(SubmissionPackage.spreadsheetName)) == previous.xlsx,
                sourceLocation: sourceLocation)
        #expect(try PackFixture.files(in: folder) == [SubmissionPackage.archiveName, SubmissionPackage.spreadsheetName].sorted(),
                sourceLocation: sourceLocation)
    }

    @Test func aCardPulledOutBeforeSigningChangesNothing() throws {
        let fixture = try PackFixture()
        try Self.writePrevious(in: fixture.output)
        #expect(throws: RemovedCardSigner.CardRemoved.self) { try fixture.pack(signer: RemovedCardSigner()) }
        try Self.expectPreviousIntact(in: fixture.output)
    }

    @Test func cancellingChangesNothing() throws {
        let fixture = try PackFixture(records: 1200)
        try Self.writePrevious(in: fixture.output)
        let flag = CancellationFlag()
        #expect(throws: RosterPackError.cancelled) {
            try fixture.pack(cancellation: flag, progress: { _ in flag.cancel() })
        }
        try Self.expectPreviousIntact(in: fixture.output)
    }

    @Test func aWriteErrorMidwayChangesNothing() throws {
        let fixture = try PackFixture(records: 300, signaturePadding: 2000)
        try Self.writePrevious(in: fixture.output)
        #expect(throws: FileWriteError(path: "test", code: ENOSPC)) {
            try fixture.pack(archive: { folder in
                FailingArchive(inner: try ZipSubmissionArchive(folder: folder, packedAt: PackFixture.packedAt), failAfterBytes: 200_000)
            })
        }
        try Self.expectPreviousIntact(in: fixture.output)
    }

    /// A real full disk: a 1 MiB tmpfs (this needs root, as CI and the development machines have).
    /// While a file is being written the folder shows nothing of it, not even a hidden name, so
    /// a kill -9 leaves nothing behind; committed, it replaces the previous file under its name.
    @Test func aFileBeingWrittenHasNoNameUntilCommitted() throws {
        let folder = try TemporaryFolder()
        let destination = folder.file("連署.xlsx")
        try Data("previous".utf8).write(to: destination)
        for content in ["first", "second"] {
            let file = try StagedFile(destination: destination)
            try file.handle.write(Array(content.utf8))
            #expect(try PackFixture.files(in: folder.url) == ["連署.xlsx"])
            try file.commit()
            #expect(try String(contentsOf: destination, encoding: .utf8) == content)
            #expect(try PackFixture.files(in: folder.url) == ["連署.xlsx"])
        }
        let dropped = try StagedFile(destination: folder.file("other.zip"))
        try dropped.handle.write(Array("never committed".utf8))
        dropped.discard()
        #expect(try PackFixture.files(in: folder.url) == ["連署.xlsx"])
    }

    @Test(.enabled(if: getuid() == 0)) func aFullDiskChangesNothing() throws {
        let fixture = try PackFixture(records: 300, signaturePadding: 3000)
        let mountPoint = fixture.root.appendingPathComponent("small-disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try Command.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mountPoint.path])
        defer { _ = try? Command.run("/bin/umount", [mountPoint.path]) }
        try Self.writePrevious(in: mountPoint)
        do {
            try fixture.pack(into: mountPoint)
            Issue.record("packing 1 MB of records into 1 MiB succeeded")
        } catch let error as FileWriteError {
            #expect(error.isDiskFull)
            #expect(error.message.zh.contains("磁碟空間不足"))
        } catch {
            #expect(error is UserFacingError, "\(error)")
        }
        try Self.expectPreviousIntact(in: mountPoint)
    }
}

/// An archive whose disk fills up after `failAfterBytes`.
final class FailingArchive: SubmissionArchiveWriting {
    let inner: any SubmissionArchiveWriting
    let failAfterBytes: Int
    var written = 0

    init(inner: any SubmissionArchiveWriting, failAfterBytes: Int) {
        self.inner = inner
        self.failAfterBytes = failAfterBytes
    }

    private func count(_ bytes: [UInt8]) throws {
        written += bytes.count
        if written > failAfterBytes { throw FileWriteError(path: "test", code: ENOSPC) }
    }

    func appendRecords(_ bytes: [UInt8]) throws {
        try count(bytes)
        try inner.appendRecords(bytes)
    }

    func appendExcluded(_ bytes: [UInt8]) throws {
        try count(bytes)
        try inner.appendExcluded(bytes)
    }

    func finish(manifest: [UInt8], signature: [UInt8]) throws { try inner.finish(manifest: manifest, signature: signature) }
    func commit() throws { try inner.commit() }
    func discard() { inner.discard() }
}
