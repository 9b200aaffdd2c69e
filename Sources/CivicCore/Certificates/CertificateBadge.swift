import Foundation

/// The verdict shown beside a certificate on the readers page: the validity badge when the
/// certificate could be judged against trust anchors, else a plain "cannot verify" — never a
/// false "untrusted" on a machine where no anchors were set up. Dates are known without
/// anchors, so an expired or not-yet-valid certificate is called so either way.
public enum CertificateBadge: Sendable, Hashable {
    case validity(ValidityBadge)
    case unverifiable(TrustProblem)

    /// How a badge should look, for the window to pick a style (no colours in Core).
    public enum Tone: Sendable, Hashable {
        case good
        case caution
        case bad
    }

    public static func of(_ certificate: CertificateInfo, trust: CertificateTrust, now: Date) -> CertificateBadge {
        switch trust {
        case .trusted:
            return .validity(ValidityBadge.of(certificate, trusted: true, now: now))
        case .untrusted:
            return .validity(.untrusted)
        case .unverifiable(let problem):
            let dates = ValidityBadge.of(certificate, trusted: true, now: now)
            return dates == .expired || dates == .notYetValid ? .validity(dates) : .unverifiable(problem)
        }
    }

    public var message: UserMessage {
        switch self {
        case .validity(let badge):
            badge.message
        case .unverifiable(.notConfigured):
            UserMessage(zh: "無法驗證：未設定信任的憑證管理中心", en: "Cannot verify: no trusted certification authority is set up")
        case .unverifiable(.unusable):
            UserMessage(zh: "無法驗證：信任的憑證設定無法使用", en: "Cannot verify: the trusted certificates cannot be used")
        }
    }

    public var tone: Tone {
        switch self {
        case .validity(.valid): .good
        case .validity(.expiringSoon), .unverifiable: .caution
        case .validity(.expired), .validity(.notYetValid), .validity(.untrusted): .bad
        }
    }
}
