@testable import CivicCore

/// The seed's sample letter (a councillor's office asking its council to forward an XCA
/// application), complete enough to pass validation.
enum LetterFixtures {
    static var sample: OfficialLetter {
        OfficialLetter(
            fileNumber: "108/010302/1", retention: "5",
            sender: Agency(name: "高雄市議員〇〇服務處", code: "XA12345678"),
            address: "830 高雄市XX路X段X號X樓",
            contact: ContactDetails(clerk: "王小明", phone: "07-7470XXX", fax: "07-7109XXX", email: "123@123.tw"),
            recipient: Addressee(name: "高雄市議會（憑證初審註冊窗口）", agencyCode: "3800000000"),
            date: CivilDate(year: 2019, month: 11, day: 12), numberWord: "〇〇議員",
            number: DocumentNumber(word: "〇〇議員", year: 108, serial: 1),
            attachments: LetterAttachments(text: "憑證申請書", files: [AttachmentFile(fileName: "憑證申請書.pdf")]),
            subject: "為利辦理公文電子交換作業相關事宜，擬申請組織及團體憑證（憑證種類、數量和案件流水號如下），隨文檢送申請書共1份，請查照。",
            paragraphs: [LetterParagraph(heading: "說明", items: [
                LetterItem("擬申請正卡1張，案件流水號為53421號。（後五碼）"),
                LetterItem("擬申請附卡1張，案件流水號為53422號。"),
            ])],
            originals: [Addressee(name: "高雄市議會", agencyCode: "3800000000")],
            signatures: ["議員 〇〇〇"])
    }
}
