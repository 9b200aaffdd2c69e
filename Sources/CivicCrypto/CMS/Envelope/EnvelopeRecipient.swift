import CivicCore
import COpenSSL

/// One KeyTransRecipientInfo of an encrypted file: whose certificate it names, how its content
/// key is wrapped, and the wrapped key. Read without any key, so CivicDesk can say which card a
/// file is for before asking for a PIN.
public struct EnvelopeRecipient: Sendable, Equatable {
    /// How the entry names the recipient's certificate.
    public enum Identifier: Sendable, Hashable {
        case issuerAndSerialNumber(issuer: DistinguishedName, serialHex: String)
        case subjectKeyIdentifier([UInt8])

        /// The name users are shown: the issuing CA's CN and the certificate serial, or the key
        /// identifier in hex.
        public var name: UserMessage {
            switch self {
            case let .issuerAndSerialNumber(issuer, serialHex):
                let authority = issuer.first("CN") ?? issuer.rfc4514
                return UserMessage(zh: "\(authority) 簽發、序號 \(serialHex) 的憑證",
                                   en: "the certificate with serial \(serialHex) issued by \(authority)")
            case let .subjectKeyIdentifier(identifier):
                let hex = Digest.hex(identifier)
                return UserMessage(zh: "金鑰識別碼 \(hex) 的憑證", en: "the certificate with key identifier \(hex)")
            }
        }
    }

    public let identifier: Identifier
    /// The RSA padding of the wrapped key, or nil when it uses an algorithm CivicDesk cannot use.
    public let padding: RSAPadding?
    /// The key transport algorithm as users are told it (`RSAES-OAEP (SHA-256)`).
    public let keyTransportName: String
    let encryptedKey: [UInt8]
    /// The DER of the issuer name, compared the way OpenSSL compares names.
    let issuerDER: [UInt8]?

    /// True when this entry names `certificate`.
    public func names(_ certificate: CertificateInfo) -> Bool {
        switch identifier {
        case let .subjectKeyIdentifier(identifier):
            return certificate.subjectKeyIdentifier == identifier
        case let .issuerAndSerialNumber(_, serialHex):
            guard serialHex == certificate.serialHex, let issuerDER,
                  let parsed = OpenSSLCertificate(der: certificate.der) else { return false }
            guard let issuer = OpenSSLName(der: issuerDER) else { return false }
            return withExtendedLifetime((issuer, parsed)) { X509_NAME_cmp(issuer.pointer, X509_get_issuer_name(parsed.pointer)) == 0 }
        }
    }
}

extension EnvelopeRecipient {
    /// Every KeyTransRecipientInfo in the DER of a `RecipientInfos` SET; other kinds of
    /// recipient (key agreement, KEK, password) are skipped, as no card can use them.
    static func all(in set: [UInt8]) throws -> [EnvelopeRecipient] {
        try BERReader.parse(set) { reader in
            let container = try reader.enter(0x31)
            var recipients: [EnvelopeRecipient] = []
            while try reader.hasMore(in: container) {
                if try reader.peek() == 0x30 {
                    recipients.append(try EnvelopeRecipient(keyTransport: reader.element()))
                } else {
                    try reader.skipElement()
                }
            }
            try reader.leave(container)
            return recipients
        }
    }

    /// KeyTransRecipientInfo ::= SEQUENCE { version, rid, keyEncryptionAlgorithm, encryptedKey }
    init(keyTransport der: [UInt8]) throws {
        let (identifier, issuerDER, algorithm, encryptedKey) = try BERReader.parse(der) { reader in
            let sequence = try reader.enter(0x30)
            _ = try reader.smallInteger()
            let (identifier, issuerDER) = try Self.identifier(reader)
            let algorithm = try AlgorithmIdentifier(der: reader.element(0x30))
            let encryptedKey = try reader.octetString()
            try reader.leave(sequence)
            return (identifier, issuerDER, algorithm, encryptedKey)
        }
        self.identifier = identifier
        self.issuerDER = issuerDER
        self.encryptedKey = encryptedKey
        (padding, keyTransportName) = try Self.keyTransport(algorithm)
    }

    /// RecipientIdentifier: issuerAndSerialNumber, or [0] subjectKeyIdentifier.
    private static func identifier(_ reader: BERReader) throws -> (Identifier, issuerDER: [UInt8]?) {
        switch try reader.peek() {
        case 0x30:
            let issuerAndSerial = try reader.enter(0x30)
            let issuer = try reader.element(0x30)
            let serial = try reader.element(0x02)
            try reader.leave(issuerAndSerial)
            guard let name = OpenSSLName(der: issuer), let serialHex = OpenSSLCertificate.serialHex(der: serial) else {
                throw BERError.malformed
            }
            let distinguishedName = withExtendedLifetime(name) { OpenSSLCertificate.name(name.pointer) }
            return (.issuerAndSerialNumber(issuer: distinguishedName, serialHex: serialHex), issuer)
        case 0x80, 0xA0:
            return (.subjectKeyIdentifier(try reader.octetString(0x80)), nil)
        default:
            throw BERError.malformed
        }
    }

    private static func keyTransport(_ algorithm: AlgorithmIdentifier) throws -> (RSAPadding?, String) {
        switch algorithm.oid {
        case OID.rsaEncryption where algorithm.hasNoParameters:
            return (.pkcs1v15, "RSA PKCS#1 v1.5")
        case OID.rsaesOAEP:
            let hash = try oaepHash(algorithm.parameters)
            let hashName = hash.map { $0 == .sha1 ? "SHA-1" : "SHA-256" } ?? "unsupported parameters"
            return (hash.map { .oaep($0) }, "RSAES-OAEP (\(hashName))")
        default:
            return (nil, OID.describe(algorithm.oid))
        }
    }

    /// RSAES-OAEP-params: hash [0], mask generation [1] (MGF1 over the same hash), label
    /// source [2] (an empty label only). Every field defaults to SHA-1; nil when unsupported.
    private static func oaepHash(_ parameters: [UInt8]?) throws -> RSAPadding.OAEPHash? {
        guard let parameters, parameters != [0x05, 0x00] else { return .sha1 }
        return try BERReader.parse(parameters) { reader in
            let sequence = try reader.enter(0x30)
            func field(_ tag: UInt8) throws -> AlgorithmIdentifier? {
                guard try reader.hasMore(in: sequence), try reader.peek() == tag else { return nil }
                let wrapper = try reader.enter(tag)
                let inner = try AlgorithmIdentifier(der: reader.element(0x30))
                try reader.leave(wrapper)
                return inner
            }
            let hash = try field(0xA0).map(Self.hash) ?? .sha1
            let maskHash = try field(0xA1).map { mask -> RSAPadding.OAEPHash? in
                guard mask.oid == OID.mgf1, let inner = mask.parameters else { return nil }
                return Self.hash(try AlgorithmIdentifier(der: inner))
            } ?? .sha1
            let labelIsEmpty = try field(0xA2).map { source in
                try source.oid == OID.pSpecified
                    && (source.parameters.map { try BERReader.parse($0) { try $0.octetString() }.isEmpty } ?? true)
            } ?? true
            try reader.leave(sequence)
            guard let hash, hash == maskHash, labelIsEmpty else { return nil }
            return hash
        }
    }

    private static func hash(_ algorithm: AlgorithmIdentifier) -> RSAPadding.OAEPHash? {
        guard algorithm.hasNoParameters else { return nil }
        switch algorithm.oid {
        case OID.sha1: return .sha1
        case OID.sha256: return .sha256
        default: return nil
        }
    }
}
