import CivicCore
import Foundation
import GRDB

extension RosterStore: RosterImportStoring {
    public func batch(fileSHA256: String) throws -> StoredBatch? {
        try reading { db in
            try StoredBatch.fetch(db, sql: "WHERE b.fileSHA256 = ?", arguments: [fileSHA256.lowercased()]).first
        }
    }

    public func importBatch(file: BatchFile, _ body: (any RosterBatchWriting) throws -> Void) throws -> BatchImportResult {
        try writing { db in
            if let existing = try StoredBatch.fetch(db, sql: "WHERE b.fileSHA256 = ?", arguments: [file.sha256]).first {
                return .alreadyImported(existing)
            }
            let writer = BatchWriter(store: self, db: db, file: file)
            defer { writer.inserter?.lines.discard() }
            try body(writer)
            guard let header = writer.header, let inserter = writer.inserter else { throw RosterPayloadError.empty }
            try inserter.lines.startSync()
            let caseRowId = inserter.caseRowId
            try db.execute(sql: "UPDATE roster_batch SET records = ? WHERE caseRowId = ? AND number = ?",
                           arguments: [inserter.count, caseRowId, header.batch.number])
            var statistics = inserter.statistics
            let newDuplicates = try resolveDuplicates(db, caseRowId: caseRowId, statistics: &statistics)
            try statistics.apply(db, caseRowId: caseRowId)
            let batchCounts = try statusCounts(db, sql: """
                SELECT status, COUNT(*) FROM roster_record WHERE caseRowId = ? AND batchNumber = ? GROUP BY status
                """, arguments: [caseRowId, header.batch.number])
            let caseCounts = try statusCounts(db, sql: "SELECT status, count FROM roster_case_count WHERE caseRowId = ?",
                                              arguments: [caseRowId])
            try inserter.lines.commit()
            return .imported(BatchImportOutcome(caseId: header.caseId, batchNumber: header.batch.number, counts: batchCounts,
                                                newDuplicates: newDuplicates, caseCounts: caseCounts,
                                                threshold: header.stage.threshold(electorate: header.electorate)))
        }
    }

    /// Starts a batch once its header is known: its case (added on the first batch), the
    /// refusals, and the batch row.
    fileprivate func begin(_ db: Database, header: RosterHeader, file: BatchFile) throws -> Int64 {
        let caseRowId = try caseForImport(db, header: header)
        if let taken = try String.fetchOne(db, sql: "SELECT fileName FROM roster_batch WHERE caseRowId = ? AND number = ?",
                                           arguments: [caseRowId, header.batch.number]) {
            throw RosterImportError.batchNumberTaken(caseId: header.caseId, number: header.batch.number, existingFile: taken)
        }
        try db.execute(sql: """
            INSERT INTO roster_batch (caseRowId, number, fileName, fileSHA256, records, downloadedAt, signedFrom, signedTo, importedAt)
            VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)
            """, arguments: [caseRowId, header.batch.number, file.name, file.sha256, header.batch.downloadedAt.rfc3339,
                             header.batch.signedFrom.iso, header.batch.signedTo.iso, now().rfc3339])
        return caseRowId
    }

    /// The case the batch belongs to, added on its first batch; refused when it was purged or
    /// its stage or electorate differ from the batch's.
    private func caseForImport(_ db: Database, header: RosterHeader) throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, stage, electorate, purgedAt FROM roster_case WHERE caseId = ?",
                                         arguments: [header.caseId]) else {
            try db.execute(sql: "INSERT INTO roster_case (caseId, caseTitle, stage, electorate, leadName) VALUES (?, ?, ?, ?, ?)",
                           arguments: [header.caseId, header.caseTitle, header.stage.rawValue, header.electorate, header.leadName])
            return db.lastInsertedRowID
        }
        if row["purgedAt"] as String? != nil { throw RosterImportError.casePurged(caseId: header.caseId) }
        let stage: String = row["stage"], electorate: Int = row["electorate"]
        if stage != header.stage.rawValue {
            throw RosterImportError.caseFactsDiffer(caseId: header.caseId, fact: .stage, imported: stage, batch: header.stage.rawValue)
        }
        if electorate != header.electorate {
            throw RosterImportError.caseFactsDiffer(caseId: header.caseId, fact: .electorate, imported: String(electorate),
                                                    batch: String(header.electorate))
        }
        return row["id"]
    }

    /// Applies `DuplicateRule` to every record of the case whose ID more than one record that
    /// passed the other rules carries, noting each change of status in `statistics`. Groups the
    /// new batch did not touch come out as they were, so nothing changes there. Returns how many
    /// records became duplicates.
    private func resolveDuplicates(_ db: Database, caseRowId: Int64, statistics: inout CaseStatisticsChange) throws -> Int {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, personalId, sortKey, batchNumber, seq, status, county FROM roster_record
            WHERE caseRowId = ? AND checkStatus = 'valid' AND personalId IN (
                SELECT personalId FROM roster_record WHERE caseRowId = ? AND checkStatus = 'valid'
                GROUP BY personalId HAVING COUNT(*) > 1)
            """, arguments: [caseRowId, caseRowId])
        var candidates: [DuplicateRule.Candidate<Int64>] = []
        var current: [Int64: (status: String, county: String?)] = [:]
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            current[id] = (row["status"], row["county"])
            candidates.append(DuplicateRule.Candidate(
                key: id, personalID: row["personalId"],
                order: RosterOrder(signedAtKey: row["sortKey"], batch: row["batchNumber"], seq: row["seq"])))
        }
        let duplicates = DuplicateRule.duplicates(among: candidates)
        let update = try db.makeStatement(sql: "UPDATE roster_record SET status = ? WHERE id = ?")
        var newDuplicates = 0
        for (id, record) in current {
            let status = duplicates.contains(id) ? RecordStatus.duplicate : .valid
            guard status.rawValue != record.status, let old = RecordStatus(rawValue: record.status) else { continue }
            if status == .duplicate { newDuplicates += 1 }
            statistics.move(from: old, to: status, county: record.county)
            try update.execute(arguments: [status.rawValue, id])
        }
        return newDuplicates
    }

    func statusCounts(_ db: Database, sql: String, arguments: StatementArguments) throws -> StatusCounts {
        var counts = StatusCounts()
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            if let status = RecordStatus(rawValue: row[0]) { counts[status] = row[1] }
        }
        return counts
    }
}

/// The store's side of one import, inside its transaction.
private final class BatchWriter: RosterBatchWriting {
    let store: RosterStore
    let db: Database
    let file: BatchFile
    private(set) var header: RosterHeader?
    private(set) var inserter: RecordInserter?

    init(store: RosterStore, db: Database, file: BatchFile) {
        self.store = store
        self.db = db
        self.file = file
    }

    /// Once the batch row holds the write lock, no other import is under way: lines left by
    /// an import that crashed before its commit can go.
    func begin(_ header: RosterHeader) throws {
        let caseRowId = try store.begin(db, header: header, file: file)
        self.header = header
        let recordLines = store.database.recordLines
        try recordLines.removeOrphans(keeping: Set(String.fetchAll(db, sql: """
            SELECT b.fileSHA256 FROM roster_batch b JOIN roster_case c ON c.id = b.caseRowId WHERE c.purgedAt IS NULL
            """)))
        inserter = try RecordInserter(db: db, caseRowId: caseRowId, batchNumber: header.batch.number,
                                      lines: recordLines.writer(batchSHA256: file.sha256))
    }

    func append(_ records: [CheckedRecord]) throws {
        guard let inserter else { throw RosterPayloadError.empty }
        try inserter.append(records)
    }
}

/// Inserts checked records of one batch inside the import's transaction: a prepared statement
/// bound directly through SQLite's C interface, with no per-row allocation beyond SQLite's own
/// copies, since a full petition is some 300,000 rows; the lines go to the batch's line file.
private final class RecordInserter {
    let caseRowId: Int64
    let lines: RecordLineWriter
    private let batchNumber: Int
    private let insertRecord: BoundStatement
    private(set) var count = 0
    /// The batch's records by status and county, as inserted (before the duplicate rule).
    private(set) var statistics = CaseStatisticsChange()

    init(db: Database, caseRowId: Int64, batchNumber: Int, lines: RecordLineWriter) throws {
        self.caseRowId = caseRowId
        self.batchNumber = batchNumber
        self.lines = lines
        insertRecord = BoundStatement(try db.makeStatement(sql: """
            INSERT INTO roster_record (caseRowId, batchNumber, seq, checkStatus, status, sortKey, signedAt, signedDate,
                                       personalId, name, birthDate, address, county, lineIsObject, lineOffset, lineLength)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """), db: db)
    }

    func append(_ records: [CheckedRecord]) throws {
        for record in records {
            let statement = record.statement
            let status = record.status.rawValue
            insertRecord.bind(1, caseRowId)
            insertRecord.bind(2, Int64(batchNumber))
            insertRecord.bind(3, Int64(record.seq))
            insertRecord.bind(4, status)
            insertRecord.bind(5, status)
            insertRecord.bind(6, RosterOrder(signedAt: statement.signedAt, batch: batchNumber, seq: record.seq).signedAt)
            insertRecord.bind(7, statement.signedAt?.rfc3339)
            insertRecord.bind(8, statement.signedAt?.date.iso)
            insertRecord.bind(9, statement.id)
            insertRecord.bind(10, statement.name)
            insertRecord.bind(11, statement.birthDate?.iso)
            insertRecord.bind(12, statement.address)
            let county = statement.address.map(County.of(address:))
            insertRecord.bind(13, county)
            insertRecord.bind(14, record.lineIsObject ? 1 : 0)
            let line = try lines.append(record.line)
            insertRecord.bind(15, line.offset)
            insertRecord.bind(16, Int64(line.length))
            try insertRecord.run()
            statistics.add(record.status, county: county)
        }
        count += records.count
    }
}
