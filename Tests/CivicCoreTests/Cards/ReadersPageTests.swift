import Foundation
import Testing
@testable import CivicCore

@Suite("The readers page: readers, cards and what the page shows")
struct ReadersPageTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000) // 2025-06-15
    let reader = "CivicDesk Virtual 00 00"
    let second = "CivicDesk Virtual 00 01"

    func notice(_ page: ReadersPage) -> ReadersPageDisplay.Notice? {
        if case .notice(let notice) = page.display(now: now).content { notice } else { nil }
    }

    func panel(_ page: ReadersPage) -> ReadersPageDisplay.CardPanel? {
        if case .card(let panel) = page.display(now: now).content { panel } else { nil }
    }

    /// Puts a card in `name` and returns the read the page asks for.
    func insert(into page: inout ReadersPage, _ name: String, atr: [UInt8] = CardFixtures.atr) throws -> ReadersPage.ReadRequest {
        let request = page.apply(.cardInserted(reader: name, atr: atr))
        return try #require(request)
    }

    /// A page with `reader` and the natural-person card read in it.
    func pageWithCard(trust: CertificateTrust = .trusted) throws -> ReadersPage {
        var page = ReadersPage()
        page.apply(.serviceAvailable)
        page.apply(.readerAdded(reader))
        let request = try insert(into: &page, reader)
        page.finish(request, with: .success(CardFixtures.reading(trust: trust)))
        return page
    }

    @Test("before the watcher reports, without the service, without a reader")
    func serviceStates() {
        var page = ReadersPage()
        #expect(notice(page)?.situation == .connecting)
        page.apply(.serviceUnavailable)
        #expect(notice(page)?.situation == .serviceUnavailable)
        #expect(notice(page)?.advice == CardError.serviceUnavailable.message, "says how to start pcscd")
        page.apply(.serviceAvailable)
        #expect(notice(page)?.situation == .noReader)
        #expect(notice(page)?.advice == CardError.noReader.message)
        #expect(page.display(now: now).readers.isEmpty)
    }

    @Test("a reader without a card asks for one, naming the reader")
    func emptyReader() {
        var page = ReadersPage()
        page.apply(.serviceAvailable)
        #expect(page.apply(.readerAdded(reader)) == nil)
        let shown = notice(page)
        #expect(shown?.situation == .noCard)
        #expect(shown?.title.zh == "請插入自然人憑證或機關憑證")
        #expect(shown?.advice.zh.contains(reader) == true)
        #expect(page.display(now: now).readers == [
            .init(name: reader, status: UserMessage(zh: "沒有卡片", en: "No card"), isSelected: true, isReading: false),
        ])
    }

    @Test("an inserted card is read, then shown with its kind, holder and certificates")
    func cardShown() throws {
        var page = ReadersPage()
        page.apply(.readerAdded(reader))
        let request = try insert(into: &page, reader)
        #expect(request.reader == reader)
        #expect(notice(page)?.situation == .reading)
        #expect(page.display(now: now).readers.first?.isReading == true)
        page.finish(request, with: .success(CardFixtures.reading()))
        let card = try #require(panel(page))
        #expect(card.kind == .naturalPerson && card.holder == "王大明" && card.reader == reader)
        #expect(card.holderCertificates.map(\.role) == [.signature, .encryption])
        #expect(card.authorityCertificates.map(\.role) == [.issuer, .root])
        #expect(card.holderCertificates.allSatisfy { $0.badge == .validity(.valid) && $0.name == "王大明" })
        #expect(card.trustNote == nil)
        #expect(card.pinCertificate == CardFixtures.signature)
        #expect(page.display(now: now).readers.first?.status.zh == "自然人憑證：王大明")
    }

    @Test("taking the card out shows the empty reader; a late result for it is dropped")
    func removal() throws {
        var page = try pageWithCard()
        page.apply(.cardRemoved(reader: reader))
        #expect(notice(page)?.situation == .noCard)
        let stale = try insert(into: &page, reader)
        page.apply(.cardRemoved(reader: reader))
        page.finish(stale, with: .success(CardFixtures.reading()))
        #expect(notice(page)?.situation == .noCard, "the result of a card since taken out is not shown")
        let first = try insert(into: &page, reader)
        page.apply(.cardRemoved(reader: reader))
        let current = try insert(into: &page, reader)
        page.finish(first, with: .success(CardFixtures.reading(CardFixtures.healthCard)))
        #expect(notice(page)?.situation == .reading, "the first card's result does not stand for the second")
        page.finish(current, with: .success(CardFixtures.reading()))
        #expect(panel(page) != nil)
    }

    @Test("a 健保卡 is explained, not shown as a certificate card")
    func healthCard() throws {
        var page = ReadersPage()
        page.apply(.readerAdded(reader))
        let request = try insert(into: &page, reader, atr: [0x3B, 0x01])
        page.finish(request, with: .success(CardFixtures.reading(CardFixtures.healthCard)))
        let shown = try #require(notice(page))
        #expect(shown.situation == .unusableCard(.healthInsurance))
        #expect(shown.title.zh == "健保卡")
        #expect(shown.advice == CardKind.healthInsurance.unusableReason)
        #expect(!shown.canRetry)
        #expect(page.display(now: now).readers.first?.status.zh == "健保卡")
    }

    @Test("a card in use by another program, or unreadable, says what to do and can be read again")
    func failedReads() throws {
        var page = ReadersPage()
        page.apply(.readerAdded(reader))
        let request = try insert(into: &page, reader)
        page.finish(request, with: .failure(.cardInUse(reader: reader)))
        let inUse = try #require(notice(page))
        #expect(inUse.situation == .cardInUse && inUse.canRetry)
        #expect(inUse.advice == CardError.cardInUse(reader: reader).message)
        let retried = page.retry()
        let again = try #require(retried)
        #expect(notice(page)?.situation == .reading)
        #expect(page.retry() == nil, "nothing to retry while reading")
        page.finish(again, with: .failure(.unresponsiveCard(reader: reader)))
        #expect(notice(page)?.situation == .unreadable)
        #expect(notice(page)?.advice == CardError.unresponsiveCard(reader: reader).message)
        #expect(page.display(now: now).readers.first?.status.zh == "無法讀取卡片")
    }

    @Test("a new card is shown unless another card is on the page; a removed reader hands over")
    func selection() throws {
        var page = ReadersPage()
        page.apply(.readerAdded(reader))
        page.apply(.readerAdded(second))
        #expect(page.selectedReaderName == reader, "the first reader until a card comes")
        let inSecond = try insert(into: &page, second)
        #expect(page.selectedReaderName == second, "the empty reader gives way to the new card")
        page.finish(inSecond, with: .success(CardFixtures.reading()))
        _ = page.apply(.cardInserted(reader: reader, atr: CardFixtures.atr))
        #expect(page.selectedReaderName == second, "a card on the page is not replaced by another reader's")
        page.select(reader: reader)
        #expect(page.selectedReaderName == reader)
        page.select(reader: "no such reader")
        #expect(page.selectedReaderName == reader)
        page.apply(.cardRemoved(reader: reader))
        page.apply(.readerRemoved(reader))
        #expect(page.selectedReaderName == second)
        #expect(panel(page)?.reader == second)
        page.apply(.serviceUnavailable)
        #expect(page.readers.isEmpty && page.selectedReaderName == nil)
    }

    @Test("without trust anchors the badge says so, and the page says where to put them")
    func trustNotConfigured() throws {
        let problem = TrustProblem.notConfigured(folder: "/home/user/.local/share/civicdesk/trust")
        let card = try #require(panel(try pageWithCard(trust: .unverifiable(problem))))
        #expect(card.holderCertificates.allSatisfy { $0.badge == .unverifiable(problem) })
        #expect(card.holderCertificates.first?.badge.message.zh == "無法驗證：未設定信任的憑證管理中心")
        #expect(card.trustNote?.zh.contains("/home/user/.local/share/civicdesk/trust") == true)
        #expect(card.trustNote?.zh.contains("CIVICDESK_TRUST_DIR") == true)

        let untrusted = try #require(panel(try pageWithCard(trust: .untrusted)))
        #expect(untrusted.holderCertificates.allSatisfy { $0.badge == .validity(.untrusted) })
        #expect(untrusted.trustNote == nil)
    }
}
