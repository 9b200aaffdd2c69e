/// One reader as the reader service last reported it.
public struct ReaderState: Sendable, Hashable {
    public let name: String
    /// The card's ATR; nil when the reader is empty (empty when a card is present but mute).
    public let cardATR: [UInt8]?
    /// The service's count of insertions and removals in this reader, which tells a swapped card
    /// from the same one even when both have the same ATR.
    public let changeCount: Int

    public init(name: String, cardATR: [UInt8]?, changeCount: Int = 0) {
        self.name = name
        self.cardATR = cardATR
        self.changeCount = changeCount
    }

    public var hasCard: Bool { cardATR != nil }
}

/// What changed among readers and cards, in the order a window should apply it.
public enum CardEvent: Sendable, Hashable {
    /// The reader service (pcscd) answers; reader and card events follow.
    case serviceAvailable
    /// The reader service is not running or stopped; every reader is gone until it returns.
    case serviceUnavailable
    case readerAdded(String)
    case readerRemoved(String)
    case cardInserted(reader: String, atr: [UInt8])
    case cardRemoved(reader: String)

    /// The events that take `old` to `new`: a removed reader loses its card first, an added
    /// reader comes before its card, and a changed card is removed before the new one arrives.
    public static func changes(from old: [ReaderState], to new: [ReaderState]) -> [CardEvent] {
        var events: [CardEvent] = []
        let newNames = Set(new.map(\.name))
        for reader in old where !newNames.contains(reader.name) {
            if reader.hasCard { events.append(.cardRemoved(reader: reader.name)) }
            events.append(.readerRemoved(reader.name))
        }
        for reader in new {
            guard let before = old.first(where: { $0.name == reader.name }) else {
                events.append(.readerAdded(reader.name))
                if let atr = reader.cardATR { events.append(.cardInserted(reader: reader.name, atr: atr)) }
                continue
            }
            let changed = before.cardATR != reader.cardATR
                || (before.hasCard && reader.hasCard && before.changeCount != reader.changeCount)
            guard changed else { continue }
            if before.hasCard { events.append(.cardRemoved(reader: reader.name)) }
            if let atr = reader.cardATR { events.append(.cardInserted(reader: reader.name, atr: atr)) }
        }
        return events
    }
}
