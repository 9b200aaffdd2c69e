import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation

/// The TEST PKI's keys as software keys (the cards' stand-ins in CivicCrypto's tests).
enum TestKeys {
    static func encryption(_ person: String) throws -> SoftwareKey {
        try SoftwareKey(keyFile: TestPKI.url("people/\(person)/enc.key"), certificateFile: TestPKI.url("people/\(person)/enc.pem"))
    }

    static func signing(_ person: String) throws -> SoftwareKey {
        try SoftwareKey(keyFile: TestPKI.url("people/\(person)/sign.key"), certificateFile: TestPKI.url("people/\(person)/sign.pem"))
    }

    static func certificate(_ path: String) throws -> CertificateInfo {
        try CertificateParser.parse(der: TestPKI.der(path))
    }

    static func trustStore() throws -> TrustStore {
        try TrustStore(folder: TestPKI.url("trust"))
    }
}

/// A card that was pulled out: every operation fails with its own error, which CivicCrypto must
/// pass on as it is (the PKCS#11 adapter's errors carry the user's message).
struct UnpluggedCard: PrivateKeyOperations {
    struct Removed: Error, Equatable {}
    let certificate: CertificateInfo

    func decrypt(_ ciphertext: [UInt8], padding: RSAPadding) throws -> [UInt8] { throw Removed() }
    func signSHA256(_ message: [UInt8]) throws -> [UInt8] { throw Removed() }
}
