import CivicCore
import GRDB

/// What one import adds to its case's statistics (`roster_case_count`, `roster_case_county`,
/// which outlive a purge): the batch's records by status, its valid ones by county, and the
/// records the duplicate rule moved. Added to the stored figures, so an import costs the same
/// whether the case holds one batch or a hundred, where a recount grew with every batch.
struct CaseStatisticsChange {
    private var statuses = StatusCounts()
    private var counties: [String: Int] = [:]

    mutating func add(_ status: RecordStatus, county: String?, count: Int = 1) {
        statuses[status] += count
        if status == .valid, let county { counties[county, default: 0] += count }
    }

    mutating func move(from old: RecordStatus, to new: RecordStatus, county: String?) {
        add(old, county: county, count: -1)
        add(new, county: county)
    }

    /// Adds the change to the case's stored figures; a county left without valid signers goes.
    func apply(_ db: Database, caseRowId: Int64) throws {
        for (status, count) in statuses.all where count != 0 {
            try db.execute(sql: """
                INSERT INTO roster_case_count (caseRowId, status, count) VALUES (?, ?, ?)
                ON CONFLICT (caseRowId, status) DO UPDATE SET count = count + excluded.count
                """, arguments: [caseRowId, status.rawValue, count])
        }
        for (county, count) in counties where count != 0 {
            try db.execute(sql: """
                INSERT INTO roster_case_county (caseRowId, county, count) VALUES (?, ?, ?)
                ON CONFLICT (caseRowId, county) DO UPDATE SET count = count + excluded.count
                """, arguments: [caseRowId, county, count])
        }
        try db.execute(sql: "DELETE FROM roster_case_county WHERE caseRowId = ? AND count = 0", arguments: [caseRowId])
    }
}
