import CivicCrypto
import CivicTestSupport
import Foundation

/// Record signatures made by the openssl command line, as another tool would make them.
struct OpenSSLSigner {
    let folder: TemporaryFolder

    /// The to-be-signed bytes of a roster record (spec §2).
    static func tbs(id: String = "A123456789", name: String = "王大明") -> [UInt8] {
        Array(#"{"caseId":"113002","signedAt":"2024-03-05T15:05:31+08:00","id":"\#(id)","name":"\#(name)","birthDate":"1980-01-31","address":"臺北市中正區仁愛路一段1號","statement":"本人同意連署上列公民投票案。"}"#.utf8)
    }

    /// `openssl cms -sign -binary -md sha256` by the TEST PKI signing key of `person` (a
    /// folder under people/ or a path prefix such as `agencies/gca/agency`), detached unless
    /// the options say otherwise; DER.
    func sign(_ content: [UInt8], by person: String, options: [String] = []) throws -> [UInt8] {
        let base = person.contains("/") ? person : "people/\(person)/sign"
        return try CMSSignCommand.sign(content, certificate: TestPKI.url("\(base).pem"), key: TestPKI.url("\(base).key"),
                                       options: options, scratch: folder)
    }
}
