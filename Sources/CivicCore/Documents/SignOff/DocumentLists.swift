/// The three lists of seed 003's dashboard: 主辦公文 (letters I drafted), 會辦公文 (letters I was
/// asked to countersign) and 待核公文 (letters waiting for a step I may take). Raw values are
/// `civicdesk doc list --box` words.
public enum DocumentBox: String, Sendable, Hashable, CaseIterable {
    case own
    case countersign
    case pending

    public var title: UserMessage {
        switch self {
        case .own: UserMessage(zh: "主辦公文", en: "My letters")
        case .countersign: UserMessage(zh: "會辦公文", en: "To countersign")
        case .pending: UserMessage(zh: "待核公文", en: "Awaiting my approval")
        }
    }
}

/// What the store keeps about a letter for the lists, without its text.
public struct DocumentSummary: Sendable, Hashable {
    /// The workspace's id of the letter (公文文號 of the lists, like seed 003's `1153000165`).
    public let id: String
    public let subject: String
    public let number: DocumentNumber?
    /// 收創時間: when it was created (or received).
    public let createdAt: Timestamp
    /// Who drafted it: the certificate serial of the drafter's card.
    public let drafterSerial: String
    /// 來文機關: the agency an incoming letter came from; empty for letters drafted here.
    public let fromAgency: String
    /// 限辦日期.
    public let deadline: CivilDate?
    public let state: SignOffState
    /// The certificate serials of those asked to countersign (會辦).
    public let countersignerSerials: [String]

    public init(id: String, subject: String, number: DocumentNumber?, createdAt: Timestamp, drafterSerial: String,
                fromAgency: String, deadline: CivilDate?, state: SignOffState, countersignerSerials: [String]) {
        self.id = id
        self.subject = subject
        self.number = number
        self.createdAt = createdAt
        self.drafterSerial = drafterSerial
        self.fromAgency = fromAgency
        self.deadline = deadline
        self.state = state
        self.countersignerSerials = countersignerSerials
    }

    /// Not yet dispatched and past its 限辦日期 on `today`.
    public func isOverdue(on today: CivilDate) -> Bool {
        guard let deadline, state != .dispatched else { return false }
        return deadline < today
    }
}

/// A row as the lists show it, columns in seed 003's order: 公文文號, 主旨, 收創時間, 來文機關,
/// 限辦日期, 狀態; overdue rows are marked.
public struct DocumentListRow: Sendable, Hashable {
    public let id: String
    /// 公文文號: the 發文字號 once taken, else the workspace id.
    public let number: String
    public let subject: String
    /// `115/04/29 14:58:11`, on Taiwan's clock like the registry's 收件時間, whatever the
    /// computer's time zone (or the one the letter was made in).
    public let createdAt: String
    /// `無` when the letter was drafted here.
    public let fromAgency: String
    /// `115/05/07`, empty when none.
    public let deadline: String
    public let state: UserMessage
    public let isOverdue: Bool

    public init(_ summary: DocumentSummary, today: CivilDate) {
        id = summary.id
        number = summary.number?.text ?? summary.id
        subject = summary.subject
        let created = summary.createdAt.inTaiwanTime
        createdAt = (ROCDate.short(created.date) ?? created.date.iso) + " " + created.clock
        fromAgency = summary.fromAgency.isEmpty ? "無" : summary.fromAgency
        deadline = summary.deadline.flatMap(ROCDate.short) ?? ""
        state = summary.state.label
        isOverdue = summary.isOverdue(on: today)
    }

    /// The column headers, in order.
    public static let columns = ["公文文號", "主旨", "收創時間", "來文機關", "限辦日期", "狀態"]
}

public enum DocumentLists {
    /// Whether a letter belongs in `box` for the user holding the card `actor`, under `authority`.
    public static func contains(_ summary: DocumentSummary, box: DocumentBox, actor: SignOffActor,
                                authority: SignOffAuthority) -> Bool {
        switch box {
        case .own:
            return summary.drafterSerial == actor.certificateSerial
        case .countersign:
            return summary.state != .dispatched && summary.countersignerSerials.contains(actor.certificateSerial)
        case .pending:
            // 待核: sent up and waiting for a step this user may take (not the drafter's own 陳核).
            return summary.state != .drafted && summary.state.nextSteps.contains {
                SignOffPolicy.refusal($0, state: summary.state, actor: actor, authority: authority) == nil
            }
        }
    }

    /// The rows of `box`, newest first, overdue marked as of `today`.
    public static func rows(_ summaries: [DocumentSummary], box: DocumentBox, actor: SignOffActor,
                            authority: SignOffAuthority, today: CivilDate) -> [DocumentListRow] {
        summaries.filter { contains($0, box: box, actor: actor, authority: authority) }
            .sorted { $0.createdAt > $1.createdAt }
            .map { DocumentListRow($0, today: today) }
    }
}
