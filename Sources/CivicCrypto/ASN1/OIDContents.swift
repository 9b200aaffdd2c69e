import COpenSSL

extension OID {
    /// The contents octets of the object identifiers the DER walks compare with, as encoded:
    /// comparing bytes is how OpenSSL tells OIDs apart too (`OBJ_cmp`).
    enum Contents {
        static let signedData = pkcs(0x07, 0x02)
        static let rsaEncryption = pkcs(0x01, 0x01)
        static let sha256WithRSAEncryption = pkcs(0x01, 0x0B)
        static let sha384WithRSAEncryption = pkcs(0x01, 0x0C)
        static let sha512WithRSAEncryption = pkcs(0x01, 0x0D)
        static let contentType = pkcs(0x09, 0x03)
        static let messageDigest = pkcs(0x09, 0x04)
        static let sha256: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
        /// 2.5.4.3, the CN attribute type.
        static let commonName: [UInt8] = [0x55, 0x04, 0x03]

        // Certificate extensions (RFC 5280 and the ones OpenSSL knows).
        static let subjectKeyIdentifier = x509(14)
        static let keyUsage = x509(15)
        static let subjectAltName = x509(17)
        static let issuerAltName = x509(18)
        static let basicConstraints = x509(19)
        static let nameConstraints = x509(30)
        static let crlDistributionPoints = x509(31)
        static let certificatePolicies = x509(32)
        static let policyMappings = x509(33)
        static let authorityKeyIdentifier = x509(35)
        static let policyConstraints = x509(36)
        static let extendedKeyUsage = x509(37)
        static let inhibitAnyPolicy = x509(54)
        static let ipAddressBlocks = pkix(0x01, 0x07)
        static let autonomousSystemIds = pkix(0x01, 0x08)
        static let proxyCertInfo = pkix(0x01, 0x0E)
        static let ocspNoCheck = pkix(0x30, 0x01, 0x05)
        static let netscapeCertType: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x86, 0xF8, 0x42, 0x01, 0x01]

        /// 1.2.840.113549.1.x.y
        private static func pkcs(_ x: UInt8, _ y: UInt8) -> [UInt8] { [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, x, y] }
        /// 2.5.29.x
        private static func x509(_ x: UInt8) -> [UInt8] { [0x55, 0x1D, x] }
        /// 1.3.6.1.5.5.7.x…
        private static func pkix(_ arcs: UInt8...) -> [UInt8] { [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07] + arcs }
    }

    /// `2.16.886.101.0.3` from an OID's contents octets, as `OBJ_obj2txt` writes it (dotted,
    /// no names); nil for arcs beyond 64 bits, which OpenSSL then spells.
    static func dotted(contents bytes: [UInt8], _ range: Range<Int>) -> String? {
        var text = ""
        let read = forEachSubidentifier(bytes, range) { value, first in
            if first {
                let top: UInt64 = value < 40 ? 0 : value < 80 ? 1 : 2
                text = "\(top).\(value - top * 40)"
            } else {
                text += ".\(value)"
            }
        }
        return read ? text : nil
    }

    /// True when `dotted` spells the OID, found without spelling it.
    static func hasDottedForm(contents bytes: [UInt8], _ range: Range<Int>) -> Bool {
        forEachSubidentifier(bytes, range) { _, _ in }
    }

    /// Calls `subidentifier` with each subidentifier's value (and whether it is the first,
    /// which holds two arcs); false when one exceeds 64 bits or none ends.
    private static func forEachSubidentifier(_ bytes: [UInt8], _ range: Range<Int>,
                                             _ subidentifier: (UInt64, Bool) -> Void) -> Bool {
        var value: UInt64 = 0
        var first = true
        for index in range {
            let byte = bytes[index]
            guard value >> 57 == 0 else { return false }
            value = value << 7 | UInt64(byte & 0x7F)
            guard byte & 0x80 == 0 else { continue }
            subidentifier(value, first)
            first = false
            value = 0
        }
        return !first
    }

    /// OpenSSL's short name for the attribute type with these contents octets (`CN`, `C`, …),
    /// or the dotted form for a type it has no name for: `DistinguishedName.Attribute.type`.
    static func attributeTypeName(contents bytes: [UInt8], _ range: Range<Int>) -> String? {
        if let known = AttributeTypeNames.common.first(where: { DERValue.equals(bytes, range, $0.contents) }) {
            return known.name
        }
        var der: [UInt8] = [0x06]
        guard range.count < 0x80 else { return nil }
        der.append(UInt8(range.count))
        der += bytes[range]
        let decoded = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_ASN1_OBJECT(nil, &cursor, buffer.count)
        }
        guard let object = decoded else {
            ERR_clear_error()
            return nil
        }
        defer { ASN1_OBJECT_free(object) }
        let nid = OBJ_obj2nid(object)
        return nid == NID_undef ? OpenSSLCertificate.oidText(object) : String(cString: OBJ_nid2sn(nid))
    }
}

/// The short names of the attribute types certificates name people and agencies with, asked of
/// OpenSSL once so they are spelt exactly as `OBJ_nid2sn` spells them.
private enum AttributeTypeNames {
    static let common: [(contents: [UInt8], name: String)] = [
        NID_countryName, NID_commonName, NID_serialNumber, NID_organizationName, NID_organizationalUnitName,
        NID_organizationIdentifier, NID_localityName, NID_stateOrProvinceName, NID_pkcs9_emailAddress,
        NID_givenName, NID_surname, NID_title, NID_streetAddress, NID_postalCode, NID_domainComponent,
        NID_userId, NID_pseudonym, NID_name, NID_initials, NID_generationQualifier, NID_dnQualifier,
    ].compactMap { nid in
        guard let object = OBJ_nid2obj(nid), let data = OBJ_get0_data(object), let name = OBJ_nid2sn(nid) else { return nil }
        return (Array(UnsafeBufferPointer(start: data, count: OBJ_length(object))), String(cString: name))
    }
}
