import CivicCore
import CivicStore
import Foundation
import Testing

@Suite("發文字號 ledger: consecutive per office, 字 and year; reservations kept, voided, never reused")
struct DocumentNumberTests {
    let workspace: TestWorkspace
    let store: DocumentStore
    let time = Timestamp(rfc3339: "2026-04-29T14:58:11+08:00")!
    let key = NumberSequenceKey(agencyCode: "3800000000", word: "議秘", year: 115)

    init() throws {
        workspace = try TestWorkspace()
        store = DocumentStore(database: workspace.store.database, now: { Timestamp(rfc3339: "2026-04-29T14:58:11+08:00")! })
    }

    @Test("take, reserve, void: serials run 1, 2, 3…; a voided one stays, a reservation is used at dispatch")
    func ledger() throws {
        #expect(try store.take(key, for: "A", at: time).serial == 1)
        #expect(try store.reserve(key, for: "B", at: time).serial == 2)
        #expect(try store.reserve(key, for: "B", at: time).serial == 2, "asking again returns the same reservation")
        #expect(try store.reserve(key, for: "C", at: time).serial == 3)
        try store.voidReservation(key, for: "C", at: time)
        #expect(try store.take(key, for: "D", at: time).serial == 4, "a voided serial is never given again")
        #expect(try store.take(key, for: "B", at: time).serial == 2, "B's reservation becomes its number")
        #expect(throws: DocumentNumberError.alreadyDispatched(key.number(2))) { try store.take(key, for: "B", at: time) }
        #expect(throws: DocumentNumberError.noReservation(key)) { try store.voidReservation(key, for: "A", at: time) }
        let entries = try store.ledger(key)
        #expect(entries.map(\.serial) == [1, 2, 3, 4])
        #expect(entries.map(\.use) == [.dispatched, .dispatched, .voided, .dispatched])
        #expect(NumberLedgerAudit.gaps(entries).isEmpty && NumberLedgerAudit.duplicates(entries).isEmpty)
        #expect(try store.holder(of: key.number(4), agencyCode: "3800000000") == "D")
        #expect(try store.holder(of: key.number(3), agencyCode: "3800000000") == nil)
    }

    @Test("sequences are separate per office, 字 and year; an empty 字 is refused")
    func separateSequences() throws {
        #expect(try store.take(key, for: "A", at: time).serial == 1)
        #expect(try store.take(NumberSequenceKey(agencyCode: "3800000000", word: "議秘", year: 116), for: "B", at: time).serial == 1)
        #expect(try store.take(NumberSequenceKey(agencyCode: "3800000000", word: "議人", year: 115), for: "C", at: time).serial == 1)
        #expect(try store.take(NumberSequenceKey(agencyCode: "3810000000", word: "議秘", year: 115), for: "D", at: time).serial == 1)
        #expect(throws: DocumentNumberError.noWord) { try store.take(NumberSequenceKey(agencyCode: "", word: "", year: 115), for: "E", at: time) }
    }

    @Test("a dispatch whose signing fails writes nothing: the number is not used and the next letter gets it")
    func failedDispatchTakesNothing() throws {
        let id = try store.create(NewLetterRecord(letter: OfficialLetter(subject: "測試")))
        #expect(id.count == 10 && id.hasPrefix("115"), "\(id)")
        #expect(throws: SignOffError.stepNotAllowed(.dispatch, .drafted)) {
            try store.dispatch(id, key: { _ in key }, make: { _, _ in throw CardPulled() })
        }
        for step in [SignOffStep.submit, .approve] {
            _ = try store.recordStep(id) { _ in
                (SignOffEntry(step: step, signerName: "王大明", certificateSerial: "01", certificateIssuer: "CA", signedAt: time,
                              xml: Array("<函/>".utf8), signature: [0x30]), certificateDER: [0x30])
            }
        }
        #expect(try store.letter(id)?.progress.state == .approved)
        #expect(throws: CardPulled.self) { try store.dispatch(id, key: { _ in key }, make: { _, _ in throw CardPulled() }) }
        #expect(try store.ledger(key).isEmpty, "the number taken inside the failed transaction is rolled back")
        #expect(try store.letter(id)?.progress.state == .approved)
        #expect(try store.take(key, for: "other", at: time).serial == 1)
    }

    struct CardPulled: Error {}
}
