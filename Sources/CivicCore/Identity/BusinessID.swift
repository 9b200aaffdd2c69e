/// 營利事業統一編號 (the eight-digit unified business number). Agencies and companies carry it in
/// their certificates and letters; a typo caught here saves a rejected application.
public enum BusinessID {
    /// Which rule accepted the number.
    public enum Rule: Sendable, Equatable {
        /// The weighted sum is divisible by 10 (every number issued before April 2023).
        case divisibleByTen
        /// The weighted sum is divisible by 5, the rule that widened the number space in April 2023.
        case divisibleByFive
    }

    public enum Problem: UserFacingError, Sendable, Equatable {
        case notEightDigits
        case checksum

        public var message: UserMessage {
            switch self {
            case .notEightDigits:
                return UserMessage(zh: "統一編號應為 8 位數字。", en: "A business number has 8 digits.")
            case .checksum:
                return UserMessage(zh: "統一編號的檢查規則不符，請核對是否有誤打的數字。",
                                   en: "The business number fails its check; look for a mistyped digit.")
            }
        }
    }

    static let weights = [1, 2, 1, 2, 1, 2, 4, 1]

    public static func check(_ text: some StringProtocol) -> Result<Rule, Problem> {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return .failure(.notEightDigits)
        }
        let digits = bytes.map { Int($0 - UInt8(ascii: "0")) }
        var sum = 0
        for (digit, weight) in zip(digits, weights) {
            let product = digit * weight
            sum += product / 10 + product % 10
        }
        // When the seventh digit is 7 its product, 28, folds to 10, which may count as 1 or 0.
        let candidates = digits[6] == 7 ? [sum, sum + 1] : [sum]
        if candidates.contains(where: { $0 % 10 == 0 }) { return .success(.divisibleByTen) }
        if candidates.contains(where: { $0 % 5 == 0 }) { return .success(.divisibleByFive) }
        return .failure(.checksum)
    }
}
