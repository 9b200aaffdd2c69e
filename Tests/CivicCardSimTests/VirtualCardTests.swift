import CivicCore
import CivicTestSupport
import Foundation
import Testing
@testable import CivicCardSim

@Suite("The virtual card's answers")
struct VirtualCardTests {
    let cards = TestPKICards(directory: TestPKI.root)

    /// Sends the commands in order and returns the last answer.
    func answer(_ card: inout VirtualCard, _ commands: [CommandAPDU]) -> ResponseAPDU? {
        var response: ResponseAPDU?
        for command in commands { response = ResponseAPDU(bytes: card.respond(to: command.bytes)) }
        return response
    }

    func readSlot(_ card: inout VirtualCard, _ slot: MOICALayout.Slot, size: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < size {
            let length = min(MOICALayout.chunkSize, size - bytes.count)
            let response = answer(&card, [MOICALayout.readBinary(offset: slot.offset + bytes.count, length: length)])
            guard response?.status == .success, let data = response?.data else { return bytes }
            bytes += data
        }
        return bytes
    }

    @Test("a 自然人憑證: CHT V32N, and the four certificates at their offsets, byte for byte")
    func naturalPerson() throws {
        var card = try cards.card(.person("lead"))
        #expect(card.kind == .naturalPerson)
        let version = answer(&card, [MOICALayout.select(0x3F00), MOICALayout.select(0x0900), MOICALayout.select(0x0905),
                                     MOICALayout.readBinary(offset: 0, length: 8)])
        #expect(version == ResponseAPDU(data: Array("CHT V32N".utf8), status: .success))
        #expect(answer(&card, [MOICALayout.select(0x3F00), MOICALayout.select(0x5030), MOICALayout.select(0x08F2)])?.status == .success)
        let expected: [(MOICALayout.Slot, String)] = [(.root, "ca/root.pem"), (.issuer, "ca/moica.pem"),
                                                       (.encryption, "people/lead/enc.pem"), (.signature, "people/lead/sign.pem")]
        for (slot, file) in expected {
            let der = try TestPKI.der(file)
            #expect(readSlot(&card, slot, size: der.count) == der, "\(file) at \(slot.offset)")
            let after = answer(&card, [MOICALayout.readBinary(offset: slot.offset + der.count, length: 4)])
            #expect(after?.data == [0xFF, 0xFF, 0xFF, 0xFF], "padding after the certificate")
        }
    }

    @Test("status words for what a card cannot do")
    func statusWords() throws {
        var card = try cards.card(.person("lead"))
        #expect(answer(&card, [MOICALayout.readBinary(offset: 0, length: 4)])?.status == .noCurrentFile)
        #expect(answer(&card, [MOICALayout.select(0x5031)])?.status == .fileNotFound)
        #expect(answer(&card, [MOICALayout.select(0x3F00), MOICALayout.select(0x08F2)])?.status == .fileNotFound,
                "the store is in 5030, not under the master file")
        #expect(answer(&card, [CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0, p2: 0, data: [0x3F, 0x00])])?.status == .classNotSupported)
        #expect(answer(&card, [CommandAPDU(cla: 0x80, ins: 0x20, p1: 0, p2: 0)])?.status == .instructionNotSupported)
        #expect(answer(&card, [CommandAPDU(cla: 0x80, ins: 0xA4, p1: 4, p2: 0, data: [0x3F, 0x00])])?.status == .incorrectP1P2)
        #expect(answer(&card, [CommandAPDU(cla: 0x80, ins: 0xA4, p1: 0, p2: 0, data: [0x3F])])?.status == .wrongLength)
        #expect(ResponseAPDU(bytes: card.respond(to: [0x80, 0xA4, 0x00]))?.status == .wrongLength)

        _ = answer(&card, [MOICALayout.select(0x3F00), MOICALayout.select(0x5030), MOICALayout.select(0x08F2)])
        #expect(answer(&card, [MOICALayout.readBinary(offset: MOICALayout.storeSize, length: 1)])?.status == .wrongOffset)
        let tail = answer(&card, [MOICALayout.readBinary(offset: MOICALayout.storeSize - 2, length: 4)])
        #expect(tail == ResponseAPDU(data: [0xFF, 0xFF], status: .endOfFileReached))
        #expect(answer(&card, [CommandAPDU(cla: 0x80, ins: 0xB0, p1: 0x80, p2: 0, le: 1)])?.status == .incorrectP1P2)

        _ = answer(&card, [MOICALayout.select(0x0900)])
        card.reset()
        #expect(answer(&card, [MOICALayout.select(0x0905)])?.status == .fileNotFound, "a reset selects the master file again")
    }

    @Test("an agency card: the agency certificate at 1500, nothing at 0E00")
    func agency() throws {
        var card = try cards.card(.agency("xca"))
        #expect(card.kind == .agency)
        _ = answer(&card, [MOICALayout.select(0x3F00), MOICALayout.select(0x5030), MOICALayout.select(0x08F2)])
        let der = try TestPKI.der("agencies/xca/agency.pem")
        #expect(readSlot(&card, .signature, size: der.count) == der)
        #expect(readSlot(&card, .issuer, size: 4) == Array(try TestPKI.der("ca/xca.pem").prefix(4)))
        #expect(answer(&card, [MOICALayout.readBinary(offset: MOICALayout.Slot.encryption.offset, length: 4)])?.data
                == [0xFF, 0xFF, 0xFF, 0xFF])
    }

    @Test("a person issued outside the trust anchors carries that CA and its root")
    func untrustedChain() throws {
        var card = try cards.card(.person("untrusted"))
        _ = answer(&card, [MOICALayout.select(0x3F00), MOICALayout.select(0x5030), MOICALayout.select(0x08F2)])
        let issuer = try TestPKI.der("untrusted/issuing.pem")
        let root = try TestPKI.der("untrusted/root.pem")
        #expect(readSlot(&card, .issuer, size: issuer.count) == issuer)
        #expect(readSlot(&card, .root, size: root.count) == root)
    }

    @Test("a 健保卡 answers its application and nothing of HiCOS")
    func healthInsurance() {
        var card = VirtualCard.healthInsurance
        #expect(answer(&card, [HealthCardLayout.selectApplication])?.status == .success)
        #expect(answer(&card, [CommandAPDU(cla: 0, ins: 0xA4, p1: 4, p2: 0, data: [0xA0, 0x00, 0x00, 0x00, 0x63])])?.status
                == .fileNotFound)
        #expect(answer(&card, [MOICALayout.select(0x3F00)])?.status == .classNotSupported)
        var unknown = VirtualCard.unknown
        #expect(answer(&unknown, [HealthCardLayout.selectApplication])?.status == .fileNotFound)
        #expect(answer(&unknown, [MOICALayout.select(0x3F00)])?.status == .classNotSupported)
    }

    @Test("ATRs: well formed, with the check byte where T=1 is offered")
    func atrs() {
        for atr in [ATRs.hiCOS, ATRs.storageCard] {
            #expect(atr.dropFirst().reduce(0, ^) == 0, "TCK makes the XOR of T0…TCK zero")
        }
        #expect(ATRs.storageCard == Hex.bytes("3B8F8001804F0CA000000306030001000000006A"), "the PC/SC part 3 ATR, as published")
        #expect(Set([ATRs.hiCOS, ATRs.healthInsurance, ATRs.storageCard]).count == 3)
        #expect(ATRs.healthInsurance.count == 2 + 3 + 15, "TS, T0 = 7F: TA1, TB1, TC1 and 15 historical bytes")
    }

    @Test func personas() throws {
        #expect(CardPersona("person:lead") == .person("lead"))
        #expect(CardPersona("agency:gca-unlisted") == .agency("gca-unlisted"))
        #expect(CardPersona("health") == .healthInsurance)
        #expect(CardPersona("unknown") == .unknown)
        #expect(CardPersona("person") == nil)
        #expect(CardPersona("bank:1") == nil)
        #expect(CardPersona("agency:xca")?.description == "agency:xca")
        #expect(throws: TestPKICards.Failure.self) { try cards.card(.person("nobody")) }
    }
}
