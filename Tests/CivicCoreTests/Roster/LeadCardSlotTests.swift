import Testing
@testable import CivicCore

@Suite("The wizards' card: the lead person's card picked from the readers")
struct LeadCardSlotTests {
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
        #expect(page.leadCardSlot.presence == .waiting(UserMessage(zh: "正在連接讀卡機服務…", en: "Connecting to the smart card service…")))
        page.apply(.serviceUnavailable)
        #expect(page.leadCardSlot.presence == .unusable(CardError.serviceUnavailable.message))
        page.apply(.serviceAvailable)
        #expect(page.leadCardSlot == LeadCardSlot(reader: nil, presence: .unusable(CardError.noReader.message), reading: nil))
        page.apply(.readerAdded(first))
        #expect(page.leadCardSlot == LeadCardSlot(reader: first, presence: .absent, reading: nil))
    }

    @Test("a card being read waits; a 自然人憑證 is present with its holder and reading")
    func theLeadCard() throws {
        var page = page(readers: [first])
        let asked = page.apply(.cardInserted(reader: first, atr: CardFixtures.atr))
        let request = try #require(asked)
        guard case .waiting = page.leadCardSlot.presence else {
            Issue.record("reading: \(page.leadCardSlot.presence)")
            return
        }
        page.finish(request, with: .success(CardFixtures.reading()))
        #expect(page.leadCardSlot == LeadCardSlot(reader: first, presence: .present(holder: "王大明"), reading: CardFixtures.reading()))
        page.apply(.cardRemoved(reader: first))
        #expect(page.leadCardSlot.presence == .absent && page.leadCardSlot.reading == nil)
    }

    @Test("the wrong kind of card is named: a 健保卡, an agency card, an unreadable card")
    func wrongCards() throws {
        var page = page(readers: [first])
        try insert(CardFixtures.healthCard, into: first, on: &page)
        let healthCard = try #require(CardKind.healthInsurance.unusableReason)
        #expect(page.leadCardSlot.presence == .unusable(healthCard))
        page.apply(.cardRemoved(reader: first))
        let agency = CardContents(kind: .agency, atr: CardFixtures.atr,
                                  certificates: [CardCertificate(role: .agency, certificate: CardFixtures.signature)])
        try insert(agency, into: first, on: &page)
        #expect(page.leadCardSlot.presence == .unusable(LeadCardSlot.agencyCard) && page.leadCardSlot.reading == nil)
        #expect(LeadCardSlot.agencyCard.zh.contains("不是自然人憑證"))
        page.apply(.cardRemoved(reader: first))
        let asked = page.apply(.cardInserted(reader: first, atr: CardFixtures.atr))
        let request = try #require(asked)
        page.finish(request, with: .failure(.cardInUse(reader: first)))
        #expect(page.leadCardSlot.presence == .unusable(CardError.cardInUse(reader: first).message))
    }

    @Test("with two readers the 自然人憑證 is found wherever it is; else the card there is explained")
    func twoReaders() throws {
        var page = page(readers: [first, second])
        try insert(CardFixtures.naturalPersonCard, into: second, on: &page)
        #expect(page.leadCardSlot.reader == second && page.leadCardSlot.presence == .present(holder: "王大明"))
        try insert(CardFixtures.healthCard, into: first, on: &page)
        #expect(page.leadCardSlot.reader == second, "a 健保卡 beside it does not hide the lead's card")
        page.apply(.cardRemoved(reader: second))
        let healthCard = try #require(CardKind.healthInsurance.unusableReason)
        #expect(page.leadCardSlot.reader == first && page.leadCardSlot.presence == .unusable(healthCard))
    }
}
