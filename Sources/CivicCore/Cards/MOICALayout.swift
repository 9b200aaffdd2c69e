/// The publicly documented layout of HiCOS cards (自然人憑證, and the agency cards built on the
/// same chip) for what may be read without a PIN. CivicCard reads it and the virtual card serves
/// it, so both sides agree on one description of the card.
public enum MOICALayout {
    /// HiCOS answers CLA 0x00 with 6E00: every command uses the proprietary class.
    public static let cla: UInt8 = 0x80
    public static let masterFile: UInt16 = 0x3F00
    public static let infoDirectory: UInt16 = 0x0900
    /// Its first bytes name the chip's operating system, `CHT V32N` on current cards.
    public static let versionFile: UInt16 = 0x0905
    /// Every HiCOS version string starts so (`CHT V21N` … `CHT V32N`).
    public static let versionPrefix = Array("CHT V".utf8)
    public static let certificateDirectory: UInt16 = 0x5030
    /// One file holding the certificates back to back, each in a fixed slot.
    public static let certificateStore: UInt16 = 0x08F2
    public static let slotSize = 0x0700
    public static let storeSize = Slot.allCases.count * slotSize
    /// The vendor's module reads 200 bytes per READ BINARY; CivicDesk does the same.
    public static let chunkSize = 200

    /// Where each certificate sits in the store, in store order.
    public enum Slot: Int, CaseIterable, Sendable {
        case root = 0x0000
        case issuer = 0x0700
        case encryption = 0x0E00
        case signature = 0x1500

        public var offset: Int { rawValue }
    }

    public static func select(_ fileID: UInt16) -> CommandAPDU {
        CommandAPDU(cla: cla, ins: 0xA4, p1: 0x00, p2: 0x00, data: [UInt8(fileID >> 8), UInt8(fileID & 0xFF)])
    }

    /// READ BINARY of the current file: the offset goes in P1-P2, `length` is 1…256.
    public static func readBinary(offset: Int, length: Int) -> CommandAPDU {
        CommandAPDU(cla: cla, ins: 0xB0, p1: UInt8(offset >> 8 & 0x7F), p2: UInt8(offset & 0xFF), le: length)
    }
}

/// The 健保卡 (National Health Insurance card): only how to recognise it. It has no certificate
/// and no PKI application, so CivicDesk names it and explains that it cannot sign.
public enum HealthCardLayout {
    /// The NHI application's AID, selected by name as the public NHI card readers do.
    public static let applicationID: [UInt8] = [
        0xD1, 0x58, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00,
    ]

    public static var selectApplication: CommandAPDU {
        CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x04, p2: 0x00, data: applicationID)
    }
}
