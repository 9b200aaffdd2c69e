import CivicCore
import CivicTestSupport
import Foundation
@testable import CivicDocumentExchange

/// The letters and files the DI tests share.
enum DITestLetters {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let dtdFolder = repository.appendingPathComponent("data/di")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The seed's sample letter (a councillor's office asking the council to forward an XCA
    /// certificate application) with every field filled, so a round trip checks them all.
    static let sample = OfficialLetter(
        fileNumber: "108/0301/1", retention: "10",
        sender: Agency(name: "高雄市議員○○服務處", code: "XA12345678"),
        kind: .letter, address: "830高雄市鳳山區光復路二段132號",
        contact: ContactDetails(clerk: "王小明", phone: "07-7470123", fax: "07-7109123", email: "service@example.tw"),
        recipient: Addressee(name: "高雄市議會", agencyCode: "3810000000", withAttachments: true),
        date: CivilDate(year: 2019, month: 11, day: 12), numberWord: "○○議員",
        number: DocumentNumber(word: "○○議員", year: 108, serial: 1, branch: 2),
        urgency: .urgent, classification: Classification(level: .restricted, condition: "本件於公布時解密"),
        attachments: LetterAttachments(text: "憑證申請書1份", files: [AttachmentFile(fileName: "附件一.pdf"),
                                                                        AttachmentFile(fileName: "用戶代碼函.pdf")]),
        subject: "為利辦理公文電子交換作業相關事宜，擬申請組織及團體憑證（憑證種類、數量和案件流水號如下），隨文檢送申請書共1份，請查照。",
        paragraphs: [
            LetterParagraph(heading: "說明", items: [
                LetterItem("擬申請正卡1張，案件流水號為53421號。"),
                LetterItem("擬申請附卡2張：", children: [
                    LetterItem("案件流水號為53422號。", children: [LetterItem("供收發文使用。", children: [LetterItem("第二層 <附註> & 引號\"")])]),
                    LetterItem("案件流水號為53423號。"),
                ]),
            ]),
            LetterParagraph(heading: "辦法", text: "請於收到後函轉國家發展委員會。"),
        ],
        originals: [Addressee(name: "高雄市議會", agencyCode: "3810000000", withAttachments: true),
                    Addressee(name: "各議員服務處")],
        copies: [Addressee(name: "本服務處", withAttachments: true), Addressee(name: "國家發展委員會", agencyCode: "A15000000E")],
        signatures: ["議員 王○○"])

    /// What a document system other than CivicDesk writes for `sample`: no CivicDesk extension,
    /// so 檔號, 保存年限 and the codes of 正本 and 副本 are not there.
    static var sampleWithoutExtensions: OfficialLetter {
        var letter = sample
        letter.fileNumber = ""
        letter.retention = ""
        letter.originals = letter.originals.map { Addressee(name: $0.name) }
        letter.copies = letter.copies.map { Addressee(name: $0.name, withAttachments: $0.withAttachments) }
        return letter
    }

    /// A letter of `pages` A4 pages or so: many 說明 items of two lines each, some with sub-items.
    static func long(items: Int) -> OfficialLetter {
        var letter = sample
        let filler = "依據本會第3屆第5次定期大會決議辦理，請各單位配合於期限內完成相關作業並回報辦理情形，俾利彙整陳報。"
        letter.paragraphs[0].items = (1...items).map { index in
            LetterItem("第\(index)項：" + filler, children: index % 4 == 0 ? [LetterItem(filler), LetterItem(filler)] : [])
        }
        return letter
    }

    /// `xmllint --valid --noout` against the local DTD copies; the output when invalid. libxml2
    /// also prints "Invalid URI" for a SYSTEM literal with Chinese in it (`附件一.pdf`, as real
    /// DI files name attachments): XML allows it (§4.2.2) and xmllint's verdict is still valid,
    /// so that one message is not counted; anything else is.
    static func xmllintValid(_ file: URL) throws -> (valid: Bool, output: String) {
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/xmllint"),
                                        ["--valid", "--noout", "--nonet", "--path", dtdFolder.path, file.path])
        let messages = result.error.split(separator: "\n").filter { $0.contains(": parser error") || $0.contains("error") || $0.contains("warning") }
        let unexpected = messages.filter { !$0.contains("parser error : Invalid URI: ") }
        return (result.status == 0 && unexpected.isEmpty, result.output + result.error)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}
