import Foundation
import Testing
@testable import CivicCore

@Suite("The JSON form of a letter")
struct LetterJSONTests {
    @Test func roundTripsEveryField() throws {
        var letter = LetterFixtures.sample
        letter.urgency = .urgent
        letter.classification = Classification(level: .confidential, condition: "本件於公布時解密")
        letter.kind = .informalLetter
        letter.number?.branch = 2
        letter.copies = [Addressee(name: "國家發展委員會", agencyCode: "A09000000E", withAttachments: true)]
        letter.paragraphs.append(LetterParagraph(heading: "辦法", text: "請依下列辦理：",
                                                 items: [LetterItem("甲", children: [LetterItem("乙")])]))
        let decoded = try LetterJSON.decode(LetterJSON.encode(letter))
        #expect(decoded == letter)
    }

    @Test func writesSortedKeysAndROCDates() throws {
        let text = LetterJSON.encodeString(LetterFixtures.sample)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(OfficialLetter.CodingKeys.allCases.map(\.rawValue)))
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted() && topKeys.count == object.count)
        #expect(text.contains("\"date\" : \"中華民國108年11月12日\""))
        #expect(text.contains("\"kind\" : \"函\""))
        #expect(text.contains("\"urgency\" : null"))
        #expect(!text.contains("children"))
        #expect(LetterJSON.encodeString(LetterFixtures.sample) == text)
    }

    @Test func missingKeysTakeEmptyValues() throws {
        let letter = try LetterJSON.decode(#"{"subject": "請查照。", "originals": [{"name": "高雄市議會"}], "date": "113/3/4"}"#)
        #expect(letter.subject == "請查照。")
        #expect(letter.originals == [Addressee(name: "高雄市議會")])
        #expect(letter.kind == .letter && letter.urgency == nil && letter.paragraphs.isEmpty)
        #expect(letter.date == CivilDate(year: 2024, month: 3, day: 4))
    }

    @Test("refusals name the key", arguments: [
        (#"{"subjct": "x"}"#, LetterJSONError.unknownKey("subjct")),
        (#"{"paragraphs": [{"heading": "說明", "items": [{"txt": "x"}]}]}"#, .unknownKey("paragraphs[0].items[0].txt")),
        (#"{"subject": 3}"#, .wrongType(key: "subject")),
        (#"{"date": "2024年3月4日"}"#, .badDate(key: "date", text: "2024年3月4日")),
        (#"{"urgency": "急件"}"#, .badCode(key: "urgency", text: "急件")),
        (#"{"classification": {"level": "秘"}}"#, .badCode(key: "classification.level", text: "秘")),
        (#"{"format": "civicdesk-letter/9"}"#, .wrongFormat("civicdesk-letter/9")),
        (#"{"number": {"word": "議秘", "year": 113}}"#, .wrongType(key: "number.serial")),
        ("not json", .notJSON),
        ("[1, 2]", .notJSON),
    ])
    func refusals(text: String, error: LetterJSONError) {
        #expect(throws: error) { try LetterJSON.decode(text) }
        #expect(!error.message.zh.isEmpty)
    }
}
