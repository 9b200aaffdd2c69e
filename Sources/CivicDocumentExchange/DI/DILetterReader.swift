import CivicCore

/// A letter read from a DI file another document system (or CivicDesk) wrote. What real files
/// vary in reads the same: a byte-order mark, Big5 (`encoding="big5"`, converted by libxml2),
/// line breaks and indentation around text, half-width `(一)` in 序號 (numbers follow from the
/// nesting, so 序號 is not read), `說明：` or `說明` or an empty 段名 (the first 段落 is then 說明,
/// a later one continues the one before). Elements and attributes CivicDesk has no field for are
/// kept, with their place, in `DIReadLetter.kept`. The structure is checked against the DTD's
/// content models here, since no DTD is ever loaded: wrong order and missing elements are refused.
public enum DILetterReader {
    public static func read(_ bytes: [UInt8]) throws(DIExchangeError) -> DIReadLetter {
        try XMLSafeReader.read(bytes) { root, info throws(DIExchangeError) in
            guard root.name == DIVocabulary.root else { throw .wrongRoot(found: root.name) }
            var walk = DILetterWalk(info: info)
            var letter = try walk.letter(root)
            for data in info.processingInstructions(target: DIVocabulary.extensionTarget) {
                DIExtensionData.read(data)?.apply(to: &letter)
            }
            let kept = walk.kept.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            return DIReadLetter(letter: letter, attachmentEntities: walk.attachmentEntities, kept: kept)
        }
    }
}

/// What a DI file held: the letter, and what it carried that the letter has no field for.
public struct DIReadLetter: Sendable, Hashable {
    public var letter: OfficialLetter
    /// The entity name each of `letter.attachments.files` was declared under, in the same order.
    public var attachmentEntities: [String]
    /// Elements and attributes kept aside, in document order.
    public var kept: [DIKeptElement]

    /// One line per kept element for the user: where it was and what it held.
    public var keptReport: [UserMessage] {
        kept.map { element in
            UserMessage(zh: "第 \(element.line) 行「\(element.path)」CivicDesk 沒有對應欄位，已原樣保留：\(element.markup)",
                        en: "Line \(element.line), \"\(element.path)\": CivicDesk has no field for it; kept as it was: \(element.markup)")
        }
    }
}

/// One pass over a 函 element, collecting what is kept aside as it goes.
struct DILetterWalk {
    let info: XMLDocumentInfo
    var kept: [DIKeptElement] = []
    var attachmentEntities: [String] = []

    init(info: XMLDocumentInfo) {
        self.info = info
    }

    mutating func letter(_ root: XMLElementView) throws(DIExchangeError) -> OfficialLetter {
        let path = DIVocabulary.root
        keepAttributes(of: root, path: path, known: [])
        let children = try DIVocabulary.letter.match(root, path: path, kept: &kept)
        var letter = OfficialLetter()

        let senders = children.all("發文機關")
        if let sender = senders.first { letter.sender = try agency(sender, path: path + "/發文機關") }
        keepExtra(senders, path: path)
        if let kind = children.first("函類別") {
            keepAttributes(of: kind, path: path + "/函類別", known: ["代碼"])
            letter.kind = try code(of: kind, path: path + "/函類別", default: LetterKind.letter)
        }
        if let address = children.first("地址") {
            letter.address = DIVocabulary.withoutLabel(try text(address, path: path + "/地址"), labels: DIVocabulary.addressLabels)
        }
        for contact in children.all("聯絡方式") { try readContact(contact, path: path, into: &letter.contact) }
        if let recipient = children.first("受文者") { letter.recipient = try recipientAddressee(recipient, path: path + "/受文者") }
        if let date = children.first("發文日期") { letter.date = try readDate(date, path: path + "/發文日期") }
        let numbers = children.all("發文字號")
        if let number = numbers.first { try readNumber(number, path: path + "/發文字號", into: &letter) }
        keepExtra(numbers, path: path)
        if let urgency = children.first("速別") {
            keepAttributes(of: urgency, path: path + "/速別", known: ["代碼"])
            letter.urgency = try optionalCode(of: urgency, path: path + "/速別")
        }
        if let classification = children.first("密等及解密條件或保密期限") {
            letter.classification = try readClassification(classification, path: path + "/密等及解密條件或保密期限")
        }
        if let attachments = children.first("附件") { letter.attachments = try readAttachments(attachments, path: path + "/附件") }
        if let subject = children.first("主旨") {
            letter.subject = try textChild(subject, path: path + "/主旨")
        }
        for (index, paragraph) in children.all("段落").enumerated() {
            try readParagraph(paragraph, path: path + "/段落[\(index + 1)]", into: &letter.paragraphs)
        }
        if let originals = children.first("正本") { letter.originals = try addressees(originals, path: path + "/正本") }
        if let copies = children.first("副本") { letter.copies = try addressees(copies, path: path + "/副本") }
        for signature in children.all("署名") {
            let text = try text(signature, path: path + "/署名")
            if !text.isEmpty { letter.signatures.append(text) }
        }
        return letter
    }

    // MARK: Text and codes

    /// The element's text without the white space around it; an element inside is refused.
    mutating func text(_ element: XMLElementView, path: String) throws(DIExchangeError) -> String {
        keepAttributes(of: element, path: path, known: [])
        var result = ""
        for child in element.children {
            switch child {
            case let .text(text): result += text
            case let .entityReference(name): throw .entityReference(name: name, line: element.line)
            case let .element(inner):
                throw .wrongOrder(path: path, element: inner.name, line: inner.line, expected: [])
            }
        }
        return result.trimmedXMLWhitespace
    }

    /// The text of an element whose content is `(文字)` (主旨).
    mutating func textChild(_ element: XMLElementView, path: String) throws(DIExchangeError) -> String {
        keepAttributes(of: element, path: path, known: [])
        let children = try DIContentModel(.one("文字")).match(element, path: path, kept: &kept)
        guard let text = children.first("文字") else { return "" }
        return try self.text(text, path: path + "/文字")
    }

    /// The `代碼` attribute as one of the DTD's codes; absent gives the DTD's default.
    func code<Code: RawRepresentable>(of element: XMLElementView, path: String, default fallback: Code) throws(DIExchangeError) -> Code
        where Code.RawValue == String {
        try optionalCode(of: element, path: path) ?? fallback
    }

    func optionalCode<Code: RawRepresentable>(of element: XMLElementView, path: String) throws(DIExchangeError) -> Code?
        where Code.RawValue == String {
        guard let value = element.attribute("代碼")?.trimmedXMLWhitespace, !value.isEmpty else { return nil }
        guard let code = Code(rawValue: value) else { throw .invalidValue(path: path + "/@代碼", value: value, line: element.line) }
        return code
    }

    // MARK: Kept aside

    /// Every attribute but the `known` ones is kept aside.
    mutating func keepAttributes(of element: XMLElementView, path: String, known: Set<String>) {
        for attribute in element.attributes where !known.contains(attribute.name) {
            kept.append(DIKeptElement(path: path + "/@" + attribute.name, line: element.line,
                                      markup: "\(attribute.name)=\"\(attribute.value)\""))
        }
    }

    /// The second and later of an element CivicDesk holds one of (a joint letter's second
    /// 發文機關, a second 發文字號) are kept aside.
    mutating func keepExtra(_ elements: [XMLElementView], path: String) {
        for (index, element) in elements.enumerated().dropFirst() {
            kept.append(DIKeptElement(path: "\(path)/\(element.name)[\(index + 1)]", line: element.line, markup: element.markup))
        }
    }
}
