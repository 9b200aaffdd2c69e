/// Why a decrypted batch is refused as a whole (spec §2): nothing from it is imported.
public enum RosterPayloadError: UserFacingError, Sendable, Equatable {
    /// The decrypted content is empty.
    case empty
    /// Line 1 is not a roster header at all.
    case notARoster
    case unknownFormat(String)
    case unsupportedVersion(String)
    /// The header names the right format and version but a field is missing or wrong.
    case damagedHeader(field: String)
    /// The last line is not a trailer: the file was cut short.
    case missingTrailer
    case recordCountMismatch(stated: Int, found: Int)
    case digestMismatch

    public var message: UserMessage {
        switch self {
        case .empty:
            UserMessage(zh: "解密後的名冊是空的，請向公投連署系統重新下載此批次。",
                        en: "The decrypted roster is empty; download this batch again from the petition system.")
        case .notARoster:
            UserMessage(zh: "這個檔案解密後不是連署人名冊。請確認選的是「連署人名冊下載」取得的 .cec 檔。",
                        en: "This file does not hold a petition roster. Choose a .cec file from the petition system's roster download.")
        case .unknownFormat(let format):
            UserMessage(zh: "名冊格式「\(format)」不是 CivicDesk 能讀的公投連署名冊格式。",
                        en: "The roster format \"\(format)\" is not the petition roster format CivicDesk reads.")
        case .unsupportedVersion(let version):
            UserMessage(zh: "名冊格式第 \(version) 版不受支援（CivicDesk 讀第 1 版）。請更新 CivicDesk。",
                        en: "Roster format version \(version) is not supported (CivicDesk reads version 1). Update CivicDesk.")
        case .damagedHeader(let field):
            UserMessage(zh: "名冊開頭的案件資料損壞（欄位 \(field)）。請重新下載此批次。",
                        en: "The roster's case header is damaged (field \(field)). Download this batch again.")
        case .missingTrailer:
            UserMessage(zh: "名冊不完整（缺少結尾），檔案可能下載中斷。請重新下載此批次；未匯入任何資料。",
                        en: "The roster is incomplete (no trailer); the download may have been cut short. Download this batch again; nothing was imported.")
        case .recordCountMismatch(let stated, let found):
            UserMessage(zh: "名冊結尾記載 \(stated) 筆，實際有 \(found) 筆，檔案已損壞。請重新下載此批次；未匯入任何資料。",
                        en: "The roster's trailer states \(stated) records but it holds \(found); the file is damaged. Download this batch again; nothing was imported.")
        case .digestMismatch:
            UserMessage(zh: "名冊內容與結尾的檢查碼不符，檔案已損壞或遭修改。請重新下載此批次；未匯入任何資料。",
                        en: "The roster's content does not match its trailer digest; the file is damaged or altered. Download this batch again; nothing was imported.")
        }
    }
}
