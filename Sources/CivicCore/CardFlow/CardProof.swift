import Foundation

/// One card proving who holds it, as the registry asks of an agency's card and an administrator's
/// (issue 13): the card asked for is found, its PIN taken (tries left, the warning before the
/// last try, a locked card refused — `PINEntry`), a fresh challenge signed on it, and that
/// signature judged (`answered`): it verifies, its certificate chains to a trust anchor, is
/// valid today and is the card's own. A card read without a PIN (a clerk's, to fill in a form)
/// is a proof with `signs` false, done once the card is found. Pure: the window and the command
/// line do the card work and report here.
public struct CardProof: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Waiting for a usable card of the kind asked for.
        case card
        case pin
        /// The PIN was taken; the card signs the challenge and the signature is checked.
        case signing
        case proven
    }

    public private(set) var access: CardAndPIN
    /// False for a card only read (its certificate taken) without a PIN.
    public let signs: Bool
    /// What the card signs: fresh for every proof, so a signature cannot be replayed.
    public let challenge: [UInt8]
    public private(set) var phase = Phase.card
    /// The certificate the request needs, on the card now in (read without the PIN).
    public private(set) var certificate: CertificateInfo?
    /// Why the last attempt failed (a signature that did not verify, an untrusted or expired
    /// certificate, the card taken out while signing); cleared when another card comes.
    public private(set) var failure: UserMessage?
    public private(set) var proven: ProvenCard?

    public init(request: CardRequest, signs: Bool = true, challenge: [UInt8] = CardProof.freshChallenge()) {
        access = CardAndPIN(request: request)
        self.signs = signs
        self.challenge = challenge
    }

    /// 32 random bytes from the system's generator.
    public static func freshChallenge() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    public var request: CardRequest { access.request }
    public var card: CardPresence { access.card }
    public var pin: PINEntry { access.pin }

    /// What keeps the proof from going on, shown on its step; nil when Next may be pressed.
    public var problem: UserMessage? {
        switch phase {
        case .card: failure ?? access.cardProblem ?? (certificate == nil ? TokenError.keyNotFound(request.certificate).message : nil)
        case .pin: pin.error
        case .signing, .proven: nil
        }
    }

    public var canGoNext: Bool { phase == .card && problem == nil }

    // MARK: The card

    /// What the reader holds now, with the certificate the request needs on it (nil when it has
    /// none or none is in). Another card (or none) on the PIN step goes back to the card step
    /// with the PIN afresh; once the card signed, or was read, it may leave.
    public mutating func cardChanged(_ presence: CardPresence, certificate: CertificateInfo?) {
        guard phase == .card || phase == .pin else { return }
        let other = certificate != self.certificate
        if other { failure = nil }
        self.certificate = certificate
        if access.cardChanged(presence, onPINStep: phase == .pin, usable: !other) { phase = .card }
    }

    /// Next on the card step: to the PIN, or done for a card only read.
    public mutating func next() {
        guard canGoNext, let certificate else { return }
        if signs {
            phase = .pin
        } else {
            phase = .proven
            proven = ProvenCard(certificate: certificate, challenge: [], signature: [])
        }
    }

    /// Back from the PIN to the card, unless the card is checking the PIN.
    public mutating func back() {
        guard phase == .pin, !pin.isChecking else { return }
        access.updatePIN { $0.reset() }
        phase = .card
    }

    // MARK: Signing

    /// The card signed the challenge: `signature` (a detached CMS SignedData over it), judged by
    /// `check` against the trust anchors, at `date`. Proven when the signature verifies, its
    /// certificate chains, is valid at `date` and is the one the card showed; otherwise back to
    /// the card step, saying why.
    public mutating func answered(signature: [UInt8], check: SignatureCheck, at date: Date) {
        guard phase == .signing, let certificate else { return }
        switch Self.judge(check, of: certificate, role: request.certificate, at: date) {
        case nil:
            proven = ProvenCard(certificate: certificate, challenge: challenge, signature: signature)
            phase = .proven
        case let refusal?:
            failed(refusal)
        }
    }

    /// The card could not sign (taken out, logged out), or the work refuses the proven card (not
    /// the registered one): back to the card step, saying why; the PIN is asked again.
    public mutating func failed(_ message: UserMessage) {
        guard phase == .pin || phase == .signing || phase == .proven else { return }
        failure = message
        proven = nil
        access.updatePIN { $0 = PINEntry() }
        phase = .card
    }

    /// Nil when the answer proves the card whose `role` certificate is `certificate`; else why
    /// not. The command line, which has no steps, judges its proofs with this too.
    public static func judge(_ check: SignatureCheck, of certificate: CertificateInfo, role: CertificateRole,
                      at date: Date) -> UserMessage? {
        switch check {
        case .malformed, .badSignature:
            return UserMessage(zh: "卡片的簽章驗證失敗，無法確認持卡人身分。請重新插入卡片後再試。",
                               en: "The card's signature did not verify, so its holder could not be confirmed. Reinsert the card and try again.")
        case .verified(let signer, let chainTrusted):
            guard signer == certificate else {
                return UserMessage(zh: "簽章所用的憑證不是卡片上的\(role.name.zh)。請確認插入的是正確的卡片。",
                                   en: "The signature was not made with the card's \(role.name.en.lowercased()). Check that this is the right card.")
            }
            let badge = ValidityBadge.of(signer, trusted: chainTrusted, now: date)
            guard badge.isUsable else {
                return UserMessage(zh: "這張卡片的\(role.name.zh)\(badge.message.zh)，無法用來證明身分。",
                                   en: "This card's \(role.name.en.lowercased()) is \(badge.message.en.lowercased()); it cannot prove who holds it.")
            }
            return nil
        }
    }
}

/// A card that proved itself: its certificate and, when it signed, the challenge and the
/// signature, which the registry's audit log keeps as the proof.
public struct ProvenCard: Sendable, Equatable {
    public let certificate: CertificateInfo
    /// Empty for a card only read.
    public let challenge: [UInt8]
    public let signature: [UInt8]

    public init(certificate: CertificateInfo, challenge: [UInt8], signature: [UInt8]) {
        self.certificate = certificate
        self.challenge = challenge
        self.signature = signature
    }
}

/// The PIN step of a proof: the card's answers to the PIN; a PIN taken starts the signing.
extension CardProof: PINChecking {
    /// The token's PIN state, read when the PIN step opens.
    public mutating func pinStatusRead(_ tries: PINStatus) {
        if phase == .pin { access.updatePIN { $0.statusRead(tries) } }
    }

    public mutating func pinSubmitted() {
        if phase == .pin { access.updatePIN { $0.submitted() } }
    }

    public mutating func pinRejected(_ tries: PINStatus) {
        if phase == .pin { access.updatePIN { $0.rejected(tries) } }
    }

    public mutating func pinFailed(_ message: UserMessage) {
        if phase == .pin { access.updatePIN { $0.failed(message) } }
    }

    public mutating func pinAccepted() {
        guard phase == .pin else { return }
        access.updatePIN { $0.accepted() }
        phase = .signing
    }
}
