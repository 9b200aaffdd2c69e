import Foundation

/// A change to the registry, as the store applies it and the audit log records it: the action's
/// name and the changed data as JSON are made here, once, so what is signed is what is stored.
public enum RegistryChange: Sendable, Hashable {
    case register(Office, at: Date)
    case submitForReview(PendingReview)
    case approve(PendingReview, at: Date)
    case reject(PendingReview)
    case addClerk(Clerk)
    /// The clerk registered under `serial` becomes `clerk` (a new serial keeps the row).
    case changeClerk(serial: CertificateSerial, to: Clerk)
    case removeClerk(Clerk)
    /// New certificates of the office; `item` says which were replaced.
    case replace(Office, item: RegistrationItem, at: Date)

    /// `registry.register`, `registry.clerk.add`, …
    public var action: String {
        switch self {
        case .register: "registry.register"
        case .submitForReview: "registry.review.submit"
        case .approve: "registry.review.approve"
        case .reject: "registry.review.reject"
        case .addClerk: "registry.clerk.add"
        case .changeClerk: "registry.clerk.change"
        case .removeClerk: "registry.clerk.remove"
        case .replace(_, let item, _): "registry.replace.\(item.rawValue)"
        }
    }

    /// The changed data: sorted keys, ISO 8601 dates, so the same change always reads the same.
    public var dataJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data?
        switch self {
        case .register(let office, _), .replace(let office, _, _): data = try? encoder.encode(office)
        case .submitForReview(let pending), .approve(let pending, _), .reject(let pending): data = try? encoder.encode(pending)
        case .addClerk(let clerk), .removeClerk(let clerk): data = try? encoder.encode(clerk)
        case .changeClerk(let serial, let clerk): data = try? encoder.encode(AuditReplay.ClerkChange(serial: serial, clerk: clerk))
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
