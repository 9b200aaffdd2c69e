/// Where a record stands in a case: by the instant it was signed, then batch number, then
/// `seq`. This order decides which of two records with one ID came first (spec §3) and is the
/// order of the submission files (spec §5).
public struct RosterOrder: Sendable, Hashable, Comparable {
    /// Microseconds since the Unix epoch of `signedAt`; `Int64.max` when it could not be read,
    /// so such (malformed) records come last.
    public let signedAt: Int64
    public let batch: Int
    public let seq: Int

    public init(signedAt: Timestamp?, batch: Int, seq: Int) {
        self.init(signedAtKey: signedAt?.microsecondsSinceEpoch ?? .max, batch: batch, seq: seq)
    }

    public init(signedAtKey: Int64, batch: Int, seq: Int) {
        self.signedAt = signedAtKey
        self.batch = batch
        self.seq = seq
    }

    public static func < (lhs: RosterOrder, rhs: RosterOrder) -> Bool {
        (lhs.signedAt, lhs.batch, lhs.seq) < (rhs.signedAt, rhs.batch, rhs.seq)
    }
}

/// Spec §3 `duplicate`, over every batch of a case at once, so the outcome does not depend on
/// the order batches were imported in: of the records that passed every other rule, the first
/// one (`RosterOrder`) of each ID stays `valid` and the others are duplicates.
public enum DuplicateRule {
    public struct Candidate<Key: Hashable & Sendable>: Sendable {
        /// How the caller finds the record again (a row id, a batch and seq, …).
        public let key: Key
        public let personalID: String
        public let order: RosterOrder

        public init(key: Key, personalID: String, order: RosterOrder) {
            self.key = key
            self.personalID = personalID
            self.order = order
        }
    }

    /// The keys of the candidates that are duplicates. Pass every record of the case that
    /// passed the other rules for each ID concerned (records of other IDs do not matter).
    public static func duplicates<Key>(among candidates: some Sequence<Candidate<Key>>) -> Set<Key> {
        var first: [String: Candidate<Key>] = [:]
        var duplicates = Set<Key>()
        for candidate in candidates {
            guard let earlier = first[candidate.personalID] else {
                first[candidate.personalID] = candidate
                continue
            }
            if candidate.order < earlier.order {
                duplicates.insert(earlier.key)
                first[candidate.personalID] = candidate
            } else {
                duplicates.insert(candidate.key)
            }
        }
        return duplicates
    }
}
