/// One signed step in a letter's history: who, when, with which certificate, and the signature
/// over the exact XML (the DI file's bytes) of the letter at that moment. Core keeps the bytes
/// and the facts; CivicCrypto makes and checks the detached CMS signature.
public struct SignOffEntry: Sendable, Hashable {
    public let step: SignOffStep
    public let signerName: String
    public let certificateSerial: String
    public let certificateIssuer: String
    public let signedAt: Timestamp
    /// The letter's XML exactly as signed.
    public let xml: [UInt8]
    /// The detached CMS signature (DER) over `xml`, as written beside an export (`.p7s`).
    public let signature: [UInt8]

    public init(step: SignOffStep, signerName: String, certificateSerial: String, certificateIssuer: String,
                signedAt: Timestamp, xml: [UInt8], signature: [UInt8]) {
        self.step = step
        self.signerName = signerName
        self.certificateSerial = certificateSerial
        self.certificateIssuer = certificateIssuer
        self.signedAt = signedAt
        self.xml = xml
        self.signature = signature
    }

    public init(step: SignOffStep, actor: SignOffActor, signedAt: Timestamp, xml: [UInt8], signature: [UInt8]) {
        self.init(step: step, signerName: actor.name, certificateSerial: actor.certificateSerial,
                  certificateIssuer: actor.certificateIssuer, signedAt: signedAt, xml: xml, signature: signature)
    }
}

/// A letter's place in the sign-off and the history that brought it there. Steps are added only
/// through `record`, which keeps state and history in agreement.
public struct SignOffProgress: Sendable, Hashable {
    public private(set) var state: SignOffState
    public private(set) var history: [SignOffEntry]

    public init() {
        state = .drafted
        history = []
    }

    /// Rebuilds progress from a stored history, refusing one whose steps do not follow each other.
    public init?(history: [SignOffEntry]) {
        var progress = SignOffProgress()
        for entry in history {
            guard (try? progress.record(entry)) != nil else { return nil }
        }
        self = progress
    }

    /// Adds a signed step. The caller has checked `SignOffPolicy` and made the signature.
    public mutating func record(_ entry: SignOffEntry) throws(SignOffError) {
        guard entry.step.from.contains(state) else { throw .stepNotAllowed(entry.step, state) }
        history.append(entry)
        state = entry.step.to
    }
}

public enum SignOffError: UserFacingError, Equatable {
    case stepNotAllowed(SignOffStep, SignOffState)

    public var message: UserMessage {
        switch self {
        case let .stepNotAllowed(step, state):
            UserMessage(zh: "公文目前在「\(state.label.zh)」，不能\(step.label.zh)。",
                        en: "The letter is at \(state.label.en); it cannot be given \(step.label.en) now.")
        }
    }
}

/// What checking a letter's history found: each step's signature, and whether the letter still
/// reads as it was last signed. `civicdesk doc verify` prints it and names the first broken step.
public struct SignOffVerification: Sendable, Equatable {
    public struct StepResult: Sendable, Equatable {
        public let entry: SignOffEntry
        public let check: SignatureCheck

        /// The signature verifies, chains to the anchors, and was made with the certificate the history names.
        public var isIntact: Bool {
            guard case let .verified(signer, chainTrusted) = check else { return false }
            return chainTrusted && signer.serialHex == entry.certificateSerial
        }
    }

    public let steps: [StepResult]
    /// False when the letter's current XML differs from the XML of its last signed step.
    public let currentMatchesLastSigned: Bool

    /// Checks every entry with `check` (CivicCrypto's detached CMS verification over the entry's
    /// XML) and compares `currentXML` with the last signed version.
    public init(history: [SignOffEntry], currentXML: [UInt8], check: (SignOffEntry) -> SignatureCheck) {
        steps = history.map { StepResult(entry: $0, check: check($0)) }
        currentMatchesLastSigned = history.last.map { $0.xml == currentXML } ?? true
    }

    /// The first step whose signature no longer matches; the last step when the letter was
    /// changed after it was signed; nil when everything holds.
    public var brokenStep: SignOffEntry? {
        if let broken = steps.first(where: { !$0.isIntact }) { return broken.entry }
        return currentMatchesLastSigned ? nil : steps.last?.entry
    }

    public var isIntact: Bool { brokenStep == nil }

    public var message: UserMessage {
        guard let broken = brokenStep else {
            guard !steps.isEmpty else {
                // Nothing is broken, but nothing was signed here either (a draft, or a letter imported from elsewhere).
                return UserMessage(zh: "這份公文在本工作區沒有簽核紀錄，沒有簽章可驗證。",
                                   en: "This letter has no sign-off in this workspace; there is no signature to verify.")
            }
            return UserMessage(zh: "全部 \(steps.count) 個簽核步驟的簽章都正確。", en: "All \(steps.count) sign-off signatures verify.")
        }
        let step = broken.step.label
        let who = broken.signerName
        if let result = steps.first(where: { $0.entry == broken }), !result.isIntact {
            return UserMessage(zh: "「\(step.zh)」（\(who)）的簽章與簽核時的內容不符，或不是信任的憑證所簽。",
                               en: "The \(step.en) signature (\(who)) no longer matches what was signed, or was not made with a trusted certificate.")
        }
        return UserMessage(zh: "公文在「\(step.zh)」（\(who)）簽章之後被修改過，簽章已不符合現在的內容。",
                           en: "The letter was changed after the \(step.en) signature (\(who)); that signature no longer matches it.")
    }
}
