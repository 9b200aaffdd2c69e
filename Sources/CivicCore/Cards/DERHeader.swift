/// The size of a DER certificate from its first bytes, so it can be read from a card in exactly
/// as many chunks as it needs instead of reading a whole slot.
public enum DERHeader {
    /// Enough bytes to size any certificate that fits a card slot: `30 82 hi lo`.
    public static let probeLength = 4

    /// The total size (header and contents) of the SEQUENCE that `bytes` start; nil when they do
    /// not start one, as in an empty slot's padding.
    public static func sequenceSize(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2, bytes[0] == 0x30 else { return nil }
        switch bytes[1] {
        case 0..<0x80:
            return 2 + Int(bytes[1])
        case 0x81 where bytes.count >= 3 && bytes[2] >= 0x80:
            return 3 + Int(bytes[2])
        case 0x82 where bytes.count >= 4 && bytes[2] != 0:
            return 4 + (Int(bytes[2]) << 8 | Int(bytes[3]))
        default:
            return nil
        }
    }
}
