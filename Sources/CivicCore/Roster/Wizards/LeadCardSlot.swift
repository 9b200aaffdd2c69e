/// The card a roster wizard's card step works with, picked from the readers as the card watcher
/// reports them (`ReadersPage`, the same model the 讀卡機與憑證 page shows): the lead person's
/// 自然人憑證 wherever it is, else the card that is there (named, when it is the wrong kind), else
/// what to do. The window looks for the card's token once `reading` is set.
public struct LeadCardSlot: Sendable, Equatable {
    /// The reader of the card shown; nil when there is no reader.
    public let reader: String?
    public let presence: CardPresence
    /// The card as read, when it is a 自然人憑證.
    public let reading: CardReading?

    static let agencyCard = UserMessage(
        zh: "這是機關或團體憑證，不是自然人憑證。匯入與打包連署名冊要用領銜人本人的自然人憑證，請改插該卡。",
        en: "This is an agency or organisation card, not a citizen digital certificate. Rosters are imported and packed "
            + "with the lead person's own citizen certificate card; insert that card instead.")
}

extension ReadersPage {
    /// What a roster wizard's card step shows now.
    public var leadCardSlot: LeadCardSlot {
        switch service {
        case .connecting:
            return LeadCardSlot(reader: nil, presence: .waiting(UserMessage(zh: "正在連接讀卡機服務…", en: "Connecting to the smart card service…")),
                                reading: nil)
        case .unavailable:
            return LeadCardSlot(reader: nil, presence: .unusable(CardError.serviceUnavailable.message), reading: nil)
        case .available:
            break
        }
        let candidates = (selectedReader.map { [$0] } ?? []) + readers
        if let reader = candidates.first(where: { Self.naturalPersonCard(in: $0) != nil }) {
            return Self.slot(of: reader)
        }
        guard let reader = candidates.first(where: { $0.slot != .empty }) ?? candidates.first else {
            return LeadCardSlot(reader: nil, presence: .unusable(CardError.noReader.message), reading: nil)
        }
        return Self.slot(of: reader)
    }

    private static func naturalPersonCard(in reader: Reader) -> CardReading? {
        if case .read(let reading) = reader.slot, reading.contents.kind == .naturalPerson { reading } else { nil }
    }

    private static func slot(of reader: Reader) -> LeadCardSlot {
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
            if contents.kind == .naturalPerson {
                presence = .present(holder: contents.signingCertificate?.commonName ?? contents.kind.name.zh)
                usable = reading
            } else {
                presence = .unusable(contents.kind.unusableReason ?? LeadCardSlot.agencyCard)
            }
        }
        return LeadCardSlot(reader: reader.name, presence: presence, reading: usable)
    }
}
