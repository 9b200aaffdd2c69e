import CivicCore
import CivicRender

/// The letter the benchmark measures: the seed's sample letter (an office's cover letter to its
/// council) whose 說明 runs to many pages, every fourth item with two sub-items.
enum BenchmarkLetter {
    static let attachments = [AttachmentFile(fileName: "附件一.pdf"), AttachmentFile(fileName: "附件二.pdf")]

    /// The letter with as many 說明 items as fill exactly `pages` A4 pages, the last one full:
    /// the item count is searched with the renderer's own pagination (how many items fit a page
    /// depends on the fonts installed), so "a 20-page letter" is 20 pages, not an estimate.
    static func make(pages: Int) throws -> (letter: OfficialLetter, items: Int) {
        func pagesOf(_ items: Int) -> Int { LetterRenderer(make(items: items), variant: .draft).pagePNG(0, scale: 0.05).pages }
        // The most items still on `pages` pages: the fewest that spill onto one more, less one.
        var high = max(pages, 1) * 4
        while pagesOf(high) <= pages { high *= 2 }
        var low = 0
        while high - low > 1 {
            let middle = (low + high) / 2
            if pagesOf(middle) > pages { high = middle } else { low = middle }
        }
        guard low > 0, pagesOf(low) == pages else {
            throw BenchmarkError("no count of 說明 items renders exactly \(pages) pages")
        }
        return (make(items: low), low)
    }

    static func make(items count: Int) -> OfficialLetter {
        let line = "依據本會第3屆第5次定期大會決議辦理，請各單位配合於期限內完成相關作業並回報辦理情形，俾利彙整陳報。"
        let items = (1...max(count, 1)).map { index in
            LetterItem("第\(index)項：" + line, children: index % 4 == 0 ? [LetterItem(line), LetterItem(line)] : [])
        }
        return OfficialLetter(
            fileNumber: "108/0301/1", retention: "10", sender: Agency(name: "高雄市議員○○服務處", code: "XA12345678"),
            address: "830高雄市鳳山區光復路二段132號",
            contact: ContactDetails(clerk: "王小明", phone: "07-7470123", fax: "07-7109123", email: "service@example.tw"),
            recipient: Addressee(name: "高雄市議會", agencyCode: "3810000000"),
            date: CivilDate(year: 2019, month: 11, day: 12), numberWord: "○○議員",
            number: DocumentNumber(word: "○○議員", year: 108, serial: 1),
            attachments: LetterAttachments(text: "憑證申請書1份", files: attachments),
            subject: "為利辦理公文電子交換作業相關事宜，擬申請組織及團體憑證，隨文檢送申請書共1份，請查照。",
            paragraphs: [LetterParagraph(heading: LetterParagraph.explanationHeading, items: items),
                         LetterParagraph(heading: LetterParagraph.actionHeading, text: "請於收到後函轉國家發展委員會。")],
            originals: [Addressee(name: "高雄市議會", agencyCode: "3810000000")],
            copies: [Addressee(name: "本服務處", withAttachments: true)],
            signatures: ["議員 王○○"])
    }
}

/// Why a benchmark run stopped: its letter or its results are not what it measures.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs `body` `rounds` times and gives the median in milliseconds.
func medianMilliseconds(rounds: Int, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<max(rounds, 1) {
        let elapsed = try clock.measure(body)
        samples.append(Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    return samples[samples.count / 2]
}
