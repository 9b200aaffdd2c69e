import CLibXML2
import CivicCore

/// What was wrong with a file that is not well-formed XML, in words a clerk can pass on to the
/// sending office. libxml2 says it in English and in its parser's terms ("xmlParseEntityRef: no
/// name"), so the kinds of mistake a damaged or hand-edited letter has are said by their libxml2
/// code in Chinese; libxml2's own text stays as the English, and as the Chinese of a kind not
/// listed here, after its code.
enum XMLSyntaxDetail {
    static func of(code: Int32, libraryText: String) -> UserMessage {
        // On one line: libxml2 puts the bytes it quotes on a line of their own.
        let text = libraryText.split(whereSeparator: \.isNewline).joined(separator: " ")
        let english = text.isEmpty ? "XML syntax error \(code)" : text
        guard let chinese = chinese[code] else {
            return UserMessage(zh: "XML 語法錯誤（libxml2 代碼 \(code)：\(english)）", en: english)
        }
        return UserMessage(zh: chinese, en: english)
    }

    /// The file is empty, or holds no element at all.
    static let empty = UserMessage(zh: "檔案是空的，沒有任何 XML 元素", en: "the file is empty, with no XML element")
    /// libxml2 refused the file without saying why.
    static let unnamed = UserMessage(zh: "XML 語法錯誤", en: "an XML syntax error")
    /// Larger than libxml2 reads in one piece.
    static let tooLarge = UserMessage(zh: "檔案超過 2 GB，無法讀取", en: "the file is larger than 2 GB")

    private static let chinese: [Int32: String] = {
        var table: [Int32: String] = [:]
        func say(_ text: String, _ codes: xmlParserErrors...) {
            for code in codes { table[Int32(code.rawValue)] = text }
        }
        say(empty.zh, XML_ERR_DOCUMENT_EMPTY)
        say("開頭找不到 XML 標籤（「<」）", XML_ERR_DOCUMENT_START, XML_ERR_LT_REQUIRED)
        say("根元素結束後還有多餘的內容", XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT)
        say("含有 XML 不允許的字元，或內容與宣告的文字編碼不符", XML_ERR_INVALID_CHAR)
        say("含有 XML 不允許的字元參照（&#…;）", XML_ERR_INVALID_CHARREF, XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_HEX_CHARREF)
        say("「&」後面不是完整的實體參照（文字中的 & 應寫成 &amp;）", XML_ERR_ENTITYREF_NO_NAME,
            XML_ERR_ENTITYREF_SEMICOL_MISSING)
        say("引用了未宣告的實體", XML_ERR_UNDECLARED_ENTITY)
        say("宣告的文字編碼無法辨識", XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_ENCODING_NAME)
        say("內容與宣告的文字編碼不符（例如宣告 UTF-8 實為 Big5），或檔案已損壞", XML_ERR_INVALID_ENCODING,
            XML_I18N_CONV_FAILED, XML_IO_ENCODER)
        say("屬性的寫法不完整（缺少等號、引號或值）", XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED,
            XML_ERR_ATTRIBUTE_WITHOUT_VALUE, XML_ERR_LT_IN_ATTRIBUTE, XML_ERR_EQUAL_REQUIRED, XML_ERR_STRING_NOT_STARTED,
            XML_ERR_STRING_NOT_CLOSED)
        say("同一個元素的屬性重複", XML_ERR_ATTRIBUTE_REDEFINED)
        say("開始標籤與結束標籤不對應", XML_ERR_TAG_NAME_MISMATCH, XML_ERR_NOT_WELL_BALANCED, XML_ERR_LTSLASH_REQUIRED)
        say("標籤沒有寫完，檔案可能被截斷", XML_ERR_TAG_NOT_FINISHED, XML_ERR_GT_REQUIRED)
        // libxml2 says this of a bare `&` in text too ("xmlParseEntityRef: no name").
        say("此處應有標籤或實體的名稱（文字中的 & 應寫成 &amp;）", XML_ERR_NAME_REQUIRED)
        say("註解、宣告或 CDATA 區段沒有結束，檔案可能被截斷", XML_ERR_COMMENT_NOT_FINISHED, XML_ERR_PI_NOT_FINISHED,
            XML_ERR_CDATA_NOT_FINISHED, XML_ERR_DOCTYPE_NOT_FINISHED, XML_ERR_XMLDECL_NOT_FINISHED)
        say("XML 宣告缺少版本", XML_ERR_VERSION_MISSING)
        say("名稱過長", XML_ERR_NAME_TOO_LONG)
        return table
    }()
}
