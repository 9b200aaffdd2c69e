import Testing
@testable import CivicCore

@Suite("Letters validated as typed")
struct LetterValidatorTests {
    func fields(_ letter: OfficialLetter, _ purpose: LetterValidator.Purpose = .draft) -> [LetterField] {
        LetterValidator.problems(in: letter, for: purpose).map(\.field)
    }

    @Test func theSampleLetterIsValid() {
        #expect(LetterValidator.problems(in: LetterFixtures.sample, for: .dispatch).isEmpty)
    }

    @Test func anEmptyLetterListsEveryMissingFieldInOrder() {
        let letter = OfficialLetter()
        #expect(fields(letter) == [.senderName, .recipientName, .subject, .originals])
        #expect(fields(letter, .dispatch) == [.senderName, .senderCode, .recipientName, .date, .numberWord, .subject, .originals])
        let lines = LetterValidator.problems(in: letter).map { $0.line(in: letter) }
        #expect(lines.contains("主旨（subject）：請填寫主旨。"))
        #expect(lines.contains("正本（originals）：至少要有一個正本受文者。"))
        #expect(LetterValidator.problems(in: letter).map { $0.line(in: letter, locale: "en_US") }
            .contains("Subject (subject): Enter the subject (主旨)."))
    }

    @Test("主旨 is one paragraph without numbering", arguments: [
        ("一、請查照。", "一、"), ("（一）請查照。", "（一）"), ("(1)請查照。", "(1)"), ("1.請查照。", "1."),
        ("１．請查照。", "１．"), ("甲、請查照。", "甲、"), ("  十一、請查照。", "十一、"),
    ])
    func subjectNumbering(subject: String, label: String) throws {
        var letter = LetterFixtures.sample
        letter.subject = subject
        let problem = try #require(LetterValidator.problems(in: letter).first)
        #expect(problem.field == .subject)
        #expect(problem.message.zh.contains("「\(label)」"))
    }

    @Test("these 主旨 are fine", arguments: ["1.5公尺以上之看板請查照。", "一併檢送申請書，請查照。", "(含附件)請查照。", "十分感謝，請查照。"])
    func subjectsThatAreNotNumbered(subject: String) {
        var letter = LetterFixtures.sample
        letter.subject = subject
        #expect(fields(letter).isEmpty)
    }

    @Test func subjectWithSeveralParagraphs() throws {
        var letter = LetterFixtures.sample
        letter.subject = "請查照。\n另請轉知。"
        let problem = try #require(LetterValidator.problems(in: letter).first)
        #expect(problem.field == .subject && problem.message.zh.contains("只能有一段"))
    }

    @Test("control characters are named", arguments: ["\u{7}", "\u{0}", "\t", "\u{1B}", "\u{85}", "\u{FFFE}", "\u{9F}"])
    func controlCharacters(character: String) throws {
        var letter = LetterFixtures.sample
        letter.contact.clerk = "王" + character + "小明"
        let problem = try #require(LetterValidator.problems(in: letter).first)
        #expect(problem.field == .clerk)
        #expect(problem.message.zh.contains("控制字元 U+") || problem.message.zh.contains("不能換行"))
    }

    @Test func classifiedLetterNeedsItsCondition() {
        var letter = LetterFixtures.sample
        letter.classification = Classification(level: .restricted)
        #expect(fields(letter) == [.classificationCondition])
        letter.classification?.condition = "本件於公布時解密"
        #expect(fields(letter).isEmpty)
    }

    @Test func emptyItemsAndParagraphs() {
        var letter = LetterFixtures.sample
        letter.paragraphs[0].items[1].children = [LetterItem(" ")]
        letter.paragraphs.append(LetterParagraph(heading: "辦法"))
        letter.paragraphs.append(LetterParagraph(heading: "", text: "x"))
        #expect(fields(letter) == [.item(paragraph: 0, path: ItemPath([1, 0])), .paragraphText(1), .paragraphHeading(2)])
        let problem = LetterValidator.problems(in: letter)[0]
        #expect(problem.line(in: letter) == "說明 二、（一）（paragraphs[0].items[1].children[0].text）：這一項是空的：請寫入內容，或刪除這一項。")
    }

    @Test func datesAreROCDates() {
        var letter = LetterFixtures.sample
        letter.date = CivilDate(year: 1911, month: 12, day: 31)
        letter.number = nil
        #expect(fields(letter) == [.date])
    }

    @Test func numberAgreesWithWordAndYear() {
        var letter = LetterFixtures.sample
        letter.numberWord = "議秘"
        #expect(fields(letter) == [.number])
        letter = LetterFixtures.sample
        letter.date = CivilDate(year: 2020, month: 1, day: 2)
        #expect(fields(letter) == [.number])
        letter.number = DocumentNumber(word: "〇〇議員", year: 109, serial: 0)
        #expect(fields(letter) == [.number])
        letter.numberWord = "議秘字"
        letter.number = nil
        #expect(LetterValidator.problems(in: letter).map(\.message.zh) == ["「字」不必再寫字（填「議秘」，印出「議秘字第…號」）。"])
    }

    @Test func lengthLimits() throws {
        var letter = LetterFixtures.sample
        letter.subject = String(repeating: "查", count: LetterLimits.subject)
        #expect(fields(letter).isEmpty)
        letter.subject += "照"
        let problem = try #require(LetterValidator.problems(in: letter).first)
        #expect(problem.message.zh == "太長：最多 300 字，現有 301 字。")
    }

    @Test func contactDetailsAndCodes() {
        var letter = LetterFixtures.sample
        letter.contact.email = "clerk.kcc.gov.tw"
        letter.contact.phone = "分機"
        letter.sender.code = "38-0000"
        letter.retention = "十年"
        #expect(fields(letter) == [.retention, .senderCode, .phone, .email])
        letter.retention = "永久"
        letter.sender.code = "A09000000E"
        letter.contact.email = "fishwei@kcc.gov.tw"
        letter.contact.phone = "07-7470171 分機 386"
        #expect(fields(letter).isEmpty)
    }

    @Test func attachments() {
        var letter = LetterFixtures.sample
        letter.attachments = LetterAttachments(text: "", files: [AttachmentFile(fileName: "a.pdf"), AttachmentFile(fileName: "a.pdf"),
                                                                 AttachmentFile(fileName: "../b.pdf")])
        #expect(fields(letter) == [.attachmentsText, .attachmentFile(1), .attachmentFile(2)])
    }

    @Test func tooDeepItemsFromAFile() {
        var item = LetterItem("x")
        for _ in 0..<10 { item = LetterItem("x", children: [item]) }
        var letter = LetterFixtures.sample
        letter.paragraphs[0].items = [item]
        #expect(fields(letter) == [.item(paragraph: 0, path: ItemPath(Array(repeating: 0, count: 11)))])
    }

    @Test func problemsOfOneField() {
        var letter = LetterFixtures.sample
        letter.subject = ""
        letter.originals = []
        #expect(LetterValidator.problems(in: letter, on: .subject).count == 1)
    }
}
