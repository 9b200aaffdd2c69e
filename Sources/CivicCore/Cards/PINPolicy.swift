/// What a card accepts as a PIN: 6 to 8 letters or digits, as 自然人憑證 and agency cards
/// require. Checked before the card is asked, so a PIN of the wrong length costs no try and a
/// rejected new PIN no card operation.
public enum PINPolicy {
    public static let lengths = 6...8

    public enum Problem: UserFacingError, Sendable, Hashable {
        /// A PIN to log in with (`current` false) or the current PIN of a change has a length no
        /// card's PIN has: it is not sent.
        case enteredLength(Int, current: Bool)
        case length(Int)
        case characters
        case sameAsOld
        case confirmationDiffers

        public var message: UserMessage {
            switch self {
            case .enteredLength(let count, let current):
                UserMessage(zh: "\(current ? "目前的 " : "")PIN 碼應為 6 到 8 碼，輸入的是 \(count) 碼。這次沒有送到卡片，不會減少可試次數；請確認後重新輸入。",
                            en: "The \(current ? "current " : "")PIN has 6 to 8 characters; this one has \(count). It was not sent to the "
                                + "card, so no try was used; check it and enter it again.")
            case .length(let count):
                UserMessage(zh: "新的 PIN 碼須為 6 到 8 碼，輸入的是 \(count) 碼。",
                            en: "The new PIN must have 6 to 8 characters; this one has \(count).")
            case .characters:
                UserMessage(zh: "新的 PIN 碼只能使用英文字母與數字。",
                            en: "The new PIN may contain only letters and digits.")
            case .sameAsOld:
                UserMessage(zh: "新的 PIN 碼與目前的 PIN 碼相同，請換一組。",
                            en: "The new PIN is the same as the current one; choose another.")
            case .confirmationDiffers:
                UserMessage(zh: "兩次輸入的新 PIN 碼不一致，請重新輸入。",
                            en: "The two entries of the new PIN differ; enter it again.")
            }
        }
    }

    /// Throws when `pin`, about to be sent to the card to log in, has a length no card's PIN has.
    public static func checkEnteredPIN(_ pin: PINCode, current: Bool = false) throws(Problem) {
        guard lengths.contains(pin.count) else { throw .enteredLength(pin.count, current: current) }
    }

    /// Throws the first rule `new` breaks.
    public static func checkNewPIN(_ new: PINCode, old: PINCode) throws(Problem) {
        guard lengths.contains(new.count) else { throw .length(new.count) }
        let allowed = new.withBytes { bytes in
            bytes.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        }
        guard allowed else { throw .characters }
        if same(new, old) { throw .sameAsOld }
    }

    /// Throws when the PIN typed a second time differs from the first.
    public static func checkConfirmation(_ new: PINCode, _ again: PINCode) throws(Problem) {
        if !same(new, again) { throw .confirmationDiffers }
    }

    static func same(_ first: PINCode, _ second: PINCode) -> Bool {
        first.withBytes { a in second.withBytes { b in a.elementsEqual(b) } }
    }
}
