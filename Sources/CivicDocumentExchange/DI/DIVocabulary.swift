import CivicCore

/// The names and fixed texts of 104_2_utf8.dtd and of the DI files document systems write,
/// shared by the writer and the reader so both spell them alike.
enum DIVocabulary {
    static let root = "函"
    static let systemID = "104_2_utf8.dtd"
    /// The notation every attachment entity is declared under (`<!NOTATION DI SYSTEM "">`).
    static let attachmentNotation = "DI"
    /// The processing instruction holding what the DTD has no element for (see `DIExtensionData`).
    static let extensionTarget = "civicdesk"

    /// 函's content model: `(發文機關+,函類別,地址,聯絡方式+,受文者,發文日期,發文字號+,速別?,
    /// 密等及解密條件或保密期限?,附件?,主旨,段落*,正本,副本?,署名*)`.
    static let letter = DIContentModel(
        .oneOrMore("發文機關"), .one("函類別"), .one("地址"), .oneOrMore("聯絡方式"), .one("受文者"), .one("發文日期"),
        .oneOrMore("發文字號"), .optional("速別"), .optional("密等及解密條件或保密期限"), .optional("附件"), .one("主旨"),
        .any("段落"), .one("正本"), .optional("副本"), .any("署名"))

    /// The labels that start each 聯絡方式 line, in the order they are written.
    static let clerkLabel = "承辦人"
    static let phoneLabel = "電話"
    static let faxLabel = "傳真"
    static let emailLabel = "電子信箱"
    /// Other labels document systems use for the same lines.
    static let contactAliases: [String: String] = [
        "聯絡人": clerkLabel, "承辦": clerkLabel, "連絡人": clerkLabel,
        "聯絡電話": phoneLabel, "TEL": phoneLabel, "Tel": phoneLabel,
        "FAX": faxLabel, "Fax": faxLabel, "傳真電話": faxLabel,
        "Email": emailLabel, "E-mail": emailLabel, "E-Mail": emailLabel, "email": emailLabel, "電子郵件": emailLabel,
    ]

    /// Labels some systems put before the address itself (`機關地址：830高雄市…`).
    static let addressLabels = ["機關地址", "地址"]

    /// `text` without a leading `label：` (or `label:`) of `labels`.
    static func withoutLabel(_ text: String, labels: [String]) -> String {
        for label in labels where text.hasPrefix(label) {
            let rest = text.dropFirst(label.count)
            if let first = rest.first, first == "：" || first == ":" { return String(rest.dropFirst()).trimmedXMLWhitespace }
        }
        return text
    }

    /// The text of 含附件 under 受文者 and 副本 when the attachments go along.
    static let withAttachmentsText = "含附件"

    /// `說明` → `說明：`, as document systems write 段名.
    static func paragraphName(_ heading: String) -> String { heading + "：" }

    /// `說明：`, `說明:` and ` 說明 ` all read `說明`.
    static func heading(fromParagraphName name: String) -> String {
        var text = name.trimmedXMLWhitespace
        while let last = text.last, last == "：" || last == ":" { text.removeLast() }
        return text.trimmedXMLWhitespace
    }

    /// `議秘` → `議秘字`, the 字 element's text.
    static func wordElementText(_ word: String) -> String { word.hasSuffix("字") ? word : word + "字" }

    /// `議秘字` → `議秘`, the model's 字.
    static func word(fromElementText text: String) -> String {
        text.hasSuffix("字") ? String(text.dropLast()) : text
    }

    /// 年度 `113`, and 流水號 `1130000123` (the year and seven digits, as document systems number).
    static func yearText(_ number: DocumentNumber) -> String { zeroPadded(number.year, 3) }
    static func serialText(_ number: DocumentNumber) -> String {
        zeroPadded(number.year, 3) + zeroPadded(number.serial, DocumentNumber.serialDigits)
    }

    static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }

    /// An attachment's file name as an entity's SYSTEM identifier: a plain name in the DI file's
    /// folder, never a path or a URL that would reach elsewhere.
    static func isSafeFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }
}
