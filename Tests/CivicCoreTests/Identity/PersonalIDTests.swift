import Testing
@testable import CivicCore
import CivicTestSupport

@Suite("國民身分證統一編號")
struct PersonalIDTests {
    @Test("well-known valid numbers", arguments: ["A123456789", "B142610160", "F131104093", "Q298201397"])
    func knownValid(id: String) {
        #expect(ReferenceIDRules.isNationalID(id) == PersonalID.isValidNationalID(id))
        #expect(PersonalID.isValidNationalID("A123456789"))
    }

    @Test func sexComesFromTheSecondDigit() {
        #expect(PersonalID.check("A123456789") == .success(.nationalID(.male)))
        let female = ReferenceIDRules.generatedID(1)
        #expect(PersonalID.check(female) == .success(.nationalID(.female)))
    }

    @Test("agrees with the reference rule on 500 generated numbers and every single-digit change")
    func generatedAndCorrupted() {
        for seed in 0..<500 {
            let id = ReferenceIDRules.generatedID(seed)
            #expect(PersonalID.isValidNationalID(id), "generated \(id)")
            var characters = Array(id)
            for position in 1..<10 {
                let original = characters[position]
                for digit in "0123456789" where digit != original {
                    characters[position] = digit
                    let corrupted = String(characters)
                    #expect(PersonalID.isValidNationalID(corrupted) == ReferenceIDRules.isNationalID(corrupted), "\(corrupted)")
                }
                characters[position] = original
            }
        }
    }

    @Test func everyLetterHasItsCode() {
        for letter in ReferenceIDRules.lettersByCode {
            let ascii = letter.asciiValue ?? 0
            #expect(PersonalID.letterCodes[ascii] == ReferenceIDRules.code(of: letter))
        }
    }

    @Test("problems are named", arguments: [
        ("", PersonalID.Problem.empty),
        ("A12345678", .length(9)),
        ("A1234567890", .length(11)),
        ("a123456789", .firstCharacter),
        ("1123456789", .firstCharacter),
        ("A323456789", .secondCharacter),
        ("AZ23456789", .secondCharacter),
        ("A12345678X", .notDigits),
        ("A123456788", .checksum),
    ])
    func problems(id: String, problem: PersonalID.Problem) {
        #expect(PersonalID.check(id) == .failure(problem))
        #expect(!PersonalID.isValidNationalID(id))
        #expect(!problem.message.zh.isEmpty && !problem.message.en.isEmpty)
    }

    @Test func residentCertificatesAreRecognisedButAreNotNationalIDs() {
        // New format: second digit 8 or 9, same checksum as national IDs.
        let newMale = "A8" + "0000001"
        let newCheck = (0...9).first { PersonalID.check("\(newMale)\($0)") == .success(.residentCertificate(.male)) }
        #expect(newCheck != nil)
        if let newCheck { #expect(!PersonalID.isValidNationalID("\(newMale)\(newCheck)")) }
        // Old format: a second letter A–D whose code's last digit stands in the sum.
        #expect(PersonalID.check("AA00000009") == .success(.oldResidentCertificate(.male)))
        #expect(PersonalID.check("FD12345678").isSuccess == oldResidentReference("FD12345678"))
        #expect(PersonalID.check("AB00000008").isSuccess == oldResidentReference("AB00000008"))
    }

    @Test func checkDigitCompletesANumber() {
        #expect(PersonalID.checkDigit(letter: "A", firstEight: "12345678") == 9)
        #expect(PersonalID.checkDigit(letter: "a", firstEight: "12345678") == nil)
        #expect(PersonalID.checkDigit(letter: "A", firstEight: "1234567") == nil)
    }

    @Test func masking() {
        #expect(PersonalID.masked("A123456789") == "A12345****")
        #expect(PersonalID.masked("A12") == "A12****")
    }

    private func oldResidentReference(_ id: String) -> Bool {
        let characters = Array(id)
        guard let first = ReferenceIDRules.code(of: characters[0]), let second = ReferenceIDRules.code(of: characters[1]) else { return false }
        let digits = [second % 10] + characters[2...].compactMap { $0.wholeNumberValue }
        let weights = [8, 7, 6, 5, 4, 3, 2, 1, 1]
        let sum = first / 10 + first % 10 * 9 + zip(digits, weights).map { $0 * $1 }.reduce(0, +)
        return sum % 10 == 0
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
