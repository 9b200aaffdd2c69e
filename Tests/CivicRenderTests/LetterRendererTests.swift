import CivicCore
import CivicTestSupport
import Foundation
import Testing
@testable import CivicRender

/// The rendered letter read back as a person or a search index reads it: `pdftotext` (poppler)
/// must find every field, in the official order, on A4 pages that say 第1頁 共N頁.
@Suite struct LetterRendererTests {
    /// The sample 函 of seed 002 (a councillor's office asking its council to forward an XCA
    /// certificate application).
    static let sample = OfficialLetter(
        fileNumber: "0108/010101/1", retention: "5年",
        sender: Agency(name: "高雄市議員〇〇服務處", code: "XA90010001"),
        address: "830 高雄市XX路X段X號X樓",
        contact: ContactDetails(clerk: "王小明", phone: "07-7470XXX", fax: "07-7109XXX", email: "123@example.tw"),
        recipient: Addressee(name: "高雄市議會（憑證初審註冊窗口）"),
        date: CivilDate(year: 2019, month: 11, day: 12), numberWord: "〇〇議員",
        number: DocumentNumber(word: "〇〇議員", year: 108, serial: 1),
        urgency: .normal, attachments: LetterAttachments(text: "憑證申請書1份"),
        subject: "為利辦理公文電子交換作業相關事宜，擬申請組織及團體憑證（憑證種類、數量和案件流水號如下），隨文檢送申請書共1份，請查照。",
        paragraphs: [LetterParagraph(heading: "說明", items: [
            LetterItem("擬申請正卡1張，案件流水號為53421號（後五碼）。"),
            LetterItem("擬申請附卡1張，案件流水號如下：", children: [LetterItem("案件流水號為53422號。")]),
        ])],
        originals: [Addressee(name: "高雄市議會")], copies: [Addressee(name: "本服務處", withAttachments: true)],
        signatures: ["議員 〇〇〇"])

    @Test func everyFieldComesOutInTheOfficialOrder() throws {
        let text = try Self.pdfText(LetterRenderer(Self.sample, variant: .original).pdf().bytes)
        let expected = ["檔號：0108/010101/1", "保存年限：5年", "高雄市議員〇〇服務處 函", "地址：830 高雄市XX路X段X號X樓",
                        "承辦人：王小明", "電話：07-7470XXX", "傳真：07-7109XXX", "電子信箱：123@example.tw",
                        "受文者：高雄市議會（憑證初審註冊窗口）", "發文日期：中華民國108年11月12日",
                        "發文字號：〇〇議員字第1080000001號", "速別：普通件", "附件：憑證申請書1份", "主旨：為利辦理公文電子交換作業",
                        "說明：", "一、擬申請正卡1張", "二、擬申請附卡1張", "（一）案件流水號為53422號。",
                        "正本：高雄市議會", "副本：本服務處（含附件）", "議員 〇〇〇", "第1頁 共1頁"]
        var rest = Substring(text)
        for field in expected {
            let found = try #require(rest.range(of: field), "\(field) missing or out of order in:\n\(text)")
            rest = rest[found.upperBound...]
        }
        #expect(text.contains("正本"))
    }

    @Test func aDraftSaysSo() throws {
        let text = try Self.pdfText(LetterRenderer(Self.sample, variant: .draft).pdf().bytes)
        #expect(text.hasPrefix("稿") || text.contains("\n稿\n") || text.contains("稿"))
        #expect(!text.contains("\n正本\n"))
    }

    @Test func aLongLetterRunsOverPagesWithTheNumberRepeated() throws {
        var letter = Self.sample
        letter.paragraphs = [LetterParagraph(heading: "說明", items: (1...60).map {
            LetterItem("第\($0)點，依據公文電子交換作業要點辦理，相關資料請參閱附件，並請於期限內回復本服務處，以利後續作業。")
        })]
        let (bytes, pages) = LetterRenderer(letter, variant: .original).pdf()
        #expect(pages >= 3)
        let text = try Self.pdfText(bytes)
        for page in 1...pages { #expect(text.contains("第\(page)頁 共\(pages)頁")) }
        // Every page after the first starts with the letter's number.
        let later = text.components(separatedBy: "\u{0C}").dropFirst().filter { !$0.isEmpty }
        #expect(later.count == pages - 1)
        for page in later { #expect(page.contains("〇〇議員字第1080000001號")) }
        #expect(text.contains("六十、第60點"))
    }

    @Test func hangingLinesStartUnderTheTextNotTheMarker() throws {
        var letter = Self.sample
        letter.paragraphs = [LetterParagraph(heading: "說明", items: [LetterItem(String(repeating: "長", count: 60))])]
        let text = try Self.pdfText(LetterRenderer(letter, variant: .original).pdf().bytes, layout: true)
        let lines = text.split(separator: "\n").filter { $0.contains("長") }
        #expect(lines.count >= 2)
        let first = try #require(lines.first?.firstIndex(of: "長"))
        let second = try #require(lines.dropFirst().first?.firstIndex(of: "長"))
        #expect(lines[0].distance(from: lines[0].startIndex, to: first) == lines[1].distance(from: lines[1].startIndex, to: second))
    }

    @Test func thePreviewIsAPNGOfTheSamePages() throws {
        let (png, pages) = LetterRenderer(Self.sample, variant: .draft).pagePNG(0, scale: 1)
        #expect(pages == 1)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func aWrittenPDFIsWholeAndPrivate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("函.pdf")
        let pages = try LetterRenderer(Self.sample, variant: .original).writePDF(to: url)
        #expect(pages == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["函.pdf"])
        let data = try Data(contentsOf: url)
        #expect(data.starts(with: Array("%PDF-".utf8)))
    }

    /// The PDF's text as `pdftotext` reads it (reading order; `layout` keeps columns).
    static func pdfText(_ pdf: [UInt8], layout: Bool = false) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("letter-\(UUID()).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), (layout ? ["-layout"] : []) + [file.path, "-"])
        try #require(result.status == 0, "pdftotext: \(result.error)")
        return result.output
    }
}
