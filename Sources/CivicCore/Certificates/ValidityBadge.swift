import Foundation

/// The one-word verdict shown beside a certificate on the readers page, so a user sees at a
/// glance whether the card can still be used and when to renew it.
public enum ValidityBadge: Sendable, Hashable {
    case valid
    /// Still valid, but for fewer than `ValidityBadge.warningDays` more days.
    case expiringSoon(daysLeft: Int)
    case expired
    case notYetValid
    /// Does not chain to a trusted certification authority.
    case untrusted

    /// How long before expiry the badge warns (renewing a 自然人憑證 takes a visit to an office).
    public static let warningDays = 30

    /// `trusted` comes from the chain check; dates are judged at `now`.
    public static func of(_ certificate: CertificateInfo, trusted: Bool, now: Date) -> ValidityBadge {
        guard trusted else { return .untrusted }
        if now < certificate.notBefore { return .notYetValid }
        if now > certificate.notAfter { return .expired }
        let secondsLeft = certificate.notAfter.timeIntervalSince(now)
        let daysLeft = Int(secondsLeft / 86_400)
        return daysLeft < warningDays ? .expiringSoon(daysLeft: daysLeft) : .valid
    }

    public var message: UserMessage {
        switch self {
        case .valid:
            return UserMessage(zh: "有效", en: "Valid")
        case .expiringSoon(let days):
            return UserMessage(zh: "即將到期（剩 \(days) 天），請儘早辦理展期",
                               en: "Expires in \(days) days; renew it soon")
        case .expired:
            return UserMessage(zh: "已過期", en: "Expired")
        case .notYetValid:
            return UserMessage(zh: "尚未生效", en: "Not yet valid")
        case .untrusted:
            return UserMessage(zh: "不受信任（非由受信任的憑證管理中心簽發）",
                               en: "Untrusted (not issued by a trusted certification authority)")
        }
    }

    /// Whether the card can be used for signing or decrypting today.
    public var isUsable: Bool {
        switch self {
        case .valid, .expiringSoon: return true
        case .expired, .notYetValid, .untrusted: return false
        }
    }
}
