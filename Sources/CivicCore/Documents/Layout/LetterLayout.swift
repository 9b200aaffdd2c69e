/// Lays a letter out as the official 函 is printed (文書處理手冊): filing marks top right, the
/// title, the sender's address and contact, 受文者, the date/number/速別/密等/附件 lines, 主旨,
/// 說明 and 辦法 with their numbered items, 正本, 副本 and the 署名. Pure, so the PDF, the live
/// preview and `pdftotext` checks agree on every word and its order.
public enum LetterLayout {
    public static func blocks(_ letter: OfficialLetter, variant: LetterVariant) -> [LetterBlock] {
        var blocks: [LetterBlock] = [.variantMark(variant.mark)]
        let filing = [line("檔號", letter.fileNumber), line("保存年限", letter.retention)].compactMap { $0 }
        if !filing.isEmpty { blocks.append(.filing(lines: filing)) }
        blocks.append(.title(title(letter)))
        let contact = letter.contact
        let details = [line("地址", letter.address), line("承辦人", contact.clerk), line("電話", contact.phone),
                       line("傳真", contact.fax), line("電子信箱", contact.email)].compactMap { $0 }
        if !details.isEmpty { blocks.append(.senderDetails(lines: details)) }
        blocks.append(.field(label: "受文者：", text: letter.recipient.name))
        blocks.append(.field(label: "發文日期：", text: letter.date.flatMap(ROCDate.long) ?? ""))
        blocks.append(.field(label: "發文字號：", text: numberText(letter)))
        blocks.append(.field(label: "速別：", text: letter.urgency?.rawValue ?? ""))
        blocks.append(.field(label: "密等及解密條件或保密期限：", text: letter.classification?.text ?? ""))
        blocks.append(.field(label: "附件：", text: letter.attachments.text))
        blocks.append(.subject(label: "主旨：", text: letter.subject))
        for paragraph in letter.paragraphs {
            blocks.append(.paragraphHeading(label: paragraph.heading + "：", text: paragraph.text))
            blocks += paragraph.numberedItems.map { .item(marker: $0.marker, level: $0.level, text: $0.text) }
        }
        blocks.append(.distribution(label: "正本：", text: addressees(letter.originals)))
        blocks.append(.distribution(label: "副本：", text: addressees(letter.copies)))
        if !letter.signatures.isEmpty { blocks.append(.signature(lines: letter.signatures)) }
        return blocks
    }

    /// `高雄市議會 函`.
    public static func title(_ letter: OfficialLetter) -> String {
        "\(letter.sender.name) \(letter.kind.titleWord)"
    }

    /// The 發文字號 line: the number once taken, else `議秘字第　　　號` with room to write it in.
    public static func numberText(_ letter: OfficialLetter) -> String {
        if let number = letter.number { return number.text }
        return letter.numberWord.isEmpty ? "" : "\(letter.numberWord)字第　　　　　號"
    }

    /// `第1頁 共2頁`, at the foot of every page.
    public static func pageLabel(page: Int, of count: Int) -> String {
        "第\(page)頁 共\(count)頁"
    }

    /// Repeated at the top of every page after the first, so a loose page is still traced to its
    /// letter: the number once taken, else the title.
    public static func continuationHeader(_ letter: OfficialLetter) -> String {
        letter.number?.text ?? title(letter)
    }

    /// Addressees joined with 、, `（含附件）` after those who also get the attachments.
    static func addressees(_ list: [Addressee]) -> String {
        list.map { $0.name + ($0.withAttachments ? "（含附件）" : "") }.joined(separator: "、")
    }

    private static func line(_ label: String, _ value: String) -> String? {
        value.isEmpty ? nil : "\(label)：\(value)"
    }
}
