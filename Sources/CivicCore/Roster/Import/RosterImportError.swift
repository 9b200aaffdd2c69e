/// Why the workspace refused a batch, or why an import stopped. Nothing of the batch is kept.
public enum RosterImportError: UserFacingError, Sendable, Equatable {
    /// The case already has this batch number, imported from another file.
    case batchNumberTaken(caseId: String, number: Int, existingFile: String)
    /// The batch's stage or electorate differs from what the case's earlier batches said.
    case caseFactsDiffer(caseId: String, field: String)
    /// The case's personal data was purged; it keeps only its statistics.
    case casePurged(caseId: String)
    case cancelled

    public var message: UserMessage {
        switch self {
        case .batchNumberTaken(let caseId, let number, let file):
            UserMessage(zh: "案號 \(caseId) 的第 \(number) 批已由檔案「\(file)」匯入，這個檔案未匯入。",
                        en: "Batch \(number) of case \(caseId) was already imported from \"\(file)\"; this file was not imported.")
        case .caseFactsDiffer(let caseId, let field):
            UserMessage(zh: "此批次的案件資料（\(field)）與案號 \(caseId) 已匯入的批次不同，未匯入。請確認檔案來自同一公投案。",
                        en: "This batch's case facts (\(field)) differ from the batches of case \(caseId) already imported; it was not imported. Check that the file belongs to this case.")
        case .casePurged(let caseId):
            UserMessage(zh: "案號 \(caseId) 的個人資料已依保存期限清除，不能再匯入批次。",
                        en: "Case \(caseId)'s personal data was purged under the retention rules; no more batches can be imported.")
        case .cancelled:
            UserMessage(zh: "已取消匯入，此批次未匯入任何資料。", en: "Import cancelled; nothing of this batch was imported.")
        }
    }
}
