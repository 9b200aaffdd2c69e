/// The PIN step shared by every card wizard: whether a PIN may be submitted, the warning about tries
/// left, and the error after a wrong PIN (the words are `PINStatus`'s, as everywhere a card asks
/// for its PIN). The PIN itself never enters this model — it goes from the entry field straight to
/// the card and is wiped there.
public struct PINEntry: Sendable, Equatable {
    /// What the token last said about its PIN's remaining tries.
    public private(set) var tries: PINStatus = .normal
    /// True while the card checks a submitted PIN.
    public private(set) var isChecking = false
    public private(set) var error: UserMessage?

    public init() {}

    /// True when a PIN of `length` characters may be submitted now.
    public func canSubmit(length: Int) -> Bool {
        !isChecking && tries != .locked && PINPolicy.lengths.contains(length)
    }

    /// The warning shown above the field before a PIN is typed.
    public var warning: UserMessage? { tries.warning }

    /// What the token said of its tries when the PIN step opened, so the warning (or the lock)
    /// shows before anything is typed.
    mutating func statusRead(_ tries: PINStatus) {
        self.tries = tries
    }

    mutating func submitted() {
        isChecking = true
        error = nil
    }

    /// The card refused the PIN; `tries` is what the token reports afterwards.
    mutating func rejected(_ tries: PINStatus) {
        isChecking = false
        self.tries = tries
        error = tries.wrongPINMessage
    }

    /// The card could not check the PIN (it was taken out, the module failed): `message` says why.
    mutating func failed(_ message: UserMessage) {
        isChecking = false
        error = message
    }

    mutating func accepted() {
        isChecking = false
        error = nil
    }

    mutating func reset() {
        isChecking = false
        error = nil
    }
}

/// The PIN step's side of every card wizard, so the card's answer to a PIN is taken one way.
public protocol PINChecking {
    mutating func pinRejected(_ tries: PINStatus)
    mutating func pinFailed(_ message: UserMessage)
    mutating func pinAccepted()
}

extension PINChecking {
    /// The card's answer: nil when it took the PIN; a wrong PIN with the tries it reports, a
    /// locked card, or another failure (the card taken out, the module failing), said as such.
    public mutating func pinChecked(_ error: TokenError?) {
        switch error {
        case nil: pinAccepted()
        case .wrongPIN(let tries): pinRejected(tries)
        case .pinLocked: pinRejected(.locked)
        case let other?: pinFailed(other.message)
        }
    }
}
