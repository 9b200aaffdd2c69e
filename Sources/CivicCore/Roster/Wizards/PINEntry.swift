/// What the card says about its PIN's remaining tries (the PKCS#11 token flags): real cards lock
/// after three wrong PINs, so the user is warned before the last one.
public enum PINTries: Sendable, Equatable {
    case normal
    /// A wrong PIN was entered; tries are running low.
    case low
    /// One more wrong PIN locks the card.
    case finalTry
    case locked
}

/// The PIN step shared by the wizards: whether a PIN may be submitted, the warning about tries
/// left, and the error after a wrong PIN. The PIN itself never enters this model — it goes from
/// the entry field straight to the card and is wiped there.
public struct PINEntry: Sendable, Equatable {
    /// Lengths a 自然人憑證 PIN may have.
    public static let lengths = 6...8

    public private(set) var tries: PINTries = .normal
    /// True while the card checks a submitted PIN.
    public private(set) var isChecking = false
    public private(set) var error: UserMessage?

    public init() {}

    /// True when a PIN of `length` characters may be submitted now.
    public func canSubmit(length: Int) -> Bool {
        !isChecking && tries != .locked && Self.lengths.contains(length)
    }

    /// The warning shown above the field before a PIN is typed.
    public var warning: UserMessage? {
        switch tries {
        case .normal:
            nil
        case .low:
            UserMessage(zh: "PIN 碼已輸入錯誤，剩餘次數不多，請小心輸入。", en: "A wrong PIN was entered; few tries are left. Type carefully.")
        case .finalTry:
            UserMessage(zh: "只剩最後一次機會：再輸入錯誤，卡片將被鎖住。", en: "This is the last try: one more wrong PIN locks the card.")
        case .locked:
            PINEntry.lockedMessage
        }
    }

    static let lockedMessage = UserMessage(
        zh: "卡片的 PIN 碼已被鎖住。請至戶政事務所，或到內政部憑證管理中心網站線上解鎖後再試。",
        en: "The card's PIN is locked. Unlock it at a household registration office or on the MOICA website, then try again.")

    mutating func submitted() {
        isChecking = true
        error = nil
    }

    mutating func rejected(_ tries: PINTries) {
        isChecking = false
        self.tries = tries
        error = tries == .locked ? Self.lockedMessage : UserMessage(
            zh: "PIN 碼錯誤。" + (tries == .finalTry ? "再錯一次卡片將被鎖住。" : "請重新輸入。"),
            en: "Wrong PIN. " + (tries == .finalTry ? "One more wrong PIN locks the card." : "Type it again."))
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
