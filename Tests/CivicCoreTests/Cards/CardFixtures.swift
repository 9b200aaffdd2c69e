import Foundation
@testable import CivicCore

/// Certificate and card values shaped like the test PKI's, made by hand: Core's tests run
/// without OpenSSL, so they need no parsed files.
enum CardFixtures {
    static func name(_ pairs: [(String, String)]) -> DistinguishedName {
        DistinguishedName(attributes: pairs.map { .init(type: $0.0, value: $0.1) })
    }

    /// 2024-01-01T00:00:00Z to 2044-12-31T15:59:59Z (the last second of 2044 in Taiwan) unless told.
    static func certificate(_ subject: [(String, String)], usage: KeyUsage?, ca: Bool = false,
                            issuer: [(String, String)] = [("CN", "Issuing CA")], serial: String = "01",
                            notBefore: Date = Date(timeIntervalSince1970: 1_704_067_200),
                            notAfter: Date = Date(timeIntervalSince1970: 2_366_812_799)) -> CertificateInfo {
        CertificateInfo(der: Array(subject.map(\.1).joined().utf8) + Array(serial.utf8), subject: name(subject),
                        issuer: name(issuer), serialHex: serial, notBefore: notBefore, notAfter: notAfter, keyUsage: usage,
                        isCA: ca, policies: [], subjectKeyIdentifier: nil,
                        sha256: String(repeating: "0f", count: 31) + serial.suffix(2).lowercased())
    }

    static let signature = certificate([("C", "TW"), ("CN", "王大明"), ("serialNumber", "0000000112345678")],
                                       usage: [.digitalSignature, .nonRepudiation], serial: "1100000000000001")
    static let encryption = certificate([("C", "TW"), ("CN", "王大明"), ("serialNumber", "0000000112345678")],
                                        usage: [.keyEncipherment, .dataEncipherment], serial: "1100000000000002")
    static let issuer = certificate([("CN", "Issuing CA")], usage: [.keyCertSign], ca: true, issuer: [("CN", "Root CA")])
    static let root = certificate([("CN", "Root CA")], usage: [.keyCertSign], ca: true, issuer: [("CN", "Root CA")])
    static let atr: [UInt8] = [0x3B, 0x9F]

    static let naturalPersonCard = CardContents(kind: .naturalPerson, atr: atr, certificates: [
        CardCertificate(role: .signature, certificate: signature), CardCertificate(role: .encryption, certificate: encryption),
        CardCertificate(role: .issuer, certificate: issuer), CardCertificate(role: .root, certificate: root),
    ])
    static let healthCard = CardContents(kind: .healthInsurance, atr: [0x3B, 0x01], certificates: [])

    static func pin(_ text: String) -> PINCode {
        var bytes = Array(text.utf8)
        return PINCode(wiping: &bytes)
    }

    /// The natural-person card, every certificate judged `trust`.
    static func reading(_ contents: CardContents = naturalPersonCard, trust: CertificateTrust = .trusted) -> CardReading {
        CardReading(contents: contents, trust: contents.certificates.map { _ in trust })
    }
}
