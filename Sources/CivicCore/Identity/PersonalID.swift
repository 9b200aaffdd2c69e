/// 國民身分證統一編號 (national ID number) and the resident-certificate numbers (居留證統一證號)
/// that share its shape. The petition and registry rules accept only national ID numbers, but a
/// user who types a resident number deserves to hear what it is, not merely that it is wrong.
public enum PersonalID {
    public enum Sex: Sendable, Equatable {
        case male, female
    }

    public enum Kind: Sendable, Equatable {
        /// 國民身分證統一編號: a letter, then 1 (male) or 2 (female), then eight digits.
        case nationalID(Sex)
        /// 新式居留證統一證號 (since 2021): a letter, then 8 (male) or 9 (female), then eight digits.
        case residentCertificate(Sex)
        /// 舊式居留證統一證號: two letters (the second A–D), then eight digits.
        case oldResidentCertificate(Sex)
    }

    /// Why a text is not a valid number of any of the three kinds.
    public enum Problem: UserFacingError, Sendable, Equatable {
        case empty
        case length(Int)
        case firstCharacter
        case secondCharacter
        case notDigits
        case checksum

        public var message: UserMessage {
            switch self {
            case .empty:
                return UserMessage(zh: "請輸入身分證統一編號。", en: "Enter an ID number.")
            case .length(let count):
                return UserMessage(zh: "身分證統一編號應為 10 碼，輸入的是 \(count) 碼。",
                                   en: "An ID number has 10 characters; this one has \(count).")
            case .firstCharacter:
                return UserMessage(zh: "第 1 碼應為大寫英文字母（A–Z）。",
                                   en: "The first character must be a capital letter (A–Z).")
            case .secondCharacter:
                return UserMessage(zh: "第 2 碼應為 1 或 2（男、女）；居留證則為 8、9 或 A–D。",
                                   en: "The second character must be 1 or 2 (8, 9 or A–D for resident certificates).")
            case .notDigits:
                return UserMessage(zh: "第 3 到第 10 碼應為數字。", en: "Characters 3 to 10 must be digits.")
            case .checksum:
                return UserMessage(zh: "檢查碼不符，請核對是否有誤打的數字。",
                                   en: "The check digit does not match; look for a mistyped digit.")
            }
        }
    }

    /// The two-digit codes of the first letter, as issued (I, O, W, X, Y, Z were added later,
    /// which is why they are out of order).
    static let letterCodes: [UInt8: Int] = [
        UInt8(ascii: "A"): 10, UInt8(ascii: "B"): 11, UInt8(ascii: "C"): 12, UInt8(ascii: "D"): 13,
        UInt8(ascii: "E"): 14, UInt8(ascii: "F"): 15, UInt8(ascii: "G"): 16, UInt8(ascii: "H"): 17,
        UInt8(ascii: "I"): 34, UInt8(ascii: "J"): 18, UInt8(ascii: "K"): 19, UInt8(ascii: "L"): 20,
        UInt8(ascii: "M"): 21, UInt8(ascii: "N"): 22, UInt8(ascii: "O"): 35, UInt8(ascii: "P"): 23,
        UInt8(ascii: "Q"): 24, UInt8(ascii: "R"): 25, UInt8(ascii: "S"): 26, UInt8(ascii: "T"): 27,
        UInt8(ascii: "U"): 28, UInt8(ascii: "V"): 29, UInt8(ascii: "W"): 32, UInt8(ascii: "X"): 30,
        UInt8(ascii: "Y"): 31, UInt8(ascii: "Z"): 33,
    ]

    /// Weights of the nine digits after the letter code; the check digit itself weighs 1.
    static let weights = [8, 7, 6, 5, 4, 3, 2, 1, 1]

    /// What kind of number `text` is, or why it is none.
    public static func check(_ text: some StringProtocol) -> Result<Kind, Problem> {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.count != 10 || !bytes.allSatisfy({ $0 < 0x80 }) { return .failure(shapeProblem(text)) }
        guard let code = letterCodes[bytes[0]] else { return .failure(.firstCharacter) }
        let second = bytes[1]
        let kind: Kind
        let secondValue: Int
        switch second {
        case UInt8(ascii: "1"): kind = .nationalID(.male); secondValue = 1
        case UInt8(ascii: "2"): kind = .nationalID(.female); secondValue = 2
        case UInt8(ascii: "8"): kind = .residentCertificate(.male); secondValue = 8
        case UInt8(ascii: "9"): kind = .residentCertificate(.female); secondValue = 9
        case UInt8(ascii: "A")...UInt8(ascii: "D"):
            kind = .oldResidentCertificate(second == UInt8(ascii: "A") || second == UInt8(ascii: "C") ? .male : .female)
            secondValue = (letterCodes[second] ?? 0) % 10
        default:
            return .failure(.secondCharacter)
        }
        guard bytes[2...].allSatisfy(isDigit) else { return .failure(.notDigits) }
        let digits = [secondValue] + bytes[2...].map { Int($0 - UInt8(ascii: "0")) }
        return checksum(code: code, digits: digits) % 10 == 0 ? .success(kind) : .failure(.checksum)
    }

    /// True only for a valid 國民身分證統一編號 (the rule petitions and registrations use).
    public static func isValidNationalID(_ text: some StringProtocol) -> Bool {
        if case .success(.nationalID) = check(text) { return true }
        return false
    }

    /// The check digit that completes a letter, a second digit and seven more digits
    /// (`"A", "12345678"` → 9 for A123456789).
    public static func checkDigit(letter: Character, firstEight: String) -> Int? {
        guard let ascii = letter.asciiValue, let code = letterCodes[ascii], firstEight.utf8.count == 8,
              firstEight.utf8.allSatisfy(isDigit) else { return nil }
        let digits = firstEight.utf8.map { Int($0 - UInt8(ascii: "0")) } + [0]
        return (10 - checksum(code: code, digits: digits) % 10) % 10
    }

    /// Shows the first six characters and hides the rest (`A12345****`), as the petition
    /// system's own record query does.
    public static func masked(_ id: some StringProtocol) -> String {
        String(id.prefix(6)) + "****"
    }

    /// Why a text that is not ten ASCII characters fails: its length as the user counts
    /// characters, else where the first wider character (a full-width digit from a Chinese input
    /// method) stands — never "10 characters expected, 10 typed".
    private static func shapeProblem(_ text: some StringProtocol) -> Problem {
        let characters = Array(text)
        guard characters.count == 10, let position = characters.firstIndex(where: { $0.utf8.count != 1 }) else {
            return .length(characters.count)
        }
        switch position {
        case 0: return .firstCharacter
        case 1: return .secondCharacter
        default: return .notDigits
        }
    }

    private static func checksum(code: Int, digits: [Int]) -> Int {
        var sum = code / 10 + (code % 10) * 9
        for (digit, weight) in zip(digits, weights) { sum += digit * weight }
        return sum
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

extension PersonalID.Kind {
    /// How the kind is named to users.
    public var message: UserMessage {
        switch self {
        case .nationalID(let sex):
            return UserMessage(zh: "有效的國民身分證統一編號（\(sex == .male ? "男" : "女")）",
                               en: "a valid national ID number (\(sex == .male ? "male" : "female"))")
        case .residentCertificate:
            return UserMessage(zh: "新式居留證統一證號，不是國民身分證統一編號",
                               en: "a resident certificate number (new format), not a national ID number")
        case .oldResidentCertificate:
            return UserMessage(zh: "舊式居留證統一證號，不是國民身分證統一編號",
                               en: "a resident certificate number (old format), not a national ID number")
        }
    }
}
