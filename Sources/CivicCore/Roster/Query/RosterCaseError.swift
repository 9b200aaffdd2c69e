/// A case asked for by its ID that the workspace cannot serve.
public enum RosterCaseError: UserFacingError, Sendable, Equatable {
    case unknown(caseId: String)
    /// Packing needs the records, which the retention purge deleted.
    case purged(caseId: String)

    public var message: UserMessage {
        switch self {
        case .unknown(let caseId):
            UserMessage(zh: "工作區裡沒有案號 \(caseId)。請先匯入此案的連署人名冊。",
                        en: "The workspace has no case \(caseId). Import its roster batches first.")
        case .purged(let caseId):
            UserMessage(zh: "案號 \(caseId) 的個人資料已清除，只留統計，無法再打包。",
                        en: "Case \(caseId)'s personal data was purged; only its statistics remain and it cannot be packed.")
        }
    }
}
