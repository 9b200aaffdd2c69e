import CivicCore
import Foundation

/// The JSON shapes of `card certs --json`, `card list --json` and `token info --json`: one
/// certificate shape for cards and tokens alike. An agency's certificate adds its kind
/// (`agencyKind`: government, organisation, business or medical, and `agencyKindName`: 機關憑證 …;
/// null when no agency CA issued it) and `agencyOID` (null when it carries none).
struct CertificateJSON: Encodable {
    let role: CertificateRole?
    let certificate: CertificateInfo

    enum CodingKeys: String, CodingKey {
        case role, subject, commonName, serial, notBefore, notAfter, sha256, pem, agencyKind, agencyKindName, agencyOID
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role?.rawValue, forKey: .role)
        try container.encode(certificate.subject.rfc4514, forKey: .subject)
        try container.encode(certificate.commonName, forKey: .commonName)
        try container.encode(certificate.serialHex.lowercased(), forKey: .serial)
        try container.encode(JSONOutput.rfc3339(certificate.notBefore), forKey: .notBefore)
        try container.encode(JSONOutput.rfc3339(certificate.notAfter), forKey: .notAfter)
        try container.encode(certificate.sha256, forKey: .sha256)
        try container.encode(certificate.pem, forKey: .pem)
        if role == .agency {
            let kind = AgencyCertificateKind(issuer: certificate.issuer)
            try container.encode(kind?.rawValue, forKey: .agencyKind)
            try container.encode(kind.map { Terminal.text($0.name) }, forKey: .agencyKindName)
            try container.encode(AgencyCertificate.agencyOID(of: certificate), forKey: .agencyOID)
        }
    }
}

struct CardJSON: Encodable {
    let contents: CardContents

    enum CodingKeys: String, CodingKey {
        case kind, atr, certificates, message
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contents.kind.rawValue, forKey: .kind)
        try container.encode(Hex.string(contents.atr), forKey: .atr)
        try container.encode(contents.certificates.map { CertificateJSON(role: $0.role, certificate: $0.certificate) },
                             forKey: .certificates)
        try container.encodeIfPresent(contents.kind.unusableReason.map(Terminal.text), forKey: .message)
    }
}

/// `{"readers":[{"name":…,"card":null | {…}}]}`
struct ReadersJSON: Encodable {
    struct Reader: Encodable {
        let name: String
        let card: CardJSON?

        enum CodingKeys: String, CodingKey {
            case name, card
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(card, forKey: .card) // null when the reader is empty
        }
    }

    let readers: [Reader]
}

enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        Swift.print(try text(value))
    }

    /// The value as compact JSON with sorted keys.
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func rfc3339(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
