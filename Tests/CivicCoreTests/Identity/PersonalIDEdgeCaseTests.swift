import Testing
@testable import CivicCore

/// What people type into an ID field besides a clean number: full-width characters from a
/// Chinese input method, stray spaces, lower-case letters, other scripts' digits. Each is
/// refused with the problem the user can fix, never a contradictory one.
@Suite("國民身分證統一編號: edge cases")
struct PersonalIDEdgeCaseTests {
    @Test("full-width and other non-ASCII characters are named by where they are, not as a wrong length", arguments: [
        ("Ａ123456789", PersonalID.Problem.firstCharacter),
        ("中123456789", .firstCharacter),
        ("A１23456789", .secondCharacter),
        ("A12345678９", .notDigits),
        ("A1234567٨9", .notDigits),
        ("A12345678😀", .notDigits),
    ])
    func nonASCII(id: String, problem: PersonalID.Problem) {
        #expect(id.count == 10)
        #expect(PersonalID.check(id) == .failure(problem))
        #expect(!PersonalID.isValidNationalID(id))
    }

    @Test("the length is counted in characters, as the user sees them", arguments: [
        ("Ａ12345678", 9), ("Ａ1234567890", 11), ("A1234567é", 9), ("王大明", 3),
    ])
    func lengthInCharacters(id: String, count: Int) {
        #expect(PersonalID.check(id) == .failure(.length(count)))
        #expect(PersonalID.Problem.length(count).message.zh == "身分證統一編號應為 10 碼，輸入的是 \(count) 碼。")
    }

    @Test("spaces are not trimmed here: callers trim what the user typed", arguments: [
        (" A12345678", PersonalID.Problem.firstCharacter), ("A123456789 ", .length(11)), ("A 23456789", .secondCharacter),
        ("A12345 789", .notDigits),
    ])
    func spaces(id: String, problem: PersonalID.Problem) {
        #expect(PersonalID.check(id) == .failure(problem))
    }

    @Test("lower-case letters are refused in either letter position")
    func lowerCase() {
        #expect(PersonalID.check("a123456789") == .failure(.firstCharacter))
        #expect(PersonalID.check("Aa00000009") == .failure(.secondCharacter))
        #expect(PersonalID.check("AA00000009") == .success(.oldResidentCertificate(.male)))
    }

    @Test("sexes of every kind: 1/2, 8/9, and A, C (male) or B, D (female)")
    func sexes() {
        let cases: [(String, PersonalID.Kind)] = [
            ("1", .nationalID(.male)), ("2", .nationalID(.female)),
            ("8", .residentCertificate(.male)), ("9", .residentCertificate(.female)),
        ]
        for (second, kind) in cases {
            let digit = PersonalID.checkDigit(letter: "A", firstEight: "\(second)2345678")
            #expect(digit != nil)
            if let digit { #expect(PersonalID.check("A\(second)2345678\(digit)") == .success(kind), "A\(second)…") }
        }
        for (second, sex) in [("A", PersonalID.Sex.male), ("B", .female), ("C", .male), ("D", .female)] {
            let valid = (0...9).map { "A\(second)0000001\($0)" }.filter { PersonalID.check($0).isSuccess }
            #expect(valid.count == 1, "exactly one check digit completes A\(second)0000001")
            #expect(valid.first.map(PersonalID.check) == .success(.oldResidentCertificate(sex)))
        }
        #expect(PersonalID.check("AE00000019") == .failure(.secondCharacter), "old resident numbers stop at D")
    }

    @Test("for every letter, exactly one check digit completes a number, and it is checkDigit's")
    func oneCheckDigit() {
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
            for firstEight in ["10000000", "21357924", "19999999", "20000000"] {
                let valid = (0...9).filter { PersonalID.isValidNationalID("\(letter)\(firstEight)\($0)") }
                #expect(valid.count == 1, "\(letter)\(firstEight)")
                #expect(valid.first == PersonalID.checkDigit(letter: letter, firstEight: firstEight), "\(letter)\(firstEight)")
            }
        }
    }

    @Test("checkDigit refuses what cannot be completed")
    func checkDigitRefuses() {
        #expect(PersonalID.checkDigit(letter: "A", firstEight: "1234567X") == nil)
        #expect(PersonalID.checkDigit(letter: "A", firstEight: "1234567８") == nil)
        #expect(PersonalID.checkDigit(letter: "Ａ", firstEight: "12345678") == nil)
        #expect(PersonalID.checkDigit(letter: "A", firstEight: "123456789") == nil)
    }

    @Test("masking keeps the first six characters of whatever it is given")
    func masking() {
        #expect(PersonalID.masked("") == "****")
        #expect(PersonalID.masked("王大明") == "王大明****")
        #expect(PersonalID.masked("Ａ123456789") == "Ａ12345****")
    }

    @Test("the test persons' ID numbers are valid national IDs of the right sex")
    func testPersons() {
        #expect(PersonalID.check("F128765439") == .success(.nationalID(.male)), "林志強, the administrator")
        #expect(PersonalID.check("E224613579") == .success(.nationalID(.female)), "張雅婷, a clerk")
        #expect(PersonalID.check("D120456780") == .success(.nationalID(.male)), "黃建華, a second clerk")
    }
}
