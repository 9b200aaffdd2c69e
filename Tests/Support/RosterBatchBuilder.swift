import Foundation
import Synchronization

/// Builds encrypted roster batch files (spec §1–§2) as another tool would, with the openssl
/// command line alone: records signed by `openssl cms -sign` (with or without signed
/// attributes) by the test PKI's persons or by signers issued here by the test MOICA CA, the
/// payload's trailer digest from `openssl dgst`, and the file from `openssl cms -encrypt` for the
/// lead person's encryption certificate. Everything is written in a private temporary folder.
public final class RosterBatchBuilder: Sendable {
    public let folder: TemporaryFolder
    /// Signatures already made, by signer, options and content: a batch of thousands of identical
    /// records costs one `openssl` run.
    private let signatures = Mutex<[String: [UInt8]]>([:])
    private let issued = Mutex(0)

    public init() throws {
        folder = try TemporaryFolder()
    }

    /// Whose key signs a record: the person's name and ID number as the record states them, and
    /// the PEM files of the certificate and key.
    public struct Signer: Sendable, Hashable {
        public let name: String
        public let id: String
        public let certificate: URL
        public let key: URL
    }

    /// A test PKI person (`lead`, `other`, `expired`, `untrusted`, `wrong-usage`…) with their
    /// signing certificate and their name and ID from `people.json`.
    public static func pkiSigner(_ person: String) throws -> Signer {
        guard let who = try TestPKI.people().people[person] else { throw CocoaError(.fileNoSuchFile) }
        return Signer(name: who.name, id: who.id, certificate: TestPKI.url("people/\(person)/sign.pem"),
                      key: TestPKI.url("people/\(person)/sign.key"))
    }

    /// A new signer, as the MOICA issues them: `C=TW, CN=name, serialNumber=…`, digitalSignature
    /// and nonRepudiation, valid 2024-01-01 to 2044-12-31, issued by the test MOICA CA with
    /// `openssl ca` (which, unlike `openssl x509`, takes start dates in the past).
    public func issueSigner(name: String, id: String) throws -> Signer {
        try issued.withLock { count in
            count += 1
            let ca = try authority()
            let request = folder.file("signer-\(count).csr")
            let certificate = folder.file("signer-\(count).pem")
            let subject = "/C=TW/CN=\(name)/serialNumber=\(String(format: "%016d", 9_000_000 + count))"
            try OpenSSLCommand.run(["req", "-new", "-utf8", "-config", ca.configuration.path, "-key", ca.signerKey.path,
                                    "-subj", subject, "-out", request.path])
            try OpenSSLCommand.run(["ca", "-batch", "-utf8", "-notext", "-config", ca.configuration.path, "-name", "test",
                                    "-extensions", "signer", "-startdate", "20240101000000Z", "-enddate", "20441231235959Z",
                                    "-cert", TestPKI.url("ca/moica.pem").path, "-keyfile", TestPKI.url("ca/moica.key").path,
                                    "-in", request.path, "-out", certificate.path])
            return Signer(name: name, id: id, certificate: certificate, key: ca.signerKey)
        }
    }

    /// A valid record signed by `signer` (`-noattr` leaves the signed attributes out); `change`
    /// then alters what the record states or how it is signed.
    public func record(_ signer: Signer, withoutAttributes: Bool = false, _ change: (inout TestRecord) -> Void = { _ in }) -> TestRecord {
        var record = TestRecord(id: signer.id, name: signer.name)
        let options = withoutAttributes ? ["-noattr"] : []
        record.realSigner = { [self] content in
            (try? signature(content, by: signer, options: options)) ?? Array("openssl cms -sign failed".utf8)
        }
        change(&record)
        return record
    }

    /// The batch's payload, its trailer's digest computed by openssl.
    public func payload(_ batch: TestBatch) throws -> [UInt8] {
        var failure: Error?
        let bytes = batch.payload { bytes in
            do {
                return try OpenSSLCommand.sha256Hex(bytes)
            } catch {
                failure = error
                return ""
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Encrypts `payload` into `name` (the petition system's name for the batch by default).
    public func file(_ payload: [UInt8], named name: String, envelope: CMSEncryptCommand = .gcm,
                     recipient: String = "people/lead/enc.pem") throws -> URL {
        let plaintext = try folder.write(payload, to: "\(name).jsonl")
        defer { try? FileManager.default.removeItem(at: plaintext) }
        return try envelope.encrypt(plaintext, to: folder.file(name), recipients: [TestPKI.url(recipient)])
    }

    /// `batch` as an encrypted file named as the petition system names it.
    public func file(_ batch: TestBatch, envelope: CMSEncryptCommand = .gcm, recipient: String = "people/lead/enc.pem") throws -> URL {
        try file(payload(batch), named: batch.fileName, envelope: envelope, recipient: recipient)
    }

    private func signature(_ content: [UInt8], by signer: Signer, options: [String]) throws -> [UInt8] {
        let key = "\(signer.certificate.path) \(options) \(Data(content).base64EncodedString())"
        if let known = signatures.withLock({ $0[key] }) { return known }
        let signature = try CMSSignCommand.sign(content, certificate: signer.certificate, key: signer.key, options: options,
                                                scratch: folder)
        signatures.withLock { $0[key] = signature }
        return signature
    }

    /// The `openssl ca` setup: its configuration, database and one RSA key shared by every
    /// issued signer; made on first use (under `issued`'s lock).
    private func authority() throws -> (configuration: URL, signerKey: URL) {
        let configuration = folder.file("ca.cnf")
        let signerKey = folder.file("signer.key")
        guard !FileManager.default.fileExists(atPath: configuration.path) else { return (configuration, signerKey) }
        let database = folder.file("ca")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        try folder.write([], to: "ca/index.txt")
        try folder.write(Array("5000000000000001\n".utf8), to: "ca/serial")
        try OpenSSLCommand.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", signerKey.path])
        try folder.write(Array("""
            [test]
            database = \(database.path)/index.txt
            new_certs_dir = \(database.path)
            serial = \(database.path)/serial
            default_md = sha256
            policy = any
            unique_subject = no
            [any]
            countryName = optional
            commonName = supplied
            serialNumber = optional
            [signer]
            basicConstraints = critical,CA:FALSE
            keyUsage = critical,digitalSignature,nonRepudiation
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid:always
            [req]
            distinguished_name = name
            [name]

            """.utf8), to: "ca.cnf")
        return (configuration, signerKey)
    }
}

extension CMSEncryptCommand {
    /// AuthEnvelopedData, AES-256-GCM, RSA PKCS#1 v1.5: what the petition system prefers.
    public static let gcm = CMSEncryptCommand(cipher: "aes-256-gcm")
    public static let gcmOAEP = CMSEncryptCommand(cipher: "aes-256-gcm", keyOptions: oaepSHA256)
    /// EnvelopedData, AES-256-CBC: the legacy form.
    public static let cbc = CMSEncryptCommand(cipher: "aes-256-cbc")
    public static let cbcOAEP = CMSEncryptCommand(cipher: "aes-256-cbc", keyOptions: oaepSHA256)
}
