import Testing
@testable import CivicCore

@Suite("Card events from reader states")
struct CardEventTests {
    let atr: [UInt8] = [0x3B, 0x88]
    let other: [UInt8] = [0x3B, 0x7F]

    @Test func firstLookReportsReadersThenTheirCards() {
        let now = [ReaderState(name: "A", cardATR: atr), ReaderState(name: "B", cardATR: nil)]
        #expect(CardEvent.changes(from: [], to: now) == [
            .readerAdded("A"), .cardInserted(reader: "A", atr: atr), .readerAdded("B"),
        ])
    }

    @Test func insertionAndRemoval() {
        let empty = [ReaderState(name: "A", cardATR: nil, changeCount: 2)]
        let full = [ReaderState(name: "A", cardATR: atr, changeCount: 3)]
        #expect(CardEvent.changes(from: empty, to: full) == [.cardInserted(reader: "A", atr: atr)])
        #expect(CardEvent.changes(from: full, to: empty) == [.cardRemoved(reader: "A")])
        #expect(CardEvent.changes(from: full, to: full).isEmpty)
    }

    @Test("a card swapped between two looks is removed, then inserted — even with the same ATR")
    func swappedCards() {
        let before = [ReaderState(name: "A", cardATR: atr, changeCount: 1)]
        #expect(CardEvent.changes(from: before, to: [ReaderState(name: "A", cardATR: other, changeCount: 3)]) == [
            .cardRemoved(reader: "A"), .cardInserted(reader: "A", atr: other),
        ])
        #expect(CardEvent.changes(from: before, to: [ReaderState(name: "A", cardATR: atr, changeCount: 3)]) == [
            .cardRemoved(reader: "A"), .cardInserted(reader: "A", atr: atr),
        ])
    }

    @Test("an unplugged reader loses its card first")
    func unpluggedReader() {
        let before = [ReaderState(name: "A", cardATR: atr), ReaderState(name: "B", cardATR: nil)]
        #expect(CardEvent.changes(from: before, to: [ReaderState(name: "B", cardATR: nil)]) == [
            .cardRemoved(reader: "A"), .readerRemoved("A"),
        ])
        #expect(CardEvent.changes(from: before, to: []) == [
            .cardRemoved(reader: "A"), .readerRemoved("A"), .readerRemoved("B"),
        ])
    }
}
