import CivicCore
import GRDB

extension RosterStore {
    /// Every case in the workspace, by case ID.
    public func cases() throws -> [RosterCase] {
        try reading { db in
            try String.fetchAll(db, sql: "SELECT caseId FROM roster_case ORDER BY caseId").compactMap { try rosterCase(db, caseId: $0) }
        }
    }

    /// One case with its counts, counties, batches and purge date; nil when unknown.
    public func rosterCase(_ caseId: String) throws -> RosterCase? {
        try reading { db in try rosterCase(db, caseId: caseId) }
    }

    func rosterCase(_ db: Database, caseId: String) throws -> RosterCase? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM roster_case WHERE caseId = ?", arguments: [caseId]),
              let stage = PetitionStage(rawValue: row["stage"]) else { return nil }
        let rowId: Int64 = row["id"]
        let counts = try statusCounts(db, sql: "SELECT status, count FROM roster_case_count WHERE caseRowId = ?", arguments: [rowId])
        let counties = try Row.fetchAll(db, sql: """
            SELECT county, count FROM roster_case_county WHERE caseRowId = ? ORDER BY count DESC, county
            """, arguments: [rowId]).map { CountyCount(county: $0["county"], count: $0["count"]) }
        let batches = try StoredBatch.fetch(db, sql: "WHERE b.caseRowId = ? ORDER BY b.number", arguments: [rowId])
        return RosterCase(caseId: caseId, caseTitle: row["caseTitle"], stage: stage, electorate: row["electorate"],
                          leadName: row["leadName"], counts: counts, counties: counties, batches: batches,
                          purgedAt: (row["purgedAt"] as String?).flatMap { Timestamp(rfc3339: $0) })
    }

    /// How many records of the case match `filter` (the list's length).
    public func recordCount(caseId: String, filter: RecordFilter = RecordFilter()) throws -> Int {
        try reading { db in
            guard let caseRowId = try caseRowId(db, caseId: caseId) else { return 0 }
            let (conditions, arguments) = Self.whereClause(caseRowId: caseRowId, filter: filter)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roster_record WHERE \(conditions)", arguments: arguments) ?? 0
        }
    }

    /// One page of the records matching `filter`, in roster order (signing instant, batch, seq).
    /// IDs are masked unless `fullIDs`.
    public func records(caseId: String, filter: RecordFilter = RecordFilter(), offset: Int, limit: Int,
                        fullIDs: Bool = false) throws -> [RosterRecordRow] {
        try reading { db in
            guard let caseRowId = try caseRowId(db, caseId: caseId) else { return [] }
            var (conditions, arguments) = Self.whereClause(caseRowId: caseRowId, filter: filter)
            arguments += [max(limit, 0), max(offset, 0)]
            return try Row.fetchAll(db, sql: """
                SELECT batchNumber, seq, status, signedAt, personalId, name, birthDate, address FROM roster_record
                WHERE \(conditions) ORDER BY sortKey, batchNumber, seq LIMIT ? OFFSET ?
                """, arguments: arguments).map { Self.recordRow($0, fullIDs: fullIDs) }
        }
    }

    static func recordRow(_ row: Row, fullIDs: Bool) -> RosterRecordRow {
        let id: String? = row["personalId"]
        return RosterRecordRow(
            batch: row["batchNumber"], seq: row["seq"], status: RecordStatus(rawValue: row["status"]) ?? .malformed,
            signedAt: (row["signedAt"] as String?).flatMap { Timestamp(rfc3339: $0) },
            id: fullIDs ? id : id.map { PersonalID.masked($0) }, name: row["name"],
            birthDate: (row["birthDate"] as String?).flatMap { CivilDate(iso: $0) }, address: row["address"])
    }

    private static func whereClause(caseRowId: Int64, filter: RecordFilter) -> (String, StatementArguments) {
        var conditions = ["caseRowId = ?"]
        var arguments: StatementArguments = [caseRowId]
        if let from = filter.signedFrom {
            conditions.append("signedDate >= ?")
            arguments += [from.iso]
        }
        if let to = filter.signedTo {
            conditions.append("signedDate <= ?")
            arguments += [to.iso]
        }
        if let prefix = filter.idPrefix {
            // A range rather than LIKE, so the index on personalId serves it.
            conditions.append("personalId >= ? AND personalId < ?")
            arguments += [prefix.text, prefix.text + "\u{FFFF}"]
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let batch = filter.batch {
            conditions.append("batchNumber = ?")
            arguments += [batch]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
