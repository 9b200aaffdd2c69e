import Testing
@testable import CivicCore

@Suite("The official layout of a 函")
struct LetterLayoutTests {
    @Test func theSampleInOfficialOrder() {
        var letter = LetterFixtures.sample
        letter.copies = [Addressee(name: "國家發展委員會", withAttachments: true), Addressee(name: "本處")]
        letter.paragraphs[0].items[1].children = [LetterItem("附卡案件流水號如附件。")]
        letter.paragraphs.append(LetterParagraph(heading: "辦法", text: "請轉送國家發展委員會複審。"))
        let blocks = LetterLayout.blocks(letter, variant: .original)
        #expect(blocks == [
            .variantMark("正本"),
            .filing(lines: ["檔號：108/010302/1", "保存年限：5"]),
            .title("高雄市議員〇〇服務處 函"),
            .senderDetails(lines: ["地址：830 高雄市XX路X段X號X樓", "承辦人：王小明", "電話：07-7470XXX", "傳真：07-7109XXX",
                                   "電子信箱：123@123.tw"]),
            .field(label: "受文者：", text: "高雄市議會（憑證初審註冊窗口）"),
            .field(label: "發文日期：", text: "中華民國108年11月12日"),
            .field(label: "發文字號：", text: "〇〇議員字第1080000001號"),
            .field(label: "速別：", text: ""),
            .field(label: "密等及解密條件或保密期限：", text: ""),
            .field(label: "附件：", text: "憑證申請書"),
            .subject(label: "主旨：", text: letter.subject),
            .paragraphHeading(label: "說明：", text: ""),
            .item(marker: "一、", level: 0, text: "擬申請正卡1張，案件流水號為53421號。（後五碼）"),
            .item(marker: "二、", level: 0, text: "擬申請附卡1張，案件流水號為53422號。"),
            .item(marker: "（一）", level: 1, text: "附卡案件流水號如附件。"),
            .paragraphHeading(label: "辦法：", text: "請轉送國家發展委員會複審。"),
            .distribution(label: "正本：", text: "高雄市議會"),
            .distribution(label: "副本：", text: "國家發展委員會（含附件）、本處"),
            .signature(lines: ["議員 〇〇〇"]),
        ])
    }

    @Test func draftWithoutNumberOrFiling() {
        var letter = LetterFixtures.sample
        letter.number = nil
        letter.date = nil
        letter.fileNumber = ""
        letter.retention = ""
        letter.urgency = .mostUrgent
        letter.classification = Classification(level: .restricted, condition: "本件於公布時解密")
        letter.kind = .informalLetter
        let blocks = LetterLayout.blocks(letter, variant: .draft)
        #expect(blocks.first == .variantMark("稿"))
        #expect(!blocks.contains { if case .filing = $0 { true } else { false } })
        #expect(blocks.contains(.title("高雄市議員〇〇服務處 書函")))
        #expect(blocks.contains(.field(label: "發文日期：", text: "")))
        #expect(blocks.contains(.field(label: "發文字號：", text: "〇〇議員字第　　　　　號")))
        #expect(blocks.contains(.field(label: "速別：", text: "最速件")))
        #expect(blocks.contains(.field(label: "密等及解密條件或保密期限：", text: "密（本件於公布時解密）")))
    }

    @Test func pagesAndRunningHeader() {
        #expect(LetterLayout.pageLabel(page: 1, of: 2) == "第1頁 共2頁")
        var letter = LetterFixtures.sample
        #expect(LetterLayout.continuationHeader(letter) == "〇〇議員字第1080000001號")
        letter.number = nil
        #expect(LetterLayout.continuationHeader(letter) == "高雄市議員〇〇服務處 函")
    }

    @Test func numberText() {
        #expect(DocumentNumber(word: "議秘", year: 113, serial: 123).text == "議秘字第1130000123號")
        #expect(DocumentNumber(word: "議秘", year: 113, serial: 123, branch: 1).text == "議秘字第11300001231號")
        #expect(DocumentNumber(word: "府授秘", year: 99, serial: 9_999_999).text == "府授秘字第0999999999號")
    }
}
