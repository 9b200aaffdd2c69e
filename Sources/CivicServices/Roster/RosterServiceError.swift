import CivicCore

/// What the roster operations themselves can refuse, beyond the errors of the layers below
/// (wrong PIN, damaged file, full disk), which reach the caller unchanged.
public enum RosterServiceError: UserFacingError, Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        case importing, packing
    }

    /// No trust anchors are configured, so no signer certificate could be judged.
    case noTrustAnchors(folder: String)
    /// The card left its reader (or the reader service stopped) while the operation ran.
    case cardRemoved(during: Operation)
    /// A file that was not started because the import stopped before it.
    case notStarted

    public var message: UserMessage {
        switch self {
        case .noTrustAnchors(let folder):
            UserMessage(zh: "尚未設定信任的憑證管理中心，無法判斷簽章者的憑證。請將憑證管理中心的根憑證與中繼憑證（PEM 檔）放進「\(folder)」，或以 --trust 或環境變數 CIVICDESK_TRUST_DIR 指定資料夾。",
                        en: "No trusted certification authority is set up, so the signers' certificates cannot be judged. Put the authorities' root and intermediate certificates (PEM files) in “\(folder)”, or name their folder with --trust or CIVICDESK_TRUST_DIR.")
        case .cardRemoved(.importing):
            UserMessage(zh: "匯入時卡片已從讀卡機取出：這個批次已全部復原，沒有匯入任何資料。請插回卡片後重新匯入。",
                        en: "The card was taken out of the reader during the import: this batch was rolled back and nothing of it was imported. Insert the card and import again.")
        case .cardRemoved(.packing):
            UserMessage(zh: "打包時卡片已從讀卡機取出：沒有寫出新的檔案，原有的送件檔與試算表未被改動。請插回卡片後重新打包。",
                        en: "The card was taken out of the reader while packing: no new files were written and the existing ones were left as they were. Insert the card and pack again.")
        case .notStarted:
            UserMessage(zh: "未匯入（匯入已停止）。", en: "Not imported (the import stopped).")
        }
    }
}
