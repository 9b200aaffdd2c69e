import CivicCore

/// A card as `civicdesk-cardsim` plays it: its ATR and how it answers APDUs. Pure (no sockets),
/// so every status word it gives is checked by unit tests.
public struct VirtualCard: Sendable {
    public let atr: [UInt8]
    public let kind: CardKind
    private var behaviour: Behaviour

    private enum Behaviour: Sendable {
        case hiCOS(HiCOSFileSystem)
        case healthInsurance
        case unknown
    }

    /// A HiCOS card (自然人憑證 or agency card) whose certificate store holds `certificates`.
    public static func hiCOS(kind: CardKind, certificates: [MOICALayout.Slot: [UInt8]]) -> VirtualCard {
        VirtualCard(atr: ATRs.hiCOS, kind: kind, behaviour: .hiCOS(HiCOSFileSystem(certificates: certificates)))
    }

    /// A 健保卡-like card: it answers the NHI application's SELECT and holds no certificate.
    public static let healthInsurance = VirtualCard(atr: ATRs.healthInsurance, kind: .healthInsurance, behaviour: .healthInsurance)

    /// A card of no kind CivicDesk knows: it selects nothing.
    public static let unknown = VirtualCard(atr: ATRs.storageCard, kind: .unknown, behaviour: .unknown)

    /// The answer to one command APDU: response data and status word.
    public mutating func respond(to bytes: [UInt8]) -> [UInt8] {
        guard let command = CommandAPDU(bytes: bytes) else { return ResponseAPDU(status: .wrongLength).bytes }
        switch behaviour {
        case .hiCOS(var fileSystem):
            let response = fileSystem.respond(to: command)
            behaviour = .hiCOS(fileSystem)
            return response.bytes
        case .healthInsurance:
            return Self.healthInsuranceAnswer(command).bytes
        case .unknown:
            guard command.cla == 0x00 else { return ResponseAPDU(status: .classNotSupported).bytes }
            return ResponseAPDU(status: command.ins == 0xA4 ? .fileNotFound : .instructionNotSupported).bytes
        }
    }

    /// A cold or warm reset: the selection returns to the master file.
    public mutating func reset() {
        if case .hiCOS(var fileSystem) = behaviour {
            fileSystem.reset()
            behaviour = .hiCOS(fileSystem)
        }
    }

    private static func healthInsuranceAnswer(_ command: CommandAPDU) -> ResponseAPDU {
        guard command.cla == 0x00 else { return ResponseAPDU(status: .classNotSupported) }
        guard command.ins == 0xA4 else { return ResponseAPDU(status: .instructionNotSupported) }
        let selectsApplication = command.p1 == 0x04 && command.data == HealthCardLayout.applicationID
        return ResponseAPDU(status: selectsApplication ? .success : .fileNotFound)
    }
}

/// The ATRs the virtual cards answer with. Invented, but shaped as ISO 7816-3 requires (with the
/// check byte when T=1 is offered) and like the cards they stand for; CivicDesk never decides a
/// card's kind from them.
public enum ATRs {
    /// HiCOS-like (T=1, IFSC 254); historical bytes "HiCOS V3".
    public static let hiCOS = withCheckByte([0x3B, 0x88, 0x81, 0x31, 0xFE, 0x45] + Array("HiCOS V3".utf8))
    /// NHI-like (T=0 only, so no check byte).
    public static let healthInsurance: [UInt8] = [
        0x3B, 0x7F, 0x95, 0x00, 0x00, 0x80, 0x31, 0x80, 0x65, 0xB0, 0x85, 0x03, 0x00, 0xEF, 0x12, 0x0F, 0xFF, 0x82, 0x90, 0x00,
    ]
    /// The PC/SC part 3 ATR of a contactless storage card (MIFARE Classic 1K): a card that is
    /// neither a certificate card nor a health insurance card.
    public static let storageCard = withCheckByte([
        0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
    ])

    /// Appends TCK: the XOR of every byte after TS.
    static func withCheckByte(_ bytes: [UInt8]) -> [UInt8] {
        bytes + [bytes.dropFirst().reduce(0, ^)]
    }
}
