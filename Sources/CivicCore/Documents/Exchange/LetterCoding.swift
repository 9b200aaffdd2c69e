import Foundation

// The Codable conformances behind `LetterJSON`: absent keys take their empty value, unknown keys
// are refused, codes are the DTD's.

extension OfficialLetter: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, fileNumber, retention, sender, kind, address, contact, recipient, date, numberWord, number,
             urgency, classification, attachments, subject, paragraphs, originals, copies, signatures
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.value(.format, or: LetterJSON.format)
        guard format == LetterJSON.format else { throw LetterJSONError.wrongFormat(format) }
        var date: CivilDate?
        if let text = try container.decodeIfPresent(String.self, forKey: .date), !text.isEmpty {
            guard let parsed = ROCDate.parse(text) else { throw LetterJSONError.badDate(key: "date", text: text) }
            date = parsed
        }
        self.init(fileNumber: try container.value(.fileNumber, or: ""),
                  retention: try container.value(.retention, or: ""),
                  sender: try container.value(.sender, or: Agency()),
                  kind: try container.code(.kind) ?? .letter,
                  address: try container.value(.address, or: ""),
                  contact: try container.value(.contact, or: ContactDetails()),
                  recipient: try container.value(.recipient, or: Addressee()),
                  date: date,
                  numberWord: try container.value(.numberWord, or: ""),
                  number: try container.decodeIfPresent(DocumentNumber.self, forKey: .number),
                  urgency: try container.code(.urgency),
                  classification: try container.decodeIfPresent(Classification.self, forKey: .classification),
                  attachments: try container.value(.attachments, or: LetterAttachments()),
                  subject: try container.value(.subject, or: ""),
                  paragraphs: try container.value(.paragraphs, or: []),
                  originals: try container.value(.originals, or: []),
                  copies: try container.value(.copies, or: []),
                  signatures: try container.value(.signatures, or: []))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(LetterJSON.format, forKey: .format)
        try container.encode(fileNumber, forKey: .fileNumber)
        try container.encode(retention, forKey: .retention)
        try container.encode(sender, forKey: .sender)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encode(address, forKey: .address)
        try container.encode(contact, forKey: .contact)
        try container.encode(recipient, forKey: .recipient)
        try container.encode(date.flatMap(ROCDate.long), forKey: .date)
        try container.encode(numberWord, forKey: .numberWord)
        try container.encode(number, forKey: .number)
        try container.encode(urgency?.rawValue, forKey: .urgency)
        try container.encode(classification, forKey: .classification)
        try container.encode(attachments, forKey: .attachments)
        try container.encode(subject, forKey: .subject)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(originals, forKey: .originals)
        try container.encode(copies, forKey: .copies)
        try container.encode(signatures, forKey: .signatures)
    }
}

extension Agency: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, code }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.value(.name, or: ""), code: try container.value(.code, or: ""))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(code, forKey: .code)
    }
}

extension Addressee: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, agencyCode, withAttachments }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.value(.name, or: ""), agencyCode: try container.value(.agencyCode, or: ""),
                  withAttachments: try container.value(.withAttachments, or: false))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(agencyCode, forKey: .agencyCode)
        try container.encode(withAttachments, forKey: .withAttachments)
    }
}

extension ContactDetails: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case clerk, phone, fax, email }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(clerk: try container.value(.clerk, or: ""), phone: try container.value(.phone, or: ""),
                  fax: try container.value(.fax, or: ""), email: try container.value(.email, or: ""))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clerk, forKey: .clerk)
        try container.encode(phone, forKey: .phone)
        try container.encode(fax, forKey: .fax)
        try container.encode(email, forKey: .email)
    }
}

extension DocumentNumber: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case word, year, serial, branch }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(word: try container.decode(String.self, forKey: .word), year: try container.decode(Int.self, forKey: .year),
                  serial: try container.decode(Int.self, forKey: .serial),
                  branch: try container.decodeIfPresent(Int.self, forKey: .branch))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(word, forKey: .word)
        try container.encode(year, forKey: .year)
        try container.encode(serial, forKey: .serial)
        try container.encode(branch, forKey: .branch)
    }
}

extension Classification: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case level, condition }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let level: ClassificationLevel = try container.code(.level) else {
            throw LetterJSONError.badCode(key: LetterJSONError.path(container.codingPath + [CodingKeys.level]), text: "")
        }
        self.init(level: level, condition: try container.value(.condition, or: ""))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level.rawValue, forKey: .level)
        try container.encode(condition, forKey: .condition)
    }
}

extension LetterAttachments: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case text, files }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.value(.text, or: ""), files: try container.value(.files, or: []))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(files, forKey: .files)
    }
}

extension AttachmentFile: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case fileName }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fileName: try container.value(.fileName, or: ""))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fileName, forKey: .fileName)
    }
}

extension LetterParagraph: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case heading, text, items }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(heading: try container.value(.heading, or: ""), text: try container.value(.text, or: ""),
                  items: try container.value(.items, or: []))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(heading, forKey: .heading)
        try container.encode(text, forKey: .text)
        try container.encode(items, forKey: .items)
    }
}

extension LetterItem: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case text, children }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.value(.text, or: ""), children: try container.value(.children, or: []))
    }

    /// `children` is left out when empty, so templates read as plain lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        if !children.isEmpty { try container.encode(children, forKey: .children) }
    }
}
