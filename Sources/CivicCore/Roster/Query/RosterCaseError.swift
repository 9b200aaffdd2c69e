/// A case asked for by its ID that the workspace cannot serve.
public enum RosterCaseError: UserFacingError, Sendable, Equatable {
    /// `known` are the cases the workspace has, named so a mistyped case ID is seen as one.
    case unknown(caseId: String, known: [String] = [])
    /// Packing needs the records, which the retention purge deleted.
    case purged(caseId: String)

    public var message: UserMessage {
        switch self {
        case .unknown(let caseId, let known) where known.isEmpty:
            UserMessage(zh: "工作區裡沒有案號 \(caseId)。請先匯入此案的連署人名冊。",
                        en: "The workspace has no case \(caseId). Import its roster batches first.")
        case .unknown(let caseId, let known):
            UserMessage(zh: "工作區裡沒有案號 \(caseId)（工作區裡的案號：\(known.joined(separator: "、"))）。請確認輸入的案號，或先匯入此案的連署人名冊。",
                        en: "The workspace has no case \(caseId) (its cases: \(known.joined(separator: ", "))). Check the case ID, "
                            + "or import the case's roster batches first.")
        case .purged(let caseId):
            UserMessage(zh: "案號 \(caseId) 的個人資料已清除，只留統計，無法再打包。",
                        en: "Case \(caseId)'s personal data was purged; only its statistics remain and it cannot be packed.")
        }
    }
}
