import Foundation

/// Where a letter stands in the sign-off of seed 003: 創稿 (drafted) → 陳核 (sent up) → 核稿
/// (reviewed) → 決行 (approved) → 發文 (dispatched). Raw values are the JSON/database codes.
public enum SignOffState: String, Sendable, Hashable, CaseIterable, Codable {
    case drafted
    case submitted
    case reviewed
    case approved
    case dispatched

    /// The 狀態 column of the lists.
    public var label: UserMessage {
        switch self {
        case .drafted: UserMessage(zh: "創稿", en: "Drafted")
        case .submitted: UserMessage(zh: "陳核", en: "Submitted")
        case .reviewed: UserMessage(zh: "核稿", en: "Reviewed")
        case .approved: UserMessage(zh: "決行", en: "Approved")
        case .dispatched: UserMessage(zh: "發文", en: "Dispatched")
        }
    }

    /// The letter's text may change only before 決行: what the approver signed is what goes out.
    public var allowsEditing: Bool { self == .drafted || self == .submitted || self == .reviewed }

    /// The steps that may follow.
    public var nextSteps: [SignOffStep] { SignOffStep.allCases.filter { $0.from.contains(self) } }
}

/// One signed step of the sign-off, each done on the acting user's card over the exact XML of the
/// letter at that moment. Raw values are the command line's `--step` words.
public enum SignOffStep: String, Sendable, Hashable, CaseIterable, Codable {
    /// 陳核: the drafter sends the draft up.
    case submit
    /// 核稿: a reviewer checks it.
    case review
    /// 決行: the one with authority approves it (straight after 陳核 where nobody reviews).
    case approve
    /// 發文: the letter is numbered, dated and sent.
    case dispatch

    public var from: Set<SignOffState> {
        switch self {
        case .submit: [.drafted]
        case .review: [.submitted]
        case .approve: [.submitted, .reviewed]
        case .dispatch: [.approved]
        }
    }

    public var to: SignOffState {
        switch self {
        case .submit: .submitted
        case .review: .reviewed
        case .approve: .approved
        case .dispatch: .dispatched
        }
    }

    /// The key of the registry's permission catalogue (`data/permissions.json`) a clerk needs.
    public var permissionKey: String {
        switch self {
        case .submit: "documents.draft"
        case .review: "documents.review"
        case .approve: "documents.approve"
        case .dispatch: "documents.dispatch"
        }
    }

    /// The button and history wording.
    public var label: UserMessage {
        switch self {
        case .submit: UserMessage(zh: "陳核", en: "Submit")
        case .review: UserMessage(zh: "核稿", en: "Review")
        case .approve: UserMessage(zh: "決行", en: "Approve")
        case .dispatch: UserMessage(zh: "發文", en: "Dispatch")
        }
    }
}

/// Who is acting, as far as sign-off rules go: the certificate on the card and, in a workspace
/// with a registered office, the signed-in clerk's permissions.
public struct SignOffActor: Sendable, Hashable {
    /// The holder's name as the history shows it.
    public let name: String
    /// The signing certificate's serial (upper-case hex) and issuer, recorded in the history.
    public let certificateSerial: String
    public let certificateIssuer: String
    /// Whether the certificate chains to the trust anchors (`CertificateChainChecking`).
    public let chainsToAnchors: Bool
    /// Whether the certificate is within its validity period and may sign.
    public let certificateUsable: Bool

    public init(name: String, certificateSerial: String, certificateIssuer: String, chainsToAnchors: Bool, certificateUsable: Bool) {
        self.name = name
        self.certificateSerial = certificateSerial
        self.certificateIssuer = certificateIssuer
        self.chainsToAnchors = chainsToAnchors
        self.certificateUsable = certificateUsable
    }

    /// The actor a card's signing certificate makes, judged at `now`.
    public init(certificate: CertificateInfo, chainsToAnchors: Bool, at now: Date) {
        self.init(name: certificate.commonName ?? certificate.subject.description, certificateSerial: certificate.serialHex,
                  certificateIssuer: certificate.issuer.description, chainsToAnchors: chainsToAnchors,
                  certificateUsable: certificate.isValid(at: now) && certificate.maySign)
    }
}

/// Where permissions come from: a workspace without a registered office has one person drafting
/// and approving alone (any card chaining to the anchors may sign every step, nothing to
/// register); with an office, the signed-in clerk's granted permission keys decide.
public enum SignOffAuthority: Sendable, Hashable {
    case solo
    case office(grantedKeys: Set<String>)
}

/// Whether an actor may take a step, and why not.
public enum SignOffPolicy {
    /// Nil when `actor` may take `step` on a letter in `state`; else the reason, for the disabled
    /// button's tooltip and the command line's refusal.
    public static func refusal(_ step: SignOffStep, state: SignOffState, actor: SignOffActor,
                               authority: SignOffAuthority) -> UserMessage? {
        guard step.from.contains(state) else {
            return UserMessage(zh: "公文目前在「\(state.label.zh)」，不能\(step.label.zh)。",
                               en: "The letter is at \(state.label.en); it cannot be given \(step.label.en) now.")
        }
        guard actor.chainsToAnchors else {
            return UserMessage(zh: "這張卡的憑證不是由信任的憑證管理中心簽發，不能用來簽核公文。",
                               en: "This card's certificate does not chain to a trusted certification authority; it cannot sign letters.")
        }
        guard actor.certificateUsable else {
            return UserMessage(zh: "這張卡的憑證已過期、尚未生效或不能用於簽章。",
                               en: "This card's certificate has expired, is not yet valid, or may not sign.")
        }
        if case let .office(granted) = authority, !granted.contains(step.permissionKey) {
            return UserMessage(zh: "您沒有「\(step.label.zh)」的權限（\(step.permissionKey)），請洽機關管理者授權。",
                               en: "You lack the \(step.label.en) permission (\(step.permissionKey)); ask the office's administrator.")
        }
        return nil
    }
}
