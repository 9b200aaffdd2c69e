/// Several cards proving themselves one after the other — the registry's agency card, then its
/// administrator's, in the same reader or in two — as one step of a wizard drives them: the
/// proof under way gets the card and PIN events, and when it is proven the next one starts. A
/// card that already proved itself here cannot stand for a later one.
public struct CardProofSequence: Sendable, Equatable {
    public private(set) var proofs: [CardProof]
    /// The proof under way; `proofs.count` once all are proven.
    public private(set) var index = 0

    public init(_ proofs: [CardProof]) {
        self.proofs = proofs
    }

    public var current: CardProof? {
        proofs.indices.contains(index) ? proofs[index] : nil
    }

    public var isComplete: Bool { index == proofs.count }

    /// What each proof established, in order, once all are proven.
    public var proven: [ProvenCard] {
        proofs.compactMap(\.proven)
    }

    /// The certificates of the cards proven so far, which the card step passes over when it
    /// picks the next card from the readers (`ReadersPage.cardSlot(for:excluding:)`).
    public var usedCertificates: [CertificateInfo] {
        proofs[..<index].compactMap(\.proven?.certificate)
    }

    /// Said of a card that already proved itself for an earlier step.
    public static let alreadyUsed = UserMessage(
        zh: "這張卡片已在前一個步驟使用過，請改插這一步要用的卡片。",
        en: "This card was already used for an earlier step; insert the card this step needs.")

    // MARK: Events for the proof under way

    public mutating func cardChanged(_ presence: CardPresence, certificate: CertificateInfo?) {
        if let certificate, usedCertificates.contains(certificate) {
            update { $0.cardChanged(.unusable(Self.alreadyUsed), certificate: nil) }
        } else {
            update { $0.cardChanged(presence, certificate: certificate) }
        }
    }

    /// Applies `change` to the proof under way; a proof it completes hands over to the next.
    public mutating func update(_ change: (inout CardProof) -> Void) {
        guard proofs.indices.contains(index) else { return }
        change(&proofs[index])
        if proofs[index].phase == .proven { index += 1 }
    }

    /// Back from the proof under way: from its PIN to its card; from its card to the previous
    /// card's step, which is asked for again (a proof must be made afresh). False when there is
    /// nothing before, so the wizard's own Back applies.
    public mutating func back() -> Bool {
        if let current, current.phase == .pin {
            update { $0.back() }
            return true
        }
        guard index > 0 else { return false }
        index -= 1
        let earlier = proofs[index]
        proofs[index] = CardProof(request: earlier.request, signs: earlier.signs)
        return true
    }

    /// The work refuses a proven card (not the one registered): its step is asked again, saying
    /// why, and the proofs after it afresh.
    public mutating func refuse(at position: Int, _ message: UserMessage) {
        guard proofs.indices.contains(position), position <= index else { return }
        for later in proofs.indices where later > position {
            proofs[later] = CardProof(request: proofs[later].request, signs: proofs[later].signs)
        }
        proofs[position].failed(message)
        index = position
    }
}
