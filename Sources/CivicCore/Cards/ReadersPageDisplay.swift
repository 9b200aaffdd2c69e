import Foundation

/// What the readers page shows at one moment: the reader list, then either a notice (a
/// situation with what to do about it) or the card with its certificates. Equatable, so the
/// window redraws only when something the user sees changed.
public struct ReadersPageDisplay: Sendable, Hashable {
    public let readers: [ReaderRow]
    public let content: Content

    public enum Content: Sendable, Hashable {
        case notice(Notice)
        case card(CardPanel)
    }

    /// One row of the reader list.
    public struct ReaderRow: Sendable, Hashable {
        public let name: String
        /// "沒有卡片", "讀取中…", "自然人憑證：王大明"…
        public let status: UserMessage
        public let isSelected: Bool
        public let isReading: Bool
    }

    /// A situation without a usable card, in words: what happened and what to do.
    public struct Notice: Sendable, Hashable {
        public enum Situation: Sendable, Hashable {
            case connecting
            case serviceUnavailable
            case noReader
            case noCard
            case reading
            case cardInUse
            case unreadable
            /// A 健保卡 or an unknown card: identified, but of no use here.
            case unusableCard(CardKind)
        }

        public let situation: Situation
        public let title: UserMessage
        public let advice: UserMessage

        /// The read may succeed if tried again (offer a 重試 button).
        public var canRetry: Bool {
            situation == .cardInUse || situation == .unreadable
        }
    }

    /// A usable card: its kind, its holder, its certificates (the holder's first, then the
    /// authorities that issued them) and, when certificates could not be judged, why.
    public struct CardPanel: Sendable, Hashable {
        public let reader: String
        public let kind: CardKind
        public let holder: String?
        public let holderCertificates: [CertificateSummary]
        public let authorityCertificates: [CertificateSummary]
        public let trustNote: UserMessage?
        /// The certificate whose token changes the PIN (the signing one, or the agency's).
        public let pinCertificate: CertificateInfo?
    }
}

extension ReadersPage {
    /// The page as it should look at `now` (badges depend on the date).
    public func display(now: Date) -> ReadersPageDisplay {
        let rows = readers.map { reader in
            ReadersPageDisplay.ReaderRow(name: reader.name, status: Self.status(of: reader.slot),
                                         isSelected: reader.name == selectedReaderName,
                                         isReading: { if case .reading = reader.slot { true } else { false } }())
        }
        return ReadersPageDisplay(readers: rows, content: content(now: now))
    }

    private func content(now: Date) -> ReadersPageDisplay.Content {
        typealias Notice = ReadersPageDisplay.Notice
        switch service {
        case .connecting:
            return .notice(Notice(situation: .connecting,
                                  title: UserMessage(zh: "正在連接讀卡機服務…", en: "Connecting to the smart card service…"),
                                  advice: UserMessage(zh: "請稍候。", en: "Please wait.")))
        case .unavailable:
            return .notice(Notice(situation: .serviceUnavailable,
                                  title: UserMessage(zh: "讀卡機服務沒有執行", en: "The smart card service is not running"),
                                  advice: CardError.serviceUnavailable.message))
        case .available:
            break
        }
        guard let reader = selectedReader else {
            return .notice(Notice(situation: .noReader, title: UserMessage(zh: "找不到讀卡機", en: "No card reader"),
                                  advice: CardError.noReader.message))
        }
        switch reader.slot {
        case .empty:
            return .notice(Notice(
                situation: .noCard,
                title: UserMessage(zh: "請插入自然人憑證或機關憑證", en: "Insert a citizen digital certificate or an agency card"),
                advice: UserMessage(zh: "讀卡機「\(reader.name)」中沒有卡片。插入卡片（晶片朝向讀卡機）後，卡片種類與憑證會自動顯示在這裡。",
                                    en: "There is no card in the reader “\(reader.name)”. Insert one, chip first; its kind and "
                                        + "certificates will appear here by themselves.")))
        case .reading:
            return .notice(Notice(situation: .reading, title: UserMessage(zh: "讀取中…", en: "Reading…"),
                                  advice: UserMessage(zh: "正在讀取讀卡機「\(reader.name)」中的卡片，請勿取出卡片。",
                                                      en: "Reading the card in the reader “\(reader.name)”; leave it in.")))
        case .failed(let error):
            let inUse = error == .cardInUse(reader: reader.name)
            return .notice(Notice(
                situation: inUse ? .cardInUse : .unreadable,
                title: inUse ? UserMessage(zh: "卡片正被其他程式使用", en: "Another program is using the card")
                             : UserMessage(zh: "無法讀取卡片", en: "The card cannot be read"),
                advice: error.message))
        case .read(let reading):
            let contents = reading.contents
            if let reason = contents.kind.unusableReason {
                return .notice(Notice(situation: .unusableCard(contents.kind), title: contents.kind.name, advice: reason))
            }
            return .card(Self.panel(reader: reader.name, reading: reading, now: now))
        }
    }

    private static func panel(reader: String, reading: CardReading, now: Date) -> ReadersPageDisplay.CardPanel {
        let contents = reading.contents
        let summaries = zip(contents.certificates, reading.trust).map { CertificateSummary($0, trust: $1, now: now) }
        let problem = reading.trust.lazy.compactMap { trust -> TrustProblem? in
            if case .unverifiable(let problem) = trust { problem } else { nil }
        }.first
        return ReadersPageDisplay.CardPanel(
            reader: reader, kind: contents.kind, holder: contents.signingCertificate?.commonName,
            holderCertificates: summaries.filter { !$0.role.isAuthority },
            authorityCertificates: summaries.filter { $0.role.isAuthority },
            trustNote: problem?.advice, pinCertificate: contents.signingCertificate)
    }

    private static func status(of slot: Slot) -> UserMessage {
        switch slot {
        case .empty:
            UserMessage(zh: "沒有卡片", en: "No card")
        case .reading:
            UserMessage(zh: "讀取中…", en: "Reading…")
        case .failed(.cardInUse):
            UserMessage(zh: "卡片正被其他程式使用", en: "In use by another program")
        case .failed:
            UserMessage(zh: "無法讀取卡片", en: "Cannot read the card")
        case .read(let reading):
            if let holder = reading.contents.signingCertificate?.commonName, reading.contents.kind.unusableReason == nil {
                UserMessage(zh: "\(reading.contents.kind.name.zh)：\(holder)", en: "\(reading.contents.kind.name.en): \(holder)")
            } else {
                reading.contents.kind.name
            }
        }
    }
}
