import CivicCard
import CivicCore
import CivicServices

/// The card step of a card wizard over the live readers: picks the card its `CardRequest` asks
/// for (`ReadersPage.cardSlot(for:)`), finds its token (by the certificate the request needs) in
/// the background and prepares there what the next steps need from it (for the roster import,
/// the plan that names files not meant for this card), reading the PIN's tries on the way. `presence` says how far it got; a card taken out or
/// swapped meanwhile discards the work under way.
@MainActor
final class CardFinder<Prepared: Sendable> {
    struct Found: Sendable {
        let card: OperationCard
        let prepared: Prepared
        let pinStatus: PINStatus
        /// 自然人憑證（王大明）, for the PIN step.
        let name: String
    }

    private(set) var presence: CardPresence = .absent
    private(set) var found: Found?
    /// Called whenever `presence` or `found` changed.
    var onChange: (@MainActor () -> Void)?

    let request: CardRequest
    private let cards: LiveCards
    private var prepare: (@Sendable (OperationCard) throws -> Prepared)?
    /// What the card under way is, and for which round of `follow(preparing:)`.
    private var key: Key?
    private var round = 0

    private struct Key: Equatable {
        let reader: String
        let reading: CardReading
        let round: Int
    }

    init(cards: LiveCards, request: CardRequest) {
        self.cards = cards
        self.request = request
        cards.observe(self) { [weak self] in self?.update() }
    }

    /// Follows the readers from now on (the card step is shown), preparing with `prepare` the
    /// card it finds; called again (other files were chosen), the card is prepared again.
    func follow(preparing prepare: @escaping @Sendable (OperationCard) throws -> Prepared) {
        self.prepare = prepare
        round += 1
        update()
    }

    private func update() {
        guard let prepare else { return }
        let slot = cards.page.cardSlot(for: request)
        guard let reader = slot.reader, let reading = slot.reading, case .present(let holder) = slot.presence else {
            key = nil
            found = nil
            return show(slot.presence)
        }
        let key = Key(reader: reader, reading: reading, round: round)
        guard key != self.key else { return }
        self.key = key
        found = nil
        guard let certificate = request.certificate(on: reading.contents) else {
            return show(.unusable(TokenError.keyNotFound(request.certificate).message))
        }
        show(.waiting(UserMessage(zh: "正在確認卡片…", en: "Checking the card…")))
        let name = "\(tr(reading.contents.kind.name))（\(holder)）"
        MainThread.background({
            Result { () throws -> Found in
                let card = try OperationCard.open(.reader(reader, certificate: certificate))
                return Found(card: card, prepared: try prepare(card), pinStatus: card.pinStatus(), name: name)
            }
        }, then: { [weak self] result in
            guard let self, self.key == key else { return }
            switch result {
            case .success(let found):
                self.found = found
                self.show(.present(holder: holder))
            case .failure(let error):
                self.show(.unusable(UserMessage(describing: error)))
            }
        })
    }

    private func show(_ presence: CardPresence) {
        self.presence = presence
        onChange?()
    }
}
