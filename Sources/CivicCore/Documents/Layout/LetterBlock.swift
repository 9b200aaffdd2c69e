/// One block of a rendered letter, in reading order: what the PDF renderer draws and the preview
/// shows, with the words already written (labels, markers, dates). The renderer decides fonts,
/// sizes and line breaks; where a block goes follows from its case.
public enum LetterBlock: Sendable, Hashable {
    /// Top left: `稿` on a draft, `正本` on the original.
    case variantMark(String)
    /// Top right, one line each: `檔號：…`, `保存年限：…`.
    case filing(lines: [String])
    /// Centred and large: `{全銜} 函`.
    case title(String)
    /// Under the title, right half: `地址：…`, `承辦人：…`, `電話：…`, `傳真：…`, `電子信箱：…`.
    case senderDetails(lines: [String])
    /// A labelled line at the left margin whose text wraps under itself, not under the label:
    /// 受文者, 發文日期, 發文字號, 速別, 密等及解密條件或保密期限, 附件.
    case field(label: String, text: String)
    /// `主旨：` and its paragraph, wrapping under the text (hanging after the label).
    case subject(label: String, text: String)
    /// `說明：` / `辦法：`, with the paragraph's own text when it has any.
    case paragraphHeading(label: String, text: String)
    /// One numbered item: its marker (`（二）`) and text. `level` (0 for 一、) sets the indent:
    /// the marker starts one level further in than its parent's text, and wrapped lines hang under the text.
    case item(marker: String, level: Int, text: String)
    /// `正本：…` / `副本：…`.
    case distribution(label: String, text: String)
    /// The 署名 area at the bottom, one line each.
    case signature(lines: [String])
}

/// Which copy is printed: the draft (稿) that goes through sign-off, or the original (正本) sent out.
public enum LetterVariant: String, Sendable, Hashable, CaseIterable {
    case draft
    case original

    public var mark: String {
        switch self {
        case .draft: "稿"
        case .original: "正本"
        }
    }
}
