import CivicCore
import Foundation

/// Reads a DER Name (issuer or subject) into a `DistinguishedName` the way OpenSSL presents it
/// (`X509_NAME_get_entry`, `ASN1_STRING_to_UTF8`, short type names): attributes in encoded
/// order, multi-valued RDNs flattened. Nil for anything OpenSSL might read otherwise or refuse
/// (string types it converts differently, text it cannot convert, empty RDNs).
enum NameReader {
    static func read(_ bytes: [UInt8], _ name: DERElement) -> DistinguishedName? {
        var rdns = DERCursor(bytes, within: name.contents)
        var attributes: [DistinguishedName.Attribute] = []
        while !rdns.isAtEnd {
            guard let rdn = rdns.next(0x31) else { return nil }
            var entries = rdns.inside(rdn)
            guard !entries.isAtEnd else { return nil }
            while !entries.isAtEnd {
                guard let entry = entries.next(0x30) else { return nil }
                var fields = entries.inside(entry)
                guard let type = fields.next(0x06), DERValue.isObjectIdentifier(bytes, type.contents),
                      let value = fields.next(), fields.isAtEnd,
                      let typeName = OID.attributeTypeName(contents: bytes, type.contents),
                      let text = text(bytes, value) else { return nil }
                attributes.append(DistinguishedName.Attribute(type: typeName, value: text))
            }
        }
        return DistinguishedName(attributes: attributes)
    }

    /// A string value as UTF-8 text: UTF8String as it is (valid UTF-8 only); BMPString's
    /// UCS-2 (no surrogates, which OpenSSL refuses); the one-octet types (Numeric, Printable,
    /// T61, IA5) octet by octet as Latin-1, as OpenSSL converts them.
    static func text(_ bytes: [UInt8], _ value: DERElement) -> String? {
        let contents = bytes[value.contents]
        switch value.tag {
        case 0x0C:
            return String(validating: contents, as: UTF8.self)
        case 0x1E:
            guard contents.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(contents.count / 2)
            var index = contents.startIndex
            while index < contents.endIndex {
                let unit = UInt16(contents[index]) << 8 | UInt16(contents[index + 1])
                guard !(0xD800...0xDFFF).contains(unit) else { return nil }
                units.append(unit)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        case 0x12, 0x13, 0x14, 0x16:
            if contents.allSatisfy({ $0 < 0x80 }) { return String(decoding: contents, as: UTF8.self) }
            return String(String.UnicodeScalarView(contents.map { Unicode.Scalar($0) }))
        default:
            return nil
        }
    }
}

/// A certificate's UTCTime or GeneralizedTime in the one form DER and RFC 5280 use
/// (`YYMMDDHHMMSSZ`, `YYYYMMDDHHMMSSZ`) as OpenSSL reads it (`ASN1_TIME_to_tm`; UTCTime years
/// 50–99 are 19xx). Nil for any other form, which is left to OpenSSL.
enum CertificateTime {
    static func date(_ bytes: [UInt8], _ element: DERElement) -> Date? {
        let contents = element.contents
        let yearDigits: Int
        switch (element.tag, contents.count) {
        case (0x17, 13): yearDigits = 2
        case (0x18, 15): yearDigits = 4
        default: return nil
        }
        guard bytes[contents.upperBound - 1] == UInt8(ascii: "Z") else { return nil }
        var fields: [Int] = []
        var index = contents.lowerBound
        for width in [yearDigits, 2, 2, 2, 2, 2] {
            var value = 0
            for _ in 0..<width {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit <= 9 else { return nil }
                value = value * 10 + Int(digit)
                index += 1
            }
            fields.append(value)
        }
        var year = fields[0]
        if yearDigits == 2 { year += year < 50 ? 2000 : 1900 }
        guard year >= 1950, let day = CivilDate(year: year, month: fields[1], day: fields[2]),
              fields[3] <= 23, fields[4] <= 59, fields[5] <= 59 else { return nil }
        let seconds = day.daysSinceEpoch * 86_400 + fields[3] * 3600 + fields[4] * 60 + fields[5]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
