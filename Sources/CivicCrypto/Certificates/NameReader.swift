import CivicCore
import Foundation

/// Reads a DER Name (issuer or subject) into a `DistinguishedName` the way OpenSSL presents it
/// (`X509_NAME_get_entry`, `ASN1_STRING_to_UTF8`, short type names): attributes in encoded
/// order, multi-valued RDNs flattened. Nil for anything OpenSSL might read otherwise or refuse
/// (string types it converts differently, text it cannot convert, empty RDNs).
enum NameReader {
    static func read(_ bytes: [UInt8], _ name: DERElement) -> DistinguishedName? {
        var attributes: [DistinguishedName.Attribute] = []
        let read = forEachAttribute(bytes, name) { type, value in
            guard let typeName = OID.attributeTypeName(contents: bytes, type), let text = text(bytes, value) else { return false }
            attributes.append(DistinguishedName.Attribute(type: typeName, value: text))
            return true
        }
        return read ? DistinguishedName(attributes: attributes) : nil
    }

    /// True when `read` reads the Name, found without making its strings (the record verifier
    /// checks every Name it meets but reads few).
    static func isReadable(_ bytes: [UInt8], _ name: DERElement) -> Bool {
        forEachAttribute(bytes, name) { type, value in
            OID.attributeTypeName(contents: bytes, type) != nil && isText(bytes, value)
        }
    }

    /// The text of the first attribute whose type has these contents octets, in a readable Name.
    static func first(_ type: [UInt8], of bytes: [UInt8], _ name: DERElement) -> String? {
        var found: String?
        _ = forEachAttribute(bytes, name) { attributeType, value in
            guard DERValue.equals(bytes, attributeType, type) else { return true }
            found = text(bytes, value)
            return false
        }
        return found
    }

    /// Calls `attribute` with each attribute's type (the OID's contents) and value, in encoded
    /// order, while it returns true; false when it returned false or the Name's structure is
    /// not one OpenSSL reads the same way (empty RDNs, anything but SET OF SEQUENCE).
    private static func forEachAttribute(_ bytes: [UInt8], _ name: DERElement,
                                         _ attribute: (Range<Int>, DERElement) -> Bool) -> Bool {
        var rdns = DERCursor(bytes, within: name.contents)
        while !rdns.isAtEnd {
            guard let rdn = rdns.next(0x31) else { return false }
            var entries = rdns.inside(rdn)
            guard !entries.isAtEnd else { return false }
            while !entries.isAtEnd {
                guard let entry = entries.next(0x30) else { return false }
                var fields = entries.inside(entry)
                guard let type = fields.next(0x06), DERValue.isObjectIdentifier(bytes, type.contents),
                      let value = fields.next(), fields.isAtEnd, attribute(type.contents, value) else { return false }
            }
        }
        return true
    }

    /// A string value as UTF-8 text: UTF8String as it is (valid UTF-8 only); BMPString's
    /// UCS-2 (no surrogates, which OpenSSL refuses); the one-octet types (Numeric, Printable,
    /// T61, IA5) octet by octet as Latin-1, as OpenSSL converts them.
    static func text(_ bytes: [UInt8], _ value: DERElement) -> String? {
        guard isText(bytes, value) else { return nil }
        let contents = bytes[value.contents]
        switch value.tag {
        case 0x0C:
            return String(decoding: contents, as: UTF8.self)
        case 0x1E:
            var units: [UInt16] = []
            units.reserveCapacity(contents.count / 2)
            for index in stride(from: contents.startIndex, to: contents.endIndex, by: 2) {
                units.append(UInt16(contents[index]) << 8 | UInt16(contents[index + 1]))
            }
            return String(decoding: units, as: UTF16.self)
        default:
            if contents.allSatisfy({ $0 < 0x80 }) { return String(decoding: contents, as: UTF8.self) }
            return String(String.UnicodeScalarView(contents.map { Unicode.Scalar($0) }))
        }
    }

    /// True when `text` converts the value: a string type it reads, holding text it can convert.
    private static func isText(_ bytes: [UInt8], _ value: DERElement) -> Bool {
        switch value.tag {
        case 0x0C:
            return (try? UTF8Span(validating: bytes.span.extracting(value.contents))) != nil
        case 0x1E:
            guard value.contents.count % 2 == 0 else { return false }
            return !stride(from: value.contents.lowerBound, to: value.contents.upperBound, by: 2).contains { 0xD8...0xDF ~= bytes[$0] }
        case 0x12, 0x13, 0x14, 0x16:
            return true
        default:
            return false
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
        var index = contents.lowerBound
        func number(_ width: Int) -> Int? {
            var value = 0
            for _ in 0..<width {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit <= 9 else { return nil }
                value = value * 10 + Int(digit)
                index += 1
            }
            return value
        }
        guard var year = number(yearDigits), let month = number(2), let dayOfMonth = number(2),
              let hour = number(2), let minute = number(2), let second = number(2) else { return nil }
        if yearDigits == 2 { year += year < 50 ? 2000 : 1900 }
        guard year >= 1950, let day = CivilDate(year: year, month: month, day: dayOfMonth),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let seconds = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
