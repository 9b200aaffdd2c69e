/// An independent statement of the ID checksum for cross-checking: the letters in the order of
/// their codes 10, 11, 12 … 35, and the weighted sum written out digit by digit.
public enum ReferenceIDRules {
    public static let lettersByCode = Array("ABCDEFGHJKLMNPQRSTUVXYWZIO")

    public static func code(of letter: Character) -> Int? {
        lettersByCode.firstIndex(of: letter).map { $0 + 10 }
    }

    /// True when `id` is a letter, then 1 or 2, then eight digits, with a matching checksum.
    public static func isNationalID(_ id: String) -> Bool {
        let characters = Array(id)
        guard characters.count == 10, let code = code(of: characters[0]),
              characters[1] == "1" || characters[1] == "2",
              characters[1...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let digits = characters[1...].compactMap { $0.wholeNumberValue }
        let sum = code / 10 * 1 + code % 10 * 9
            + digits[0] * 8 + digits[1] * 7 + digits[2] * 6 + digits[3] * 5
            + digits[4] * 4 + digits[5] * 3 + digits[6] * 2 + digits[7] * 1 + digits[8] * 1
        return sum % 10 == 0
    }

    /// A valid national ID from a seed, spread over all letters and both sexes.
    public static func generatedID(_ seed: Int) -> String {
        let letter = lettersByCode[seed % 26]
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        var body = seed % 2 == 0 ? "1" : "2"
        for _ in 0..<7 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            body += String((state >> 33) % 10)
        }
        for check in 0...9 where isNationalID("\(letter)\(body)\(check)") {
            return "\(letter)\(body)\(check)"
        }
        fatalError("every prefix has exactly one check digit")
    }
}
