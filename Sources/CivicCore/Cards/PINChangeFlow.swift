/// The change-PIN dialog as a state machine: find the token that holds the card's certificate,
/// ask for the current PIN and the new one twice (warning first when few tries are left), check
/// them against the rules before the card is asked — a typing slip must not cost one of the
/// card's three tries — then change it and say what happened. The window shows `step` and
/// forwards what the user and the token did.
public struct PINChangeFlow: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        /// Looking for the card's token (its PKCS#11 module and slot).
        case findingToken
        /// Asking for the PINs. `error` says why the last attempt failed; `warning` warns of
        /// few tries left.
        case asking(error: UserMessage?, warning: UserMessage?)
        /// The token is changing the PIN.
        case changing
        case changed
        /// The PIN cannot be changed now; the message says why and what to do.
        case impossible(UserMessage)
        case cancelled
    }

    public private(set) var step = Step.findingToken
    private var pinStatus = PINStatus.normal

    public init() {}

    /// The token was found; `pinStatus` is what it reports before anything is typed.
    public mutating func tokenFound(pinStatus: PINStatus) {
        guard step == .findingToken else { return }
        self.pinStatus = pinStatus
        step = pinStatus == .locked ? .impossible(PINStatus.lockedMessage) : .asking(error: nil, warning: pinStatus.warning)
    }

    /// No token holds the card's certificate (`error` nil), or looking for it failed.
    public mutating func tokenMissing(_ error: TokenError?) {
        guard step == .findingToken else { return }
        step = .impossible(error?.message ?? Self.noTokenMessage)
    }

    /// Checks what was typed, without the card. True when the token should now be asked to
    /// change the PIN (with `current` and `new`); otherwise all three are wiped and the step
    /// says what to correct.
    public mutating func submit(current: PINCode, new: PINCode, again: PINCode) -> Bool {
        guard case .asking = step else { return false }
        defer { again.wipe() }
        let problem: UserMessage? = if current.count == 0 {
            UserMessage(zh: "請輸入目前的 PIN 碼。", en: "Enter the current PIN.")
        } else if !PINPolicy.lengths.contains(current.count) {
            PINPolicy.Problem.enteredLength(current.count, current: true).message
        } else {
            Self.ruleBroken(current: current, new: new, again: again)?.message
        }
        guard let problem else {
            step = .changing
            return true
        }
        current.wipe()
        new.wipe()
        step = .asking(error: problem, warning: pinStatus.warning)
        return false
    }

    /// What the token answered.
    public mutating func finished(_ result: Result<Void, TokenError>) {
        guard step == .changing else { return }
        switch result {
        case .success:
            pinStatus = .normal
            step = .changed
        case .failure(.wrongPIN(let status)):
            pinStatus = status
            step = .asking(error: status.wrongPINMessage, warning: nil)
        case .failure(.pinLocked):
            step = .impossible(PINStatus.lockedMessage)
        case .failure(let error) where error == .newPINRejected || Self.isRuleError(error):
            step = .asking(error: error.message, warning: pinStatus.warning)
        case .failure(let error):
            step = .impossible(error.message)
        }
    }

    public mutating func cancel() {
        if step != .changing { step = .cancelled }
    }

    private static func ruleBroken(current: PINCode, new: PINCode, again: PINCode) -> PINPolicy.Problem? {
        do {
            try PINPolicy.checkNewPIN(new, old: current)
            try PINPolicy.checkConfirmation(new, again)
            return nil
        } catch {
            return error
        }
    }

    private static func isRuleError(_ error: TokenError) -> Bool {
        if case .newPINInvalid = error { true } else { false }
    }

    static let noTokenMessage = UserMessage(
        zh: "卡片的 PKCS#11 模組找不到這張卡片，因此無法變更 PIN 碼。請確認已安裝卡片管理工具（例如內政部的 HiCOS），將卡片重新插入讀卡機後再試。",
        en: "The card's PKCS#11 module does not see this card, so its PIN cannot be changed. Check that the card utility "
            + "(such as HiCOS) is installed, reinsert the card and try again.")
}
