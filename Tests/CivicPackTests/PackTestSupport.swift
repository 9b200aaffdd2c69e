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
    func pack(into folder: URL? = nil, signer: any ManifestSigning = DigestSigner(), fullIDs: Bool = false,
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

/// A deterministic stand-in for the card's CMS signer: the SHA-256 of the manifest, under the
/// test PKI lead person's signing certificate.
struct DigestSigner: ManifestSigning {
    var certificate: CertificateInfo { LeadCertificate.signing }

    func sign(_ manifest: [UInt8]) throws -> [UInt8] {
        Array("DIGEST:".utf8) + Digest.sha256(manifest)
    }
}

/// Signs with the `openssl cms` command and the test PKI lead person's signing key, the way the
/// card's signer will: a detached DER SignedData carrying the certificate.
struct OpenSSLCommandSigner: ManifestSigning {
    var certificate: CertificateInfo { LeadCertificate.signing }

    func sign(_ manifest: [UInt8]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-sign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("manifest.json")
        let output = folder.appendingPathComponent("manifest.json.p7s")
        try Data(manifest).write(to: input)
        try Command.run("/usr/bin/openssl", ["cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER",
                         "-signer", TestPKI.url("people/lead/sign.pem").path, "-inkey", TestPKI.url("people/lead/sign.key").path,
                         "-in", input.path, "-out", output.path])
        return Array(try Data(contentsOf: output))
    }
}

/// A signer whose card was pulled out: it fails.
struct RemovedCardSigner: ManifestSigning {
    struct CardRemoved: Error {}
    var certificate: CertificateInfo { LeadCertificate.signing }
    func sign(_ manifest: [UInt8]) throws -> [UInt8] { throw CardRemoved() }
}

enum LeadCertificate {
    static let signing: CertificateInfo = {
        guard let der = try? TestPKI.der("people/lead/sign.pem"), let info = try? CertificateParser.parse(der: der) else {
            fatalError("the test PKI's lead signing certificate is missing")
        }
        return info
    }()
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
