import CivicCore

/// Why a DI file could not be written or read, said so the user knows what happened and that
/// nothing was changed: a refused file is not imported at all, never half-imported.
public enum DIExchangeError: UserFacingError, Sendable, Equatable {
    /// The kinds of entity declaration a DI file may not carry.
    public enum EntityKind: Sendable, Equatable {
        /// An internal entity whose value refers to other entities: the shape of an entity bomb.
        case expanding
        /// An internal entity with plain text.
        case `internal`
        /// An entity whose content is another file or a URL.
        case external(systemID: String)
        /// A parameter entity (`%name;`), which can pull in other declarations.
        case parameter
    }

    /// Not XML: a broken tag, a wrong encoding, text after the root (`XMLSyntaxDetail`).
    case notWellFormed(line: Int, detail: UserMessage)
    case entityDeclared(name: String, kind: EntityKind)
    /// A reference to an entity the file does not declare.
    case entityReference(name: String, line: Int)
    case wrongRoot(found: String)
    /// An element the DTD allows here, but not at this place in the order.
    case wrongOrder(path: String, element: String, line: Int, expected: [String])
    case missingElement(path: String, element: String)
    /// Text that is where only elements may be.
    case strayText(path: String, line: Int, text: String)
    /// A value that does not read as what the DTD's field holds (a date, a code).
    case invalidValue(path: String, value: String, line: Int)
    /// 附件名 names an entity that is not declared as an unparsed entity (a file).
    case attachmentNotDeclared(entity: String)
    /// An attachment's file name reaches outside the DI file's folder.
    case attachmentNameUnsafe(name: String)
    /// Export: two attachments (or an attachment and the DI file) under one name.
    case attachmentNameRepeated(name: String)
    case attachmentMissing(name: String, path: String)
    case unreadable(path: String, reason: String)
    /// Larger than any letter: a DI file holds text only, its attachments travel beside it.
    case tooLarge(path: String, bytes: Int)
    case noDIFile(folder: String)
    case severalDIFiles(folder: String, names: [String])
    /// Export: text XML cannot carry (a control character).
    case textNotAllowed(field: String, value: String)
    case xmlLibraryFailure(String)

    public var message: UserMessage {
        switch self {
        case let .notWellFormed(line, detail):
            let place = line > 0 ? "第 \(line) 行" : "檔案"
            let placeEN = line > 0 ? "line \(line)" : "the file"
            return UserMessage(zh: "這不是格式正確的 DI 檔（\(place)：\(detail.zh)）。請向發文機關索取完整的檔案；未匯入任何資料。",
                               en: "This is not a well-formed DI file (\(placeEN): \(detail.en)). Ask the sending office for a complete file; nothing was imported.")
        case let .entityDeclared(name, .expanding):
            return UserMessage(zh: "DI 檔宣告的實體「\(name)」會層層展開其他實體（實體炸彈），為保護電腦已拒絕匯入。請向發文機關確認檔案來源。",
                               en: "The DI file declares an entity \"\(name)\" that expands other entities (an entity bomb); it was refused to protect this computer. Check where the file came from.")
        case let .entityDeclared(name, .internal):
            return UserMessage(zh: "DI 檔宣告了內部實體「\(name)」，公文交換檔不應有此宣告，已拒絕匯入。請向發文機關索取以公文系統產生的檔案。",
                               en: "The DI file declares an internal entity \"\(name)\", which exchange files do not have; it was refused. Ask the sending office for a file made by its document system.")
        case let .entityDeclared(name, .external(systemID)):
            return UserMessage(zh: "DI 檔要求讀取外部實體「\(name.isEmpty ? systemID : name)」（\(systemID)），為安全起見已拒絕匯入，也未讀取該檔案或網址。",
                               en: "The DI file asks to read an external entity \"\(name.isEmpty ? systemID : name)\" (\(systemID)); it was refused for safety, and nothing was read from that file or address.")
        case let .entityDeclared(name, .parameter):
            return UserMessage(zh: "DI 檔宣告了參數實體「%\(name);」，公文交換檔不應有此宣告，為安全起見已拒絕匯入。",
                               en: "The DI file declares a parameter entity \"%\(name);\", which exchange files do not have; it was refused for safety.")
        case let .entityReference(name, line):
            return UserMessage(zh: "DI 檔第 \(line) 行引用了未宣告的實體「&\(name);」，無法得知其內容，已拒絕匯入。",
                               en: "Line \(line) of the DI file refers to an undeclared entity \"&\(name);\" whose content is unknown; it was refused.")
        case let .wrongRoot(found):
            return UserMessage(zh: "這份 DI 檔是「\(found)」，不是「函」；目前只能匯入函。",
                               en: "This DI file holds a \"\(found)\", not a letter (函); only letters can be imported.")
        case let .wrongOrder(path, element, line, expected):
            let list = expected.isEmpty ? "（此處不應再有元素）" : expected.map { "「\($0)」" }.joined(separator: "、")
            let listEN = expected.isEmpty ? "nothing more" : expected.joined(separator: ", ")
            return UserMessage(zh: "DI 檔第 \(line) 行的「\(element)」在「\(path)」中的順序不符 104_2_utf8.dtd：此處應為 \(list)。公文交換時也會被退回，請發文機關重新產生檔案。",
                               en: "\"\(element)\" on line \(line) is out of order in \"\(path)\" under 104_2_utf8.dtd: expected \(listEN) here. The exchange would reject it too; ask the sending office to produce the file again.")
        case let .missingElement(path, element):
            return UserMessage(zh: "DI 檔的「\(path)」缺少必要的「\(element)」，無法匯入。",
                               en: "\"\(path)\" in the DI file lacks the required \"\(element)\"; it cannot be imported.")
        case let .strayText(path, line, text):
            return UserMessage(zh: "DI 檔第 \(line) 行的「\(path)」中有不屬於任何欄位的文字「\(text.prefix(40))」，無法匯入。",
                               en: "\"\(path)\" on line \(line) of the DI file holds text outside any field (\"\(text.prefix(40))\"); it cannot be imported.")
        case let .invalidValue(path, value, line):
            return UserMessage(zh: "DI 檔第 \(line) 行「\(path)」的內容「\(value)」無法辨識，無法匯入。",
                               en: "The value \"\(value)\" of \"\(path)\" on line \(line) of the DI file cannot be read; it cannot be imported.")
        case let .attachmentNotDeclared(entity):
            return UserMessage(zh: "DI 檔的附件「\(entity)」沒有宣告對應的檔案，無法匯入。",
                               en: "The DI file's attachment \"\(entity)\" is not declared as a file; it cannot be imported.")
        case let .attachmentNameUnsafe(name):
            return UserMessage(zh: "DI 檔的附件檔名「\(name)」指向資料夾以外的位置，為安全起見已拒絕匯入。",
                               en: "The DI file's attachment name \"\(name)\" points outside its folder; it was refused for safety.")
        case let .attachmentNameRepeated(name):
            return UserMessage(zh: "附件檔名「\(name)」重複（或與 DI 檔同名），匯出資料夾中無法並存。請將附件改名後再匯出。",
                               en: "The attachment name \"\(name)\" is used twice (or is the DI file's name); the export folder cannot hold both. Rename the attachment and export again.")
        case let .attachmentMissing(name, path):
            return UserMessage(zh: "找不到附件「\(name)」（\(path)）。請把附件檔與 DI 檔放在同一資料夾後再匯入。",
                               en: "The attachment \"\(name)\" (\(path)) was not found. Put the attachment files in the DI file's folder and import again.")
        case let .unreadable(path, reason):
            return UserMessage(zh: "無法讀取「\(path)」（\(reason)）。請確認檔案存在且有讀取權限。",
                               en: "\"\(path)\" could not be read (\(reason)). Check that the file exists and can be read.")
        case let .tooLarge(path, bytes):
            return UserMessage(zh: "「\(path)」有 \(bytes / 1_048_576) MB，遠大於任何公文的 DI 檔（附件另以檔案附送），不予匯入。請確認選取的檔案。",
                               en: "\"\(path)\" is \(bytes / 1_048_576) MB, far larger than any letter's DI file (attachments travel as separate files); it was not imported. Check the file chosen.")
        case let .noDIFile(folder):
            return UserMessage(zh: "資料夾「\(folder)」中沒有 .di 檔。",
                               en: "The folder \"\(folder)\" holds no .di file.")
        case let .severalDIFiles(folder, names):
            return UserMessage(zh: "資料夾「\(folder)」中有多個 .di 檔（\(names.joined(separator: "、"))），請指定要匯入的檔案。",
                               en: "The folder \"\(folder)\" holds several .di files (\(names.joined(separator: ", "))); name the one to import.")
        case let .textNotAllowed(field, value):
            return UserMessage(zh: "「\(field)」含有無法寫入 DI 檔的字元（如控制字元）：「\(value.prefix(40))」。請修改後再匯出。",
                               en: "\"\(field)\" holds characters a DI file cannot carry (such as control characters): \"\(value.prefix(40))\". Edit it and export again.")
        case let .xmlLibraryFailure(call):
            return UserMessage(zh: "產生 DI 檔時 XML 程式庫發生錯誤（\(call)），未寫入任何檔案。",
                               en: "The XML library failed while making the DI file (\(call)); nothing was written.")
        }
    }
}
