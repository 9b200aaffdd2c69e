/// The user PIN's state as a PKCS#11 token reports it (the CKF_USER_PIN_* token flags). Kept
/// here as plain values so what CivicDesk tells the user is decided, and tested, in one place.
public struct PINFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt
    public init(rawValue: UInt) { self.rawValue = rawValue }

    /// CKF_USER_PIN_COUNT_LOW: a wrong PIN was entered since the last correct one.
    public static let countLow = PINFlags(rawValue: 1 << 16)
    /// CKF_USER_PIN_FINAL_TRY: one more wrong PIN locks the card.
    public static let finalTry = PINFlags(rawValue: 1 << 17)
    /// CKF_USER_PIN_LOCKED.
    public static let locked = PINFlags(rawValue: 1 << 18)
    /// CKF_USER_PIN_TO_BE_CHANGED: the issuer's initial PIN must be changed.
    public static let toBeChanged = PINFlags(rawValue: 1 << 19)

    /// All four, to pick them out of a token's whole flags word.
    public static let all: PINFlags = [.countLow, .finalTry, .locked, .toBeChanged]
}

/// How many wrong PINs the card still allows, saying only what the token actually told:
/// PKCS#11 names the last try and the lock exactly, but "count low" carries no number.
public enum PINStatus: String, Sendable, Hashable {
    /// No wrong PIN recorded, or a token that does not report it.
    case normal
    /// Wrong PINs were entered; the token does not say how many tries remain.
    case triesReduced = "tries-reduced"
    /// One try left: one more wrong PIN locks the card.
    case finalTry = "final-try"
    case locked

    public init(flags: PINFlags) {
        if flags.contains(.locked) {
            self = .locked
        } else if flags.contains(.finalTry) {
            self = .finalTry
        } else if flags.contains(.countLow) {
            self = .triesReduced
        } else {
            self = .normal
        }
    }

    /// The exact number of tries left when the token says it, else nil.
    public var triesLeft: Int? {
        switch self {
        case .finalTry: 1
        case .locked: 0
        case .normal, .triesReduced: nil
        }
    }

    /// A warning to show before the PIN is typed; nil when there is nothing to warn about.
    public var warning: UserMessage? {
        switch self {
        case .normal:
            nil
        case .triesReduced:
            UserMessage(zh: "這張卡片之前曾輸入錯誤的 PIN 碼，可再試的次數已經減少（卡片沒有告知確切次數）。請仔細輸入。",
                        en: "A wrong PIN was entered on this card before, so fewer tries remain (the card does not say "
                            + "how many). Type it carefully.")
        case .finalTry:
            UserMessage(zh: "只剩最後 1 次機會：再輸錯一次，卡片就會鎖住。",
                        en: "Only 1 try is left: one more wrong PIN locks the card.")
        case .locked:
            PINStatus.lockedMessage
        }
    }

    /// What to say after a wrong PIN, given the state the token reports afterwards.
    public var wrongPINMessage: UserMessage {
        switch self {
        case .normal:
            UserMessage(zh: "PIN 碼錯誤。卡片沒有告知還可再試幾次；憑證卡連續輸錯 3 次就會鎖住，請確認後再試。",
                        en: "Wrong PIN. The card does not say how many tries remain; certificate cards lock after "
                            + "3 wrong PINs in a row, so check it before trying again.")
        case .triesReduced:
            UserMessage(zh: "PIN 碼錯誤。可再試的次數已經減少（卡片沒有告知確切次數），請確認後再試。",
                        en: "Wrong PIN. Fewer tries remain (the card does not say how many); check it before trying again.")
        case .finalTry:
            UserMessage(zh: "PIN 碼錯誤，還可再試 1 次。再輸錯一次卡片就會鎖住，請確認後再試。",
                        en: "Wrong PIN; 1 try is left. One more wrong PIN locks the card, so check it before trying again.")
        case .locked:
            PINStatus.lockedMessage
        }
    }

    static let lockedMessage = UserMessage(
        zh: "PIN 碼已鎖住，這張卡片暫時無法使用。自然人憑證請攜帶身分證與卡片至戶政事務所辦理解鎖；機關或團體憑證請洽原發卡的憑證管理中心。",
        en: "The PIN is locked and the card cannot be used. For a citizen digital certificate, take the card and your ID "
            + "card to a household registration office to unlock it; for an agency card, contact the certification authority that issued it.")
}
