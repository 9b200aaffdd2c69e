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
    /// certificatePolicies' value, when present: checked when read, its OIDs spelt only when
    /// asked for (`policies(in:)`).
    private(set) var certificatePolicies: Range<Int>?
    /// A critical extension OpenSSL does not support (`EXFLAG_CRITICAL`).
    private(set) var hasUnsupportedCriticalExtension = false

    init?(_ bytes: [UInt8], _ list: DERElement) {
        var cursor = DERCursor(bytes, within: list.contents)
        var seen: [Range<Int>] = []
        seen.reserveCapacity(12)
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
                  !seen.contains(where: { DERValue.equals(bytes, $0, bytes, oid.contents) }) else { return nil }
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
            guard Self.policiesDecode(bytes, contents) else { return false }
            certificatePolicies = contents
            return true
        }
        // Decoded by OpenSSL's own decoder, value alone: the result is OpenSSL's.
        for (known, nid) in Self.decodedByOpenSSL where equals(known) {
            return Self.openSSLDecodes(nid, bytes, contents)
        }
        return !Self.judgedOtherwise.contains(where: equals)
    }

    private static let decodedByOpenSSL = [(OID.Contents.extendedKeyUsage, NID_ext_key_usage),
                                           (OID.Contents.subjectAltName, NID_subject_alt_name),
                                           (OID.Contents.crlDistributionPoints, NID_crl_distribution_points)]

    /// Extensions whose reading depends on more than the value.
    private static let judgedOtherwise = [OID.Contents.proxyCertInfo, OID.Contents.nameConstraints, OID.Contents.netscapeCertType,
                                          OID.Contents.ipAddressBlocks, OID.Contents.autonomousSystemIds]

    private static func openSSLDecodes(_ nid: Int32, _ bytes: [UInt8], _ contents: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { civic_extension_value_check(nid, $0 + contents.lowerBound, contents.count) == 1 } ?? false
        }
    }

    /// keyUsage BIT STRING: the first two octets, unused bits cleared; nil when empty (which
    /// OpenSSL finds invalid) or not one primitive BIT STRING.
    private static func keyUsage(_ bytes: [UInt8], _ contents: Range<Int>) -> UInt32? {
        var cursor = DERCursor(bytes, within: contents)
        guard let bits = cursor.next(0x03), cursor.isAtEnd, bits.contents.count >= 2 else { return nil }
        let unused = bytes[bits.contents.lowerBound]
        guard unused <= 7 else { return nil }
        let first = bits.contents.lowerBound + 1, last = bits.contents.upperBound - 1
        func octet(_ index: Int) -> UInt32 { UInt32(index == last ? bytes[index] & 0xFF << unused : bytes[index]) }
        let usage = octet(first) | (first < last ? octet(first + 1) << 8 : 0)
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

    /// certificatePolicies' OIDs, dotted (empty without the extension).
    func policies(in bytes: [UInt8]) -> [String] {
        guard let certificatePolicies else { return [] }
        var oids: [String] = []
        _ = Self.forEachPolicy(bytes, certificatePolicies) { oid in
            guard let dotted = OID.dotted(contents: bytes, oid) else { return false }
            oids.append(dotted)
            return true
        }
        return oids
    }

    /// True when certificatePolicies reads as OpenSSL reads it: OIDs it spells dotted, and
    /// qualifiers, when present, that satisfy its decoder.
    private static func policiesDecode(_ bytes: [UInt8], _ contents: Range<Int>) -> Bool {
        var qualified = false
        let read = forEachPolicy(bytes, contents) { oid in OID.hasDottedForm(contents: bytes, oid) } qualified: { qualified = true }
        return read && (!qualified || openSSLDecodes(NID_certificate_policies, bytes, contents))
    }

    /// Calls `policy` with each PolicyInformation's OID (contents) while it returns true, and
    /// `qualified` for each that has qualifiers; false when `policy` returned false or the
    /// value is not a SEQUENCE OF PolicyInformation.
    private static func forEachPolicy(_ bytes: [UInt8], _ contents: Range<Int>, _ policy: (Range<Int>) -> Bool,
                                      qualified: () -> Void = {}) -> Bool {
        var cursor = DERCursor(bytes, within: contents)
        guard let sequence = cursor.next(0x30), cursor.isAtEnd else { return false }
        var list = cursor.inside(sequence)
        while !list.isAtEnd {
            guard let information = list.next(0x30) else { return false }
            var fields = list.inside(information)
            guard let oid = fields.next(0x06), DERValue.isObjectIdentifier(bytes, oid.contents), policy(oid.contents) else { return false }
            if fields.optional(0x30) != nil { qualified() }
            guard fields.isAtEnd else { return false }
        }
        return true
    }

    /// `X509_supported_extension`: the extensions OpenSSL accepts as critical.
    private static func isSupported(_ bytes: [UInt8], _ oid: Range<Int>) -> Bool {
        supported.contains { DERValue.equals(bytes, oid, $0) }
    }

    private static let supported = [
        OID.Contents.netscapeCertType, OID.Contents.keyUsage, OID.Contents.subjectAltName, OID.Contents.basicConstraints,
        OID.Contents.certificatePolicies, OID.Contents.crlDistributionPoints, OID.Contents.extendedKeyUsage,
        OID.Contents.ipAddressBlocks, OID.Contents.autonomousSystemIds, OID.Contents.ocspNoCheck,
        OID.Contents.policyConstraints, OID.Contents.proxyCertInfo, OID.Contents.nameConstraints,
        OID.Contents.policyMappings, OID.Contents.inhibitAnyPolicy,
    ]
}
