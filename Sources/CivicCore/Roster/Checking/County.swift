/// The county or city (縣市) of a household address, as the 統計 sheet counts signers: the
/// first three characters, with the common 台 read as the official 臺 (台北市 → 臺北市).
public enum County {
    public static func of(address: String) -> String {
        ideographPrefix(address) ?? String(address.prefix(3).map { $0 == "台" ? "臺" : $0 })
    }

    /// The same for an address that begins with CJK ideographs or printable ASCII, read as
    /// UTF-8: such scalars are characters of their own when the next one is such a scalar too
    /// (or none follows), so the first three scalars are the first three characters. Nil for
    /// any other beginning.
    private static func ideographPrefix(_ address: String) -> String? {
        var utf8 = address.utf8.makeIterator()
        var kept: [UInt8] = []
        kept.reserveCapacity(9)
        for position in 0..<4 {
            guard let lead = utf8.next() else { break }
            var scalar: [UInt8] = [lead]
            if lead >= 0x80 {
                guard lead & 0xF0 == 0xE0, let second = utf8.next(), let third = utf8.next() else { return nil }
                let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                guard (0x4E00...0x9FFF).contains(value) else { return nil }
                scalar = value == 0x53F0 ? Array("臺".utf8) : [lead, second, third]
            } else if !(0x21...0x7E).contains(lead) {
                return nil
            }
            if position < 3 { kept += scalar }
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
