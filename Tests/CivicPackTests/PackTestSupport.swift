import CivicCore
import CivicCrypto
import CivicSpreadsheet
import CivicStore
import CivicTestSupport
import CivicZip
import Foundation
import ZIPFoundation

/// A workspace holding an imported roster, and a folder to pack it into.
final class PackFixture {
    let root: URL
    let output: URL
    let store: RosterStore
    static let packedAt = Timestamp(rfc3339: "2024-03-07T09:00:00+08:00")!

    /// `records` valid signers in two batches, plus one record of every other status.
    init(records: Int = 40, signaturePadding: Int = 0) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-pack-\(UUID().uuidString)")
        output = root.appendingPathComponent("out/113002")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        store = RosterStore(database: try WorkspaceDatabase(folder: root.appendingPathComponent("workspace")),
                            now: { Timestamp(rfc3339: "2024-03-07T08:00:00+08:00")! })
        let verifier = FakeVerifier(signers: Dictionary(uniqueKeysWithValues: (0..<records).map {
            ("連署人\($0)", FakeVerifier.Signer(certificate: RosterFixtures.certificate(commonName: "連署人\($0)")))
        }))
        let importer = RosterImporter(store: store, verifier: verifier, makeDigest: { Digest() })
        func person(_ index: Int) -> TestRecord {
            var record = TestRecord(id: Self.id(index), name: "連署人\(index)")
            record.signedAt = "2024-03-0\(1 + index % 5)T10:\(String(format: "%02d", index % 60)):00+08:00"
            record.address = ["台北市中正區", "新北市板橋區", "臺中市西屯區"][index % 3] + "某路\(index)號"
            record.signaturePadding = signaturePadding
            return record
        }
        var first = (0..<records / 2).map(person)
        first.append(TestRecord(id: "A123456789", name: "x").with { $0.rawLine = "not a record" })
        first.append(person(0).with { $0.birthDate = "2010-01-01" })
        var second = (records / 2..<records).map(person)
        second.append(person(1).with { $0.signedAt = "2024-03-06T00:00:00+08:00" })
        for batch in [TestBatch(number: 1, records: first), TestBatch(number: 2, records: second)] {
            let payload = batch.payload(digest: Digest.sha256Hex)
            _ = try importer.importBatch(BatchFile(name: batch.fileName, sha256: Digest.sha256Hex(payload)),
                                         from: ChunkedPlaintext(payload, chunkSize: 1 << 16))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    static func id(_ n: Int) -> String {
        let letter = Array("ABCDEFGHJKLMNPQRSTUVXYWZIO")[n % 26]
        let digits = String(n)
        let firstEight = "2" + String(repeating: "0", count: 7 - digits.count) + digits
        return "\(letter)\(firstEight)\(PersonalID.checkDigit(letter: letter, firstEight: firstEight) ?? 0)"
    }

    var archiveURL: URL { output.appendingPathComponent(SubmissionPackage.archiveName) }
    var spreadsheetURL: URL { output.appendingPathComponent(SubmissionPackage.spreadsheetName) }

    @discardableResult
    func pack(into folder: URL? = nil, signer: any ManifestSigning = CMSManifestSigner(), fullIDs: Bool = false,
              archive: ((URL) throws -> any SubmissionArchiveWriting)? = nil,
              cancellation: CancellationFlag = CancellationFlag(),
              progress: (PackProgress) -> Void = { _ in }) throws -> SubmissionManifest {
        let folder = folder ?? output
        let writer = try archive?(folder) ?? ZipSubmissionArchive(folder: folder, packedAt: Self.packedAt)
        return try RosterPacker(source: store, makeDigest: { Digest() })
            .pack(.init(caseId: RosterFixtures.caseId, packedAt: Self.packedAt, fullIDs: fullIDs), signer: signer,
                  archive: writer, spreadsheet: try XlsxRosterSpreadsheet(folder: folder), cancellation: cancellation,
                  progress: progress)
    }

    /// The names of the files in `folder`, hidden ones included.
    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}

/// The manifest signer as the card will be wired: CivicCrypto's detached CMS signer over a key
/// (here the test PKI lead person's signing key in software), signing at `packedAt`, so packing
/// twice gives the same signature.
struct CMSManifestSigner: ManifestSigning {
    let key: SoftwareKey
    let signingTime: Date

    init(signingTime: Date = PackFixture.packedAt.instant) {
        guard let key = try? SoftwareKey(keyFile: TestPKI.url("people/lead/sign.key"), certificateFile: TestPKI.url("people/lead/sign.pem")) else {
            fatalError("the test PKI's lead signing key is missing")
        }
        self.key = key
        self.signingTime = signingTime
    }

    var certificate: CertificateInfo { key.certificate }

    func sign(_ manifest: [UInt8]) throws -> [UInt8] {
        try DetachedSigner.sign(manifest, with: key, signingTime: signingTime)
    }
}

/// A signer whose card was pulled out: it fails.
struct RemovedCardSigner: ManifestSigning {
    struct CardRemoved: Error {}
    var certificate: CertificateInfo { CMSManifestSigner().certificate }
    func sign(_ manifest: [UInt8]) throws -> [UInt8] { throw CardRemoved() }
}

/// Runs a command to completion; its standard output and error together, or a failure naming
/// them when it exits with another status than 0.
enum Command {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(description: "\(executable) \(arguments): \(text)") }
        return text
    }
}

/// Reading a zip with ZIPFoundation, an implementation independent of the writer.
enum ZipReading {
    static func entries(_ url: URL) throws -> [(name: String, data: Data, modified: Date?)] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return (entry.path, data, entry.fileAttributes[.modificationDate] as? Date)
        }
    }
}
