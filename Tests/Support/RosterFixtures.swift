import CivicCore
import Foundation

/// Test material for the roster: certificates made directly as values, a verifier that states
/// signature facts for "signatures" made by `FakeSigner`, and payloads built line by line.
/// The real CMS verifier comes from CivicCrypto; these let the roster's own rules be tested
/// without it, while still failing when the content does not match what was signed.
public enum RosterFixtures {
    /// 2024-03-05T15:05:31+08:00, the spec's example signing time.
    public static let signedAt = Timestamp(rfc3339: "2024-03-05T15:05:31+08:00")!
    public static let caseId = "113002"

    public static func certificate(commonName: String, notBefore: String = "2023-01-01T00:00:00Z",
                                   notAfter: String = "2028-01-01T00:00:00Z",
                                   keyUsage: KeyUsage? = [.digitalSignature, .nonRepudiation]) -> CertificateInfo {
        CertificateInfo(der: Array(commonName.utf8), subject: DistinguishedName(attributes: [
                            .init(type: "C", value: "TW"), .init(type: "CN", value: commonName)]),
                        issuer: DistinguishedName(attributes: [.init(type: "CN", value: "Test MOICA")]),
                        serialHex: "01", notBefore: Timestamp(rfc3339: notBefore)!.instant,
                        notAfter: Timestamp(rfc3339: notAfter)!.instant, keyUsage: keyUsage, isCA: false, policies: [],
                        subjectKeyIdentifier: nil, sha256: commonName)
    }
}

/// Makes stand-in detached signatures: `FAKESIG`, the signer's key, optional padding (bytes as
/// random as a real signature's, so they compress as little), a separator, and the signed bytes
/// themselves, so `FakeVerifier` can tell a changed content from the signed one.
public enum FakeSigner {
    public static func sign(_ content: [UInt8], signer: String, padding: Int = 0) -> [UInt8] {
        var state = UInt64(truncatingIfNeeded: content.count) &* 0x9E37_79B9_7F4A_7C15
        for byte in content { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let noise = (0..<padding).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let byte = UInt8(truncatingIfNeeded: state >> 56)
            return byte == UInt8(ascii: ":") || byte == UInt8(ascii: "|") ? 0 : byte
        }
        return Array("FAKESIG:\(signer):".utf8) + noise + Array("|".utf8) + content
    }
}

/// States the facts `SignatureCheck` carries for `FakeSigner` signatures: malformed when the
/// bytes are not such a signature or name an unknown signer, a bad signature when the content
/// differs, else verified with the signer's certificate and whether it chains to a trust anchor.
public struct FakeVerifier: DetachedSignatureVerifying {
    public struct Signer: Sendable {
        public let certificate: CertificateInfo
        public let trusted: Bool

        public init(certificate: CertificateInfo, trusted: Bool = true) {
            self.certificate = certificate
            self.trusted = trusted
        }
    }

    public let signers: [String: Signer]

    public init(signers: [String: Signer]) {
        self.signers = signers
    }

    public func check(signature: [UInt8], over content: [UInt8]) -> SignatureCheck {
        let prefix = Array("FAKESIG:".utf8)
        guard signature.starts(with: prefix), let keyEnd = signature[prefix.count...].firstIndex(of: UInt8(ascii: ":")),
              let signer = signers[String(decoding: signature[prefix.count..<keyEnd], as: UTF8.self)],
              let bar = signature[keyEnd...].firstIndex(of: UInt8(ascii: "|")) else { return .malformed }
        guard Array(signature[(bar + 1)...]) == content else { return .badSignature(signer: signer.certificate) }
        return .verified(signer: signer.certificate, chainTrusted: signer.trusted)
    }
}

/// One signer's record as a test writes it; the defaults make a valid record.
public struct TestRecord: Sendable {
    public var caseId = RosterFixtures.caseId
    public var signedAt = "2024-03-05T15:05:31+08:00"
    public var id: String
    public var name: String
    public var birthDate = "1980-01-31"
    public var address = "臺北市中正區仁愛路一段1號"
    public var statement = "本人同意連署上列公民投票案。"
    /// The `FakeVerifier` signer key; nil signs as the person named `name`.
    public var signer: String?
    /// Replaces the whole line (for lines that are not records at all).
    public var rawLine: String?
    /// Replaces the `tbs` bytes (for statements that are not the JSON object of the spec).
    public var rawStatement: String?
    /// Signs other bytes than the statement (a signature that does not verify).
    public var signsOtherContent = false
    /// Bytes of padding in the signature, to make lines as long as real ones (3–4 KB).
    public var signaturePadding = 0
    /// Signs with a real signer (a CMS signature by a test key) instead of `FakeSigner`.
    public var realSigner: (@Sendable ([UInt8]) -> [UInt8])?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// A copy with `change` applied.
    public func with(_ change: (inout TestRecord) -> Void) -> TestRecord {
        var copy = self
        change(&copy)
        return copy
    }

    public var statementBytes: [UInt8] {
        if let rawStatement { return Array(rawStatement.utf8) }
        let object: [String: String] = ["caseId": caseId, "signedAt": signedAt, "id": id, "name": name,
                                        "birthDate": birthDate, "address": address, "statement": statement]
        return TestRecord.json(object)
    }

    public func line(seq: Int) -> String {
        if let rawLine { return rawLine }
        let tbs = statementBytes
        let signed = signsOtherContent ? tbs + [0x20] : tbs
        let signature = realSigner?(signed) ?? FakeSigner.sign(signed, signer: signer ?? name, padding: signaturePadding)
        return #"{"type":"record","seq":\#(seq),"tbs":"\#(Data(tbs).base64EncodedString())","sig":"\#(Data(signature).base64EncodedString())"}"#
    }

    static func json(_ object: [String: String]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(object))) ?? []
    }
}

/// A decrypted batch payload (spec §2), built line by line. `digest` is the SHA-256 (hex) the
/// trailer states; tests pass CivicCrypto's, or anything when they replace the trailer.
public struct TestBatch: Sendable {
    public var caseId = RosterFixtures.caseId
    public var caseTitle = "你是否同意……？"
    public var stage = "連署"
    public var electorate = 19_548_531
    public var number: Int
    public var downloadedAt = "2024-03-06T10:15:00+08:00"
    public var records: [TestRecord]
    /// Replaces the header line.
    public var rawHeader: String?
    /// Replaces the trailer line; `omitTrailer` leaves it out.
    public var rawTrailer: String?
    public var omitTrailer = false
    /// Added to the record count the trailer states.
    public var trailerCountOffset = 0

    public init(number: Int, records: [TestRecord]) {
        self.number = number
        self.records = records
    }

    public var headerLine: String {
        rawHeader ?? #"{"type":"header","format":"tw.cec.petition-roster","version":1,"caseId":"\#(caseId)","caseTitle":"\#(caseTitle)","stage":"\#(stage)","electorate":\#(electorate),"batch":{"number":\#(number),"downloadedAt":"\#(downloadedAt)","signedFrom":"2024-03-01","signedTo":"2024-03-05"},"lead":{"name":"王OO"}}"#
    }

    public func payload(digest: ([UInt8]) -> String) -> [UInt8] {
        var bytes = Array((headerLine + "\n").utf8)
        for (index, record) in records.enumerated() { bytes += Array((record.line(seq: index + 1) + "\n").utf8) }
        if omitTrailer { return bytes }
        let trailer = rawTrailer ?? #"{"type":"trailer","records":\#(records.count + trailerCountOffset),"sha256":"\#(digest(bytes))"}"#
        return bytes + Array((trailer + "\n").utf8)
    }

    /// The file name the petition system gives the batch.
    public var fileName: String { "\(caseId)-連署-2024030\(number % 10).cec" }
}

/// Plaintext from bytes in memory, pushed in chunks of `chunkSize`; it can fail after a number
/// of chunks, as decryption does on a tampered file or a removed card.
public struct ChunkedPlaintext: PlaintextProducing {
    public struct Failure: Error, Equatable {
        public init() {}
    }

    private let bytes: [UInt8]
    private let chunkSize: Int
    private let failAfterChunks: Int?

    public init(_ bytes: [UInt8], chunkSize: Int = 4096, failAfterChunks: Int? = nil) {
        self.bytes = bytes
        self.chunkSize = chunkSize
        self.failAfterChunks = failAfterChunks
    }

    public func produce(_ consume: ([UInt8]) throws -> Void) throws {
        for (index, start) in stride(from: 0, to: bytes.count, by: chunkSize).enumerated() {
            if let failAfterChunks, index >= failAfterChunks { throw Failure() }
            try consume(Array(bytes[start..<min(start + chunkSize, bytes.count)]))
        }
    }
}
