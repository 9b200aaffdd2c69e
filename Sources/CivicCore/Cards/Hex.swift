/// Hexadecimal text for bytes: lower case, as ATRs and fingerprints are shown and written to JSON, or upper case, as status words are read out.
public enum Hex {
    private static let lowerDigits = Array("0123456789abcdef".utf8)
    private static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// Written as UTF-8 bytes into one buffer: one allocation, not a string per byte.
    public static func string(_ bytes: some Sequence<UInt8>, separator: String = "", uppercase: Bool = false) -> String {
        let digits = uppercase ? upperDigits : lowerDigits
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * (2 + separator.utf8.count))
        for (index, byte) in bytes.enumerated() {
            if index > 0 { text.append(contentsOf: separator.utf8) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Bytes from hex text (either case, spaces or colons allowed between bytes); nil when it is not hex.
    public static func bytes(_ text: String) -> [UInt8]? {
        let compact = Array(text.filter { $0 != " " && $0 != ":" })
        guard compact.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(compact.count / 2)
        for index in stride(from: 0, to: compact.count, by: 2) {
            guard let byte = UInt8(String(compact[index...index + 1]), radix: 16) else { return nil }
            result.append(byte)
        }
        return result
    }
}
