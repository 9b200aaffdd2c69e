import CivicCore
import GRDB

extension RosterStore {
    /// The retention purge (spec §6): deletes the case's records and their decrypted lines (the
    /// workspace keeps no other copy of a batch) and keeps its statistics — counts by status and
    /// by county, batch dates and digests — marking the case purged. Deleted pages are
    /// overwritten (`secure_delete`), the WAL is emptied into the database and truncated, and the
    /// line files are overwritten before they are removed. Purging a purged case changes nothing;
    /// line files a failed purge left behind go with the next purge or import.
    @discardableResult
    public func purge(caseId: String) throws -> RosterCase {
        let batchFiles = try writing { db in
            guard let caseRowId = try caseRowId(db, caseId: caseId) else { throw RosterCaseError.unknown(caseId: caseId) }
            try db.execute(sql: """
                DELETE FROM roster_record WHERE caseRowId = :case;
                UPDATE roster_case SET purgedAt = :now WHERE id = :case AND purgedAt IS NULL;
                """, arguments: ["case": caseRowId, "now": now().rfc3339])
            return try String.fetchAll(db, sql: "SELECT fileSHA256 FROM roster_batch WHERE caseRowId = ?", arguments: [caseRowId])
        }
        for batchFile in batchFiles {
            try database.recordLines.erase(batchSHA256: batchFile)
        }
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
        guard let purged = try rosterCase(caseId) else { throw RosterCaseError.unknown(caseId: caseId) }
        return purged
    }
}
