import Foundation

/// Standard base64 (RFC 4648 §4) as the roster's `tbs` and `sig` fields carry it, decoded from
/// the bytes of a line without making a string first. Foundation's decoder reads some
/// irregular texts in its own way (extra `=`, `=` inside), so only the canonical form — groups
/// of four, `=` only to pad the last — is decoded here, and anything else is given to
/// `Data(base64Encoded:)`, whose answer stands.
enum Base64Text {
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8]? {
        if let decoded = canonical(bytes, range) { return decoded }
        return Data(base64Encoded: String(decoding: bytes[range], as: UTF8.self)).map { [UInt8]($0) }
    }

    /// The decoded bytes of canonical base64; nil for anything else.
    private static func canonical(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8]? {
        let count = range.count
        guard count % 4 == 0 else { return nil }
        guard count > 0 else { return [] }
        let padding = bytes[range.upperBound - 1] != UInt8(ascii: "=") ? 0 : bytes[range.upperBound - 2] != UInt8(ascii: "=") ? 1 : 2
        var output = [UInt8](repeating: 0, count: count / 4 * 3 - padding)
        let valid = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                table.withUnsafeBufferPointer { table in
                    pairs.withUnsafeBufferPointer { pairs in
                        guard let input = input.baseAddress, var written = out.baseAddress, let table = table.baseAddress,
                              let pairs = pairs.baseAddress else { return false }
                        var index = range.lowerBound
                        let fullEnd = range.upperBound - (padding > 0 ? 4 : 0)
                        var invalid: UInt16 = 0
                        while index < fullEnd {
                            // Four octets read at once; each pair's 12 bits looked up at once.
                            let octets = UnsafeRawPointer(input + index).loadUnaligned(as: UInt32.self).littleEndian
                            let first = pairs[Int(UInt16(truncatingIfNeeded: octets).byteSwapped)]
                            let second = pairs[Int(UInt16(truncatingIfNeeded: octets >> 16).byteSwapped)]
                            invalid |= first | second
                            let group = UInt32(first) << 12 | UInt32(second)
                            written[0] = UInt8(truncatingIfNeeded: group >> 16)
                            written[1] = UInt8(truncatingIfNeeded: group >> 8)
                            written[2] = UInt8(truncatingIfNeeded: group)
                            written += 3
                            index += 4
                        }
                        guard invalid < 0x1000 else { return false }
                        guard padding > 0 else { return true }
                        let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                        let c = padding == 1 ? table[Int(input[index + 2])] : 0
                        guard a | b | c < 64 else { return false }
                        let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
                        written[0] = UInt8(truncatingIfNeeded: group >> 16)
                        if padding == 1 { written[1] = UInt8(truncatingIfNeeded: group >> 8) }
                        return true
                    }
                }
            }
        }
        return valid ? output : nil
    }

    /// Each pair of octets' 12 bits (first octet high, index `first << 8 | second`), 0xFFFF
    /// when either is outside the alphabet: half the lookups of `table`.
    private static let pairs: [UInt16] = (0..<65_536).map { index in
        let high = table[index >> 8], low = table[index & 0xFF]
        return high | low < 64 ? UInt16(high) << 6 | UInt16(low) : 0xFFFF
    }

    /// Each octet's 6-bit value, 0xFF for octets outside the alphabet (`=` included).
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()
}
