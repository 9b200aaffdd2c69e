/// A 函 (official letter) as its writer fills it in, in the order of the national DTD
/// (`104_2_utf8.dtd`: 發文機關, 函類別, 地址, 聯絡方式, 受文者, 發文日期, 發文字號, 速別,
/// 密等及解密條件或保密期限, 附件, 主旨, 段落, 正本, 副本, 署名), plus the filing marks 檔號 and
/// 保存年限 printed above it. One value serves the wizard, validation, the layout, the JSON form
/// and the DI exchange file, so a field has one meaning everywhere.
public struct OfficialLetter: Sendable, Hashable {
    /// 檔號: the file the letter is kept under, printed top right.
    public var fileNumber: String
    /// 保存年限: `永久` or a number of years, printed under 檔號.
    public var retention: String
    /// 發文機關: 全銜 and 機關代碼.
    public var sender: Agency
    /// 函類別.
    public var kind: LetterKind
    /// 地址: the sender's address (機關地址).
    public var address: String
    /// 聯絡方式: 承辦人, 電話, 傳真, 電子信箱.
    public var contact: ContactDetails
    /// 受文者.
    public var recipient: Addressee
    /// 發文日期; nil until the letter is dispatched (or the writer sets it).
    public var date: CivilDate?
    /// The 字 the letter is numbered under (`議秘`), chosen while drafting.
    public var numberWord: String
    /// 發文字號; nil until a number is taken at dispatch or reserved. Its 字 is `numberWord`.
    public var number: DocumentNumber?
    /// 速別; nil leaves the line blank, as the seed's sample letter does.
    public var urgency: Urgency?
    /// 密等及解密條件或保密期限; nil for an ordinary (普通) letter.
    public var classification: Classification?
    /// 附件.
    public var attachments: LetterAttachments
    /// 主旨: one paragraph, never numbered.
    public var subject: String
    /// 段落: 說明, then 辦法 (or other headed paragraphs), each with its numbered items.
    public var paragraphs: [LetterParagraph]
    /// 正本: at least one when the letter goes out.
    public var originals: [Addressee]
    /// 副本.
    public var copies: [Addressee]
    /// 署名: the signature lines (`議員 王大明`).
    public var signatures: [String]

    public init(fileNumber: String = "", retention: String = "", sender: Agency = Agency(),
                kind: LetterKind = .letter, address: String = "", contact: ContactDetails = ContactDetails(),
                recipient: Addressee = Addressee(), date: CivilDate? = nil, numberWord: String = "",
                number: DocumentNumber? = nil, urgency: Urgency? = nil, classification: Classification? = nil,
                attachments: LetterAttachments = LetterAttachments(), subject: String = "",
                paragraphs: [LetterParagraph] = [], originals: [Addressee] = [], copies: [Addressee] = [],
                signatures: [String] = []) {
        self.fileNumber = fileNumber
        self.retention = retention
        self.sender = sender
        self.kind = kind
        self.address = address
        self.contact = contact
        self.recipient = recipient
        self.date = date
        self.numberWord = numberWord
        self.number = number
        self.urgency = urgency
        self.classification = classification
        self.attachments = attachments
        self.subject = subject
        self.paragraphs = paragraphs
        self.originals = originals
        self.copies = copies
        self.signatures = signatures
    }

    /// The 說明 paragraph, if the letter has one.
    public var explanation: LetterParagraph? { paragraphs.first { $0.heading == LetterParagraph.explanationHeading } }

    /// The 辦法 paragraph, if the letter has one.
    public var action: LetterParagraph? { paragraphs.first { $0.heading == LetterParagraph.actionHeading } }
}
