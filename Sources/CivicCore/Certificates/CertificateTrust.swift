/// Judges whether a certificate chains to the certification authorities the user trusts, on
/// signatures and CA constraints alone: dates are judged separately, so an expired card is
/// called expired, not untrusted. CivicCrypto's `TrustStore` implements it.
public protocol CertificateChainChecking: Sendable {
    /// `intermediates` may complete the chain (the CA certificates a card carries).
    func chainsIgnoringDates(_ certificate: CertificateInfo, intermediates: [CertificateInfo]) -> Bool
}

/// Why certificates cannot be judged at all: saying so beats calling every card untrusted.
public enum TrustProblem: Sendable, Hashable {
    /// No trust anchors were set up: `folder` (where they are looked for) is missing or empty.
    case notConfigured(folder: String)
    /// The anchors' folder holds something that cannot be used; the message says what.
    case unusable(UserMessage)

    /// What to do about it, for a note beside the certificates.
    public var advice: UserMessage {
        switch self {
        case .notConfigured(let folder):
            UserMessage(zh: "尚未設定信任的憑證管理中心，因此無法確認憑證是否由正式的憑證機構簽發。請將憑證管理中心的根憑證與中繼憑證（PEM 檔）放進「\(folder)」，或以環境變數 CIVICDESK_TRUST_DIR 指定放置的資料夾，再重新啟動 CivicDesk。",
                        en: "No trusted certification authority is set up, so CivicDesk cannot tell whether certificates were issued "
                            + "by a real one. Put the authorities' root and intermediate certificates (PEM files) in “\(folder)”, "
                            + "or name their folder in the CIVICDESK_TRUST_DIR environment variable, and restart CivicDesk.")
        case .unusable(let message):
            message
        }
    }
}

/// One certificate's standing against the trust anchors.
public enum CertificateTrust: Sendable, Hashable {
    case trusted
    case untrusted
    case unverifiable(TrustProblem)
}

/// The trust anchors as configured: loaded, or the reason there are none to judge with.
public enum TrustAnchors: Sendable {
    case loaded(any CertificateChainChecking)
    case unavailable(TrustProblem)

    /// Each certificate's trust, with the others offered as intermediates (a card carries its
    /// issuing CA and root beside the holder's certificates).
    public func judge(_ certificates: [CertificateInfo]) -> [CertificateTrust] {
        switch self {
        case .loaded(let checker):
            certificates.map { certificate in
                checker.chainsIgnoringDates(certificate, intermediates: certificates.filter { $0 != certificate })
                    ? .trusted : .untrusted
            }
        case .unavailable(let problem):
            certificates.map { _ in .unverifiable(problem) }
        }
    }
}
