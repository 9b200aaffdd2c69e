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
