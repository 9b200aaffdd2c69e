import Testing
@testable import CivicCore

@Suite("A card step's card: the card asked for picked from the readers")
struct CardSlotTests {
    let first = "Reader 0"
    let second = "Reader 1"

    func page(readers: [String]) -> ReadersPage {
        var page = ReadersPage()
        page.apply(.serviceAvailable)
        for reader in readers { page.apply(.readerAdded(reader)) }
        return page
    }

    func insert(_ contents: CardContents, into reader: String, on page: inout ReadersPage) throws {
        let asked = page.apply(.cardInserted(reader: reader, atr: contents.atr))
        let request = try #require(asked)
        page.finish(request, with: .success(CardFixtures.reading(contents)))
    }

    @Test("service, readers and an empty reader, each said")
    func beforeACard() {
        var page = ReadersPage()
        #expect(page.cardSlot(for: .rosterLead).presence == .waiting(UserMessage(zh: "正在連接讀卡機服務…", en: "Connecting to the smart card service…")))
        page.apply(.serviceUnavailable)
        #expect(page.cardSlot(for: .rosterLead).presence == .unusable(CardError.serviceUnavailable.message))
        page.apply(.serviceAvailable)
        #expect(page.cardSlot(for: .rosterLead) == CardSlot(reader: nil, presence: .unusable(CardError.noReader.message), reading: nil))
        page.apply(.readerAdded(first))
        #expect(page.cardSlot(for: .rosterLead) == CardSlot(reader: first, presence: .absent, reading: nil))
    }

    @Test("a card being read waits; a 自然人憑證 is present with its holder and reading")
    func theLeadCard() throws {
        var page = page(readers: [first])
        let asked = page.apply(.cardInserted(reader: first, atr: CardFixtures.atr))
        let request = try #require(asked)
        guard case .waiting = page.cardSlot(for: .rosterLead).presence else {
            Issue.record("reading: \(page.cardSlot(for: .rosterLead).presence)")
            return
        }
        page.finish(request, with: .success(CardFixtures.reading()))
        #expect(page.cardSlot(for: .rosterLead) == CardSlot(reader: first, presence: .present(holder: "王大明"), reading: CardFixtures.reading()))
        page.apply(.cardRemoved(reader: first))
        #expect(page.cardSlot(for: .rosterLead).presence == .absent && page.cardSlot(for: .rosterLead).reading == nil)
    }

    @Test("the wrong kind of card is named: a 健保卡, an agency card, an unreadable card")
    func wrongCards() throws {
        var page = page(readers: [first])
        try insert(CardFixtures.healthCard, into: first, on: &page)
        let healthCard = try #require(CardKind.healthInsurance.unusableReason)
        #expect(page.cardSlot(for: .rosterLead).presence == .unusable(healthCard))
        page.apply(.cardRemoved(reader: first))
        let agency = CardContents(kind: .agency, atr: CardFixtures.atr,
                                  certificates: [CardCertificate(role: .agency, certificate: CardFixtures.signature)])
        try insert(agency, into: first, on: &page)
        #expect(page.cardSlot(for: .rosterLead).presence == .unusable(CardRequest.rosterLead.otherKind) && page.cardSlot(for: .rosterLead).reading == nil)
        #expect(CardRequest.rosterLead.otherKind.zh.contains("不是自然人憑證"))
        page.apply(.cardRemoved(reader: first))
        let asked = page.apply(.cardInserted(reader: first, atr: CardFixtures.atr))
        let request = try #require(asked)
        page.finish(request, with: .failure(.cardInUse(reader: first)))
        #expect(page.cardSlot(for: .rosterLead).presence == .unusable(CardError.cardInUse(reader: first).message))
    }

    @Test("with two readers the 自然人憑證 is found wherever it is; else the card there is explained")
    func twoReaders() throws {
        var page = page(readers: [first, second])
        try insert(CardFixtures.naturalPersonCard, into: second, on: &page)
        #expect(page.cardSlot(for: .rosterLead).reader == second && page.cardSlot(for: .rosterLead).presence == .present(holder: "王大明"))
        try insert(CardFixtures.healthCard, into: first, on: &page)
        #expect(page.cardSlot(for: .rosterLead).reader == second, "a 健保卡 beside it does not hide the lead's card")
        page.apply(.cardRemoved(reader: second))
        let healthCard = try #require(CardKind.healthInsurance.unusableReason)
        #expect(page.cardSlot(for: .rosterLead).reader == first && page.cardSlot(for: .rosterLead).presence == .unusable(healthCard))
    }

    static let agencyCertificate = CardFixtures.certificate([("C", "TW"), ("O", "臺北市立示範國民中學"), ("CN", "臺北市立示範國民中學")],
                                                            usage: [.digitalSignature, .nonRepudiation])
    static let agencyCard = CardContents(kind: .agency, atr: CardFixtures.atr,
                                         certificates: [CardCertificate(role: .agency, certificate: agencyCertificate)])

    @Test("an agency request takes the agency card wherever it is, and names a 自然人憑證 as the other kind")
    func agencyRequest() throws {
        var page = page(readers: [first, second])
        try insert(CardFixtures.naturalPersonCard, into: first, on: &page)
        #expect(page.cardSlot(for: .agency).presence == .unusable(CardRequest.agency.otherKind))
        #expect(CardRequest.agency.otherKind.zh.contains("不是機關憑證"))
        try insert(Self.agencyCard, into: second, on: &page)
        let slot = page.cardSlot(for: .agency)
        #expect(slot.reader == second && slot.presence == .present(holder: "臺北市立示範國民中學"))
        #expect(page.cardSlot(for: .rosterLead).reader == first, "the person's card is still the roster's")
    }

    @Test("the certificate a request needs: encryption for the roster, the one that signs for an agency or a signer")
    func neededCertificate() {
        #expect(CardRequest.rosterLead.certificate(on: CardFixtures.naturalPersonCard) == CardFixtures.encryption)
        #expect(CardRequest.naturalPerson().certificate(on: CardFixtures.naturalPersonCard) == CardFixtures.signature)
        #expect(CardRequest.agency.certificate(on: Self.agencyCard) == Self.agencyCertificate)
        #expect(CardRequest.agency.certificate(on: CardFixtures.healthCard) == nil)
    }

    @Test("the words of a request: the roster's lead person, an administrator, an agency")
    func words() {
        #expect(CardRequest.rosterLead.absent == UserMessage(zh: "請將領銜人的自然人憑證插入讀卡機。",
                                                             en: "Insert the lead person's citizen certificate card into the reader."))
        #expect(CardRequest.rosterLead.insertTitle.zh == "請插入領銜人的自然人憑證")
        #expect(CardRequest.naturalPerson(whose: UserMessage(zh: "管理者的", en: "administrator's")).absent.zh == "請將管理者的自然人憑證插入讀卡機。")
        #expect(CardRequest.agency.absent.zh == "請將機關憑證插入讀卡機。")
        var access = CardAndPIN(request: .agency)
        #expect(access.cardProblem == CardRequest.agency.absent)
        _ = access.cardChanged(.present(holder: "臺北市立示範國民中學"), onPINStep: false)
        #expect(access.cardProblem == nil)
    }
}
