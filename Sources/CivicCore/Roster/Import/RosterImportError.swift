/// Why the workspace refused a batch, or why an import stopped. Nothing of the batch is kept.
public enum RosterImportError: UserFacingError, Sendable, Equatable {
    /// The case already has this batch number, imported from another file.
    case batchNumberTaken(caseId: String, number: Int, existingFile: String)
    /// The batch's stage or electorate differs from what the case's earlier batches said
    /// (`imported`), as the batch states it (`batch`).
    case caseFactsDiffer(caseId: String, fact: CaseFact, imported: String, batch: String)
    /// The case's personal data was purged; it keeps only its statistics.
    case casePurged(caseId: String)
    case cancelled

    public var message: UserMessage {
        switch self {
        case .batchNumberTaken(let caseId, let number, let file):
            UserMessage(zh: "案號 \(caseId) 的第 \(number) 批已由檔案「\(file)」匯入，這個檔案未匯入。",
                        en: "Batch \(number) of case \(caseId) was already imported from \"\(file)\"; this file was not imported.")
        case .caseFactsDiffer(let caseId, let fact, let imported, let batch):
            UserMessage(zh: "此批次的\(fact.name.zh)（\(batch)）與案號 \(caseId) 已匯入批次的\(fact.name.zh)（\(imported)）不同，未匯入。請確認檔案來自同一公投案。",
                        en: "This batch's \(fact.name.en) (\(batch)) differs from that of the batches of case \(caseId) already imported "
                            + "(\(imported)); it was not imported. Check that the file belongs to this case.")
        case .casePurged(let caseId):
            UserMessage(zh: "案號 \(caseId) 的個人資料已依保存期限清除，不能再匯入批次。",
                        en: "Case \(caseId)'s personal data was purged under the retention rules; no more batches can be imported.")
        case .cancelled:
            UserMessage(zh: "已取消匯入，此批次未匯入任何資料。", en: "Import cancelled; nothing of this batch was imported.")
        }
    }
}

/// The facts of a case that every one of its batches states alike (spec §2's header), named as
/// the case's status names them.
public enum CaseFact: String, Sendable, Equatable {
    case stage
    case electorate

    public var name: UserMessage {
        switch self {
        case .stage: UserMessage(zh: "階段", en: "stage")
        case .electorate: UserMessage(zh: "選舉人數", en: "electorate")
        }
    }
}
