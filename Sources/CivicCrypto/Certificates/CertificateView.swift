import CivicCore
import COpenSSL
import Foundation

/// An X.509 certificate read straight from its DER, for the record verifier's fast path: what
/// the roster rules and the chain check need (the signed part and its signature, names,
/// validity, the RSA key's numbers, keyUsage, basicConstraints, key identifiers, policies),
/// located in the buffer without copying.
///
/// Its reading must equal OpenSSL's, so it is strict and modest: it takes version 3
/// certificates in DER with RSA keys and the usual extensions, and returns nil for anything
/// else — other encodings, extensions OpenSSL would judge by more than their value, anything
/// OpenSSL might read differently or refuse — leaving those to OpenSSL (`d2i_X509`), which is
/// slower but has the last word.
struct CertificateView {
    let bytes: [UInt8]
    /// The whole certificate.
    let range: Range<Int>
    /// tbsCertificate, the signed part, header included.
    let signedPart: Range<Int>
    /// The outer signatureAlgorithm and the one inside the signed part (whole elements).
    let signatureAlgorithm: Range<Int>
    let innerSignatureAlgorithm: Range<Int>
    /// The signature value: the BIT STRING's octets after its (zero) unused-bits octet.
    let signature: Range<Int>
    /// The serial number INTEGER's contents.
    let serial: Range<Int>
    /// The issuer and subject Names, checked readable (`NameReader`) and read when asked for.
    let issuerElement: DERElement
    let subjectElement: DERElement
    let notBefore: Date
    let notAfter: Date
    /// The RSA modulus and exponent INTEGERs' contents, or nil for another kind of key.
    let rsaKey: (modulus: Range<Int>, exponent: Range<Int>)?
    let extensions: CertificateExtensions

    var der: [UInt8] { Array(bytes[range]) }

    /// The issuer and subject Names, whole elements.
    var issuer: Range<Int> { issuerElement.range }
    var subject: Range<Int> { subjectElement.range }

    // The Names were found readable when the view was made: the empty Name is never returned.
    var issuerName: DistinguishedName { NameReader.read(bytes, issuerElement) ?? DistinguishedName(attributes: []) }
    var subjectName: DistinguishedName { NameReader.read(bytes, subjectElement) ?? DistinguishedName(attributes: []) }

    init?(_ bytes: [UInt8], element: DERElement) {
        guard element.tag == 0x30 else { return nil }
        var outer = DERCursor(bytes, within: element.contents)
        guard let tbs = outer.next(0x30), let algorithm = outer.next(0x30), let bits = outer.next(0x03), outer.isAtEnd,
              bits.contents.count >= 1, bytes[bits.contents.lowerBound] == 0 else { return nil }
        var fields = outer.inside(tbs)
        // version [0] EXPLICIT INTEGER: only v3 (2) is read here.
        guard let version = fields.next(0xA0), DERValue.equals(bytes, version.contents, [0x02, 0x01, 0x02]),
              let serial = fields.next(0x02), DERValue.isMinimalInteger(bytes, serial.contents),
              bytes[serial.contents.lowerBound] & 0x80 == 0,
              let innerAlgorithm = fields.next(0x30),
              let issuer = fields.next(0x30), NameReader.isReadable(bytes, issuer),
              let validity = fields.next(0x30),
              let subject = fields.next(0x30), NameReader.isReadable(bytes, subject),
              let keyInfo = fields.next(0x30) else { return nil }
        var algorithmCursor = DERCursor(bytes, within: algorithm.range)
        var innerAlgorithmCursor = DERCursor(bytes, within: innerAlgorithm.range)
        guard DERValue.algorithm(&algorithmCursor) != nil, DERValue.algorithm(&innerAlgorithmCursor) != nil else { return nil }
        var times = fields.inside(validity)
        guard let notBefore = times.next().flatMap({ CertificateTime.date(bytes, $0) }),
              let notAfter = times.next().flatMap({ CertificateTime.date(bytes, $0) }), times.isAtEnd else { return nil }
        // No issuer or subject unique identifiers; extensions [3] EXPLICIT, at the end.
        guard let extensionsField = fields.next(0xA3), fields.isAtEnd else { return nil }
        var extensionList = fields.inside(extensionsField)
        guard let list = extensionList.next(0x30), extensionList.isAtEnd,
              let extensions = CertificateExtensions(bytes, list),
              let rsaKey = Self.publicKey(bytes, keyInfo) else { return nil }
        self.bytes = bytes
        range = element.range
        signedPart = tbs.range
        signatureAlgorithm = algorithm.range
        innerSignatureAlgorithm = innerAlgorithm.range
        signature = bits.contents.lowerBound + 1..<bits.contents.upperBound
        self.serial = serial.contents
        issuerElement = issuer
        subjectElement = subject
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.rsaKey = rsaKey.modulus.isEmpty ? nil : (rsaKey.modulus, rsaKey.exponent)
        self.extensions = extensions
    }

    /// A certificate that is the whole of `der`.
    init?(der: [UInt8]) {
        var cursor = DERCursor(der)
        guard let element = cursor.next(), cursor.isAtEnd else { return nil }
        self.init(der, element: element)
    }

    /// SubjectPublicKeyInfo: an RSA key's numbers (their contents, leading zero octets
    /// dropped, as `OpenSSLPublicKey` reads them); empty ranges for a key of another algorithm.
    private static func publicKey(_ bytes: [UInt8], _ keyInfo: DERElement) -> (modulus: Range<Int>, exponent: Range<Int>)? {
        var fields = DERCursor(bytes, within: keyInfo.contents)
        guard let algorithm = DERValue.algorithm(&fields), let bits = fields.next(0x03), fields.isAtEnd,
              bits.contents.count >= 1, bytes[bits.contents.lowerBound] == 0 else { return nil }
        guard DERValue.equals(bytes, algorithm, OID.Contents.rsaEncryption) else { return (0..<0, 0..<0) }
        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
        var key = DERCursor(bytes, within: bits.contents.lowerBound + 1..<bits.contents.upperBound)
        guard let sequence = key.next(0x30), key.isAtEnd else { return nil }
        var numbers = key.inside(sequence)
        guard let modulus = numbers.next(0x02), let exponent = numbers.next(0x02), numbers.isAtEnd,
              DERValue.isNonNegativeInteger(bytes, modulus.contents), DERValue.isNonNegativeInteger(bytes, exponent.contents),
              let trimmedModulus = Self.trimmed(bytes, modulus.contents), let trimmedExponent = Self.trimmed(bytes, exponent.contents)
        else { return nil }
        return (trimmedModulus, trimmedExponent)
    }

    /// The octets after leading zeros; nil for the number zero.
    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        guard let first = range.first(where: { bytes[$0] != 0 }) else { return nil }
        return first..<range.upperBound
    }

    // MARK: What OpenSSL derives

    /// `X509_check_ca(…) != 0` for a certificate OpenSSL reads as valid.
    var isCA: Bool {
        if let usage = extensions.keyUsage, usage & UInt32(KU_KEY_CERT_SIGN) == 0 { return false }
        if let basicConstraints = extensions.basicConstraintsCA { return basicConstraints }
        return extensions.keyUsage != nil
    }

    /// Upper-case hex of the (non-negative) serial without leading zero octets, as BN_bn2hex.
    var serialHex: String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        for index in serial where !(text.isEmpty && bytes[index] == 0) {
            text.append(digits[Int(bytes[index] >> 4)])
            text.append(digits[Int(bytes[index] & 0x0F)])
        }
        return text.isEmpty ? "0" : String(decoding: text, as: UTF8.self)
    }

    var keyUsage: KeyUsage? { extensions.keyUsage.map(KeyUsage.init(openSSLBits:)) }

    /// The same `CertificateInfo` that `CertificateParser` makes through OpenSSL.
    func info() -> CertificateInfo {
        let der = self.der
        return CertificateInfo(
            der: der, subject: subjectName, issuer: issuerName, serialHex: serialHex,
            notBefore: notBefore, notAfter: notAfter, keyUsage: keyUsage,
            isCA: isCA, policies: extensions.policies(in: bytes),
            subjectKeyIdentifier: extensions.subjectKeyIdentifier.map { Array(bytes[$0]) },
            sha256: Digest.sha256Hex(der))
    }

    /// What `info()` tells the record rules, without making the rest of it.
    func signerFacts() -> SignerFacts {
        SignerFacts(commonName: NameReader.first(OID.Contents.commonName, of: bytes, subjectElement),
                    notBefore: notBefore, notAfter: notAfter, maySign: KeyUsage.allowsSigning(keyUsage))
    }
}

extension KeyUsage {
    /// The usages in the bits of OpenSSL's `X509_get_key_usage`.
    init(openSSLBits bits: UInt32) {
        self = Self.openSSLBits.reduce(into: []) { usage, entry in
            if bits & UInt32(entry.bit) != 0 { usage.insert(entry.usage) }
        }
    }

    private static let openSSLBits: [(bit: Int32, usage: KeyUsage)] = [
        (KU_DIGITAL_SIGNATURE, .digitalSignature), (KU_NON_REPUDIATION, .nonRepudiation),
        (KU_KEY_ENCIPHERMENT, .keyEncipherment), (KU_DATA_ENCIPHERMENT, .dataEncipherment),
        (KU_KEY_AGREEMENT, .keyAgreement), (KU_KEY_CERT_SIGN, .keyCertSign), (KU_CRL_SIGN, .cRLSign),
    ]
}
