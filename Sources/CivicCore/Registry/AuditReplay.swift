import Foundation

/// What the audit log says the registry holds: its entries' changes applied in order. The log's
/// check compares this with the registry's tables, so an office or a clerk changed outside
/// CivicDesk (a permission granted with sqlite3, say) is found even though no log row was touched.
public enum AuditReplay {
    public struct State: Sendable, Equatable {
        public var office: Office?
        public var clerks: [Clerk]

        public init(office: Office?, clerks: [Clerk]) {
            self.office = office
            self.clerks = clerks
        }
    }

    /// The state after `entries`; nil when an entry's data cannot be read as its action's change.
    public static func state(after entries: [AuditEntry]) -> State? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        func read<T: Decodable>(_ type: T.Type, _ entry: AuditEntry) -> T? {
            try? decoder.decode(type, from: Data(entry.data.utf8))
        }
        var state = State(office: nil, clerks: [])
        for entry in entries {
            switch entry.action {
            case "registry.register":
                guard let office = read(Office.self, entry) else { return nil }
                state.office = office
            case "registry.review.approve":
                guard let pending = read(PendingReview.self, entry) else { return nil }
                state.office = pending.office
            case "registry.review.submit", "registry.review.reject":
                break
            case "registry.clerk.add":
                guard let clerk = read(Clerk.self, entry) else { return nil }
                state.clerks.append(clerk)
            case "registry.clerk.change":
                guard let change = read(ClerkChange.self, entry),
                      let index = state.clerks.firstIndex(where: { $0.serial == change.serial }) else { return nil }
                state.clerks[index] = change.clerk
            case "registry.clerk.remove":
                guard let clerk = read(Clerk.self, entry) else { return nil }
                state.clerks.removeAll { $0.serial == clerk.serial }
            case let action where action.hasPrefix("registry.replace."):
                guard let office = read(Office.self, entry) else { return nil }
                state.office = office
            default:
                return nil
            }
        }
        return state
    }

    /// `registry.clerk.change`'s data: the serial the clerk had, and the clerk now.
    struct ClerkChange: Codable {
        let serial: CertificateSerial
        let clerk: Clerk
    }

    /// The tables that differ from the log, by name; empty when they agree.
    public static func differences(_ replayed: State, office: Office?, clerks: [Clerk]) -> [String] {
        (replayed.office == office ? [] : ["registry_office"]) + (replayed.clerks == clerks ? [] : ["registry_clerk"])
    }
}
