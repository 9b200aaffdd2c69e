import CivicCore
import Foundation
import GRDB

/// The roster's part of the workspace (spec §2–§6): cases, batches and checked records, the
/// case-wide duplicate rule, the record queries, the reads that packing streams, and the
/// retention purge. It implements Core's `RosterImportStoring` and `RosterPackSource`.
public final class RosterStore: Sendable {
    public let database: WorkspaceDatabase
    /// The clock import and purge times are taken from (tests fix it).
    let now: @Sendable () -> Timestamp

    public init(database: WorkspaceDatabase, now: @escaping @Sendable () -> Timestamp = RosterStore.localNow) {
        self.database = database
        self.now = now
    }

    /// The current time in the computer's own offset.
    public static let localNow: @Sendable () -> Timestamp = {
        let date = Date()
        let offset = TimeZone.current.secondsFromGMT(for: date) / 60
        guard let timestamp = Timestamp(date, offsetMinutes: offset) else {
            preconditionFailure("the system clock is outside the years 1–9999")
        }
        return timestamp
    }

    var pool: DatabasePool { database.pool }

    /// Runs database work, turning SQLite's errors into the workspace's user-facing one.
    func writing<T>(_ work: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(work)
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
    }

    func reading<T>(_ work: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(work)
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
    }

    /// The row id of a case, if the workspace has it.
    func caseRowId(_ db: Database, caseId: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM roster_case WHERE caseId = ?", arguments: [caseId])
    }
}
