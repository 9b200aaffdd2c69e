import CivicCore

/// Why an encrypted batch file (CMS EnvelopedData / AuthEnvelopedData) could not be opened or
/// decrypted. Errors from the card itself (wrong PIN, card removed) are not wrapped in these:
/// they reach the caller unchanged.
public enum EnvelopeError: UserFacingError, Equatable {
    /// The file could not be read at all.
    case cannotRead(path: String, reason: String)
    /// Neither DER/BER nor PEM CMS.
    case notCMS
    /// A CMS file, but not an encrypted one (for example a signature).
    case unsupportedContentType(String)
    /// No recipient entry names the inserted card's encryption certificate.
    case notForThisCard(recipients: [EnvelopeRecipient.Identifier])
    /// An algorithm or feature CivicDesk does not implement (named for the message).
    case unsupportedAlgorithm(String)
    /// The card unwrapped something that cannot be the content key.
    case keyUnwrapFailed
    /// The GCM authentication tag or the CBC padding did not check out.
    case tampered
    /// The file ends before its structure does.
    case truncated
    /// The structure after the content type is not valid CMS.
    case damaged

    public var message: UserMessage {
        switch self {
        case let .cannotRead(path, reason):
            UserMessage(zh: "無法讀取檔案「\(path)」：\(reason)。請確認檔案存在且有讀取權限。",
                        en: "Cannot read the file “\(path)”: \(reason). Check that it exists and can be read.")
        case .notCMS:
            UserMessage(zh: "這不是加密的名冊檔（CMS 格式）。請確認選的是從連署系統下載的 .cec 檔。",
                        en: "This is not an encrypted roster file (CMS). Check that you chose the .cec file downloaded from the petition system.")
        case let .unsupportedContentType(type):
            UserMessage(zh: "這個 CMS 檔不是加密檔（內容類型：\(type)），CivicDesk 只能解開 AuthEnvelopedData 或 EnvelopedData 加密檔。請確認選對了檔案。",
                        en: "This CMS file is not an encrypted file (content type: \(type)); CivicDesk opens AuthEnvelopedData and EnvelopedData files only. Check that you chose the right file.")
        case let .notForThisCard(recipients):
            UserMessage(
                zh: "這個檔案不是加密給目前插入的卡片。檔案的收件者是：\(recipients.map(\.name.zh).joined(separator: "；"))。請插入對應的自然人憑證後再試一次。",
                en: "This file was not encrypted for the inserted card. Its recipients are: \(recipients.map(\.name.en).joined(separator: "; ")). Insert the matching citizen digital certificate card and try again.")
        case let .unsupportedAlgorithm(name):
            UserMessage(zh: "檔案使用了 CivicDesk 不支援的加密方式（\(name)），無法解密。請向檔案提供單位確認檔案格式。",
                        en: "The file uses an encryption method CivicDesk does not support (\(name)), so it cannot be decrypted. Ask whoever issued the file about its format.")
        case .keyUnwrapFailed:
            UserMessage(zh: "卡片解出的內容金鑰無法使用：檔案可能已損壞，或不是加密給這張卡片。請重新下載檔案，或改用正確的卡片。",
                        en: "The content key the card unwrapped cannot be used: the file may be damaged or not meant for this card. Download the file again or use the right card.")
        case .tampered:
            UserMessage(zh: "檔案內容驗證失敗：檔案可能已被竄改或損壞，內容已全部捨棄、沒有匯入任何資料。請重新下載這個批次。",
                        en: "The file failed its integrity check: it may have been altered or damaged. Everything read from it was discarded and nothing was imported. Download this batch again.")
        case .truncated:
            UserMessage(zh: "檔案不完整（可能下載或複製時中斷），沒有匯入任何資料。請重新下載這個批次。",
                        en: "The file is incomplete (the download or copy may have been interrupted); nothing was imported. Download this batch again.")
        case .damaged:
            UserMessage(zh: "檔案結構損壞，無法讀取，沒有匯入任何資料。請重新下載這個批次。",
                        en: "The file's structure is damaged and cannot be read; nothing was imported. Download this batch again.")
        }
    }
}
