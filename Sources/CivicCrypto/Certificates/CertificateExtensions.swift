import COpenSSL
import COpenSSLShim

/// A certificate's extensions as OpenSSL caches them when it first looks at a certificate
/// (`x509v3_cache_extensions`): keyUsage bits, the basicConstraints CA flag, the key
/// identifiers, the policies, and whether an unsupported extension is critical (which makes the
/// certificate unusable). Nil — left to OpenSSL — when OpenSSL would find the certificate
/// invalid or could read it otherwise: an extension twice, a value in another encoding, or one
/// of the extensions OpenSSL judges by more than their value (proxy certificates, name
/// constraints, Netscape types, RFC 3779 resources).
struct CertificateExtensions {
    /// `X509_get_key_usage`'s bits, nil without the extension.
    private(set) var keyUsage: UInt32?
    /// basicConstraints' cA, nil without the extension.
    private(set) var basicConstraintsCA: Bool?
    /// The subjectKeyIdentifier's and the authorityKeyIdentifier's keyIdentifier octets.
    private(set) var subjectKeyIdentifier: Range<Int>?
    private(set) var authorityKeyIdentifier: Range<Int>?
    /// certificatePolicies' OIDs, dotted.
    private(set) var policies: [String] = []
    /// A critical extension OpenSSL does not support (`EXFLAG_CRITICAL`).
    private(set) var hasUnsupportedCriticalExtension = false

    init?(_ bytes: [UInt8], _ list: DERElement) {
        var cursor = DERCursor(bytes, within: list.contents)
        var seen: [Range<Int>] = []
        while !cursor.isAtEnd {
            // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
            guard let element = cursor.next(0x30) else { return nil }
            var fields = cursor.inside(element)
            guard let oid = fields.next(0x06), DERValue.isObjectIdentifier(bytes, oid.contents) else { return nil }
            var critical = false
            if let flag = fields.optional(0x01) {
                guard flag.contents.count == 1 else { return nil }
                critical = bytes[flag.contents.lowerBound] != 0
            }
            guard let value = fields.next(0x04), fields.isAtEnd,
                  !seen.contains(where: { bytes[$0].elementsEqual(bytes[oid.contents]) }) else { return nil }
            seen.append(oid.contents)
            guard read(bytes, oid: oid.contents, value: value) else { return nil }
            if critical && !Self.isSupported(bytes, oid.contents) { hasUnsupportedCriticalExtension = true }
        }
    }

    /// Reads one extension's value; false when it is not one this reading can vouch for.
    private mutating func read(_ bytes: [UInt8], oid: Range<Int>, value: DERElement) -> Bool {
        let contents = value.contents
        func equals(_ known: [UInt8]) -> Bool { DERValue.equals(bytes, oid, known) }
        if equals(OID.Contents.keyUsage) {
            keyUsage = Self.keyUsage(bytes, contents)
            return keyUsage != nil
        }
        if equals(OID.Contents.basicConstraints) {
            basicConstraintsCA = Self.basicConstraintsCA(bytes, contents)
            return basicConstraintsCA != nil
        }
        if equals(OID.Contents.subjectKeyIdentifier) {
            var cursor = DERCursor(bytes, within: contents)
            guard let identifier = cursor.next(0x04), cursor.isAtEnd else { return false }
            subjectKeyIdentifier = identifier.contents
            return true
        }
        if equals(OID.Contents.authorityKeyIdentifier) {
            // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] OPTIONAL, … }: the key
            // identifier alone is read here.
            var cursor = DERCursor(bytes, within: contents)
            guard let sequence = cursor.next(0x30), cursor.isAtEnd else { return false }
            var fields = cursor.inside(sequence)
            let identifier = fields.optional(0x80)
            guard fields.isAtEnd else { return false }
            authorityKeyIdentifier = identifier?.contents
            return true
        }
        if equals(OID.Contents.certificatePolicies) {
            guard let read = Self.policies(bytes, contents) else { return false }
            policies = read
            return true
        }
        // Decoded by OpenSSL's own decoder, value alone: the result is OpenSSL's.
        for (known, nid) in [(OID.Contents.extendedKeyUsage, NID_ext_key_usage), (OID.Contents.subjectAltName, NID_subject_alt_name),
                             (OID.Contents.crlDistributionPoints, NID_crl_distribution_points)] where equals(known) {
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { civic_extension_value_check(nid, $0 + contents.lowerBound, contents.count) == 1 } ?? false
            }
        }
        // Extensions whose reading depends on more than the value.
        let judgedOtherwise = [OID.Contents.proxyCertInfo, OID.Contents.nameConstraints, OID.Contents.netscapeCertType,
                               OID.Contents.ipAddressBlocks, OID.Contents.autonomousSystemIds]
        return !judgedOtherwise.contains(where: equals)
    }

    /// keyUsage BIT STRING: the first two octets, unused bits cleared; nil when empty (which
    /// OpenSSL finds invalid) or not one primitive BIT STRING.
    private static func keyUsage(_ bytes: [UInt8], _ contents: Range<Int>) -> UInt32? {
        var cursor = DERCursor(bytes, within: contents)
        guard let bits = cursor.next(0x03), cursor.isAtEnd, bits.contents.count >= 2 else { return nil }
        let unused = bytes[bits.contents.lowerBound]
        guard unused <= 7 else { return nil }
        var octets = Array(bytes[bits.contents.lowerBound + 1..<bits.contents.upperBound])
        octets[octets.count - 1] &= 0xFF << unused
        let usage = UInt32(octets[0]) | (octets.count > 1 ? UInt32(octets[1]) << 8 : 0)
        return usage == 0 ? nil : usage
    }

    /// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
    private static func basicConstraintsCA(_ bytes: [UInt8], _ contents: Range<Int>) -> Bool? {
        var cursor = DERCursor(bytes, within: contents)
        guard let sequence = cursor.next(0x30), cursor.isAtEnd else { return nil }
        var fields = cursor.inside(sequence)
        var isCA = false
        if let flag = fields.optional(0x01) {
            guard flag.contents.count == 1 else { return nil }
            isCA = bytes[flag.contents.lowerBound] != 0
        }
        // A negative path length makes OpenSSL find the certificate invalid: left to it.
        if let length = fields.optional(0x02) {
            guard DERValue.isNonNegativeInteger(bytes, length.contents), length.contents.count <= 8 else { return nil }
        }
        return fields.isAtEnd ? isCA : nil
    }

    /// certificatePolicies' OIDs; qualifiers, when present, must satisfy OpenSSL's decoder.
    private static func policies(_ bytes: [UInt8], _ contents: Range<Int>) -> [String]? {
        var cursor = DERCursor(bytes, within: contents)
        guard let sequence = cursor.next(0x30), cursor.isAtEnd else { return nil }
        var list = cursor.inside(sequence)
        var oids: [String] = []
        var qualified = false
        while !list.isAtEnd {
            guard let information = list.next(0x30) else { return nil }
            var fields = list.inside(information)
            guard let oid = fields.next(0x06), DERValue.isObjectIdentifier(bytes, oid.contents),
                  let dotted = OID.dotted(contents: bytes, oid.contents) else { return nil }
            if fields.optional(0x30) != nil { qualified = true }
            guard fields.isAtEnd else { return nil }
            oids.append(dotted)
        }
        if qualified {
            let decodes = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { civic_extension_value_check(NID_certificate_policies, $0 + contents.lowerBound, contents.count) == 1 }
            }
            guard decodes == true else { return nil }
        }
        return oids
    }

    /// `X509_supported_extension`: the extensions OpenSSL accepts as critical.
    private static func isSupported(_ bytes: [UInt8], _ oid: Range<Int>) -> Bool {
        [OID.Contents.netscapeCertType, OID.Contents.keyUsage, OID.Contents.subjectAltName, OID.Contents.basicConstraints,
         OID.Contents.certificatePolicies, OID.Contents.crlDistributionPoints, OID.Contents.extendedKeyUsage,
         OID.Contents.ipAddressBlocks, OID.Contents.autonomousSystemIds, OID.Contents.ocspNoCheck,
         OID.Contents.policyConstraints, OID.Contents.proxyCertInfo, OID.Contents.nameConstraints,
         OID.Contents.policyMappings, OID.Contents.inhibitAnyPolicy].contains { DERValue.equals(bytes, oid, $0) }
    }
}
