import Foundation
import Testing
@testable import CivicCore

@Suite("The letter templates in data/templates")
struct TemplateTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/templates")

    static func load(_ name: String) throws -> LetterTemplate {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        return try LetterTemplate(name: name, json: Array(data))
    }

    @Test("each template reads and is a valid draft", arguments: ["xca-application", "clerk-assignment", "petition-submission"])
    func loadsAndValidates(name: String) throws {
        let template = try Self.load(name)
        let problems = LetterValidator.problems(in: template.letter)
        #expect(problems.isEmpty, "\(problems.map { $0.line(in: template.letter) })")
        #expect(template.letter.explanation?.items.isEmpty == false)
        // What the file holds is what the encoder would write back.
        #expect(try LetterJSON.decode(LetterJSON.encode(template.letter)) == template.letter)
    }

    @Test func everyTemplateFileIsTested() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["clerk-assignment.json", "petition-submission.json", "xca-application.json"])
    }

    @Test func theXCALetterKeepsTheSeedsFields() throws {
        let letter = try Self.load("xca-application").letter
        #expect(letter.sender.name == "高雄市議員〇〇服務處")
        #expect(letter.recipient.name == "高雄市議會（憑證初審註冊窗口）")
        #expect(letter.contact == ContactDetails(clerk: "王小明", phone: "07-7470XXX", fax: "07-7109XXX", email: "123@123.tw"))
        #expect(letter.attachments.text == "憑證申請書")
        #expect(letter.originals.map(\.name) == ["高雄市議會"])
        #expect(letter.subject.hasSuffix("隨文檢送申請書共1份，請查照。"))
        #expect(LetterLayout.numberText(letter) == "〇〇議員字第　　　　　號")
    }

    @Test func thePetitionLetterGoesToTheCommission() throws {
        let letter = try Self.load("petition-submission").letter
        #expect(letter.recipient.name == "中央選舉委員會")
        #expect(letter.originals.map(\.name) == ["中央選舉委員會"])
        #expect(letter.explanation?.items.contains { $0.text.contains("連署(送件用).zip") } == true)
    }
}
