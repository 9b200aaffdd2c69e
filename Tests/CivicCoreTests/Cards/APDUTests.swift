import Testing
@testable import CivicCore

@Suite("APDUs, hex and DER sizes")
struct APDUTests {
    @Test("the four short cases encode and parse back")
    func shortCases() {
        let commands = [
            CommandAPDU(cla: 0x80, ins: 0xA4, p1: 0, p2: 0),
            CommandAPDU(cla: 0x80, ins: 0xB0, p1: 0x15, p2: 0x00, le: 200),
            CommandAPDU(cla: 0x80, ins: 0xA4, p1: 0, p2: 0, data: [0x3F, 0x00]),
            CommandAPDU(cla: 0x00, ins: 0xCA, p1: 0x11, p2: 0, data: [0, 0], le: 256),
        ]
        for command in commands {
            #expect(CommandAPDU(bytes: command.bytes) == command, "\(command)")
        }
        #expect(commands[1].bytes == [0x80, 0xB0, 0x15, 0x00, 0xC8])
        #expect(commands[3].bytes.last == 0x00, "Le 256 is sent as 00")
        #expect(commands[1].p1p2 == 0x1500)
    }

    @Test func malformedCommandsAreRefused() {
        #expect(CommandAPDU(bytes: [0x80, 0xA4, 0x00]) == nil)
        #expect(CommandAPDU(bytes: [0x80, 0xA4, 0x00, 0x00, 0x02, 0x3F]) == nil, "Lc says 2, one byte follows")
        #expect(CommandAPDU(bytes: [0x80, 0xA4, 0x00, 0x00, 0x01, 0x3F, 0x00, 0x00]) == nil, "two bytes after the data")
        #expect(CommandAPDU(bytes: [0x80, 0xB0, 0x00, 0x00, 0x00, 0x01, 0x00]) == nil, "extended length")
    }

    @Test func responses() {
        let response = ResponseAPDU(bytes: [0x43, 0x48, 0x90, 0x00])
        #expect(response?.data == [0x43, 0x48])
        #expect(response?.status == .success)
        #expect(ResponseAPDU(bytes: [0x90]) == nil, "no status word: the card went away mid-answer")
        #expect(ResponseAPDU(data: [1], status: .fileNotFound).bytes == [1, 0x6A, 0x82])
        #expect(StatusWord.wrongOffset.description == "6B00")
    }

    @Test func moicaCommands() {
        #expect(MOICALayout.select(0x08F2).bytes == [0x80, 0xA4, 0x00, 0x00, 0x02, 0x08, 0xF2])
        #expect(MOICALayout.readBinary(offset: 0x0E00 + 200, length: 200).bytes == [0x80, 0xB0, 0x0E, 0xC8, 0xC8])
        #expect(MOICALayout.Slot.allCases.map(\.offset) == [0x0000, 0x0700, 0x0E00, 0x1500])
        #expect(HealthCardLayout.selectApplication.bytes.prefix(5) == [0x00, 0xA4, 0x04, 0x00, 0x10])
    }

    @Test func hex() {
        #expect(Hex.string([0x3B, 0x00, 0xFF]) == "3b00ff")
        #expect(Hex.string([0xA0, 0x01], separator: " ") == "a0 01")
        #expect(Hex.bytes("3B 00:ff") == [0x3B, 0x00, 0xFF])
        #expect(Hex.bytes("3") == nil)
        #expect(Hex.bytes("zz") == nil)
    }

    @Test("a certificate's size from its first four bytes")
    func derSizes() {
        #expect(DERHeader.sequenceSize([0x30, 0x82, 0x03, 0x99]) == 0x399 + 4)
        #expect(DERHeader.sequenceSize([0x30, 0x81, 0x90, 0x00]) == 0x90 + 3)
        #expect(DERHeader.sequenceSize([0x30, 0x10, 0x00, 0x00]) == 0x12)
        #expect(DERHeader.sequenceSize([0xFF, 0xFF, 0xFF, 0xFF]) == nil, "an empty slot's padding")
        #expect(DERHeader.sequenceSize([0x00, 0x00, 0x00, 0x00]) == nil)
        #expect(DERHeader.sequenceSize([0x30, 0x82, 0x00, 0x10]) == nil, "not minimal DER")
        #expect(DERHeader.sequenceSize([0x30, 0x84, 0x00, 0x00]) == nil, "larger than any card slot")
    }
}
