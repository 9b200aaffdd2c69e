/// A field of a letter, as problems name it: the window puts the message beside that field and
/// the command line prints its label and JSON key (`說明 二、（一）（paragraphs[0].items[1].children[0].text）`).
public enum LetterField: Sendable, Hashable {
    case fileNumber, retention
    case senderName, senderCode
    case address, clerk, phone, fax, email
    case recipientName, recipientCode
    case date, numberWord, number
    case classificationCondition
    case attachmentsText
    case attachmentFile(Int)
    case subject
    /// The 段落 list as a whole.
    case paragraphs
    case paragraphHeading(Int)
    case paragraphText(Int)
    case item(paragraph: Int, path: ItemPath)
    /// The 正本 list as a whole (at least one).
    case originals
    case original(Int)
    case copy(Int)
    case signature(Int)

    /// The key in the JSON form of a letter.
    public var key: String {
        switch self {
        case .fileNumber: "fileNumber"
        case .retention: "retention"
        case .senderName: "sender.name"
        case .senderCode: "sender.code"
        case .address: "address"
        case .clerk: "contact.clerk"
        case .phone: "contact.phone"
        case .fax: "contact.fax"
        case .email: "contact.email"
        case .recipientName: "recipient.name"
        case .recipientCode: "recipient.agencyCode"
        case .date: "date"
        case .numberWord: "numberWord"
        case .number: "number"
        case .classificationCondition: "classification.condition"
        case .attachmentsText: "attachments.text"
        case let .attachmentFile(index): "attachments.files[\(index)].fileName"
        case .subject: "subject"
        case .paragraphs: "paragraphs"
        case let .paragraphHeading(index): "paragraphs[\(index)].heading"
        case let .paragraphText(index): "paragraphs[\(index)].text"
        case let .item(paragraph, path):
            "paragraphs[\(paragraph)]" + path.indices.enumerated().map { $0.offset == 0 ? ".items[\($0.element)]" : ".children[\($0.element)]" }.joined() + ".text"
        case .originals: "originals"
        case let .original(index): "originals[\(index)].name"
        case let .copy(index): "copies[\(index)].name"
        case let .signature(index): "signatures[\(index)]"
        }
    }

    /// The field's name as the letter and the wizard print it. Items are named by heading and
    /// markers (`說明 二、（一）`), which needs the letter.
    public func label(in letter: OfficialLetter) -> UserMessage {
        switch self {
        case .fileNumber: UserMessage(zh: "檔號", en: "File number")
        case .retention: UserMessage(zh: "保存年限", en: "Retention")
        case .senderName: UserMessage(zh: "發文機關全銜", en: "Sending agency")
        case .senderCode: UserMessage(zh: "發文機關代碼", en: "Sending agency code")
        case .address: UserMessage(zh: "地址", en: "Address")
        case .clerk: UserMessage(zh: "承辦人", en: "Clerk")
        case .phone: UserMessage(zh: "電話", en: "Phone")
        case .fax: UserMessage(zh: "傳真", en: "Fax")
        case .email: UserMessage(zh: "電子信箱", en: "E-mail")
        case .recipientName: UserMessage(zh: "受文者", en: "Recipient")
        case .recipientCode: UserMessage(zh: "受文者機關代碼", en: "Recipient's agency code")
        case .date: UserMessage(zh: "發文日期", en: "Date")
        case .numberWord: UserMessage(zh: "發文字號的字", en: "Number prefix (字)")
        case .number: UserMessage(zh: "發文字號", en: "Document number")
        case .classificationCondition: UserMessage(zh: "解密條件或保密期限", en: "Declassification condition")
        case .attachmentsText: UserMessage(zh: "附件", en: "Attachments")
        case let .attachmentFile(index): UserMessage(zh: "附件檔 \(index + 1)", en: "Attached file \(index + 1)")
        case .subject: UserMessage(zh: "主旨", en: "Subject")
        case .paragraphs: UserMessage(zh: "段落", en: "Paragraphs")
        case let .paragraphHeading(index): UserMessage(zh: "第 \(index + 1) 段段名", en: "Heading of paragraph \(index + 1)")
        case let .paragraphText(index): Self.heading(letter, index)
        case let .item(paragraph, path):
            Self.heading(letter, paragraph).appending(Self.markers(path))
        case .originals: UserMessage(zh: "正本", en: "Original to")
        case let .original(index): UserMessage(zh: "正本 \(index + 1)", en: "Original to, entry \(index + 1)")
        case let .copy(index): UserMessage(zh: "副本 \(index + 1)", en: "Copy to, entry \(index + 1)")
        case let .signature(index): UserMessage(zh: "署名 \(index + 1)", en: "Signature line \(index + 1)")
        }
    }

    private static func heading(_ letter: OfficialLetter, _ index: Int) -> UserMessage {
        let heading = letter.paragraphs.indices.contains(index) ? letter.paragraphs[index].heading : ""
        return heading.isEmpty ? UserMessage(zh: "第 \(index + 1) 段", en: "Paragraph \(index + 1)") : UserMessage(verbatim: heading)
    }

    /// `二、（一）` for `[1, 0]`.
    private static func markers(_ path: ItemPath) -> String {
        path.indices.enumerated().map { ItemNumbering.label(level: $0.offset, index: $0.element + 1) }.joined()
    }
}

extension UserMessage {
    func appending(_ suffix: String) -> UserMessage {
        UserMessage(zh: zh + " " + suffix, en: en + " " + suffix)
    }
}

/// One thing wrong with a letter, on one field.
public struct LetterProblem: Sendable, Hashable {
    public let field: LetterField
    public let message: UserMessage

    public init(_ field: LetterField, _ message: UserMessage) {
        self.field = field
        self.message = message
    }

    /// The line `civicdesk doc validate` prints: `主旨（subject）：請填寫主旨。`.
    public func line(in letter: OfficialLetter, locale: String = "zh_TW") -> String {
        let english = locale.hasPrefix("en")
        let label = field.label(in: letter).text(forLocale: locale)
        return english ? "\(label) (\(field.key)): \(message.en)" : "\(label)（\(field.key)）：\(message.zh)"
    }
}
