import Foundation

/// An X.509 certificate as the rest of CivicDesk sees it: the fields users are shown and rules
/// decide on, plus the DER it came from. CivicCrypto makes these from bytes; Core never parses.
public struct CertificateInfo: Sendable, Hashable {
    /// The certificate exactly as read (from a card, a file or a CMS structure).
    public let der: [UInt8]
    public let subject: DistinguishedName
    public let issuer: DistinguishedName
    /// The serial number in upper-case hex without leading zeros beyond one byte (`1100000000000001`).
    public let serialHex: String
    public let notBefore: Date
    public let notAfter: Date
    /// Nil when the certificate has no keyUsage extension (every use allowed).
    public let keyUsage: KeyUsage?
    /// basicConstraints CA flag.
    public let isCA: Bool
    /// certificatePolicies OIDs, dotted.
    public let policies: [String]
    /// subjectKeyIdentifier, when present: how CMS recipients and signers may name the certificate.
    public let subjectKeyIdentifier: [UInt8]?
    /// Lower-case hex SHA-256 of the DER.
    public let sha256: String

    public init(der: [UInt8], subject: DistinguishedName, issuer: DistinguishedName, serialHex: String,
                notBefore: Date, notAfter: Date, keyUsage: KeyUsage?, isCA: Bool, policies: [String],
                subjectKeyIdentifier: [UInt8]?, sha256: String) {
        self.der = der
        self.subject = subject
        self.issuer = issuer
        self.serialHex = serialHex
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.keyUsage = keyUsage
        self.isCA = isCA
        self.policies = policies
        self.subjectKeyIdentifier = subjectKeyIdentifier
        self.sha256 = sha256
    }

    /// The holder's name (CN), as shown on cards and compared with what signers typed.
    public var commonName: String? { subject.first("CN") }

    /// The organisation identifier of agency certificates (2.5.4.97: agency OID or 統一編號).
    public var organizationIdentifier: String? { subject.first("organizationIdentifier") }

    /// The certificate in PEM, as files, forms and `card certs --json` carry it.
    public var pem: String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN CERTIFICATE-----\n\(body)\n-----END CERTIFICATE-----\n"
    }

    public func isValid(at date: Date) -> Bool {
        notBefore <= date && date <= notAfter
    }

    /// True when the key may sign (digitalSignature or nonRepudiation, or no keyUsage at all).
    public var maySign: Bool { KeyUsage.allowsSigning(keyUsage) }

    /// True when the key may decrypt key-transport blocks (keyEncipherment, or no keyUsage).
    public var mayDecryptKeys: Bool {
        guard let keyUsage else { return true }
        return keyUsage.contains(.keyEncipherment)
    }
}

/// The keyUsage extension's bits (RFC 5280 §4.2.1.3).
public struct KeyUsage: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let digitalSignature = KeyUsage(rawValue: 1 << 0)
    public static let nonRepudiation = KeyUsage(rawValue: 1 << 1)
    public static let keyEncipherment = KeyUsage(rawValue: 1 << 2)
    public static let dataEncipherment = KeyUsage(rawValue: 1 << 3)
    public static let keyAgreement = KeyUsage(rawValue: 1 << 4)
    public static let keyCertSign = KeyUsage(rawValue: 1 << 5)
    public static let cRLSign = KeyUsage(rawValue: 1 << 6)

    /// True when a certificate with this keyUsage (nil: none) may sign: digitalSignature or
    /// nonRepudiation, or no keyUsage at all.
    public static func allowsSigning(_ usage: KeyUsage?) -> Bool {
        guard let usage else { return true }
        return !usage.isDisjoint(with: [.digitalSignature, .nonRepudiation])
    }

    /// The RFC 5280 names of the set bits, in order.
    public var names: [String] {
        let all: [(KeyUsage, String)] = [
            (.digitalSignature, "digitalSignature"), (.nonRepudiation, "nonRepudiation"),
            (.keyEncipherment, "keyEncipherment"), (.dataEncipherment, "dataEncipherment"),
            (.keyAgreement, "keyAgreement"), (.keyCertSign, "keyCertSign"), (.cRLSign, "cRLSign"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }
}

/// A subject or issuer name: its attributes in certificate order, and the RFC 4514 string.
public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    public struct Attribute: Sendable, Hashable {
        /// The short name where one exists (`C`, `O`, `OU`, `CN`, `serialNumber`,
        /// `organizationIdentifier`), else the dotted OID.
        public let type: String
        public let value: String

        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    /// In the order they appear in the certificate (most significant first: C, O, …, CN).
    public let attributes: [Attribute]

    public init(attributes: [Attribute]) {
        self.attributes = attributes
    }

    public func first(_ type: String) -> String? {
        attributes.first { $0.type == type }?.value
    }

    /// RFC 4514: least significant first, `,` between RDNs, special characters escaped.
    public var rfc4514: String {
        attributes.reversed().map { "\($0.type)=\(Self.escape($0.value))" }.joined(separator: ",")
    }

    public var description: String { rfc4514 }

    static func escape(_ value: String) -> String {
        var result = ""
        for (index, character) in value.enumerated() {
            switch character {
            case ",", "+", "\"", "\\", "<", ">", ";":
                result += "\\\(character)"
            case "#" where index == 0, " " where index == 0 || index == value.count - 1:
                result += "\\\(character)"
            default:
                result.append(character)
            }
        }
        return result
    }
}
