/// A short command APDU (ISO 7816-4): what CivicDesk sends to a card and what the virtual card
/// parses, so the reader and the simulator share one definition of the bytes.
public struct CommandAPDU: Sendable, Hashable, CustomStringConvertible {
    public let cla: UInt8
    public let ins: UInt8
    public let p1: UInt8
    public let p2: UInt8
    public let data: [UInt8]
    /// The expected response length, 1…256 (256 is sent as 00); nil when no data is expected.
    public let le: Int?

    public init(cla: UInt8, ins: UInt8, p1: UInt8, p2: UInt8, data: [UInt8] = [], le: Int? = nil) {
        precondition(data.count <= 255, "short APDUs carry at most 255 data bytes")
        precondition(le.map { (1...256).contains($0) } ?? true, "Le is 1…256")
        self.cla = cla
        self.ins = ins
        self.p1 = p1
        self.p2 = p2
        self.data = data
        self.le = le
    }

    /// Parses cases 1 to 4 of the short form; nil for anything else (extended length included).
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 4 else { return nil }
        var data: [UInt8] = []
        var le: Int?
        if bytes.count == 5 {
            le = bytes[4] == 0 ? 256 : Int(bytes[4])
        } else if bytes.count > 5 {
            let lc = Int(bytes[4])
            guard lc > 0 else { return nil }
            switch bytes.count - 5 {
            case lc:
                break
            case lc + 1:
                le = bytes[bytes.count - 1] == 0 ? 256 : Int(bytes[bytes.count - 1])
            default:
                return nil
            }
            data = Array(bytes[5..<(5 + lc)])
        }
        self.init(cla: bytes[0], ins: bytes[1], p1: bytes[2], p2: bytes[3], data: data, le: le)
    }

    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(6 + data.count)
        for byte in [cla, ins, p1, p2] { result.append(byte) }
        if !data.isEmpty {
            result.append(UInt8(data.count))
            result.append(contentsOf: data)
        }
        if let le { result.append(UInt8(le & 0xFF)) }
        return result
    }

    /// P1-P2 read as one number, as READ BINARY uses them for the offset.
    public var p1p2: Int { Int(p1) << 8 | Int(p2) }

    public var description: String { Hex.string(bytes, separator: " ") }
}

/// A card's answer: the data and the two status bytes.
public struct ResponseAPDU: Sendable, Hashable {
    public let data: [UInt8]
    public let status: StatusWord

    public init(data: [UInt8] = [], status: StatusWord) {
        self.data = data
        self.status = status
    }

    /// Nil when fewer than the two status bytes arrived (a card that went away mid-answer).
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 2 else { return nil }
        data = Array(bytes.dropLast(2))
        status = StatusWord(rawValue: UInt16(bytes[bytes.count - 2]) << 8 | UInt16(bytes[bytes.count - 1]))
    }

    public var bytes: [UInt8] {
        var result = data
        result.append(UInt8(status.rawValue >> 8))
        result.append(UInt8(status.rawValue & 0xFF))
        return result
    }
}

/// SW1-SW2: the ones CivicDesk's cards use, named as ISO 7816-4 names them.
public struct StatusWord: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let success = StatusWord(rawValue: 0x9000)
    /// Fewer bytes than asked for were left before the end of the file.
    public static let endOfFileReached = StatusWord(rawValue: 0x6282)
    public static let wrongLength = StatusWord(rawValue: 0x6700)
    /// No current elementary file to read from.
    public static let noCurrentFile = StatusWord(rawValue: 0x6986)
    public static let incorrectP1P2 = StatusWord(rawValue: 0x6A86)
    public static let fileNotFound = StatusWord(rawValue: 0x6A82)
    /// The offset is outside the file.
    public static let wrongOffset = StatusWord(rawValue: 0x6B00)
    public static let instructionNotSupported = StatusWord(rawValue: 0x6D00)
    public static let classNotSupported = StatusWord(rawValue: 0x6E00)

    public var description: String { Hex.string([UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], uppercase: true) }
}
