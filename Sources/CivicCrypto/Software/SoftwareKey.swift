import CivicCore
import Foundation

/// `PrivateKeyOperations` over a key held in memory (a PEM file and its certificate).
///
/// NOT FOR REAL CARDS: a real 自然人憑證 key never leaves its card, and CivicDesk reaches it only
/// through PKCS#11. This exists for tests, fixtures, the roster benchmark's generator and the
/// demo, with the TEST PKI in `data/test-pki/`.
public final class SoftwareKey: PrivateKeyOperations, @unchecked Sendable {
    public let certificate: CertificateInfo
    public let privateKey: RSAPrivateKey

    public init(privateKey: RSAPrivateKey, certificate: CertificateInfo) throws {
        guard privateKey.matches(certificate) else { throw SoftwareKeyError.keyDoesNotMatchCertificate }
        self.privateKey = privateKey
        self.certificate = certificate
    }

    /// A key and its certificate from files (PEM key; PEM or DER certificate, the first one counts).
    public convenience init(keyFile: URL, certificateFile: URL) throws {
        let keyText = try String(contentsOf: keyFile, encoding: .utf8)
        guard let certificate = try CertificateParser.parse(fileContents: Array(Data(contentsOf: certificateFile))).first else {
            throw CertificateParser.Failure.notACertificate
        }
        try self.init(privateKey: RSAPrivateKey(pem: keyText), certificate: certificate)
    }

    public func decrypt(_ ciphertext: [UInt8], padding: RSAPadding) throws -> [UInt8] {
        try privateKey.decrypt(ciphertext, padding: padding)
    }

    public func signSHA256(_ message: [UInt8]) throws -> [UInt8] {
        try privateKey.signSHA256(message)
    }
}

/// What can go wrong with a software key or the test certificate issuer.
public enum SoftwareKeyError: UserFacingError, Equatable {
    case notAPrivateKey
    case keyDoesNotMatchCertificate
    /// An OpenSSL operation failed (named).
    case failed(String)

    public var message: UserMessage {
        switch self {
        case .notAPrivateKey:
            UserMessage(zh: "這不是可以讀取的 RSA 私密金鑰（PEM，未加密）。", en: "This is not a readable RSA private key (unencrypted PEM).")
        case .keyDoesNotMatchCertificate:
            UserMessage(zh: "私密金鑰與憑證不相符。", en: "The private key does not match the certificate.")
        case let .failed(operation):
            UserMessage(zh: "軟體金鑰操作失敗：\(operation)。", en: "A software key operation failed: \(operation).")
        }
    }
}
