import CivicCore

/// Readers and cards through the PC/SC service (pcscd): which readers there are, what card is in
/// one and its certificates (no PIN needed). Each call opens its own short-lived connection to
/// the service, so it may be used from any thread.
public struct CardService: Sendable {
    public init() {}

    /// Every connected reader and the card in it, if any. Throws `.noReader` when there is none.
    public func readers() throws(CardError) -> [ReaderState] {
        let context = try PCSCContext()
        let names = try context.readerNames()
        guard !names.isEmpty else { throw .noReader }
        return try context.observe(names, known: [:], timeout: 0, watchingReaderList: false)?.readers ?? []
    }

    /// Identifies the card in `reader` and reads its certificates. All or nothing: a card taken
    /// out midway throws `.cardRemoved` and nothing read before is returned.
    public func readCard(in reader: String) throws(CardError) -> CardContents {
        let context = try PCSCContext()
        guard try context.readerNames().contains(reader) else { throw .readerNotFound(reader) }
        return try CardContentsReader(connection: CardConnection(context: context, reader: reader)).read()
    }
}
