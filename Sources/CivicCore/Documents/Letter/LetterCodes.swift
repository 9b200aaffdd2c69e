/// 函類別: the kinds of 函 the DTD allows. Raw values are the DTD's codes (and the JSON form's).
public enum LetterKind: String, Sendable, Hashable, CaseIterable, Codable {
    case letter = "函"
    case informalLetter = "書函"
    case assignmentNotice = "交辦案件通知單"
    case deliberationNotice = "交議案件通知單"
    case reminderNotice = "催辦案件通知單"
    case transferSlip = "移文單"
    case declassificationProposal = "機密文書機密等級變更或註銷建議單"
    case declassificationNotice = "機密文書機密等級變更或註銷通知單"
    case enforcementOrder = "執行命令"
    case commendationProposal = "獎懲建議函"

    /// The word after the agency's name in the title (`高雄市議會 函`).
    public var titleWord: String { rawValue }
}

/// 速別: how fast the recipient must handle the letter. Raw values are the DTD's codes.
public enum Urgency: String, Sendable, Hashable, CaseIterable, Codable {
    case mostUrgent = "最速件"
    case urgent = "速件"
    case normal = "普通件"
}

/// 密等: the classification levels of the DTD, lowest first. Raw values are the DTD's codes.
public enum ClassificationLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case restricted = "密"
    case confidential = "機密"
    case secret = "極機密"
    case topSecret = "絕對機密"
}

/// 密等及解密條件或保密期限: a classified letter always carries the condition or the period after
/// which it is declassified (`本件於公布時解密`, `保密期限至115年12月31日`).
public struct Classification: Sendable, Hashable {
    public var level: ClassificationLevel
    /// 解密條件或保密期限; required (validation says so when it is empty).
    public var condition: String

    public init(level: ClassificationLevel, condition: String = "") {
        self.level = level
        self.condition = condition
    }

    /// The text of the 密等 line: `密（本件於公布時解密）`.
    public var text: String {
        condition.isEmpty ? level.rawValue : "\(level.rawValue)（\(condition)）"
    }
}

/// 附件: the line printed on the letter (`憑證申請書1份`) and the files sent with it.
public struct LetterAttachments: Sendable, Hashable {
    /// The 附件 line as printed; empty when nothing is attached.
    public var text: String
    /// The attached files, by name (the DI file declares each as an unparsed entity beside it).
    public var files: [AttachmentFile]

    public init(text: String = "", files: [AttachmentFile] = []) {
        self.text = text
        self.files = files
    }

    public var isEmpty: Bool { text.isEmpty && files.isEmpty }
}

/// One attached file: its name as sent (`附件一.pdf`). The bytes live in the store, not in Core.
public struct AttachmentFile: Sendable, Hashable {
    public var fileName: String

    public init(fileName: String) {
        self.fileName = fileName
    }
}
