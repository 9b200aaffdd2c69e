/// The 讀卡機與憑證 page without a window: the readers, what is in each, and which one the page
/// shows, kept up to date from card events and finished reads. The window applies the
/// `CardEvent`s of its watcher, does the reads this asks for off the main thread, hands the
/// results back, and draws `display(now:)`; every rule of the page is tested here.
public struct ReadersPage: Sendable {
    public enum Service: Sendable, Hashable {
        /// Nothing heard from the card watcher yet.
        case connecting
        case available
        /// The reader service (pcscd) is not running.
        case unavailable
    }

    /// What is known of the card in one reader.
    public enum Slot: Sendable, Hashable {
        case empty
        case reading(ReadRequest)
        case read(CardReading)
        case failed(CardError)
    }

    public struct Reader: Sendable, Hashable {
        public let name: String
        public internal(set) var slot: Slot
    }

    /// A card read the window must do (`CardService.readCard(in:)`, blocking) and hand back with
    /// `finish(_:with:)`. Each insertion gets a new one, so the result of a read whose card was
    /// taken out meanwhile is recognised and dropped.
    public struct ReadRequest: Sendable, Hashable {
        public let reader: String
        let number: Int
    }

    public private(set) var service = Service.connecting
    /// In the order the service reported them.
    public private(set) var readers: [Reader] = []
    public private(set) var selectedReaderName: String?
    private var requestsMade = 0

    public init() {}

    public var selectedReader: Reader? {
        readers.first { $0.name == selectedReaderName }
    }

    /// Applies one event of the card watcher; returns the read to start when a card came in.
    /// A new card is shown unless the page already shows another card.
    @discardableResult
    public mutating func apply(_ event: CardEvent) -> ReadRequest? {
        switch event {
        case .serviceAvailable:
            service = .available
        case .serviceUnavailable:
            service = .unavailable
            readers = []
            selectedReaderName = nil
        case .readerAdded(let name):
            service = .available
            guard index(of: name) == nil else { return nil }
            readers.append(Reader(name: name, slot: .empty))
            if selectedReaderName == nil { selectedReaderName = name }
        case .readerRemoved(let name):
            readers.removeAll { $0.name == name }
            if selectedReaderName == name {
                selectedReaderName = readers.first { $0.slot != .empty }?.name ?? readers.first?.name
            }
        case .cardInserted(let name, _):
            guard let index = index(of: name) else { return nil }
            let request = newRequest(for: name)
            readers[index].slot = .reading(request)
            if selectedReader.map({ $0.name != name && $0.slot == .empty }) ?? true { selectedReaderName = name }
            return request
        case .cardRemoved(let name):
            guard let index = index(of: name) else { return nil }
            readers[index].slot = .empty
        }
        return nil
    }

    /// Takes the result of `request`; a result for a card no longer in its reader is dropped.
    public mutating func finish(_ request: ReadRequest, with result: Result<CardReading, CardError>) {
        guard let index = index(of: request.reader), readers[index].slot == .reading(request) else { return }
        switch result {
        case .success(let reading): readers[index].slot = .read(reading)
        case .failure(let error): readers[index].slot = .failed(error)
        }
    }

    /// Shows the reader named `name` (the user picked it in the list).
    public mutating func select(reader name: String) {
        if index(of: name) != nil { selectedReaderName = name }
    }

    /// Reads the shown card again after a failed read (the user closed the other program, or
    /// reinserted the card); nil when there is nothing to retry.
    public mutating func retry() -> ReadRequest? {
        guard let reader = selectedReader, case .failed = reader.slot, let index = index(of: reader.name) else { return nil }
        let request = newRequest(for: reader.name)
        readers[index].slot = .reading(request)
        return request
    }

    private func index(of name: String) -> Int? {
        readers.firstIndex { $0.name == name }
    }

    private mutating func newRequest(for reader: String) -> ReadRequest {
        requestsMade += 1
        return ReadRequest(reader: reader, number: requestsMade)
    }
}

/// A card as read, with each certificate's trust judged at reading time (chain checks cost RSA
/// work, done off the main thread with the read).
public struct CardReading: Sendable, Hashable {
    public let contents: CardContents
    /// One per `contents.certificates`, in the same order.
    public let trust: [CertificateTrust]

    public init(contents: CardContents, trust: [CertificateTrust]) {
        precondition(trust.count == contents.certificates.count, "one trust verdict per certificate")
        self.contents = contents
        self.trust = trust
    }

    public init(contents: CardContents, judgedBy anchors: TrustAnchors) {
        self.init(contents: contents, trust: anchors.judge(contents.certificates.map(\.certificate)))
    }
}
