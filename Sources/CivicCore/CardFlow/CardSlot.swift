/// The card a wizard's card step works with, picked from the readers as the card watcher reports
/// them (`ReadersPage`, the same model the 讀卡機與憑證 page shows) for a `CardRequest`: a card of
/// the kind asked for wherever it is, else the card that is there (named, when it is the wrong
/// kind), else what to do. The window looks for the card's token once `reading` is set.
public struct CardSlot: Sendable, Equatable {
    /// The reader of the card shown; nil when there is no reader.
    public let reader: String?
    public let presence: CardPresence
    /// The card as read, when it is of the kind asked for.
    public let reading: CardReading?

    public init(reader: String?, presence: CardPresence, reading: CardReading?) {
        self.reader = reader
        self.presence = presence
        self.reading = reading
    }
}

extension ReadersPage {
    /// What a card step asking for `request` shows now.
    public func cardSlot(for request: CardRequest) -> CardSlot {
        switch service {
        case .connecting:
            return CardSlot(reader: nil, presence: .waiting(UserMessage(zh: "正在連接讀卡機服務…", en: "Connecting to the smart card service…")),
                            reading: nil)
        case .unavailable:
            return CardSlot(reader: nil, presence: .unusable(CardError.serviceUnavailable.message), reading: nil)
        case .available:
            break
        }
        let candidates = (selectedReader.map { [$0] } ?? []) + readers
        if let reader = candidates.first(where: { Self.card(of: request.kind, in: $0) != nil }) {
            return Self.slot(of: reader, for: request)
        }
        guard let reader = candidates.first(where: { $0.slot != .empty }) ?? candidates.first else {
            return CardSlot(reader: nil, presence: .unusable(CardError.noReader.message), reading: nil)
        }
        return Self.slot(of: reader, for: request)
    }

    private static func card(of kind: CardKind, in reader: Reader) -> CardReading? {
        if case .read(let reading) = reader.slot, reading.contents.kind == kind { reading } else { nil }
    }

    private static func slot(of reader: Reader, for request: CardRequest) -> CardSlot {
        let presence: CardPresence
        var usable: CardReading?
        switch reader.slot {
        case .empty:
            presence = .absent
        case .reading:
            presence = .waiting(UserMessage(zh: "正在讀取卡片，請勿取出…", en: "Reading the card; leave it in…"))
        case .failed(let error):
            presence = .unusable(error.message)
        case .read(let reading):
            let contents = reading.contents
            if contents.kind == request.kind {
                presence = .present(holder: contents.signingCertificate?.commonName ?? contents.kind.name.zh)
                usable = reading
            } else {
                presence = .unusable(contents.kind.unusableReason ?? request.otherKind)
            }
        }
        return CardSlot(reader: reader.name, presence: presence, reading: usable)
    }
}
